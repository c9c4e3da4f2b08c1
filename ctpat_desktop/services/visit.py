"""The records around the checklist: sites, document requests, participants, interviews,
the tour log, the team, the proposed outcome and the supervisor's decision.

Every kind is declared once (records/kinds.py); these functions add, change and remove
records of any of them, each write checked as typed, audited and synced like a finding.
A signed validation refuses changes to all but the decision; a change after approval sends
the validation back to review. A validation's participants (the names on the validation,
which older laptops and hubs know) follow its participant records once it has any: the
first participant record takes over the names it had.
"""

import json
import uuid
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any

from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import NotFoundError, RuleError, StaleEdit
from ctpat_desktop.records.declare import Declaration, Item, Type, article
from ctpat_desktop.records.documents import items_of, values_of
from ctpat_desktop.records.kinds import (
    BY_NAME,
    DECISION,
    OUTCOME,
    PARTICIPANT,
    TIERS,
    VISIT_KINDS,
)
from ctpat_desktop.records.values import check
from ctpat_desktop.store import utc_now, visit
from ctpat_desktop.store.driver import sqlite
from ctpat_desktop.store.repository import _set_validation_column
from ctpat_desktop.worksheet import Lifecycle, lifecycle

# A single record's ID follows from its validation's, so two laptops make the same record.
_NAMESPACE = uuid.UUID("0b6f5b52-7d1e-4f0e-9a63-2c4e8d1f7a90")
_HEX = frozenset("0123456789abcdef-")


@dataclass(frozen=True, slots=True)
class _Validation:
    id: str
    status: Lifecycle
    entity: str
    catalog_version: str
    participants: str  # the names, as JSON


def single_id(kind: Declaration, validation_id: str) -> str:
    """The ID of a validation's one record of a single kind (its outcome, its decision)."""
    return str(uuid.uuid5(_NAMESPACE, f"{kind.name}:{validation_id}"))


def unique_id(kind: Declaration, validation_id: str, values: Mapping[str, Any]) -> str:
    """The ID of the record its unique fields name (one finding site per criterion)."""
    named = ":".join(str(values[name]) for name in kind.unique_by)
    return str(uuid.uuid5(_NAMESPACE, f"{kind.name}:{validation_id}:{named}"))


def records(ctx: AppContext, validation_id: str, kind: Declaration) -> list[Item]:
    """A validation's records of one kind, in the order they were made."""
    full_id = ctx.store.resolve_id(validation_id)
    with ctx.store.transaction() as conn:
        return visit.items(conn, kind, full_id)


def add(ctx: AppContext, validation_id: str, kind: Declaration, values: Mapping[str, Any]) -> Item:
    """A new record of a kind that has many per validation."""
    if kind.single:
        return put(ctx, validation_id, kind, values)
    with _writing(ctx, validation_id, kind) as (conn, v, now):
        checked = _checked(conn, v, kind, values, None)
        _check_criterion(ctx, v, checked)
        if kind is PARTICIPANT:
            _take_over_names(ctx, conn, v, now)
        record_id = unique_id(kind, v.id, checked) if kind.unique_by else str(uuid.uuid4())
        if visit.item(conn, kind, record_id) is not None:
            said = ", ".join(f"{kind.by_name[n].label} {checked[n]}" for n in kind.unique_by)
            raise RuleError(f"{said} already has {kind.a}; edit that one")
        made = visit.insert(conn, kind, v.id, record_id, checked, actor=ctx.actor, now=now)
        _after_write(ctx, conn, v, kind, now)
        return made


def put(
    ctx: AppContext,
    validation_id: str,
    kind: Declaration,
    values: Mapping[str, Any],
    expect: Mapping[str, Any] | None = None,
) -> Item:
    """Make or change the one record of a single kind (the outcome, the decision); with
    `expect` (an undo), only if it still holds those values: StaleEdit if not."""
    if not kind.single:
        raise RuleError(f"a validation has many {kind.label}s: add one, or edit one by its ID")
    if kind is DECISION:
        _check_supervisor(ctx)
    with _writing(ctx, validation_id, kind) as (conn, v, now):
        old = visit.item(conn, kind, single_id(kind, v.id))
        _check_expected(kind, old, expect)
        checked = _checked(conn, v, kind, values, old)
        if old is None:
            record_id = single_id(kind, v.id)
            made = visit.insert(conn, kind, v.id, record_id, checked, actor=ctx.actor, now=now)
        else:
            made = visit.update(conn, old, checked, actor=ctx.actor, now=now)
        _after_write(ctx, conn, v, kind, now)
        return made


