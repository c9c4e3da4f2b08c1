"""One implementation of every dashboard figure, as SQL that SQLite and PostgreSQL both run.

The figures read a ``StatsSource``: selectables with the laptop's column names. The laptop
builds them as subqueries of its own tables (analytics/stats.py); the hub keeps them as
tables that every push refreshes with these same definitions (hub/stats.py).
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler

from ctpat_desktop.analytics.queries import StatsFilter

# Runs a statement: rows that read by position and by column name (sqlite3.Row, and
# SQLAlchemy's Row through its _mapping or position; the figures read facts by position).
Rows = Callable[[sa.Select[Any]], Sequence[Any]]
NOT_MET = "not-met"
NOT_REVIEWED = "not-reviewed"
PLANNED = "planned"
SIGNED = "signed"
CLOSURE = "closure"
EXTENSION = "extension"


class criterion_category(sa.sql.functions.GenericFunction[int]):
    """A criterion's category: the number before the dot of its ID ("4.8" is 4)."""

    type = sa.Integer()
    inherit_cache = True


@compiles(criterion_category, "sqlite")
def _category_sqlite(element: criterion_category, compiler: SQLCompiler, **kw: Any) -> str:
    column = compiler.process(element.clauses, **kw)
    return f"CAST(substr({column}, 1, instr({column}, '.') - 1) AS INTEGER)"


