"""Sync in the GUI: log in, Sync now, the status, conflicts — against the real hub."""

import keyring
import pytest
from keyring.backends import fail
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.services import sync_io
from ctpat_desktop.store.repository import finding_id
from ctpat_desktop.ui.main_window import MainWindow
from ctpat_desktop.ui.runner import ImmediateRunner
from tests.hubkit import ServedHub
from tests.sync.conftest import Laptop, sync
from tests.sync.helpers import findings_of, planned, session


def _window(ctx: AppContext, qtbot: QtBot, background: bool = False) -> MainWindow:
    # In the background: the window's own TaskRunner, as the app runs it.
    window = MainWindow(ctx, None if background else ImmediateRunner())
    qtbot.addWidget(window)
    return window


def _log_in(window: MainWindow, url: str, token: str) -> None:
    dialog = window.sync.login_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.server.setText(url)
    dialog.token.setText(token)
    dialog.buttons.accepted.emit()


def test_first_sync_asks_for_a_login_then_remembers_it(
    hub_server: ServedHub,
    miami: dict[str, str],
    laptop: Laptop,
    qtbot: QtBot,
    memory_keyring: object,
) -> None:
    ana = laptop("ana")
    validation_id = planned(ana)
    window = _window(ana, qtbot)
    qtbot.waitUntil(lambda: "no hub set" in window.sync.label.text())
    window.sync.sync_now.trigger()
    _log_in(window, hub_server.url, miami["ana"])
    assert window.sync.label.text().startswith("Sync: 0 changes waiting · last synced ")
    assert hub_server.hub.record("validation", validation_id) is not None
    assert sync_io.hub_token(hub_server.url, None) == (miami["ana"], False)  # in the keyring
    assert ana.settings.hub_url == hub_server.url

    session(ana, validation_id).record_finding("1.1", status="met")
    window.refresh()
    # The finding, and its validation now in progress.
    qtbot.waitUntil(lambda: "2 changes waiting" in window.sync.label.text())
    window.sync.login_dialog = None
    window.sync.sync_now.trigger()
    assert window.sync.login_dialog is None  # no second login
    assert "0 changes waiting" in window.sync.label.text()


def test_a_wrong_token_brings_the_login_back_with_the_reason(
    hub_server: ServedHub, laptop: Laptop, qtbot: QtBot
) -> None:
    ana = laptop("ana")
    planned(ana)
    window = _window(ana, qtbot)
    window.sync.sync_now.trigger()
    _log_in(window, hub_server.url, "not-a-token")
    again = window.sync.login_dialog
    assert again is not None and again.isVisible()
    assert "refused the token" in again.message.text()
    assert sync_io.status(ana)["pending"] == 3


def test_without_a_keyring_the_token_lives_in_memory_only(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop, qtbot: QtBot
) -> None:
    keyring.set_keyring(fail.Keyring())
    ana = laptop("ana")
    planned(ana)
    window = _window(ana, qtbot)
    window.sync.sync_now.trigger()
    _log_in(window, hub_server.url, miami["ana"])
    assert "0 changes waiting" in window.sync.label.text()
    assert sync_io.hub_token(hub_server.url, None)[0] == miami["ana"]
    sync_io.forget_token(hub_server.url)
    with pytest.raises(Exception, match="no token"):
        sync_io.hub_token(hub_server.url, None)


def test_a_conflict_opens_the_dialog_with_both_values(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop, qtbot: QtBot
) -> None:
    ana, ben = laptop("ana"), laptop("ben")
    validation_id = planned(ana)
    sync(ana, hub_server.url, miami["ana"])
    sync(ben, hub_server.url, miami["ben"])
    session(ana, validation_id).record_finding("4.1", status="met", note="Seals checked")
    session(ben, validation_id).record_finding("4.1", status="met", note="Seals not shown")
    sync(ana, hub_server.url, miami["ana"])
    sync_io.remember_token(hub_server.url, miami["ben"])
    window = _window(ben, qtbot)
    window.sync.sync_now.trigger()
    dialog = window.sync.conflict_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.table.rowCount() == 1
    row = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert row[1:] == ["Criterion 4.1", "note", "Seals not shown", "Seals checked", "ana"]
    assert "1 conflict to resolve" in window.sync.label.text()
    dialog.keep_theirs.click()
    assert dialog.table.rowCount() == 0 and dialog.status.text() == "No conflicts left."
    assert "conflict" not in window.sync.label.text()
    assert findings_of(ben, validation_id)["4.1"].note == "Seals checked"


def test_sync_runs_in_the_background_with_progress(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop, qtbot: QtBot
) -> None:
    ana = laptop("ana")
    validation_id = planned(ana)
    for number in range(1, 5):
        session(ana, validation_id).record_finding(f"4.{number}", status="met")
    sync_io.remember_token(hub_server.url, miami["ana"])
    ana.settings = ana.settings.__class__(user="ana", office="Miami", hub_url=hub_server.url)
    window = _window(ana, qtbot, background=True)
    stages: list[str] = []
    window.sync.progress.connect(lambda stage, _done, _total: stages.append(stage))
    with qtbot.waitSignal(window.sync.synced, timeout=20000):
        window.sync.sync_now.trigger()
    assert "push" in stages and "pull" in stages
    qtbot.waitUntil(lambda: "0 changes waiting" in window.sync.label.text())
    window.close()


def test_refused_changes_are_shown_with_the_way_to_fix_them(
    hub_server: ServedHub,
    miami: dict[str, str],
    laptop: Laptop,
    qtbot: QtBot,
    memory_keyring: object,
) -> None:
    ana = laptop("ana")
    validation_id = planned(ana, office="Laredo")  # not ana's office on the hub
    window = _window(ana, qtbot)
    window.sync.sync_now.trigger()
    _log_in(window, hub_server.url, miami["ana"])
    box = window.sync.error_box
    assert box is not None and box.isVisible()
    assert box.windowTitle() == "Changes refused by the hub"
    assert "everything else was synced" in box.text() and "Edit validation" in box.text()
    assert validation_id[:8] in box.detailedText() and "Laredo" in box.detailedText()


def test_a_sync_can_be_stopped_between_steps_and_goes_on_later(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop, qtbot: QtBot
) -> None:
    ana = laptop("ana")
    validation_id = planned(ana)
    window = _window(ana, qtbot)
    window.sync.sync_now.trigger()
    _log_in(window, hub_server.url, miami["ana"])
    for criterion in ("1.1", "1.2", "1.3"):
        session(ana, validation_id).record_finding(criterion, status="met")
    assert not window.sync.stop_sync.isEnabled()  # nothing to stop

    def stop_at_once(_stage: str, _done: int, _total: int) -> None:
        assert window.sync.stop_sync.isEnabled()
        window.sync.stop_sync.trigger()

    window.sync.progress.connect(stop_at_once)
    window.sync.sync_now.trigger()  # stopped after its first step: the push
    window.sync.progress.disconnect(stop_at_once)
    assert "Sync stopped" in window.statusBar().currentMessage()
    assert not window.sync.running and not window.sync.stop_sync.isEnabled()
    assert hub_server.hub.record("finding", finding_id(validation_id, "1.3")) is not None

    window.sync.sync_now.trigger()  # goes on from there
    assert "0 changes waiting" in window.sync.label.text()
    assert sync_io.status(ana)["last_error"] == ""
