"""The Feedback dialog: after a validation, the SCSS's short form (technology quality, what
could not be verified remotely, time lost, free text) or the member's feedback. It takes
the validation's name and returns the answer's values, or None; the service checks them."""

import re
from dataclasses import asdict, dataclass
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ctpat_desktop.sync.feedback_rules import MAX_MINUTES, QUALITY

_SEPARATORS = re.compile(r"[\s,;]+")


@dataclass(frozen=True, slots=True)
class FeedbackForm:
    """What the dialog's form says, as the service's keywords (asdict)."""

    source: str = "scss"
    technology_quality: int | None = None
    not_verifiable: tuple[str, ...] = ()
    not_verifiable_note: str = ""
    minutes_lost: int | None = None
    comments: str = ""

    def keywords(self) -> dict[str, Any]:
        """The values as services.feedback.record_feedback takes them."""
        return asdict(self)


class FeedbackDialog(QDialog):
    """One answer to the feedback form."""

    def __init__(self, validation_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Feedback on {validation}").format(validation=validation_name))
        self.scss = QRadioButton(self.tr("&My feedback (SCSS)"))
        self.member = QRadioButton(self.tr("The m&ember's feedback"))
        self.scss.setChecked(True)
        whose = QButtonGroup(self)
        whose.addButton(self.scss)
        whose.addButton(self.member)
        self.member.toggled.connect(self._on_member_toggled)
        self.quality = QComboBox()
        self.quality.setAccessibleName(self.tr("Technology quality"))
        self.quality.addItem(self.tr("Not rated"), None)
        words = {
            1: self.tr("1 – unusable"),
            2: self.tr("2 – poor"),
            3: self.tr("3 – adequate"),
            4: self.tr("4 – good"),
            5: self.tr("5 – as good as being there"),
        }
        for score in QUALITY:
            self.quality.addItem(words[score], score)
        self.criteria = QLineEdit()
        self.criteria.setPlaceholderText(self.tr("e.g. 9.4, 10.2"))
        self.criteria.setAccessibleName(self.tr("Criteria not verifiable remotely"))
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("What else could not be verified"))
        self.minutes = QSpinBox()
        self.minutes.setRange(-1, MAX_MINUTES)
        self.minutes.setValue(-1)
        self.minutes.setSpecialValueText(self.tr("not counted"))
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setAccessibleName(self.tr("Time lost to technical problems"))
        self.comments = QPlainTextEdit()
        self.comments.setAccessibleName(self.tr("Comments"))
        self.comments.setTabChangesFocus(True)

        sources = QHBoxLayout()
        sources.addWidget(self.scss)
        sources.addWidget(self.member)
        form = QFormLayout()
        form.addRow(self.tr("Whose:"), sources)
        form.addRow(self.tr("&Technology quality:"), self.quality)
        form.addRow(self.tr("&Criteria not verifiable remotely:"), self.criteria)
        form.addRow(self.tr("What &else could not be verified:"), self.note)
        form.addRow(self.tr("Time &lost to technical problems:"), self.minutes)
        form.addRow(self.tr("C&omments:"), self.comments)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _on_member_toggled(self, member: bool) -> None:
        # What could not be verified is the SCSS's judgement, not the member's.
        self.criteria.setEnabled(not member)
        self.note.setEnabled(not member)

    def value(self) -> FeedbackForm:
        """The form's values."""
        member = self.member.isChecked()
        minutes = self.minutes.value()
        return FeedbackForm(
            source="member" if member else "scss",
            technology_quality=self.quality.currentData(),
            not_verifiable=()
            if member
            else tuple(c for c in _SEPARATORS.split(self.criteria.text()) if c),
            not_verifiable_note="" if member else self.note.text().strip(),
            minutes_lost=None if minutes < 0 else minutes,
            comments=self.comments.toPlainText().strip(),
        )

    @classmethod
    def ask(cls, validation_name: str, parent: QWidget | None = None) -> FeedbackForm | None:
        """Show the dialog; the answer's values, or None if cancelled."""
        dialog = cls(validation_name, parent)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