def edit(
    ctx: AppContext,
    validation_id: str,
    kind: Declaration,
    record_id: str,
    values: Mapping[str, Any],
    expect: Mapping[str, Any] | None = None,
) -> Item:
    """Change some fields of a record (the others stay); with `expect` (an undo), only if
    it still holds those values, checked in the same transaction: StaleEdit if not."""
    with _writing(ctx, validation_id, kind) as (conn, v, now):
        old = _find(conn, kind, v.id, record_id)
        _check_expected(kind, old, expect)
        checked = _checked(conn, v, kind, values, old)
        moved = [n for n in kind.unique_by if checked[n] != old.values[n]]
        if moved:
            raise RuleError(
                f"the {kind.by_name[moved[0]].label} of {kind.a} stays; remove it and add another"
            )
        changed = visit.update(conn, old, checked, actor=ctx.actor, now=now)
        _after_write(ctx, conn, v, kind, now)
        return changed


def remove(
    ctx: AppContext,
    validation_id: str,
    kind: Declaration,
    record_id: str,
    expect: Mapping[str, Any] | None = None,
) -> Item:
    """Remove a record no other record names (the audit trail keeps what it was); with
    `expect` (an undo), only if it still holds those values: StaleEdit if not."""
    if kind is DECISION:
        _check_supervisor(ctx)
    with _writing(ctx, validation_id, kind) as (conn, v, now):
        old = _find(conn, kind, v.id, record_id)
        _check_expected(kind, old, expect)
        _check_unreferenced(conn, old)
        if kind is OUTCOME:
            _check_undecided(conn, v)
        visit.remove(conn, old, actor=ctx.actor, now=now)
        _after_write(ctx, conn, v, kind, now)
        return old


def reconcile_participants(
    ctx: AppContext, validation_id: str, names: tuple[str, ...]
) -> tuple[str, ...] | None:
    """The validation's participants edited as names (the validation's own dialog, older
    ways): once it has participant records, a new name becomes one and a dropped name's
    record is removed, so the names and the records agree; the names as they now stand
    (None: the validation has no participant records, its names are all there is)."""
    with _writing(ctx, validation_id, PARTICIPANT) as (conn, v, now):
        if not _has_participant_rows(conn, v.id):
            return None
        current = visit.items(conn, PARTICIPANT, v.id)
        wanted = list(dict.fromkeys(n.strip() for n in names if n.strip()))
        for record in current:
            if record.values["name"] not in wanted:
                _check_unreferenced(conn, record)
                visit.remove(conn, record, actor=ctx.actor, now=now)
        known = {record.values["name"] for record in current}
        for name in wanted:
            if name not in known:
                values = check(PARTICIPANT, {"name": name}, whole=True)
                visit.insert(
                    conn, PARTICIPANT, v.id, str(uuid.uuid4()), values, actor=ctx.actor, now=now
                )
        _after_write(ctx, conn, v, PARTICIPANT, now)
        return tuple(p.values["name"] for p in visit.items(conn, PARTICIPANT, v.id))


def importer(
    document: Mapping[str, Any],
    validation_id: str,
    evidence_ids: Collection[str],
    criteria: Collection[str],
    actor: str,
) -> Callable[[sqlite.Connection], None]:
    """The records of every declared kind in an exchange file, checked as if typed, each
    reference found in the file and each criterion in its catalog; what stores them in the
    import's transaction."""
    found: list[tuple[Declaration, str, dict[str, Any], tuple[str, str]]] = []
    for kind in VISIT_KINDS:
        for item in items_of(kind, document):
            where = f"{kind.label} {item['id']}"
            try:
                values = values_of(kind, item)
            except RuleError as exc:
                raise RuleError(f"{where}: {exc}") from None
            if kind.single and item["id"] != single_id(kind, validation_id):
                raise RuleError(f"{where}: is not the {kind.label} of this validation")
            if kind.unique_by and item["id"] != unique_id(kind, validation_id, values):
                raise RuleError(f"{where}: its ID does not follow from what it names")
            if "criterion" in values and values["criterion"] not in criteria:
                raise RuleError(f"{where}: criterion {values['criterion']} is not in its catalog")
            found.append((kind, item["id"], values, (item["updated_at"], item["updated_by"])))
    ids = [record_id for _kind, record_id, _values, _stamp in found]
    if len(set(ids)) != len(ids):
        raise RuleError("a record is listed more than once")
    named: dict[str, set[str]] = {kind.name: set() for kind in VISIT_KINDS}
    named["evidence"] = set(evidence_ids)
    for kind, record_id, _values, _stamp in found:
        named[kind.name].add(record_id)
    for kind, record_id, values, _stamp in found:
        for f in kind.fields:
            value = values[f.name]
            if f.type is Type.REF and value is not None and value not in named[f.refers_to]:
                raise RuleError(
                    f"{kind.label} {record_id}: names {article(f.refers_to)} the file lacks"
                )

    def store(conn: sqlite.Connection) -> None:
        now = utc_now()
        for kind, record_id, values, stamp in found:
            if visit.exists(conn, kind, record_id):
                raise RuleError(
                    f"{kind.label} {record_id} belongs to another validation in this folder"
                )
            visit.insert(
                conn,
                kind,
                validation_id,
                record_id,
                values,
                actor=actor,
                now=now,
                stamp=stamp,
                action="import",
            )

    return store


