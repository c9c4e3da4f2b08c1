"""The backlog at scale gives the answer of the straightforward computation (every
validation walked in Python, every record of the signed validations read, the anomaly flags
of the whole dashboard) on a mixed data set, on SQLite and PostgreSQL, while parsing only the
records it needs."""

import json
import uuid
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from ctpat_desktop.analytics.queries import StatsFilter
from ctpat_desktop.catalog import criterion_sort_key
from ctpat_desktop.errors import RuleError
from ctpat_desktop.hub import backlog
from ctpat_desktop.hub.backlog import hub_backlog
from ctpat_desktop.hub.backlog_rules import add_years
from ctpat_desktop.hub.push import User
from ctpat_desktop.hub.service import Hub
from ctpat_desktop.hub.stats import hub_figures
from ctpat_desktop.hub.tables import hub_stat_validations
from tests.hubkit import mutation, sample_fields

ADMIN = User("hq", "admin", None)
STAMP = "2021-05-01T10:00:00Z"
# (as of, planning window in days): the default quarter, a window ending on 28 February of
# a leap year (a validation of 29 February 2020 falls due the day after), a long one.
VIEWS = ((date(2026, 5, 1), None), (date(2023, 12, 1), 89), (date(2024, 11, 30), 700))
SCOPES = (None, "Miami", "Laredo", "Seattle")


def _push(hub: Hub, changes: list[Any]) -> None:
    results = hub.push(ADMIN, changes)
    assert {r["outcome"] for r in results} == {"applied"}, results


def _validation(vid: str, member: str, office: str, day: str, **more: Any) -> Any:
    fields = sample_fields(
        "validation", member_id=member, office=office, date=day, catalog_version="2023.2"
    )
    return mutation("validation", vid, fields | more)


def _finding(vid: str, criterion: str, status: str = "met", **more: Any) -> Any:
    fields = sample_fields("finding", validation_id=vid, criterion=criterion, status=status)
    if status == "not-met":
        fields |= {"reasons": '["no-evidence"]', "action": "Do it", "due": "2021-06-10"}
    return mutation("finding", f"{vid}/{criterion}", fields | more)


def _followup(vid: str, criterion: str, number: int, event: str, **more: Any) -> Any:
    fields = {
        "validation_id": vid,
        "criterion": criterion,
        "number": number,
        "event": event,
        "report_version": 1,
        "note": "",
        "implemented": None,
        "accepted": None,
        "days": None,
        "recorded_at": STAMP,
        "recorded_by": "hq",
    } | more
    return mutation("followup", str(uuid.uuid4()), fields)


def _closed(vid: str, criterion: str) -> list[Any]:
    return [
        _followup(vid, criterion, 1, "response", implemented=True, note="Done"),
        _followup(vid, criterion, 2, "decision", accepted=True),
        _followup(vid, criterion, 3, "closure"),
    ]


def _sign(hub: Hub, vid: str, signed_at: str = "2021-05-02T10:00:00Z") -> None:
    for rev, status in ((1, "approved"), (2, "signed")):
        _push(hub, [mutation("validation", vid, {"status": status}, base_rev=rev)])
    report = sample_fields("report", validation_id=vid, signed_at=signed_at)
    _push(hub, [mutation("report", f"r-{vid}", report)])


