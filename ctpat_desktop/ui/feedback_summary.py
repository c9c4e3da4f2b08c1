"""The dashboard's feedback summary: how many answers, the mean technology quality and the
time lost per mode, and the criteria the SCSSs most often could not verify remotely."""

from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLabel, QWidget

from ctpat_desktop.ui.i18n import mode_label
from ctpat_desktop.worksheet import Mode


class FeedbackSummary(QLabel):
    """The `feedback` figures of the dashboard in a few lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(self.tr("Feedback after validations"))

    def show_feedback(self, summary: dict[str, Any] | None) -> None:
        """Show the figures (None: the source had none, e.g. a hub of an earlier release)."""
        if summary is None:
            self.setText(self.tr("Feedback: not available from this source."))
            return
        if not summary["answers"]:
            self.setText(self.tr("Feedback: none recorded for these validations yet."))
            return
        locale = QLocale()
        lines = [
            self.tr(
                "Feedback: {answers} answers on {validations} validations "
                "({scss} from SCSSs, {member} from members)."
            ).format(
                answers=summary["answers"],
                validations=summary["validations"],
                scss=summary["scss_answers"],
                member=summary["member_answers"],
            )
        ]
        whose = {"scss": self.tr("SCSSs"), "member": self.tr("members")}
        for row in summary["by_mode"]:
            quality = row["mean_quality"]
            lines.append(
                self.tr(
                    "{mode}, {whose}: technology quality {quality} of 5 ({rated} rated); "
                    "{minutes} minutes lost"
                ).format(
                    mode=mode_label(Mode.parse(row["mode"])),
                    whose=whose.get(row["source"], row["source"]),
                    quality=locale.toString(quality, "f", 2) if quality is not None else "–",
                    rated=row["rated"],
                    minutes=row["minutes_lost"],
                )
            )
        named = summary["not_verifiable"]
        if named:
            shown = ", ".join(
                self.tr("{criterion} ({count})").format(criterion=r["criterion"], count=r["count"])
                for r in named
            )
            text = self.tr("Most often not verifiable remotely: {criteria}")
            lines.append(text.format(criteria=shown))
        self.setText("\n".join(lines))
