"""The GUI shows a new folder's recovery code until it is kept, and recovers a locked folder."""

import stat
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.secrets import SERVICE
from ctpat_desktop.services.validations import plan_validation
from ctpat_desktop.settings import Settings
from ctpat_desktop.store import keys, recovery
from ctpat_desktop.ui import main as gui
from ctpat_desktop.ui.recovery_dialog import RecoverDialog
from tests.keyring_backend import FileKeyring


def test_a_new_folder_shows_its_code_until_the_person_has_kept_it(
    data_dir: Path, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = AppContext(data_dir, Settings(user="ana"))
    gui.unlock_or_recover(ctx)
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = gui.offer_recovery_code(ctx, parent)
    assert dialog is not None and dialog.isVisible()
    assert dialog.code_label.text() == ctx.new_recovery_code
    dialog.reject()  # closed without saying it is kept: shown again at the next start
    assert recovery.unshown_code(data_dir) == ctx.new_recovery_code
    ctx.close()

    later = AppContext(data_dir, Settings(user="ana"))
    later.unlock()
    assert later.new_recovery_code is None  # no new code: the waiting one is shown
    dialog = gui.offer_recovery_code(later, parent)
    assert dialog is not None
    saved = tmp_path / "kept.txt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(saved), ""))
    dialog.save.click()
    assert recovery.read_code_file(saved) == dialog.code_label.text()
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert not dialog.ok.isEnabled()  # OK only once the person says so
    dialog.kept.setChecked(True)
    dialog.ok.click()
    assert recovery.unshown_code(data_dir) is None
    assert gui.offer_recovery_code(later, parent) is None
    later.close()


def test_the_gui_starts_and_quits_with_the_code_dialog_open(data_dir: Path) -> None:
    """The smoke run's timer closes the code dialog too (it must not hang the app)."""
    ctx = AppContext(data_dir, Settings(user="ana"))
    assert gui.run_gui(ctx, quit_after=0.1) == 0
    assert recovery.unshown_code(data_dir) is not None  # not acknowledged: still waits
    ctx.close()


def test_a_folder_whose_key_is_lost_is_opened_with_its_code(
    data_dir: Path, qtbot: QtBot, memory_keyring: FileKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = AppContext(data_dir, Settings(user="ana"))
    plan_validation(made, member="Acme", account="US-1001", entity="importer")
    code = made.new_recovery_code
    made.close()
    assert code is not None
    memory_keyring.delete_password(SERVICE, keys.keyring_name(data_dir))

    asked: list[tuple[str, str]] = []
    answers = iter([recovery.new_code(), code])

    def typed(why: str, error: str = "", parent: QWidget | None = None) -> str:
        asked.append((why, error))
        return next(answers)

    monkeypatch.setattr(RecoverDialog, "ask", staticmethod(typed))
    ctx = AppContext(data_dir)
    assert gui.run_gui(ctx, quit_after=0.05) == 0
    assert "not in this computer's keyring" in asked[0][0] and asked[0][1] == ""
    assert "not the one of" in asked[1][1]  # the wrong code was said, and asked again
    assert [s.validation.member.name for s in ctx.store.list_validations()] == ["Acme"]
    ctx.close()


def test_giving_up_on_recovery_says_why_and_opens_nothing(
    data_dir: Path, memory_keyring: FileKeyring, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    made = AppContext(data_dir, Settings(user="ana"))
    made.unlock()
    made.close()
    memory_keyring.delete_password(SERVICE, keys.keyring_name(data_dir))
    monkeypatch.setattr(RecoverDialog, "ask", staticmethod(lambda *_a, **_k: None))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    assert gui.run_gui(AppContext(data_dir), quit_after=0.05) == 1
    assert "ctpat-desktop recover" in shown[0]
    assert QApplication.instance() is not None


def test_the_recover_dialog_reads_a_code_file(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = recovery.new_code()
    kept = tmp_path / "code.txt"
    recovery.write_code_file(kept, code, tmp_path / "data")
    dialog = RecoverDialog("locked", "")
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(kept), ""))
    dialog._open_file()
    assert dialog.code.text() == code
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(tmp_path), ""))
    dialog._open_file()
    assert "not a regular file" in dialog.problem.text()
