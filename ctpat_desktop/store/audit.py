"""The audit trail: every change appends an event chained to the previous one by hash."""

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ctpat_desktop.store.driver import sqlite

GENESIS = "0" * 64
# The hash of the last event, for a caller's SELECT that reads it with its own row.
LAST_HASH = "SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1"
_INSERT = (
    "INSERT INTO audit_events (at, actor, action, kind, record_id, validation_id, changes, "
    "prev_hash, hash) VALUES (:at, :actor, :action, :kind, :record_id, :validation_id, "
    ":changes, :prev_hash, :hash)"
)
# Made once: json.dumps with options builds a new encoder on every call (a saved finding
# serialises twice); the text is the same.
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)
_CHANGES = json.JSONEncoder(sort_keys=True, ensure_ascii=False)
# A JSON string of a text, as both encoders write it (ensure_ascii=False).
_quoted: Callable[[str], str] = json.encoder.encode_basestring


def event_hash(prev_hash: str, event: Mapping[str, Any]) -> str:
    """SHA-256 over the previous hash and the event's canonical JSON."""
    body = _CANONICAL.encode(event)
    return hashlib.sha256(f"{prev_hash}\n{body}".encode()).hexdigest()


def _text(value: str | None) -> str:
    return "null" if value is None else _quoted(value)


def _canonical_event(
    at: str,
    actor: str,
    action: str,
    kind: str,
    record_id: str,
    validation_id: str | None,
    changes: str,
) -> str:
    """The canonical JSON of an event of texts, as _CANONICAL writes it (keys sorted, no
    spaces), put together directly: the encoder's walk was a good part of a save's time.
    tests/store/test_audit_verify.py holds the two equal."""
    return (
        f'{{"action":{_quoted(action)},"actor":{_quoted(actor)},"at":{_quoted(at)},'
        f'"changes":{_quoted(changes)},"kind":{_quoted(kind)},'
        f'"record_id":{_quoted(record_id)},"validation_id":{_text(validation_id)}}}'
    )


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
    prev_hash: str | None = None,
) -> None:
    """Append one event inside the caller's transaction.

    prev_hash: the last event's hash (GENESIS when there is none), when the caller read it
    in this transaction already (LAST_HASH as a column of its own SELECT); None reads it.
    """
    if prev_hash is None:
        last = conn.execute(LAST_HASH).fetchone()
        prev = last[0] if last else GENESIS
    else:
        prev = prev_hash
    text = _CHANGES.encode(changes)
    body = _canonical_event(at, actor, action, kind, record_id, validation_id, text)
    conn.execute(
        _INSERT,
        {
            "at": at,
            "actor": actor,
            "action": action,
            "kind": kind,
            "record_id": record_id,
            "validation_id": validation_id,
            "changes": text,
            "prev_hash": prev,
            "hash": hashlib.sha256(f"{prev}\n{body}".encode()).hexdigest(),
        },
    )


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
