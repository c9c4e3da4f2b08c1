"""The backlog on the hub: the members due for validation or revalidation in the planning
window, each with a risk score explained in words and whether their office would validate
them virtually (hub/backlog_rules.py), over what the caller may see.

A member's last validation is their latest one that has started (planned ones are shown
as planned, not counted); revalidation is due a cycle after its date. Read from the
dashboard's tables (hub/stats.py keeps them in step with every push), the follow-up
records and the anomaly flags of the shared figures; SQLite and PostgreSQL alike. At the
scale of the program (benchmarks/bench_hub_backlog.py) the database picks the members due
in one GROUP BY, and only the required actions that may be open (no closure record on the
dashboard's follow-up table) are read as records: never every finding. Each
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
from ctpat_desktop.catalog import Level, criterion_sort_key
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
from ctpat_desktop.hub.stats import hub_anomalies, scoped
from ctpat_desktop.hub.tables import (
    hub_records,
    hub_stat_deficiencies,
    hub_stat_followups,
    hub_stat_validations,
)

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
    person: dict[str, Any] | None = None  # the member record's fields, when read alongside

    @property
    def newest(self) -> _Validation:
        """The validation that says the member's entity type and office."""
        chosen = self.last or self.planned
        assert chosen is not None  # a member is known through a validation
        return chosen


def _chunks(values: Sequence[str], size: int = _CHUNK) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


_COLUMNS = (
    "id",
    "member_id",
    "entity",
    "catalog_version",
    "mode",
    "date",
    "office",
    "status",
    "deficient",
    "reviewed",
)


def _validation_of(row: Any, day: date | None = None) -> _Validation:
    return _Validation(
        row.id,
        row.member_id,
        row.entity,
        row.catalog_version,
        row.mode,
        day or date.fromisoformat(row.date),
        row.office,
        row.status,
        int(row.deficient),
        int(row.reviewed),
    )


def _members(conn: sa.Connection) -> dict[str, _Member]:
    """Every member with a validation, each validation read here (any date text)."""
    v = hub_stat_validations
    query = sa.select(*(v.c[name] for name in _COLUMNS)).where(v.c.deleted == sa.false())
    members: dict[str, _Member] = {}
    for row in conn.execute(query):
        day = _day(row.date)
        if day is None or not row.member_id:
            continue
        found = _validation_of(row, day)
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
        _drop_stale_plan(member)
    return members


def _drop_stale_plan(member: _Member) -> None:
    planned, last = member.planned, member.last
    if planned is not None and last is not None and planned.date < last.date:
        member.planned = None  # planned long ago and never started: not the next one


def _latest_due_by(until: date, years: int) -> date | None:
    """The latest validation date whose revalidation falls due by `until` (add_years only
    grows with the date), or None when none does."""
    try:
        day = until.replace(year=until.year - years)
    except ValueError:  # 29 February, or before year 1
        if until.year - years < 1:
            return None
        day = until.replace(year=until.year - years, day=28)
    while add_years(day + timedelta(days=1), years) <= until:
        day += timedelta(days=1)
    while add_years(day, years) > until:
        day -= timedelta(days=1)
    return day


def _dates_sort_as_days(conn: sa.Connection) -> bool:
    """Whether every validation's date is written YYYY-MM-DD, so that the text sorts as the
    days do and SQL may pick the latest (else the validations are walked one by one)."""
    v = hub_stat_validations
    query = sa.select(v.c.date).where(v.c.deleted == sa.false()).distinct()
    for text in conn.execute(query).scalars():
        day = _day(text)
        if day is None or day.isoformat() != text:
            return False
    return True


