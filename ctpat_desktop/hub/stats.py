"""The program's view on the hub: the dashboard's tables, kept by every push, and the figures
over what the caller may see (an SCSS or a supervisor their office, an admin every office).

The tables carry the laptop's column names and are filled with the shared definitions of
analytics/figures.py, so every figure is the one implementation the laptop runs too.
"""

import json
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

import sqlalchemy as sa

from ctpat_desktop.analytics.figures import (
    StatsSource,
    deficiency_rows,
    finding_totals,
)
from ctpat_desktop.analytics.queries import StatsFilter
from ctpat_desktop.errors import CtpatError
from ctpat_desktop.hub.push import Record, User
from ctpat_desktop.hub.tables import (
    hub_records,
    hub_stat_decisions,
    hub_stat_deficiencies,
    hub_stat_findings,
    hub_stat_followups,
    hub_stat_members,
    hub_stat_outcomes,
    hub_stat_periods,
    hub_stat_reports,
    hub_stat_validations,
)

_CHUNK = 500
_PROJECTED = ("member", "validation", "finding")
_TIMES = ("period", "report", "followup")  # the virtual-validation metrics' (h0006)
_OUTCOMES = ("outcome", "decision")  # stats' outcomes (h0007)
_TOTALS = ("reviewed", "deficient", "reviewed_categories", "reviewed_criteria")


class ScopeError(CtpatError):
    """The caller asked for figures they may not see."""


def _text(fields: dict[str, Any], name: str, default: str = "") -> str:
    value = fields.get(name)
    return value if isinstance(value, str) else default


def _validation_row(record: Record) -> dict[str, Any]:
    f = record.fields
    row: dict[str, Any] = {
        name: _text(f, name)
        for name in ("member_id", "entity", "catalog_version", "mode", "date", "scss", "status")
    }
    return row | {
        "id": record.id,
        "office": record.office or _text(f, "office"),
        "deleted": record.deleted,
        "reviewed": 0,
        "deficient": 0,
        "reviewed_categories": 0,
        "reviewed_criteria": None,
    }


def _finding_row(record: Record) -> dict[str, Any]:
    f = record.fields
    return {
        "id": record.id,
        "validation_id": record.validation_id or _text(f, "validation_id"),
        "criterion": _text(f, "criterion"),
        "status": _text(f, "status"),
        "reasons": _text(f, "reasons", "[]"),
        "unmet_parts": _text(f, "unmet_parts", "[]"),
        "deleted": record.deleted,
    }


def _int(fields: dict[str, Any], name: str) -> int | None:
    value = fields.get(name)
    return value if type(value) is int else None


def _period_row(record: Record) -> dict[str, Any]:
    f = record.fields
    return {
        "id": record.id,
        "validation_id": record.validation_id or _text(f, "validation_id"),
        "category": _int(f, "category"),
        "started_at": _text(f, "started_at"),
        "ended_at": _text(f, "ended_at"),
        "deleted": record.deleted,
    }


def _report_row(record: Record) -> dict[str, Any]:
    f = record.fields
    return {
        "id": record.id,
        "validation_id": record.validation_id or _text(f, "validation_id"),
        "version": _int(f, "version") or 0,
        "signed_at": _text(f, "signed_at"),
    }


def _followup_row(record: Record) -> dict[str, Any]:
    f = record.fields
    return {
        "id": record.id,
        "validation_id": record.validation_id or _text(f, "validation_id"),
        "criterion": _text(f, "criterion"),
        "event": _text(f, "event"),
        "report_version": _int(f, "report_version") or 0,
        "days": _int(f, "days"),
        "recorded_at": _text(f, "recorded_at"),
    }


def _outcome_row(record: Record) -> dict[str, Any]:
    f = record.fields
    return {
        "id": record.id,
        "validation_id": record.validation_id or _text(f, "validation_id"),
        "result": _text(f, "result"),
        "deleted": record.deleted,
    }


def _decision_row(record: Record) -> dict[str, Any]:
    f = record.fields
    return {
        "id": record.id,
        "validation_id": record.validation_id or _text(f, "validation_id"),
        "decision": _text(f, "decision"),
        "result": _text(f, "result"),
        "deleted": record.deleted,
    }


# Per kind: its table and its row; reports and follow-up records have no deleted column
# (written once): a deleted one leaves the table.
_KEPT_ROWS = {
    "period": (hub_stat_periods, _period_row, True),
    "report": (hub_stat_reports, _report_row, False),
    "followup": (hub_stat_followups, _followup_row, False),
    "outcome": (hub_stat_outcomes, _outcome_row, True),
    "decision": (hub_stat_decisions, _decision_row, True),
}


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _replace(
    conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]], gone: Sequence[str] = ()
) -> None:
    for chunk in _chunks([*gone, *(r["id"] for r in rows)]):
        conn.execute(sa.delete(table).where(table.c.id.in_(chunk)))
    for chunk in _chunks(rows):
        conn.execute(sa.insert(table), list(chunk))


