"""Report → Follow-up letter…: refused with one sentence before any key while nothing is
signed; after signing, the sign dialog's key signs and records a letter (no new version)."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.report.certificates import SigningIdentity
from ctpat_desktop.report.signing import Pkcs12Key
from ctpat_desktop.services import letters, report_io
from ctpat_desktop.services.demo import create_demo
from ctpat_desktop.services.validations import ValidationSession, update_validation
from ctpat_desktop.ui.main_window import MainWindow
from ctpat_desktop.ui.runner import ImmediateRunner
from ctpat_desktop.ui.sign_dialog import SignDialog, SigningChoice
from ctpat_desktop.worksheet import Lifecycle
from tests.conftest import approve
from tests.report.conftest import PASSPHRASE, identity  # noqa: F401  (fixture)


@pytest.fixture
def window(ctx: AppContext, qtbot: QtBot) -> MainWindow:
    create_demo(ctx)
    shown = MainWindow(ctx, ImmediateRunner())
    qtbot.addWidget(shown)
    shown.search.setText("Great Lakes")
    shown.table.selectRow(0)
    return shown


def _menu_texts(window: MainWindow) -> list[str]:
    report = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Report")
    return [a.text() for a in report.actions()]


def test_a_letter_from_the_report_menu(
    window: MainWindow,
    ctx: AppContext,
    identity: SigningIdentity,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert "Follow-&up letter…" in _menu_texts(window)
    action = window.report.letter_action()
    assert action.isEnabled()
    validation_id = window.selected_id()
    assert validation_id is not None

    asked: list[str] = []
    warnings: list[str] = []
    monkeypatch.setattr(
        SignDialog, "ask", classmethod(lambda cls, parent=None, check=None: asked.append("key"))
    )
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    action.trigger()
    assert asked == [] and warnings and "no report of it has been signed yet" in warnings[0]

    update_validation(ctx, validation_id, scss="Laura Méndez")  # the key's holder
    approve(ctx, validation_id)
    key = Pkcs12Key(identity.pkcs12)
    report_io.issue_report(ctx, validation_id, tmp_path / "v1.pdf", key, lambda: PASSPHRASE)
    target = tmp_path / "letter.pdf"
    monkeypatch.setattr(
        SignDialog,
        "ask",
        classmethod(lambda cls, parent=None, check=None: SigningChoice(key, PASSPHRASE)),
    )
    suggested: list[str] = []
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *a, **k: (suggested.append(a[2]), (str(target), ""))[1],
    )
    action.trigger()
    assert suggested and suggested[0].endswith("-letter-v1-en.pdf")
    assert target.exists()
    assert "Follow-up letter signed by Laura Méndez" in window.statusBar().currentMessage()
    [letter] = letters.issued_view(ctx, validation_id)["letters"]
    assert letter["file_name"] == "letter.pdf" and letter["report_version"] == 1
    session = ValidationSession(ctx, validation_id)
    assert session.validation.status is Lifecycle.SIGNED
    assert [r.version for r in session.reports()] == [1]
