"""Sync conflicts: a field changed here and on the hub; show both values, keep one."""

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ctpat_desktop.services import sync_io
from ctpat_desktop.ui.i18n import error_text, translate
from ctpat_desktop.ui.runner import Runner

_COLUMNS = (
    "#",
    QT_TRANSLATE_NOOP("ConflictDialog", "Record"),
    QT_TRANSLATE_NOOP("ConflictDialog", "Field"),
    QT_TRANSLATE_NOOP("ConflictDialog", "Mine (this laptop)"),
    QT_TRANSLATE_NOOP("ConflictDialog", "Theirs (hub)"),
    QT_TRANSLATE_NOOP("ConflictDialog", "Changed by"),
)
# The kinds of record that sync (sync.protocol.KINDS), as the Record column names them.
_KINDS = {
    "catalog": QT_TRANSLATE_NOOP("ConflictDialog", "Catalog"),
    "member": QT_TRANSLATE_NOOP("ConflictDialog", "Member"),
    "validation": QT_TRANSLATE_NOOP("ConflictDialog", "Validation"),
    "evidence": QT_TRANSLATE_NOOP("ConflictDialog", "Evidence"),
    "finding": QT_TRANSLATE_NOOP("ConflictDialog", "Finding"),
    "report": QT_TRANSLATE_NOOP("ConflictDialog", "Report"),
}


def _shown(value: Any) -> str:
    if value is None or value == "":
        return translate("ConflictDialog", "(empty)")
    if isinstance(value, bool):
        return translate("ConflictDialog", "yes") if value else translate("ConflictDialog", "no")
    return str(value)


class ConflictDialog(QDialog):
    """Lists open conflicts; Keep mine / Keep theirs settle the selected one."""

    resolved = Signal()

    def __init__(self, ctx: Any, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._runner = runner
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.resize(900, 420)
        intro = QLabel(
            self.tr(
                "These fields were changed on this laptop and on the hub to different values. "
                "Both are kept until you choose; the value not kept stays in the audit trail."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setAccessibleName(self.tr("Open conflicts"))
        self.table.setHorizontalHeaderLabels(
            [translate("ConflictDialog", str(column)) for column in _COLUMNS]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.keep_mine = QPushButton(self.tr("Keep &mine"))
        self.keep_theirs = QPushButton(self.tr("Keep &theirs"))
        for button, keep in ((self.keep_mine, "mine"), (self.keep_theirs, "theirs")):
            button.clicked.connect(lambda _=False, k=keep: self.resolve_selected(k))
        self.status = QLabel("")
        self.status.setAccessibleName(self.tr("Conflict status"))
        row = QHBoxLayout()
        row.addWidget(self.keep_mine)
        row.addWidget(self.keep_theirs)
        row.addStretch(1)
        row.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.reload()

    def reload(self) -> None:
        """Read the open conflicts again (in the background)."""
        self._runner.run(lambda: sync_io.conflict_list(self._ctx), self._show, self._failed)

    def _show(self, conflicts: list[dict[str, Any]]) -> None:
        self.table.setRowCount(len(conflicts))
        for row, item in enumerate(conflicts):
            where = (
                self.tr("Criterion {criterion}").format(criterion=item["criterion"])
                if item["criterion"]
                else f"{self._kind(item['kind'])} {item['record_id'][:8]}"
            )
            cells = (
                str(item["id"]),
                where,
                item["field"].replace("_", " "),
                _shown(item["local_value"]),
                _shown(item["server_value"]),
                item["server_by"],
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item["id"])
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        self.status.setText(
            self.tr("%n conflict(s) open", "", len(conflicts))
            if conflicts
            else self.tr("No conflicts left.")
        )
        if conflicts and not self.table.selectedItems():
            self.table.selectRow(0)
        self._update_buttons()

    def _kind(self, kind: str) -> str:
        return (
            translate("ConflictDialog", str(_KINDS[kind])) if kind in _KINDS else kind.capitalize()
        )

    def _update_buttons(self) -> None:
        chosen = bool(self.table.selectedItems())
        self.keep_mine.setEnabled(chosen)
        self.keep_theirs.setEnabled(chosen)

    def resolve_selected(self, keep: str) -> None:
        """Keep one side of the selected conflict."""
        items = self.table.selectedItems()
        if not items:
            return
        number = int(items[0].data(Qt.ItemDataRole.UserRole))

        def done(_result: object) -> None:
            self.resolved.emit()
            self.reload()

        self._runner.run(
            lambda: sync_io.resolve_conflict(self._ctx, number, keep), done, self._failed
        )

    def _failed(self, exc: Exception) -> None:
        self.status.setText(self.tr("Not resolved: {error}").format(error=error_text(exc)))
