"""The PySide6 GUI: the only package that imports Qt."""

from ctpat_desktop.ui.pyside_start import answer_feature_scan_by_name

answer_feature_scan_by_name()
