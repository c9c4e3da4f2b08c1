"""The laptop's side of sync: pending changes, what the hub confirmed, conflicts.

Every synced record has a row in ``sync_base``: the hub's revision and fields as last
confirmed, and the local ``rev`` they correspond to. A record whose local ``rev`` differs
(or that has no base) has changes to push. Mutations go into ``sync_sent`` before they
leave the laptop (for the hub or a bundle) and stay there until the hub answers, so a
lost reply is resent with the same idempotency key and the hub replays its first answer.
"""

import json
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ctpat_desktop.catalog import catalog_from_dict
from ctpat_desktop.errors import CtpatError, NotFoundError
from ctpat_desktop.records.kinds import BY_NAME as VISIT_BY_NAME
from ctpat_desktop.records.kinds import LOCKED_BY_SIGNING
from ctpat_desktop.records.sql import STAMPS
from ctpat_desktop.records.validation import STAMPS as VALIDATION_STAMPS
from ctpat_desktop.records.validation import VALIDATION
from ctpat_desktop.store import Store, audit
from ctpat_desktop.store.database import LOCK_TRIGGERS, LOCKED_MESSAGE, lock_trigger_sql
from ctpat_desktop.store.driver import sqlite
from ctpat_desktop.store.repository import utc_now
from ctpat_desktop.sync.meaning import check_catalog, check_record
from ctpat_desktop.sync.merge import merge
from ctpat_desktop.sync.protocol import (
    APPLIED,
    BOOL,
    BOOL_NULL,
    KIND_BY_NAME,
    KINDS,
    REJECTED,
    SIGNED_DOCUMENT_KINDS,
    STALE,
    Change,
    Kind,
    Mutation,
    ProtocolError,
    parse_change,
)
from ctpat_desktop.worksheet.model import FINDING_MAP, Finding
from ctpat_desktop.worksheet.rules import NOT_MET_ONLY

DELETED = "deleted"  # merged like a field, sent beside the fields
# Kinds whose rows a signed validation locks (store/database.py LOCK_TRIGGERS).
_LOCKED_KINDS = ("finding", "evidence", *LOCKED_BY_SIGNING)
# Tables with rev and deleted.
_VERSIONED = ("member", "validation", "evidence", "finding", "period", *VISIT_BY_NAME)
_STAMPS: dict[str, tuple[str, ...]] = {
    "member": ("updated_at",),
    VALIDATION.name: VALIDATION_STAMPS,
    "finding": ("updated_at", "updated_by"),
    **dict.fromkeys(VISIT_BY_NAME, STAMPS),
}
# A finding nobody has touched: the base of a finding this laptop created before it ever
# synced, so only fields it really set can clash with a colleague's.
# A finding's fields as an empty finding holds them (the table's form), from the declaration
# (records/finding.py): what a field a laptop or hub of an earlier release lacks is taken as.
_FINDING_DEFAULTS: dict[str, Any] = {
    name: value for name, value in FINDING_MAP.row(Finding("")).items() if name != "criterion"
}


class SyncStateError(CtpatError):
    """The local sync state does not allow this step (the message says why)."""


@dataclass(frozen=True, slots=True)
class Conflict:
    """A field changed here and on the hub to different values; both are kept."""

    id: int
    kind: str
    record_id: str
    field: str
    local_value: Any
    server_value: Any
    server_by: str
    validation_id: str | None
    criterion: str | None


@dataclass(slots=True)
class Settled:
    """What the hub's answers to one push did locally."""

    applied: int = 0
    merged: int = 0
    rejected: list[dict[str, str]] = field(default_factory=list)
    new_conflicts: int = 0


@dataclass(slots=True)
class Applied:
    """What one page of the change feed did locally."""

    applied: int = 0
    known: int = 0
    parked: int = 0
    new_conflicts: int = 0


def _wire(kind: Kind, row: sqlite.Row | Mapping[str, Any]) -> dict[str, Any]:
    """A local row's fields as JSON values (SQLite keeps booleans as 0/1)."""
    out: dict[str, Any] = {}
    for name, spec in kind.fields.items():
        value = row[name]
        if spec in (BOOL, BOOL_NULL) and value is not None:
            value = bool(value)
        out[name] = value
    return out


def _local_id_sql(kind: Kind) -> str:
    return "t.entity || '@' || t.version" if kind.name == "catalog" else "t.id"


def _record_validation(kind: Kind, record_id: str, fields: Mapping[str, Any]) -> str | None:
    if kind.scope == "id":
        return record_id
    if kind.scope:
        return str(fields.get(kind.scope))
    return None


