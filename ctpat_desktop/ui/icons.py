"""The only module that names icon files."""

from PySide6.QtGui import QIcon

from ctpat_desktop.paths import resources_dir


def app_icon() -> QIcon:
    """The application's icon (scalable, with a bitmap fallback)."""
    icons = resources_dir() / "icons"
    icon = QIcon(str(icons / "ctpat-desktop.svg"))
    icon.addFile(str(icons / "ctpat-desktop.png"))
    return icon
