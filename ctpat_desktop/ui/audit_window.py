"""The audit trail window: every recorded change, filtered, with the hash chain's verdict."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt
from PySide6.QtGui import QAction, QBrush, QCloseEvent, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ctpat_desktop.services.audit_view import (
    ARROW,
    AuditFilter,
    AuditRow,
    AuditTrail,
    AuditWords,
    change_lines,
    load_audit_trail,
    write_audit_csv,
)
from ctpat_desktop.ui.audit_words import audit_words
from ctpat_desktop.ui.date_filter import chosen_day, date_filter
from ctpat_desktop.ui.i18n import audit_action_label, error_text, translate
from ctpat_desktop.ui.table_model import Index, TableModel
from ctpat_desktop.ui.window_state import WindowSettings, app_settings

if TYPE_CHECKING:
    from ctpat_desktop.app import AppContext
    from ctpat_desktop.ui.runner import Runner

_INTACT_STYLE = "background: #e6f4ea; color: #0b3d18; border-left: 5px solid #1e7e34;"
_BROKEN_STYLE = (
    "background: #fdecea; color: #5f0a0a; border-left: 5px solid #b00020; font-weight: bold;"
)
_BROKEN_ROW = QColor("#f8d7da")


# The Qt side ----------------------------------------------------------------------


def chain_message(verdict: Mapping[str, Any]) -> str:
    """The verdict on the hash chain in words."""
    if verdict["ok"]:
        count = int(verdict["events"])
        if count == 0:
            return translate("AuditWindow", "Audit trail intact: no events recorded yet")
        text = (
            translate("AuditWindow", "Audit trail intact: 1 event, each chained to the one before")
            if count == 1
            else translate(
                "AuditWindow", "Audit trail intact: {count} events, each chained to the one before"
            ).format(count=f"{count:,}")
        )
        checked = ", ".join(str(a["where"]) for a in verdict.get("anchors", ()))
        if checked:
            text += translate("AuditWindow", "; none missing since {where}").format(where=checked)
        return text
    first = verdict["first_break"]
    seq = int(first["seq"])
    text = translate("AuditWindow", "Broken at event {seq}: {problem}.").format(
        seq=seq, problem=first["problem"]
    )
    if seq > 1:
        text += " " + translate(
            "AuditWindow", "Events 1 to {last} check out; do not trust the trail from {seq} on."
        ).format(last=seq - 1, seq=seq)
    return text


class AuditTrailModel(TableModel):
    """Audit rows, filtered and sorted in Python lists so that 100,000 events stay quick."""

    RowRole = Qt.ItemDataRole.UserRole + 1
    HEADERS = (
        QT_TRANSLATE_NOOP("AuditTrailModel", "Event"),
        QT_TRANSLATE_NOOP("AuditTrailModel", "When"),
        QT_TRANSLATE_NOOP("AuditTrailModel", "Who"),
        QT_TRANSLATE_NOOP("AuditTrailModel", "Action"),
        QT_TRANSLATE_NOOP("AuditTrailModel", "What"),
        QT_TRANSLATE_NOOP("AuditTrailModel", "Old {arrow} New"),
    )
    _SORT_KEYS: tuple[Callable[[AuditRow], Any], ...] = (
        lambda r: r.seq,
        lambda r: r.seq,
        lambda r: r.actor.casefold(),
        lambda r: r.action,
        lambda r: r.what,
        lambda r: r.search_text,
    )

    def __init__(self, parent: Any = None, words: AuditWords | None = None) -> None:
        super().__init__(
            [translate("AuditTrailModel", str(h)).format(arrow=ARROW) for h in self.HEADERS], parent
        )
        # The words the rows were read in (load_audit_trail), for the changes shown.
        self.words = words if words is not None else audit_words()
        self._all: tuple[AuditRow, ...] = ()
        self._filter = AuditFilter()
        self._sort_column = 0
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._broken: int | None = None
        self._problem = ""

    def set_rows(self, rows: Sequence[AuditRow], chosen: AuditFilter | None = None) -> None:
        """Replace every event, filtered as chosen (None: as before), in the same order."""
        self._all = tuple(rows)
        if chosen is not None:
            self._filter = chosen
        self.replace_items(self._visible())

    def set_filter(self, chosen: AuditFilter) -> None:
        """Show only the rows the filter accepts."""
        if chosen != self._filter:
            self._filter = chosen
            self.replace_items(self._visible())

    def set_broken(self, seq: int | None, problem: str = "") -> None:
        """Mark the event where the chain breaks (None: intact)."""
        self._broken, self._problem = seq, problem
        if self._items:
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def total(self) -> int:
        """How many events there are, filtered or not."""
        return len(self._all)

    def rows(self) -> list[AuditRow]:
        """The rows shown, in the order shown."""
        return list(self._items)

    def _visible(self) -> list[AuditRow]:
        chosen = self._filter
        rows = [r for r in self._all if chosen.accepts(r)]
        return self._sorted(rows)

    def _sorted(self, rows: list[AuditRow]) -> list[AuditRow]:
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        # By event number first, so that ties stay in the order the events happened.
        rows.sort(key=lambda r: r.seq, reverse=descending)
        if self._sort_column > 1:
            rows.sort(key=self._SORT_KEYS[self._sort_column], reverse=descending)
        return rows

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.HEADERS):
            return
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        kept = [self._items[i.row()].seq for i in before]
        self._items = self._sorted(self._items)
        position = {row.seq: n for n, row in enumerate(self._items)}
        after = [self.index(position[s], i.column()) for s, i in zip(kept, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.item(index)
        if row is None:
            return None
        column = index.column()
        if role == self.RowRole:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == 5:
                return "; ".join(change_lines(row.kind, row.changes, words=self.words))
            return (row.seq, row.when, row.actor, audit_action_label(row.action), row.what)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.BackgroundRole and row.seq == self._broken:
            return QBrush(_BROKEN_ROW)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _tooltip(self, row: AuditRow, column: int) -> str | None:
        if column == 0 and row.seq == self._broken:
            return self.tr("The chain breaks here: {problem}").format(problem=self._problem)
        if column == 1:
            return f"{row.at} (UTC)"
        if column == 4:
            return self.words.record(row.kind, row.record_id)
        if column == 5:
            return "\n".join(change_lines(row.kind, row.changes, None, self.words))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


@dataclass(frozen=True)
class AuditActions:
    """The audit window's actions with their shortcuts."""

    refresh: QAction
    find: QAction
    export_csv: QAction
    close: QAction