def _due_by_sql(conn: sa.Connection, office: str | None, until: date, years: int) -> list[_Member]:
    """The members due by `until` (in the office, when given): per member the latest
    validation started, signed and planned, picked by one GROUP BY and read by id."""
    v = hub_stat_validations
    key = v.c.date + v.c.id  # dates all YYYY-MM-DD: sorts as (date, id) does in Python
    if conn.dialect.name == "postgresql":
        key = key.collate("C")  # text compared by code point, as Python and SQLite do
    started = v.c.status != PLANNED
    last_day = sa.func.max(sa.case((started, v.c.date)))
    latest = _latest_due_by(until, years)
    due: sa.ColumnElement[bool] = last_day.is_(None)
    if latest is not None:
        due = sa.or_(due, last_day <= latest.isoformat())
    keys = (
        sa.select(
            v.c.member_id,
            *(
                sa.func.max(sa.case((condition, key))).label(role)
                for role, condition in (
                    ("last", started),
                    ("signed", v.c.status == SIGNED),
                    ("planned", v.c.status == PLANNED),
                )
            ),
        )
        .where(v.c.deleted == sa.false(), v.c.member_id != "")
        .group_by(v.c.member_id)
        .having(due)
    )
    if office is not None:  # a member with a validation there; the newest one decides
        keys = keys.having(sa.func.max(sa.case((v.c.office == office, 1), else_=0)) == 1)
    chosen = keys.cte("chosen")
    r = hub_records
    person = sa.and_(r.c.kind == "member", r.c.id == v.c.member_id, r.c.deleted == sa.false())
    query = sa.union_all(
        *(
            sa.select(
                *(v.c[name] for name in _COLUMNS),
                sa.literal(role).label("role"),
                r.c.fields.label("person"),
            )
            .select_from(v)
            .join(chosen, sa.and_(v.c.id == sa.func.substr(chosen.c[role], 11), *also))
            .outerjoin(r, person)
            for role, also in (
                ("last", ()),
                # A last validation that is signed is the last signed one too: read once.
                ("signed", (chosen.c.signed != chosen.c.last,)),
                ("planned", ()),
            )
        )
    )
    members: dict[str, _Member] = {}
    for row in conn.execute(query):
        found = _validation_of(row)
        member = members.get(found.member_id)
        if member is None:
            member = members[found.member_id] = _Member(found.member_id)
            if row.person is not None:
                member.person = json.loads(row.person)
        if row.role == "last":
            member.last = found
        elif row.role == "signed":
            member.last_signed = found
        else:
            member.planned = found
    listed = []
    for member in members.values():
        if office is not None and member.newest.office != office:
            continue
        if member.last_signed is None and member.last and member.last.status == SIGNED:
            member.last_signed = member.last
        _drop_stale_plan(member)
        if member.last is not None:
            member.due = add_years(member.last.date, years)
        listed.append(member)
    return listed


def _due_members(conn: sa.Connection, office: str | None, until: date, years: int) -> list[_Member]:
    """The members in the office (None: every office) due by `until` or never validated."""
    if _dates_sort_as_days(conn):
        return _due_by_sql(conn, office, until, years)
    due: list[_Member] = []
    for member in _members(conn).values():
        if office is not None and member.newest.office != office:
            continue
        if member.last is not None:
            member.due = add_years(member.last.date, years)
            if member.due > until:
                continue
        due.append(member)
    return due


