"""The app-wide look: the high-contrast theme and the text size (Section 508)."""

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from ctpat_desktop.paths import resources_dir
from ctpat_desktop.settings import MAX_FONT_SCALE, MIN_FONT_SCALE

FONT_STEP = 0.25
# The application's own font before any scaling, kept on the application itself so that
# scaling twice never compounds.
_BASE_POINT_SIZE = "ctpat_base_point_size"
HIGH_CONTRAST = "ctpat_high_contrast"
_CHECK_BOX_STYLE = "ctpat_check_box_style"
# WCAG 2.x success criterion 1.4.3: text reaches 4.5:1 against what it is drawn on.
MIN_CONTRAST = 4.5
# Light text on the dark selection is drawn thinner than its colour says (anti-aliasing);
# the selection aims at 7:1 so that the text as drawn still passes 4.5:1.
SELECTION_CONTRAST = 7.0

_ROLE = QPalette.ColorRole
_GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled)
# Every text colour of a palette with the backgrounds it is drawn on.
TEXT_ON_BACKGROUND = (
    (_ROLE.WindowText, (_ROLE.Window,)),
    (_ROLE.Text, (_ROLE.Base, _ROLE.AlternateBase)),
    (_ROLE.PlaceholderText, (_ROLE.Base,)),
    (_ROLE.ButtonText, (_ROLE.Button,)),
    (_ROLE.ToolTipText, (_ROLE.ToolTipBase,)),
    (_ROLE.Link, (_ROLE.Base, _ROLE.Window)),
    (_ROLE.LinkVisited, (_ROLE.Base, _ROLE.Window)),
)


def relative_luminance(colour: QColor) -> float:
    """WCAG 2.x relative luminance of an opaque colour, 0 (black) to 1 (white)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    rgb = colour.toRgb()
    return (
        0.2126 * linear(rgb.redF()) + 0.7152 * linear(rgb.greenF()) + 0.0722 * linear(rgb.blueF())
    )


def _over(colour: QColor, background: QColor) -> QColor:
    """A see-through colour as it shows on an opaque background."""
    alpha = colour.alphaF()
    return QColor.fromRgbF(
        colour.redF() * alpha + background.redF() * (1 - alpha),
        colour.greenF() * alpha + background.greenF() * (1 - alpha),
        colour.blueF() * alpha + background.blueF() * (1 - alpha),
    )


def contrast_ratio(text: QColor, background: QColor) -> float:
    """WCAG 2.x contrast ratio (1 to 21) of a text colour on an opaque background."""
    lighter, darker = sorted(
        (relative_luminance(_over(text, background)), relative_luminance(background)),
        reverse=True,
    )
    return (lighter + 0.05) / (darker + 0.05)


def readable(colour: QColor, against: QColor, ratio: float = MIN_CONTRAST) -> QColor:
    """The colour, or the nearest shade of it towards black or white that reaches the ratio."""
    colour = _over(colour, against)
    black, white = QColor("#000000"), QColor("#ffffff")
    extreme = black if contrast_ratio(black, against) >= contrast_ratio(white, against) else white
    for step in range(21):
        shade = QColor.fromRgbF(
            *(
                mine + (far - mine) * step / 20
                for mine, far in zip(
                    (colour.redF(), colour.greenF(), colour.blueF()),
                    (extreme.redF(), extreme.greenF(), extreme.blueF()),
                    strict=True,
                )
            )
        )
        if contrast_ratio(shade, against) >= ratio:
            return QColor(shade.name())
    return extreme


def readable_palette(palette: QPalette) -> QPalette:
    """The palette with every text colour readable on its backgrounds, disabled text too.

    A signed validation shows its findings in disabled fields, so disabled text must be read.
    The selection keeps its text colour and darkens (or lightens) its background instead.
    """
    palette = QPalette(palette)
    for group in _GROUPS:
        for text, backgrounds in TEXT_ON_BACKGROUND:
            colour = palette.color(group, text)
            for background in backgrounds:
                colour = readable(colour, palette.color(group, background))
            palette.setColor(group, text, colour)
        highlight = readable(
            palette.color(group, _ROLE.Highlight),
            palette.color(group, _ROLE.HighlightedText),
            SELECTION_CONTRAST,
        )
        palette.setColor(group, _ROLE.Highlight, highlight)
    return palette


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
    palette.setColor(role.LinkVisited, yellow)
    palette.setColor(role.PlaceholderText, QColor("#d0d0d0"))
    return palette


def draw_tick_box(painter: QPainter, option: QStyleOption) -> None:
    """A high-contrast check box: a white square ringed in black (seen on a yellow selected
    row too), black inside, yellow with a black tick when ticked (a dash when partly ticked),
    grey instead of white when disabled."""
    state = option.state
    side = min(option.rect.width(), option.rect.height())
    box = QRect(0, 0, side, side)
    box.moveCenter(option.rect.center())
    enabled = bool(state & QStyle.StateFlag.State_Enabled)
    ticked = bool(state & QStyle.StateFlag.State_On)
    partly = bool(state & QStyle.StateFlag.State_NoChange)
    edge = QColor("#ffffff" if enabled else "#c0c0c0")
    fill = QColor("#ffff00" if enabled else "#c0c0c0") if ticked or partly else QColor("#000000")
    border = max(2, side // 8)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.fillRect(box, QColor("#000000"))
    ring = box.adjusted(1, 1, -1, -1)
    painter.fillRect(ring, edge)
    inner = ring.adjusted(border, border, -border, -border)
    painter.fillRect(inner, fill)
    if ticked or partly:
        pen = QPen(QColor("#000000"), max(2.0, side / 7))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        area = QRectF(inner)

        def at(x: float, y: float) -> QPointF:
            return QPointF(area.left() + x * area.width(), area.top() + y * area.height())

        if ticked:
            tick = QPainterPath(at(0.2, 0.55))
            tick.lineTo(at(0.42, 0.76))
            tick.lineTo(at(0.8, 0.26))
            painter.drawPath(tick)
        else:
            painter.drawLine(at(0.22, 0.5), at(0.78, 0.5))
    painter.restore()


class HighContrastStyle(QProxyStyle):
    """The platform's style, except that in high contrast check boxes (in lists too) are
    drawn as boxes with a tick and grow with the text; the style sheet draws them as bars."""

    _CHECKS = (
        QStyle.PrimitiveElement.PE_IndicatorCheckBox,
        QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
    )
    _SIZES = (QStyle.PixelMetric.PM_IndicatorWidth, QStyle.PixelMetric.PM_IndicatorHeight)

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        if metric in self._SIZES and is_high_contrast():
            font = widget.font() if widget is not None else QApplication.font()
            return max(16, round(QFontMetrics(font).height() * 0.9))
        return super().pixelMetric(metric, option, widget)

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element in self._CHECKS and is_high_contrast():
            draw_tick_box(painter, option)
            return
        super().drawPrimitive(element, option, painter, widget)


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
    if high_contrast and not app.property(_CHECK_BOX_STYLE):
        # Installed once, before any style sheet; outside high contrast it changes nothing.
        app.setStyle(HighContrastStyle(app.style().name()))
        app.setProperty(_CHECK_BOX_STYLE, True)
    if high_contrast:
        app.setPalette(readable_palette(_high_contrast_palette()))
        app.setStyleSheet(high_contrast_style())
    else:
        app.setPalette(readable_palette(app.style().standardPalette()))
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
