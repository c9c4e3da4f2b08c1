"""The finding editor: status, reasons, how verified, where checked, notes, report text,
action, due date.

It never writes: every change the user makes leaves as one `edit_requested` signal with
a change dict (see commands.py), and a site chosen as `site_chosen`. Typing is sent after a
short pause or when the field loses focus, so every keystroke is saved soon without one
write per key. Which of the finding's declared fields it shows comes from finding_fields.py.
"""

from collections.abc import Callable, Sequence
from datetime import date
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ctpat_desktop.catalog import Criterion, Level, Reason
from ctpat_desktop.ui.i18n import level_label, status_label, verification_label
from ctpat_desktop.ui.theme import ink
from ctpat_desktop.ui.workspace.actions import STATUS_KEYS
from ctpat_desktop.ui.workspace.criteria_model import status_text
from ctpat_desktop.ui.workspace.date_field import DateField
from ctpat_desktop.ui.workspace.finding_fields import EDITOR_FIELDS, TEXTS
from ctpat_desktop.ui.workspace.ledger import Changes
from ctpat_desktop.worksheet import Finding, FindingStatus, Verification

TYPING_PAUSE_MS = 600
# The status buttons, in this order, each with its status_text ("✓ Met").
STATUS_ORDER = (
    FindingStatus.MET,
    FindingStatus.NOT_MET,
    FindingStatus.EXCEEDS,
    FindingStatus.NOT_APPLICABLE,
    FindingStatus.NOT_REVIEWED,
)
_CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class _TextField(QPlainTextEdit):
    """A text box that asks for a few lines, not the 190 pixels Qt asks by default."""

    LINES = 3

    def __init__(self, name: str, placeholder: str) -> None:
        super().__init__()
        self.setAccessibleName(name)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)  # Tab moves on; a finding has no use for tab characters

    def sizeHint(self) -> QSize:
        lines = self.fontMetrics().lineSpacing() * self.LINES
        margins = self.contentsMargins()
        frame = 2 * int(self.document().documentMargin()) + margins.top() + margins.bottom()
        return QSize(super().sizeHint().width(), lines + frame)

    def minimumSizeHint(self) -> QSize:
        hint = self.sizeHint()
        return QSize(hint.width() // 2, hint.height() * 2 // 3)


def _tickable(text: str, code: str) -> QListWidgetItem:
    """A list row with a tick box that carries a code (a reason's, a part's key)."""
    item = QListWidgetItem(text)
    item.setData(_CODE_ROLE, code)
    item.setFlags(
        Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
    )
    item.setCheckState(Qt.CheckState.Unchecked)
    return item


def _ticked(rows: QListWidget) -> tuple[str, ...]:
    """The codes of the ticked rows, in list order."""
    return tuple(
        str(rows.item(row).data(_CODE_ROLE))
        for row in range(rows.count())
        if rows.item(row).checkState() == Qt.CheckState.Checked
    )


class FindingEditor(QWidget):
    """Edits one finding; asks for every change through `edit_requested`."""

    edit_requested = Signal(str, dict)
    site_chosen = Signal(str, object)  # criterion, the site's record ID (None: no site)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Finding"))
        self._criterion: Criterion | None = None
        self._status = FindingStatus.NOT_REVIEWED
        self._dirty: set[str] = set()
        self._loading = False
        self._locked = False
        self._viewport: QWidget | None = None
        self._reason_cell = QSize()
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.flush)

        self._build_fields()
        self.problem = QLabel()
        self.problem.setAccessibleName(self.tr("Problem"))
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"QLabel {{ color: {ink('error')}; font-weight: bold; }}")
        self.problem.hide()
        self._build_layout()
        self.clear()

    def _build_fields(self) -> None:
        self.status_group = QButtonGroup(self)
        self.status_group.setExclusive(True)
        self.status_buttons: dict[FindingStatus, QPushButton] = {}
        for status in STATUS_ORDER:
            button = QPushButton(status_text(status))
            button.setCheckable(True)
            name = status_label(status)
            if status is FindingStatus.EXCEEDS:
                name = self.tr("{status} (best practice)").format(status=name)
            button.setAccessibleName(self.tr("Status: {status}").format(status=name))
            chord, letter = STATUS_KEYS[status]
            button.setToolTip(
                self.tr("{status}: {keys}, or {letter} in the checklist").format(
                    status=name, keys=chord, letter=letter
                )
            )
            self.status_group.addButton(button)
            self.status_buttons[status] = button
        self.status_group.buttonClicked.connect(self._on_status_group_clicked)

        self.reasons = self._reasons_list()

        # Parts of a criterion whose CBP text mixes Must and Should (3.1 a, b): which are
        # not met decides required action or recommendation. Hidden for other criteria.
        self.parts = QListWidget()
        self.parts.setAccessibleName(self.tr("Parts not met"))
        self.parts.setAccessibleDescription(
            self.tr(
                "Which parts of the criterion are not met; none ticked means the whole "
                "criterion; Space ticks the current part"
            )
        )
        self.parts.setWordWrap(True)
        self.parts.setResizeMode(QListView.ResizeMode.Adjust)
        self.parts.itemChanged.connect(self._on_parts_item_changed)

        self.verified = QComboBox()
        self.verified.setAccessibleName(self.tr("How verified"))
        self.verified.addItem(self.tr("— not stated —"), None)
        for method in Verification:
            self.verified.addItem(verification_label(method), method.value)
        self.verified.activated.connect(self._on_verified_activated)

        self.site = QComboBox()
        self.site.setAccessibleName(self.tr("Checked at"))
        self.site.setAccessibleDescription(
            self.tr("The site of the validation where this criterion was checked")
        )
        self.site.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.site.setMinimumContentsLength(12)
        self.site.activated.connect(self._on_site_activated)

        # A box for each declared text the editor shows: (name, what it asks for).
        words = {
            "note": (self.tr("Internal note"), self.tr("What was shown and said (internal)")),
            "report_text": (
                self.tr("Text for the report"),
                self.tr("The finding as the report states it"),
            ),
            "action": (self.tr("Required action"), self.tr("What the member must do")),
        }
        self.texts = {name: _TextField(*words[name]) for name in TEXTS}
        self.note, self.report_text, self.action = (
            self.texts["note"],
            self.texts["report_text"],
            self.texts["action"],
        )
        self.due = DateField(self.tr("no due date (YYYY-MM-DD)"))
        self.due.line.setAccessibleName(self.tr("Response due"))
        self.due.calendar_button.setAccessibleName(self.tr("Pick the due date"))
        self.due.line.setToolTip(
            self.tr("Type the date as 2027-02-15 or in your language's short form")
        )
        self.clear_due = QToolButton()
        self.clear_due.setText(self.tr("Clear"))
        self.clear_due.setAccessibleName(self.tr("Clear the due date"))
        self.clear_due.clicked.connect(self._on_clear_due_clicked)
        self.set_validation_date(date.today())

        for name, edit in self.texts.items():
            edit.textChanged.connect(lambda n=name: self._on_field_changed(n))
            edit.installEventFilter(self)
        # How the editor reads each declared field it shows (see values()).
        self._readers: dict[str, Callable[[], Any]] = {
            "status": lambda: self._status.value,
            "reasons": self._checked_reasons,
            "unmet_parts": self._checked_parts,
            "verified": self.verified.currentData,
            "due": self._shown_due,
        } | {name: edit.toPlainText for name, edit in self.texts.items()}
        # Read when the field is left or Enter pressed, never half typed.
        self.due.edited.connect(self._on_due_edited)
        self.due.finished.connect(self.flush)
        self.due.line.installEventFilter(self)

    def _reasons_list(self) -> QListWidget:
        reasons = QListWidget()
        reasons.setAccessibleName(self.tr("Reasons"))
        reasons.setAccessibleDescription(
            self.tr("Why the criterion is not met; Space ticks the current reason")
        )
        # Reasons flow in columns, as many as fit, so that all show without scrolling.
        reasons.setFlow(QListView.Flow.LeftToRight)
        reasons.setWrapping(True)
        reasons.setResizeMode(QListView.ResizeMode.Adjust)
        reasons.itemChanged.connect(self._on_reasons_item_changed)
        reasons.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        reasons.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        reasons.installEventFilter(self)
        return reasons

    def _build_layout(self) -> None:
        statuses = QGridLayout()
        statuses.setSpacing(4)
        statuses.setColumnStretch(len(self.status_buttons), 1)  # buttons to the left
        self._statuses = statuses
        self._status_columns = 0
        self._arrange_statuses(len(self.status_buttons))
        self.action_label = QLabel(self.tr("Required &action"))
        self.action_label.setBuddy(self.action)
        self.field_labels: list[QLabel] = []
        # Labels beside their fields, or above them where the editor is narrow (fit_width).
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._form = form
        rows: list[tuple[str, QWidget]] = [
            (self.tr("Par&ts not met"), self.parts),
            (self.tr("&Reasons"), self.reasons),
            (self.tr("How &verified"), self.verified),
            (self.tr("Chec&ked at"), self.site),
            (self.tr("Internal &note"), self.note),
            (self.tr("Text for the re&port"), self.report_text),
        ]
        for caption, widget in rows:
            label = QLabel(caption)
            label.setBuddy(widget)
            self.field_labels.append(label)
            form.addRow(label, widget)
        form.addRow(self.action_label, self.action)
        self.field_labels.append(self.action_label)
        due_label = QLabel(self.tr("Response &due"))
        due_label.setBuddy(self.due)
        self.field_labels.append(due_label)
        due_row = QHBoxLayout()
        due_row.addWidget(self.due)
        due_row.addWidget(self.clear_due)
        due_row.addStretch()
        form.addRow(due_label, due_row)
        self.parts_label = self.field_labels[0]
        self.site_label = next(label for label in self.field_labels if label.buddy() is self.site)
        self._form.setRowVisible(self.site, False)  # until the validation has sites
        for field in self.texts.values():
            field.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        layout = QVBoxLayout(self)
        layout.addLayout(statuses)
        layout.addWidget(self.problem)
        layout.addLayout(form)
        chain = self.focus_chain()
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def focus_chain(self) -> list[QWidget]:
        """The editor's widgets in Tab order."""
        return [
            *self.status_buttons.values(),
            self.parts,
            self.reasons,
            self.verified,
            self.site,
            *self.texts.values(),
            self.due.line,
            self.due.calendar_button,
            self.clear_due,
        ]

    # What the window calls ------------------------------------------------------------

    @property
    def criterion_id(self) -> str | None:
        """The criterion being edited, if any."""
        return self._criterion.id if self._criterion is not None else None

    @property
    def status(self) -> FindingStatus:
        """The status the editor shows (saved or not)."""
        return self._status

    def set_reasons(self, reasons: Sequence[Reason]) -> None:
        """The deficiency reasons to offer."""
        self._loading = True
        self.reasons.clear()
        for reason in reasons:
            item = _tickable(reason.label, reason.code)
            item.setToolTip(reason.description)
            self.reasons.addItem(item)
        self._loading = False
        self._fit_reasons([r.label for r in reasons])

    def _fit_reasons(self, labels: Sequence[str] | None = None) -> None:
        if labels is None:
            labels = [self.reasons.item(row).text() for row in range(self.reasons.count())]
        metrics = self.reasons.fontMetrics()
        check = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 16
        width = max((metrics.horizontalAdvance(label) for label in labels), default=80) + check
        self._reason_cell = QSize(width, metrics.height() + 8)
        self._fit_reasons_height()

    def _fit_reasons_height(self) -> None:
        """Every reason in sight: as many columns as the list's width holds, and as many
        rows as they then need (a ticked reason is never scrolled out of view)."""
        cell = self._reason_cell
        if not cell.isValid() or cell.width() <= 0:
            return
        frame = 2 * self.reasons.frameWidth()
        room = self.reasons.width() - frame - 4
        columns = max(1, room // cell.width())
        # Never wider than the list: a long reason in very large text is elided (its
        # tooltip has it whole), the editor never scrolls sideways.
        shown = QSize(min(cell.width(), max(room, 1)), cell.height())
        if shown != self.reasons.gridSize():
            self.reasons.setGridSize(shown)
        rows = -(-self.reasons.count() // columns)
        self.reasons.setFixedHeight(max(rows, 1) * cell.height() + frame + 4)

    def set_validation_date(self, validation_date: date) -> None:
        """Due dates start at the validation date (the calendar offers no earlier day)."""
        self.due.set_first_day(validation_date)

    def set_locked(self, locked: bool) -> None:
        """A signed validation's findings are shown but cannot be changed."""
        self._locked = locked
        if locked:
            self.setEnabled(False)

    def set_sites(self, sites: Sequence[tuple[str, str]]) -> None:
        """The validation's sites to offer as where a criterion was checked: (name, record
        ID) each; the choice shows only when there is one."""
        kept = self.site.currentData()
        self.site.clear()
        self.site.addItem(self.tr("(none)"), None)
        for name, record_id in sites:
            self.site.addItem(name, record_id)
        self.site.setCurrentIndex(max(self.site.findData(kept), 0))
        self._form.setRowVisible(self.site, bool(sites))

    def show_site(self, site_id: str | None) -> None:
        """Show where the current criterion was checked (None: nowhere said)."""
        self.site.setCurrentIndex(max(self.site.findData(site_id), 0))

    def site_id(self) -> str | None:
        """The site chosen for the current criterion (None: none)."""
        chosen = self.site.currentData()
        return str(chosen) if chosen is not None else None

    def clear(self) -> None:
        """Edit nothing."""
        self.flush()
        self._criterion = None
        self.setEnabled(False)
        self.show_problem("")

    def show_finding(self, criterion: Criterion, finding: Finding, problem: str = "") -> None:
        """Show a finding; on the same criterion, what the user is typing stays as it is."""
        if self.criterion_id != criterion.id:
            self.flush()
            self._criterion = criterion
            self.reasons.setCurrentRow(0 if self.reasons.count() else -1)
            self._offer_parts(criterion)
        self.setEnabled(not self._locked)
        self._loading = True
        try:
            self._status = finding.status
            self.status_buttons[finding.status].setChecked(True)
            unmet = set(finding.unmet_parts)
            for row in range(self.parts.count()):
                item = self.parts.item(row)
                checked = item.data(_CODE_ROLE) in unmet
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            chosen = set(finding.reasons)
            for row in range(self.reasons.count()):
                item = self.reasons.item(row)
                checked = item.data(_CODE_ROLE) in chosen
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            verified = finding.verified.value if finding.verified is not None else None
            self.verified.setCurrentIndex(max(0, self.verified.findData(verified)))
            for name, edit in self.texts.items():
                text = getattr(finding, name)
                if name not in self._dirty and edit.toPlainText() != text:
                    edit.setPlainText(text)
            if "due" not in self._dirty:
                self.due.set_day(finding.due)
            must = criterion.level_not_met(finding.unmet_parts) is Level.MUST
            self.action_label.setText(
                self.tr("Required &action") if must else self.tr("Recommend&ation")
            )
            self.action.setAccessibleName(
                self.tr("Required action") if must else self.tr("Recommendation")
            )
            self._enable_not_met_fields()
        finally:
            self._loading = False
        self.show_problem(problem)

    def show_problem(self, text: str) -> None:
        """Show why the last change could not be saved (empty hides it)."""
        self.problem.setText(self.tr("⚠ Not saved: {problem}").format(problem=text) if text else "")
        self.problem.setVisible(bool(text))

    def choose_status(self, status: FindingStatus) -> None:
        """Set a status as if its button were clicked."""
        if self._criterion is None or not self.isEnabled():
            return
        self.status_buttons[status].setChecked(True)
        self._on_status_chosen(status)

    def flush(self) -> None:
        """Send what was typed and not yet sent."""
        self._typing.stop()
        if self._criterion is None or not self._dirty:
            self._dirty.clear()
            return
        changes: Changes = {}
        for name in sorted(self._dirty):
            if name != "due":
                changes[name] = self.texts[name].toPlainText()
                continue
            try:
                changes[name] = self.due.day()
            except ValueError:
                self.show_problem(
                    self.tr("'{text}' is not a date; type it as YYYY-MM-DD").format(
                        text=self.due.text().strip()
                    )
                )
        self._dirty.clear()
        if changes:
            self.edit_requested.emit(self._criterion.id, changes)

    # Reactions to the user ------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.flush()
        elif event.type() == QEvent.Type.FontChange and watched is self.reasons:
            self._fit_reasons()
        elif event.type() == QEvent.Type.Resize and watched is self.reasons:
            self._fit_reasons_height()
        elif event.type() == QEvent.Type.Resize and watched is self._viewport:
            self.fit_width(self._viewport.width())  # the scroll area's (see follow_width)
        return super().eventFilter(watched, event)

    def follow_width(self, viewport: QWidget) -> None:
        """Fit the status buttons to the width of the area that shows the editor."""
        self._viewport = viewport
        viewport.installEventFilter(self)

    def fit_width(self, width: int) -> None:
        """Fit the editor to a width: the status buttons on as few rows as hold them all,
        and the field labels above their fields where beside them would squeeze them."""
        buttons = list(self.status_buttons.values())
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else None
        spare = margins.left() + margins.right() if margins is not None else 0
        widest = max(b.sizeHint().width() for b in buttons)
        columns = len(buttons)
        while columns > 1 and columns * widest + 4 * (columns - 1) + spare > width:
            columns -= 1
        needed = sum(b.sizeHint().width() for b in buttons) + 4 * (len(buttons) - 1) + spare
        self._arrange_statuses(len(buttons) if needed <= width else columns)
        labels = max(label.sizeHint().width() for label in self.field_labels)
        fields = max(self._reason_cell.width(), 12 * self.fontMetrics().averageCharWidth())
        beside = labels + self._form.horizontalSpacing() + 2 * fields + spare <= width
        self._form.setRowWrapPolicy(
            QFormLayout.RowWrapPolicy.DontWrapRows
            if beside
            else QFormLayout.RowWrapPolicy.WrapAllRows
        )

    def _arrange_statuses(self, columns: int) -> None:
        if columns == self._status_columns:
            return
        for button in self.status_buttons.values():
            self._statuses.removeWidget(button)
        for index, button in enumerate(self.status_buttons.values()):
            self._statuses.addWidget(button, index // columns, index % columns)
        self._status_columns = columns

    def _on_status_group_clicked(self, button: QAbstractButton) -> None:
        status = next(s for s, b in self.status_buttons.items() if b is button)
        self._on_status_chosen(status)

    def _on_status_chosen(self, status: FindingStatus) -> None:
        assert self._criterion is not None
        self.flush()
        self._status = status
        self._enable_not_met_fields()
        # Sent even when unchanged: choosing a status again retries an edit not yet saved.
        self.edit_requested.emit(self._criterion.id, {"status": status.value})
        if status is FindingStatus.NOT_MET:
            # The SCSS names the reason next: the list takes the keys at once.
            self.reasons.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_parts_item_changed(self, _item: QListWidgetItem) -> None:
        if self._loading or self._criterion is None:
            return
        self.edit_requested.emit(self._criterion.id, {"unmet_parts": self._checked_parts()})

    def _on_reasons_item_changed(self, _item: QListWidgetItem) -> None:
        if self._loading or self._criterion is None:
            return
        self.edit_requested.emit(self._criterion.id, {"reasons": self._checked_reasons()})

    def _on_verified_activated(self, index: int) -> None:
        if self._criterion is not None:
            self.edit_requested.emit(
                self._criterion.id, {"verified": self.verified.itemData(index)}
            )

    def _on_site_activated(self, index: int) -> None:
        if self._criterion is not None:
            self.flush()
            self.site_chosen.emit(self._criterion.id, self.site.itemData(index))

    def _on_field_changed(self, name: str) -> None:
        if self._loading or self._criterion is None:
            return
        self._dirty.add(name)
        self._typing.start()

    def _on_clear_due_clicked(self) -> None:
        self.due.set_day(None)
        self._on_due_edited()
        self.flush()

    def _on_due_edited(self) -> None:
        if not self._loading and self._criterion is not None:
            self._dirty.add("due")

    # Helpers --------------------------------------------------------------------------

    def _enable_not_met_fields(self) -> None:
        not_met = self._status is FindingStatus.NOT_MET
        for widget in (self.parts, self.reasons, self.action, self.due, self.clear_due):
            widget.setEnabled(not_met)

    def _offer_parts(self, criterion: Criterion) -> None:
        """One tickable row per part ("b) … (Should)"); none for a criterion without parts."""
        self._loading = True
        self.parts.clear()
        for part in criterion.parts:
            text = f"{part.key}) {part.text} ({level_label(part.level)})"
            self.parts.addItem(_tickable(text, part.key))
        self._loading = False
        shown = bool(criterion.parts)
        self._form.setRowVisible(self.parts, shown)
        if shown:
            self.parts.setCurrentRow(0)
            # Room for two wrapped lines a part (rows are not laid out yet to be measured).
            line = self.parts.fontMetrics().lineSpacing()
            height = self.parts.count() * (2 * line + 6)
            self.parts.setFixedHeight(height + 2 * self.parts.frameWidth() + 4)

    def _checked_parts(self) -> tuple[str, ...]:
        return _ticked(self.parts)

    def _checked_reasons(self) -> tuple[str, ...]:
        return _ticked(self.reasons)

    def _shown_due(self) -> date | None:
        """The typed due date, or None where the text is no date (yet)."""
        try:
            return self.due.day()
        except ValueError:
            return None

    def values(self) -> dict[str, Any]:
        """What the editor shows, as a change dict (for tests and the window's checks): every
        declared field it edits (finding_fields.EDITOR_FIELDS), in the declaration's order."""
        return {name: self._readers[name]() for name in EDITOR_FIELDS}
