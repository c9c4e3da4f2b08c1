"""The follow-up panel: what the member must do, due dates and extensions, and its responses.

Before signing they are the finding's own fields (edited through the workspace); once the
report is signed they are records appended after it (services/followup.py): no reopen,
several extensions listed, the effective due date the signed one plus every extension.
"""

from collections.abc import Callable
from datetime import date, timedelta
from html import escape
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableView,
    QToolBox,
    QVBoxLayout,
    QWidget,
)

from ctpat_desktop.app import AppContext
from ctpat_desktop.services import followup
from ctpat_desktop.services.followup import FollowUpLog
from ctpat_desktop.services.validations import ValidationSession
from ctpat_desktop.sync.followup_rules import Track
from ctpat_desktop.ui.i18n import (
    error_text,
    outcome_label,
    shown_categories,
    shown_text,
    status_label,
    translate,
)
from ctpat_desktop.ui.panels.base import SidePanel
from ctpat_desktop.ui.rows_model import RowsModel
from ctpat_desktop.ui.runner import Runner
from ctpat_desktop.ui.theme import ink
from ctpat_desktop.worksheet import CategoryProgress, FindingStatus
from ctpat_desktop.worksheet.followup import FollowUp, FollowUpItem
from ctpat_desktop.worksheet.rules import EXTENSION_DAYS, Outcome

# (implemented, note, accepted) as the member answered and the SCSS decided.
Response = tuple[bool | None, str, bool | None]
_IMPLEMENTED: tuple[tuple[object, bool | None], ...] = (
    (QT_TRANSLATE_NOOP("FollowUpPanel", "Not stated"), None),
    (QT_TRANSLATE_NOOP("FollowUpPanel", "Yes, implemented"), True),
    (QT_TRANSLATE_NOOP("FollowUpPanel", "No, not implemented"), False),
)
_DECISION: tuple[tuple[object, bool | None], ...] = (
    (QT_TRANSLATE_NOOP("FollowUpPanel", "Undecided"), None),
    (QT_TRANSLATE_NOOP("FollowUpPanel", "Accepted (closes it)"), True),
    (QT_TRANSLATE_NOOP("FollowUpPanel", "Rejected"), False),
)


def status_words() -> dict[FindingStatus, str]:
    """Each finding status in words, as the counts line shows them."""
    words = {
        status: status_label(status)
        for status in (
            FindingStatus.MET,
            FindingStatus.NOT_MET,
            FindingStatus.EXCEEDS,
            FindingStatus.NOT_APPLICABLE,
            FindingStatus.NOT_REVIEWED,
        )
    }
    words[FindingStatus.EXCEEDS] = translate("FollowUpPanel", "{status} (best practice)").format(
        status=words[FindingStatus.EXCEEDS]
    )
    return words


def open_line(follow: FollowUp, log: FollowUpLog | None = None) -> str:
    """How many required actions are still open, in words (after signing, by its records)."""
    if not follow.required_actions:
        return translate("FollowUpPanel", "No required actions")
    still = follow.open_required_actions
    if log is not None:
        tracked = (log.item(i.criterion) for i in follow.required_actions)
        still = sum(1 for t in tracked if t is None or not t.track.closed)
    if still == 0:
        return translate("FollowUpPanel", "All required actions are closed")
    if still == 1:
        return translate("FollowUpPanel", "1 required action still open")
    return translate("FollowUpPanel", "{count} required actions still open").format(count=still)


def due_text(item: FollowUpItem) -> str:
    """The due date, and under it the extension granted, if any."""
    due = item.due.isoformat() if item.due else translate("FollowUpPanel", "none")
    if not item.extension_days:
        return due
    return translate("FollowUpPanel", "{due}\n+{days} days").format(
        due=due, days=item.extension_days
    )


def signed_due_text(track: Track) -> str:
    """The effective due date of a signed required action, and under it the days added."""
    due = track.due.isoformat() if track.due else translate("FollowUpPanel", "none")
    if not track.extended_days:
        return due
    return translate("FollowUpPanel", "{due}\n+{days} days").format(
        due=due, days=track.extended_days
    )


def track_state_text(track: Track) -> str:
    """Where a signed finding's follow-up stands, in words (Track.state, translated)."""
    if track.closed:
        return translate("FollowUpPanel", "closed: response accepted")
    if track.decision is True:
        return translate("FollowUpPanel", "response accepted: to close")
    if track.decision is False:
        return translate("FollowUpPanel", "response rejected: awaiting a new response")
    if track.response is not None:
        return translate("FollowUpPanel", "response received: to review")
    return translate("FollowUpPanel", "awaiting the member's response")


