"""The live-session panel: a timer, the agenda against the clock, participants, the WebEx link."""

import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    Qt,
    QTimer,
    QUrl,
)
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ctpat_desktop.app import AppContext
from ctpat_desktop.services.validations import ValidationSession, update_validation
from ctpat_desktop.ui.i18n import error_text, shown_categories, translate
from ctpat_desktop.ui.panels.base import SidePanel
from ctpat_desktop.ui.runner import Runner
from ctpat_desktop.ui.table_model import Index, TableModel
from ctpat_desktop.worksheet import Validation
from ctpat_desktop.worksheet.agenda import (
    AgendaSlot,
    SessionTimes,
    format_minutes,
    plan_agenda,
    slot_at,
    span,
)

_TICK_MS = 1000
# While the timer runs, its recorded stretch is brought up to date this often: a laptop
# that dies loses at most this much session time.
MARK_MS = 60_000


def where_we_are(
    slots: Sequence[AgendaSlot], elapsed_minutes: int, current_category: int | None
) -> str:
    """The session against its plan, in one line: ahead, on time or behind, in minutes."""
    if not slots:
        return translate("SessionPanel", "No agenda: the catalog has no categories")
    current = next((s for s in slots if s.category == current_category), None)
    if current is None:
        planned = slot_at(slots, elapsed_minutes)
        if planned is not None:
            return translate("SessionPanel", "By the plan: category {category} ({span})").format(
                category=planned.category, span=span(planned)
            )
        return translate("SessionPanel", "The planned {end} is over by {over} min").format(
            end=format_minutes(slots[-1].end_minute),
            over=elapsed_minutes - slots[-1].end_minute,
        )
    if elapsed_minutes < current.start_minute:
        return translate(
            "SessionPanel", "Category {category} planned from {start}; you are {ahead} min ahead"
        ).format(
            category=current.category,
            start=format_minutes(current.start_minute),
            ahead=current.start_minute - elapsed_minutes,
        )
    if elapsed_minutes > current.end_minute:
        return translate(
            "SessionPanel", "Category {category} planned {span}; you are {behind} min behind"
        ).format(
            category=current.category,
            span=span(current),
            behind=elapsed_minutes - current.end_minute,
        )
    return translate("SessionPanel", "Category {category} planned {span}; you are on time").format(
        category=current.category, span=span(current)
    )