# Inside one write ----------------------------------------------------------------------


class _writing:
    """One transaction on a validation that may take this kind's changes now."""

    def __init__(self, ctx: AppContext, validation_id: str, kind: Declaration) -> None:
        self._ctx, self._kind = ctx, kind
        self._id = ctx.store.resolve_id(validation_id)
        self._transaction = ctx.store.transaction()

    def __enter__(self) -> tuple[sqlite.Connection, _Validation, str]:
        conn = self._transaction.__enter__()
        try:
            row = conn.execute(
                "SELECT id, status, entity, catalog_version, participants FROM validations "
                "WHERE id = ?",
                (self._id,),
            ).fetchone()
            v = _Validation(
                row["id"],
                Lifecycle(row["status"]),
                row["entity"],
                row["catalog_version"],
                row["participants"],
            )
            if self._kind.locked_by_signing and lifecycle.is_locked(v.status):
                raise RuleError(
                    f"the validation is signed and locked; reopen it before changing its "
                    f"{self._kind.label} records"
                )
        except BaseException as exc:
            self._transaction.__exit__(type(exc), exc, exc.__traceback__)
            raise
        return conn, v, utc_now()

    def __exit__(self, *exc: Any) -> None:
        self._transaction.__exit__(*exc)


def _checked(
    conn: sqlite.Connection,
    v: _Validation,
    kind: Declaration,
    given: Mapping[str, Any],
    old: Item | None,
) -> dict[str, Any]:
    """The whole record after the change, every value checked, references found."""
    values = _resolve_refs(conn, kind, v.id, given)
    if kind is DECISION:
        values = _decision(conn, v, values, old)
    if kind is OUTCOME:
        _check_undecided(conn, v)
    whole = check(kind, {**(old.values if old else {}), **values}, whole=True)
    if kind is OUTCOME and whole["result"] in TIERS and v.entity != "importer":
        raise RuleError(f"a tier is proposed for an importer; this validation's is {v.entity}")
    return whole


def _resolve_refs(
    conn: sqlite.Connection, kind: Declaration, validation_id: str, given: Mapping[str, Any]
) -> dict[str, Any]:
    values = dict(given)
    for f in kind.fields:
        prefix = values.get(f.name)
        if f.type is not Type.REF or not isinstance(prefix, str):
            continue
        if f.refers_to == "evidence":
            table, what = "evidence", "evidence"
        else:
            table, what = BY_NAME[f.refers_to].table, BY_NAME[f.refers_to].label
        values[f.name] = _full_id(conn, table, what, validation_id, prefix)
    return values


def _full_id(
    conn: sqlite.Connection, table: str, what: str, validation_id: str, prefix: str
) -> str:
    cleaned = prefix.strip().lower()
    if len(cleaned) < 4 or not set(cleaned) <= _HEX:
        raise NotFoundError(
            f"'{prefix}' is not {article(what)} ID; give at least its first 4 characters"
        )
    rows = conn.execute(
        f"SELECT id FROM {table} WHERE validation_id = ? AND deleted = 0 "
        "AND substr(id, 1, ?) = ? LIMIT 2",
        (validation_id, len(cleaned), cleaned),
    ).fetchall()
    if not rows:
        raise NotFoundError(f"no {what} '{prefix}' in this validation")
    if len(rows) > 1:
        raise NotFoundError(f"{what} ID '{prefix}' is ambiguous; give more characters")
    return str(rows[0]["id"])


def _check_expected(kind: Declaration, old: Item | None, expect: Mapping[str, Any] | None) -> None:
    """An undo's write goes ahead only onto what its edit left (another window, the command
    line or a sync may have changed the record since)."""
    if expect is not None and (old is None or dict(old.values) != dict(expect)):
        raise StaleEdit(f"the {kind.label} has changed since that edit")


