"""Shows what importing a worksheet would change, and what stops it, before anything is applied."""

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

from ctpat_desktop.services.worksheet_io import ImportPlan
from ctpat_desktop.ui.i18n import translate


def _shown(value: object) -> str:
    if value in (None, "", []):
        return translate("ImportPreviewDialog", "(empty)")
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


class ImportPreviewDialog(QDialog):
    """Changes and problems of one import plan; Apply only when there is no problem."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import worksheet"))
        self.resize(900, 520)
        rows = [
            (u.new.criterion, name, _shown(old), _shown(new))
            for u in plan.updates
            for name, (old, new) in u.changed().items()
        ]
        if plan.problems:
            text = self.tr(
                "%n problem(s) in {file}. Nothing will be "
                "applied until they are fixed in the workbook.",
                "",
                len(plan.problems),
            ).format(file=plan.source.name)
        elif rows:
            text = self.tr("%n finding(s) will change. Apply the changes?", "", len(plan.updates))
        else:
            text = self.tr("The workbook matches the validation: there is nothing to change.")
        self.summary = QLabel(text)
        self.summary.setWordWrap(True)

        self.problems = QListWidget()
        self.problems.setAccessibleName(self.tr("Problems"))
        self.problems.addItems([str(p) for p in plan.problems])
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

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel
        )
        apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        apply_button.setEnabled(bool(rows) and not plan.problems)
        apply_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems)
        layout.addWidget(self.changes)
        layout.addWidget(self.buttons)

    @classmethod
    def confirm(cls, plan: ImportPlan, parent: QWidget | None = None) -> bool:
        """Show the plan; True when the user chose Apply."""
        return cls(plan, parent).exec() == QDialog.DialogCode.Accepted
