"""A process that saves findings, evidence and backups as fast as it can until killed.

Run as ``python -m tests.crash.writer DATA_DIR SEED``. It writes only through the services
the GUI and CLI use, and appends one JSON line to ``DATA_DIR/crash-writer.jsonl`` before
each save ("begin", with the values it is about to save) and one after the save returned
("saved", with the values the service returned). A "saved" line is a promise the harness
holds the database to; a "begin" without its "saved" marks the save the kill interrupted.
It prints "ready" on stdout once the data folder is open.
"""

import hashlib
import json
import os
import random
import sys
from datetime import date
from pathlib import Path
from typing import Any

from ctpat_desktop.app import AppContext
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.settings import Settings
from ctpat_desktop.store import backups
from ctpat_desktop.worksheet import Finding, FindingStatus

LOG_FILE = "crash-writer.jsonl"
VALIDATION_ID = "c7a5e0de-5afe-4000-8000-00000000c0de"
ACTOR = "crash-writer"
# How often each kind of save is picked; a bulk save, a large evidence file and a backup
# take longer, so more kills land inside them than these weights alone suggest.
OPERATIONS = {"finding": 60, "evidence": 20, "bulk": 15, "backup": 0.5}
EVIDENCE_SIZES = {100: 5, 5_000: 4, 100_000: 1}


def finding_values(finding: Finding) -> dict[str, Any]:
    """The fields of a finding the harness compares, as JSON values."""
    return {
        "status": finding.status.value,
        "reasons": list(finding.reasons),
        "note": finding.note,
        "action": finding.action,
        "due": finding.due.isoformat() if finding.due else None,
    }


class Log:
    """The append-only side file; each line goes out in one write() system call."""

    def __init__(self, path: Path) -> None:
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)

    def __call__(self, event: str, **fields: Any) -> None:
        line = json.dumps({"event": event, **fields}, sort_keys=True) + "\n"
        os.write(self._fd, line.encode())


def main(argv: list[str]) -> None:
    """Open the data folder, then save forever."""
    data_dir, seed = Path(argv[0]), int(argv[1])
    rng = random.Random(seed)
    data_dir.mkdir(parents=True, exist_ok=True)
    log = Log(data_dir / LOG_FILE)
    ctx = AppContext(data_dir, Settings(user=ACTOR))
    if not ctx.store.exists(VALIDATION_ID):
        log("begin", op="create")
        plan_validation(
            ctx,
            member="Crash Test Imports",
            account="US-CRASH-1",
            entity="importer",
            on=date(2026, 3, 2),
            validation_id=VALIDATION_ID,
        )
        log("saved", op="create")
    session = ValidationSession(ctx, VALIDATION_ID)
    criteria = [c.id for c in session.catalog.criteria]
    reason = session.reasons[0].code
    print("ready", flush=True)
    operations = dict(OPERATIONS)
    for number in range(sys.maxsize):
        token = f"run {seed} save {number}"
        operation = rng.choices(list(operations), weights=list(operations.values()))[0]
        if operation == "finding":
            criterion = rng.choice(criteria)
            status = rng.choice(["met", "exceeds", "not-met"])
            log("begin", op=operation, criterion=criterion, status=status, note=token)
            record = session.record_finding(
                criterion,
                status=status,
                note=token,
                reasons=[reason] if status == "not-met" else None,
                action=f"Fix: {token}" if status == "not-met" else None,
            )
            log(
                "saved",
                op=operation,
                criterion=criterion,
                values=finding_values(record.finding),
                rev=record.rev,
            )
        elif operation == "bulk":
            chosen = rng.sample(criteria, rng.randint(5, 40))
            log("begin", op=operation, criteria=chosen, note=token)
            records = session.replace_findings(
                [Finding(c, FindingStatus.MET, note=token) for c in chosen]
            )
            log(
                "saved",
                op=operation,
                findings={
                    c: {"values": finding_values(r.finding), "rev": r.rev}
                    for c, r in zip(chosen, records, strict=True)
                },
            )
        elif operation == "evidence":
            size = rng.choices(list(EVIDENCE_SIZES), weights=list(EVIDENCE_SIZES.values()))[0]
            content = rng.randbytes(size)
            criterion = rng.choice([None, *criteria])
            sha256 = hashlib.sha256(content).hexdigest()
            filename = f"{token}.png"
            log("begin", op=operation, filename=filename, criterion=criterion, sha256=sha256)
            evidence = session.attach_evidence_bytes(content, filename, criterion)
            log(
                "saved",
                op=operation,
                id=evidence.id,
                filename=evidence.filename,
                criterion=evidence.criterion,
                sha256=evidence.sha256,
                size=evidence.size,
            )
        else:
            del operations["backup"]  # one per run: a backup of a grown database is slow
            log("begin", op=operation)
            path = backups.make_backup(data_dir, ctx.store.key, keep=2)
            log("saved", op=operation, name=path.name)


if __name__ == "__main__":
    main(sys.argv[1:])