def _project_kept(
    conn: sa.Connection, records: Iterable[Record], kinds: Sequence[str] = tuple(_KEPT_ROWS)
) -> None:
    """Bring the tables of these kinds (session times, reports, follow-up records, outcomes
    and decisions) in step."""
    rows: dict[str, list[dict[str, Any]]] = {kind: [] for kind in kinds}
    gone: dict[str, list[str]] = {kind: [] for kind in kinds}
    for record in records:
        if record.kind not in rows:
            continue
        _table, row, keeps_deleted = _KEPT_ROWS[record.kind]
        if record.deleted and not keeps_deleted:
            gone[record.kind].append(record.id)
        else:
            rows[record.kind].append(row(record))
    for kind in kinds:
        _replace(conn, _KEPT_ROWS[kind][0], rows[kind], gone[kind])


def project(conn: sa.Connection, records: Iterable[Record], totals: bool = True) -> None:
    """Bring the dashboard's tables in step with records just written (same transaction);
    totals=False leaves the finding totals to a refresh_all_totals after."""
    records = list(records)
    _project_kept(conn, records)
    rows: dict[str, list[dict[str, Any]]] = {kind: [] for kind in _PROJECTED}
    touched: set[str] = set()
    for record in records:
        if record.kind == "member":
            rows["member"].append({"id": record.id, "name": _text(record.fields, "name")})
        elif record.kind == "validation":
            rows["validation"].append(_validation_row(record))
            touched.add(record.id)
        elif record.kind == "finding":
            finding = _finding_row(record)
            rows["finding"].append(finding)
            touched.add(finding["validation_id"])
    _replace(conn, hub_stat_members, rows["member"])
    _replace(conn, hub_stat_validations, rows["validation"])
    _replace(conn, hub_stat_findings, rows["finding"])
    if totals:
        refresh_totals(conn, sorted(touched))


def refresh_totals(conn: sa.Connection, validation_ids: Sequence[str]) -> None:
    """Recompute the finding totals and deficiencies of these validations."""
    f, d = hub_stat_findings, hub_stat_deficiencies
    update = (
        sa.update(hub_stat_validations)
        .where(hub_stat_validations.c.id == sa.bindparam("b_id"))
        .values({name: sa.bindparam(f"b_{name}") for name in _TOTALS})
    )
    for chunk in _chunks(validation_ids):
        found = {
            r.validation_id: r
            for r in conn.execute(finding_totals(f).where(f.c.validation_id.in_(chunk)))
        }
        values = []
        for vid in chunk:
            row = found.get(vid)
            totals = (0, 0, 0, None) if row is None else tuple(row)[1:]
            values.append(
                {"b_id": vid} | {f"b_{n}": v for n, v in zip(_TOTALS, totals, strict=True)}
            )
        conn.execute(update, values)
        conn.execute(sa.delete(d).where(d.c.validation_id.in_(chunk)))
        rows = deficiency_rows(f).where(f.c.validation_id.in_(chunk))
        conn.execute(sa.insert(d).from_select(list(rows.selected_columns.keys()), rows))


def refresh_all_totals(conn: sa.Connection) -> None:
    """Recompute every validation's finding totals and the deficiencies, in bulk."""
    v, f, d = hub_stat_validations, hub_stat_findings, hub_stat_deficiencies
    conn.execute(
        sa.update(v).values(reviewed=0, deficient=0, reviewed_categories=0, reviewed_criteria=None)
    )
    totals = finding_totals(f).subquery("t")
    conn.execute(
        sa.update(v)
        .where(v.c.id == totals.c.validation_id)
        .values({name: totals.c[name] for name in _TOTALS})
    )
    conn.execute(sa.delete(d))
    rows = deficiency_rows(f)
    conn.execute(sa.insert(d).from_select(list(rows.selected_columns.keys()), rows))


def rebuild(conn: sa.Connection) -> None:
    """Fill the dashboard's tables again from every record (after the migration adds them)."""
    for table in (hub_stat_deficiencies, hub_stat_findings, hub_stat_validations):
        conn.execute(sa.delete(table))
    conn.execute(sa.delete(hub_stat_members))
    for batch in _records(conn, _PROJECTED):
        project(conn, batch, totals=False)
    refresh_all_totals(conn)


def _records(conn: sa.Connection, kinds: Sequence[str]) -> Iterable[list[Record]]:
    """Every record of these kinds, in batches, oldest first."""
    r = hub_records
    query = (
        sa.select(r.c.kind, r.c.id, r.c.office, r.c.validation_id, r.c.deleted, r.c.fields)
        .where(r.c.kind.in_(kinds))
        .order_by(r.c.seq)
    )
    batch: list[Record] = []
    for row in conn.execute(query).all():
        fields = json.loads(row.fields)
        record = Record(
            row.kind, row.id, row.office, row.validation_id, 0, 0, bool(row.deleted), fields, "", ""
        )
        batch.append(record)
        if len(batch) >= 5000:
            yield batch
            batch = []
    yield batch


