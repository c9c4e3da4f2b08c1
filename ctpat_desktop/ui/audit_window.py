"""The audit trail window: every recorded change, filtered, with the hash chain's verdict."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QAction, QBrush, QCloseEvent, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
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

from ctpat_desktop.ui.table_model import Index, TableModel
from ctpat_desktop.ui.window_state import WindowSettings, app_settings

if TYPE_CHECKING:
    from ctpat_desktop.app import AppContext
    from ctpat_desktop.ui.runner import Runner

NOTHING = "—"
ARROW = "→"
VALUE_LIMIT = 48
# Stored as codes such as "not-met"; shown as words.
_VOCABULARY_FIELDS = frozenset({"status", "verified", "mode", "entity", "reasons", "kept"})
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ANY_DAY = QDate(2000, 1, 1)
_INTACT_STYLE = "background: #e6f4ea; color: #0b3d18; border-left: 5px solid #1e7e34;"
_BROKEN_STYLE = (
    "background: #fdecea; color: #5f0a0a; border-left: 5px solid #b00020; font-weight: bold;"
)
_BROKEN_ROW = QColor("#f8d7da")


# Plain Python: turning stored events into rows and words (no Qt below this line until the model)


@dataclass(frozen=True, slots=True)
class AuditRow:
    """One audit event as shown: its words worked out once, when the trail is read."""

    seq: int
    at: str
    when: str
    day: date | None
    actor: str
    action: str
    kind: str
    record_id: str
    validation_id: str | None
    what: str
    changes: str
    search_text: str


@dataclass(frozen=True, slots=True)
class AuditTrail:
    """Everything the window shows, read in one go off the GUI thread."""

    rows: tuple[AuditRow, ...]
    verdict: Mapping[str, Any]
    validations: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """What the rows are narrowed to; None (or empty text) lets everything through."""

    validation_id: str | None = None
    actor: str | None = None
    action: str | None = None
    text: str = ""
    start: date | None = None
    end: date | None = None

    def accepts(self, row: AuditRow) -> bool:
        """Whether a row passes every filter."""
        if self.validation_id is not None and row.validation_id != self.validation_id:
            return False
        if self.actor is not None and row.actor != self.actor:
            return False
        if self.action is not None and row.action != self.action:
            return False
        if self.start is not None and (row.day is None or row.day < self.start):
            return False
        if self.end is not None and (row.day is None or row.day > self.end):
            return False
        return not self.text or self.text.casefold() in row.search_text


def elide(text: str, limit: int | None) -> str:
    """Text cut to limit characters with an ellipsis, on one line (limit None: all of it)."""
    if limit is None:
        return text
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def value_text(field: str, value: Any) -> str:
    """A stored value in words: codes as words, yes/no, lists joined, nothing as a dash."""
    if value is None or value in ("", []):
        return NOTHING
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and value.startswith("["):
        try:
            parsed = json.loads(value)
        except ValueError:
            parsed = None
        if isinstance(parsed, list):
            return value_text(field, parsed)
    if isinstance(value, list):
        return ", ".join(value_text(field, item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = str(value)
    return text.replace("-", " ") if field in _VOCABULARY_FIELDS else text


def _label(field: str) -> str:
    return field.replace("_", " ")


def _is_change(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2


def _resolve_lines(kept: Any, fields: Mapping[str, Any], limit: int | None) -> list[str]:
    lines = []
    for field, settled in fields.items():
        if not isinstance(settled, dict) or not {"mine", "theirs"} <= settled.keys():
            lines.append(f"{_label(field)}: {elide(value_text(field, settled), limit)}")
            continue
        mine = elide(value_text(field, settled["mine"]), limit)
        theirs = elide(value_text(field, settled["theirs"]), limit)
        by = settled.get("by") or "the hub"
        if kept == "theirs":
            lines.append(f"{_label(field)}: {mine} {ARROW} {theirs} (took the hub's, by {by})")
        else:
            lines.append(f"{_label(field)}: kept {mine}; set aside {theirs} (by {by})")
    return lines


def _parsed(changes: str) -> Any:
    try:
        return json.loads(changes)
    except ValueError:
        return changes  # not JSON (the row was tampered with): shown as it is


def change_lines(kind: str, changes: str, limit: int | None = VALUE_LIMIT) -> list[str]:
    """One line per changed field, "status: met → not met"; values cut to limit characters.

    Most events store field -> [old, new]; others add plain values (a criterion, a reason)
    or, for a settled sync conflict, {"kept": …, "fields": {field: {mine, theirs, by}}}.
    """
    return _lines(kind, _parsed(changes), limit)


def _lines(kind: str, data: Any, limit: int | None) -> list[str]:
    if isinstance(data, str):
        return [elide(data, limit)]
    if not isinstance(data, dict):
        return [elide(value_text("", data), limit)]
    if isinstance(data.get("fields"), dict) and "kept" in data:
        return _resolve_lines(data["kept"], data["fields"], limit)
    lines = []
    # The status first: it is what a reader looks for; the rest as stored.
    for field, value in sorted(data.items(), key=lambda item: item[0] != "status"):
        if field == "criterion" and kind == "finding":
            continue  # shown in the What column
        if _is_change(value):
            old, new = value_text(field, value[0]), value_text(field, value[1])
            if old != new:
                lines.append(f"{_label(field)}: {elide(old, limit)} {ARROW} {elide(new, limit)}")
        else:
            lines.append(f"{_label(field)}: {elide(value_text(field, value), limit)}")
    return lines or ["no visible change"]


def what_text(kind: str, record_id: str, data: Any) -> str:
    """The changed record: a finding by its criterion, anything else by a short ID."""
    criterion: Any = data.get("criterion") if isinstance(data, dict) else None
    if _is_change(criterion):
        criterion = criterion[1]
    if kind == "finding" and criterion:
        return f"finding {criterion}"
    return f"{kind} {record_id[:8]}"


def local_time(at: str) -> tuple[str, date | None]:
    """A stored UTC time as local time to the second, and its local day."""
    try:
        moment = datetime.fromisoformat(at).astimezone()
    except ValueError:
        return at, None
    return moment.replace(tzinfo=None).isoformat(" ", "seconds"), moment.date()


def audit_row(event: Mapping[str, Any]) -> AuditRow:
    """One event of the store as a row."""
    kind, changes = str(event["kind"]), str(event["changes"])
    data = _parsed(changes)
    what = what_text(kind, str(event["record_id"]), data)
    when, day = local_time(str(event["at"]))
    return AuditRow(
        seq=int(event["seq"]),
        at=str(event["at"]),
        when=when,
        day=day,
        actor=str(event["actor"]),
        action=str(event["action"]),
        kind=kind,
        record_id=str(event["record_id"]),
        validation_id=event["validation_id"],
        what=what,
        changes=changes,
        search_text="\n".join([what, *_lines(kind, data, None)]).casefold(),
    )


def load_audit_trail(ctx: AppContext) -> AuditTrail:
    """Read the events, the chain's verdict and the validations' names (off the GUI thread)."""
    from ctpat_desktop.services import audit_io

    store = ctx.store
    rows = tuple(audit_row(e) for e in store.audit_events())
    verdict = audit_io.verify(ctx)
    named = {
        s.validation.id: f"{s.validation.member.name} — {s.validation.date.isoformat()}"
        for s in store.list_validations()
    }
    for row in rows:
        if row.validation_id and row.validation_id not in named:
            named[row.validation_id] = f"Validation {row.validation_id[:8]} (no longer listed)"
    ordered = sorted(named.items(), key=lambda item: item[1].casefold())
    return AuditTrail(rows, verdict, tuple(ordered))


def chain_message(verdict: Mapping[str, Any]) -> str:
    """The verdict on the hash chain in words."""
    if verdict["ok"]:
        count = int(verdict["events"])
        if count == 0:
            return "Audit trail intact: no events recorded yet"
        noun = "event" if count == 1 else "events"
        text = f"Audit trail intact: {count:,} {noun}, each chained to the one before"
        checked = ", ".join(str(a["where"]) for a in verdict.get("anchors", ()))
        return text + (f"; none missing since {checked}" if checked else "")
    first = verdict["first_break"]
    seq = int(first["seq"])
    text = f"Broken at event {seq}: {first['problem']}."
    if seq > 1:
        text += f" Events 1 to {seq - 1} check out; do not trust the trail from {seq} on."
    return text


CSV_HEADERS = (
    "Event",
    "When (local)",
    "When (UTC)",
    "Who",
    "Action",
    "Kind",
    "Record",
    "Validation",
    "What",
    "Old → New",
)


def _csv_cell(value: Any) -> str:
    text = "" if value is None else str(value)
    # A spreadsheet would run text such as "=HYPERLINK(…)" as a formula.
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_audit_csv(path: Path, rows: Iterable[AuditRow], validations: Mapping[str, str]) -> int:
    """Write rows as CSV (UTF-8 with BOM, as spreadsheets expect); the number written."""
    written = 0
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8-sig", newline="") as stream:
        out = csv.writer(stream)
        out.writerow(CSV_HEADERS)
        for row in rows:
            validation = validations.get(row.validation_id or "", row.validation_id or "")
            values = (
                row.seq,
                row.when,
                row.at,
                row.actor,
                row.action,
                row.kind,
                row.record_id,
                validation,
                row.what,
                "\n".join(change_lines(row.kind, row.changes, None)),
            )
            out.writerow([_csv_cell(v) for v in values])
            written += 1
    tmp.replace(path)
    return written


# The Qt side ----------------------------------------------------------------------


class AuditTrailModel(TableModel):
    """Audit rows, filtered and sorted in Python lists so that 100,000 events stay quick."""

    RowRole = Qt.ItemDataRole.UserRole + 1
    HEADERS = ("Event", "When", "Who", "Action", "What", f"Old {ARROW} New")
    _SORT_KEYS: tuple[Callable[[AuditRow], Any], ...] = (
        lambda r: r.seq,
        lambda r: r.seq,
        lambda r: r.actor.casefold(),
        lambda r: r.action,
        lambda r: r.what,
        lambda r: r.search_text,
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(self.HEADERS, parent)
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
                return "; ".join(change_lines(row.kind, row.changes))
            return (row.seq, row.when, row.actor, row.action, row.what)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.BackgroundRole and row.seq == self._broken:
            return QBrush(_BROKEN_ROW)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _tooltip(self, row: AuditRow, column: int) -> str | None:
        if column == 0 and row.seq == self._broken:
            return f"The chain breaks here: {self._problem}"
        if column == 1:
            return f"{row.at} (UTC)"
        if column == 4:
            return f"{row.kind} {row.record_id}"
        if column == 5:
            return "\n".join(change_lines(row.kind, row.changes, None))
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
        refresh=action("&Refresh", refresh_keys, "Read the audit trail again and check it"),
        find=action(
            "&Find", QKeySequence.keyBindings(standard.Find), "Search the changes (Ctrl+F)"
        ),
        export_csv=action(
            "&Export CSV…", [QKeySequence("Ctrl+E")], "Write the rows shown to a CSV file"
        ),
        close=action("&Close", QKeySequence.keyBindings(standard.Close), "Close this window"),
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
        self.setWindowTitle("Audit trail")
        self.resize(1150, 700)

        self.chain_status = QLabel("Reading the audit trail…")
        self.chain_status.setAccessibleName("Audit trail check")
        self.chain_status.setWordWrap(True)
        self.chain_status.setContentsMargins(8, 6, 8, 6)
        self.chain_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.validation_filter = self._combo("Validation", "All validations")
        self.actor_filter = self._combo("Who", "Everyone")
        self.action_filter = self._combo("Action", "All actions")
        self.search = QLineEdit(placeholderText="Search changes, criteria, values…")
        self.search.setAccessibleName("Search changes")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.start = self._date_edit("From date")
        self.end = self._date_edit("To date")

        self.model = AuditTrailModel(self)
        self.table = self._build_table()
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setAccessibleName("Event details")
        self.details.setPlaceholderText("Select an event to see every change it made.")
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

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setAccessibleName(name)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(_ANY_DAY)
        edit.setSpecialValueText("any")
        edit.setDate(_ANY_DAY)
        return edit

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setAccessibleName("Audit events")
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
            ("Validatio&n:", self.validation_filter),
            ("&Who:", self.actor_filter),
            ("&Action:", self.action_filter),
            ("&Search:", self.search),
            ("Fro&m:", self.start),
            ("&To:", self.end),
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
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(a.export_csv)
        file_menu.addSeparator()
        file_menu.addAction(a.close)
        self.menuBar().addMenu("&View").addActions([a.refresh, a.find])
        toolbar = self.addToolBar("Audit trail")
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

        def day(edit: QDateEdit) -> date | None:
            chosen = edit.date()
            return None if chosen == _ANY_DAY else date(chosen.year(), chosen.month(), chosen.day())

        validation = self.validation_filter.currentData()
        if self.trail is None:
            validation = self._wanted_validation
        return AuditFilter(
            validation_id=validation,
            actor=self.actor_filter.currentData(),
            action=self.action_filter.currentData(),
            text=self.search.text().strip(),
            start=day(self.start),
            end=day(self.end),
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
        text = f"{total:,} events" if shown == total else f"Showing {shown:,} of {total:,} events"
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
        self.statusBar().showMessage("Reading the audit trail…")
        self._runner.run(
            lambda: load_audit_trail(self._ctx), self.show_trail, self._on_refresh_failed
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
            self.action_filter, ((a, a) for a in actions), self.action_filter.currentData()
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
        QMessageBox.critical(self, "Cannot read the audit trail", str(exc))

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
            validation = f"\nValidation: {name}"
        head = (
            f"Event {row.seq}, {row.when} local time ({row.at} UTC)\n"
            f"Who: {row.actor}    Action: {row.action}    What: {row.what} "
            f"(record {row.record_id}){validation}"
        )
        return "\n".join([head, "", *change_lines(row.kind, row.changes, None)])

    def _on_export_csv_triggered(self) -> None:
        rows = self.model.rows()
        name, _ = QFileDialog.getSaveFileName(
            self, "Export audit trail", str(Path.home() / "audit-trail.csv"), "CSV (*.csv)"
        )
        if not name:
            return
        target, validations = Path(name), dict(self._validations)
        self.statusBar().showMessage(f"Writing {target.name}…")
        self._runner.run(
            lambda: write_audit_csv(target, rows, validations),
            lambda count: self.statusBar().showMessage(f"{count:,} events written to {target}"),
            self._on_export_failed,
        )

    def _on_export_failed(self, exc: Exception) -> None:
        self.statusBar().showMessage("")
        QMessageBox.critical(self, "Cannot export the audit trail", str(exc))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the window's size and columns."""
        self._window_state.store("geometry", self.saveGeometry())
        self._window_state.store("columns", self.table.horizontalHeader().saveState())
        self._window_state.sync()
        super().closeEvent(event)
