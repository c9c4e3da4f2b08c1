"""ctpat-desktop: CTPAT virtual validations, offline first."""

__version__ = "0.1.0"
