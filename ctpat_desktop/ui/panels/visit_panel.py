"""The visit panel: the sites, the documents asked for, who took part, the interviews, the
tour log, the CBP team, the proposed outcome and the supervisor's decision, recorded while
the WebEx call runs.

Each kind's form is built from its declaration (records/kinds.py): a row per field, labelled
with the declared label in the windows' language, a list for a field with choices, the
validation's records (or evidence) for a reference. Writes go through services/visit.py
on the runner (by way of ui/workspace/visit_edits.py, which tells what each one changed, so
the workspace can undo it); a signed validation shows everything read only, but the decision.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import RuleError
from ctpat_desktop.records.declare import Declaration, Field, Item, Type
from ctpat_desktop.records.kinds import BY_NAME
from ctpat_desktop.records.values import from_text
from ctpat_desktop.services.validations import ValidationSession
from ctpat_desktop.store.records import EvidenceRecord
from ctpat_desktop.ui.flow_layout import FlowLayout
from ctpat_desktop.ui.i18n import error_text, translate
from ctpat_desktop.ui.panels.base import SidePanel
from ctpat_desktop.ui.panels.followup_panel import _table  # the side panels' record list
from ctpat_desktop.ui.rows_model import RowsModel
from ctpat_desktop.ui.runner import Runner
from ctpat_desktop.ui.theme import ink
from ctpat_desktop.ui.workspace import visit_edits
from ctpat_desktop.ui.workspace.date_field import DateField, parse_day
from ctpat_desktop.ui.workspace.visit_edits import VisitEdit
from ctpat_desktop.worksheet import lifecycle

# The kinds the panel records, in the order its list offers them, with the words of each
# section (a kind with many records shows how many).
SECTIONS: dict[str, object] = {
    "site": QT_TRANSLATE_NOOP("VisitPanel", "Sites ({count})"),
    "document_request": QT_TRANSLATE_NOOP("VisitPanel", "Documents requested ({count})"),
    "participant": QT_TRANSLATE_NOOP("VisitPanel", "Participants ({count})"),
    "interview": QT_TRANSLATE_NOOP("VisitPanel", "Interviews ({count})"),
    "tour_stop": QT_TRANSLATE_NOOP("VisitPanel", "Tour log ({count})"),
    "team_member": QT_TRANSLATE_NOOP("VisitPanel", "CBP team ({count})"),
    "outcome": QT_TRANSLATE_NOOP("VisitPanel", "Proposed outcome"),
    "decision": QT_TRANSLATE_NOOP("VisitPanel", "Supervisor's decision"),
}
# Every declared field label of those kinds, as the windows say it (the declarations are
# plain Python: their labels are listed here for translation; a test keeps this complete).
LABELS = (
    QT_TRANSLATE_NOOP("VisitRecords", "name"),
    QT_TRANSLATE_NOOP("VisitRecords", "type"),
    QT_TRANSLATE_NOOP("VisitRecords", "address"),
    QT_TRANSLATE_NOOP("VisitRecords", "country (ISO code, e.g. MX)"),
    QT_TRANSLATE_NOOP("VisitRecords", "document asked for"),
    QT_TRANSLATE_NOOP("VisitRecords", "requested on"),
    QT_TRANSLATE_NOOP("VisitRecords", "received on"),
    QT_TRANSLATE_NOOP("VisitRecords", "evidence received"),
    QT_TRANSLATE_NOOP("VisitRecords", "role (e.g. security manager)"),
    QT_TRANSLATE_NOOP("VisitRecords", "organisation"),
    QT_TRANSLATE_NOOP("VisitRecords", "day present"),
    QT_TRANSLATE_NOOP("VisitRecords", "topic"),
    QT_TRANSLATE_NOOP("VisitRecords", "who (a participant)"),
    QT_TRANSLATE_NOOP("VisitRecords", "when"),
    QT_TRANSLATE_NOOP("VisitRecords", "notes"),
    QT_TRANSLATE_NOOP("VisitRecords", "area shown"),
    QT_TRANSLATE_NOOP("VisitRecords", "time"),
    QT_TRANSLATE_NOOP("VisitRecords", "site"),
    QT_TRANSLATE_NOOP("VisitRecords", "evidence"),
    QT_TRANSLATE_NOOP("VisitRecords", "note"),
    QT_TRANSLATE_NOOP("VisitRecords", "role"),
    QT_TRANSLATE_NOOP("VisitRecords", "proposed result"),
    QT_TRANSLATE_NOOP("VisitRecords", "reason"),
    QT_TRANSLATE_NOOP("VisitRecords", "decision"),
    QT_TRANSLATE_NOOP("VisitRecords", "result decided"),
    QT_TRANSLATE_NOOP("VisitRecords", "decided on"),
)
# The declared choices in words, by stored value.
CHOICES: dict[str, object] = {
    "facility": QT_TRANSLATE_NOOP("VisitRecords", "Facility"),
    "warehouse": QT_TRANSLATE_NOOP("VisitRecords", "Warehouse"),
    "office": QT_TRANSLATE_NOOP("VisitRecords", "Office"),
    "terminal": QT_TRANSLATE_NOOP("VisitRecords", "Terminal"),
    "other": QT_TRANSLATE_NOOP("VisitRecords", "Other"),
    "member": QT_TRANSLATE_NOOP("VisitRecords", "The member"),
    "cbp": QT_TRANSLATE_NOOP("VisitRecords", "CBP"),
    "scss": QT_TRANSLATE_NOOP("VisitRecords", "SCSS"),
    "co-scss": QT_TRANSLATE_NOOP("VisitRecords", "Co-SCSS"),
    "observer": QT_TRANSLATE_NOOP("VisitRecords", "Observer"),
    "continued-certification": QT_TRANSLATE_NOOP("VisitRecords", "Continued certification"),
    "tier-2": QT_TRANSLATE_NOOP("VisitRecords", "Tier 2 (validated)"),
    "tier-3": QT_TRANSLATE_NOOP("VisitRecords", "Tier 3 (exceeds)"),
    "suspension-proposal": QT_TRANSLATE_NOOP("VisitRecords", "Suspension proposed"),
    "removal-proposal": QT_TRANSLATE_NOOP("VisitRecords", "Removal proposed"),
    "agreed": QT_TRANSLATE_NOOP("VisitRecords", "Agreed with the proposal"),
    "changed": QT_TRANSLATE_NOOP("VisitRecords", "Changed the result"),
}
_TABLE_COLUMNS = 3  # fields a kind's list shows (the form below shows them all)
_MOMENT_SHOWN = "%Y-%m-%d %H:%M"


def field_label(f: Field) -> str:
    """A declared field's label in the windows' language, capitalised."""
    said = translate("VisitRecords", f.label)
    return said[:1].upper() + said[1:]


def choice_label(value: str) -> str:
    """A declared choice in words ("Co-SCSS" for co-scss)."""
    known = CHOICES.get(value)
    return translate("VisitRecords", str(known)) if known is not None else value


@dataclass(frozen=True)
class Loaded:
    """What the panel shows, read in one go on the runner."""

    records: Mapping[str, Sequence[Item]]
    evidence: Sequence[EvidenceRecord]
    locked: bool  # signed: all but the decision read only
    supervisor: bool  # may record the decision


def _load(ctx: AppContext, session: ValidationSession) -> Loaded:
    from ctpat_desktop.services.approval import hub_role

    status = ctx.store.validation(session.id).status
    return Loaded(
        session.visit_records(),
        session.evidence(),
        lifecycle.is_locked(status),
        hub_role(ctx) in lifecycle.SUPERVISORS,
    )


class FieldEditor:
    """One field's widget: shows a stored value and gives back the typed one."""

    def __init__(self, kind: Declaration, f: Field, on_enter: Callable[[], None]) -> None:
        self.kind, self.field = kind, f
        label = field_label(f)
        self.widget: QWidget
        if f.choices or f.type is Type.REF:
            self.combo = QComboBox()
            self.combo.setAccessibleName(label)
            # As narrow as the panel needs: a long site name is cut, not the panel widened.
            self.combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            self.combo.setMinimumContentsLength(8)
            if f.choices:
                if not f.required:
                    self.combo.addItem("–", "")
                for value in f.choices:
                    self.combo.addItem(choice_label(value), value)
            self.widget = self.combo
        elif f.type is Type.DATE:
            self.date = DateField(translate("VisitPanel", "YYYY-MM-DD"))
            self.date.line.setAccessibleName(label)
            # Dates are typed; the calendar is for the mouse and stays out of Tab's way.
            self.date.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.date.line.returnPressed.connect(on_enter)
            self.widget = self.date
        elif f.type is Type.TEXT and f.multiline:
            self.text = QPlainTextEdit()
            self.text.setAccessibleName(label)
            self.text.setTabChangesFocus(True)
            self.text.setFixedHeight(self.text.fontMetrics().height() * 3 + 12)
            self.widget = self.text
        else:
            self.line = QLineEdit()
            self.line.setAccessibleName(label)
            self.line.setMaxLength(f.max_length if f.type is Type.TEXT else 500)
            self.line.setPlaceholderText(_placeholder(f))
            self.line.returnPressed.connect(on_enter)
            self.widget = self.line

    def set_options(self, options: Sequence[tuple[str, str]]) -> None:
        """A reference's choices: (words, record ID), after "none" when it may be empty."""
        combo = self.combo
        kept = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        if self.field.nullable:
            combo.addItem(translate("VisitPanel", "(none)"), None)
        for words, record_id in options:
            combo.addItem(words, record_id)
        combo.setCurrentIndex(max(combo.findData(kept), 0))
        combo.blockSignals(False)

    def show(self, value: Any) -> None:
        """Show a stored value (None or empty: nothing)."""
        f = self.field
        if f.choices or f.type is Type.REF:
            self.combo.setCurrentIndex(max(self.combo.findData(value), 0))
        elif f.type is Type.DATE:
            self.date.set_day(date.fromisoformat(value) if value else None)
        elif f.type is Type.TEXT and f.multiline:
            self.text.setPlainText(value or "")
        elif f.type is Type.MOMENT:
            self.line.setText(
                datetime.fromisoformat(value).strftime(_MOMENT_SHOWN) if value else ""
            )
        elif f.type is Type.DATES:
            self.line.setText(", ".join(value or ()))
        else:
            self.line.setText("" if value is None else str(value))

    def raw(self) -> Any:
        """What the field holds as typed, a valid value or not."""
        f = self.field
        if f.choices or f.type is Type.REF:
            return self.combo.currentData()
        if f.type is Type.DATE:
            return self.date.text()
        if f.type is Type.TEXT and f.multiline:
            return self.text.toPlainText()
        return self.line.text()

    def set_raw(self, typed: Any) -> None:
        """Put back what raw() gave."""
        f = self.field
        if f.choices or f.type is Type.REF:
            self.combo.setCurrentIndex(max(self.combo.findData(typed), 0))
        elif f.type is Type.DATE:
            self.date.line.setText(typed)
        elif f.type is Type.TEXT and f.multiline:
            self.text.setPlainText(typed)
        else:
            self.line.setText(typed)

    def value(self) -> Any:
        """The value as typed, in the field's type (RuleError when it is none)."""
        f = self.field
        if f.choices or f.type is Type.REF:
            return self.combo.currentData()
        if f.type is Type.DATE:
            try:
                day = self.date.day()
            except ValueError:
                raise RuleError(
                    translate("VisitPanel", "{field}: {text} is not a date").format(
                        field=field_label(f), text=self.date.text().strip()
                    )
                ) from None
            return day.isoformat() if day else None
        if f.type is Type.TEXT:
            text = self.text.toPlainText() if f.multiline else self.line.text().strip()
            return text
        typed = self.line.text().strip()
        if not typed and f.type is not Type.DATES:
            return None if f.nullable else f.empty()
        if f.type is Type.MOMENT:
            return typed.replace(" ", "T", 1)
        if f.type is Type.DATES:
            return [_iso_day(f, part) for part in typed.split(",") if part.strip()]
        return from_text(self.kind, f, typed)