def _fields(conn: sa.Connection, kind: str, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    r = hub_records
    found: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(sorted(set(ids))):
        query = sa.select(r.c.id, r.c.fields).where(
            r.c.kind == kind, r.c.id.in_(chunk), r.c.deleted == sa.false()
        )
        found.update((row.id, json.loads(row.fields)) for row in conn.execute(query))
    return found


def _children(
    conn: sa.Connection, validation_ids: Sequence[str], kinds: Sequence[str]
) -> list[Any]:
    r = hub_records
    rows: list[Any] = []
    for chunk in _chunks(sorted(set(validation_ids))):
        query = sa.select(r.c.kind, r.c.id, r.c.validation_id, r.c.fields).where(
            r.c.validation_id.in_(chunk),
            r.c.kind.in_(kinds),
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


def _unclosed(
    conn: sa.Connection, signed: Sequence[_Validation], catalogs: _Catalogs
) -> dict[str, list[dict[str, Any]]]:
    """Per signed validation, the fields of its findings not met that may be a required
    action still open: a Must (or a criterion with parts) of its catalog with no closure
    record held."""
    d, c, r = hub_stat_deficiencies, hub_stat_followups, hub_records
    by_catalog: dict[tuple[str, str], list[str]] = defaultdict(list)
    for validation in signed:
        by_catalog[(validation.entity, validation.catalog_version)].append(validation.id)
    record = sa.and_(r.c.kind == "finding", r.c.id == d.c.id, r.c.deleted == sa.false())
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (entity, version), ids in sorted(by_catalog.items()):
        catalog = catalogs.get(entity, version)
        if catalog is None:
            continue  # its findings are not counted (_open_actions)
        required = [x.id for x in catalog.criteria if x.parts or x.level is Level.MUST]
        # The chunk is named twice (below SQLite's oldest limit of 999 values in all), the
        # second time so that PostgreSQL reads the chunk's closures by their index instead
        # of hashing every closure held.
        for chunk in _chunks(sorted(ids), 400):
            closed = sa.exists().where(
                c.c.validation_id.in_(chunk),
                c.c.validation_id == d.c.validation_id,
                c.c.criterion == d.c.criterion,
                c.c.event == "closure",
            )
            query = (
                sa.select(d.c.validation_id, r.c.fields)
                .select_from(d.join(r, record))
                .where(d.c.validation_id.in_(chunk), d.c.criterion.in_(required), ~closed)
            )
            for row in conn.execute(query):
                found[row.validation_id].append(json.loads(row.fields))
    return found


def _follow_ups(
    conn: sa.Connection, wanted: dict[str, set[str]]
) -> tuple[dict[str, list[Any]], dict[str, tuple[int, date]]]:
    """The follow-up records of these validations' criteria, and their reports in force
    (version, signed on)."""
    from ctpat_desktop.sync.followup_rules import record_from_fields

    f, r = hub_stat_followups, hub_records
    criteria = sorted(set().union(*wanted.values())) if wanted else []
    records: dict[str, list[Any]] = defaultdict(list)
    for chunk in _chunks(sorted(wanted)):
        query = (
            sa.select(r.c.id, r.c.validation_id, f.c.criterion, r.c.fields)
            .select_from(f.join(r, sa.and_(r.c.kind == "followup", r.c.id == f.c.id)))
            .where(
                f.c.validation_id.in_(chunk), f.c.criterion.in_(criteria), r.c.deleted == sa.false()
            )
        )
        for row in conn.execute(query):
            if row.criterion not in wanted.get(row.validation_id, ()):
                continue  # track() leaves another criterion's records out
            try:
                records[row.validation_id].append(
                    record_from_fields(row.id, json.loads(row.fields))
                )
            except (RuleError, KeyError, TypeError, ValueError):
                continue  # the hub refuses such records; one held from before counts as none
    issued: dict[str, tuple[int, date]] = {}
    for row in _children(conn, list(wanted), ("report",)):
        fields = json.loads(row.fields)
        try:
            version, day = int(fields["version"]), date.fromisoformat(fields["signed_at"][:10])
        except (KeyError, TypeError, ValueError):
            continue
        if row.validation_id not in issued or version > issued[row.validation_id][0]:
            issued[row.validation_id] = (version, day)
    return records, issued


def _open_actions(
    conn: sa.Connection, signed: Sequence[_Validation], catalogs: _Catalogs, today: date
) -> dict[str, tuple[list[str], int]]:
    """Per signed validation: its required actions not closed, and how many are overdue.
    Only the findings that may be open are read as records: most were closed long ago."""
    from ctpat_desktop.sync.followup_rules import signed_start, track
    from ctpat_desktop.sync.meaning import finding_from_fields

    findings: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for validation_id, found in _unclosed(conn, signed, catalogs).items():
        findings[validation_id] = [f for f in found if f.get("status") == "not-met"]
    wanted = {vid: {str(f.get("criterion")) for f in found} for vid, found in findings.items()}
    records, issued = _follow_ups(conn, wanted)
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


def _anomalies(conn: sa.Connection, last_ids: set[str]) -> dict[str, list[dict[str, Any]]]:
    """The anomaly flags of these validations, against every office's peers: each its
    English reason with its template and values (analytics/anomalies.py)."""
    if not last_ids:
        return {}
    return {
        row["validation"]: list(row["flags"])
        for row in hub_anomalies(conn)
        if row["validation"] in last_ids
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
        due = _due_members(conn, office, until, rules.cycle_years)
        people = _fields(conn, "member", [m.id for m in due if m.person is None])
        catalogs = _Catalogs(conn)
        signed = [m.last_signed for m in due if m.last_signed and m.last_signed.deficient]
        actions = _open_actions(conn, signed, catalogs, today)
        flags = _anomalies(conn, {m.last.id for m in due if m.last is not None})
    names = catalogs.names()
    rows = [
        _row(
            member, member.person or people.get(member.id, {}), names, actions, flags, rules, today
        )
        for member in due
    ]
    rows.sort(
        key=lambda r: (-r["risk"]["score"], r["due"] or "", r["member"].casefold(), r["member_id"])
    )
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
    flags: dict[str, list[dict[str, Any]]],
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
        "anomalies": [str(flag["reason"]) for flag in facts.anomalies],
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