def _find(conn: sqlite.Connection, kind: Declaration, validation_id: str, prefix: str) -> Item:
    if kind.single:
        found = visit.item(conn, kind, single_id(kind, validation_id))
        if found is None:
            raise NotFoundError(f"this validation has no {kind.label}")
        return found
    record_id = _full_id(conn, kind.table, kind.label, validation_id, prefix)
    found = visit.item(conn, kind, record_id)
    assert found is not None  # just found live
    return found


def _check_unreferenced(conn: sqlite.Connection, old: Item) -> None:
    for kind in VISIT_KINDS:
        for f in kind.fields:
            if f.refers_to != old.kind.name:
                continue
            for other in visit.items(conn, kind, old.validation_id):
                if other.values[f.name] == old.id:
                    raise RuleError(
                        f"{kind.label} {other.id[:8]} ({other.values[kind.title.name]}) names "
                        f"this {old.kind.label}; change or remove it first"
                    )


def _check_undecided(conn: sqlite.Connection, v: _Validation) -> None:
    if visit.item(conn, DECISION, single_id(DECISION, v.id)) is not None:
        raise RuleError("the supervisor has decided on the proposed outcome; it stays as decided")


def _decision(
    conn: sqlite.Connection, v: _Validation, values: dict[str, Any], old: Item | None
) -> dict[str, Any]:
    proposal = visit.item(conn, OUTCOME, single_id(OUTCOME, v.id))
    if proposal is None:
        raise RuleError("there is no proposed outcome to decide on (outcome set)")
    decided = values.get("decision", old.values["decision"] if old else None)
    if decided == "agreed":
        result = values.get("result") or proposal.values["result"]
        if result != proposal.values["result"]:
            raise RuleError("an agreed decision keeps the proposed result; say 'changed'")
        values["result"] = result
    elif decided == "changed" and values.get("result") == proposal.values["result"]:
        raise RuleError("a changed decision names another result than the one proposed")
    return values


def _check_criterion(ctx: AppContext, v: _Validation, values: Mapping[str, Any]) -> None:
    """A record naming a criterion names one of the validation's pinned catalog."""
    criterion = values.get("criterion")
    if criterion is None:
        return
    catalog = ctx.store.pinned_catalog(v.entity, v.catalog_version)
    if catalog.get(str(criterion)) is None:
        raise NotFoundError(f"criterion '{criterion}' is not in the {catalog.name} catalog")


def _check_supervisor(ctx: AppContext) -> None:
    from ctpat_desktop.services.approval import hub_role

    role = hub_role(ctx)
    if role not in lifecycle.SUPERVISORS:
        raise RuleError(
            "only a supervisor records the decision on the outcome"
            + (f" (you are logged in to the hub as {role})" if role else "; log in to the hub")
        )


def _after_write(
    ctx: AppContext, conn: sqlite.Connection, v: _Validation, kind: Declaration, now: str
) -> None:
    """What follows any change: an approved validation goes back to review (what was
    approved is not what would be signed), and the participants' names follow."""
    if kind.locked_by_signing and v.status in lifecycle.MOVE_BY_NAME["approval withdrawn"].sources:
        ctx.store._withdraw_approval(conn, v.id, ctx.actor, now)
    if kind is PARTICIPANT:
        names = json.dumps(
            [p.values["name"] for p in visit.items(conn, PARTICIPANT, v.id)], ensure_ascii=False
        )
        if names != v.participants:
            _set_validation_column(
                conn,
                v.id,
                "participants",
                (v.participants, names),
                actor=ctx.actor,
                now=now,
                action="update",
                details={"why": "its participant records"},
            )


def _has_participant_rows(conn: sqlite.Connection, validation_id: str) -> bool:
    return (
        conn.execute(
            f"SELECT 1 FROM {PARTICIPANT.table} WHERE validation_id = ? LIMIT 1", (validation_id,)
        ).fetchone()
        is not None
    )


def _take_over_names(ctx: AppContext, conn: sqlite.Connection, v: _Validation, now: str) -> None:
    """The first participant record of a validation: the names it had become records too."""
    if _has_participant_rows(conn, v.id):
        return
    for name in dict.fromkeys(json.loads(v.participants)):
        values = check(PARTICIPANT, {"name": name}, whole=True)
        visit.insert(conn, PARTICIPANT, v.id, str(uuid.uuid4()), values, actor=ctx.actor, now=now)
