"""The backlog on the hub: the members due for validation or revalidation in the planning
window, each with a risk score explained in words and whether their office would validate
them virtually (hub/backlog_rules.py), over what the caller may see.

A member's last validation is their latest one that has started (planned ones are shown
as planned, not counted); revalidation is due a cycle after its date. Read from the
dashboard's tables (hub/stats.py keeps them in step with every push), the follow-up
records and the anomaly flags of the shared figures; SQLite and PostgreSQL alike. Each
reason is English, with its template and values beside it for a window's language
(backlog_rules.said()); its JSON only ever gains keys.
"""

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from ctpat_desktop.analytics.queries import StatsFilter
from ctpat_desktop.catalog import criterion_sort_key
from ctpat_desktop.errors import CtpatError, RuleError
from ctpat_desktop.hub.backlog_rules import (
    BacklogRules,
    MemberFacts,
    add_years,
    load_rules,
    score,
    term,
    virtual_verdict,
)
from ctpat_desktop.hub.push import User
from ctpat_desktop.hub.stats import hub_figures, scoped
from ctpat_desktop.hub.tables import hub_records, hub_stat_validations

if TYPE_CHECKING:
    from ctpat_desktop.catalog import Catalog
    from ctpat_desktop.hub.service import Hub

_CHUNK = 500
PLANNED = "planned"
SIGNED = "signed"


@dataclass(frozen=True, slots=True)
class _Validation:
    id: str
    member_id: str
    entity: str
    catalog_version: str
    mode: str
    date: date
    office: str
    status: str
    deficient: int
    reviewed: int


@dataclass(slots=True)
class _Member:
    """One member's validations as the backlog reads them."""

    id: str
    last: _Validation | None = None  # the latest that has started
    last_signed: _Validation | None = None
    planned: _Validation | None = None  # the latest planned one after `last`
    due: date | None = None

    @property
    def newest(self) -> _Validation:
        """The validation that says the member's entity type and office."""
        chosen = self.last or self.planned
        assert chosen is not None  # a member is known through a validation
        return chosen