class LocalSync:
    """Sync bookkeeping on one data folder's database."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # State -----------------------------------------------------------------------------

    def state(self, key: str, default: str = "") -> str:
        """One value of the sync state (checkpoint, server, last sync …)."""
        rows = self.store.read("SELECT value FROM sync_state WHERE key = ?", (key,))
        return str(rows[0]["value"]) if rows else default

    def hub_copy(self, kind: str, record_id: str) -> dict[str, Any] | None:
        """The record's fields as the hub last confirmed them, or None if it never did."""
        rows = self.store.read(
            "SELECT fields FROM sync_base WHERE kind = ? AND id = ?", (kind, record_id)
        )
        return json.loads(rows[0]["fields"]) if rows else None

    def install_id(self) -> str:
        """This data folder's installation id (made once): names its audit anchor at the hub."""
        install = self.state("install")
        if not install:
            install = str(uuid.uuid4())
            self.set_state({"install": install})
        return install

    def set_state(self, values: Mapping[str, str]) -> None:
        """Write state values in one transaction."""
        with self.store.transaction() as conn:
            self._set_state(conn, values)

    @staticmethod
    def _set_state(conn: sqlite.Connection, values: Mapping[str, str]) -> None:
        conn.executemany(
            "INSERT INTO sync_state (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            list(values.items()),
        )

    # Outgoing --------------------------------------------------------------------------

    def _pending_rows(self, kind: Kind, columns: str = "t.*, ") -> list[sqlite.Row]:
        local_id = _local_id_sql(kind)
        rev = "t.rev" if kind.name in _VERSIONED else "1"
        return self.store.read(
            f"SELECT {columns}{local_id} AS sync_id, {rev} AS sync_rev, b.local_rev AS b_local, "
            "b.server_rev AS b_rev, b.fields AS b_fields, b.deleted AS b_deleted, "
            "(SELECT MAX(s.local_rev) FROM sync_sent s WHERE s.kind = :kind "
            f"AND s.id = {local_id}) AS s_local "
            f"FROM {kind.table} t LEFT JOIN sync_base b ON b.kind = :kind AND b.id = {local_id} "
            f"WHERE COALESCE(s_local, b.local_rev, -2) != {rev}",
            {"kind": kind.name},
        )

    def pending_count(self) -> int:
        """Records with changes the hub has not confirmed yet (their IDs only are read: the
        status bar asks this at every start, and a record may be a 100 kB catalog)."""
        waiting = {(r["kind"], r["id"]) for r in self.store.read("SELECT kind, id FROM sync_sent")}
        for kind in KINDS:
            waiting.update((kind.name, r["sync_id"]) for r in self._pending_rows(kind, ""))
        return len(waiting)

    def _conflicted(self) -> set[tuple[str, str, str]]:
        rows = self.store.read("SELECT kind, record_id, field FROM sync_conflicts")
        return {(r["kind"], r["record_id"], r["field"]) for r in rows}

    def _sent_chains(self) -> dict[tuple[str, str], list[Mutation]]:
        chains: dict[tuple[str, str], list[Mutation]] = {}
        for row in self.store.read("SELECT mutation FROM sync_sent ORDER BY seq"):
            mutation = _mutation_from_json(row["mutation"])
            chains.setdefault((mutation.kind, mutation.id), []).append(mutation)
        return chains

    def prepare(self, skip: Iterable[tuple[str, str]] = ()) -> int:
        """Turn local changes into mutations in sync_sent (parents first); how many."""
        skipped = set(skip)
        conflicted = self._conflicted()
        chains = self._sent_chains()
        new: list[tuple[Mutation, int]] = []
        clean: list[tuple[int, str, str]] = []
        for kind in KINDS:
            defaults = _FINDING_DEFAULTS if kind.name == "finding" else {}
            for row in self._pending_rows(kind):
                record_id, rev = row["sync_id"], row["sync_rev"]
                if (kind.name, record_id) in skipped:
                    continue
                local = _wire(kind, row)
                deleted = bool(row["deleted"]) if kind.name in _VERSIONED else False
                held = False
                if row["b_rev"] is None and (kind.name, record_id) not in chains:
                    fields, base_rev, base_deleted = local, 0, None
                else:
                    # A base kept before a field was added had that field's default.
                    base = (
                        {**kind.added, **json.loads(row["b_fields"])}
                        if row["b_fields"]
                        else dict(defaults)
                    )
                    base_rev = row["b_rev"] or 0
                    base_deleted = bool(row["b_deleted"])
                    for sent in chains.get((kind.name, record_id), ()):
                        base.update(sent.fields)
                        base_rev, base_deleted = sent.base_rev + 1, sent.deleted
                    changed = {n: v for n, v in local.items() if v != base.get(n)}
                    fields = {
                        n: v
                        for n, v in changed.items()
                        if (kind.name, record_id, n) not in conflicted
                    }
                    # A field held by an open conflict waits for the SCSS's choice; the
                    # record is not clean while it differs, so the hub's next change to
                    # it is merged (and the conflict updated), never simply taken.
                    held = len(changed) > len(fields)
                    if base_rev == 0:
                        fields = local
                if base_rev and not fields and deleted == base_deleted:
                    if not held:
                        clean.append((rev, kind.name, record_id))
                    continue
                mutation = Mutation(
                    str(uuid.uuid4()), kind.name, record_id, base_rev, fields, deleted
                )
                new.append((mutation, rev))
        # Signing locks a validation on the hub too: its last findings must arrive first;
        # follow-up records are taken only once it is signed there, so they come after.
        new.sort(key=lambda item: _push_last(item[0]))
        with self.store.transaction() as conn:
            conn.executemany(
                "INSERT INTO sync_sent (kind, id, key, local_rev, mutation) VALUES (?, ?, ?, ?, ?)",
                [
                    (m.kind, m.id, m.key, rev, json.dumps(m.to_json(), ensure_ascii=False))
                    for m, rev in new
                ],
            )
            conn.executemany("UPDATE sync_base SET local_rev = ? WHERE kind = ? AND id = ?", clean)
        return len(new)

    def outbox(self) -> list[Mutation]:
        """The mutations waiting for the hub's answer, in the order they must be sent."""
        rows = self.store.read("SELECT mutation FROM sync_sent ORDER BY seq")
        return [_mutation_from_json(r["mutation"]) for r in rows]

    def outbox_blobs(self, mutations: Sequence[Mutation]) -> list[str]:
        """SHA-256 of the evidence content the given mutations need on the hub."""
        wanted: list[str] = []
        for mutation in mutations:
            if mutation.kind != "evidence" or mutation.deleted:
                continue
            sha = self._content_of(mutation)
            if sha is not None and sha not in wanted:
                wanted.append(sha)
        return wanted

    def _content_of(self, mutation: Mutation) -> str | None:
        """The SHA-256 of the content a mutation's record names (evidence, a signed
        document): from its fields, else from the record as stored (a partial change)."""
        sha = mutation.fields.get("sha256")
        if sha is None:
            table = KIND_BY_NAME[mutation.kind].table
            row = self.store.read(f"SELECT sha256 FROM {table} WHERE id = ?", (mutation.id,))
            sha = row[0]["sha256"] if row else None
        return sha if isinstance(sha, str) else None

    def outbox_documents(self, mutations: Sequence[Mutation]) -> tuple[list[str], list[str]]:
        """The files of the signed documents (reports, renditions, letters) the given
        mutations record: (SHA-256 of those kept here, IDs of the records with no file kept
        here, signed before files were kept; they go up without one)."""
        kept: list[str] = []
        not_kept: list[str] = []
        for mutation in mutations:
            if mutation.kind not in SIGNED_DOCUMENT_KINDS or mutation.deleted:
                continue
            sha = self._content_of(mutation)
            if sha is None:
                continue
            if not self.store.blobs.has(sha):
                not_kept.append(mutation.id)
            elif sha not in kept:
                kept.append(sha)
        return kept, not_kept

    def synced_documents(self) -> tuple[list[str], list[str]]:
        """The files of the signed documents whose records the hub has confirmed or sent:
        (SHA-256 of those kept here, of those not). For the one catch-up after files began
        to move: a record synced before then went without its file."""
        kept: list[str] = []
        missing: list[str] = []
        for name in SIGNED_DOCUMENT_KINDS:
            table = KIND_BY_NAME[name].table
            rows = self.store.read(
                f"SELECT DISTINCT t.sha256 FROM {table} t JOIN sync_base b "
                "ON b.kind = ? AND b.id = t.id ORDER BY t.sha256",
                (name,),
            )
            for row in rows:
                sha = str(row["sha256"])
                found = kept if self.store.blobs.has(sha) else missing
                if sha not in kept and sha not in missing:
                    found.append(sha)
        return kept, missing

    def settle(
        self, mutations: Sequence[Mutation], results: Sequence[Mapping[str, Any]], actor: str
    ) -> Settled:
        """Record the hub's answers to a push in one transaction (stale ones are merged)."""
        if len(results) != len(mutations):
            raise ProtocolError(
                f"the hub answered {len(results)} of {len(mutations)} changes pushed"
            )
        outcome = Settled()
        with self.store.transaction() as conn:
            for mutation, result in zip(mutations, results, strict=True):
                if not isinstance(result, Mapping) or result.get("key") != mutation.key:
                    raise ProtocolError("the hub's answers do not match the changes pushed")
                kind = KIND_BY_NAME[mutation.kind]
                status = result.get("outcome")
                if status == APPLIED:
                    self._confirm(conn, kind, mutation, result)
                    outcome.applied += 1
                    continue
                # The rest of this record's chain was built on a base the hub did not take.
                conn.execute(
                    "DELETE FROM sync_sent WHERE kind = ? AND id = ?", (kind.name, mutation.id)
                )
                if status == STALE:
                    current = parse_change(result.get("current"))
                    if (current.kind, current.id) != (kind.name, mutation.id):
                        raise ProtocolError("the hub's stale answer names another record")
                    done = self._apply_change(conn, current, actor)
                    outcome.merged += 1
                    outcome.new_conflicts += done.new_conflicts
                elif status == REJECTED:
                    outcome.rejected.append(
                        {
                            "kind": kind.name,
                            "id": mutation.id,
                            "error": str(result.get("error", "refused by the hub")),
                        }
                    )
                else:
                    raise ProtocolError(f"unknown outcome {status!r} in the hub's answer")
        return outcome

    def _confirm(
        self, conn: sqlite.Connection, kind: Kind, mutation: Mutation, result: Mapping[str, Any]
    ) -> None:
        rev, seq = result.get("rev"), result.get("seq")
        if type(rev) is not int or type(seq) is not int:
            raise ProtocolError("the hub's answer lacks the revision of an applied change")
        sent = conn.execute(
            "SELECT seq, local_rev FROM sync_sent WHERE key = ?", (mutation.key,)
        ).fetchone()
        if sent is None:  # answered twice in one push; the first answer counted
            return
        base = conn.execute(
            "SELECT fields FROM sync_base WHERE kind = ? AND id = ?", (kind.name, mutation.id)
        ).fetchone()
        fields = json.loads(base["fields"]) if base and mutation.base_rev else {}
        fields.update(mutation.fields)
        _write_base(
            conn, kind.name, mutation.id, sent["local_rev"], rev, seq, mutation.deleted, fields
        )
        conn.execute("DELETE FROM sync_sent WHERE seq = ?", (sent["seq"],))

    # A hub restored from an older copy ------------------------------------------------

    def start_rebase(self, from_epoch: str) -> None:
        """The hub went back (restored from an older copy): pull everything again and
        take stock. Nothing in flight is trusted; every record this laptop knew is marked
        unseen until the hub shows its copy of it."""
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM sync_sent")
            conn.execute("UPDATE sync_base SET server_seq = -1, local_rev = -1")
            self._set_state(conn, {"since": "0", "rebase_from": from_epoch})

    def finish_rebase(self) -> None:
        """Records the restored hub no longer holds are created on it again (next push)."""
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM sync_base WHERE server_seq = -1")
            self._set_state(conn, {"rebase_from": ""})

    def _rebased(
        self, conn: sqlite.Connection, change: Change, base: sqlite.Row, from_epoch: str
    ) -> bool:
        """Settle a change pulled while taking stock; True if nothing more is to be done.

        A record as the hub held it before the restore, at a revision this laptop had
        already seen or passed, is behind: its copy becomes the base, so what this laptop
        holds beyond it goes up again at the next push (the lost changes come back).
        """
        restored = change.epoch in ("", from_epoch)
        if restored and change.rev <= base["server_rev"]:
            _write_base(
                conn,
                change.kind,
                change.id,
                -1,
                change.rev,
                change.seq,
                change.deleted,
                change.fields,
            )
            return True
        return False

    # Incoming --------------------------------------------------------------------------

    def apply_page(self, changes: Sequence[Change], next_seq: int, actor: str) -> Applied:
        """Apply one page of the change feed and save the checkpoint, in one transaction."""
        total = Applied()
        ordered = sorted(changes, key=lambda c: (_KIND_ORDER[c.kind], c.seq))
        rebase_from = self.state("rebase_from") or None
        with self.store.transaction() as conn, _hub_writes_past_locks(conn, ordered):
            for change in ordered:
                done = self._apply_change(conn, change, actor, rebase_from)
                total.applied += done.applied
                total.known += done.known
                total.parked += done.parked
                total.new_conflicts += done.new_conflicts
            self._set_state(conn, {"since": str(next_seq)})
        return total

    def retry_parked(self, actor: str) -> Applied:
        """Apply changes that waited for a parent (or an unlock), until none moves."""
        total = Applied()
        while True:
            rows = self.store.read("SELECT change FROM sync_parked ORDER BY seq")
            if not rows:
                return total
            before = len(rows)
            changes = [parse_change(json.loads(row["change"])) for row in rows]
            with self.store.transaction() as conn, _hub_writes_past_locks(conn, changes):
                for change in changes:
                    conn.execute(
                        "DELETE FROM sync_parked WHERE kind = ? AND id = ?",
                        (change.kind, change.id),
                    )
                    done = self._apply_change(conn, change, actor)
                    total.applied += done.applied
                    total.new_conflicts += done.new_conflicts
            after = len(self.store.read("SELECT 1 FROM sync_parked"))
            if after >= before:
                total.parked = after
                return total

    def parked(self) -> list[dict[str, Any]]:
        """Changes from the hub that could not be applied yet, with the reason."""
        rows = self.store.read("SELECT kind, id, problem FROM sync_parked ORDER BY seq")
        return [{"kind": r["kind"], "id": r["id"], "problem": r["problem"]} for r in rows]

    def missing_blobs(self, changes: Iterable[Change]) -> list[str]:
        """Evidence content named by changes that this laptop does not hold."""
        wanted: list[str] = []
        for change in changes:
            if change.kind == "evidence" and not change.deleted:
                sha = str(change.fields["sha256"])
                if not self.store.blobs.has(sha) and sha not in wanted:
                    wanted.append(sha)
        return wanted

    def store_blob(self, sha256: str, content: bytes) -> None:
        """Keep downloaded evidence content (its hash checked) before its record arrives."""
        self.store.blobs.put_bytes(content, expected_sha256=sha256)
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO blobs (sha256, size, stored_at) VALUES (?, ?, ?)",
                (sha256, len(content), utc_now()),
            )

    def missing_documents(self, changes: Iterable[Change]) -> list[str]:
        """The files of signed documents recorded by changes new to this laptop (a record it
        already holds was sent from here, or came before) that it does not hold."""
        wanted: list[str] = []
        for change in changes:
            if change.kind not in SIGNED_DOCUMENT_KINDS or change.deleted:
                continue
            sha = change.fields.get("sha256")
            if not isinstance(sha, str) or sha in wanted or self.store.blobs.has(sha):
                continue
            if not self.store.read(
                "SELECT 1 FROM sync_base WHERE kind = ? AND id = ?", (change.kind, change.id)
            ):
                wanted.append(sha)
        return wanted

    def store_document(self, sha256: str, content: bytes) -> None:
        """Keep a signed document's downloaded file (its hash checked) as signing keeps one
        (services/report_copy.py): sealed in the content store, named by its SHA-256."""
        self.store.blobs.put_bytes(content, expected_sha256=sha256)

    def _apply_change(
        self,
        conn: sqlite.Connection,
        change: Change,
        actor: str,
        rebase_from: str | None = None,
    ) -> Applied:
        kind = KIND_BY_NAME[change.kind]
        outcome = Applied()
        base = conn.execute(
            "SELECT * FROM sync_base WHERE kind = ? AND id = ?", (kind.name, change.id)
        ).fetchone()
        strict = False
        if rebase_from is not None and base is not None:
            if self._rebased(conn, change, base, rebase_from):
                outcome.known = 1
                return outcome
            # Written since the restore (or beyond what this laptop saw): merged, and a
            # field it holds otherwise than this laptop knew it is a conflict, not taken.
            strict = True
        elif base is not None and base["server_rev"] >= change.rev:
            outcome.known = 1
            return outcome
        if self._sent_and_confirmed(conn, change):
            outcome.known = 1
            return outcome
        conn.execute("SAVEPOINT apply_change")
        try:
            local_rev, conflicts = self._write_change(conn, kind, change, base, actor, strict)
        except (sqlite.IntegrityError, CtpatError, ValueError) as exc:
            conn.execute("ROLLBACK TO apply_change")
            conn.execute("RELEASE apply_change")
            if LOCKED_MESSAGE in str(exc):
                problem = "its validation is signed on this laptop"
            elif isinstance(exc, sqlite.IntegrityError):
                problem = f"waiting for the record it belongs to ({exc})"
            else:
                problem = f"cannot be applied: {exc}"
            conn.execute(
                "INSERT OR REPLACE INTO sync_parked (kind, id, seq, change, problem) "
                "VALUES (?, ?, ?, ?, ?)",
                (kind.name, change.id, change.seq, json.dumps(change.to_json()), problem),
            )
            outcome.parked = 1
            return outcome
        conn.execute("RELEASE apply_change")
        self._save_base(conn, change, local_rev)
        outcome.applied = 1
        outcome.new_conflicts = conflicts
        return outcome

    def _sent_and_confirmed(self, conn: sqlite.Connection, change: Change) -> bool:
        """Settle a change that went out in a bundle and now comes back from the hub.

        If the hub's record is exactly what the first unconfirmed mutation made of it, that
        mutation is confirmed. Otherwise the unconfirmed ones are dropped: they were built
        on a base the hub has moved past, and the record is merged as usual (the local
        values are still there, so they are pushed again from the new base if needed).
        """
        sent = conn.execute(
            "SELECT seq, local_rev, mutation FROM sync_sent WHERE kind = ? AND id = ? "
            "ORDER BY seq LIMIT 1",
            (change.kind, change.id),
        ).fetchone()
        if sent is None:
            return False
        mutation = _mutation_from_json(sent["mutation"])
        if (
            change.rev == mutation.base_rev + 1
            and change.deleted == mutation.deleted
            and all(change.fields.get(name) == value for name, value in mutation.fields.items())
        ):
            self._save_base(conn, change, sent["local_rev"])
            conn.execute("DELETE FROM sync_sent WHERE seq = ?", (sent["seq"],))
            return True
        conn.execute("DELETE FROM sync_sent WHERE kind = ? AND id = ?", (change.kind, change.id))
        return False

    def _save_base(self, conn: sqlite.Connection, change: Change, local_rev: int) -> None:
        _write_base(
            conn,
            change.kind,
            change.id,
            local_rev,
            change.rev,
            change.seq,
            change.deleted,
            change.fields,
        )

    def _local_row(self, conn: sqlite.Connection, kind: Kind, record_id: str) -> sqlite.Row | None:
        if kind.name == "catalog":
            entity, _, version = record_id.partition("@")
            return conn.execute(
                "SELECT * FROM catalog_snapshots WHERE entity = ? AND version = ?",
                (entity, version),
            ).fetchone()
        return conn.execute(f"SELECT * FROM {kind.table} WHERE id = ?", (record_id,)).fetchone()

    def _write_change(
        self,
        conn: sqlite.Connection,
        kind: Kind,
        change: Change,
        base: sqlite.Row | None,
        actor: str,
        strict: bool = False,
    ) -> tuple[int, int]:
        """Bring the local record up to the hub's change; (local rev to record, conflicts).

        A record whose values mean nothing (a RuleError) is refused before anything is
        written; the caller parks it and says so, and every other record goes on.
        """
        if not change.deleted:
            check_record(kind.name, change.fields)
        server = dict(change.fields)
        row = self._local_row(conn, kind, change.id)
        if row is None:
            self._insert(conn, kind, change)
            self._audit(conn, kind, change.id, change.updated_by, dict.fromkeys(server), server)
            return 1, 0
        if kind.immutable:
            return 1, 0
        local = _wire(kind, row) | {DELETED: bool(row["deleted"])}
        server[DELETED] = change.deleted
        # Local changes not yet on the hub, or a conflict still open: a field in conflict
        # holds this laptop's value on purpose (until resolved), so the hub's next change
        # is merged with it, never written over it.
        open_conflict = conn.execute(
            "SELECT 1 FROM sync_conflicts WHERE kind = ? AND record_id = ? LIMIT 1",
            (kind.name, change.id),
        ).fetchone()
        pending = base is None or base["local_rev"] != row["rev"] or open_conflict is not None
        conflicts: dict[str, tuple[Any, Any]] = {}
        if not pending:
            merged = server
        else:
            base_fields = {**kind.added, **json.loads(base["fields"])} if base is not None else {}
            if base is None and kind.name == "finding":
                base_fields = dict(_FINDING_DEFAULTS)
            if base is not None:
                base_fields[DELETED] = bool(base["deleted"])
            merged, conflicts = merge(base_fields, local, server, strict)
            if kind.name == "finding" and "status" in conflicts:
                _hold_status_group(merged, conflicts, local, server)
        diff = {
            name: (local[name], value) for name, value in merged.items() if local[name] != value
        }
        rev = row["rev"]
        if diff:
            self._update(conn, kind, change, {name: new for name, (_old, new) in diff.items()})
            rev += 1
            who = change.updated_by if not pending else f"{actor} (merged with {change.updated_by})"
            self._audit(conn, kind, change.id, who, {k: o for k, (o, _n) in diff.items()}, merged)
        self._record_conflicts(conn, kind, change, conflicts, local, server)
        clean = all(merged[name] == server[name] or name in conflicts for name in server)
        return (rev if clean else -1), len(conflicts)

    def _record_conflicts(
        self,
        conn: sqlite.Connection,
        kind: Kind,
        change: Change,
        conflicts: Mapping[str, tuple[Any, Any]],
        local: Mapping[str, Any],
        server: Mapping[str, Any],
    ) -> None:
        # An open conflict the hub has now settled the same way as this laptop goes away.
        for row in conn.execute(
            "SELECT id, field FROM sync_conflicts WHERE kind = ? AND record_id = ?",
            (kind.name, change.id),
        ).fetchall():
            name = row["field"]
            if name not in conflicts and local.get(name) == server.get(name):
                conn.execute("DELETE FROM sync_conflicts WHERE id = ?", (row["id"],))
        for name, (mine, theirs) in conflicts.items():
            conn.execute(
                "INSERT INTO sync_conflicts (kind, record_id, field, local_value, server_value, "
                "server_rev, server_by, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (kind, record_id, field) DO UPDATE SET "
                "local_value = excluded.local_value, server_value = excluded.server_value, "
                "server_rev = excluded.server_rev, server_by = excluded.server_by",
                (
                    kind.name,
                    change.id,
                    name,
                    json.dumps(mine, ensure_ascii=False),
                    json.dumps(theirs, ensure_ascii=False),
                    change.rev,
                    change.updated_by,
                    utc_now(),
                ),
            )

    def _insert(self, conn: sqlite.Connection, kind: Kind, change: Change) -> None:
        values = dict(change.fields)
        if kind.name == "catalog":
            _check_catalog(change, self.store.schema_dir)
        if kind.name == "evidence":
            sha = str(values["sha256"])
            if not self.store.blobs.has(sha):
                raise NotFoundError(f"evidence content {sha[:12]}… not downloaded yet")
            conn.execute(
                "INSERT OR IGNORE INTO blobs (sha256, size, stored_at) VALUES (?, ?, ?)",
                (sha, self.store.blobs.size_of(sha), utc_now()),
            )
        if kind.name != "catalog":
            values["id"] = change.id
        if kind.name in _VERSIONED:
            values[DELETED] = change.deleted
        for stamp in _STAMPS.get(kind.name, ()):
            values[stamp] = change.updated_at if stamp == "updated_at" else change.updated_by
        columns = ", ".join(values)
        marks = ", ".join(f":{name}" for name in values)
        conn.execute(f"INSERT INTO {kind.table} ({columns}) VALUES ({marks})", values)

    @staticmethod
    def _update(
        conn: sqlite.Connection, kind: Kind, change: Change, values: Mapping[str, Any]
    ) -> None:
        sets = dict(values)
        for stamp in _STAMPS.get(kind.name, ()):
            sets[stamp] = change.updated_at if stamp == "updated_at" else change.updated_by
        assignments = ", ".join(f"{name} = :{name}" for name in sets)
        conn.execute(
            f"UPDATE {kind.table} SET {assignments}, rev = rev + 1 WHERE id = :sync_id",
            sets | {"sync_id": change.id},
        )

    @staticmethod
    def _audit(
        conn: sqlite.Connection,
        kind: Kind,
        record_id: str,
        actor: str,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
    ) -> None:
        changes: dict[str, Any] = {name: [old[name], new.get(name)] for name in old}
        if kind.name == "catalog":
            changes = {"document": "pinned catalog received from the hub"}
        audit.append_event(
            conn,
            at=utc_now(),
            actor=actor,
            action="sync",
            kind=kind.name,
            record_id=record_id,
            validation_id=_record_validation(kind, record_id, new),
            changes=changes,
        )

    # Conflicts -------------------------------------------------------------------------

    def conflicts(self) -> list[Conflict]:
        """Open conflicts, oldest first."""
        rows = self.store.read(
            "SELECT c.*, f.validation_id AS f_validation, f.criterion AS f_criterion "
            "FROM sync_conflicts c LEFT JOIN findings f ON c.kind = 'finding' "
            "AND f.id = c.record_id ORDER BY c.id"
        )
        return [
            Conflict(
                id=r["id"],
                kind=r["kind"],
                record_id=r["record_id"],
                field=r["field"],
                local_value=self._mine(r),
                server_value=json.loads(r["server_value"]),
                server_by=r["server_by"],
                validation_id=r["f_validation"]
                or (r["record_id"] if r["kind"] == "validation" else None),
                criterion=r["f_criterion"],
            )
            for r in rows
        ]

    def _mine(self, conflict: sqlite.Row) -> Any:
        """This laptop's side of a conflict as it is now: typed on after the conflict
        arose, the newest value is the one offered (and kept by "mine")."""
        kind = KIND_BY_NAME[conflict["kind"]]
        row = (
            self.store.read(f"SELECT * FROM {kind.table} WHERE id = ?", (conflict["record_id"],))
            if kind.name != "catalog"
            else []
        )
        if not row:
            return json.loads(conflict["local_value"])
        return _wire(kind, row[0]).get(conflict["field"], json.loads(conflict["local_value"]))

    def resolve(self, conflict_id: int, keep: str, actor: str) -> None:
        """Settle one conflict: keep "mine" (pushed next sync) or "theirs" (the hub's).

        A finding's status is settled together with its "not met" fields (reasons, action,
        due date …), so the finding never ends up half one side and half the other.
        """
        if keep not in ("mine", "theirs"):
            raise SyncStateError(f"keep must be 'mine' or 'theirs', not {keep!r}")
        with self.store.transaction() as conn:
            row = conn.execute(
                "SELECT * FROM sync_conflicts WHERE id = ?", (conflict_id,)
            ).fetchone()
            if row is None:
                raise NotFoundError(f"no open conflict {conflict_id}")
            kind = KIND_BY_NAME[row["kind"]]
            local = self._local_row(conn, kind, row["record_id"])
            if local is None:
                raise NotFoundError(f"the record of conflict {conflict_id} is gone")
            rows = [row]
            if kind.name == "finding" and row["field"] in STATUS_GROUP:
                rows = conn.execute(
                    "SELECT * FROM sync_conflicts WHERE kind = 'finding' AND record_id = ? "
                    f"AND field IN ({', '.join('?' * len(STATUS_GROUP))}) ORDER BY id",
                    (row["record_id"], *STATUS_GROUP),
                ).fetchall()
            settled: dict[str, Any] = {}
            current = _wire(kind, local)
            for item in rows:
                mine, theirs = current[item["field"]], json.loads(item["server_value"])
                settled[item["field"]] = {"mine": mine, "theirs": theirs, "by": item["server_by"]}
                if keep == "theirs":
                    conn.execute(
                        f"UPDATE {kind.table} SET {item['field']} = ?, rev = rev + 1 WHERE id = ?",
                        (theirs, item["record_id"]),
                    )
                conn.execute("DELETE FROM sync_conflicts WHERE id = ?", (item["id"],))
            conn.execute(
                "UPDATE sync_base SET local_rev = -1 WHERE kind = ? AND id = ?",
                (kind.name, row["record_id"]),
            )
            audit.append_event(
                conn,
                at=utc_now(),
                actor=actor,
                action="resolve",
                kind=kind.name,
                record_id=row["record_id"],
                validation_id=_record_validation(kind, row["record_id"], dict(local)),
                changes={"kept": keep, "fields": settled},
            )


