"""Shows what importing a worksheet would change, and what stops it, before anything is applied."""

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QLocale
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ctpat_desktop.catalog import Reason
from ctpat_desktop.services.worksheet_io import FollowUpAppend, ImportPlan
from ctpat_desktop.ui.controllers import counted
from ctpat_desktop.ui.i18n import shown_reasons, status_label, translate, verification_label
from ctpat_desktop.worksheet import Finding, FindingStatus
from ctpat_desktop.worksheet.model import FINDING_FIELDS, Verification

_CONTEXT = "ImportPreviewDialog"
# A finding's fields as the workspace and the workbook name them.
_FIELDS = {
    "status": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Status"),
    "reasons": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Deficiency reasons"),
    "unmet_parts": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Parts not met"),
    "verified": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Verified by"),
    "note": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Internal note"),
    "report_text": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Text for the report"),
    "action": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Required action"),
    "due": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Due date"),
    "profile_answer": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Profile answer"),
    "response_implemented": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Member says implemented"),
    "response_note": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Member's response"),
    "extension_days": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Extension (days)"),
    "extension_reason": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Extension reason"),
    "response_accepted": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Response accepted"),
}
# What a follow-up record appended after the signed report is.
_EVENTS = {
    "response": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Response"),
    "decision": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Decision"),
    "extension": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Extension"),
    "closure": QT_TRANSLATE_NOOP("ImportPreviewDialog", "Closure"),
}
# Words of the command line that the shared rule messages carry, as this window says them.
_CLI_WORDS = {
    "(--reason)": QT_TRANSLATE_NOOP("ImportPreviewDialog", "(in a Reason column)"),
}


def field_label(name: str) -> str:
    """A finding field's name in words."""
    known = _FIELDS.get(name)
    return translate(_CONTEXT, str(known)) if known is not None else name


def problem_text(text: str) -> str:
    """A problem of the workbook as this window says it (no command-line options)."""
    for words, label in _CLI_WORDS.items():
        text = text.replace(words, translate(_CONTEXT, str(label)))
    return text


class ImportPreviewDialog(QDialog):
    """Changes and problems of one import plan; Apply only when there is no problem."""

    def __init__(
        self, plan: ImportPlan, parent: QWidget | None = None, reasons: Sequence[Reason] = ()
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import worksheet"))
        self.resize(900, 520)
        self._reasons = {r.code: r.label for r in shown_reasons(tuple(reasons))}
        rows = [
            (
                u.new.criterion,
                field_label(name),
                self._shown(u.old, name),
                self._shown(u.new, name),
            )
            for u in plan.updates
            for name in FINDING_FIELDS
            if getattr(u.old, name) != getattr(u.new, name)
        ]
        if plan.problems:
            count = len(plan.problems)
            text = counted(
                self.tr(
                    "%n problem(s) in {file}. Nothing will be "
                    "applied until they are fixed in the workbook.",
                    "",
                    count,
                ),
                count,
            ).format(file=plan.source.name)
        elif rows:
            count = len(plan.updates)
            text = counted(
                self.tr("%n finding(s) will change. Apply the changes?", "", count), count
            )
        elif plan.followups:
            count = len(plan.followups)
            text = counted(
                self.tr(
                    "%n follow-up record(s) will be appended after the signed report. Apply them?",
                    "",
                    count,
                ),
                count,
            )
        else:
            text = self.tr("The workbook matches the validation: there is nothing to change.")
        self.summary = QLabel(text)
        self.summary.setWordWrap(True)

        self.problems = QListWidget()
        self.problems.setAccessibleName(self.tr("Problems"))
        self.problems.addItems([problem_text(str(p)) for p in plan.problems])
        self.problems.setVisible(bool(plan.problems))

        self.changes = QTableWidget(len(rows), 4)
        self.changes.setAccessibleName(self.tr("Changes"))
        self.changes.setHorizontalHeaderLabels(
            [self.tr("Criterion"), self.tr("Field"), self.tr("Now"), self.tr("From the workbook")]
        )
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                self.changes.setItem(r, c, QTableWidgetItem(value))
        self.changes.horizontalHeader().setStretchLastSection(True)
        self.changes.resizeColumnsToContents()
        _fit_columns(self.changes)
        self.changes.setVisible(bool(rows) or not plan.followups)

        # Follow-up to append after a signed report: a table only when there is some.
        self.followups = self._followup_table(plan) if plan.followups else None

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel
        )
        apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        apply_button.setEnabled(bool(rows or plan.followups) and not plan.problems)
        apply_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems)
        layout.addWidget(self.changes)
        if self.followups is not None:
            layout.addWidget(self.followups)
        layout.addWidget(self.buttons)

    def _followup_table(self, plan: ImportPlan) -> QTableWidget:
        """The follow-up records the import appends after the signed report."""
        table = QTableWidget(len(plan.followups), 3)
        table.setAccessibleName(self.tr("Follow-up to append"))
        table.setHorizontalHeaderLabels(
            [self.tr("Criterion"), self.tr("Record"), self.tr("What it says")]
        )
        for r, item in enumerate(plan.followups):
            cells = (item.record.criterion, self._event(item), self._said(item))
            for c, value in enumerate(cells):
                table.setItem(r, c, QTableWidgetItem(value))
        table.horizontalHeader().setStretchLastSection(True)
        table.resizeColumnsToContents()
        _fit_columns(table)
        return table

    def _shown(self, finding: Finding, name: str) -> str:
        """One field's value in words: labels for codes, the user's dates, Yes/No."""
        value = getattr(finding, name)
        if value in (None, "", ()):
            return self.tr("(empty)")
        if isinstance(value, FindingStatus):
            return status_label(value)
        if isinstance(value, Verification):
            return verification_label(value)
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        if isinstance(value, date):
            day = QDate(value.year, value.month, value.day)
            return QLocale().toString(day, QLocale.FormatType.ShortFormat)
        if name == "reasons":
            return "; ".join(self._reasons.get(code, code) for code in value)
        if isinstance(value, tuple):
            return ", ".join(map(str, value))
        return str(value)

    def _event(self, item: FollowUpAppend) -> str:
        """The record's number and kind, as "3. Extension"."""
        event = item.record.event.value
        return f"{item.record.number}. {translate(_CONTEXT, str(_EVENTS[event]))}"

    def _said(self, item: FollowUpAppend) -> str:
        """What the record says: the answer, the decision or the days, then its note."""
        record = item.record
        said = []
        if record.implemented is not None:
            answer = self.tr("Yes") if record.implemented else self.tr("No")
            said.append(self.tr("Implemented: {answer}").format(answer=answer))
        if record.accepted is not None:
            said.append(self.tr("Accepted") if record.accepted else self.tr("Rejected"))
        if record.days is not None:
            said.append(self.tr("{days} more days").format(days=record.days))
        if record.note.strip():
            said.append(record.note)
        return " · ".join(said)

    @classmethod
    def confirm(
        cls, plan: ImportPlan, parent: QWidget | None = None, reasons: Sequence[Reason] = ()
    ) -> bool:
        """Show the plan; True when the user chose Apply."""
        return cls(plan, parent, reasons).exec() == QDialog.DialogCode.Accepted


def _fit_columns(table: QTableWidget) -> None:
    """Wide enough for every column as sized to its contents, in any language: the preview
    never hides a column behind a sideways scroll bar."""
    frame = 2 * table.frameWidth()
    side = table.verticalHeader().sizeHint().width() + table.verticalScrollBar().sizeHint().width()
    table.setMinimumWidth(min(table.horizontalHeader().length() + side + frame, 1200))
