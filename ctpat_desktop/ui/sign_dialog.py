"""Choose how to sign: a PKCS#12 file with its passphrase, or a PKCS#11 token with its PIN."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ctpat_desktop.errors import CtpatError
from ctpat_desktop.report.signing import Pkcs12Key, SigningKey, TokenKey
from ctpat_desktop.secrets import store_secret, stored_secret
from ctpat_desktop.ui.controllers import error_sentence

DEFAULT_TOKEN_LIBRARY = "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"
# Checks a key before the dialog closes (the signer check): raises CtpatError to refuse it.
KeyCheck = Callable[[SigningKey, str | None], object]


@dataclass(frozen=True)
class SigningChoice:
    """The key to sign with and its secret (kept in memory only unless remembered)."""

    key: SigningKey
    secret: str | None


def _secret_name(key: SigningKey) -> str:
    if isinstance(key, Pkcs12Key):
        return f"p12:{key.path.resolve()}"
    return f"pin:{key.token_label}"


def _problem_label() -> QLabel:
    """Where the dialog says why a key is refused (hidden until it is)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #B00020;")
    label.hide()
    return label


class SignDialog(QDialog):
    """Asks for the signing key. A key file's certificate is checked (check) before the
    dialog closes, so a certificate that does not name the SCSS is said at once; a token's
    is read when signing, which needs the card anyway."""

    def __init__(self, parent: QWidget | None = None, check: KeyCheck | None = None) -> None:
        super().__init__(parent)
        self._check = check
        self.setWindowTitle(self.tr("Sign the report"))
        self.setMinimumWidth(520)
        self.use_file = QRadioButton(self.tr("Key &file (PKCS#12 .p12/.pfx)"))
        self.use_token = QRadioButton(self.tr("&Token or PIV card (PKCS#11)"))
        self.use_file.setChecked(True)

        self.file = QLineEdit()
        self.file.setAccessibleName(self.tr("Key file"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._on_browse_clicked)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file)
        file_row.addWidget(browse)
        self.library = QLineEdit(DEFAULT_TOKEN_LIBRARY)
        self.library.setAccessibleName(self.tr("PKCS#11 library"))
        self.token_label = QLineEdit()
        self.token_label.setAccessibleName(self.tr("Token label"))
        self.key_label = QLineEdit()
        self.key_label.setAccessibleName(self.tr("Key label"))
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setAccessibleName(self.tr("Passphrase or PIN"))
        self.remember = QCheckBox(self.tr("&Remember in the system keyring"))

        form = QFormLayout()
        form.addRow(self.use_file)
        form.addRow(self.tr("Key file:"), file_row)
        form.addRow(self.use_token)
        form.addRow(self.tr("PKCS#11 library:"), self.library)
        form.addRow(self.tr("Token label:"), self.token_label)
        form.addRow(self.tr("Key label:"), self.key_label)
        form.addRow(self.tr("Passphrase or PIN:"), self.secret)
        form.addRow(self.remember)
        self.hint = QLabel(self.tr("Signing issues the report and locks the validation."))
        self.hint.setWordWrap(True)
        self.problem = _problem_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Sign"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for toggle in (self.use_file, self.use_token):
            toggle.toggled.connect(self._update)
        for edit in (self.file, self.library, self.token_label, self.key_label):
            edit.textChanged.connect(self._update)
        self._update()

    def _on_browse_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Key file"), str(Path.home()), self.tr("PKCS#12 (*.p12 *.pfx)")
        )
        if name:
            self.file.setText(name)

    def _update(self) -> None:
        token = self.use_token.isChecked()
        for edit in (self.library, self.token_label, self.key_label):
            edit.setEnabled(token)
        self.file.setEnabled(not token)
        ready = (
            all(e.text().strip() for e in (self.library, self.token_label, self.key_label))
            if token
            else bool(self.file.text().strip())
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)
        key = self.key()
        if key is not None and not self.secret.text():
            remembered = stored_secret(_secret_name(key))
            if remembered:
                self.secret.setPlaceholderText(self.tr("(remembered in the keyring)"))

    def accept(self) -> None:
        """Close with the key chosen, unless the signer check refuses its certificate."""
        key = self.key()
        if key is None:
            return
        if self._check is not None and isinstance(key, Pkcs12Key):
            try:
                self._check(key, self.secret.text() or stored_secret(_secret_name(key)))
            except CtpatError as exc:
                self.problem.setText(error_sentence(exc))
                self.problem.show()
                self.problem.setFocus()
                return
        self.problem.hide()
        super().accept()

    def key(self) -> SigningKey | None:
        """The key described by the form, if complete."""
        if self.use_token.isChecked():
            library, token, key = (
                e.text().strip() for e in (self.library, self.token_label, self.key_label)
            )
            return TokenKey(library, token, key) if library and token and key else None
        path = self.file.text().strip()
        return Pkcs12Key(Path(path)) if path else None

    def choice(self) -> SigningChoice | None:
        """The key and secret; the secret is remembered in the keyring when asked to."""
        key = self.key()
        if key is None:
            return None
        secret = self.secret.text() or stored_secret(_secret_name(key))
        if self.remember.isChecked() and self.secret.text():
            store_secret(_secret_name(key), self.secret.text())
        return SigningChoice(key, secret)

    @classmethod
    def ask(
        cls, parent: QWidget | None = None, check: KeyCheck | None = None
    ) -> SigningChoice | None:
        """Show the dialog; the choice, or None when cancelled."""
        dialog = cls(parent, check)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()
