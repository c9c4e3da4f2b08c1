"""The audit window shows the store's events, narrows them as asked and says if the chain holds."""

import csv
import threading
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.services.audit_view import CSV_HEADERS, change_lines
from ctpat_desktop.services.demo import create_demo
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.store import audit
from ctpat_desktop.ui.audit_window import AuditTrailModel, AuditWindow, chain_message
from ctpat_desktop.ui.runner import ImmediateRunner, TaskRunner
from tests.conftest import approve, raw_connection

NOTE = "pallet seals unlogged at dock 4"
OLD_DAY = date(2025, 1, 15)


@dataclass(frozen=True)
class Trail:
    """The test's data: the demo's validations plus one worked by hand."""

    validation_id: str
    resolve_seq: int


def _append(ctx: AppContext, **event: Any) -> int:
    """An event chained as the store chains it (for dates and shapes the services make rarely)."""
    with ctx.store.transaction() as conn:
        audit.append_event(conn, **event)
    return int(ctx.store.audit_events()[-1]["seq"])


@pytest.fixture
def trail(ctx: AppContext) -> Trail:
    create_demo(ctx)
    validation = plan_validation(ctx, member="Acme Imports", account="US-1234", entity="importer")
    session = ValidationSession(ctx, validation.id)
    session.record_finding("1.1", status="met", note=NOTE)
    session.record_finding("1.1", status="not-met", reasons=["no-written-procedure"])
    approve(ctx, validation.id)
    session.record_finding("1.2", status="met")
    resolve_seq = _append(
        ctx,
        at=f"{OLD_DAY.isoformat()}T12:00:00.000000Z",
        actor="hub-sync",
        action="resolve",
        kind="finding",
        record_id="0f6b2c1e-aaaa-4bbb-8ccc-123456789abc",
        validation_id=validation.id,
        changes={
            "kept": "theirs",
            "fields": {"status": {"mine": "met", "theirs": "not-met", "by": "Sam Supervisor"}},
        },
    )
    return Trail(validation.id, resolve_seq)


def open_window(ctx: AppContext, qtbot: QtBot, validation_id: str | None = None) -> AuditWindow:
    window = AuditWindow(ctx, ImmediateRunner(), validation_id=validation_id)
    qtbot.addWidget(window)
    return window


def shown_seqs(window: AuditWindow) -> set[int]:
    return {row.seq for row in window.model.rows()}


def choose(combo: QComboBox, value: str | None) -> None:
    found = combo.findData(value)
    assert found >= 0, f"{value!r} is not offered"
    combo.setCurrentIndex(found)


def local_day(at: str) -> date:
    return datetime.fromisoformat(at).astimezone().date()


def row_of(window: AuditWindow, seq: int) -> int:
    return next(n for n, row in enumerate(window.model.rows()) if row.seq == seq)


def cell(
    window: AuditWindow, seq: int, column: int, role: int = Qt.ItemDataRole.DisplayRole
) -> Any:
    return window.model.index(row_of(window, seq), column).data(role)