_KIND_ORDER = {kind.name: index for index, kind in enumerate(KINDS)}


def _write_base(
    conn: sqlite.Connection,
    kind: str,
    record_id: str,
    local_rev: int,
    server_rev: int,
    server_seq: int,
    deleted: bool,
    fields: Mapping[str, Any],
) -> None:
    """Record what the hub last confirmed of one record."""
    conn.execute(
        "INSERT INTO sync_base (kind, id, local_rev, server_rev, server_seq, deleted, fields) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, id) DO UPDATE SET "
        "local_rev = excluded.local_rev, server_rev = excluded.server_rev, "
        "server_seq = excluded.server_seq, deleted = excluded.deleted, fields = excluded.fields",
        (
            kind,
            record_id,
            local_rev,
            server_rev,
            server_seq,
            deleted,
            json.dumps(dict(fields), ensure_ascii=False),
        ),
    )


@contextmanager
def _hub_writes_past_locks(conn: sqlite.Connection, changes: Sequence[Change]) -> Iterator[None]:
    """Let the hub's own record of a validation signed here reach its findings and evidence.

    The lock stops people from changing a signed validation; the hub's changes (made before
    the signing, or after a reopen elsewhere) must still land. The triggers are dropped and
    created again inside the same transaction, so no other connection sees them missing.
    """
    children = {str(c.fields["validation_id"]) for c in changes if c.kind in _LOCKED_KINDS}
    locked = bool(children) and bool(
        conn.execute(
            f"SELECT 1 FROM validations WHERE status = 'signed' AND id IN "
            f"({', '.join('?' * len(children))}) LIMIT 1",
            tuple(children),
        ).fetchone()
    )
    if locked:
        for name in LOCK_TRIGGERS:
            conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    try:
        yield
    finally:
        if locked:
            for statement in lock_trigger_sql():
                conn.execute(statement)


