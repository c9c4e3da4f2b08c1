"""The criterion being reviewed: ID, Must/Should, title, text, guidance, profile answer."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ctpat_desktop.catalog import Criterion, Level
from ctpat_desktop.ui.i18n import level_label
from ctpat_desktop.ui.theme import ink

_BADGE_INK = {Level.MUST: "must", Level.SHOULD: "should"}


def _badge_style(level: Level) -> str:
    colour = ink(_BADGE_INK[level])
    return (
        f"QLabel {{ border: 1px solid {colour}; color: {colour}; border-radius: 3px;"
        " padding: 1px 6px; font-weight: bold; }"
    )


def _text(name: str, *, bold: bool = False) -> QLabel:
    label = QLabel()
    label.setAccessibleName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    # Selectable with the mouse (and then the keyboard), but out of the Tab chain, which
    # runs from the checklist straight to the finding editor.
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    label.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    if bold:
        font = label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        label.setFont(font)
    return label


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    font.setCapitalization(QFont.Capitalization.SmallCaps)
    label.setFont(font)
    label.setContentsMargins(0, 6, 0, 0)
    return label


class CriterionPane(QScrollArea):
    """Read-only view of one criterion, or of a category, or a message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Criterion"))
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.criterion_id = _text(self.tr("Criterion ID"), bold=True)
        self.level = QLabel()
        self.level.setAccessibleName(self.tr("Level"))
        # A criterion no CBP text could be checked against says so (catalog show says why).
        self.unverified = QLabel(self.tr("Unverified"))
        self.unverified.setAccessibleName(self.tr("Unverified criterion"))
        self.unverified.setToolTip(
            self.tr(
                "No CBP text could be found to check this criterion against; "
                "'ctpat-desktop catalog show' says why"
            )
        )
        self.unverified.setStyleSheet(_badge_style(Level.SHOULD))
        self.unverified.hide()
        self.title = _text(self.tr("Title"), bold=True)
        self.text = _text(self.tr("Criterion text"))
        self.guidance_caption = _caption(self.tr("Implementation guidance"))
        self.guidance = _text(self.tr("Implementation guidance"))
        self.profile_caption = _caption(self.tr("Member's profile answer"))
        self.profile_answer = _text(self.tr("Member's profile answer"))

        heading = QHBoxLayout()
        heading.addWidget(self.criterion_id, 0, Qt.AlignmentFlag.AlignTop)
        heading.addWidget(self.level, 0, Qt.AlignmentFlag.AlignTop)
        heading.addWidget(self.unverified, 0, Qt.AlignmentFlag.AlignTop)
        heading.addWidget(self.title, 1)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(heading)
        for widget in (
            self.text,
            self.guidance_caption,
            self.guidance,
            self.profile_caption,
            self.profile_answer,
        ):
            layout.addWidget(widget)
        layout.addStretch()
        self.setWidget(body)
        self.show_message("")

    def show_criterion(self, criterion: Criterion, profile_answer: str) -> None:
        """Show a criterion and the member's answer to it, if any."""
        self.criterion_id.setText(criterion.id)
        label = level_label(criterion.level)
        if self.level.text() != label:  # restyling costs more than the rest of a move
            self.level.setText(label)
            self.level.setStyleSheet(_badge_style(criterion.level))
        self.level.setToolTip(
            self.tr("Must: a requirement")
            if criterion.level is Level.MUST
            else self.tr("Should: a recommendation")
        )
        self.level.setAccessibleDescription(label)
        self.level.show()
        self.unverified.setVisible(criterion.source is None)
        self.title.setText(criterion.title)
        self.text.setText(criterion.text)
        self.guidance.setText(criterion.guidance)
        self._show_guidance(bool(criterion.guidance))
        self.profile_answer.setText(profile_answer)
        self._show_profile(bool(profile_answer))

    def show_message(self, heading: str, text: str = "") -> None:
        """Show a heading and a line of text instead of a criterion."""
        self.criterion_id.setText("")
        self.level.hide()
        self.unverified.hide()
        self.title.setText(heading)
        self.text.setText(text)
        self._show_guidance(False)
        self._show_profile(False)

    def _show_guidance(self, shown: bool) -> None:
        self.guidance_caption.setVisible(shown)
        self.guidance.setVisible(shown)

    def _show_profile(self, shown: bool) -> None:
        self.profile_caption.setVisible(shown)
        self.profile_answer.setVisible(shown)
