"""Kill the writer process at random moments and check what it reported as saved is saved.

After each kill the data folder is opened the normal way (AppContext, in this process)
and checked: the integrity check passes, the audit chain verifies, every finding and
evidence save the writer reported is there with the values it reported, the one save the
kill interrupted is wholly there or wholly absent, every evidence row's file is there and
whole, and every backup under a final name checks out. Then the next writer continues on
the same folder.
"""

import hashlib
import json
import os
import random
import select
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import CtpatError
from ctpat_desktop.services.validations import ValidationSession
from ctpat_desktop.settings import Settings
from ctpat_desktop.store import backups
from ctpat_desktop.store.database import DB_FILE, REVISIONS
from tests.crash.writer import LOG_FILE, VALIDATION_ID, finding_values

PASSPHRASE = "crash-test passphrase"
WRITER_ENV = {
    "CTPAT_DB_PASSPHRASE": PASSPHRASE,
    "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
}
REPO = Path(__file__).resolve().parents[2]
READY_TIMEOUT = 60.0
STARTUP_SHARE = 0.2  # kills timed from the start, to land in opening, migrating, keying
STARTUP_DELAY = 0.2  # seconds, at most, for those
WRITING_DELAY = 0.3  # seconds after "ready", at most, for the others


class CrashCheckError(AssertionError):
    """The data folder after a kill broke a promise the writer had reported."""


@dataclass
class Tally:
    """What the kills did and found."""

    seed: int
    tried: int = 0
    survived: int = 0
    during_startup: int = 0
    saves_reported: int = 0
    interrupted: Counter[str] = field(default_factory=Counter)
    committed_unreported: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        """One paragraph for the test output."""
        return (
            f"crash harness (seed {self.seed}): {self.tried} kills tried, {self.survived} "
            f"survived; {self.during_startup} before the writer was ready; "
            f"{self.saves_reported} saves reported and found; kills inside a save: "
            f"{dict(self.interrupted)}; of those committed but not yet reported: "
            f"{dict(self.committed_unreported)}"
        )


@dataclass
class Expected:
    """What the database must hold, from every "saved" line so far."""

    created: bool = False
    findings: dict[str, dict[str, Any]] = field(default_factory=dict)
    evidence: dict[str, dict[str, Any]] = field(default_factory=dict)
    notes: set[str] = field(default_factory=set)
    blobs_read: set[str] = field(default_factory=set)
    log_offset: int = 0


def run_kills(data_dir: Path, kills: int, seed: int) -> Tally:
    """Start, kill and check the writer `kills` times on one data folder."""
    rng = random.Random(seed)
    tally, expected = Tally(seed), Expected()
    env = os.environ | WRITER_ENV
    for number in range(1, kills + 1):
        tally.tried = number
        try:
            ready = _run_and_kill(data_dir, rng.randrange(2**32), rng, env)
            tally.during_startup += not ready
            _check(data_dir, expected, tally)
        except (CrashCheckError, CtpatError) as exc:  # CtpatError: the folder did not open
            raise CrashCheckError(f"kill {number} (seed {seed}): {exc}") from exc
        tally.survived = number
    return tally


