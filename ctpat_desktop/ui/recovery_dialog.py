"""The data folder's recovery code: shown once to be kept, and typed to open a locked folder."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ctpat_desktop.errors import CtpatError
from ctpat_desktop.store.recovery import read_code_file, write_code_file
from ctpat_desktop.ui.i18n import error_text
from ctpat_desktop.ui.theme import ink


class RecoveryCodeDialog(QDialog):
    """Show a new recovery code; OK only once the person says it is kept elsewhere."""

    def __init__(self, code: str, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._code, self._data_dir = code, data_dir
        self.setWindowTitle(self.tr("Your data's recovery code"))
        intro = QLabel(
            self.tr(
                "Your data is encrypted with a key kept in this computer's keyring. If the "
                "keyring is reset or you move to another computer, this code is the only way "
                "to open your data again. Write it down, or save it to a file, and keep it "
                "away from this computer."
            )
        )
        intro.setWordWrap(True)
        self.code_label = QLabel(code)
        self.code_label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.code_label.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.code_label.setAccessibleName(self.tr("Recovery code"))
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        copy = QPushButton(self.tr("&Copy"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self._code))
        self.save = QPushButton(self.tr("&Save to a file…"))
        self.save.clicked.connect(self._save)
        self.problem = QLabel("")
        self.problem.setStyleSheet(f"color: {ink('error')};")
        self.problem.setWordWrap(True)
        self.kept = QCheckBox(self.tr("I have kept this code somewhere other than this computer"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("Show it again next time")
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.kept.toggled.connect(self.ok.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(copy)
        row.addWidget(self.save)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.code_label)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addWidget(self.kept)
        layout.addWidget(self.buttons)

    def _save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the recovery code"),
            str(Path.home() / "ctpat-desktop recovery code.txt"),
            self.tr("Text (*.txt)"),
        )
        if not name:
            return
        try:
            write_code_file(Path(name), self._code, self._data_dir)
        except CtpatError as exc:
            self.problem.setText(error_text(exc))
            return
        self.problem.setText("")
        self.save.setText(self.tr("Saved to {file}").format(file=Path(name).name))


class RecoverDialog(QDialog):
    """Ask for the recovery code of a folder whose key this computer lacks."""

    def __init__(self, why: str, error: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open your data with its recovery code"))
        reason = QLabel(why)
        reason.setWordWrap(True)
        ask = QLabel(
            self.tr(
                "Type the recovery code you were given when this data folder was made "
                "(or open the file you saved it in):"
            )
        )
        ask.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setAccessibleName(self.tr("Recovery code"))
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        browse = QPushButton(self.tr("Open a &file…"))
        browse.clicked.connect(self._open_file)
        self.problem = QLabel(error)
        self.problem.setStyleSheet(f"color: {ink('error')};")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Recover"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.code)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addWidget(reason)
        layout.addWidget(ask)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _open_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("The file with the recovery code"), str(Path.home())
        )
        if not name:
            return
        try:
            self.code.setText(read_code_file(Path(name)))
        except CtpatError as exc:
            self.problem.setText(error_text(exc))

    @classmethod
    def ask(cls, why: str, error: str = "", parent: QWidget | None = None) -> str | None:
        """The code typed (or read from a file), or None if the person gave up."""
        dialog = cls(why, error, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.code.text()
