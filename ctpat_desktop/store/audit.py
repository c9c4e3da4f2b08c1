"""The audit trail: every change appends an event chained to the previous one by hash."""

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ctpat_desktop.store.driver import sqlite

GENESIS = "0" * 64
_LAST_HASH = "SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1"
_INSERT = (
    "INSERT INTO audit_events (at, actor, action, kind, record_id, validation_id, changes, "
    "prev_hash, hash) VALUES (:at, :actor, :action, :kind, :record_id, :validation_id, "
    ":changes, :prev_hash, :hash)"
)


def event_hash(prev_hash: str, event: Mapping[str, Any]) -> str:
    """SHA-256 over the previous hash and the event's canonical JSON."""
    body = json.dumps(event, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(f"{prev_hash}\n{body}".encode()).hexdigest()


def append_event(
    conn: sqlite.Connection,
    *,
    at: str,
    actor: str,
    action: str,
    kind: str,
    record_id: str,
    validation_id: str | None,
    changes: Mapping[str, Any],
) -> None:
    """Append one event inside the caller's transaction."""
    last = conn.execute(_LAST_HASH).fetchone()
    prev = last[0] if last else GENESIS
    event = {
        "at": at,
        "actor": actor,
        "action": action,
        "kind": kind,
        "record_id": record_id,
        "validation_id": validation_id,
        "changes": json.dumps(changes, sort_keys=True, ensure_ascii=False),
    }
    conn.execute(_INSERT, {**event, "prev_hash": prev, "hash": event_hash(prev, event)})


@dataclass(frozen=True, slots=True)
class ChainBreak:
    """The first event whose link or content does not check out."""

    seq: int
    problem: str


def verify_chain(rows: Iterable[Mapping[str, Any]]) -> ChainBreak | None:
    """Walk events in seq order; the first broken link, or None when intact."""
    prev = GENESIS
    expected_seq = None
    for row in rows:
        seq = row["seq"]
        if expected_seq is not None and seq != expected_seq:
            return ChainBreak(expected_seq, "event missing (deleted)")
        if row["prev_hash"] != prev:
            return ChainBreak(seq, "does not link to the previous event")
        event = {k: row[k] for k in ("at", "actor", "action", "kind", "record_id")}
        event |= {"validation_id": row["validation_id"], "changes": row["changes"]}
        if event_hash(prev, event) != row["hash"]:
            return ChainBreak(seq, "content changed after it was recorded")
        prev = row["hash"]
        expected_seq = seq + 1
    return None