def _run_and_kill(
    data_dir: Path, writer_seed: int, rng: random.Random, env: dict[str, str]
) -> bool:
    """One writer run ended by SIGKILL; whether it had said it was ready."""
    stderr_path = data_dir.with_name(f"{data_dir.name}-writer-stderr.txt")
    with stderr_path.open("wb") as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.crash.writer", str(data_dir), str(writer_seed)],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=stderr,
        )
        assert proc.stdout is not None
        try:
            timed_from_start = rng.random() < STARTUP_SHARE
            if timed_from_start:
                time.sleep(rng.uniform(0, STARTUP_DELAY))
            else:
                readable, _, _ = select.select([proc.stdout], [], [], READY_TIMEOUT)
                line = proc.stdout.readline() if readable else b""
                if line != b"ready\n":
                    raise CrashCheckError(
                        f"the writer did not get ready: {stderr_path.read_text()[-2000:]}"
                    )
                time.sleep(rng.uniform(0, WRITING_DELAY))
            proc.kill()
            proc.wait()
            said = proc.stdout.read()
        finally:
            if proc.poll() is None:  # never leave a writer running, whatever went wrong
                proc.kill()
                proc.wait()
            proc.stdout.close()
    if proc.returncode != -signal.SIGKILL:
        raise CrashCheckError(
            f"the writer ended by itself (exit {proc.returncode}) before it was killed: "
            f"{stderr_path.read_text()[-2000:]}"
        )
    return not timed_from_start or said.startswith(b"ready")


def _new_lines(path: Path, expected: Expected) -> list[dict[str, Any]]:
    """The complete lines the last run appended (a kill can cut the last one short)."""
    if not path.exists():
        return []
    with path.open("rb") as handle:
        handle.seek(expected.log_offset)
        data = handle.read()
    complete = data[: data.rfind(b"\n") + 1]
    expected.log_offset += len(complete)
    return [json.loads(line) for line in complete.splitlines()]