def _chunks(values: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _members(conn: sa.Connection) -> dict[str, _Member]:
    v = hub_stat_validations
    query = sa.select(
        v.c.id,
        v.c.member_id,
        v.c.entity,
        v.c.catalog_version,
        v.c.mode,
        v.c.date,
        v.c.office,
        v.c.status,
        v.c.deficient,
        v.c.reviewed,
    ).where(v.c.deleted == sa.false())
    members: dict[str, _Member] = {}
    for row in conn.execute(query):
        day = _day(row.date)
        if day is None or not row.member_id:
            continue
        found = _Validation(
            row.id,
            row.member_id,
            row.entity,
            row.catalog_version,
            row.mode,
            day,
            row.office,
            row.status,
            int(row.deficient),
            int(row.reviewed),
        )
        member = members.setdefault(found.member_id, _Member(found.member_id))
        key = (found.date, found.id)
        if found.status == PLANNED:
            if member.planned is None or key > (member.planned.date, member.planned.id):
                member.planned = found
            continue
        if member.last is None or key > (member.last.date, member.last.id):
            member.last = found
        signed = member.last_signed
        if found.status == SIGNED and (signed is None or key > (signed.date, signed.id)):
            member.last_signed = found
    for member in members.values():
        planned, last = member.planned, member.last
        if planned is not None and last is not None and planned.date < last.date:
            member.planned = None  # planned long ago and never started: not the next one
    return members


def _fields(conn: sa.Connection, kind: str, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    r = hub_records
    found: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(sorted(set(ids))):
        query = sa.select(r.c.id, r.c.fields).where(
            r.c.kind == kind, r.c.id.in_(chunk), r.c.deleted == sa.false()
        )
        found.update((row.id, json.loads(row.fields)) for row in conn.execute(query))
    return found


def _children(conn: sa.Connection, validation_ids: Sequence[str]) -> list[Any]:
    r = hub_records
    rows: list[Any] = []
    for chunk in _chunks(sorted(set(validation_ids))):
        query = sa.select(r.c.kind, r.c.id, r.c.validation_id, r.c.fields).where(
            r.c.validation_id.in_(chunk),
            r.c.kind.in_(("finding", "followup", "report")),
            r.c.deleted == sa.false(),
        )
        rows.extend(conn.execute(query).all())
    return rows


class _Catalogs:
    """The catalogs validations pinned: as pushed to the hub, else as shipped."""

    def __init__(self, conn: sa.Connection) -> None:
        from ctpat_desktop.catalog import CatalogLibrary
        from ctpat_desktop.paths import resources_dir

        self._conn = conn
        self._library = CatalogLibrary(resources_dir())
        self._found: dict[str, Catalog | None] = {}

    def names(self) -> dict[str, str]:
        """Entity type code → its name."""
        return dict(self._library.names())

    def get(self, entity: str, version: str) -> "Catalog | None":
        """The catalog, or None when the hub has neither it nor the release."""
        from ctpat_desktop.sync.meaning import pinned_catalog

        name = f"{entity}@{version}"
        if name not in self._found:
            pushed = _fields(self._conn, "catalog", [name]).get(name)
            try:
                if pushed is not None:
                    self._found[name] = pinned_catalog(pushed)
                else:
                    self._found[name] = self._library.catalog(entity, version)
            except CtpatError:
                self._found[name] = None
        return self._found[name]


def _open_actions(
    conn: sa.Connection, signed: Sequence[_Validation], catalogs: _Catalogs, today: date
) -> dict[str, tuple[list[str], int]]:
    """Per signed validation: its required actions not closed, and how many are overdue."""
    from ctpat_desktop.sync.followup_rules import record_from_fields, signed_start, track
    from ctpat_desktop.sync.meaning import finding_from_fields

    findings: dict[str, list[dict[str, Any]]] = defaultdict(list)
    records: dict[str, list[Any]] = defaultdict(list)
    issued: dict[str, tuple[int, date]] = {}  # the report in force: (version, signed on)
    for row in _children(conn, [v.id for v in signed]):
        fields = json.loads(row.fields)
        try:
            if row.kind == "report":
                version, day = int(fields["version"]), date.fromisoformat(fields["signed_at"][:10])
                if row.validation_id not in issued or version > issued[row.validation_id][0]:
                    issued[row.validation_id] = (version, day)
            elif row.kind == "finding" and fields.get("status") == "not-met":
                findings[row.validation_id].append(fields)
            elif row.kind == "followup":
                records[row.validation_id].append(record_from_fields(row.id, fields))
        except (RuleError, KeyError, TypeError, ValueError):
            continue  # the hub refuses such records; one held from before counts as none
    result: dict[str, tuple[list[str], int]] = {}
    for validation in signed:
        catalog = catalogs.get(validation.entity, validation.catalog_version)
        if catalog is None:
            continue
        open_ids: list[str] = []
        overdue = 0
        for fields in findings.get(validation.id, []):
            criterion = catalog.get(str(fields.get("criterion")))
            try:
                finding = finding_from_fields(fields)
            except RuleError:
                continue
            if criterion is None:
                continue
            signed_on = issued[validation.id][1] if validation.id in issued else None
            start = signed_start(criterion, finding, validation.date, signed_on)
            follow = track(start, records.get(validation.id, []))
            if follow.signed.required and not follow.closed:
                open_ids.append(criterion.id)
                overdue += follow.overdue(today)
        result[validation.id] = (sorted(open_ids, key=criterion_sort_key), overdue)
    return result


def _anomalies(hub: "Hub", last_ids: set[str]) -> dict[str, list[str]]:
    """The anomaly flags of these validations, against every office's peers."""
    if not last_ids:
        return {}
    flagged = hub_figures(hub.engine, None, StatsFilter())["anomalies"]
    return {
        row["validation"]: list(row["reasons"]) for row in flagged if row["validation"] in last_ids
    }


def _validation_view(found: _Validation | None) -> dict[str, Any] | None:
    if found is None:
        return None
    return {
        "id": found.id,
        "date": found.date.isoformat(),
        "mode": found.mode,
        "status": found.status,
        "office": found.office,
        "deficiencies": found.deficient,
        "reviewed": found.reviewed,
    }


def compute_backlog(
    hub: "Hub",
    user: User | None,
    rules: BacklogRules,
    *,
    office: str | None = None,
    today: date | None = None,
) -> dict[str, Any]:
    """The backlog over what the user may see (None: the operator, every office)."""
    office = scoped(StatsFilter(office=office), user).office
    today = today or date.today()
    until = today + timedelta(days=rules.horizon_days)
    with hub.engine.connect() as conn:
        if hub.engine.dialect.name == "postgresql":
            conn.execute(sa.text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
        due: list[_Member] = []
        for member in _members(conn).values():
            if office is not None and member.newest.office != office:
                continue
            if member.last is not None:
                member.due = add_years(member.last.date, rules.cycle_years)
                if member.due > until:
                    continue
            due.append(member)
        people = _fields(conn, "member", [m.id for m in due])
        catalogs = _Catalogs(conn)
        signed = [m.last_signed for m in due if m.last_signed and m.last_signed.deficient]
        actions = _open_actions(conn, signed, catalogs, today)
    flags = _anomalies(hub, {m.last.id for m in due if m.last is not None})
    names = catalogs.names()
    rows = [
        _row(member, people.get(member.id, {}), names, actions, flags, rules, today)
        for member in due
    ]
    rows.sort(key=lambda r: (-r["risk"]["score"], r["due"] or "", r["member"].casefold()))
    return {
        "scope": "national" if office is None else "office",
        "office": office,
        "as_of": today.isoformat(),
        "until": until.isoformat(),
        "cycle_years": rules.cycle_years,
        "rules": rules.source,
        "members": rows,
        "counts": {
            "members": len(rows),
            "overdue": sum(r["standing"] == "overdue" for r in rows),
            "never_validated": sum(r["standing"] == "never validated" for r in rows),
            "virtual_eligible": sum(r["virtual"]["eligible"] for r in rows),
        },
    }


def _row(
    member: _Member,
    person: dict[str, Any],
    names: dict[str, str],
    actions: dict[str, tuple[list[str], int]],
    flags: dict[str, list[str]],
    rules: BacklogRules,
    today: date,
) -> dict[str, Any]:
    newest = member.newest
    last = member.last
    signed = member.last_signed
    open_ids, overdue = actions.get(signed.id, ([], 0)) if signed is not None else ([], 0)
    facts = MemberFacts(
        entity=newest.entity,
        entity_name=names.get(newest.entity, newest.entity),
        office=newest.office,
        last_date=last.date if last else None,
        last_mode=last.mode if last else None,
        deficiencies=last.deficient if last else 0,
        reviewed=last.reviewed if last else 0,
        open_actions=open_ids,
        overdue_actions=overdue,
        anomalies=flags.get(last.id, []) if last else [],
    )
    factors = score(rules, facts, member.due, today)
    risk = sum(f["points"] for f in factors)
    eligible, why = virtual_verdict(rules, facts, risk)
    if member.due is None:
        standing, late = term("never validated"), None
    else:
        late = (today - member.due).days
        standing = term("overdue") if late > 0 else term("due")
    return {
        "member_id": member.id,
        "member": str(person.get("name") or member.id),
        "account": str(person.get("account") or ""),
        "entity": facts.entity,
        "entity_name": facts.entity_name,
        "office": facts.office,
        "last_validation": _validation_view(last),
        "planned": member.planned.date.isoformat() if member.planned else None,
        "due": member.due.isoformat() if member.due else None,
        "days_overdue": late,
        "standing": standing,
        "open_required_actions": list(open_ids),
        "anomalies": list(facts.anomalies),
        "risk": {"score": risk, "factors": factors},
        "virtual": {
            "eligible": eligible,
            "reasons": [reason["reason"] for reason in why],
            "why_not": why,
        },
    }


def hub_backlog(
    hub: "Hub",
    user: User | None,
    *,
    office: str | None = None,
    today: date | None = None,
    horizon_days: int | None = None,
    rules: BacklogRules | None = None,
) -> dict[str, Any]:
    """The backlog with the hub's rules (its data folder's backlog.json, else defaults),
    the planning window widened or narrowed by horizon_days when given."""
    if rules is None:
        rules = load_rules(None, hub.blobs.root.parent)  # the evidence folder's parent
    if horizon_days is not None:
        rules = replace(rules, horizon_days=horizon_days)
    return compute_backlog(hub, user, rules, office=office, today=today)
