"""One start-up cost of PySide6 that this app does not need to pay.

PySide6 replaces Python's import and, after every module imported (and, once, for every
module already imported), reads the module's source with inspect.getsource to learn
whether it names PySide6: that decides how the module sees Qt classes under the opt-in
`from __feature__ import snake_case, true_property`. This app selects no feature, so the
answer changes nothing it sees; reading the sources (of about a hundred modules at start)
cost about 30 ms, a tenth of the GUI's start (the tax napari measured, napari issue 8584).
Here the answer is given from the module's name instead: a module of PySide6 or of this
GUI uses PySide6, any other is left out, as PySide does for a module that does not name it.

It reaches into PySide's support module; should a later PySide change it, nothing is
replaced and PySide reads the sources as before.
"""

from types import ModuleType

import PySide6.QtCore  # noqa: F401 (loads PySide's support modules)

_USES_PYSIDE = ("PySide6", "shiboken6", "ctpat_desktop.ui")


def uses_pyside(module: ModuleType) -> bool:
    """Whether a module uses PySide6, told by its name."""
    return getattr(module, "__name__", "").startswith(_USES_PYSIDE)


def answer_feature_scan_by_name() -> bool:
    """Make PySide tell modules that use it by their names; False if it cannot be."""
    import sys

    feature = sys.modules.get("PySide6.support.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    setattr(feature, "_mod_uses_pyside", uses_pyside)  # noqa: B010 (a private name)
    return True
