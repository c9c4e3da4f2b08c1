"""A horizontal bar chart painted with QPainter (no QtCharts), with a text alternative."""

from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ctpat_desktop.ui.theme import is_high_contrast

# The bars' colour as (normal, high contrast); the navy is the dashboard PDF's.
_BAR = ("#1f4e79", "#ffff00")
_MARGIN = 4
_GAP = 6


class Bar(NamedTuple):
    """One bar: its label, the value that sets its length and the value as written."""

    label: str
    value: float
    shown: str


class BarChart(QWidget):
    """One labelled bar per row, longest value longest; the figures are also in words.

    The accessible description lists every bar ("label: value; …") for screen readers, and
    hovering a bar shows its full label and value (labels too long for the space are
    elided on screen).
    """

    def __init__(self, name: str, empty: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[Bar] = []
        self._empty = empty
        self.setAccessibleName(name)
        self.setAccessibleDescription(empty)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: Sequence[Bar]) -> None:
        """Show these bars, in this order, top to bottom."""
        self._bars = list(bars)
        self.setAccessibleDescription(self.description())
        self.updateGeometry()
        self.update()

    def bars(self) -> list[Bar]:
        """The bars shown."""
        return list(self._bars)

    def description(self) -> str:
        """The chart in words: every label with its value."""
        if not self._bars:
            return self._empty
        return "; ".join(f"{bar.label}: {bar.shown}" for bar in self._bars)

    def _row_height(self) -> int:
        return max(22, self.fontMetrics().height() + 8)

    def sizeHint(self) -> QSize:
        return QSize(640, max(1, len(self._bars)) * self._row_height() + 2 * _MARGIN)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()
        super().changeEvent(event)

    def _bar_at(self, y: int) -> Bar | None:
        row = (y - _MARGIN) // self._row_height()
        return self._bars[row] if y >= _MARGIN and 0 <= row < len(self._bars) else None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            bar = self._bar_at(event.pos().y())
            if bar is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), f"{bar.label}: {bar.shown}", self)
            return True
        return super().event(event)

    def _columns(self) -> tuple[int, int]:
        """The widths of the labels' and the values' columns; the bars get the rest."""
        metrics = self.fontMetrics()
        widest_label = max((metrics.horizontalAdvance(b.label) for b in self._bars), default=0)
        widest_value = max((metrics.horizontalAdvance(b.shown) for b in self._bars), default=0)
        value_width = widest_value + _GAP + _MARGIN
        label_width = min(widest_label + 2 * _GAP, int(self.width() * 0.45))
        return max(0, label_width), value_width

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().windowText().color()
        painter.setPen(text)
        row = self._row_height()
        if not self._bars:
            painter.drawText(
                QRectF(_MARGIN, _MARGIN, self.width() - 2 * _MARGIN, row),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                self._empty,
            )
            painter.end()
            return
        label_width, value_width = self._columns()
        bar_space = max(10, self.width() - label_width - value_width - _GAP)
        top = max((bar.value for bar in self._bars), default=0.0) or 1.0
        colour = QColor(_BAR[1] if is_high_contrast() else _BAR[0])
        metrics = self.fontMetrics()
        for i, bar in enumerate(self._bars):
            y = _MARGIN + i * row
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_width - _GAP)
            painter.drawText(
                QRectF(0, y, label_width - _GAP, row),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
            length = bar_space * max(0.0, bar.value) / top
            painter.fillRect(QRectF(label_width, y + 4, length, row - 8), colour)
            painter.drawText(
                QRectF(label_width + length + _GAP, y, value_width, row),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                bar.shown,
            )
        painter.end()
