"""Verify a report and say plainly whether it can be trusted, and why not."""

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ctpat_desktop.report.verify import Verification, verify_pdf
from ctpat_desktop.ui.runner import Runner
from ctpat_desktop.ui.theme import ink


class VerifyDialog(QDialog):
    """Pick a PDF and the CA to trust; the verdict is shown in words, not only colour."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.setWindowTitle("Verify a report")
        self.resize(720, 420)
        self.file = QLineEdit()
        self.file.setAccessibleName("Report to verify")
        self.trust = QLineEdit()
        self.trust.setAccessibleName("Trusted CA certificate")
        form = QFormLayout()
        for label, edit, pattern in (
            ("Report (PDF):", self.file, "PDF (*.pdf)"),
            ("Trusted CA (PEM):", self.trust, "Certificates (*.pem *.crt *.cer)"),
        ):
            row = QHBoxLayout()
            row.addWidget(edit)
            browse = QPushButton("Browse…")
            browse.clicked.connect(lambda _=False, e=edit, p=pattern: self._browse(e, p))
            row.addWidget(browse)
            form.addRow(label, row)
        self.check = QPushButton("&Verify")
        self.check.clicked.connect(self.run_check)
        self.verdict = QLabel("")
        self.verdict.setAccessibleName("Verdict")
        self.verdict.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.details = QTextBrowser()
        self.details.setAccessibleName("Signature details")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.check)
        layout.addWidget(self.verdict)
        layout.addWidget(self.details)
        layout.addWidget(buttons)

    def _browse(self, edit: QLineEdit, pattern: str) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Choose a file", str(Path.home()), pattern)
        if name:
            edit.setText(name)

    def run_check(self) -> None:
        """Verify in the background and show the verdict."""
        report = Path(self.file.text().strip())
        trust = [Path(self.trust.text().strip())] if self.trust.text().strip() else []
        self.verdict.setText("Checking…")
        self._runner.run(lambda: verify_pdf(report, trust), self.show_result, self._failed)

    def _failed(self, exc: Exception) -> None:
        self.verdict.setText("✗ Cannot check this file")
        self.verdict.setStyleSheet(f"font-size: 15pt; font-weight: bold; color: {ink('error')};")
        self.details.setPlainText(str(exc))

    def show_result(self, result: Verification) -> None:
        """The verdict in one line, then each signature's facts."""
        good = result.ok
        self.verdict.setText("✓ VERIFIED" if good else "✗ NOT VERIFIED")
        colour = ink("good" if good else "error")
        self.verdict.setStyleSheet(f"font-size: 15pt; font-weight: bold; color: {colour};")
        lines = [result.summary(), ""]
        for s in result.signatures:
            lines += [
                f"Signer: {s.signer}",
                f"Signed at: {s.signed_at or 'unknown'}"
                + (" (timestamped)" if s.timestamped else ""),
                f"Intact: {'yes' if s.intact else 'NO'}",
                f"Trusted: {'yes' if s.trusted else 'NO'}",
                f"Coverage: {s.coverage}; changes after signing: {s.modification_level}",
                "",
            ]
        self.details.setPlainText("\n".join(lines))