@compiles(criterion_category, "postgresql")
def _category_postgresql(element: criterion_category, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST(split_part({compiler.process(element.clauses, **kw)}, '.', 1) AS INTEGER)"


class criteria_list(sa.sql.functions.GenericFunction[str]):
    """The criteria of a group, comma-separated: in order where the database can (so that
    validations reviewing the same criteria give the same text), else in the scan's order."""

    type = sa.Text()
    inherit_cache = True


@compiles(criteria_list, "sqlite")
def _criteria_sqlite(element: criteria_list, compiler: SQLCompiler, **kw: Any) -> str:
    return f"group_concat({compiler.process(element.clauses, **kw)}, ',')"


@compiles(criteria_list, "postgresql")
def _criteria_postgresql(element: criteria_list, compiler: SQLCompiler, **kw: Any) -> str:
    column = compiler.process(element.clauses, **kw)
    return f"string_agg({column}, ',' ORDER BY {column})"


class quarter_of(sa.sql.functions.GenericFunction[str]):
    """The quarter of an ISO date, as the trend names it ("2026-Q1")."""

    type = sa.Text()
    inherit_cache = True


@compiles(quarter_of)
def _quarter(element: quarter_of, compiler: SQLCompiler, **kw: Any) -> str:
    # Literal SQL (no bound values): PostgreSQL matches a GROUP BY expression by its text.
    day = compiler.process(element.clauses, **kw)
    month = f"CAST(substr({day}, 6, 2) AS INTEGER)"
    return f"(substr({day}, 1, 4) || '-Q' || CAST(({month} + 2) / 3 AS TEXT))"


class stamp_seconds(sa.sql.functions.GenericFunction[int]):
    """Whole seconds from one stored UTC timestamp to another ("2026-12-06T14:05:00Z")."""

    type = sa.BigInteger()
    inherit_cache = True


@compiles(stamp_seconds, "sqlite")
def _seconds_sqlite(element: stamp_seconds, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = (compiler.process(c, **kw) for c in element.clauses)
    return f"(CAST(strftime('%s', {end}) AS INTEGER) - CAST(strftime('%s', {start}) AS INTEGER))"


@compiles(stamp_seconds, "postgresql")
def _seconds_postgresql(element: stamp_seconds, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = (compiler.process(c, **kw) for c in element.clauses)
    return (
        f"CAST(EXTRACT(EPOCH FROM (CAST({end} AS timestamptz) - CAST({start} AS timestamptz)))"
        " AS BIGINT)"
    )


class days_between(sa.sql.functions.GenericFunction[int]):
    """Whole days from the date of one stored timestamp to the date of another."""

    type = sa.Integer()
    inherit_cache = True


@compiles(days_between, "sqlite")
def _days_sqlite(element: days_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = (compiler.process(c, **kw) for c in element.clauses)
    return f"CAST(julianday(substr({end}, 1, 10)) - julianday(substr({start}, 1, 10)) AS INTEGER)"


@compiles(days_between, "postgresql")
def _days_postgresql(element: days_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = (compiler.process(c, **kw) for c in element.clauses)
    return f"(CAST(substr({end}, 1, 10) AS date) - CAST(substr({start}, 1, 10) AS date))"


def _reviewed(findings: sa.FromClause) -> sa.ColumnElement[bool]:
    return findings.c.status != NOT_REVIEWED


def finding_totals(findings: sa.FromClause) -> sa.Select[Any]:
    """Per validation: findings reviewed, not met, the categories reviewed (bit n set for
    category n) and the criteria reviewed (comma-separated, in no set order)."""
    reviewed = _reviewed(findings)
    bit = sa.literal_column("1").op("<<", return_type=sa.Integer)(
        criterion_category(findings.c.criterion)
    )
    return (
        sa.select(
            findings.c.validation_id,
            sa.func.sum(sa.case((reviewed, 1), else_=0)).label("reviewed"),
            sa.func.sum(sa.case((findings.c.status == NOT_MET, 1), else_=0)).label("deficient"),
            sa.func.coalesce(sa.func.sum(sa.distinct(sa.case((reviewed, bit)))), 0).label(
                "reviewed_categories"
            ),
            criteria_list(sa.case((reviewed, findings.c.criterion))).label("reviewed_criteria"),
        )
        .where(findings.c.deleted == sa.false())
        .group_by(findings.c.validation_id)
    )


def deficiency_rows(findings: sa.FromClause) -> sa.Select[Any]:
    """The findings that count as deficiencies (not met), with what the figures need."""
    return sa.select(
        findings.c.id,
        findings.c.validation_id,
        findings.c.criterion,
        findings.c.unmet_parts,
        findings.c.reasons,
    ).where(findings.c.status == NOT_MET, findings.c.deleted == sa.false())


@dataclass(frozen=True, slots=True)
class StatsSource:
    """What the figures read, each with the laptop's column names.

    validations: id, entity, catalog_version, mode, date, scss, office, status, deleted.
    summary: the same plus member (the member's name) and finding_totals' columns.
    deficiencies: deficiency_rows' columns.
    periods: the session time's stretches: validation_id, category, started_at, ended_at,
    deleted. reports: the signed reports: validation_id, version, signed_at. followups: the
    follow-up records: validation_id, criterion, event, report_version, days, recorded_at.
    outcomes: the results proposed: validation_id, result, deleted. decisions: the
    supervisors' decisions on them: validation_id, decision, result, deleted.
    """

    validations: sa.FromClause
    summary: sa.FromClause
    deficiencies: sa.FromClause
    periods: sa.FromClause
    reports: sa.FromClause
    followups: sa.FromClause
    outcomes: sa.FromClause
    decisions: sa.FromClause


def conditions(filters: StatsFilter, v: sa.FromClause) -> list[sa.ColumnElement[bool]]:
    """The filters as conditions on validation columns; planned or deleted never count."""
    found: list[sa.ColumnElement[bool]] = [v.c.deleted == sa.false(), v.c.status != PLANNED]
    start, end = filters.start, filters.end
    if start is not None:
        found.append(v.c.date >= start.isoformat())
    if end is not None:
        found.append(v.c.date <= end.isoformat())
    for name in ("entity", "mode", "office", "scss", "catalog_version", "status"):
        value = getattr(filters, name)
        if value is not None:
            found.append(v.c[name] == value)
    return found


def facts_query(source: StatsSource, filters: StatsFilter) -> sa.Select[Any]:
    """One row per validation that counts, with its finding totals."""
    s = source.summary
    columns = ("id", "member", "entity", "catalog_version", "mode", "date", "status", "office")
    return sa.select(
        *(s.c[name] for name in columns),
        sa.func.coalesce(s.c.reviewed, 0).label("reviewed"),
        sa.func.coalesce(s.c.deficient, 0).label("deficient"),
        sa.func.coalesce(s.c.reviewed_categories, 0).label("reviewed_categories"),
    ).where(*conditions(filters, s))


def groups_query(source: StatsSource, filters: StatsFilter) -> sa.Select[Any]:
    """The validations that count, per mode, office, quarter and catalog version: how many,
    their findings reviewed and deficiencies, how many found none, and the sums of squares
    and products that confidence intervals need (reviewed r and deficient d per validation)."""
    s = source.summary
    r, d = s.c.reviewed, s.c.deficient
    keys = (s.c.mode, s.c.office, quarter_of(s.c.date).label("quarter"), s.c.catalog_version)
    sums = {
        "n": sa.func.count(),
        "reviewed": sa.func.sum(r),
        "deficient": sa.func.sum(d),
        "clean": sa.func.sum(sa.case((sa.func.coalesce(d, 0) == 0, 1), else_=0)),
        "dd": sa.func.sum(d * d),
        "rr": sa.func.sum(r * r),
        "rd": sa.func.sum(r * d),
    }
    return (
        sa.select(*keys, *(sa.func.coalesce(total, 0).label(name) for name, total in sums.items()))
        .where(*conditions(filters, s))
        .group_by(*keys)
    )


def rate_spread_query(
    source: StatsSource, filters: StatsFilter, min_reviewed: int
) -> sa.Select[Any]:
    """How many validations of each entity type reviewed r findings and found d deficiencies
    (r at least min_reviewed): the peers the anomaly checks measure a rate against."""
    s = source.summary
    keys = (s.c.entity, s.c.reviewed, s.c.deficient)
    return (
        sa.select(*keys, sa.func.count().label("n"))
        .where(*conditions(filters, s), s.c.reviewed >= min_reviewed)
        .group_by(*keys)
    )


def candidates_query(
    source: StatsSource,
    filters: StatsFilter,
    outliers: Sequence[tuple[str, int, int]],
    categories: dict[tuple[str, str], int],
    complete: Sequence[str],
) -> sa.Select[Any]:
    """facts_query's rows for the validations that may stand out: an (entity, reviewed,
    deficient) far from the peers', or complete (status in complete) without a finding
    reviewed in every category of its catalog (bits of the categories, per entity and
    version)."""
    s = source.summary
    mask = sa.func.coalesce(s.c.reviewed_categories, 0)
    unreviewed = [
        sa.and_(
            s.c.entity == entity,
            s.c.catalog_version == version,
            mask.op("&", return_type=sa.Integer)(bits) != bits,
        )
        for (entity, version), bits in categories.items()
        if bits
    ]
    either: list[sa.ColumnElement[bool]] = [
        sa.and_(s.c.entity == e, s.c.reviewed == r, s.c.deficient == d) for e, r, d in outliers
    ]
    if unreviewed:
        either.append(sa.and_(s.c.status.in_(complete), sa.or_(*unreviewed)))
    return facts_query(source, filters).where(sa.or_(sa.false(), *either))


def reviewed_sets_query(source: StatsSource, filters: StatsFilter) -> sa.Select[Any]:
    """How many validations reviewed each set of criteria (few sets: most review all)."""
    s = source.summary
    return (
        sa.select(s.c.reviewed_criteria, sa.func.count().label("n"))
        .where(*conditions(filters, s), s.c.reviewed_criteria.is_not(None))
        .group_by(s.c.reviewed_criteria)
    )


def deficiencies_query(source: StatsSource, filters: StatsFilter) -> sa.Select[Any]:
    """Deficiencies per mode, pinned catalog, criterion, set of parts named not met and list
    of reasons cited (few distinct lists: read once each, not once per deficiency)."""
    v, d = source.validations, source.deficiencies
    keys = (
        v.c.mode,
        v.c.entity,
        v.c.catalog_version.label("version"),
        d.c.criterion,
        criterion_category(d.c.criterion).label("category"),
        d.c.unmet_parts,
        d.c.reasons,
    )
    return (
        sa.select(*keys, sa.func.count().label("n"))
        .select_from(d.join(v, v.c.id == d.c.validation_id))
        .where(*conditions(filters, v))
        .group_by(*keys)
    )


def _session_seconds(source: StatsSource, *per: str) -> sa.Subquery:
    """Seconds of session time recorded per validation (and per the columns named)."""
    p = source.periods
    keys = (p.c.validation_id, *(p.c[name] for name in per))
    seconds = sa.func.sum(stamp_seconds(p.c.started_at, p.c.ended_at))
    return (
        sa.select(*keys, seconds.label("seconds"))
        .where(p.c.deleted == sa.false())
        .group_by(*keys)
        .subquery("p")
    )


def session_query(source: StatsSource, filters: StatsFilter) -> sa.Select[Any]:
    """Per mode: the validations with session time recorded, the sum of their seconds and
    of its square (seconds per validation)."""
    s, per = source.validations, _session_seconds(source)
    return (
        sa.select(
            s.c.mode,
            sa.func.count().label("n"),
            sa.func.sum(per.c.seconds).label("seconds"),
            sa.func.sum(per.c.seconds * per.c.seconds).label("squares"),
        )
        .select_from(s.join(per, per.c.validation_id == s.c.id))
        .where(*conditions(filters, s))
        .group_by(s.c.mode)
    )


def session_category_query(source: StatsSource, filters: StatsFilter) -> sa.Select[Any]:
    """Per mode and category (NULL: before a criterion was chosen): the sum of the seconds
    validations spent on it and of their squares."""
    s, per = source.validations, _session_seconds(source, "category")
    return (
        sa.select(
            s.c.mode,
            per.c.category,
            sa.func.sum(per.c.seconds).label("seconds"),
            sa.func.sum(per.c.seconds * per.c.seconds).label("squares"),
        )
        .select_from(s.join(per, per.c.validation_id == s.c.id))
        .where(*conditions(filters, s))
        .group_by(s.c.mode, per.c.category)
    )


def closure_query(source: StatsSource, filters: StatsFilter) -> sa.Select[Any]:
    """Per mode: the required actions closed, the sum of the days from the signed report
    each follows (its first signing, when one version was signed twice) to its closure,
    and of their squares."""
    s, f, r = source.validations, source.followups, source.reports
    signed = (
        sa.select(r.c.validation_id, r.c.version, sa.func.min(r.c.signed_at).label("signed_at"))
        .group_by(r.c.validation_id, r.c.version)
        .subquery("r")
    )
    days = days_between(signed.c.signed_at, f.c.recorded_at)
    return (
        sa.select(
            s.c.mode,
            sa.func.count().label("n"),
            sa.func.sum(days).label("days"),
            sa.func.sum(days * days).label("squares"),
        )
        .select_from(
            f.join(
                signed,
                sa.and_(
                    signed.c.validation_id == f.c.validation_id,
                    signed.c.version == f.c.report_version,
                ),
            ).join(s, s.c.id == f.c.validation_id)
        )
        .where(f.c.event == CLOSURE, *conditions(filters, s))
        .group_by(s.c.mode)
    )


def extension_query(source: StatsSource, filters: StatsFilter) -> sa.Select[Any]:
    """Per mode: the signed validations, the due-date extensions granted to them (the sum
    per validation and of its square) and the days those added."""
    s, f = source.validations, source.followups
    per = (
        sa.select(
            f.c.validation_id,
            sa.func.count().label("granted"),
            sa.func.sum(f.c.days).label("days"),
        )
        .where(f.c.event == EXTENSION)
        .group_by(f.c.validation_id)
        .subquery("e")
    )
    granted = sa.func.coalesce(per.c.granted, 0)
    return (
        sa.select(
            s.c.mode,
            sa.func.count().label("n"),
            sa.func.coalesce(sa.func.sum(granted), 0).label("granted"),
            sa.func.coalesce(sa.func.sum(granted * granted), 0).label("squares"),
            sa.func.coalesce(sa.func.sum(per.c.days), 0).label("days"),
        )
        .select_from(s.outerjoin(per, per.c.validation_id == s.c.id))
        .where(*conditions(filters, s), s.c.status == SIGNED)
        .group_by(s.c.mode)
    )


def _one_per_validation(table: sa.FromClause, alias: str, *names: str) -> sa.Subquery:
    """A validation's live record of a single kind (its outcome, its decision), one row per
    validation even if a pushed copy under another ID slipped in (the least value wins)."""
    return (
        sa.select(table.c.validation_id, *(sa.func.min(table.c[n]).label(n) for n in names))
        .where(table.c.deleted == sa.false())
        .group_by(table.c.validation_id)
        .subquery(alias)
    )


def outcome_query(source: StatsSource, filters: StatsFilter) -> sa.Select[Any]:
    """How many validations per mode, result proposed (NULL: none yet), decision (NULL: not
    decided) and result the decision names (empty or NULL: the one proposed)."""
    s = source.validations
    o = _one_per_validation(source.outcomes, "o", "result")
    d = _one_per_validation(source.decisions, "dd", "decision", "result")
    keys = (
        s.c.mode,
        o.c.result.label("proposed"),
        d.c.decision,
        d.c.result.label("decided"),
    )
    return (
        sa.select(*keys, sa.func.count().label("n"))
        .select_from(
            s.outerjoin(o, o.c.validation_id == s.c.id).outerjoin(d, d.c.validation_id == s.c.id)
        )
        .where(*conditions(filters, s))
        .group_by(*keys)
    )