def _check(data_dir: Path, expected: Expected, tally: Tally) -> None:
    lines = _new_lines(data_dir / LOG_FILE, expected)
    pending: dict[str, Any] | None = None
    for line in lines:
        if line["event"] == "begin":
            pending = line
            continue
        pending = None
        tally.saves_reported += 1
        _expect(expected, line)
    if pending is not None:
        tally.interrupted[pending["op"]] += 1
    if not (data_dir / DB_FILE).exists():
        if expected.created:
            raise CrashCheckError("the database file is gone")
        return
    ctx = AppContext(data_dir, Settings(user="crash-checker"))
    try:
        store = ctx.store  # (d) it opens again, migrating a half-made file if need be
        integrity = [r[0] for r in store.read("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            raise CrashCheckError(f"integrity check: {integrity[:5]}")
        broken = store.verify_audit()
        if broken is not None:
            raise CrashCheckError(f"audit chain broken at event {broken.seq}: {broken.problem}")
        for info in backups.list_backups(data_dir):
            if backups.check_backup(info.path, store.key) not in REVISIONS:
                raise CrashCheckError(f"backup {info.name} has an unknown schema")
        if not store.exists(VALIDATION_ID):
            if expected.created:
                raise CrashCheckError("the reported validation is missing")
            return
        if not expected.created and (pending is None or pending["op"] != "create"):
            raise CrashCheckError("a validation nobody reported creating is there")
        expected.created = True
        applied = _check_findings(ValidationSession(ctx, VALIDATION_ID), expected, pending)
        applied |= _check_evidence(ctx, expected, pending)
        _check_audit(ctx, expected)
        if pending is not None and applied:
            tally.committed_unreported[pending["op"]] += 1
    finally:
        ctx.close()


def _expect(expected: Expected, line: dict[str, Any]) -> None:
    """Hold the database to one reported save from now on."""
    op = line["op"]
    if op == "create":
        expected.created = True
    elif op == "finding":
        expected.findings[line["criterion"]] = {"values": line["values"], "rev": line["rev"]}
        expected.notes.add(line["values"]["note"])
    elif op == "bulk":
        for criterion, saved in line["findings"].items():
            expected.findings[criterion] = saved
            expected.notes.add(saved["values"]["note"])
    elif op == "evidence":
        expected.evidence[line["id"]] = {
            k: line[k] for k in ("filename", "criterion", "sha256", "size")
        }


def _check_findings(
    session: ValidationSession, expected: Expected, pending: dict[str, Any] | None
) -> bool:
    """Findings as reported; the interrupted save all there or all absent. Whether there."""
    actual = {
        c: {"values": finding_values(r.finding), "rev": r.rev}
        for c, r in session.findings().items()
    }
    touched: list[str] = []
    if pending is not None and pending["op"] == "finding":
        touched = [pending["criterion"]]
    elif pending is not None and pending["op"] == "bulk":
        touched = pending["criteria"]
    for criterion in sorted(set(actual) | set(expected.findings)):
        if criterion not in touched and actual.get(criterion) != expected.findings.get(criterion):
            raise CrashCheckError(
                f"finding {criterion}: reported {expected.findings.get(criterion)}, "
                f"stored {actual.get(criterion)}"
            )
    states = set()
    for criterion in touched:
        before = expected.findings.get(criterion)
        now = actual.get(criterion)
        if now == before:
            states.add(False)
            continue
        assert pending is not None
        wanted_status = pending.get("status", "met")
        rev = (before["rev"] if before else 0) + 1
        if now is None or now["values"]["note"] != pending["note"] or now["rev"] != rev:
            raise CrashCheckError(f"finding {criterion}: {now} is neither {before} nor the save")
        if now["values"]["status"] != wanted_status:
            raise CrashCheckError(f"finding {criterion}: status {now} is not {wanted_status}")
        states.add(True)
        expected.findings[criterion] = now
        expected.notes.add(pending["note"])
    if len(states) > 1:
        raise CrashCheckError(f"the interrupted bulk save is partly there: {touched}")
    return states == {True}


def _check_evidence(ctx: AppContext, expected: Expected, pending: dict[str, Any] | None) -> bool:
    """Evidence rows as reported, each file whole; the interrupted attach all or nothing."""
    actual = {
        e.id: {"filename": e.filename, "criterion": e.criterion, "sha256": e.sha256, "size": e.size}
        for e in ValidationSession(ctx, VALIDATION_ID).evidence()
    }
    for evidence_id, reported in expected.evidence.items():
        if actual.get(evidence_id) != reported:
            raise CrashCheckError(
                f"evidence {evidence_id}: reported {reported}, stored {actual.get(evidence_id)}"
            )
    extra = {k: v for k, v in actual.items() if k not in expected.evidence}
    if extra:
        interrupted = pending is not None and pending["op"] == "evidence"
        fits = interrupted and all(
            v["filename"] == pending["filename"]
            and v["criterion"] == pending["criterion"]
            and v["sha256"] == pending["sha256"]
            for v in extra.values()
        )
        if len(extra) > 1 or not fits:
            raise CrashCheckError(f"evidence nobody reported attaching: {extra}")
        expected.evidence |= extra
    # Stored files are never rewritten: each is read whole once, after the kill that added it.
    for item in actual.values():
        if item["sha256"] in expected.blobs_read:
            if not ctx.store.blobs.has(item["sha256"]):
                raise CrashCheckError(f"evidence file {item['sha256']} is gone")
            continue
        content = ctx.store.blobs.read_bytes(item["sha256"])
        if hashlib.sha256(content).hexdigest() != item["sha256"] or len(content) != item["size"]:
            raise CrashCheckError(f"evidence file {item['sha256']} is not what was attached")
        expected.blobs_read.add(item["sha256"])
    return bool(extra)


def _check_audit(ctx: AppContext, expected: Expected) -> None:
    """Every reported save has its audit event."""
    notes, attached = set(), set()
    for event in ctx.store.audit_events(VALIDATION_ID):
        changes = json.loads(event["changes"])
        if event["kind"] == "finding" and "note" in changes:
            notes.add(changes["note"][1])
        elif event["kind"] == "evidence" and event["action"] == "attach":
            attached.add(event["record_id"])
    lost_notes = expected.notes - notes
    lost_attach = set(expected.evidence) - attached
    if lost_notes or lost_attach:
        raise CrashCheckError(
            f"reported saves without an audit event: {sorted(lost_notes)[:5]} "
            f"{sorted(lost_attach)[:5]}"
        )
