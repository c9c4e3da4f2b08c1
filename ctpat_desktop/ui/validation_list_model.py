"""The validations as a Qt table model."""

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QLocale, Qt

from ctpat_desktop.store import ValidationSummary
from ctpat_desktop.ui.i18n import (
    lifecycle_label,
    mode_label,
    shown_text,
    status_label,
    translate,
)
from ctpat_desktop.ui.table_model import Index, TableModel
from ctpat_desktop.worksheet import FindingStatus, Lifecycle


class ValidationListModel(TableModel):
    """One row per validation: member, entity, mode, date, status, progress."""

    IdRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2
    HEADERS = (
        QT_TRANSLATE_NOOP("ValidationListModel", "Member"),
        QT_TRANSLATE_NOOP("ValidationListModel", "Account"),
        QT_TRANSLATE_NOOP("ValidationListModel", "Entity type"),
        QT_TRANSLATE_NOOP("ValidationListModel", "Mode"),
        QT_TRANSLATE_NOOP("ValidationListModel", "Date"),
        QT_TRANSLATE_NOOP("ValidationListModel", "Status"),
        QT_TRANSLATE_NOOP("ValidationListModel", "Progress"),
    )

    def __init__(self, parent: Any = None) -> None:
        headers = [translate("ValidationListModel", str(h)) for h in self.HEADERS]
        # The last column counts the findings not met: the status's own words.
        super().__init__([*headers, status_label(FindingStatus.NOT_MET)], parent)

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
        column = index.column()
        # Only the asked column is worked out: the list paints every cell of every row.
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(s, column)
        if role == self.SortRole:
            return self._sort_value(s, column)
        if role == self.IdRole:
            return s.validation.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 6:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _sort_value(self, s: ValidationSummary, column: int) -> Any:
        v = s.validation
        if column == 4:
            return v.date.isoformat()
        if column == 6:
            return s.progress
        if column == 7:
            return s.deficiencies
        return self._text(s, column)

    def _text(self, s: ValidationSummary, column: int) -> str:
        v = s.validation
        if column == 0:
            return v.member.name
        if column == 1:
            return v.member.account
        if column == 2:
            return shown_text(s.entity_name)
        if column == 3:
            return mode_label(v.mode)
        if column == 4:  # the user's way of writing a date
            day = QDate(v.date.year, v.date.month, v.date.day)
            return QLocale().toString(day, QLocale.FormatType.ShortFormat)
        if column == 5:
            return self._status(v.status, v.archived)
        if column == 6:
            return f"{s.reviewed}/{s.criteria} ({s.progress:.0%})"
        return str(s.deficiencies)

    def _status(self, status: Lifecycle, archived: bool) -> str:
        label = lifecycle_label(status)
        return self.tr("{status} (archived)").format(status=label) if archived else label
