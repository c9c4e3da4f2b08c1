"""The validations as a Qt table model."""

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from ctpat_desktop.store import ValidationSummary
from ctpat_desktop.ui.table_model import Index, TableModel


class ValidationListModel(TableModel):
    """One row per validation: member, entity, mode, date, status, progress."""

    IdRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2
    HEADERS = ("Member", "Account", "Entity type", "Mode", "Date", "Status", "Progress", "Not met")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(self.HEADERS, parent)

    def set_summaries(self, summaries: Sequence[ValidationSummary]) -> None:
        """Replace every row."""
        self.replace_items(summaries)

    def summary(self, row: int) -> ValidationSummary:
        """The validation shown in a row."""
        summary: ValidationSummary = self._items[row]
        return summary

    def summary_of(self, validation_id: str) -> ValidationSummary | None:
        """The row of one validation, if shown."""
        return next((s for s in self._items if s.validation.id == validation_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        s = self.item(index)
        if s is None:
            return None
        v = s.validation
        if role == self.IdRole:
            return v.id
        values: tuple[Any, ...] = (
            v.member.name,
            v.member.account,
            s.entity_name,
            v.mode.value,
            v.date.isoformat(),
            f"{v.status.value} (archived)" if v.archived else v.status.value,
            s.progress,
            s.deficiencies,
        )
        column = index.column()
        if role == self.SortRole:
            return values[column]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == 6:
                return f"{s.reviewed}/{s.criteria} ({s.progress:.0%})"
            return str(values[column])
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 6:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
