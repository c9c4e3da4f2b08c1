"""ctpat-desktop: CTPAT virtual validations, offline first."""

import warnings

__version__ = "0.1.0"

# pyHanko imports cryptography's DSA key type, which cryptography marks deprecated with a
# warning printed by every command that signs or verifies (and by `demo`, which signs). No
# DSA key is used here (signing keys are RSA or EC): that one warning is not shown.
warnings.filterwarnings("ignore", message="DSA is deprecated", module=r"pyhanko\.")
