"""A read-only table model of plain rows, for the dashboard's tables."""

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QLocale, Qt

from ctpat_desktop.ui.table_model import Index, TableModel


class RowsModel(TableModel):
    """Headers and rows of values; numbers align right and sort as numbers."""

    SortRole = Qt.ItemDataRole.UserRole + 1

    def set_rows(self, rows: Sequence[Sequence[Any]]) -> None:
        """Replace every row."""
        self.replace_items([tuple(r) for r in rows])

    def rows(self) -> list[tuple[Any, ...]]:
        """The rows as given."""
        return list(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.item(index)
        if row is None:
            return None
        value = row[index.column()]
        if role == self.SortRole:
            return value
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            # Decimals as the windows' language writes them (21,05 in Spanish).
            return QLocale().toString(value, "f", 2) if isinstance(value, float) else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
