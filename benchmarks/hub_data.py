"""A decade of the program in the hub's PostgreSQL tables, for the hub benchmarks.

fill_dashboard: about 100,000 Importer validations of 93 criteria in 20 offices over ten
years (2016-2025), 8 % of findings not met with one or two reasons, 3 % of validations still
in progress; the finding totals filled by the same definitions a push uses.
fill_records: what a hub holds beyond the dashboard's tables, for the backlog: every member,
validation and finding as a synced record, a signed report per signed validation, the
follow-up of their required actions (most closed, a few % still open, some of them overdue),
members that lapsed (their later validations now another member's), members only planned,
and validations that the anomaly checks flag.
All generated in the database (generate_series), indexes built after the bulk load.
"""

import contextlib
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import sqlalchemy as sa

from ctpat_desktop.catalog import Catalog, Level
from ctpat_desktop.hub import stats

OFFICES = 20


@contextlib.contextmanager
def _without_indexes(conn: sa.Connection, table: str) -> Iterator[None]:
    """Drop the table's indexes and key constraints, then build them again (as a restore)."""
    run = conn.exec_driver_sql
    constraints = run(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE conrelid = %(t)s::regclass AND contype IN ('p', 'u')",
        {"t": table},
    ).all()
    indexes = run(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %(t)s "
        "AND indexname NOT IN (SELECT conname FROM pg_constraint "
        "WHERE conrelid = %(t)s::regclass)",
        {"t": table},
    ).all()
    for name, _definition in constraints:
        run(f"ALTER TABLE {table} DROP CONSTRAINT {name}")
    for name, _definition in indexes:
        run(f"DROP INDEX {name}")
    yield
    for name, definition in constraints:
        run(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}")
    for _name, definition in indexes:
        run(definition)


