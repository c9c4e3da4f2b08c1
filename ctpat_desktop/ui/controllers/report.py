"""The report from the main window: preview a draft, sign and issue, verify, reopen, sign a
follow-up letter on the signed report, and save a copy of a signed report kept in the data
folder."""

import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from ctpat_desktop.errors import CtpatError
from ctpat_desktop.ui.controllers import error_sentence
from ctpat_desktop.ui.controllers.base import WindowController
from ctpat_desktop.ui.controllers.progress import LongTask
from ctpat_desktop.ui.i18n import translate
from ctpat_desktop.worksheet import lifecycle

if TYPE_CHECKING:
    from ctpat_desktop.services.report_copy import KeptCopy, SignedDocument
    from ctpat_desktop.ui.report_window import ReportWindow
    from ctpat_desktop.ui.sign_dialog import SigningChoice


class ReportController(WindowController):
    """Owns the report preview window; builds, signs and reopens on the runner."""

    report_window: "ReportWindow | None" = None
    task: LongTask | None = None
    _letter_action: QAction | None = None
    _copy_action: QAction | None = None

    def preview(self) -> None:
        """Build a draft of the next report version (cancellable) and show it."""
        from ctpat_desktop.services import report_io
        from ctpat_desktop.ui.report_window import ReportWindow

        validation_id = self._window.selected_id()
        if validation_id is None:
            return
        language = self._window.output_language.current()

        def build() -> tuple[report_io.BuiltReport, bytes]:
            # Older releases left every preview in DATA_DIR/drafts, in clear: gone now.
            shutil.rmtree(self._ctx.data_dir / "drafts", ignore_errors=True)
            # Written in a private folder (0700) and read back at once: the draft is kept
            # in memory only, never as a plain copy on disk.
            from ctpat_desktop.scratch import PrivateFolder

            with PrivateFolder("draft") as folder:
                built = report_io.build_report(
                    self._ctx, validation_id, Path(folder) / "draft.pdf", language
                )
                return built, built.path.read_bytes()

        def show(result: tuple[report_io.BuiltReport, bytes]) -> None:
            built, content = result
            self._window.idle(
                translate("MainWindow", "Draft of report version {version} ready").format(
                    version=built.version
                )
            )
            if self.report_window is None:
                self.report_window = ReportWindow(self._window)
                self.report_window.sign_requested.connect(self.sign)
            summary = self._window.model.summary_of(validation_id)
            locked = summary is not None and lifecycle.is_locked(summary.validation.status)
            self.report_window.show_pdf(
                content,
                translate("MainWindow", "Draft of version {version} — not signed").format(
                    version=built.version
                ),
                not locked,
            )
            self.report_window.show()
            self.report_window.raise_()

        self._window.busy(translate("MainWindow", "Building the report…"))
        self.task = LongTask(
            self._window, self._runner, translate("MainWindow", "Building the report…")
        )
        self.task.run(
            build,
            show,
            self.on_error(translate("MainWindow", "Cannot build the report")),
            on_cancelled=lambda: self._window.idle(
                translate("MainWindow", "Report preview cancelled")
            ),
        )

    def sign(self) -> None:
        """Check approval, ask for the key and the file, then sign and issue the report."""
        from ctpat_desktop.services import report_io

        validation_id = self._window.selected_id()
        if validation_id is None:
            return
        try:  # before asking for a key or a file: approval first
            session = report_io.check_can_sign(self._ctx, validation_id)
        except CtpatError as exc:
            QMessageBox.warning(
                self._window, translate("MainWindow", "Cannot sign yet"), error_sentence(exc)
            )
            return
        language = self._window.output_language.current()
        version = len(session.reports()) + 1
        member = _file_word(session.validation.member.name)
        asked = self._key_and_target(
            validation_id,
            translate("MainWindow", "Save the signed report"),
            f"{member}-validation-report-v{version}-{language}.pdf",
        )
        if asked is None:
            return
        choice, target = asked

        def done(built: report_io.BuiltReport) -> None:
            record = built.record
            assert record is not None
            self._window.idle(
                translate("MainWindow", "Report version {version} signed by {signer}").format(
                    version=built.version, signer=record.signer
                )
            )
            QMessageBox.information(
                self._window,
                translate("MainWindow", "Report issued"),
                translate(
                    "MainWindow",
                    "Version {version} was signed by {signer} and saved to {path}.\n"
                    "SHA-256 {sha256}\nThe validation is now locked; reopen it to change it.",
                ).format(
                    version=built.version, signer=record.signer, path=target, sha256=record.sha256
                ),
            )
            self._window.refresh()

        self._window.busy(translate("MainWindow", "Building and signing the report…"))
        # Signing locks the validation as it finishes: it is seen through, not cancelled.
        self.task = LongTask(
            self._window,
            self._runner,
            translate("MainWindow", "Building and signing the report…"),
            cancellable=False,
        )
        self.task.run(
            lambda: report_io.issue_report(
                self._ctx,
                validation_id,
                target,
                choice.key,
                lambda: choice.secret,
                language=language,
            ),
            done,
            self.on_error(translate("MainWindow", "Cannot sign the report")),
        )

    def letter_action(self) -> QAction:
        """The Report menu's "Follow-up letter…" (made once, owned by the window)."""
        if self._letter_action is None:
            self._letter_action = QAction(
                translate("MainWindow", "Follow-&up letter…"), self._window
            )
            self._letter_action.setStatusTip(
                translate(
                    "MainWindow",
                    "Sign a closure or status letter to the member on the signed report",
                )
            )
            self._letter_action.triggered.connect(self.letter)
        return self._letter_action

    def letter(self) -> None:
        """Ask for the key and the file, then sign and record a follow-up letter on the
        signed report in force (no reopen, no new version)."""
        from ctpat_desktop.services import letters

        validation_id = self._window.selected_id()
        if validation_id is None:
            return
        language = self._window.output_language.current()
        try:  # before asking for a key or a file: a signed report to follow first
            data, _report = letters.letter_data(self._ctx, validation_id, language)
        except CtpatError as exc:
            title = translate("MainWindow", "No follow-up letter yet")
            QMessageBox.warning(self._window, title, error_sentence(exc))
            return
        kind = "closure" if data.closure else "status"
        asked = self._key_and_target(
            validation_id,
            translate("MainWindow", "Save the signed follow-up letter"),
            f"{_file_word(data.member)}-{kind}-letter-v{data.report_version}-{language}.pdf",
        )
        if asked is None:
            return
        choice, target = asked

        def done(built: letters.BuiltLetter) -> None:
            record = built.record
            assert record is not None
            self.changed(
                translate("MainWindow", "Follow-up letter signed by {signer}: {path}").format(
                    signer=record.signer, path=target
                )
            )

        self._window.busy(translate("MainWindow", "Writing and signing the letter…"))
        self.task = LongTask(
            self._window,
            self._runner,
            translate("MainWindow", "Writing and signing the letter…"),
            cancellable=False,
        )
        self.task.run(
            lambda: letters.issue_letter(
                self._ctx,
                validation_id,
                target,
                choice.key,
                lambda: choice.secret,
                language=language,
            ),
            done,
            self.on_error(translate("MainWindow", "Cannot sign the letter")),
        )

    def copy_action(self) -> QAction:
        """The Report menu's "Save a copy of the signed report…" (made once, owned by the
        window); enabled while the selected validation has a signed report version."""
        if self._copy_action is None:
            self._copy_action = QAction(
                translate("MainWindow", "Save a &copy of the signed report…"), self._window
            )
            self._copy_action.setStatusTip(
                translate(
                    "MainWindow",
                    "Write a signed report version again, byte for byte, from the copy kept "
                    "when it was signed",
                )
            )
            self._copy_action.triggered.connect(self.save_copy)
            self._copy_action.setEnabled(False)
        return self._copy_action

    def update_copy_action(self) -> None:
        """Enable "Save a copy…" once the selected validation is known to have a signed
        report (read on the runner; a later selection wins)."""
        action = self.copy_action()
        action.setEnabled(False)
        validation_id = self._window.selected_id()
        if validation_id is None:
            return

        def show(signed: bool) -> None:
            if self._window.selected_id() == validation_id:
                action.setEnabled(signed)

        self._runner.run(
            lambda: bool(self._ctx.store.reports(validation_id)), show, lambda _exc: None
        )

    def save_copy(self) -> None:
        """Choose a signed report version (or rendition) when there are several, ask where,
        then write the copy kept in the data folder, checked against its record."""
        from ctpat_desktop.services import report_copy

        validation_id = self._window.selected_id()
        if validation_id is None:
            return
        title = translate("MainWindow", "Save a copy of the signed report")
        try:
            documents = report_copy.signed_documents(self._ctx, validation_id)
        except CtpatError as exc:
            QMessageBox.warning(self._window, title, error_sentence(exc))
            return
        if not documents:
            return  # the action is disabled then: only a click before its update lands here
        chosen = documents[0]
        if len(documents) > 1:
            names = [_document_name(d) for d in documents]
            picked, ok = QInputDialog.getItem(
                self._window,
                title,
                translate("MainWindow", "Which signed report?"),
                names,
                len(names) - 1,
                False,
            )
            if not ok:
                return
            chosen = documents[names.index(picked)]
        name, _ = QFileDialog.getSaveFileName(
            self._window,
            title,
            str(Path.home() / chosen.file_name),
            translate("MainWindow", "PDF (*.pdf)"),
        )
        if not name:
            return

        def done(copied: "KeptCopy") -> None:
            self._window.idle(
                translate("MainWindow", "Signed report version {version} saved to {path}").format(
                    version=copied.version, path=copied.path
                )
            )

        self._window.busy(translate("MainWindow", "Saving the signed report…"))
        self._runner.run(
            lambda: report_copy.copy_report(
                self._ctx, validation_id, chosen.version, Path(name), chosen.language
            ),
            done,
            self.on_error(translate("MainWindow", "Cannot save the signed report")),
        )

    def _key_and_target(
        self, validation_id: str, title: str, suggested: str
    ) -> "tuple[SigningChoice, Path] | None":
        """The signing key (the certificate must name the SCSS: said before any file is
        asked for) and where to save the signed file; None when either is cancelled."""
        from ctpat_desktop.services import report_io
        from ctpat_desktop.ui.sign_dialog import SignDialog

        choice = SignDialog.ask(
            self._window,
            lambda key, secret: report_io.check_signer(
                self._ctx, validation_id, key, lambda: secret
            ),
        )
        if choice is None:
            return None
        name, _ = QFileDialog.getSaveFileName(
            self._window,
            title,
            str(Path.home() / suggested),
            translate("MainWindow", "PDF (*.pdf)"),
        )
        return (choice, Path(name)) if name else None

    def reopen(self) -> None:
        """Unlock a signed validation, asking why."""
        from ctpat_desktop.services import report_io

        self.ask_then_run(
            (
                translate("MainWindow", "Reopen validation"),
                translate("MainWindow", "Why is the signed validation reopened?"),
            ),
            report_io.reopen_validation,
            translate(
                "MainWindow", "Reopened: it must be approved again before its next report is signed"
            ),
            translate("MainWindow", "Cannot reopen the validation"),
        )

    def verify(self) -> None:
        """Check a signed report's signature."""
        from ctpat_desktop.ui.verify_dialog import VerifyDialog

        VerifyDialog(self._runner, self._window).exec()


def _file_word(name: str) -> str:
    """A member's name as a file name's word ("Acme-Imports")."""
    return re.sub(r"[^\w-]+", "-", name).strip("-") or "member"


def _document_name(document: "SignedDocument") -> str:
    """A signed report version or rendition as the choice of which to save names it."""
    from ctpat_desktop.ui.output_language import LANGUAGES

    named = dict(LANGUAGES).get(document.language)
    language = translate("OutputLanguage", str(named)) if named else document.language
    if document.rendition:
        template = translate(
            "MainWindow", "Version {version}, rendition in {language}, signed {day} by {signer}"
        )
    else:
        template = translate(
            "MainWindow", "Version {version} in {language}, signed {day} by {signer}"
        )
    return template.format(
        version=document.version,
        language=language,
        day=document.signed_at[:10],
        signer=document.signer,
    )