def test_shows_every_event_of_the_store(
    ctx: AppContext, trail: Trail, qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    window = open_window(ctx, qtbot)
    events = ctx.store.audit_events()
    assert shown_seqs(window) == {e["seq"] for e in events}
    for event in events[:: len(events) // 20]:
        seq = event["seq"]
        assert cell(window, seq, 0) == seq
        assert cell(window, seq, 2) == event["actor"]
        assert cell(window, seq, 3) == event["action"]
        assert cell(window, seq, 1).startswith(local_day(event["at"]).isoformat())
    member = next(e for e in events if e["kind"] == "member")
    assert cell(window, member["seq"], 4) == f"member {member['record_id'][:8]}"
    assert window.statusBar().currentMessage() == f"{len(events):,} events"
    qtmodeltester.check(window.model)


def test_a_finding_status_change_reads_old_to_new(
    ctx: AppContext, trail: Trail, qtbot: QtBot
) -> None:
    window = open_window(ctx, qtbot)
    update = next(
        e
        for e in ctx.store.audit_events(trail.validation_id)
        if e["kind"] == "finding" and e["action"] == "update"
    )
    assert cell(window, update["seq"], 4) == "finding 1.1"
    shown = cell(window, update["seq"], 5)
    assert shown.startswith("status: met → not met; reasons: — → no written procedure")
    tooltip = cell(window, update["seq"], 5, Qt.ItemDataRole.ToolTipRole)
    assert tooltip.splitlines()[:2] == [
        "status: met → not met",
        "reasons: — → no written procedure",
    ]
    resolved = cell(window, trail.resolve_seq, 5)
    assert resolved == "status: met → not met (took the hub's, by Sam Supervisor)"


def test_long_values_are_cut_with_the_whole_text_in_the_tooltip(
    ctx: AppContext, qtbot: QtBot
) -> None:
    validation = plan_validation(ctx, member="Acme Imports", account="US-1234", entity="importer")
    note = "The seal log at the north dock " + "is kept on paper and signed weekly " * 4 + "END"
    ValidationSession(ctx, validation.id).record_finding("1.1", status="met", note=note)
    window = open_window(ctx, qtbot)
    seq = next(e["seq"] for e in reversed(ctx.store.audit_events()) if e["kind"] == "finding")
    shown = cell(window, seq, 5)
    assert "…" in shown and "END" not in shown and len(shown) < len(note)
    assert f"note: — → {note}" in cell(window, seq, 5, Qt.ItemDataRole.ToolTipRole)


def test_each_filter_narrows_to_what_the_store_holds(
    ctx: AppContext, trail: Trail, qtbot: QtBot
) -> None:
    window = open_window(ctx, qtbot)
    events = ctx.store.audit_events()
    everything = {e["seq"] for e in events}

    choose(window.validation_filter, trail.validation_id)
    assert shown_seqs(window) == {e["seq"] for e in ctx.store.audit_events(trail.validation_id)}
    choose(window.validation_filter, None)
    assert shown_seqs(window) == everything

    choose(window.actor_filter, "Sam Supervisor")
    supervisor = {e["seq"] for e in events if e["actor"] == "Sam Supervisor"}
    assert shown_seqs(window) == supervisor and len(supervisor) == 1
    choose(window.actor_filter, None)

    choose(window.action_filter, "approval withdrawn")
    withdrawn = {e["seq"] for e in events if e["action"] == "approval withdrawn"}
    assert shown_seqs(window) == withdrawn and len(withdrawn) == 1
    choose(window.action_filter, "import")
    imported = {e["seq"] for e in events if e["action"] == "import"}
    assert shown_seqs(window) == imported and len(imported) > 100
    assert window.statusBar().currentMessage() == (
        f"Showing {len(imported):,} of {len(events):,} events"
    )
    choose(window.action_filter, None)

    window.search.setText("PALLET Seals")
    assert shown_seqs(window) == {e["seq"] for e in events if NOTE in e["changes"]}
    window.search.setText("met → not met")
    assert {trail.resolve_seq} < shown_seqs(window) < everything
    window.search.clear()

    window.start.setDate(QDate(OLD_DAY.year, OLD_DAY.month, OLD_DAY.day))
    window.end.setDate(QDate(OLD_DAY.year, OLD_DAY.month, OLD_DAY.day))
    on_the_day = {e["seq"] for e in events if local_day(e["at"]) == OLD_DAY}
    assert shown_seqs(window) == on_the_day == {trail.resolve_seq}
    window.end.setDate(window.end.minimumDate())
    assert shown_seqs(window) == {e["seq"] for e in events if local_day(e["at"]) >= OLD_DAY}
    tomorrow = date.today() + timedelta(days=1)
    window.start.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    assert shown_seqs(window) == set()
    window.start.setDate(window.start.minimumDate())
    assert shown_seqs(window) == everything


def test_filters_combine_and_survive_a_refresh(ctx: AppContext, trail: Trail, qtbot: QtBot) -> None:
    window = open_window(ctx, qtbot, validation_id=trail.validation_id)
    assert window.validation_filter.currentData() == trail.validation_id
    assert shown_seqs(window) == {e["seq"] for e in ctx.store.audit_events(trail.validation_id)}
    choose(window.actor_filter, "tester")
    expected = {
        e["seq"] for e in ctx.store.audit_events(trail.validation_id) if e["actor"] == "tester"
    }
    assert shown_seqs(window) == expected
    ValidationSession(ctx, trail.validation_id).record_finding("1.3", status="met")
    window.menu_actions.refresh.trigger()
    assert window.actor_filter.currentData() == "tester"
    assert window.validation_filter.currentData() == trail.validation_id
    assert shown_seqs(window) == expected | {ctx.store.audit_events()[-1]["seq"]}


def test_says_in_words_that_the_chain_is_intact(ctx: AppContext, qtbot: QtBot) -> None:
    create_demo(ctx)
    window = open_window(ctx, qtbot)
    count = len(ctx.store.audit_events())
    assert window.chain_status.text() == (
        f"Audit trail intact: {count:,} events, each chained to the one before"
    )


def test_says_where_the_chain_is_broken_after_tampering(
    ctx: AppContext, trail: Trail, qtbot: QtBot, data_dir: Path
) -> None:
    window = open_window(ctx, qtbot)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    seq = ctx.store.audit_events()[57]["seq"]
    with raw_connection(data_dir) as conn:
        conn.execute("UPDATE audit_events SET actor = 'mallory' WHERE seq = ?", (seq,))
    conn.close()

    qtbot.keyClick(window.table, Qt.Key.Key_F5)
    assert window.chain_status.text() == (
        f"Broken at event {seq}: content changed after it was recorded. "
        f"Events 1 to {seq - 1} check out; do not trust the trail from {seq} on."
    )
    assert window.chain_status.accessibleDescription() == window.chain_status.text()
    assert cell(window, seq, 2) == "mallory"
    assert cell(window, seq, 0, Qt.ItemDataRole.ToolTipRole) == (
        "The chain breaks here: content changed after it was recorded"
    )
    assert cell(window, seq, 0, Qt.ItemDataRole.BackgroundRole) is not None
    assert cell(window, seq + 1, 0, Qt.ItemDataRole.BackgroundRole) is None


def test_export_writes_the_filtered_rows_as_csv(
    ctx: AppContext, trail: Trail, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    formula = _append(
        ctx,
        at="2026-02-01T09:30:00.000000Z",
        actor="=HYPERLINK(1)",
        action="update",
        kind="member",
        record_id="d18ecc3e-0dd3-5d93-85b8-042fd9592397",
        validation_id=None,
        changes={"name": ["Old Name", "New Name"]},
    )
    window = open_window(ctx, qtbot)
    target = tmp_path / "audit.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    choose(window.validation_filter, trail.validation_id)
    window.menu_actions.export_csv.trigger()

    with target.open(encoding="utf-8-sig", newline="") as stream:
        header, *rows = list(csv.reader(stream))
    assert tuple(header) == CSV_HEADERS
    events = {e["seq"]: e for e in ctx.store.audit_events(trail.validation_id)}
    assert [int(r[0]) for r in rows] == [row.seq for row in window.model.rows()]
    assert {int(r[0]) for r in rows} == set(events)
    by_seq = {int(r[0]): dict(zip(header, r, strict=True)) for r in rows}
    update = next(
        s for s, e in events.items() if e["action"] == "update" and e["kind"] == "finding"
    )
    assert by_seq[update]["Old → New"].startswith(
        "status: met → not met\nreasons: — → no written procedure"
    )
    assert by_seq[update]["Validation"].startswith("Acme Imports — ")
    assert by_seq[update]["When (UTC)"] == events[update]["at"]

    choose(window.validation_filter, None)
    choose(window.actor_filter, "=HYPERLINK(1)")
    window.menu_actions.export_csv.trigger()
    with target.open(encoding="utf-8-sig", newline="") as stream:
        (row,) = list(csv.DictReader(stream))
    assert (int(row["Event"]), row["Who"]) == (formula, "'=HYPERLINK(1)")
    assert row["Old → New"] == "name: Old Name → New Name"

    target.unlink()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    window.menu_actions.export_csv.trigger()
    assert not target.exists()


def test_ctrl_f_goes_to_the_search_field(ctx: AppContext, trail: Trail, qtbot: QtBot) -> None:
    window = open_window(ctx, qtbot)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search


def test_selecting_an_event_shows_all_of_it(ctx: AppContext, trail: Trail, qtbot: QtBot) -> None:
    window = open_window(ctx, qtbot)
    window.table.selectRow(row_of(window, trail.resolve_seq))
    details = window.details.toPlainText()
    assert details.startswith(f"Event {trail.resolve_seq}, ")
    assert "Who: hub-sync" in details and "Validation: Acme Imports — " in details
    assert details.endswith("status: met → not met (took the hub's, by Sam Supervisor)")

    choose(window.actor_filter, "hub-sync")
    assert window.selected_seq() == trail.resolve_seq
    assert window.details.toPlainText() == details
    window.search.setText("no such words anywhere")
    assert window.selected_seq() is None
    assert window.details.toPlainText() == ""


def test_every_control_has_an_accessible_name(ctx: AppContext, qtbot: QtBot) -> None:
    window = open_window(ctx, qtbot)
    controls = [
        w
        for w in window.findChildren(QWidget)
        if isinstance(w, QComboBox | QDateEdit | QTableView | QPlainTextEdit)
        or (isinstance(w, QLineEdit) and not isinstance(w.parent(), QAbstractSpinBox | QComboBox))
    ]
    assert len(controls) == 8
    assert all(w.accessibleName() for w in controls), [type(w).__name__ for w in controls]
    assert window.chain_status.accessibleName()


def test_reads_the_store_off_the_gui_thread(
    ctx: AppContext, trail: Trail, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []
    read = ctx.store.audit_events

    def audit_events(validation_id: str | None = None) -> list[dict[str, Any]]:
        threads.append(threading.current_thread())
        return read(validation_id)

    monkeypatch.setattr(ctx.store, "audit_events", audit_events)
    runner = TaskRunner()
    window = AuditWindow(ctx, runner)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.trail is not None)
    runner.wait()
    assert threads and threading.main_thread() not in threads
    assert window.model.total() == len(read())


@pytest.mark.parametrize(
    ("kind", "changes", "lines"),
    [
        (
            "validation",
            '{"status": ["approved", "in-review"], "why": "changed after approval"}',
            ["status: approved → in review", "why: changed after approval"],
        ),
        (
            "finding",
            '{"kept": "mine", "fields": {"note": {"mine": "a", "theirs": "b", "by": "lee"}}}',
            ["note: kept a; set aside b (by lee)"],
        ),
        (
            "validation",
            '{"archived": [null, false], "office": [null, ""], "participants": [null, "[]"]}',
            ["archived: — → no"],
        ),
        (
            "evidence",
            '{"criterion": "4.8", "filename": "seal.jpg"}',
            [
                "criterion: 4.8",
                "filename: seal.jpg",
            ],
        ),
        ("finding", '{"criterion": "4.8", "note": ["same", "same"]}', ["no visible change"]),
        ("finding", "not json {", ["not json {"]),
    ],
)
def test_change_shapes_read_as_lines(kind: str, changes: str, lines: list[str]) -> None:
    assert change_lines(kind, changes, None) == lines


@pytest.mark.parametrize(
    ("verdict", "message"),
    [
        ({"ok": True, "events": 0, "anchors": []}, "Audit trail intact: no events recorded yet"),
        (
            {"ok": True, "events": 1, "anchors": []},
            "Audit trail intact: 1 event, each chained to the one before",
        ),
        (
            {"ok": True, "events": 1234, "anchors": [{"where": "the hub"}]},
            "Audit trail intact: 1,234 events, each chained to the one before; "
            "none missing since the hub",
        ),
        (
            {"ok": False, "first_break": {"seq": 1, "problem": "event missing (deleted)"}},
            "Broken at event 1: event missing (deleted).",
        ),
    ],
)
def test_chain_messages(verdict: dict[str, Any], message: str) -> None:
    assert chain_message(verdict) == message


def test_sorting_keeps_the_selection(ctx: AppContext, trail: Trail, qtbot: QtBot) -> None:
    window = open_window(ctx, qtbot)
    window.table.selectRow(row_of(window, trail.resolve_seq))
    window.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    actors = [row.actor.casefold() for row in window.model.rows()]
    assert actors == sorted(actors)
    (selected,) = window.table.selectionModel().selectedRows()
    assert selected.data(AuditTrailModel.RowRole).seq == trail.resolve_seq
    window.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    seqs = [row.seq for row in window.model.rows()]
    assert seqs == sorted(seqs, reverse=True)
