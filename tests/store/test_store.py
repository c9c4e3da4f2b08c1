"""The store through the services: durable findings, evidence, audit trail, locking."""

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import NotFoundError, RuleError
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.settings import Settings
from ctpat_desktop.worksheet import FindingStatus, Lifecycle
from tests.conftest import raw_connection


@pytest.fixture
def session(ctx: AppContext) -> ValidationSession:
    validation = plan_validation(
        ctx, member="Acme Imports", account="US-1001", entity="importer", on=date(2026, 3, 2)
    )
    return ValidationSession(ctx, validation.id)


def test_finding_survives_reopening(
    ctx: AppContext, session: ValidationSession, data_dir: Path
) -> None:
    session.record_finding("4.8", status="not-met", reasons=["training-gap"], action="Train")
    ctx.close()
    reopened = AppContext(data_dir, Settings(user="tester"))
    try:
        record = ValidationSession(reopened, session.id[:8]).findings()["4.8"]
    finally:
        reopened.close()
    assert record.finding.status is FindingStatus.NOT_MET
    assert record.finding.due == date(2026, 5, 31)
    assert record.updated_by == "tester"


def test_changing_status_clears_what_only_not_met_carries(session: ValidationSession) -> None:
    session.record_finding("2.1", status="not-met", reasons=["no-evidence"], action="Do it")
    record = session.record_finding("2.1", status="met", note="Shown on screen")
    assert (
        record.finding.reasons == () and record.finding.action == "" and record.finding.due is None
    )
    assert record.rev == 2


def test_rule_violation_writes_nothing(ctx: AppContext, session: ValidationSession) -> None:
    events = len(ctx.store.audit_events())
    with pytest.raises(RuleError):
        session.record_finding("2.1", status="not-met")
    assert session.findings() == {}
    assert len(ctx.store.audit_events()) == events


def test_unknown_criterion_and_id(ctx: AppContext, session: ValidationSession) -> None:
    with pytest.raises(NotFoundError, match=r"criterion '5\.7' is not in the U\.S\. Importers"):
        session.record_finding("5.7", status="met")
    with pytest.raises(NotFoundError, match=r"no validation with ID 'ffffffff'"):
        ValidationSession(ctx, "ffffffff")


def test_audit_trail_records_old_and_new_and_detects_tampering(
    ctx: AppContext, session: ValidationSession, data_dir: Path
) -> None:
    session.record_finding("1.1", status="met")
    session.record_finding("1.1", status="exceeds", note="Board-level security committee")
    events = ctx.store.audit_events(session.id)
    last = events[-1]
    assert last["actor"] == "tester" and last["kind"] == "finding"
    assert '"status": ["met", "exceeds"]' in last["changes"]
    assert ctx.store.verify_audit() is None
    ctx.close()

    with raw_connection(data_dir) as conn:
        conn.execute("UPDATE audit_events SET actor = 'mallory' WHERE seq = ?", (last["seq"] - 1,))
    conn.close()
    broken = ctx.store.verify_audit()
    assert broken is not None and broken.seq == last["seq"] - 1
    assert "content changed" in broken.problem
    ctx.close()

    with raw_connection(data_dir) as conn:
        conn.execute("DELETE FROM audit_events WHERE seq = ?", (last["seq"] - 1,))
    conn.close()
    broken = ctx.store.verify_audit()
    assert broken is not None and "missing" in broken.problem


def test_evidence_is_stored_once_by_hash(
    ctx: AppContext, session: ValidationSession, tmp_path: Path
) -> None:
    shot = tmp_path / "screen.png"
    shot.write_bytes(b"\x89PNG fake screenshot bytes")
    first = session.attach_evidence(shot, "4.8")
    copy = tmp_path / "same.png"
    copy.write_bytes(shot.read_bytes())
    second = session.attach_evidence(copy, "4.9")
    assert first.sha256 == second.sha256
    stored = [p for p in (ctx.data_dir / "evidence").rglob("*") if p.is_file()]
    assert len(stored) == 1 and stored[0].name == first.sha256
    assert [e.criterion for e in session.evidence()] == ["4.8", "4.9"]
    assert first.media_type == "image/png"


def test_missing_evidence_file_is_one_clear_error(
    session: ValidationSession, tmp_path: Path
) -> None:
    with pytest.raises(NotFoundError, match=r"nothing.png: file not found"):
        session.attach_evidence(tmp_path / "nothing.png", "4.8")
    assert session.evidence() == []


def test_signed_validation_is_locked(ctx: AppContext, session: ValidationSession) -> None:
    session.record_finding("1.1", status="met")
    ctx.store.set_status(session.id, Lifecycle.SIGNED, "supervisor")
    with pytest.raises(RuleError, match=r"signed and locked"):
        session.record_finding("1.1", status="not-applicable")
    assert session.findings()["1.1"].finding.status is FindingStatus.MET


def test_member_rename_is_audited(ctx: AppContext) -> None:
    plan_validation(ctx, member="Acme Imports", account="US-1001", entity="importer")
    plan_validation(ctx, member="Acme Imports LLC", account="US-1001", entity="exporter")
    summaries = ctx.store.list_validations()
    assert {s.validation.member.name for s in summaries} == {"Acme Imports LLC"}
    renames = [
        e for e in ctx.store.audit_events() if e["kind"] == "member" and e["action"] == "update"
    ]
    assert len(renames) == 1


_CLOSE_WHILE_READING = """
import sys, threading, time
from pathlib import Path
from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import StoreError
from ctpat_desktop.services.demo import create_demo
from ctpat_desktop.settings import Settings

data_dir = Path(sys.argv[1])
create_demo(AppContext(data_dir, Settings(user="tester")))
for attempt in range(20):
    ctx = AppContext(data_dir, Settings(user="tester"))
    store = ctx.store
    outcome = []

    def read_until_closed():
        try:
            while True:
                store.read("SELECT a.*, b.id FROM audit_events a, findings b LIMIT 5000")
        except StoreError as exc:
            outcome.append(str(exc))

    reader = threading.Thread(target=read_until_closed)
    reader.start()
    time.sleep(0.002 * attempt)
    ctx.close()
    reader.join()
    assert outcome == ["the data folder has been closed"], outcome
print("closed 20 times under a reader")
"""


def test_closing_while_another_thread_reads_is_an_error_not_a_crash(tmp_path: Path) -> None:
    # A window's background task could still be reading when the app closed the store:
    # the connection closed under it and the process died (SIGSEGV) in a CI run.
    run = subprocess.run(
        [sys.executable, "-c", _CLOSE_WHILE_READING, str(tmp_path / "data")],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "closed 20 times under a reader" in run.stdout