# A finding's status and the fields that only a "not met" finding has are one decision:
# when the status clashes, they clash with it and are settled with it.
STATUS_GROUP = ("status", *NOT_MET_ONLY)


def _hold_status_group(
    merged: dict[str, Any],
    conflicts: dict[str, tuple[Any, Any]],
    local: Mapping[str, Any],
    server: Mapping[str, Any],
) -> None:
    for name in NOT_MET_ONLY:
        if name not in conflicts and local[name] != server[name]:
            conflicts[name] = (local[name], server[name])
            merged[name] = local[name]


def _push_last(mutation: Mutation) -> tuple[int, int]:
    """(0, 0) for most mutations, (1, 0) for a validation being signed, and (2, its number)
    for a follow-up record: the hub takes a finding's records only in their order."""
    if mutation.kind == "followup":
        number = mutation.fields.get("number")
        return 2, number if isinstance(number, int) else 0
    return int(mutation.base_rev > 0 and mutation.fields.get("status") == "signed"), 0


def _mutation_from_json(text: str) -> Mutation:
    raw = json.loads(text)
    return Mutation(
        raw["key"], raw["kind"], raw["id"], raw["base_rev"], raw["fields"], raw["deleted"]
    )


def _check_catalog(change: Change, schema_dir: Path) -> None:
    """A pinned catalog from the hub must be whole and match its own hash."""
    check_catalog(change.id, change.fields, may_publish=True)
    document = str(change.fields["document"])
    catalog_from_dict(json.loads(document), f"catalog {change.id} from the hub", schema_dir)