@pytest.fixture
def hub(hub_db_url: str, tmp_path: Path) -> Iterator[Hub]:
    """A hub on each backend."""
    opened = Hub.open(hub_db_url, tmp_path / "hub-data")
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def mixed(hub: Hub) -> Hub:
    """Members in three offices with every case the backlog tells apart: required actions
    open, closed, extended, answered and those of parts; recommendations; a signed one
    behind a later validation; two validations on one day; plans ahead, stale and alone;
    a moved office; a deleted validation; leap days; twins by name; an anomaly."""
    names = {
        "m-a": "Acme",
        "m-b": "Bravo",
        "m-c": "Charlie",
        "m-d": "Delta",
        "m-e": "Echo",
        "m-f": "Leap",
        "m-f2": "Eve of leap",
        "m-g": "Golf",
        "m-h": "Hotel",
        "m-t1": "Twin",
        "m-t2": "twin",
    }
    changes = [mutation("catalog", "importer@2023.2")]
    changes += [
        mutation("member", mid, {"account": f"IM-{n}", "name": name})
        for n, (mid, name) in enumerate(names.items())
    ]
    changes += [
        _validation("v-a1", "m-a", "Miami", "2016-03-01", mode="in-person"),
        _validation("v-a2", "m-a", "Miami", "2021-03-10", mode="virtual"),
        _validation("v-a3", "m-a", "Miami", "2026-06-01", status="planned"),
        _validation("v-b0", "m-b", "Laredo", "2018-01-01"),
        _validation("v-b1", "m-b", "Laredo", "2022-06-15", mode="in-person"),
        _validation("v-c9", "m-c", "Miami", "2020-05-05"),
        _validation("v-c10", "m-c", "Seattle", "2020-05-05"),
        _validation("v-d1", "m-d", "Seattle", "2026-07-01", status="planned"),
        _validation("v-e0", "m-e", "Seattle", "2019-01-01", status="planned"),
        _validation("v-e1", "m-e", "Seattle", "2021-01-01"),
        _validation("v-f1", "m-f", "Laredo", "2020-02-29"),
        _validation("v-f2", "m-f2", "Laredo", "2020-02-28"),
        _validation("v-g1", "m-g", "Laredo", "2019-04-04"),
        _validation("v-g2", "m-g", "Miami", "2021-08-08"),
        _validation("v-h1", "m-h", "Miami", "2021-01-01"),
        _validation("v-h2", "m-h", "Miami", "2023-01-01"),
        _validation("v-t1", "m-t1", "Miami", "2021-09-09"),
        _validation("v-t2", "m-t2", "Miami", "2021-09-09"),
    ]
    # Acme's last: required actions 4.1 open, 4.2 closed, 4.3 extended and answered, 3.1
    # (part a, a Must) open, 2.2 (part a, a Should) and 1.1 recommendations; met findings
    # in four categories only, so the others were never reviewed (an anomaly).
    changes += [
        _finding("v-a2", "4.1", "not-met"),
        _finding("v-a2", "4.2", "not-met"),
        _finding("v-a2", "4.3", "not-met"),
        _finding("v-a2", "3.1", "not-met", unmet_parts='["a"]'),
        _finding("v-a2", "2.2", "not-met", unmet_parts='["a"]'),
        _finding("v-a2", "1.1", "not-met"),
        *(_finding("v-a2", c) for c in ("1.3", "1.4", "2.1", "2.3", "3.4", "3.5", "4.5")),
        _finding("v-a1", "4.1", "not-met"),
        _finding("v-b0", "4.1", "not-met"),
        _finding("v-b0", "2.2", "not-met", unmet_parts='["b"]'),  # a Should, its part b a Must
        _finding("v-b0", "4.2", "not-met"),
        _finding("v-b1", "4.1", "not-met"),
        _finding("v-g1", "4.5", "not-met"),
    ]
    _push(hub, changes)
    for vid in ("v-a1", "v-a2", "v-b0", "v-g1", "v-h1"):
        _sign(hub, vid)
    _push(
        hub,
        [
            *_closed("v-a2", "4.2"),
            _followup("v-a2", "4.3", 1, "extension", days=120, note="Parts on order"),
            _followup("v-a2", "4.3", 2, "response", implemented=False, note="Soon"),
            *_closed("v-b0", "4.2"),
            mutation("validation", "v-h2", {}, base_rev=1, deleted=True),
        ],
    )
    return hub


def _old_open_actions(
    conn: sa.Connection, signed: Sequence[Any], catalogs: Any, today: date
) -> dict[str, tuple[list[str], int]]:
    """Open required actions as first written: every record of every signed validation."""
    from ctpat_desktop.sync.followup_rules import record_from_fields, signed_start, track
    from ctpat_desktop.sync.meaning import finding_from_fields

    findings: dict[str, list[dict[str, Any]]] = defaultdict(list)
    records: dict[str, list[Any]] = defaultdict(list)
    issued: dict[str, tuple[int, date]] = {}
    kinds = ("finding", "followup", "report")
    for row in backlog._children(conn, [v.id for v in signed], kinds):
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
            continue
    result: dict[str, tuple[list[str], int]] = {}
    for validation in signed:
        catalog = catalogs.get(validation.entity, validation.catalog_version)
        if catalog is None:
            continue
        open_ids, overdue = [], 0
        for fields in findings.get(validation.id, []):
            criterion = catalog.get(str(fields.get("criterion")))
            try:
                finding = finding_from_fields(fields)
            except RuleError:
                continue
            if criterion is None:
                continue
            signed_on = issued[validation.id][1] if validation.id in issued else None
            follow = track(
                signed_start(criterion, finding, validation.date, signed_on),
                records.get(validation.id, []),
            )
            if follow.signed.required and not follow.closed:
                open_ids.append(criterion.id)
                overdue += follow.overdue(today)
        result[validation.id] = (sorted(open_ids, key=criterion_sort_key), overdue)
    return result


def _straightforward(monkeypatch: pytest.MonkeyPatch, hub: Hub, **options: Any) -> dict[str, Any]:
    """The backlog as first written: validations walked, records read, whole dashboard."""

    def old_anomalies(_conn: sa.Connection, last_ids: set[str]) -> dict[str, list[Any]]:
        flagged = hub_figures(hub.engine, None, StatsFilter())["anomalies"]
        return {r["validation"]: list(r["flags"]) for r in flagged if r["validation"] in last_ids}

    with monkeypatch.context() as patched:
        patched.setattr(backlog, "_dates_sort_as_days", lambda _conn: False)
        patched.setattr(backlog, "_open_actions", _old_open_actions)
        patched.setattr(backlog, "_anomalies", old_anomalies)
        return hub_backlog(hub, **options)