def clock_text(seconds: int) -> str:
    """Seconds as h:mm:ss."""
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class AgendaModel(TableModel):
    """One row per category: its planned time, and marks for where the clock and the SCSS are."""

    CategoryRole = Qt.ItemDataRole.UserRole + 1
    HEADERS = (
        QT_TRANSLATE_NOOP("AgendaModel", "Where"),
        QT_TRANSLATE_NOOP("AgendaModel", "Category"),
        QT_TRANSLATE_NOOP("AgendaModel", "Planned"),
        QT_TRANSLATE_NOOP("AgendaModel", "Spent"),
    )

    def __init__(self, names: dict[int, str], parent: Any = None) -> None:
        super().__init__([translate("AgendaModel", str(h)) for h in self.HEADERS], parent)
        self._names = names
        self._sizes: dict[int, int] = {}
        self._now: int | None = None
        self._here: int | None = None
        self._spent: dict[int, int] = {}

    def set_spent(self, seconds: dict[int, int]) -> None:
        """The recorded time on each category (seconds), shown beside the plan."""
        minutes = {category: value // 60 for category, value in seconds.items()}
        if minutes == self._spent:
            return
        self._spent = minutes
        if self._items:
            column = len(self.HEADERS) - 1
            self.dataChanged.emit(self.index(0, column), self.index(len(self._items) - 1, column))

    def set_slots(self, slots: Sequence[AgendaSlot], sizes: dict[int, int]) -> None:
        """Replace the agenda; sizes are the criteria per category."""
        self._sizes = dict(sizes)
        self.replace_items(slots)

    def set_marks(self, now: int | None, here: int | None) -> None:
        """The category the clock says (now) and the one the SCSS is on (here)."""
        if (now, here) == (self._now, self._here):
            return
        self._now, self._here = now, here
        if self._items:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._items) - 1, len(self.HEADERS) - 1)
            )

    def marker(self, row: int) -> str:
        """The text of a row's Where column: "▶ now", "● here" or both."""
        category = self._items[row].category
        marks = []
        if category == self._now:
            marks.append(self.tr("▶ now"))
        if category == self._here:
            marks.append(self.tr("● here"))
        return " ".join(marks)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        slot: AgendaSlot | None = self.item(index)
        if slot is None:
            return None
        name = self._names.get(slot.category, "")
        texts = (
            self.marker(index.row()),
            f"{slot.category} {name}",
            f"{format_minutes(slot.start_minute)}–{format_minutes(slot.end_minute)}",
            format_minutes(self._spent[slot.category]) if slot.category in self._spent else "",
        )
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return texts[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr(
                "Category {category} {name}: {count} criteria, {minutes} min planned"
            ).format(
                category=slot.category,
                name=name,
                count=self._sizes.get(slot.category, 0),
                minutes=slot.minutes,
            )
        if role == Qt.ItemDataRole.FontRole and slot.category == self._now:
            bold = QFont()
            bold.setBold(True)
            return bold
        if role == self.CategoryRole:
            return slot.category
        return None


class SessionPanel(SidePanel):
    """What the SCSS needs at hand during the call: time, agenda, who is there, the link."""

    def __init__(
        self,
        ctx: AppContext,
        runner: Runner,
        session: ValidationSession,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, runner, session, parent)
        self._current_category: int | None = None
        # The session time is recorded (store/periods.py): the stretches recorded before
        # (banked) plus the stretch running now, timed here between its minute marks.
        self._banked_ms = 0
        self._spent: dict[int | None, int] = {}
        self._period_id: str | None = None
        self._period_category: int | None = None
        self._lap_started: int | None = None
        self._last_mark = 0
        # One clock for what is shown and what is recorded (tests set their own).
        self.now: Callable[[], datetime] = lambda: datetime.now(UTC)
        self._ticker = QTimer(self)
        self._ticker.setInterval(_TICK_MS)
        self._ticker.timeout.connect(self._on_ticker_timeout)

        catalog = session.catalog
        self._slots = plan_agenda(catalog, session.validation.planned_minutes)
        names = shown_categories(ctx.catalogs.categories)
        self.agenda_model = AgendaModel(names, self)
        self.agenda_model.set_slots(
            self._slots, {n: len(catalog.in_category(n)) for n in catalog.categories()}
        )

        layout = QVBoxLayout(self)
        layout.addWidget(self._build_timer())
        layout.addWidget(self._build_agenda(), 1)
        layout.addWidget(self._build_participants())
        self._show_participants(session.validation.participants)
        self._show_webex(session.validation.webex_url)
        self._on_ticker_timeout()
        self._runner.run(session.session_times, self._on_times_read, self._on_time_failed)

    def _build_timer(self) -> QGroupBox:
        box = QGroupBox(self.tr("Session"))
        self.clock_label = QLabel()
        self.clock_label.setAccessibleName(self.tr("Session time"))
        font = self.clock_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.clock_label.setFont(font)
        self.timer_button = QPushButton(self.tr("Start"))
        self.timer_button.setToolTip(self.tr("Start the session timer"))
        self.timer_button.clicked.connect(self._on_timer_button_clicked)
        self.webex_button = QPushButton(self.tr("Open WebEx"))
        self.webex_button.clicked.connect(self._on_webex_button_clicked)
        self.plan_label = QLabel()
        self.where_label = QLabel()
        self.where_label.setWordWrap(True)
        self.where_label.setAccessibleName(self.tr("Where the session stands"))
        row = QHBoxLayout()
        row.addWidget(self.clock_label)
        row.addWidget(self.timer_button)
        row.addStretch()
        row.addWidget(self.webex_button)
        inner = QVBoxLayout(box)
        inner.addLayout(row)
        inner.addWidget(self.plan_label)
        inner.addWidget(self.where_label)
        return box

    def _build_agenda(self) -> QGroupBox:
        box = QGroupBox(self.tr("Agenda"))
        self.agenda = QTableView()
        self.agenda.setAccessibleName(self.tr("Agenda"))
        self.agenda.setModel(self.agenda_model)
        self.agenda.verticalHeader().hide()
        self.agenda.verticalHeader().setDefaultSectionSize(self.agenda.fontMetrics().height() + 8)
        self.agenda.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.agenda.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.agenda.setWordWrap(False)
        self.agenda.setTextElideMode(Qt.TextElideMode.ElideRight)
        # Category names give way (elided): the times always show, nothing scrolls sideways.
        self.agenda.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.agenda.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        QVBoxLayout(box).addWidget(self.agenda)
        return box

    def _build_participants(self) -> QGroupBox:
        box = QGroupBox(self.tr("Participants"))
        self.participants = QListWidget()
        self.participants.setAccessibleName(self.tr("Participants"))
        self.participants.setMaximumHeight(self.participants.fontMetrics().height() * 6)
        self.participants.itemSelectionChanged.connect(self._update_participant_buttons)
        self.new_participant = QLineEdit(placeholderText=self.tr("Name (role)"))
        self.new_participant.setAccessibleName(self.tr("New participant"))
        self.new_participant.returnPressed.connect(self._on_add_participant_clicked)
        self.new_participant.textChanged.connect(self._update_participant_buttons)
        self.add_participant = QPushButton(self.tr("Add"))
        self.add_participant.clicked.connect(self._on_add_participant_clicked)
        self.remove_participant = QPushButton(self.tr("Remove"))
        self.remove_participant.clicked.connect(self._on_remove_participant_clicked)
        row = QHBoxLayout()
        row.addWidget(self.new_participant, 1)
        row.addWidget(self.add_participant)
        row.addWidget(self.remove_participant)
        inner = QVBoxLayout(box)
        inner.addWidget(self.participants)
        inner.addLayout(row)
        return box

    # Timer ------------------------------------------------------------------------------

    def _now_ms(self) -> int:
        return int(self.now().timestamp() * 1000)

    def elapsed_seconds(self) -> int:
        """Seconds the session has run, pauses left out (recorded and running)."""
        running = self._now_ms() - self._lap_started if self._lap_started is not None else 0
        return (self._banked_ms + running) // 1000

    def is_running(self) -> bool:
        """Whether the timer is running."""
        return self._lap_started is not None

    def start_timer(self) -> None:
        """Start or resume the timer: a new stretch of session time, recorded."""
        if self._lap_started is None:
            self._lap_started = self._last_mark = self._now_ms()
            self._ticker.start()
            self._open_period(self._current_category)
        self._on_ticker_timeout()

    def pause_timer(self) -> None:
        """Pause the timer: the running stretch ends now, the time so far is kept."""
        if self._lap_started is not None:
            self._close_period()
            self._lap_started = None
            self._ticker.stop()
        self._on_ticker_timeout()

    def _open_period(self, category: int | None) -> None:
        # The stretch's ID is chosen here, so that its marks and its end, queued on the
        # same runner behind its start, name it even before the start is answered.
        session = self._session
        period_id = self._period_id = str(uuid.uuid4())
        self._period_category = category
        at = self.now()
        self._runner.run(
            lambda: session.start_period(category, now=at, period_id=period_id),
            lambda _period: None,
            self._on_time_failed,
        )

    def _close_period(self) -> None:
        """Record the running stretch up to now; its time joins the banked time and its
        category's."""
        self._mark_period()
        self._period_id = None
        lap_ms = self._now_ms() - (self._lap_started or 0)
        self._banked_ms += lap_ms
        category = self._period_category
        self._spent[category] = self._spent.get(category, 0) + lap_ms // 1000

    def _mark_period(self) -> None:
        """Move the running stretch's recorded end to now (each minute, and on pause)."""
        self._last_mark = self._now_ms()
        session, period_id, at = self._session, self._period_id, self.now()
        if period_id is not None:
            self._runner.run(
                lambda: session.extend_period(period_id, now=at),
                lambda _period: None,
                self._on_time_failed,
            )

    def _on_times_read(self, times: SessionTimes) -> None:
        self._banked_ms = times.seconds * 1000
        self._spent = dict(times.by_category())
        self._on_ticker_timeout()

    def _on_time_failed(self, exc: Exception) -> None:
        self.where_label.setText(
            self.tr("Session time not recorded: {error}").format(error=error_text(exc))
        )

    def recorded_seconds(self) -> dict[int | None, int]:
        """Session time by category, as recorded (the running stretch as far as marked)."""
        return dict(self._spent)

    def confirm_close(self) -> bool:
        """Closing the workspace with the timer running: ask, and pause it (recorded) when
        the SCSS agrees; False keeps the window open."""
        if not self.is_running():
            return True
        if not self.ask_pause_on_close():
            return False
        self.pause_timer()
        return True

    def ask_pause_on_close(self) -> bool:
        """Whether the SCSS wants to pause the running session and close."""
        answer = QMessageBox.question(
            self,
            self.tr("Pause the session?"),
            self.tr(
                "The session timer is running ({time}). Pause it and close the validation? "
                "The time so far is kept; Resume goes on from there."
            ).format(time=clock_text(self.elapsed_seconds())),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _on_timer_button_clicked(self) -> None:
        if self.is_running():
            self.pause_timer()
        else:
            self.start_timer()

    def _on_ticker_timeout(self) -> None:
        if self.is_running() and self._now_ms() - self._last_mark >= MARK_MS:
            self._mark_period()
        seconds = self.elapsed_seconds()
        minutes = seconds // 60
        self.clock_label.setText(clock_text(seconds))
        if self.is_running():
            self.timer_button.setText(self.tr("Pause"))
            self.timer_button.setToolTip(self.tr("Pause the session timer (e.g. for a break)"))
        else:
            self.timer_button.setText(self.tr("Resume") if seconds else self.tr("Start"))
            self.timer_button.setToolTip(self.tr("Start the session timer"))
        planned = self._session.validation.planned_minutes
        left = planned - minutes
        if left >= 0:
            plan = self.tr("Planned {planned}; {left} left").format(
                planned=format_minutes(planned), left=format_minutes(left)
            )
        else:
            plan = self.tr("Planned {planned}; {over} min over").format(
                planned=format_minutes(planned), over=-left
            )
        self.plan_label.setText(plan)
        now = slot_at(self._slots, minutes)
        self.agenda_model.set_marks(now.category if now else None, self._current_category)
        spent = {c: v for c, v in self._spent.items() if c is not None}
        if self.is_running() and self._period_category is not None:
            running = (self._now_ms() - (self._lap_started or 0)) // 1000
            spent[self._period_category] = spent.get(self._period_category, 0) + running
        self.agenda_model.set_spent(spent)
        self.where_label.setText(where_we_are(self._slots, minutes, self._current_category))

    # Where the workspace is -------------------------------------------------------------

    def set_current_category(self, category: int | None) -> None:
        """The category the SCSS is working on, to compare with the plan; with the timer
        running, the time from now counts for it (a new recorded stretch)."""
        if category is None or category == self._current_category:
            self._on_ticker_timeout()
            return
        self._current_category = category
        if self.is_running() and category != self._period_category:
            self._close_period()
            self._lap_started = self._now_ms()
            self._open_period(category)
        self._on_ticker_timeout()

    def set_criterion(self, criterion_id: str | None) -> None:
        """The criterion the SCSS is on; its category is compared with the plan."""
        criterion = self._session.catalog.get(criterion_id) if criterion_id else None
        self.set_current_category(criterion.category if criterion else None)

    def agenda_slots(self) -> list[AgendaSlot]:
        """The planned time of each category."""
        return list(self._slots)

    # Participants and WebEx -------------------------------------------------------------

    def participant_names(self) -> list[str]:
        """The participants as listed."""
        return [self.participants.item(i).text() for i in range(self.participants.count())]

    def _show_participants(self, names: Sequence[str]) -> None:
        self.participants.clear()
        self.participants.addItems(list(names))
        self._update_participant_buttons()

    def _update_participant_buttons(self) -> None:
        self.add_participant.setEnabled(bool(self.new_participant.text().strip()))
        self.remove_participant.setEnabled(bool(self.participants.selectedItems()))

    def _on_add_participant_clicked(self) -> None:
        name = " ".join(self.new_participant.text().split())
        if not name:
            return
        names = self.participant_names()
        if name.casefold() in (n.casefold() for n in names):
            QMessageBox.warning(
                self, self.tr("Participant"), self.tr("{name} is already listed.").format(name=name)
            )
            return
        self.new_participant.clear()
        self._show_participants([*names, name])

        def added(stored: tuple[str, ...]) -> tuple[str, ...]:
            present = {n.casefold() for n in stored}
            return stored if name.casefold() in present else (*stored, name)

        self._change_participants(added, typed=name)

    def _on_remove_participant_clicked(self) -> None:
        rows = {self.participants.row(item) for item in self.participants.selectedItems()}
        gone = {n for i, n in enumerate(self.participant_names()) if i in rows}
        self._show_participants([n for n in self.participant_names() if n not in gone])
        self._change_participants(lambda stored: tuple(n for n in stored if n not in gone))

    def _change_participants(
        self, change: Callable[[tuple[str, ...]], tuple[str, ...]], typed: str = ""
    ) -> None:
        """Add or remove names on the list as stored when the change is written (read
        again then), so a name added meanwhile elsewhere (Edit details, a sync) stays."""
        ctx, validation_id = self._ctx, self._session.id

        def failed(exc: Exception) -> None:
            self._show_participants(self._session.validation.participants)
            if typed and not self.new_participant.text():
                self.new_participant.setText(typed)
            QMessageBox.warning(self, self.tr("Cannot save the participants"), error_text(exc))

        def write() -> Validation:
            stored = ctx.store.validation(validation_id).participants
            return update_validation(ctx, validation_id, participants=change(stored))

        self._runner.run(write, self._on_participants_saved, failed)

    def _on_participants_saved(self, validation: Validation) -> None:
        self._session.validation = validation
        self._show_participants(validation.participants)

    def _show_webex(self, url: str) -> None:
        self.webex_button.setEnabled(bool(url))
        self.webex_button.setToolTip(
            self.tr("Open {url} in the browser").format(url=url)
            if url
            else self.tr("No WebEx link: add one in the validation's details")
        )

    def _on_webex_button_clicked(self) -> None:
        url = self._session.validation.webex_url
        if url and not QDesktopServices.openUrl(QUrl(url)):
            QMessageBox.warning(
                self,
                self.tr("Cannot open WebEx"),
                self.tr("No program opened {url}.").format(url=url),
            )