def audit_actions(parent: QWidget) -> AuditActions:
    """Create the audit window's actions."""
    standard = QKeySequence.StandardKey

    def action(text: str, keys: Sequence[QKeySequence], tip: str) -> QAction:
        made = QAction(text, parent)
        made.setShortcuts(list(keys))
        made.setStatusTip(tip)
        made.setToolTip(tip)
        return made

    refresh_keys = QKeySequence.keyBindings(standard.Refresh)
    if QKeySequence("F5") not in refresh_keys:
        refresh_keys.append(QKeySequence("F5"))
    return AuditActions(
        refresh=action(
            translate("AuditWindow", "&Refresh"),
            refresh_keys,
            translate("AuditWindow", "Read the audit trail again and check it"),
        ),
        find=action(
            translate("AuditWindow", "&Find"),
            QKeySequence.keyBindings(standard.Find),
            translate("AuditWindow", "Search the changes (Ctrl+F)"),
        ),
        export_csv=action(
            translate("AuditWindow", "&Export CSV…"),
            [QKeySequence("Ctrl+E")],
            translate("AuditWindow", "Write the rows shown to a CSV file"),
        ),
        close=action(
            translate("AuditWindow", "&Close"),
            QKeySequence.keyBindings(standard.Close),
            translate("AuditWindow", "Close this window"),
        ),
    )