def test_the_same_backlog_as_the_straightforward_computation(
    mixed: Hub, monkeypatch: pytest.MonkeyPatch
) -> None:
    for today, horizon in VIEWS:
        for office in SCOPES:
            user = ADMIN if office is None else User("sup", "supervisor", office)
            options = {"user": user, "today": today, "horizon_days": horizon}
            fast = hub_backlog(mixed, **options)
            assert fast == _straightforward(monkeypatch, mixed, **options), (today, office)

    national = {r["member_id"]: r for r in hub_backlog(mixed, ADMIN, today=VIEWS[0][0])["members"]}
    # The data set holds what it claims, so the comparison above weighed every kind of fact.
    acme = national["m-a"]
    assert acme["open_required_actions"] == ["3.1", "4.1", "4.3"]
    assert acme["anomalies"] and acme["planned"] == "2026-06-01"
    assert national["m-b"]["last_validation"]["id"] == "v-b1"
    assert national["m-b"]["open_required_actions"] == ["2.2", "4.1"]  # v-b0's, last signed
    assert national["m-c"]["last_validation"]["id"] == "v-c9"  # "v-c9" > "v-c10"
    assert national["m-c"]["office"] == "Miami"
    assert national["m-d"]["standing"] == "never validated"
    assert national["m-e"]["planned"] is None  # planned before its last: stale
    assert national["m-g"]["office"] == "Miami"
    assert national["m-h"]["last_validation"]["id"] == "v-h1"  # v-h2 deleted
    twins = [r["member_id"] for r in hub_backlog(mixed, ADMIN, today=VIEWS[0][0])["members"]]
    assert twins.index("m-t1") + 1 == twins.index("m-t2")  # same risk, due and name: by id
    leap = hub_backlog(mixed, ADMIN, today=VIEWS[1][0], horizon_days=VIEWS[1][1])
    listed = {r["member_id"] for r in leap["members"]}
    assert "m-f2" in listed and "m-f" not in listed  # due 2024-02-28 and 2024-02-29


def test_only_the_records_that_may_be_open_are_read(
    mixed: Hub, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[Any] = []
    loads = json.loads

    def counted(text: str | bytes) -> Any:
        value = loads(text)
        parsed.append(value)
        return value

    monkeypatch.setattr(backlog.json, "loads", counted)
    hub_backlog(mixed, ADMIN, today=VIEWS[0][0])
    findings = [p for p in parsed if isinstance(p, dict) and "status" in p and "criterion" in p]
    # Acme's met findings, its recommendation 1.1 and closed 4.2 are never read, nor Bravo's
    # closed 4.2; a criterion with parts (2.2, 3.1) is read, its level is the parts'.
    assert sorted((f["validation_id"], f["criterion"]) for f in findings) == [
        ("v-a2", "2.2"),
        ("v-a2", "3.1"),
        ("v-a2", "4.1"),
        ("v-a2", "4.3"),
        ("v-b0", "2.2"),
        ("v-b0", "4.1"),
        ("v-g1", "4.5"),
    ]


def test_a_date_that_does_not_sort_as_a_day_is_walked_past(
    mixed: Hub, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Held from before the hub checked dates: Golf's last validation has no real date.
    with mixed.engine.begin() as conn:
        v = hub_stat_validations
        conn.execute(sa.update(v).where(v.c.id == "v-g2").values(date="2021-02-30"))
    options = {"user": ADMIN, "today": VIEWS[0][0], "horizon_days": None}
    fast = hub_backlog(mixed, **options)
    assert fast == _straightforward(monkeypatch, mixed, **options)
    golf = next(r for r in fast["members"] if r["member_id"] == "m-g")
    assert golf["last_validation"]["id"] == "v-g1" and golf["office"] == "Laredo"


def test_the_last_date_due_by_a_day() -> None:
    start = date(2019, 12, 1)
    for years in (1, 3, 4):
        for offset in range(0, 3 * 366, 7):
            until = start + timedelta(days=offset)
            latest = backlog._latest_due_by(until, years)
            assert latest is not None
            assert add_years(latest, years) <= until < add_years(latest + timedelta(1), years)
    for years in (1, 4):
        for until in (date(2024, 2, 28), date(2024, 2, 29), date(2025, 2, 28), date(2025, 3, 1)):
            latest = backlog._latest_due_by(until, years)
            assert latest is not None
            assert add_years(latest, years) <= until < add_years(latest + timedelta(1), years)
    assert backlog._latest_due_by(date(3, 1, 1), 4) is None
