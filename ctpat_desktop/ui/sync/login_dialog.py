"""Log in to the field office's hub: its address and the token an admin gave you."""

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class LoginDialog(QDialog):
    """Asks for the hub's address and a token; the caller checks them with the hub."""

    def __init__(self, url: str, message: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Log in to the hub"))
        self.setMinimumWidth(460)
        self.server = QLineEdit(url)
        self.server.setPlaceholderText("https://hub.field-office.example:8765")
        self.server.setAccessibleName(self.tr("Hub address"))
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setAccessibleName(self.tr("Hub token"))
        self.token.setAccessibleDescription(
            self.tr("The token printed by ctpat-hub user add; kept in the system keyring")
        )
        self.message = QLabel(message)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Login message"))
        form = QFormLayout()
        form.addRow(self.tr("Hub &address:"), self.server)
        form.addRow(self.tr("&Token:"), self.token)
        hint = QLabel(
            self.tr(
                "The token is kept in the system keyring. Where there is none, it is kept "
                "only until the app closes."
            )
        )
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Log in"))
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        (self.token if url else self.server).setFocus()

    def values(self) -> tuple[str, str]:
        """The address (without a trailing slash) and the token, trimmed."""
        return self.server.text().strip().rstrip("/"), self.token.text().strip()

    def _on_accept(self) -> None:
        url, token = self.values()
        if not url.startswith(("https://", "http://")):
            self.message.setText(self.tr("The hub's address must start with https:// or http://."))
            self.server.setFocus()
            return
        if not token:
            self.message.setText(self.tr("Paste the token an administrator gave you."))
            self.token.setFocus()
            return
        self.accept()
