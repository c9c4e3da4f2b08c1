"""The records around the checklist as stored: any declared kind (records/kinds.py), each
write with its audit event, inside the caller's transaction.

A new or changed row has a new revision, which is what sync sends (sync/local.py); a
removed one stays as a tombstone (deleted = 1) so the removal reaches the hub.
"""

from collections.abc import Mapping
from typing import Any

from ctpat_desktop.records import sql
from ctpat_desktop.records.declare import Declaration, Item
from ctpat_desktop.records.values import item_from_row, to_row
from ctpat_desktop.store import audit
from ctpat_desktop.store.driver import sqlite


def items(conn: sqlite.Connection, kind: Declaration, validation_id: str) -> list[Item]:
    """A validation's live records of one kind, in the order they were made."""
    rows = conn.execute(sql.select_sql(kind), (validation_id,)).fetchall()
    return [item_from_row(kind, row) for row in rows]


def item(conn: sqlite.Connection, kind: Declaration, record_id: str) -> Item | None:
    """One live record by its ID."""
    row = conn.execute(sql.select_one_sql(kind), (record_id,)).fetchone()
    return item_from_row(kind, row) if row is not None and not row["deleted"] else None


def exists(conn: sqlite.Connection, kind: Declaration, record_id: str) -> bool:
    """Whether a record with this ID is stored, removed or not."""
    return conn.execute(sql.select_one_sql(kind), (record_id,)).fetchone() is not None


def insert(
    conn: sqlite.Connection,
    kind: Declaration,
    validation_id: str,
    record_id: str,
    values: Mapping[str, Any],
    *,
    actor: str,
    now: str,
    stamp: tuple[str, str] | None = None,
    action: str = "create",
) -> Item:
    """Store a new record (values whole and checked); stamp: who made it and when, if not
    the actor now (a record read from an exchange file)."""
    updated_at, updated_by = stamp or (now, actor)
    row = to_row(kind, values) | {
        "id": record_id,
        kind.scope: validation_id,
        "updated_at": updated_at,
        "updated_by": updated_by,
    }
    gone = conn.execute(sql.select_one_sql(kind), (record_id,)).fetchone()
    if gone is not None:  # removed before (one per validation): it comes back
        if not gone["deleted"] or gone[kind.scope] != validation_id:
            raise ValueError(f"{kind.name} {record_id} exists")
        conn.execute(sql.update_sql(kind, values), row)
        conn.execute(f"UPDATE {kind.table} SET deleted = 0 WHERE id = ?", (record_id,))
    else:
        conn.execute(sql.insert_sql(kind), row)
    made = {name: [None, value] for name, value in values.items() if value not in ("", None, [])}
    _audit(conn, kind, record_id, validation_id, actor, now, action, made)
    stored = item(conn, kind, record_id)
    assert stored is not None  # just written
    return stored


def update(
    conn: sqlite.Connection,
    old: Item,
    values: Mapping[str, Any],
    *,
    actor: str,
    now: str,
) -> Item:
    """Store changed values of a record (checked); the record as it is now."""
    kind = old.kind
    diff = {name: [old.values[name], v] for name, v in values.items() if old.values[name] != v}
    if not diff:
        return old
    changed = {name: values[name] for name in diff}
    conn.execute(
        sql.update_sql(kind, changed),
        to_row(kind, changed) | {"id": old.id, "updated_at": now, "updated_by": actor},
    )
    _audit(conn, kind, old.id, old.validation_id, actor, now, "update", diff)
    return Item(kind, old.id, old.validation_id, {**old.values, **changed}, old.rev + 1, now, actor)


def remove(conn: sqlite.Connection, old: Item, *, actor: str, now: str) -> None:
    """Remove a record (a tombstone that syncs); the audit trail keeps what it was."""
    conn.execute(sql.remove_sql(old.kind), {"id": old.id, "updated_at": now, "updated_by": actor})
    _audit(
        conn,
        old.kind,
        old.id,
        old.validation_id,
        actor,
        now,
        "remove",
        {name: [value, None] for name, value in old.values.items() if value not in ("", None, [])},
    )


def _audit(
    conn: sqlite.Connection,
    kind: Declaration,
    record_id: str,
    validation_id: str,
    actor: str,
    now: str,
    action: str,
    changes: Mapping[str, Any],
) -> None:
    audit.append_event(
        conn,
        at=now,
        actor=actor,
        action=action,
        kind=kind.name,
        record_id=record_id,
        validation_id=validation_id,
        changes=changes,
    )