def state_text(item: FollowUpItem) -> str:
    """Where a required action stands, in words (FollowUpItem.state, translated)."""
    if item.response_accepted is True:
        return translate("FollowUpPanel", "closed: response accepted")
    if item.response_accepted is False:
        return translate("FollowUpPanel", "response rejected: awaiting a new response")
    if item.response_implemented is not None or item.response_note:
        return translate("FollowUpPanel", "response received: to review")
    return translate("FollowUpPanel", "awaiting the member's response")


def completeness(progress: CategoryProgress) -> str:
    """Whether a category is done, and if not what is missing."""
    if progress.complete:
        return translate("FollowUpPanel", "yes")
    if progress.reviewed < progress.total:
        return translate("FollowUpPanel", "{count} to review").format(
            count=progress.total - progress.reviewed
        )
    return translate("FollowUpPanel", "{count} without action text").format(
        count=len(progress.incomplete)
    )


class _FirstRowOnFocus(QObject):
    """A table reached by the keyboard with no row chosen chooses its first row, so the
    buttons that act on the chosen row work at once."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.FocusIn
            and isinstance(watched, QTableView)
            and watched.model() is not None
            and watched.model().rowCount() > 0
            and not watched.selectionModel().hasSelection()
        ):
            watched.selectRow(0)
        return False


def _table(model: RowsModel, name: str, stretch: tuple[int, ...]) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.verticalHeader().hide()
    # Long titles and states wrap onto a second line rather than scroll off a narrow panel.
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    # Tab leaves the table for the buttons below (arrows move between rows): without
    # this, Tab went from cell to cell and the Extend button was out of the keys' reach.
    view.setTabKeyNavigation(False)
    view.installEventFilter(_FirstRowOnFocus(view))
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    return view


class ExtendDueDialog(QDialog):
    """Asks for 30, 60, 90 or 120 more days and the reason; the service checks them."""

    def __init__(
        self, item: FollowUpItem, days: int, reason: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Extend the due date of {criterion}").format(criterion=item.criterion)
        )
        due = item.due or date.today()
        self.choices = QButtonGroup(self)
        choices = QHBoxLayout()
        for option in EXTENSION_DAYS:
            button = QRadioButton(self.tr("{days} days").format(days=option))
            button.setToolTip(
                self.tr("New due date {date}").format(date=due + timedelta(days=option))
            )
            button.setChecked(option == days)
            self.choices.addButton(button, option)
            choices.addWidget(button)
        self.new_due = QLabel()
        self.choices.idToggled.connect(lambda *_: self._show_new_due(due))
        self.reason = QPlainTextEdit(reason)
        self.reason.setAccessibleName(self.tr("Reason for the extension"))
        self.reason.setPlaceholderText(self.tr("Required: why the member needs more time"))
        self.reason.setTabChangesFocus(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        due_line = self.tr("Due {date}").format(date=due)
        title = escape(shown_text(item.title))
        form.addRow(QLabel(f"<b>{item.criterion}</b> {title}<br>{due_line}"))
        form.addRow(self.tr("Extend by:"), choices)
        form.addRow("", self.new_due)
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(buttons)
        self._show_new_due(due)
        self.resize(440, 260)

    def _show_new_due(self, due: date) -> None:
        self.new_due.setText(
            self.tr("New due date: {date}").format(date=due + timedelta(days=self.days()))
        )

    def days(self) -> int:
        """The extension chosen."""
        return self.choices.checkedId()

    @classmethod
    def ask(
        cls, item: FollowUpItem, days: int, reason: str, parent: QWidget | None = None
    ) -> tuple[int, str] | None:
        """(days, reason) as entered, or None when cancelled."""
        dialog = cls(item, days, reason, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.days(), dialog.reason.toPlainText()


class FollowUpPanel(SidePanel):
    """Counts, progress, required actions with due dates and responses, until all are closed."""

    finding_changed = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        runner: Runner,
        session: ValidationSession,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, runner, session, parent)
        self.follow_up: FollowUp | None = None
        # After signing: the records appended since (None until read, or before signing).
        self.log: FollowUpLog | None = None
        self._shown: str | None = None
        # What was typed but not saved, by criterion: kept when the selection moves or a save fails.
        self._drafts: dict[str, Response] = {}
        self._extension_drafts: dict[str, tuple[int, str]] = {}
        self._edits: Callable[[str, dict[str, Any]], None] | None = None

        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.counts.setAccessibleName(self.tr("Findings by status"))
        self.open_label = QLabel()
        self.open_label.setAccessibleName(self.tr("Required actions still open"))
        font = self.open_label.font()
        font.setBold(True)
        self.open_label.setFont(font)

        criterion, title = self.tr("Criterion"), self.tr("Title")
        self.required = RowsModel([criterion, title, self.tr("Due"), self.tr("State")], self)
        self.recommendations = RowsModel(
            [criterion, title, outcome_label(Outcome.RECOMMENDATION)], self
        )
        self.best_practices = RowsModel([criterion, title, self.tr("Practice")], self)
        self.progress = RowsModel(
            [
                self.tr("Category"),
                self.tr("Reviewed"),
                status_label(FindingStatus.NOT_MET),
                self.tr("Done"),
            ],
            self,
        )
        self.required_view = _table(self.required, self.tr("Required actions"), (1, 3))
        self.required_view.selectionModel().selectionChanged.connect(
            self._on_required_selection_changed
        )

        # Stacked sections rather than tabs: on a narrow panel every title and count stays whole.
        self.sections = QToolBox()
        recommendations, best_practices = self.tr("Recommendations"), self.tr("Best practices")
        progress = self.tr("Progress by category")
        self.sections.addItem(self._build_required_section(), self.tr("Required actions"))
        self.sections.addItem(
            _table(self.recommendations, recommendations, (1, 2)), recommendations
        )
        self.sections.addItem(_table(self.best_practices, best_practices, (1, 2)), best_practices)
        self.sections.addItem(_table(self.progress, progress, (0,)), progress)
        # QToolBox wraps each section in a scroll area of its own, which takes the focus.
        for area in self.sections.findChildren(QScrollArea):
            page = area.widget()
            if page is not None:
                area.setAccessibleName(self.sections.itemText(self.sections.indexOf(page)))

        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.open_label)
        layout.addWidget(self.sections, 1)
        self._show_item(None)
        self.refresh()

    def _build_required_section(self) -> QWidget:
        self.action_text = QLabel()
        self.action_text.setAccessibleName(self.tr("Selected required action"))
        self.action_text.setWordWrap(True)
        self.action_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.due_label = QLabel()
        self.due_label.setWordWrap(True)
        self.extensions_label = QLabel()
        self.extensions_label.setWordWrap(True)
        self.extensions_label.setTextFormat(Qt.TextFormat.PlainText)
        self.extensions_label.setAccessibleName(self.tr("Extensions granted"))
        self.extend_button = QPushButton(self.tr("Extend due date…"))
        self.extend_button.clicked.connect(self._on_extend_button_clicked)
        due_row = QHBoxLayout()
        due_row.addWidget(self.due_label, 1)
        due_row.addWidget(self.extend_button)

        self.implemented = QComboBox()
        self.implemented.setAccessibleName(self.tr("Implemented"))
        for caption, value in _IMPLEMENTED:
            self.implemented.addItem(translate("FollowUpPanel", str(caption)), value)
        self.response_note = QPlainTextEdit()
        self.response_note.setAccessibleName(self.tr("Member's response"))
        self.response_note.setPlaceholderText(self.tr("What the member wrote back"))
        self.response_note.setTabChangesFocus(True)
        self.response_note.setFixedHeight(self.response_note.fontMetrics().height() * 4 + 12)
        self.decision = QComboBox()
        self.decision.setAccessibleName(self.tr("Decision"))
        for caption, value in _DECISION:
            self.decision.addItem(translate("FollowUpPanel", str(caption)), value)
        self.save_button = QPushButton(self.tr("Save response"))
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Problem"))
        self.error.setStyleSheet(f"color: {ink('error')};")
        self.error.hide()

        self.response_box = QGroupBox(self.tr("Member's response"))
        form = QFormLayout(self.response_box)
        form.addRow(self.tr("Implemented:"), self.implemented)
        form.addRow(self.tr("Response:"), self.response_note)
        decision_row = QHBoxLayout()
        decision_row.addWidget(self.decision, 1)
        decision_row.addWidget(self.save_button)
        form.addRow(self.tr("Decision:"), decision_row)

        section = QWidget()
        layout = QVBoxLayout(section)
        layout.addWidget(self.required_view, 1)
        layout.addWidget(self.action_text)
        layout.addLayout(due_row)
        layout.addWidget(self.extensions_label)
        layout.addWidget(self.response_box)
        layout.addWidget(self.error)
        return section

    # Loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the follow-up again (in the background) and show it."""
        session, ctx = self._session, self._ctx

        def load() -> tuple[FollowUp, FollowUpLog]:
            return session.follow_up(), followup.follow_up_log(ctx, session.id)

        self._runner.run(load, self._on_loaded, self._on_load_failed)

    def _on_load_failed(self, exc: Exception) -> None:
        self.open_label.setText(
            self.tr("⚠ Cannot read the follow-up: {error}").format(error=error_text(exc))
        )

    def _on_loaded(self, loaded: tuple[FollowUp, FollowUpLog]) -> None:
        follow, log = loaded
        keep = self._shown
        self.follow_up = follow
        self.log = log if log.open else None
        self._keep_draft()
        self.counts.setText(
            " · ".join(
                f"{words} {follow.counts.get(status.value, 0)}"
                for status, words in status_words().items()
                if status is not FindingStatus.NOT_REVIEWED or follow.counts.get(status.value, 0)
            )
        )
        self.open_label.setText(open_line(follow, self.log))
        self.required.set_rows([self._row(i) for i in follow.required_actions])
        self.recommendations.set_rows(
            [(i.criterion, shown_text(i.title), i.action) for i in follow.recommendations]
        )
        self.best_practices.set_rows(list(follow.best_practices))
        names = shown_categories(self._ctx.catalogs.categories)
        self.progress.set_rows(
            [
                (
                    f"{p.category} {names.get(p.category, '')}",
                    f"{p.reviewed}/{p.total}",
                    p.deficiencies,
                    completeness(p),
                )
                for p in follow.progress
            ]
        )
        for index, caption in enumerate(
            (
                self.tr("Required actions ({count})").format(count=len(follow.required_actions)),
                self.tr("Recommendations ({count})").format(count=len(follow.recommendations)),
                self.tr("Best practices ({count})").format(count=len(follow.best_practices)),
            )
        ):
            self.sections.setItemText(index, caption)
        self._shown = None
        if keep is not None:
            self.select_criterion(keep)
        if self.selected_item() is None:
            self._show_item(None)

    def _row(self, item: FollowUpItem) -> tuple[str, str, str, str]:
        track = self.track(item.criterion)
        title = shown_text(item.title)
        if track is None:
            return item.criterion, title, due_text(item), state_text(item)
        return item.criterion, title, signed_due_text(track), track_state_text(track)

    def track(self, criterion_id: str) -> Track | None:
        """A signed validation's follow-up of one criterion (None before signing)."""
        tracked = self.log.item(criterion_id) if self.log is not None else None
        return tracked.track if tracked is not None else None

    # The selected required action -------------------------------------------------------

    def set_criterion(self, criterion_id: str | None) -> None:
        """Select this criterion's required action, if it has one."""
        if criterion_id is not None:
            self.select_criterion(criterion_id)

    def select_criterion(self, criterion_id: str) -> bool:
        """Select a required action by criterion; False when it is not one."""
        rows = [row[0] for row in self.required.rows()]
        if criterion_id not in rows:
            return False
        self.required_view.selectRow(rows.index(criterion_id))
        return True

    def selected_item(self) -> FollowUpItem | None:
        """The selected required action, if any."""
        rows = self.required_view.selectionModel().selectedRows()
        if not rows or self.follow_up is None:
            return None
        return self.follow_up.required_actions[rows[0].row()]

    def _on_required_selection_changed(self) -> None:
        self._keep_draft()
        self._show_item(self.selected_item())

    def _stored(self, item: FollowUpItem) -> Response:
        track = self.track(item.criterion)
        if track is not None:
            implemented, note = track.response or (None, "")
            return implemented, note, True if track.closed else track.decision
        return item.response_implemented, item.response_note, item.response_accepted

    def _entered(self) -> Response:
        return (
            self.implemented.currentData(),
            self.response_note.toPlainText(),
            self.decision.currentData(),
        )

    def _keep_draft(self) -> None:
        if self._shown is None or self.follow_up is None:
            return
        item = next(
            (i for i in self.follow_up.required_actions if i.criterion == self._shown), None
        )
        if item is not None and self._entered() != self._stored(item):
            self._drafts[item.criterion] = self._entered()

    def _show_item(self, item: FollowUpItem | None) -> None:
        self._shown = item.criterion if item else None
        self.error.hide()
        for widget in (self.extend_button, self.response_box):
            widget.setEnabled(item is not None)
        self.extensions_label.clear()
        self.extensions_label.hide()
        if item is None:
            self.action_text.setText(
                self.tr("Select a required action to extend it or record a response.")
            )
            self.due_label.clear()
            self._fill_response((None, "", None))
            return
        what = escape(item.action or shown_text(item.title))
        self.action_text.setText(f"<b>{item.criterion}</b> {what}")
        track = self.track(item.criterion)
        if track is not None:
            due, days = track.due, track.extended_days
        else:
            due, days = item.due, item.extension_days or 0
        if due is None:
            shown = self.tr("No due date")
        elif days:
            shown = self.tr("Due {date} (extended {days} days)").format(date=due, days=days)
        else:
            shown = self.tr("Due {date}").format(date=due)
        self.due_label.setText(shown)
        self.extend_button.setEnabled(due is not None and not (track and track.closed))
        if track is not None and track.extensions:
            self.extensions_label.setText(
                "\n".join(
                    self.tr("+{days} days: {reason}").format(days=r.days, reason=r.note)
                    for r in track.extensions
                )
            )
            self.extensions_label.show()
        self.response_box.setEnabled(not (track and track.closed))
        self._fill_response(self._drafts.pop(item.criterion, self._stored(item)))

    def _fill_response(self, response: Response) -> None:
        implemented, note, accepted = response
        self.implemented.setCurrentIndex(self.implemented.findData(implemented))
        self.response_note.setPlainText(note)
        self.decision.setCurrentIndex(self.decision.findData(accepted))

    def _show_error(self, text: str) -> None:
        self.error.setText(f"⚠ {text}")
        self.error.show()

    # Changes ----------------------------------------------------------------------------

    def _on_extend_button_clicked(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        days, reason = self._extension_drafts.get(item.criterion, (EXTENSION_DAYS[0], ""))
        answer = ExtendDueDialog.ask(item, days, reason, self)
        if answer is None:
            return
        self._extension_drafts[item.criterion] = answer
        self.extend_due(item.criterion, *answer)

    def route_edits(self, edits: Callable[[str, dict[str, Any]], None]) -> None:
        """Send finding changes there (the workspace's one way to change a finding: saved
        in order, checked against the revision shown, undoable with Ctrl+Z) instead of
        saving them directly."""
        self._edits = edits

    def extend_due(self, criterion_id: str, days: int, reason: str) -> None:
        """Push a required action's due date back; a rule error shows inline."""
        required = self.follow_up.required_actions if self.follow_up is not None else []
        item = next((i for i in required if i.criterion == criterion_id), None)
        if self.log is not None:  # signed: appended after the report, no reopen
            ctx, validation_id = self._ctx, self._session.id
            self._run_change(
                criterion_id,
                lambda: followup.extend(ctx, validation_id, criterion_id, days=days, reason=reason),
                lambda: self._extension_drafts.pop(criterion_id, None),
            )
            return
        if self._edits is not None and item is not None and item.due is not None:
            self._extension_drafts.pop(criterion_id, None)
            self._edits(
                criterion_id,
                {
                    "due": item.due + timedelta(days=days),
                    "extension_days": days,
                    "extension_reason": reason,
                },
            )
            return
        session = self._session
        self._run_change(
            criterion_id,
            lambda: session.extend_due(criterion_id, days, reason),
            lambda: self._extension_drafts.pop(criterion_id, None),
        )

    def _on_save_button_clicked(self) -> None:
        item = self.selected_item()
        if item is not None:
            self.record_response(item.criterion, *self._entered())

    def record_response(
        self, criterion_id: str, implemented: bool | None, note: str, accepted: bool | None
    ) -> None:
        """Save the member's response and the decision on it; a rule error shows inline."""
        if self.log is not None:  # signed: appended after the report, no reopen
            ctx, validation_id = self._ctx, self._session.id
            self._drafts[criterion_id] = (implemented, note, accepted)
            self._run_change(
                criterion_id,
                lambda: followup.record_answer(
                    ctx,
                    validation_id,
                    criterion_id,
                    implemented=implemented,
                    note=note,
                    accepted=accepted,
                ),
                lambda: self._drafts.pop(criterion_id, None),
            )
            return
        if self._edits is not None:
            self._drafts.pop(criterion_id, None)
            self._edits(
                criterion_id,
                {
                    "response_implemented": implemented,
                    "response_note": note,
                    "response_accepted": accepted,
                },
            )
            return
        session = self._session
        self._drafts[criterion_id] = (implemented, note, accepted)
        self._run_change(
            criterion_id,
            lambda: session.record_response(
                criterion_id, implemented=implemented, note=note, accepted=accepted
            ),
            lambda: self._drafts.pop(criterion_id, None),
        )

    def _run_change(
        self, criterion_id: str, work: Callable[[], object], forget_draft: Callable[[], object]
    ) -> None:
        def done(_record: object) -> None:
            forget_draft()
            self.finding_changed.emit(criterion_id)
            self.refresh()

        def failed(exc: Exception) -> None:
            self._show_error(error_text(exc))

        self.error.hide()
        self._runner.run(work, done, failed)
