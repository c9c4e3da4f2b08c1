"""Plan a new validation or edit one: takes the current values, returns the new ones."""

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

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


class ValidationDialog(QDialog):
    """The form; the entity type (and so the catalog) cannot change once planned."""

    def __init__(
        self,
        entities: list[tuple[str, str]],
        current: Validation | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit validation") if current else self.tr("Plan a validation"))
        self.setMinimumWidth(520)
        self.member = QLineEdit()
        self.account = QLineEdit()
        self.entity = QComboBox()
        shown = sorted(((shown_text(name), code) for code, name in entities), key=lambda e: e[0])
        for name, code in shown:
            self.entity.addItem(name, code)
        self.mode = QComboBox()
        for mode in Mode:
            self.mode.addItem(mode_label(mode), mode.value)
        self.on = QDateEdit(QDate.currentDate())
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy-MM-dd")
        self.scss = QLineEdit()
        self.office = QLineEdit()
        self.webex = QLineEdit()
        self.webex.setPlaceholderText("https://…webex.com/meet/…")
        self.participants = QPlainTextEdit()
        self.participants.setPlaceholderText(self.tr("One participant per line (name, role)"))
        self.participants.setTabChangesFocus(True)
        self.participants.setFixedHeight(90)
        self.minutes = QSpinBox()
        self.minutes.setRange(15, 24 * 60)
        self.minutes.setSingleStep(30)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(240)
        form = QFormLayout()
        for label, widget in (
            (self.tr("&Member:"), self.member),
            (self.tr("&Account number:"), self.account),
            (self.tr("&Entity type:"), self.entity),
            (self.tr("M&ode:"), self.mode),
            (self.tr("&Date:"), self.on),
            (self.tr("&SCSS:"), self.scss),
            (self.tr("O&ffice:"), self.office),
            (self.tr("&WebEx link:"), self.webex),
            (self.tr("&Participants:"), self.participants),
            (self.tr("Planned &time:"), self.minutes),
        ):
            form.addRow(label, widget)
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        if current is not None:
            self._fill(current)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Save") if current else self.tr("Plan")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _fill(self, v: Validation) -> None:
        self.member.setText(v.member.name)
        self.account.setText(v.member.account)
        self.entity.setCurrentIndex(self.entity.findData(v.entity))
        self.entity.setEnabled(False)
        self.mode.setCurrentIndex(self.mode.findData(v.mode.value))
        self.on.setDate(QDate(v.date.year, v.date.month, v.date.day))
        self.scss.setText(v.scss)
        self.office.setText(v.office)
        self.webex.setText(v.webex_url)
        self.participants.setPlainText("\n".join(v.participants))
        self.minutes.setValue(v.planned_minutes)

    def details(self) -> ValidationDetails:
        """The values in the form."""
        day = self.on.date()
        return ValidationDetails(
            member=self.member.text(),
            account=self.account.text(),
            entity=str(self.entity.currentData()),
            mode=str(self.mode.currentData()),
            on=date(day.year(), day.month(), day.day()),
            scss=self.scss.text(),
            office=self.office.text(),
            webex_url=self.webex.text(),
            participants=tuple(self.participants.toPlainText().splitlines()),
            planned_minutes=self.minutes.value(),
        )

    @classmethod
    def ask(
        cls,
        entities: list[tuple[str, str]],
        current: Validation | None = None,
        parent: QWidget | None = None,
    ) -> ValidationDetails | None:
        """Show the form; the values, or None when cancelled."""
        dialog = cls(entities, current, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.details()
