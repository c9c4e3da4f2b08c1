"""The app-wide look: the high-contrast theme and the text size (Section 508)."""

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from ctpat_desktop.paths import resources_dir
from ctpat_desktop.settings import MAX_FONT_SCALE, MIN_FONT_SCALE

FONT_STEP = 0.25
# The application's own font before any scaling, kept on the application itself so that
# scaling twice never compounds.
_BASE_POINT_SIZE = "ctpat_base_point_size"
HIGH_CONTRAST = "ctpat_high_contrast"


def high_contrast_style() -> str:
    """The high-contrast style sheet."""
    return (resources_dir() / "styles" / "high-contrast.qss").read_text(encoding="utf-8")


def clamp_font_scale(scale: float) -> float:
    """A text scale within the range the settings accept."""
    return min(MAX_FONT_SCALE, max(MIN_FONT_SCALE, round(scale, 2)))


def _high_contrast_palette() -> QPalette:
    palette = QPalette()
    black, white, yellow = QColor("#000000"), QColor("#ffffff"), QColor("#ffff00")
    role = QPalette.ColorRole
    for background in (role.Window, role.Base, role.AlternateBase, role.Button, role.ToolTipBase):
        palette.setColor(background, black)
    for text in (role.WindowText, role.Text, role.ButtonText, role.BrightText, role.ToolTipText):
        palette.setColor(text, white)
    palette.setColor(role.Highlight, yellow)
    palette.setColor(role.HighlightedText, black)
    palette.setColor(role.Link, yellow)
    palette.setColor(role.PlaceholderText, QColor("#d0d0d0"))
    return palette


def apply_theme(app: QApplication, high_contrast: bool, font_scale: float) -> None:
    """Apply the theme and text size to every window, open or yet to open."""
    base = app.property(_BASE_POINT_SIZE)
    if base is None:
        base = app.font().pointSizeF()
        app.setProperty(_BASE_POINT_SIZE, base)
    font = QFont(app.font())
    font.setPointSizeF(float(base) * clamp_font_scale(font_scale))
    app.setFont(font)
    app.setProperty(HIGH_CONTRAST, high_contrast)
    if high_contrast:
        app.setPalette(_high_contrast_palette())
        app.setStyleSheet(high_contrast_style())
    else:
        app.setPalette(app.style().standardPalette())
        app.setStyleSheet("")


def is_high_contrast() -> bool:
    """Whether the high-contrast theme is on (for views that colour their own items)."""
    app = QApplication.instance()
    return bool(app is not None and app.property(HIGH_CONTRAST))


# Colours that views set themselves, as (normal, high contrast): the high-contrast ones are
# light, for the theme's black background. Meaning never rests on colour alone.
INK = {
    "error": ("#b71c1c", "#ff8a80"),
    "good": ("#1e6b30", "#69f0ae"),
    "must": ("#7f1d1d", "#ff8a80"),
    "should": ("#1e3a8a", "#82b1ff"),
    "met": ("#1b5e20", "#69f0ae"),
    "exceeds": ("#4a148c", "#ea80fc"),
    "muted": ("#555555", "#e0e0e0"),
}


def ink(name: str) -> str:
    """One of INK's colours for the theme in use."""
    normal, bright = INK[name]
    return bright if is_high_contrast() else normal
