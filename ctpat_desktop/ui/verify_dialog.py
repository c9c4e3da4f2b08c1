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
from ctpat_desktop.ui.i18n import error_text
from ctpat_desktop.ui.runner import Runner
from ctpat_desktop.ui.theme import ink


class VerifyDialog(QDialog):
    """Pick a PDF and the CA to trust; the verdict is shown in words, not only colour."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.setWindowTitle(self.tr("Verify a report"))
        self.resize(720, 420)
        self.file = QLineEdit()
        self.file.setAccessibleName(self.tr("Report to verify"))
        self.trust = QLineEdit()
        self.trust.setAccessibleName(self.tr("Trusted CA certificate"))
        form = QFormLayout()
        for label, edit, pattern in (
            (self.tr("Report (PDF):"), self.file, self.tr("PDF (*.pdf)")),
            (self.tr("Trusted CA (PEM):"), self.trust, self.tr("Certificates (*.pem *.crt *.cer)")),
        ):
            row = QHBoxLayout()
            row.addWidget(edit)
            browse = QPushButton(self.tr("Browse…"))
            browse.clicked.connect(lambda _=False, e=edit, p=pattern: self._browse(e, p))
            row.addWidget(browse)
            form.addRow(label, row)
        self.check = QPushButton(self.tr("&Verify"))
        self.check.clicked.connect(self.run_check)
        self.verdict = QLabel("")
        self.verdict.setAccessibleName(self.tr("Verdict"))
        self.verdict.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.details = QTextBrowser()
        self.details.setAccessibleName(self.tr("Signature details"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.check)
        layout.addWidget(self.verdict)
        layout.addWidget(self.details)
        layout.addWidget(buttons)

    def _browse(self, edit: QLineEdit, pattern: str) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a file"), str(Path.home()), pattern
        )
        if name:
            edit.setText(name)

    def run_check(self) -> None:
        """Verify in the background and show the verdict."""
        report = Path(self.file.text().strip())
        trust = [Path(self.trust.text().strip())] if self.trust.text().strip() else []
        self.verdict.setText(self.tr("Checking…"))
        self._runner.run(lambda: verify_pdf(report, trust), self.show_result, self._failed)

    def _failed(self, exc: Exception) -> None:
        self.verdict.setText(self.tr("✗ Cannot check this file"))
        self.verdict.setStyleSheet(f"font-size: 15pt; font-weight: bold; color: {ink('error')};")
        self.details.setPlainText(error_text(exc))

    def show_result(self, result: Verification) -> None:
        """The verdict in one line, then each signature's facts."""
        good = result.ok
        self.verdict.setText(self.tr("✓ VERIFIED") if good else self.tr("✗ NOT VERIFIED"))
        colour = ink("good" if good else "error")
        self.verdict.setStyleSheet(f"font-size: 15pt; font-weight: bold; color: {colour};")
        yes, no = self.tr("yes"), self.tr("NO")
        lines = [result.summary(), ""]
        for s in result.signatures:
            when = s.signed_at or self.tr("unknown")
            lines += [
                self.tr("Signer: {signer}").format(signer=s.signer),
                (
                    self.tr("Signed at: {time} (timestamped)")
                    if s.timestamped
                    else self.tr("Signed at: {time}")
                ).format(time=when),
                self.tr("Intact: {answer}").format(answer=yes if s.intact else no),
                self.tr("Trusted: {answer}").format(answer=yes if s.trusted else no),
                self.tr("Coverage: {coverage}; changes after signing: {level}").format(
                    coverage=s.coverage, level=s.modification_level
                ),
                "",
            ]
        self.details.setPlainText("\n".join(lines))