def _placeholder(f: Field) -> str:
    if f.type is Type.MOMENT:
        return translate("VisitPanel", "YYYY-MM-DD HH:MM")
    if f.type is Type.DATES:
        return translate("VisitPanel", "YYYY-MM-DD, YYYY-MM-DD")
    return ""


def _iso_day(f: Field, text: str) -> str:
    try:
        day = parse_day(text, day_first=False)
    except ValueError:
        day = None
    if day is None:
        raise RuleError(
            translate("VisitPanel", "{field}: {text} is not a date").format(
                field=field_label(f), text=text.strip()
            )
        )
    return day.isoformat()


class KindPage(QWidget):
    """One kind: its records (a list, for a kind with many), the form and its buttons."""

    def __init__(self, kind: Declaration, panel: "VisitPanel") -> None:
        super().__init__()
        self.kind = kind
        self._panel = panel
        self.items: list[Item] = []
        self._shown_id: str | None = None  # the record the form shows (None: a new one)
        self._shown_raw: list[Any] | None = None  # the form as last filled, to tell a draft
        self._written = False  # the next reading shows what was just saved, not the form
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table: QTableView | None = None
        if not kind.single:
            # A list's headers are short: the label without its example in brackets.
            headers = [field_label(f).split(" (")[0] for f in kind.fields[:_TABLE_COLUMNS]]
            self.model = RowsModel(headers, self)
            columns = tuple(range(self.model.columnCount()))
            self.table = _table(self.model, section_title(kind.name, 0), columns)
            self.table.setMinimumHeight(self.table.fontMetrics().height() * 6)
            self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
            layout.addWidget(self.table, 1)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        layout.addWidget(self.note)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(form)
        self.editors = [FieldEditor(kind, f, self.save) for f in kind.fields]
        for editor in self.editors:
            label = QLabel(
                translate("VisitPanel", "{field}:").format(field=field_label(editor.field))
            )
            label.setBuddy(editor.widget)
            label.setWordWrap(True)
            form.addRow(label, editor.widget)
        self._build_buttons(layout)
        if self.table is None:
            layout.addStretch(1)  # the form keeps its height; the space goes below
        chain = [
            *([self.table] if self.table is not None else []),
            *(e.widget for e in self.editors),
            *self.buttons,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _build_buttons(self, layout: QVBoxLayout) -> None:
        self.new_button = QPushButton(translate("VisitPanel", "Ne&w"))
        self.new_button.setToolTip(translate("VisitPanel", "Empty the form for a new record"))
        self.new_button.clicked.connect(self.start_new)
        self.save_button = QPushButton(translate("VisitPanel", "&Save"))
        self.save_button.setToolTip(translate("VisitPanel", "Save the form (Enter in a field)"))
        self.save_button.clicked.connect(self.save)
        self.remove_button = QPushButton(translate("VisitPanel", "Re&move"))
        self.remove_button.setToolTip(
            translate("VisitPanel", "Remove the chosen record (the audit trail keeps it)")
        )
        self.remove_button.clicked.connect(self.remove)
        self.buttons = [self.save_button, self.remove_button]
        if not self.kind.single:
            self.buttons.insert(0, self.new_button)
        else:
            self.new_button.hide()
        self.received_button: QPushButton | None = None
        if "received_on" in self.kind.by_name:
            self.received_button = QPushButton(translate("VisitPanel", "Mark re&ceived"))
            self.received_button.setToolTip(
                translate("VisitPanel", "Received today, with the evidence chosen")
            )
            self.received_button.clicked.connect(self.mark_received)
            self.buttons.append(self.received_button)
        row = FlowLayout()
        for button in self.buttons:
            row.addWidget(button)
        layout.addLayout(row)
        if self.table is not None:
            remove = QAction(translate("VisitPanel", "Remove the chosen record"), self.table)
            remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
            remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            remove.triggered.connect(self.remove)
            self.table.addAction(remove)

    # Showing --------------------------------------------------------------------------

    def show_records(
        self, items: Sequence[Item], names: Mapping[str, Sequence[tuple[str, str]]]
    ) -> None:
        """Show the kind's records as stored now; what was typed and not saved stays."""
        draft = None if self._written else self._draft()
        self._written = False
        keep = self._shown_id
        for editor in self.editors:
            if editor.field.type is Type.REF:
                editor.set_options(names.get(editor.field.refers_to, ()))
        self.items = list(items)
        ids = [item.id for item in self.items]
        if self.table is None:
            self._fill(self.items[0] if self.items else None, draft)
            return
        words = {record_id: said for group in names.values() for said, record_id in group}
        self.model.set_rows([self._row(item, words) for item in self.items])
        self.table.setAccessibleName(section_title(self.kind.name, len(self.items)))
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        if keep in ids:
            self.table.selectRow(ids.index(keep))
        else:
            self.table.clearSelection()
        selection.blockSignals(False)
        if keep in ids:
            self._fill(self.items[ids.index(keep)], draft)
        else:  # a new record's form, or the one shown was removed meanwhile
            self._fill(None, draft if keep is None else None)

    def _row(self, item: Item, words: Mapping[str, str]) -> tuple[str, ...]:
        return tuple(
            shown_value(f, item.values[f.name], words) for f in self.kind.fields[:_TABLE_COLUMNS]
        )

    def selected(self) -> Item | None:
        """The record chosen in the list (a single kind's one record)."""
        if self.table is None:
            return self.items[0] if self.items else None
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def _on_selection_changed(self) -> None:
        self._fill(self.selected(), None)

    def _fill(self, record: Item | None, draft: list[Any] | None) -> None:
        values = dict(record.values) if record is not None else self._defaults()
        self._shown_id = record.id if record is not None else None
        for editor in self.editors:
            editor.show(values.get(editor.field.name))
        self._shown_raw = [e.raw() for e in self.editors]
        if draft is not None:
            for editor, typed in zip(self.editors, draft, strict=True):
                editor.set_raw(typed)
        self.update_state()

    def _defaults(self) -> dict[str, Any]:
        """A new record's values: now for a tour stop, today for a request or a decision,
        the validation's day for a participant, the last stop's site for the next."""
        now = datetime.now()
        defaults: dict[str, Any] = {f.name: f.empty() for f in self.kind.fields}
        for f in self.kind.fields:
            if f.type is Type.MOMENT:
                defaults[f.name] = now.strftime("%Y-%m-%dT%H:%M")
            elif f.type is Type.DATE and f.name in ("requested_on", "decided_on"):
                defaults[f.name] = now.date().isoformat()
            elif f.type is Type.DATES:
                defaults[f.name] = [self._panel.validation_day().isoformat()]
            elif f.type is Type.REF and f.refers_to == "site" and self.items:
                defaults[f.name] = self.items[-1].values[f.name]
        return defaults

    def _draft(self) -> list[Any] | None:
        """The form as typed, when it differs from what was shown (None: it does not)."""
        typed = [e.raw() for e in self.editors]
        return typed if self._shown_raw is not None and typed != self._shown_raw else None

    def update_state(self) -> None:
        """Buttons for what may be done now (a signed validation: read only)."""
        editable = self._panel.may_edit(self.kind)
        for editor in self.editors:
            editor.widget.setEnabled(editable)
        for button in self.buttons:
            button.setEnabled(editable)
        self.remove_button.setEnabled(editable and self.selected() is not None)
        why = self._panel.why_read_only(self.kind)
        self.note.setText(why)
        self.note.setVisible(bool(why))

    # Changes --------------------------------------------------------------------------

    def start_new(self) -> None:
        """An empty form (with its defaults) for a new record; the focus on its first field."""
        if self.table is not None:
            self.table.clearSelection()
        self._fill(None, None)
        self.editors[0].widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def save(self) -> None:
        """Add the form as a new record, or change the chosen one."""
        if not self._panel.may_edit(self.kind):
            return
        try:
            values = {e.field.name: e.value() for e in self.editors}
        except RuleError as exc:
            self._panel.show_error(error_text(exc))
            return
        chosen = self.selected()
        if self.kind.single or chosen is None:
            self._panel.write(self.kind, None, values)
            return
        changed = {k: v for k, v in values.items() if v != chosen.values[k]}
        if changed:
            self._panel.write(self.kind, chosen.id, changed)

    def mark_received(self) -> None:
        """The request came today (with the evidence the form names): saved at once."""
        editor = next(e for e in self.editors if e.field.name == "received_on")
        editor.show(date.today().isoformat())
        self.save()

    def remove(self) -> None:
        """Remove the chosen record."""
        chosen = self.selected()
        if chosen is not None and self._panel.may_edit(self.kind):
            self._panel.remove(self.kind, chosen.id)

    def after_write(self, record_id: str | None) -> None:
        """A write went through: the next reading shows this record as stored."""
        self._shown_id = record_id
        self._written = True


def shown_value(f: Field, value: Any, names: Mapping[str, str]) -> str:
    """A stored value in a list's cell."""
    if value in (None, "", []):
        return ""
    if f.choices:
        return choice_label(value)
    if f.type is Type.REF:
        return names.get(value, value[:8])
    if f.type is Type.MOMENT:
        return datetime.fromisoformat(value).strftime(_MOMENT_SHOWN)
    if f.type is Type.DATES:
        return ", ".join(value)
    return " ".join(str(value).split())


def section_title(name: str, count: int) -> str:
    """A section's title in the windows' language, with its count of records (a kind with
    one record at most has none)."""
    return translate("VisitPanel", str(SECTIONS[name])).format(count=count)


class VisitPanel(SidePanel):
    """Every record around the checklist, one kind at a time."""

    records_changed = Signal()  # a write went through (the workspace reads its state again)
    edit_stored = Signal(object)  # the VisitEdit of that write (the workspace's undo stack)

    def __init__(
        self,
        ctx: AppContext,
        runner: Runner,
        session: ValidationSession,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, runner, session, parent)
        self.loaded: Loaded | None = None
        self._loaded_once = False
        # Built in reading order, which is the order Tab takes: the kind, its list, its form.
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        layout.addLayout(top)
        self.kinds = QComboBox()
        self.kinds.setAccessibleName(self.tr("Records shown"))
        self.kinds.setAccessibleDescription(
            self.tr("Which records the panel shows: sites, documents, participants, tour log…")
        )
        kinds_label = QLabel(self.tr("Rec&ords:"))
        kinds_label.setBuddy(self.kinds)
        top.addWidget(kinds_label)
        top.addWidget(self.kinds, 1)
        self.stack = QStackedWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.stack)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(scroll, 1)
        self.pages: dict[str, KindPage] = {}
        for name in SECTIONS:
            page = self.pages[name] = KindPage(BY_NAME[name], self)
            self.stack.addWidget(page)
            self.kinds.addItem(section_title(name, 0), name)
        self.kinds.currentIndexChanged.connect(self.stack.setCurrentIndex)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Problem"))
        self.error.setStyleSheet(f"color: {ink('error')};")
        self.error.hide()
        layout.addWidget(self.error)
        self.refresh()

    # Reading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the records again (in the background) and show them; drafts stay."""
        ctx, session = self._ctx, self._session
        self._runner.run(lambda: _load(ctx, session), self._on_loaded, self._on_load_failed)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._loaded_once:  # evidence attached meanwhile joins the lists
            self.refresh()

    def _on_load_failed(self, exc: Exception) -> None:
        self.show_error(
            self.tr("Cannot read the visit records: {error}").format(error=error_text(exc))
        )

    def _on_loaded(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self._loaded_once = True
        names = _names(loaded)
        for index, (name, page) in enumerate(self.pages.items()):
            items = loaded.records.get(name, ())
            page.show_records(items, names)
            self.kinds.setItemText(index, section_title(name, len(items)))

    def validation_day(self) -> date:
        """The validation's date (a participant's first day, by default)."""
        return self._session.validation.date

    def may_edit(self, kind: Declaration) -> bool:
        """Whether records of this kind may be changed now."""
        loaded = self.loaded
        if loaded is None:
            return False
        if kind is BY_NAME["decision"]:
            return loaded.supervisor
        return not (kind.locked_by_signing and loaded.locked)

    def why_read_only(self, kind: Declaration) -> str:
        """Why a kind's form takes no changes now, in words ("" when it does)."""
        if self.loaded is None or self.may_edit(kind):
            return ""
        if kind is BY_NAME["decision"]:
            return self.tr("Only a supervisor records the decision (log in to the hub as one).")
        return self.tr("The validation is signed: these records are read only.")

    def current_kind(self) -> str:
        """The kind shown."""
        return str(self.kinds.currentData())

    def show_kind(self, name: str) -> KindPage:
        """Show one kind's page (its name in records/kinds.py)."""
        self.kinds.setCurrentIndex(self.kinds.findData(name))
        return self.pages[name]

    # Writing ----------------------------------------------------------------------------

    def write(self, kind: Declaration, record_id: str | None, values: dict[str, Any]) -> None:
        """Add (record_id None), change or set a record on the runner; errors inline."""
        ctx, validation_id = self._ctx, self._session.id
        self.error.hide()
        self._runner.run(
            lambda: visit_edits.write(ctx, validation_id, kind, record_id, values),
            self._on_written,
            self._on_write_failed,
        )

    def remove(self, kind: Declaration, record_id: str) -> None:
        """Remove a record on the runner; errors inline."""
        ctx, validation_id = self._ctx, self._session.id
        self.error.hide()
        self._runner.run(
            lambda: visit_edits.remove(ctx, validation_id, kind, record_id),
            self._on_written,
            self._on_write_failed,
        )

    def _on_written(self, edit: VisitEdit) -> None:
        self.pages[edit.kind.name].after_write(edit.after.id if edit.after else None)
        self.refresh()
        self.records_changed.emit()
        self.edit_stored.emit(edit)

    def _on_write_failed(self, exc: Exception) -> None:
        self.show_error(error_text(exc))

    def show_error(self, text: str) -> None:
        """Say what went wrong under the form."""
        self.error.setText(f"⚠ {text}")
        self.error.show()


def _names(loaded: Loaded) -> dict[str, list[tuple[str, str]]]:
    """What each reference may name, by kind: (words, ID) of its records, evidence by file."""
    names: dict[str, list[tuple[str, str]]] = {
        "evidence": [(e.caption or e.filename, e.id) for e in loaded.evidence]
    }
    for name, items in loaded.records.items():
        kind = BY_NAME[name]
        names[name] = [(str(i.values[kind.title.name]), i.id) for i in items]
    return names
