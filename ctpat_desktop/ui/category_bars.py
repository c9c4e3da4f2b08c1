"""A horizontal bar chart of deficiencies by category, painted with QPainter."""

from collections.abc import Sequence

from PySide6.QtCore import QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

_BAR = QColor("#1f4e79")
_ROW = 22


def _percent(value: float) -> str:
    """A percentage with two decimals, as the windows' language writes decimals."""
    return QLocale().toString(value, "f", 2) + "%"


class CategoryBars(QWidget):
    """One labelled bar per category; the numbers are also in the accessible description."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, int, float]] = []
        self.setAccessibleName(self.tr("Deficiencies by category chart"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, rows: Sequence[tuple[str, int, float]]) -> None:
        """Rows of (label, count, percent)."""
        self._rows = list(rows)
        self.setAccessibleDescription(
            "; ".join(f"{label}: {count} ({_percent(percent)})" for label, count, percent in rows)
        )
        self.setFixedHeight(max(1, len(self._rows)) * _ROW + 8)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(640, len(self._rows) * _ROW + 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        label_width = min(330, self.width() // 2)
        value_width = 110
        bar_space = max(10, self.width() - label_width - value_width - 16)
        top = max((count for _, count, _ in self._rows), default=0) or 1
        text = self.palette().windowText().color()
        for i, (label, count, percent) in enumerate(self._rows):
            y = 4 + i * _ROW
            painter.setPen(text)
            shown = self.fontMetrics().elidedText(
                label, Qt.TextElideMode.ElideRight, label_width - 8
            )
            painter.drawText(
                QRectF(0, y, label_width - 6, _ROW),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                shown,
            )
            width = bar_space * count / top
            painter.fillRect(QRectF(label_width, y + 4, width, _ROW - 8), _BAR)
            painter.drawText(
                QRectF(label_width + width + 6, y, value_width, _ROW),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                f"{count}  ({_percent(percent)})",
            )
        painter.end()