def vacuum_analyze(engine: sa.Engine) -> None:
    """Fresh planner statistics, as a hub's autovacuum would have left them."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE")


def fill_dashboard(
    engine: sa.Engine, criteria: Sequence[str], codes: Sequence[str], findings: int
) -> int:
    """Fill the dashboard tables with about so many findings; the number of validations."""
    count = -(-findings // len(criteria))
    ids = ",".join(f"'{c}'" for c in criteria)
    reasons = ",".join(f"'\"{c}\"'" for c in codes)
    with engine.begin() as conn:
        run = conn.exec_driver_sql
        run("SELECT setseed(0.7)")
        run(
            "INSERT INTO hub_stat_members SELECT 'm-' || g, 'Member ' || g "
            f"FROM generate_series(0, {count // 3}) g"
        )
        run(
            "INSERT INTO hub_stat_validations SELECT 'v-' || g, 'm-' || mod(g, "
            f"{count // 3 + 1}), 'importer', '2023.2', "
            "(ARRAY['virtual','in-person','hybrid'])[mod(g, 3) + 1], "
            f"to_char(date '2016-01-01' + (g * 3650 / {count}), 'YYYY-MM-DD'), "
            f"'scss-' || mod(g, 97), 'Office ' || mod(g, {OFFICES}), "
            "CASE WHEN mod(g, 33) = 0 THEN 'in-progress' WHEN mod(g, 5) = 0 THEN 'in-review' "
            "ELSE 'signed' END, false, 0, 0, 0, NULL "
            f"FROM generate_series(0, {count - 1}) g"
        )
        with _without_indexes(conn, "hub_stat_findings"):
            run(
                "INSERT INTO hub_stat_findings SELECT 'v-' || g || '/' || c.id, 'v-' || g, "
                "c.id, CASE WHEN mod(g, 33) = 0 AND c.n > mod(g, 90) THEN 'not-reviewed' "
                "WHEN random() < 0.08 THEN 'not-met' ELSE 'met' END, '[]', '[]', false "
                f"FROM generate_series(0, {count - 1}) g, "
                f"unnest(ARRAY[{ids}]) WITH ORDINALITY AS c(id, n)"
            )
            run(
                "UPDATE hub_stat_findings SET reasons = '[' || "
                f"(ARRAY[{reasons}])[1 + floor(random() * {len(codes)})::int] || "
                f"CASE WHEN random() < 0.4 THEN ',' || (ARRAY[{reasons}])[1 + floor(random() * "
                f"{len(codes)})::int] ELSE '' END || ']' WHERE status = 'not-met'"
            )
        stats.refresh_all_totals(conn)
    vacuum_analyze(engine)
    return count


# Per signed validation, by its number modulo 100: how its required actions were followed
# up. Below CLOSED every one was answered, accepted and closed; then a response still under
# review, an extension of 90 days, and nothing at all (open, overdue once due).
CLOSED, ANSWERED, EXTENDED = 94, 97, 99
_NUMBER = "substr({0}, 3)::int"  # 'v-123' -> 123
# A validation's number among its office's ('v-123' -> 6): offices take turns, so a share
# taken by this number is the same share in every office.
_IN_OFFICE = f"(substr({{0}}, 3)::int / {OFFICES})"

# Each finding's synced fields as a laptop pushes them; a not-met one with its action and
# a due date 90 days after the validation.
_FINDING_FIELDS = (
    "jsonb_build_object('validation_id', f.validation_id, 'criterion', f.criterion, "
    "'status', f.status, 'reasons', f.reasons, 'verified', NULL, 'note', '', "
    "'report_text', '', 'action', CASE WHEN f.status = 'not-met' THEN 'Put it right' "
    "ELSE '' END, 'due', CASE WHEN f.status = 'not-met' THEN to_char(v.date::date + 90, "
    "'YYYY-MM-DD') END, 'profile_answer', '', 'response_implemented', NULL, "
    "'response_note', '', 'extension_days', NULL, 'extension_reason', '', "
    "'response_accepted', NULL)::text"
)
_VALIDATION_FIELDS = (
    "jsonb_build_object('member_id', v.member_id, 'entity', v.entity, 'catalog_version', "
    "v.catalog_version, 'mode', v.mode, 'date', v.date, 'scss', v.scss, 'office', v.office, "
    "'webex_url', '', 'participants', '[]', 'planned_minutes', 240, 'archived', false, "
    "'status', v.status, 'created_at', v.date || 'T08:00:00Z')::text"
)
_INSERT = (
    "INSERT INTO hub_records (kind, id, office, validation_id, sha256, rev, seq, deleted, "
    "fields, updated_at, updated_by, epoch, member_id) "
)


def _unusual(conn: sa.Connection, catalog: Catalog) -> None:
    """Make about 1 % of signed validations stand out to the anomaly checks: half leave a
    category never reviewed, half find a third of the criteria not met."""
    run = conn.exec_driver_sql
    last = max(c.category for c in catalog.criteria)
    number = _IN_OFFICE.format("f.validation_id")
    run(
        "UPDATE hub_stat_findings f SET status = 'not-reviewed', reasons = '[]' "
        f"FROM hub_stat_validations v WHERE v.id = f.validation_id AND v.status = 'signed' "
        f"AND mod({number}, 200) = 7 AND split_part(f.criterion, '.', 1) = '{last}'"
    )
    run(
        "UPDATE hub_stat_findings f SET status = 'not-met', reasons = '[\"other\"]' "
        f"FROM hub_stat_validations v WHERE v.id = f.validation_id AND v.status = 'signed' "
        f"AND mod({number}, 200) = 9 AND f.status = 'met' AND random() < 0.35"
    )
    touched = run(
        "SELECT id FROM hub_stat_validations "
        f"WHERE mod({_IN_OFFICE.format('id')}, 200) IN (7, 9) AND status = 'signed'"
    ).scalars()
    stats.refresh_totals(conn, list(touched))


def _reshape_members(conn: sa.Connection, count: int) -> None:
    """Members that lapsed: 1 in 13 validated after the first cycle is another member's now
    (a new one, validated once), so its old member is overdue. And 1 member in 100 new,
    only planned (never validated), with its validation a month after the decade."""
    run = conn.exec_driver_sql
    run(
        "UPDATE hub_stat_validations SET member_id = 'm-x' || substr(id, 3) "
        f"WHERE {_NUMBER.format('id')} > {count // 3} AND mod({_NUMBER.format('id')}, 13) = 5"
    )
    run(
        "INSERT INTO hub_stat_validations SELECT 'v-p' || g, 'm-p' || g, 'importer', "
        "'2023.2', 'in-person', to_char(date '2026-02-01' + mod(g, 60), 'YYYY-MM-DD'), "
        f"'scss-' || mod(g, 97), 'Office ' || mod(g, {OFFICES}), 'planned', false, 0, 0, 0, "
        f"NULL FROM generate_series(0, {count // 300}) g"
    )
    run(
        "INSERT INTO hub_stat_members SELECT DISTINCT v.member_id, "
        "'Member ' || substr(v.member_id, 3) FROM hub_stat_validations v "
        "WHERE NOT EXISTS (SELECT 1 FROM hub_stat_members m WHERE m.id = v.member_id)"
    )


def _followup_rows(must: Sequence[str]) -> str:
    """The follow-up records of every signed required action, as a SELECT of
    (id, validation_id, office, criterion, number, event, days, at, fields)."""
    ids = ",".join(f"'{c}'" for c in must)
    number = _IN_OFFICE.format("v.id")
    steps = (
        f"SELECT 1, 'response', true, NULL::boolean, NULL::int WHERE b < {CLOSED} "
        f"UNION ALL SELECT 2, 'decision', NULL, true, NULL WHERE b < {CLOSED} "
        f"UNION ALL SELECT 3, 'closure', NULL, NULL, NULL WHERE b < {CLOSED} "
        f"UNION ALL SELECT 1, 'response', false, NULL, NULL WHERE b >= {CLOSED} "
        f"AND b < {ANSWERED} "
        f"UNION ALL SELECT 1, 'extension', NULL, NULL, 90 WHERE b >= {ANSWERED} AND b < {EXTENDED}"
    )
    return (
        "SELECT d.id || '#' || s.n AS id, d.validation_id, v.office, d.criterion, "
        "s.n AS number, s.event, s.days, "
        "to_char(v.date::date + 20 + 10 * s.n, 'YYYY-MM-DD') || 'T10:00:00Z' AS at, "
        "jsonb_build_object('validation_id', d.validation_id, 'criterion', d.criterion, "
        "'number', s.n, 'event', s.event, 'report_version', 1, 'note', CASE s.event "
        "WHEN 'response' THEN 'We are on it' WHEN 'extension' THEN 'Parts on order' "
        "ELSE '' END, 'implemented', s.implemented, 'accepted', s.accepted, 'days', s.days, "
        "'recorded_at', to_char(v.date::date + 20 + 10 * s.n, 'YYYY-MM-DD') || 'T10:00:00Z', "
        "'recorded_by', v.scss)::text AS fields "
        "FROM hub_stat_deficiencies d JOIN hub_stat_validations v ON v.id = d.validation_id "
        f"CROSS JOIN LATERAL (SELECT mod({number}, 100) AS b) k "
        f"CROSS JOIN LATERAL ({steps}) AS s(n, event, implemented, accepted, days) "
        f"WHERE v.status = 'signed' AND d.criterion IN ({ids})"
    )


def fill_records(engine: sa.Engine, catalog: Catalog, count: int) -> None:
    """Everything the backlog reads beyond fill_dashboard's tables (see the module's text);
    count is the number of validations fill_dashboard made."""
    must = [c.id for c in catalog.criteria if c.level_not_met() is Level.MUST]
    with engine.begin() as conn:
        run = conn.exec_driver_sql
        run("SELECT setseed(0.3)")
        _unusual(conn, catalog)
        _reshape_members(conn, count)
        run("CREATE TEMPORARY SEQUENCE bench_seq")
        seq = "nextval('bench_seq')"
        stamp = "'2026-01-01T00:00:00Z', 'bench', NULL"
        with _without_indexes(conn, "hub_records"):
            run(
                f"{_INSERT} SELECT 'member', m.id, NULL, NULL, NULL, 1, {seq}, false, "
                "jsonb_build_object('account', 'IM-' || substr(m.id, 3), 'name', m.name)::text, "
                f"{stamp}, NULL FROM hub_stat_members m"
            )
            run(
                f"{_INSERT} SELECT 'validation', v.id, v.office, v.id, NULL, 1, {seq}, false, "
                f"{_VALIDATION_FIELDS}, {stamp}, v.member_id FROM hub_stat_validations v"
            )
            run(
                f"{_INSERT} SELECT 'finding', f.id, v.office, f.validation_id, NULL, 1, {seq}, "
                f"false, {_FINDING_FIELDS}, {stamp}, NULL FROM hub_stat_findings f "
                "JOIN hub_stat_validations v ON v.id = f.validation_id"
            )
            signed_at = "to_char(v.date::date + 10, 'YYYY-MM-DD') || 'T12:00:00Z'"
            run(
                f"{_INSERT} SELECT 'report', 'r-' || v.id, v.office, v.id, repeat('0', 64), 1, "
                f"{seq}, false, jsonb_build_object('validation_id', v.id, 'version', 1, "
                f"'sha256', repeat('0', 64), 'signer', v.scss, 'signed_at', {signed_at}, "
                "'file_name', 'report.pdf', 'language', 'en')::text, "
                f"{stamp}, NULL FROM hub_stat_validations v WHERE v.status = 'signed'"
            )
            run(
                f"INSERT INTO hub_stat_reports SELECT 'r-' || v.id, v.id, 1, {signed_at} "
                "FROM hub_stat_validations v WHERE v.status = 'signed'"
            )
            run(f"CREATE TEMPORARY TABLE bench_followups AS {_followup_rows(must)}")
            run(
                f"{_INSERT} SELECT 'followup', id, office, validation_id, NULL, 1, {seq}, "
                f"false, fields, {stamp}, NULL FROM bench_followups"
            )
        run(
            "INSERT INTO hub_stat_followups SELECT id, validation_id, criterion, event, 1, "
            "days, at FROM bench_followups"
        )
        run("UPDATE hub_counter SET seq = (SELECT max(seq) FROM hub_records) WHERE id = 1")
    vacuum_analyze(engine)


def statements_sent(engine: sa.Engine, work: Callable[[], object]) -> list[tuple[str, Any]]:
    """Every statement the work sends to the database, with its parameters, as sent."""
    sent: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        sent.append((statement, parameters))

    sa.event.listen(engine, "before_cursor_execute", record)
    try:
        work()
    finally:
        sa.event.remove(engine, "before_cursor_execute", record)
    return sent


def replayed(engine: sa.Engine, statements: list[tuple[str, Any]]) -> float:
    """Seconds the statements take straight on the driver, in one transaction (rolled back):
    the raw SQL a figure's time is compared with."""
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        start = time.perf_counter()
        for sql, parameters in statements:
            cursor.execute(sql, parameters)
            if cursor.description is not None:
                cursor.fetchall()
        seconds = time.perf_counter() - start
        raw.rollback()
        return seconds
    finally:
        raw.close()
