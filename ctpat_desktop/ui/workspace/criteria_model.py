"""The checklist as a tree: categories with their progress, criteria with their status."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, overload

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from ctpat_desktop.catalog import Catalog, Criterion, Level
from ctpat_desktop.ui.i18n import level_label, status_label, translate
from ctpat_desktop.ui.theme import ink
from ctpat_desktop.worksheet import FindingStatus

_Index = QModelIndex | QPersistentModelIndex

# A symbol before every status, so that no status is told by its colour alone.
STATUS_SYMBOLS = {
    FindingStatus.NOT_REVIEWED: "·",
    FindingStatus.MET: "✓",
    FindingStatus.NOT_MET: "✗",
    FindingStatus.EXCEEDS: "★",
    FindingStatus.NOT_APPLICABLE: "–",
}
_STATUS_INK = {
    FindingStatus.MET: "met",
    FindingStatus.NOT_MET: "error",
    FindingStatus.EXCEEDS: "exceeds",
    FindingStatus.NOT_APPLICABLE: "muted",
}
UNSAVED_MARK = " ⚠"
SUMMARY_SEPARATOR = " — "


def status_text(status: FindingStatus) -> str:
    """A status as the checklist shows it: its symbol and its words ("✓ Met")."""
    return f"{STATUS_SYMBOLS[status]} {status_label(status)}"


@dataclass
class _Category:
    number: int
    name: str
    criteria: tuple[Criterion, ...]
    reviewed: int = 0
    deficiencies: int = 0
    statuses: list[FindingStatus] = field(default_factory=list)

    def summary(self) -> str:
        counts = f"{self.reviewed}/{len(self.criteria)}"
        if self.deficiencies:
            counts = translate("CriteriaModel", "{reviewed}/{total}, {not_met} not met").format(
                reviewed=self.reviewed, total=len(self.criteria), not_met=self.deficiencies
            )
        return f"{self.number}. {self.name}{SUMMARY_SEPARATOR}{counts}"


class CriteriaModel(QAbstractItemModel):
    """Category rows (number, name, progress) with one child row per criterion."""

    CriterionIdRole = Qt.ItemDataRole.UserRole + 1
    StatusRole = Qt.ItemDataRole.UserRole + 2
    LevelRole = Qt.ItemDataRole.UserRole + 3
    SearchTextRole = Qt.ItemDataRole.UserRole + 4
    HEADERS = (
        QT_TRANSLATE_NOOP("CriteriaModel", "ID"),
        QT_TRANSLATE_NOOP("CriteriaModel", "Level"),
        QT_TRANSLATE_NOOP("CriteriaModel", "Criterion"),
        QT_TRANSLATE_NOOP("CriteriaModel", "Status"),
    )
    LEVEL_COLUMN = 1
    STATUS_COLUMN = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._categories: list[_Category] = []
        self._position: dict[str, tuple[int, int]] = {}
        self._search: dict[str, str] = {}
        self._unsaved: set[str] = set()
        self._order: list[str] = []

    def set_checklist(
        self,
        catalog: Catalog,
        category_names: Mapping[int, str],
        statuses: Mapping[str, FindingStatus],
    ) -> None:
        """Show the catalog's criteria with their current statuses."""
        self.beginResetModel()
        self._categories = []
        self._position = {}
        self._search = {}
        self._unsaved = set()
        for number in catalog.categories():
            criteria = tuple(catalog.in_category(number))
            name = category_names.get(number)
            if name is None:
                name = self.tr("Category {number}").format(number=number)
            category = _Category(number, name, criteria)
            category.statuses = [statuses.get(c.id, FindingStatus.NOT_REVIEWED) for c in criteria]
            self._count(category)
            for row, criterion in enumerate(criteria):
                self._position[criterion.id] = (len(self._categories), row)
                self._search[criterion.id] = " ".join(
                    (criterion.id, criterion.title, criterion.text, criterion.guidance)
                ).casefold()
            self._categories.append(category)
        self._order = [c.id for category in self._categories for c in category.criteria]
        self.endResetModel()

    @staticmethod
    def _count(category: _Category) -> None:
        category.reviewed = sum(s is not FindingStatus.NOT_REVIEWED for s in category.statuses)
        category.deficiencies = sum(s is FindingStatus.NOT_MET for s in category.statuses)

    # Lookups --------------------------------------------------------------------------

    def criterion_ids(self) -> list[str]:
        """Every criterion ID in checklist order."""
        return list(self._order)

    def criterion(self, criterion_id: str) -> Criterion:
        """The criterion with this ID (KeyError when it is not in the checklist)."""
        category, row = self._position[criterion_id]
        return self._categories[category].criteria[row]

    def status(self, criterion_id: str) -> FindingStatus:
        """The saved status of one criterion."""
        category, row = self._position[criterion_id]
        return self._categories[category].statuses[row]

    def search_text(self, criterion_id: str) -> str:
        """ID, title, text and guidance of one criterion, case-folded."""
        return self._search[criterion_id]

    def category_of(self, row: int) -> tuple[int, str]:
        """Number and name of the category in a top-level row."""
        category = self._categories[row]
        return category.number, category.name

    def totals(self) -> tuple[int, int, int]:
        """Criteria, reviewed and not met over the whole checklist."""
        return (
            len(self._order),
            sum(c.reviewed for c in self._categories),
            sum(c.deficiencies for c in self._categories),
        )

    def index_of(self, criterion_id: str, column: int = 0) -> QModelIndex:
        """The index of a criterion's row, or an invalid index if it is not shown."""
        where = self._position.get(criterion_id)
        if where is None:
            return QModelIndex()
        return self.createIndex(where[1], column, where[0] + 1)

    def criterion_at(self, index: _Index) -> str | None:
        """The criterion ID of an index, None for a category row."""
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._categories[index.internalId() - 1].criteria[index.row()].id

    # Updates --------------------------------------------------------------------------

    def set_status(self, criterion_id: str, status: FindingStatus) -> None:
        """Change one criterion's status; its row and its category's row update in place."""
        category_row, row = self._position[criterion_id]
        category = self._categories[category_row]
        if category.statuses[row] is status:
            return
        category.statuses[row] = status
        self._count(category)
        self._row_changed(category_row, row)

    def set_unsaved(self, criterion_id: str, unsaved: bool) -> None:
        """Mark a criterion whose last edit could not be saved."""
        if (criterion_id in self._unsaved) == unsaved:
            return
        if unsaved:
            self._unsaved.add(criterion_id)
        else:
            self._unsaved.discard(criterion_id)
        category_row, row = self._position[criterion_id]
        self._row_changed(category_row, row)

    def _row_changed(self, category_row: int, row: int) -> None:
        last = len(self.HEADERS) - 1
        parent = self.createIndex(category_row, 0, 0)
        self.dataChanged.emit(
            self.createIndex(row, 0, category_row + 1),
            self.createIndex(row, last, category_row + 1),
        )
        self.dataChanged.emit(parent, self.createIndex(category_row, last, 0))

    # Qt model interface ---------------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # hasIndex() done in Python: the view asks thousands of times while it lays out.
        if row < 0 or not 0 <= column < len(self.HEADERS):
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self._categories):
                return QModelIndex()
            return self.createIndex(row, column, 0)
        if row >= self.rowCount(parent):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    @overload
    def parent(self) -> QObject | None: ...

    @overload
    def parent(self, child: _Index) -> QModelIndex: ...

    def parent(self, child: _Index | None = None) -> QObject | QModelIndex | None:
        if child is None:
            return super().parent()
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._categories)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._categories[parent.row()].criteria)
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.HEADERS)
        ):
            return translate("CriteriaModel", str(self.HEADERS[section]))
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._category_data(self._categories[index.row()], index.column(), role)
        category = self._categories[index.internalId() - 1]
        row = index.row()
        return self._criterion_data(
            category.criteria[row], category.statuses[row], index.column(), role
        )

    def _category_data(self, category: _Category, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return category.summary() if column == 0 else None
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _criterion_data(
        self, criterion: Criterion, status: FindingStatus, column: int, role: int
    ) -> Any:
        unsaved = criterion.id in self._unsaved
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return criterion.id
            if column == 1:
                return level_label(criterion.level)
            if column == 2:
                return criterion.title
            return status_text(status) + (UNSAVED_MARK if unsaved else "")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = (
                self.tr("{id}, {level}, {title}, {status}, an edit is not saved")
                if unsaved
                else self.tr("{id}, {level}, {title}, {status}")
            )
            return text.format(
                id=criterion.id,
                level=level_label(criterion.level),
                title=criterion.title,
                status=status_label(status),
            )
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return criterion.title
        if role == Qt.ItemDataRole.ToolTipRole and column == self.STATUS_COLUMN and unsaved:
            return self.tr("The last edit of this finding is not saved: see the finding editor")
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS_COLUMN:
            name = _STATUS_INK.get(status)
            return QColor(ink(name)) if name else None
        if role == self.CriterionIdRole:
            return criterion.id
        if role == self.StatusRole:
            return status.value
        if role == self.LevelRole:
            return criterion.level.value
        if role == self.SearchTextRole:
            return self._search[criterion.id]
        return None


class CriteriaFilter(StrEnum):
    """Which criteria the checklist shows."""

    ALL = "all"
    NOT_REVIEWED = "not-reviewed"
    DEFICIENCIES = "deficiencies"
    MUST = "must"


# Shown through translate("CriteriaFilter", label).
FILTER_LABELS = {
    CriteriaFilter.ALL: QT_TRANSLATE_NOOP("CriteriaFilter", "All criteria"),
    CriteriaFilter.NOT_REVIEWED: QT_TRANSLATE_NOOP("CriteriaFilter", "Not yet reviewed"),
    CriteriaFilter.DEFICIENCIES: QT_TRANSLATE_NOOP("CriteriaFilter", "Deficiencies (not met)"),
    CriteriaFilter.MUST: QT_TRANSLATE_NOOP("CriteriaFilter", "Must only"),
}


def filter_label(kind: CriteriaFilter) -> str:
    """A checklist filter in words, in the user's language."""
    return translate("CriteriaFilter", str(FILTER_LABELS[kind]))


class CriteriaFilterProxy(QSortFilterProxyModel):
    """Filters criteria by status or level and by words in ID, title, text and guidance.

    A category shows while any of its criteria does. The pinned criterion (the one being
    edited) always shows, so that it does not vanish from under the SCSS when its new
    status no longer matches the filter.
    """

    def __init__(self, model: CriteriaModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._criteria = model
        self._filter = CriteriaFilter.ALL
        self._words: list[str] = []
        self._pinned: str | None = None
        self.setRecursiveFilteringEnabled(True)
        self.setSourceModel(model)

    @property
    def active(self) -> bool:
        """Whether any criterion can be hidden."""
        return self._filter is not CriteriaFilter.ALL or bool(self._words)

    def set_filter(self, kind: CriteriaFilter) -> None:
        """Show all criteria, those not yet reviewed, deficiencies, or Must criteria."""
        if kind is not self._filter:
            self._change_filter(lambda: setattr(self, "_filter", kind))

    def set_search(self, text: str) -> None:
        """Show only criteria containing every word of the text."""
        words = text.casefold().split()
        if words != self._words:
            self._change_filter(lambda: setattr(self, "_words", words))

    def set_pinned(self, criterion_id: str | None) -> None:
        """Keep this criterion visible whatever the filter."""
        if criterion_id == self._pinned:
            return
        hidden = [c for c in (self._pinned, criterion_id) if c is not None and not self.accepts(c)]
        if hidden:
            self._change_filter(lambda: setattr(self, "_pinned", criterion_id))
        else:
            self._pinned = criterion_id

    def _change_filter(self, change: Callable[[], None]) -> None:
        # Qt 6.10 brackets a filter change; older Qt (the project allows 6.7) re-filters after.
        if hasattr(QSortFilterProxyModel, "endFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()

    def accepts(self, criterion_id: str) -> bool:
        """Whether the filter lets a criterion through (the pinned one aside)."""
        model = self._criteria
        if self._filter is CriteriaFilter.NOT_REVIEWED:
            if model.status(criterion_id) is not FindingStatus.NOT_REVIEWED:
                return False
        elif self._filter is CriteriaFilter.DEFICIENCIES:
            if model.status(criterion_id) is not FindingStatus.NOT_MET:
                return False
        elif self._filter is CriteriaFilter.MUST and model.criterion(criterion_id).level is not (
            Level.MUST
        ):
            return False
        text = model.search_text(criterion_id)
        return all(word in text for word in self._words)

    def shows(self, criterion_id: str) -> bool:
        """Whether a criterion has a row in the proxy."""
        return criterion_id == self._pinned or self.accepts(criterion_id)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not source_parent.isValid():
            return False  # a category shows through its criteria (recursive filtering)
        criterion_id = self._criteria.criterion_at(
            self._criteria.index(source_row, 0, source_parent)
        )
        return criterion_id is not None and self.shows(criterion_id)


class ChecklistDelegate(QStyledItemDelegate):
    """Draws a category row with its name shortened to fit, never its counts."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:
        super().initStyleOption(option, index)
        if index.parent().isValid() or SUMMARY_SEPARATOR not in option.text:
            return
        name, _, counts = option.text.rpartition(SUMMARY_SEPARATOR)
        counts = SUMMARY_SEPARATOR + counts
        metrics = option.fontMetrics
        room = option.rect.width() - metrics.horizontalAdvance(counts) - 12
        option.text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, max(room, 0)) + counts
