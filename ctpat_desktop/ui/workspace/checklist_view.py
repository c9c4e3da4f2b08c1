"""The checklist tree: arrow keys walk the criteria and step over the category rows."""

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QTreeView

_Cursor = QAbstractItemView.CursorAction
# Moves that can land on a category row, and which way the walk goes on from there.
_DOWN = {_Cursor.MoveDown, _Cursor.MoveNext, _Cursor.MovePageDown, _Cursor.MoveHome}
_UP = {_Cursor.MoveUp, _Cursor.MovePrevious, _Cursor.MovePageUp, _Cursor.MoveEnd}


class ChecklistView(QTreeView):
    """A tree of categories and their criteria where the arrow keys land only on criteria.

    A status key on a category row would do nothing, so with this "M, Down" twelve
    times marks twelve criteria. Left still folds a category (and lands on it), and a
    click still shows a category's summary.
    """

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        index = super().moveCursor(cursorAction, modifiers)
        if cursorAction in _DOWN:
            step = self.indexBelow
        elif cursorAction in _UP:
            step = self.indexAbove
        else:
            return index
        while index.isValid() and not index.parent().isValid():  # a category row
            index = step(index)
        return index if index.isValid() else self.currentIndex()