def rebuild_times(conn: sa.Connection) -> None:
    """Fill the session times, reports and follow-up records' tables again from every
    record (after migration h0006 adds them)."""
    _rebuild_kept(conn, _TIMES)


def rebuild_outcomes(conn: sa.Connection) -> None:
    """Fill the outcomes' and decisions' tables again from every record (after migration
    h0007 adds them)."""
    _rebuild_kept(conn, _OUTCOMES)


def _rebuild_kept(conn: sa.Connection, kinds: Sequence[str]) -> None:
    for kind in kinds:
        conn.execute(sa.delete(_KEPT_ROWS[kind][0]))
    for batch in _records(conn, kinds):
        _project_kept(conn, batch, kinds)


def hub_source() -> StatsSource:
    """The hub's tables as the figures read them."""
    v, m = hub_stat_validations, hub_stat_members
    summary = (
        sa.select(v, sa.func.coalesce(m.c.name, v.c.member_id).label("member"))
        .select_from(v.outerjoin(m, m.c.id == v.c.member_id))
        .subquery("s")
    )
    return StatsSource(
        v,
        summary,
        hub_stat_deficiencies,
        hub_stat_periods,
        hub_stat_reports,
        hub_stat_followups,
        hub_stat_outcomes,
        hub_stat_decisions,
    )


def scoped(filters: StatsFilter, user: User | None) -> StatsFilter:
    """The filters narrowed to what the user may see (None: the operator, every office)."""
    if user is None or user.is_admin:
        return filters
    if filters.office is not None and filters.office != user.office:
        raise ScopeError(
            f"a {user.role} sees the figures of their own office ({user.office}), "
            f"not of {filters.office}"
        )
    return replace(filters, office=user.office)


def _documents(conn: sa.Connection) -> dict[tuple[str, str], dict[str, Any]]:
    """The catalogs the validations pinned: as laptops pushed them, else as shipped."""
    from ctpat_desktop.catalog import CatalogLibrary
    from ctpat_desktop.paths import resources_dir

    documents: dict[tuple[str, str], dict[str, Any]] = {}
    query = sa.select(hub_records.c.fields).where(
        hub_records.c.kind == "catalog", hub_records.c.deleted == sa.false()
    )
    for (fields,) in conn.execute(query):
        record = json.loads(fields)
        documents[(record["entity"], record["version"])] = json.loads(record["document"])
    v = hub_stat_validations
    pinned = conn.execute(sa.select(v.c.entity, v.c.catalog_version).distinct()).all()
    library = CatalogLibrary(resources_dir())
    for entity, version in pinned:
        if (entity, version) not in documents:
            try:
                documents[(entity, version)] = library.catalog(entity, version).raw
            except CtpatError:
                continue  # a catalog this hub never saw: its criteria count, untitled
    return documents


def hub_anomalies(conn: sa.Connection) -> list[dict[str, Any]]:
    """The national dashboard's anomaly flags alone (hub_figures' "anomalies"), read on the
    caller's connection and snapshot."""
    from ctpat_desktop.analytics.stats import anomaly_flags
    from ctpat_desktop.catalog import CatalogLibrary
    from ctpat_desktop.paths import resources_dir

    def rows(statement: sa.Select[Any]) -> Sequence[Any]:
        return conn.execute(statement).all()

    categories = CatalogLibrary(resources_dir()).categories
    return anomaly_flags(rows, hub_source(), _documents(conn), categories, StatsFilter())


def hub_figures(engine: sa.Engine, user: User | None, filters: StatsFilter) -> dict[str, Any]:
    """Every figure of the dashboard over what the user may see, with an office breakdown."""
    from ctpat_desktop.analytics.stats import compute_figures
    from ctpat_desktop.catalog import CatalogLibrary
    from ctpat_desktop.hub.feedback import hub_feedback
    from ctpat_desktop.paths import resources_dir

    filters = scoped(filters, user)
    library = CatalogLibrary(resources_dir())
    with engine.connect() as conn:
        # One snapshot for every query (PostgreSQL's REPEATABLE READ; SQLite's read
        # transaction), so a push landing meanwhile cannot make the figures disagree.
        if engine.dialect.name == "postgresql":
            conn.execute(sa.text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))

        def rows(statement: sa.Select[Any]) -> Sequence[Any]:
            return conn.execute(statement).all()

        figures = compute_figures(
            rows,
            hub_source(),
            _documents(conn),
            library.categories,
            library.reasons,
            filters,
            by_office=True,
        )
        figures["feedback"] = hub_feedback(conn, filters)
    scope = "national" if filters.office is None else "office"
    return {"scope": scope} | figures
