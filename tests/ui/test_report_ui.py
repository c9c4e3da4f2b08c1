"""Report GUI: preview, sign (file key), reopen, verify dialog, sign dialog and the keyring."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.report.certificates import SigningIdentity
from ctpat_desktop.report.signing import Pkcs12Key, TokenKey
from ctpat_desktop.services.demo import create_demo
from ctpat_desktop.services.validations import ValidationSession, update_validation
from ctpat_desktop.ui.main_window import MainWindow
from ctpat_desktop.ui.runner import ImmediateRunner
from ctpat_desktop.ui.sign_dialog import SignDialog, SigningChoice
from ctpat_desktop.ui.verify_dialog import VerifyDialog
from ctpat_desktop.worksheet import Lifecycle
from tests.conftest import MemoryKeyring, approve
from tests.report.conftest import PASSPHRASE, identity  # noqa: F401  (fixture)


@pytest.fixture
def window(ctx: AppContext, qtbot: QtBot) -> MainWindow:
    create_demo(ctx)
    shown = MainWindow(ctx, ImmediateRunner())
    qtbot.addWidget(shown)
    shown.search.setText("Great Lakes")
    shown.table.selectRow(0)
    return shown


def test_preview_shows_the_draft(window: MainWindow, ctx: AppContext) -> None:
    left_over = ctx.data_dir / "drafts"  # where older releases kept every preview, in clear
    left_over.mkdir()
    (left_over / "old.pdf").write_bytes(b"%PDF-1.4 an old draft")
    window.menu_actions.preview_report.trigger()
    preview = window.report_window
    assert preview is not None and preview.isVisible()
    assert preview.document.pageCount() >= 3
    assert preview.caption.text() == "Draft of version 1 — not signed"
    assert preview.sign.isEnabled()
    # The draft is held in memory: no plain copy in the data folder.
    assert preview.content.startswith(b"%PDF")
    assert not left_over.exists()
    assert not list(ctx.data_dir.rglob("*.pdf"))


def test_sign_then_reopen_from_the_menu(
    window: MainWindow,
    ctx: AppContext,
    identity: SigningIdentity,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    validation_id = window.selected_id()
    assert validation_id is not None
    update_validation(ctx, validation_id, scss="Laura Méndez")  # the key's holder
    approve(ctx, validation_id)
    target = tmp_path / "issued.pdf"
    messages: list[str] = []
    monkeypatch.setattr(
        SignDialog,
        "ask",
        classmethod(
            lambda cls, parent=None, check=None: SigningChoice(
                Pkcs12Key(identity.pkcs12), PASSPHRASE
            )
        ),
    )
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: messages.append(text))
    window.menu_actions.sign_report.trigger()
    assert target.exists() and messages and "Version 1 was signed by Laura Méndez" in messages[0]
    session = ValidationSession(ctx, validation_id)
    assert session.validation.status is Lifecycle.SIGNED
    assert [r.version for r in session.reports()] == [1]

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Member sent a new policy", True))
    window.menu_actions.reopen.trigger()
    assert ValidationSession(ctx, validation_id).validation.status is Lifecycle.IN_REVIEW
    reopened = [e for e in ctx.store.audit_events(validation_id) if e["action"] == "reopen"]
    assert "Member sent a new policy" in reopened[0]["changes"]


def test_verify_dialog_says_it_plainly(
    window: MainWindow,
    ctx: AppContext,
    identity: SigningIdentity,  # noqa: F811
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    from ctpat_desktop.services.report_io import issue_report

    validation_id = window.selected_id()
    assert validation_id is not None
    update_validation(ctx, validation_id, scss="Laura Méndez")  # the key's holder
    approve(ctx, validation_id)
    signed = tmp_path / "signed.pdf"
    issue_report(ctx, validation_id, signed, Pkcs12Key(identity.pkcs12), lambda: PASSPHRASE)
    dialog = VerifyDialog(ImmediateRunner())
    qtbot.addWidget(dialog)
    dialog.file.setText(str(signed))
    dialog.trust.setText(str(identity.ca_certificate))
    dialog.run_check()
    assert dialog.verdict.text() == "✓ VERIFIED"
    assert "Signer: Laura Méndez" in dialog.details.toPlainText()
    dialog.trust.clear()
    dialog.run_check()
    assert dialog.verdict.text() == "✗ NOT VERIFIED"
    assert "not trusted" in dialog.details.toPlainText()
    dialog.file.setText(str(tmp_path / "missing.pdf"))
    dialog.run_check()
    assert dialog.verdict.text() == "✗ Cannot check this file"


def test_sign_dialog_remembers_in_the_keyring(
    qtbot: QtBot, memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    dialog = SignDialog()
    qtbot.addWidget(dialog)
    assert not dialog.buttons.buttons()[0].isEnabled()
    key_file = tmp_path / "me.p12"
    dialog.file.setText(str(key_file))
    dialog.secret.setText("pass phrase")
    dialog.remember.setChecked(True)
    choice = dialog.choice()
    assert choice == SigningChoice(Pkcs12Key(key_file), "pass phrase")
    kept = [v for k, v in memory_keyring.secrets.items() if "p12:" in k]
    assert kept == ["pass phrase"]

    later = SignDialog()
    qtbot.addWidget(later)
    later.file.setText(str(key_file))
    assert later.secret.placeholderText() == "(remembered in the keyring)"
    assert later.choice() == SigningChoice(Pkcs12Key(key_file), "pass phrase")

    later.use_token.setChecked(True)
    later.token_label.setText("PIV")
    later.key_label.setText("SIGN key")
    token_choice = later.choice()
    assert token_choice is not None and isinstance(token_choice.key, TokenKey)


def test_sign_says_approval_first_and_suggests_a_file_name(
    window: MainWindow, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, the key file and location were asked for before saying it was not approved."""
    validation_id = window.selected_id()
    assert validation_id is not None
    asked: list[str] = []
    warnings: list[str] = []
    never = classmethod(lambda cls, parent=None, check=None: asked.append("key"))
    monkeypatch.setattr(SignDialog, "ask", never)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    window.menu_actions.sign_report.trigger()
    assert asked == [] and warnings and "a supervisor must approve" in warnings[0]

    approve(ctx, validation_id)
    suggested: list[str] = []
    monkeypatch.setattr(
        SignDialog, "ask", classmethod(lambda cls, parent=None, check=None: object())
    )
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (suggested.append(a[2]), ("", ""))[1]
    )
    window.menu_actions.sign_report.trigger()
    name = "Great-Lakes-Home-Goods-Inc-validation-report-v1-en.pdf"
    assert suggested and suggested[0].endswith(name)


def test_the_preview_fits_the_screen(window: MainWindow) -> None:
    """Before, it was 900 px tall: more than a 1366x768 laptop screen has."""
    from PySide6.QtCore import QRect

    from ctpat_desktop.ui.report_window import fitted_size

    laptop = fitted_size(QRect(0, 0, 1366, 728))  # 768 less a 40 px task bar
    assert laptop.height() <= 700 and laptop.width() <= 1366
    assert fitted_size(QRect(0, 0, 1366, 768)).height() <= 700
    assert fitted_size(QRect(0, 0, 2560, 1440)).height() == 900  # room to spare: full height

    window.menu_actions.preview_report.trigger()
    preview = window.report_window
    assert preview is not None
    free = preview.screen().availableGeometry()
    assert preview.height() <= free.height() and preview.width() <= free.width()
    preview.grab().save("/tmp/report-preview.png")
