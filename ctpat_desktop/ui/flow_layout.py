"""A layout that places its items in a row and wraps onto the next row when out of width."""

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QStyle, QWidget


class FlowLayout(QLayout):
    """Items left to right, each row as high as its tallest item, as many rows as needed.

    Its minimum width is its widest item's, so a window holding it fits a narrow screen
    and simply grows a row taller.
    """

    def __init__(self, parent: QWidget | None = None, across: int = -1) -> None:
        """across: the gap between items of a row (else the style's); rows the style's."""
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._across = across
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """Everything on one row."""
        width = sum(item.sizeHint().width() for item in self._items if not item.isEmpty())
        width += self._gap(QStyle.PixelMetric.PM_LayoutHorizontalSpacing) * max(
            0, len(self._items) - 1
        )
        height = max((item.sizeHint().height() for item in self._items), default=0)
        margins = self.contentsMargins()
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _gap(self, metric: QStyle.PixelMetric) -> int:
        if metric == QStyle.PixelMetric.PM_LayoutHorizontalSpacing and self._across >= 0:
            return self._across
        parent = self.parentWidget()
        if parent is None:
            return 6
        gap = parent.style().pixelMetric(metric, None, parent)
        return gap if gap >= 0 else 6

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place the items (or only measure, when not move) within rect; the height used."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        across = self._gap(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)
        down = self._gap(QStyle.PixelMetric.PM_LayoutVerticalSpacing)
        x, y, row_height = area.x(), area.y(), 0
        rows: list[list[tuple[QLayoutItem, int]]] = [[]]
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and row_height > 0:
                x, y, row_height = area.x(), y + row_height + down, 0
                rows.append([])
            rows[-1].append((item, x))
            x += hint.width() + across
            row_height = max(row_height, hint.height())
        if move:
            top = area.y()
            for row in rows:
                height = max((item.sizeHint().height() for item, _ in row), default=0)
                for item, left in row:
                    hint = item.sizeHint()
                    width = min(hint.width(), area.right() + 1 - left)
                    # Items of one row share its height, centred, as a box layout would.
                    offset = (height - hint.height()) // 2
                    item.setGeometry(QRect(QPoint(left, top + offset), QSize(width, hint.height())))
                top += height + down
        return y + row_height - rect.y() + margins.bottom()
