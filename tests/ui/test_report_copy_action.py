"""Report → Save a copy of the signed report…: disabled until the selected validation has a
signed version; writes the kept copy byte for byte, asking which one when there are several."""

import hashlib
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.report.certificates import SigningIdentity
from ctpat_desktop.report.signing import Pkcs12Key
from ctpat_desktop.services import letters, report_io
from ctpat_desktop.services.demo import SAMPLES, create_demo
from ctpat_desktop.services.validations import update_validation
from ctpat_desktop.ui.main_window import MainWindow
from ctpat_desktop.ui.runner import ImmediateRunner
from ctpat_desktop.worksheet import Lifecycle
from tests.conftest import approve
from tests.report.conftest import PASSPHRASE, identity  # noqa: F401  (fixture)

SIGNED = next(s for s in SAMPLES if s.status is Lifecycle.SIGNED)


@pytest.fixture
def window(ctx: AppContext, qtbot: QtBot) -> MainWindow:
    create_demo(ctx)
    shown = MainWindow(ctx, ImmediateRunner())
    qtbot.addWidget(shown)
    return shown


def _select(window: MainWindow, member: str) -> str:
    window.search.setText(member)
    window.table.selectRow(0)
    selected = window.selected_id()
    assert selected is not None
    return selected


def _menu_texts(window: MainWindow) -> list[str]:
    report = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Report")
    return [a.text() for a in report.actions()]


def _save_to(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[str]:
    suggested: list[str] = []
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *a, **k: (suggested.append(a[2]), (str(target), ""))[1],
    )
    return suggested


def test_the_demo_signed_report_is_saved_from_the_menu(
    window: MainWindow, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    action = window.report.copy_action()
    assert "Save a &copy of the signed report…" in _menu_texts(window)
    assert not action.isEnabled()  # nothing selected
    _select(window, "Great Lakes")
    assert not action.isEnabled()  # not signed
    validation_id = _select(window, SIGNED.member)
    assert action.isEnabled()

    (record,) = ctx.store.reports(validation_id)
    target = tmp_path / "copy.pdf"
    suggested = _save_to(monkeypatch, target)
    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a: asked.append("which") or ("", False))
    action.trigger()
    assert asked == []  # one signed version: nothing to choose
    assert suggested and suggested[0].endswith(record.file_name)
    assert hashlib.sha256(target.read_bytes()).hexdigest() == record.sha256
    assert window.statusBar().currentMessage() == (f"Signed report version 1 saved to {target}")


def test_several_versions_are_chosen_from_and_a_lost_copy_said_in_a_sentence(
    window: MainWindow,
    ctx: AppContext,
    identity: SigningIdentity,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    validation_id = _select(window, "Great Lakes")
    action = window.report.copy_action()
    assert not action.isEnabled()  # nothing signed yet
    update_validation(ctx, validation_id, scss="Laura Méndez")  # the key's holder
    approve(ctx, validation_id)
    key = Pkcs12Key(identity.pkcs12)
    report_io.issue_report(ctx, validation_id, tmp_path / "v1.pdf", key, lambda: PASSPHRASE)
    spanish = tmp_path / "v1-es.pdf"
    letters.issue_rendition(
        ctx, validation_id, spanish, key, lambda: PASSPHRASE, language="es", version=1
    )
    window.refresh()  # as the window does after it signs
    assert action.isEnabled()

    offered: list[list[str]] = []

    def choose(_parent: object, _title: str, _label: str, items: list[str], *_a: object) -> object:
        offered.append(list(items))
        return items[1], True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    target = tmp_path / "copia.pdf"
    _save_to(monkeypatch, target)
    action.trigger()
    (names,) = offered
    assert names[0].startswith("Version 1 in English, signed ")
    assert names[1].startswith("Version 1, rendition in Español, signed ")
    assert names[1].endswith(" by Laura Méndez")
    assert target.read_bytes() == spanish.read_bytes()

    # The kept copy is gone (as for a version signed before copies were kept): one sentence.
    (record,) = ctx.store.reports(validation_id)
    ctx.store.blobs.path_of(record.sha256).unlink()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(QInputDialog, "getItem", lambda _p, _t, _l, items, *_a: (items[0], True))
    lost = tmp_path / "lost.pdf"
    _save_to(monkeypatch, lost)
    action.trigger()
    assert shown == [
        "No copy of report version 1 is kept in this data folder: it was signed before "
        "signed documents were kept, or on another computer"
    ]
    assert not lost.exists()