class AuditWindow(QMainWindow):
    """The audit trail as a table, with filters, the chain's verdict and a CSV export."""

    def __init__(
        self,
        ctx: AppContext,
        runner: Runner,
        parent: QWidget | None = None,
        validation_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._runner = runner
        self._wanted_validation = validation_id
        self._validations: dict[str, str] = {}
        self.trail: AuditTrail | None = None
        self.setWindowTitle(self.tr("Audit trail"))
        self.resize(1150, 700)

        self.chain_status = QLabel(self.tr("Reading the audit trail…"))
        self.chain_status.setAccessibleName(self.tr("Audit trail check"))
        self.chain_status.setWordWrap(True)
        self.chain_status.setContentsMargins(8, 6, 8, 6)
        self.chain_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.validation_filter = self._combo(self.tr("Validation"), self.tr("All validations"))
        self.actor_filter = self._combo(self.tr("Who"), self.tr("Everyone"))
        self.action_filter = self._combo(self.tr("Action"), self.tr("All actions"))
        self.search = QLineEdit(placeholderText=self.tr("Search changes, criteria, values…"))
        self.search.setAccessibleName(self.tr("Search changes"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.start = date_filter(self.tr("From date"))
        self.end = date_filter(self.tr("To date"))

        self._words = audit_words(ctx.catalogs)
        self.model = AuditTrailModel(self, self._words)
        self.table = self._build_table()
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Event details"))
        self.details.setPlaceholderText(self.tr("Select an event to see every change it made."))
        self.details.setMaximumHeight(150)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.chain_status)
        layout.addLayout(self._filter_bar())
        layout.addWidget(self.table, stretch=1)
        layout.addWidget(self.details)
        self.setCentralWidget(body)

        self.menu_actions = audit_actions(self)
        self._build_menus()
        self._connect_filters()
        self._window_state = WindowSettings(app_settings(), "audit")
        self._restore_layout()
        self.refresh()

    def _combo(self, name: str, everything: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.addItem(everything, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setAccessibleName(self.tr("Audit events"))
        table.setModel(self.model)
        table.setSortingEnabled(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        # Fixed row heights and column widths: measuring 100,000 rows would freeze the window.
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((70, 150, 120, 90, 140)):
            header.resizeSection(column, width)
        table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        return table

    def _filter_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        for caption, widget in (
            (self.tr("Validatio&n:"), self.validation_filter),
            (self.tr("&Who:"), self.actor_filter),
            (self.tr("&Action:"), self.action_filter),
            (self.tr("&Search:"), self.search),
            (self.tr("Fro&m:"), self.start),
            (self.tr("&To:"), self.end),
        ):
            label = QLabel(caption)
            label.setBuddy(widget)
            bar.addWidget(label)
            bar.addWidget(widget)
        bar.addStretch()
        return bar

    def _build_menus(self) -> None:
        a = self.menu_actions
        a.refresh.triggered.connect(self.refresh)
        a.find.triggered.connect(self._on_find_triggered)
        a.export_csv.triggered.connect(self._on_export_csv_triggered)
        a.close.triggered.connect(self.close)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(a.export_csv)
        file_menu.addSeparator()
        file_menu.addAction(a.close)
        self.menuBar().addMenu(self.tr("&View")).addActions([a.refresh, a.find])
        toolbar = self.addToolBar(self.tr("Audit trail"))
        toolbar.setObjectName("audit-toolbar")
        toolbar.addActions([a.refresh, a.export_csv])

    def _connect_filters(self) -> None:
        for combo in (self.validation_filter, self.actor_filter, self.action_filter):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.search.textChanged.connect(self._on_filter_changed)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self._on_filter_changed)

    def _restore_layout(self) -> None:
        geometry = self._window_state.load("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        columns = self._window_state.load("columns")
        if columns is not None:
            header = self.table.horizontalHeader()
            header.restoreState(columns)
            self.table.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())

    # Filters --------------------------------------------------------------------------

    def current_filter(self) -> AuditFilter:
        """The filters as chosen in the window."""

        validation = self.validation_filter.currentData()
        if self.trail is None:
            validation = self._wanted_validation
        return AuditFilter(
            validation_id=validation,
            actor=self.actor_filter.currentData(),
            action=self.action_filter.currentData(),
            text=self.search.text().strip(),
            start=chosen_day(self.start),
            end=chosen_day(self.end),
        )

    def _on_filter_changed(self) -> None:
        kept = self.selected_seq()
        self.model.set_filter(self.current_filter())
        self.select_seq(kept)
        self._show_count()

    def selected_seq(self) -> int | None:
        """The number of the selected event, if one is selected."""
        rows = self.table.selectionModel().selectedRows()
        return int(rows[0].data(AuditTrailModel.RowRole).seq) if rows else None

    def select_seq(self, seq: int | None) -> None:
        """Select an event if it is shown; otherwise leave nothing selected."""
        row = next((n for n, r in enumerate(self.model.rows()) if r.seq == seq), None)
        if row is None:
            self.table.clearSelection()
            self.details.clear()
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    def _show_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        if shown == total:
            text = self.tr("{total} events").format(total=f"{total:,}")
        else:
            text = self.tr("Showing {shown} of {total} events").format(
                shown=f"{shown:,}", total=f"{total:,}"
            )
        self.statusBar().showMessage(text)

    def _refill(self, combo: QComboBox, choices: Iterable[tuple[str, str]], keep: Any) -> None:
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for value, caption in choices:
            combo.addItem(caption, value)
        found = combo.findData(keep) if keep is not None else 0
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)

    # Slots ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the audit trail and check its chain, in the background."""
        self.menu_actions.refresh.setEnabled(False)
        self.statusBar().showMessage(self.tr("Reading the audit trail…"))
        words = self._words
        self._runner.run(
            lambda: load_audit_trail(self._ctx, words), self.show_trail, self._on_refresh_failed
        )

    def show_trail(self, trail: AuditTrail) -> None:
        """Show a freshly read trail, keeping the filters chosen."""
        first = self.trail is None
        keep_validation = self._wanted_validation if first else self.validation_filter.currentData()
        self.trail = trail
        self._validations = dict(trail.validations)
        self._refill(self.validation_filter, trail.validations, keep_validation)
        actors = sorted({r.actor for r in trail.rows}, key=str.casefold)
        self._refill(self.actor_filter, ((a, a) for a in actors), self.actor_filter.currentData())
        actions = sorted({r.action for r in trail.rows})
        self._refill(
            self.action_filter,
            ((a, audit_action_label(a)) for a in actions),
            self.action_filter.currentData(),
        )
        kept = self.selected_seq()
        self.model.set_rows(trail.rows, self.current_filter())
        verdict = trail.verdict
        broken = None if verdict["ok"] else verdict["first_break"]
        self.model.set_broken(
            None if broken is None else int(broken["seq"]),
            "" if broken is None else str(broken["problem"]),
        )
        message = chain_message(verdict)
        self.chain_status.setText(message)
        self.chain_status.setAccessibleDescription(message)
        self.chain_status.setStyleSheet(_INTACT_STYLE if broken is None else _BROKEN_STYLE)
        self.select_seq(kept)
        self.menu_actions.refresh.setEnabled(True)
        self._show_count()

    def _on_refresh_failed(self, exc: Exception) -> None:
        self.menu_actions.refresh.setEnabled(True)
        self.statusBar().showMessage("")
        QMessageBox.critical(self, self.tr("Cannot read the audit trail"), error_text(exc))

    def _on_find_triggered(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _on_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.data(current, AuditTrailModel.RowRole) if current.isValid() else None
        self.details.setPlainText("" if row is None else self.describe(row))

    def describe(self, row: AuditRow) -> str:
        """Everything about one event, as the details pane shows it."""
        validation = ""
        if row.validation_id:
            name = self._validations.get(row.validation_id, row.validation_id)
            validation = "\n" + self.tr("Validation: {name}").format(name=name)
        head = (
            self.tr(
                "Event {seq}, {when} local time ({at} UTC)\n"
                "Who: {actor}    Action: {action}    What: {what} (record {record})"
            ).format(
                seq=row.seq,
                when=row.when,
                at=row.at,
                actor=row.actor,
                action=audit_action_label(row.action),
                what=row.what,
                record=row.record_id,
            )
            + validation
        )
        return "\n".join([head, "", *change_lines(row.kind, row.changes, None, self._words)])

    def _on_export_csv_triggered(self) -> None:
        rows = self.model.rows()
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export audit trail"),
            str(Path.home() / "audit-trail.csv"),
            self.tr("CSV (*.csv)"),
        )
        if not name:
            return
        target, validations, words = Path(name), dict(self._validations), self._words
        self.statusBar().showMessage(self.tr("Writing {file}…").format(file=target.name))
        self._runner.run(
            lambda: write_audit_csv(target, rows, validations, words),
            lambda count: self.statusBar().showMessage(
                self.tr("{count} events written to {path}").format(count=f"{count:,}", path=target)
            ),
            self._on_export_failed,
        )

    def _on_export_failed(self, exc: Exception) -> None:
        self.statusBar().showMessage("")
        QMessageBox.critical(self, self.tr("Cannot export the audit trail"), error_text(exc))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the window's size and columns."""
        self._window_state.store("geometry", self.saveGeometry())
        self._window_state.store("columns", self.table.horizontalHeader().saveState())
        self._window_state.sync()
        super().closeEvent(event)
