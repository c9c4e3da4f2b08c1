"""Plan a new validation or edit one: takes the current values, returns the new ones.

The form stays open until the service has accepted what it holds: a refusal is shown beside
the field it concerns, and nothing typed is lost.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ctpat_desktop.errors import RuleError
from ctpat_desktop.ui.controllers import error_sentence
from ctpat_desktop.ui.i18n import mode_label, shown_text
from ctpat_desktop.worksheet import Mode, Validation


@dataclass(frozen=True)
class ValidationDetails:
    """What the dialog collects; the services check it."""

    member: str
    account: str
    entity: str
    mode: str
    on: date
    scss: str
    office: str
    webex_url: str
    participants: tuple[str, ...]
    planned_minutes: int


# Saves the details on the background runner: (details, on_done, on_error).
Submit = Callable[[ValidationDetails, Callable[[Any], None], Callable[[Exception], None]], None]
# The field a refused value belongs to, by the rule's code (services.validations).
_FIELD_OF_RULE = {
    "member-empty": "member",
    "account-invalid": "account",
    "webex-https": "webex",
    "planned-minutes": "minutes",
    "entity-fixed-status": "entity",
    "entity-fixed-findings": "entity",
}


class ValidationDialog(QDialog):
    """The form; the entity type (and so the catalog) changes only before any finding."""

    def __init__(
        self,
        entities: list[tuple[str, str]],
        current: Validation | None = None,
        parent: QWidget | None = None,
        *,
        entity_editable: bool = True,
        submit: Submit | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit validation") if current else self.tr("Plan a validation"))
        self.setMinimumWidth(520)
        self._submit = submit
        self._waiting = False
        self.member = QLineEdit()
        self.account = QLineEdit()
        self.entity = self._entity_box(entities)
        self.mode = QComboBox()
        for mode in Mode:
            self.mode.addItem(mode_label(mode), mode.value)
        self.on = QDateEdit(QDate.currentDate())
        self.on.setCalendarPopup(True)
        self.scss = QLineEdit()
        self.office = QLineEdit()
        self.webex = QLineEdit()
        self.webex.setPlaceholderText("https://…webex.com/meet/…")
        self.participants = QPlainTextEdit()
        self.minutes = QSpinBox()
        self._build_session_fields()
        self.problem = self._error_label()  # a refusal that names no one field
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.addRow(self.problem)
        for name, label, widget in (
            ("member", self.tr("&Member:"), self.member),
            ("account", self.tr("&Account number:"), self.account),
            ("entity", self.tr("&Entity type:"), self.entity),
            ("mode", self.tr("M&ode:"), self.mode),
            ("on", self.tr("&Date:"), self.on),
            ("scss", self.tr("&SCSS:"), self.scss),
            ("office", self.tr("O&ffice:"), self.office),
            ("webex", self.tr("&WebEx link:"), self.webex),
            ("participants", self.tr("&Participants:"), self.participants),
            ("minutes", self.tr("Planned &time:"), self.minutes),
        ):
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            self.errors[name] = self._error_label()
            field = QWidget()  # the field with its error, if any, right below it
            column = QVBoxLayout(field)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(self.errors[name])
            caption = QLabel(label)
            caption.setBuddy(widget)
            form.addRow(caption, field)
        if current is not None:
            self._fill(current)
        self.entity.setEnabled(current is None or entity_editable)
        if current is not None and not entity_editable:
            self.entity.setToolTip(
                self.tr("The entity type stays once a finding is recorded or after review")
            )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Save") if current else self.tr("Plan")
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _build_session_fields(self) -> None:
        self.participants.setPlaceholderText(self.tr("One participant per line (name, role)"))
        self.participants.setTabChangesFocus(True)
        self.participants.setFixedHeight(90)
        self.minutes.setRange(15, 24 * 60)
        self.minutes.setSingleStep(30)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(240)

    def _entity_box(self, entities: list[tuple[str, str]]) -> QComboBox:
        """Entity types by name; typing any part of a name finds it; none chosen at first."""
        box = QComboBox()
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        shown = sorted(((shown_text(name), code) for code, name in entities), key=lambda e: e[0])
        for name, code in shown:
            box.addItem(name, code)
        completer = QCompleter(box.model(), box)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        box.setCompleter(completer)
        box.setCurrentIndex(-1)
        line = box.lineEdit()
        assert line is not None  # an editable box has one
        line.setPlaceholderText(self.tr("Choose an entity type"))
        line.textEdited.connect(lambda _text: self.errors["entity"].hide())
        return box

    def _error_label(self) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setObjectName("fieldError")
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.hide()
        return label

    def _fill(self, v: Validation) -> None:
        self.member.setText(v.member.name)
        self.account.setText(v.member.account)
        self.entity.setCurrentIndex(self.entity.findData(v.entity))
        self.mode.setCurrentIndex(self.mode.findData(v.mode.value))
        self.on.setDate(QDate(v.date.year, v.date.month, v.date.day))
        self.scss.setText(v.scss)
        self.office.setText(v.office)
        self.webex.setText(v.webex_url)
        self.participants.setPlainText("\n".join(v.participants))
        self.minutes.setValue(v.planned_minutes)

    def set_details(self, details: ValidationDetails) -> None:
        """Put values in the form (as if typed)."""
        self.member.setText(details.member)
        self.account.setText(details.account)
        self.entity.setCurrentIndex(self.entity.findData(details.entity))
        self.mode.setCurrentIndex(self.mode.findData(details.mode))
        self.on.setDate(QDate(details.on.year, details.on.month, details.on.day))
        self.scss.setText(details.scss)
        self.office.setText(details.office)
        self.webex.setText(details.webex_url)
        self.participants.setPlainText("\n".join(details.participants))
        self.minutes.setValue(details.planned_minutes)

    def chosen_entity(self) -> str | None:
        """The code of the entity type named in the box: its whole name, or the one name
        containing what was typed; None when it names none."""
        typed = self.entity.currentText().strip().casefold()
        if not typed:
            return None
        names = [
            (self.entity.itemText(i).casefold(), str(self.entity.itemData(i)))
            for i in range(self.entity.count())
        ]
        exact = [code for name, code in names if name == typed]
        if exact:
            return exact[0]
        partial = [code for name, code in names if typed in name]
        return partial[0] if len(partial) == 1 else None

    def details(self) -> ValidationDetails:
        """The values in the form."""
        day = self.on.date()
        return ValidationDetails(
            member=self.member.text(),
            account=self.account.text(),
            entity=self.chosen_entity() or "",
            mode=str(self.mode.currentData()),
            on=date(day.year(), day.month(), day.day()),
            scss=self.scss.text(),
            office=self.office.text(),
            webex_url=self.webex.text(),
            participants=tuple(self.participants.toPlainText().splitlines()),
            planned_minutes=self.minutes.value(),
        )

    def show_error(self, exc: Exception) -> None:
        """Say what the service refused beside the field it concerns (the form keeps all)."""
        name = _FIELD_OF_RULE.get(exc.code) if isinstance(exc, RuleError) else None
        self._show(name, error_sentence(exc))

    def _show(self, name: str | None, text: str) -> None:
        self._clear_errors()
        label = self.errors[name] if name is not None else self.problem
        label.setText(text)
        label.show()
        if name is not None:
            widget = getattr(self, name)
            widget.setAccessibleDescription(text)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear_errors(self) -> None:
        for label in (self.problem, *self.errors.values()):
            label.hide()
        for name in self.errors:
            getattr(self, name).setAccessibleDescription("")

    def accept(self) -> None:
        """Check the form, save it through the service, and close only once it is saved."""
        if self._waiting:
            return
        self._clear_errors()
        if self.chosen_entity() is None:
            self._show("entity", self.tr("Choose an entity type from the list"))
            return
        index = self.entity.findData(self.chosen_entity())
        self.entity.setCurrentIndex(index)  # the whole name, as chosen
        if self._submit is None:
            super().accept()
            return
        self._set_waiting(True)
        self._submit(self.details(), self._on_saved, self._on_refused)

    def reject(self) -> None:
        """Cancel, unless a save is on its way (it is waited for)."""
        if not self._waiting:
            super().reject()

    def _set_waiting(self, waiting: bool) -> None:
        self._waiting = waiting
        self.buttons.setEnabled(not waiting)
        if waiting:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def _on_saved(self, _result: object) -> None:
        self._set_waiting(False)
        super().accept()

    def _on_refused(self, exc: Exception) -> None:
        self._set_waiting(False)
        self.show_error(exc)

    @classmethod
    def ask(
        cls,
        entities: list[tuple[str, str]],
        current: Validation | None = None,
        parent: QWidget | None = None,
        *,
        entity_editable: bool = True,
        submit: Submit | None = None,
    ) -> ValidationDetails | None:
        """Show the form until it is saved (by submit) or cancelled; the values, or None."""
        dialog = cls(entities, current, parent, entity_editable=entity_editable, submit=submit)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.details()
