"""The validations as a Qt table model."""

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ctpat_desktop.store import ValidationSummary

_Index = QModelIndex | QPersistentModelIndex


class ValidationListModel(QAbstractTableModel):
    """One row per validation: member, entity, mode, date, status, progress."""

    IdRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2
    HEADERS = ("Member", "Account", "Entity type", "Mode", "Date", "Status", "Progress", "Not met")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ValidationSummary] = []

    def set_summaries(self, summaries: Sequence[ValidationSummary]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(summaries)
        self.endResetModel()

    def summary(self, row: int) -> ValidationSummary:
        """The validation shown in a row."""
        return self._rows[row]

    def summary_of(self, validation_id: str) -> ValidationSummary | None:
        """The row of one validation, if shown."""
        return next((s for s in self._rows if s.validation.id == validation_id), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.HEADERS)
        ):
            return self.HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
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
