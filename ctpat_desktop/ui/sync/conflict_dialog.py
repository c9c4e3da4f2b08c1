"""Sync conflicts: a field changed here and on the hub; show both values, keep one."""

from typing import Any

from PySide6.QtCore import Qt, Signal
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
from ctpat_desktop.ui.runner import Runner

_COLUMNS = ("#", "Record", "Field", "Mine (this laptop)", "Theirs (hub)", "Changed by")


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


class ConflictDialog(QDialog):
    """Lists open conflicts; Keep mine / Keep theirs settle the selected one."""

    resolved = Signal()

    def __init__(self, ctx: Any, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._runner = runner
        self.setWindowTitle("Sync conflicts")
        self.resize(900, 420)
        intro = QLabel(
            "These fields were changed on this laptop and on the hub to different values. "
            "Both are kept until you choose; the value not kept stays in the audit trail."
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setAccessibleName("Open conflicts")
        self.table.setHorizontalHeaderLabels(_COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.keep_mine = QPushButton("Keep &mine")
        self.keep_theirs = QPushButton("Keep &theirs")
        for button, keep in ((self.keep_mine, "mine"), (self.keep_theirs, "theirs")):
            button.clicked.connect(lambda _=False, k=keep: self.resolve_selected(k))
        self.status = QLabel("")
        self.status.setAccessibleName("Conflict status")
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
                f"Criterion {item['criterion']}"
                if item["criterion"]
                else f"{item['kind'].capitalize()} {item['record_id'][:8]}"
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
            f"{len(conflicts)} conflict(s) open" if conflicts else "No conflicts left."
        )
        if conflicts and not self.table.selectedItems():
            self.table.selectRow(0)
        self._update_buttons()

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
        self.status.setText(f"Not resolved: {exc}")
