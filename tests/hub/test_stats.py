"""The program's view on the hub: GET /v1/stats and `ctpat-hub stats`, scoped by role, the
same figures as the laptop's dashboard, kept in step by every push (SQLite and PostgreSQL)."""

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import httpx
import pytest

from ctpat_desktop.analytics import StatsFilter, compute_stats
from ctpat_desktop.app import AppContext
from ctpat_desktop.catalog import CatalogLibrary
from ctpat_desktop.hub.push import User
from ctpat_desktop.paths import resources_dir
from ctpat_desktop.services import approval, followup
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.store.records import ReportRecord
from ctpat_desktop.sync.protocol import PREFIX
from ctpat_desktop.worksheet import Finding, FindingStatus, Lifecycle
from tests.hub.conftest import HubCli
from tests.hubkit import ServedHub, mutation, sample_fields
from tests.sync.conftest import Laptop, laptop, miami, sync
from tests.sync.helpers import planned, session

__all__ = ["laptop", "miami"]

OFFICES = ("Miami", "Laredo", "Seattle")
# Per office: (mode, day, findings as (criterion, status, reasons)).
DATA: dict[str, list[tuple[str, date, list[tuple[str, str, list[str]]]]]] = {
    "Miami": [
        (
            "virtual",
            date(2026, 1, 15),
            [
                ("4.8", "not-met", ["training-gap"]),
                ("4.9", "not-met", ["training-gap", "no-evidence"]),
                ("1.1", "not-met", ["no-written-procedure"]),
                ("2.1", "met", []),
            ],
        ),
        ("in-person", date(2026, 2, 1), [("2.1", "not-met", ["other"]), ("4.8", "met", [])]),
    ],
    "Laredo": [
        (
            "virtual",
            date(2026, 4, 10),
            [("4.8", "not-met", ["technology-gap"]), ("3.1", "met", [])],
        ),
    ],
    "Seattle": [
        ("hybrid", date(2025, 12, 1), [("1.1", "met", []), ("1.2", "met", [])]),
        ("in-person", date(2026, 3, 3), [("6.1", "not-met", ["other"]), ("1.1", "met", [])]),
        ("virtual", date(2026, 3, 4), [("5.1", "not-met", ["training-gap"])]),
    ],
}
# Figures that say when or over what they were made, not what they count (and feedback, which
# the laptop's dashboard service adds: tests/sync/test_feedback_sync.py compares it).
_FRAME = ("generated_at", "scope", "by_office", "filters", "feedback")


@dataclass
class Offices:
    """Three offices' laptops synced with one hub, and a token per role."""

    served: ServedHub
    laptops: dict[str, AppContext]
    tokens: dict[str, str]

    def get(self, who: str, **params: str) -> httpx.Response:
        with self.served.client(self.tokens[who]) as client:
            return client.get(f"{PREFIX}/stats", params=params)


def _record(ctx: AppContext, account: str, mode: str, on: date, findings: Any) -> str:
    v = plan_validation(
        ctx, member=f"Member {account}", account=account, entity="importer", mode=mode, on=on
    )
    ctx.store.set_status(v.id, Lifecycle.IN_PROGRESS, "tester")
    ValidationSession(ctx, v.id).replace_findings(
        [Finding(cid, FindingStatus(status), reasons=tuple(r)) for cid, status, r in findings]
    )
    return v.id


@pytest.fixture
def offices(hub_server: ServedHub, laptop: Laptop) -> Offices:
    tokens, laptops = {}, {}
    for number, office in enumerate(OFFICES):
        name = f"scss-{office.lower()}"
        tokens[office] = hub_server.add_user(name, "scss", office)
        ctx = laptops[office] = laptop(name, office=office)
        for index, (mode, day, findings) in enumerate(DATA[office]):
            _record(ctx, f"US-{number}{index:03d}", mode, day, findings)
        report = sync(ctx, hub_server.url, tokens[office])
        assert not report.rejected
    tokens["admin"] = hub_server.add_user("hq", "admin", None)
    tokens["supervisor"] = hub_server.add_user("sue", "supervisor", "Miami")
    return Offices(hub_server, laptops, tokens)


def _counted(figures: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in figures.items() if k not in _FRAME}


def test_an_scss_sees_their_office_and_an_admin_every_office(offices: Offices) -> None:
    laredo = offices.get("Laredo").json()
    assert (laredo["scope"], laredo["validations"], laredo["deficiencies"]) == ("office", 1, 1)
    assert [row["office"] for row in laredo["by_office"]] == ["Laredo"]
    assert laredo["filters"]["office"] == "Laredo"

    national = offices.get("admin").json()
    assert (national["scope"], national["validations"], national["deficiencies"]) == (
        "national",
        6,
        7,
    )
    assert [
        (r["office"], r["validations"], r["deficiencies"], r["per_validation"])
        for r in national["by_office"]
    ] == [("Laredo", 1, 1, 1.0), ("Miami", 2, 4, 2.0), ("Seattle", 3, 2, 0.67)]
    assert offices.get("admin", office="Seattle").json()["validations"] == 3

    supervisor = offices.get("supervisor").json()
    assert [row["office"] for row in supervisor["by_office"]] == ["Miami"]


def test_the_hub_s_figures_are_the_laptop_s_for_the_same_validations(offices: Offices) -> None:
    for office, ctx in offices.laptops.items():
        laptop_figures = compute_stats(ctx.store, ctx.catalogs.categories, ctx.catalogs.reasons)
        assert _counted(offices.get(office).json()) == _counted(laptop_figures)
    filtered = offices.get("Miami", mode="virtual", **{"from": "2026-01-01"}).json()
    ctx = offices.laptops["Miami"]
    alike = StatsFilter(mode="virtual", start=date(2026, 1, 1))
    expected = compute_stats(ctx.store, ctx.catalogs.categories, ctx.catalogs.reasons, alike)
    assert _counted(filtered) == _counted(expected)
    assert filtered["by_reason"][0] == {
        "reason": "training-gap",
        "label": filtered["by_reason"][0]["label"],
        "count": 2,
        "percent": 50.0,
    }


def test_who_may_ask_for_what(offices: Offices) -> None:
    refused = offices.get("Laredo", office="Miami")
    assert refused.status_code == 403
    assert "own office (Laredo), not of Miami" in refused.json()["error"]
    assert offices.get("Laredo", office="Laredo").status_code == 200
    for params, message in (
        ({"mode": "zoom"}, "'zoom' is not a valid validation mode"),
        ({"from": "2026-13-01"}, "--from '2026-13-01' is not a valid date"),
        ({"status": "planned"}, "planned validations have no findings to count"),
        ({"entity": "spaceport"}, "spaceport"),
        ({"office_name": "Miami"}, "Unknown filter 'office_name'"),
    ):
        answer = offices.get("admin", **params)
        assert answer.status_code == 400 and message in answer.json()["error"], params
    with offices.served.client() as anonymous:
        assert anonymous.get(f"{PREFIX}/stats").status_code == 401


def test_a_pushed_change_moves_the_figures(offices: Offices) -> None:
    ctx, token = offices.laptops["Laredo"], offices.tokens["Laredo"]
    (validation,) = ctx.store.list_validations()
    work = ValidationSession(ctx, validation.validation.id)
    work.record_finding("3.1", status="not-met", reasons=["no-evidence"])
    work.record_finding("4.8", status="met")
    sync(ctx, offices.served.url, token)
    after = offices.get("Laredo").json()
    assert (after["deficiencies"], after["findings_reviewed"]) == (1, 2)
    assert [(r["criterion"], r["count"]) for r in after["top_criteria"]] == [("3.1", 1)]
    assert [r["reason"] for r in after["by_reason"]] == ["no-evidence"]
    ctx.store.set_status(validation.validation.id, Lifecycle.IN_REVIEW, "tester")
    sync(ctx, offices.served.url, token)
    assert offices.get("Laredo", status="in-review").json()["validations"] == 1
    laptop_figures = compute_stats(ctx.store, ctx.catalogs.categories, ctx.catalogs.reasons)
    assert _counted(offices.get("Laredo").json()) == _counted(laptop_figures)


def test_the_operator_s_command(offices: Offices, hub_cli: HubCli) -> None:
    code, out, err = hub_cli("stats", "--json")
    assert (code, err) == (0, "")
    national = json.loads(out)
    assert national["validations"] == 6 and len(national["by_office"]) == 3
    assert (national["outcomes"]["validations"], national["outcomes"]["proposed"]) == (6, 0)
    code, out, _ = hub_cli("stats", "--json", "--office", "Miami", "--mode", "virtual")
    assert json.loads(out)["validations"] == 1
    code, out, _ = hub_cli("stats")
    assert code == 0 and "By office" in out and "Seattle" in out
    code, out, err = hub_cli("stats", "--mode", "zoom")
    assert (code, out) == (1, "") and "'zoom' is not a valid validation mode" in err


# The seed's "Deficiencies by criteria category" (April 2021), as DOMAIN.md quotes it, and
# deficiency counts that give exactly those shares when each is rounded on its own.
PUBLISHED = {
    1: 11.15, 2: 9.39, 3: 10.94, 4: 13.48, 5: 13.20, 6: 4.38,
    7: 8.89, 8: 6.14, 9: 5.86, 10: 3.60, 11: 2.54, 12: 10.44,
}  # fmt: skip
COUNTS = {
    1: 158, 2: 133, 3: 155, 4: 191, 5: 187, 6: 62,
    7: 126, 8: 87, 9: 83, 10: 51, 11: 36, 12: 148,
}  # fmt: skip


def _seed_mutations() -> list[Any]:
    """Validations whose not-met findings, category by category, are COUNTS."""
    catalog = CatalogLibrary(resources_dir()).catalog("importer", "2023.2")
    by_category: dict[int, list[str]] = {}
    for criterion in catalog.criteria:
        by_category.setdefault(criterion.category, []).append(criterion.id)
    needed = max(-(-COUNTS[n] // len(ids)) for n, ids in by_category.items())
    validation = sample_fields("validation", catalog_version="2023.2", date="2021-04-15")
    changes = [mutation("catalog", "importer@2023.2"), mutation("member", "m-1")]
    changes += [mutation("validation", f"v-{v}", validation) for v in range(needed)]
    for n, ids in by_category.items():
        for k in range(COUNTS[n]):
            vid, criterion = f"v-{k // len(ids)}", ids[k % len(ids)]
            fields = sample_fields(
                "finding", validation_id=vid, criterion=criterion, status="not-met"
            )
            changes.append(mutation("finding", f"{vid}/{criterion}", fields | _NOT_MET))
    return changes


_NOT_MET = {"reasons": '["other"]', "unmet_parts": "[]"}


def test_the_seed_category_table_is_reproduced(hub_server: ServedHub) -> None:
    hub = hub_server.hub
    user = User("ana", "scss", "Miami")
    hub_server.add_user("ana", "scss", "Miami")
    changes = _seed_mutations()
    for start in range(0, len(changes), 500):
        results = hub.push(user, changes[start : start + 500])
        assert {r["outcome"] for r in results} == {"applied"}, results[0]
    figures = hub.stats(None, StatsFilter(start=date(2021, 4, 1), end=date(2021, 4, 30)))
    rows = figures["by_category"]
    assert {r["category"]: r["count"] for r in rows} == COUNTS
    shown = {r["category"]: r["percent"] for r in rows}
    # The published table sums to 100.01: each share rounded alone. Ours sum to 100.00
    # exactly (largest remainder), so one share, 6's 4.3756 %, rounds down instead of up.
    assert shown == PUBLISHED | {6: 4.37}
    assert round(sum(shown.values()), 2) == 100.0
    assert all(round(100 * COUNTS[n] / 1417, 2) == PUBLISHED[n] for n in COUNTS)


def test_the_dashboard_tables_are_rebuilt_from_the_records(offices: Offices) -> None:
    """What the migration does for a hub that held records before it had these tables; a
    validation with nothing reviewed yet counts with zero findings reviewed."""
    import sqlalchemy as sa

    from ctpat_desktop.hub import stats
    from ctpat_desktop.hub.tables import hub_stat_deficiencies, hub_stat_validations

    hub = offices.served.hub
    user = User("scss-laredo", "scss", "Laredo")
    fields = sample_fields("validation", office="Laredo", catalog_version="2023.2")
    finding = sample_fields("finding", validation_id="v-empty", status="not-reviewed")
    results = hub.push(
        user,
        [mutation("validation", "v-empty", fields), mutation("finding", "f-empty", finding)],
    )
    assert {r["outcome"] for r in results} == {"applied"}, results
    before = hub.stats(None, StatsFilter())
    with hub.engine.begin() as conn:
        conn.execute(sa.delete(hub_stat_deficiencies))
        conn.execute(sa.delete(hub_stat_validations))
    assert hub.stats(None, StatsFilter())["validations"] == 0
    with hub.engine.begin() as conn:
        stats.rebuild(conn)
    assert _counted(hub.stats(None, StatsFilter())) == _counted(before)
    assert before["validations"] == 7 and before["findings_reviewed"] == 13


def test_session_times_and_follow_up_reach_the_hub_s_metrics(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    """A virtual validation timed on a laptop, signed, its required action extended and
    closed: the hub's virtual-validation metrics are the laptop's, and rebuilt alike."""
    import sqlalchemy as sa

    from ctpat_desktop.hub import stats
    from ctpat_desktop.hub.tables import hub_stat_followups, hub_stat_periods, hub_stat_reports

    ana, sam = laptop("ana"), laptop("sam")
    sam_token = hub_server.add_user("sam", "supervisor", "Miami")
    validation_id = planned(ana)
    work = session(ana, validation_id)
    work.replace_findings(
        [
            Finding(c.id, FindingStatus.NOT_MET, ("training-gap",), action="Enforce MFA")
            if c.id == "4.8"
            else Finding(c.id, FindingStatus.MET)
            for c in work.catalog.criteria
        ]
    )
    for category, start, end in ((4, 9, 10), (None, 10, 11), (4, 13, 15)):
        period = work.start_period(category, now=datetime(2026, 11, 2, start, 0, tzinfo=UTC))
        work.extend_period(period.id, now=datetime(2026, 11, 2, end, 30, tzinfo=UTC))
    approval.submit_for_review(ana, validation_id)
    sync(ana, hub_server.url, miami["ana"])
    sync(sam, hub_server.url, sam_token)
    approval.approve(sam, validation_id)
    sync(sam, hub_server.url, sam_token)
    sync(ana, hub_server.url, miami["ana"])
    report = ReportRecord(1, "ab" * 32, "Ana SCSS", "2026-11-29T10:00:00Z", "report-v1.pdf", "en")
    ana.store.issue_report(validation_id, report, "ana")
    followup.extend(ana, validation_id, "4.8", days=60, reason="New VPN appliance")
    followup.respond(ana, validation_id, "4.8", implemented=True, note="MFA on")
    followup.decide(ana, validation_id, "4.8", accepted=True)
    followup.close(ana, validation_id, "4.8", note="Logs checked")
    assert sync(ana, hub_server.url, miami["ana"]).rejected == []

    hub = hub_server.hub
    expected = compute_stats(ana.store, ana.catalogs.categories, ana.catalogs.reasons)
    seen = hub.stats(User("ana", "scss", "Miami"), StatsFilter())
    assert seen["mode_metrics"] == expected["mode_metrics"]
    virtual = seen["mode_metrics"]["modes"]["virtual"]
    assert virtual["session_minutes_per_validation"]["value"] == 330.0
    assert [(r["category"], r["value"]) for r in virtual["session_minutes_by_category"]] == [
        (None, 90.0),
        (4, 240.0),
    ]
    assert (virtual["days_to_closure"]["n"], virtual["extension_days"]) == (1, 60)

    with hub.engine.begin() as conn:
        for table in (hub_stat_periods, hub_stat_reports, hub_stat_followups):
            conn.execute(sa.delete(table))
    assert hub.stats(None, StatsFilter())["mode_metrics"] != expected["mode_metrics"]
    with hub.engine.begin() as conn:
        stats.rebuild_times(conn)
    assert hub.stats(None, StatsFilter())["mode_metrics"] == expected["mode_metrics"]


def test_outcomes_and_decisions_reach_the_hub_s_figures(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    """Outcomes proposed on a laptop and decided by a supervisor on another: the hub's
    `outcomes` are the laptop's (filtered too), follow a removed decision, and are rebuilt
    from the records alike (what migration h0007 does)."""
    import sqlalchemy as sa
    from alembic import command
    from alembic.config import Config

    from ctpat_desktop.hub import database, stats
    from ctpat_desktop.hub.tables import hub_stat_decisions, hub_stat_outcomes
    from ctpat_desktop.records.kinds import DECISION, OUTCOME
    from ctpat_desktop.services import visit

    ana, sam = laptop("ana"), laptop("sam")
    sam_token = hub_server.add_user("sam", "supervisor", "Miami")
    proposed = {"IM-1": "tier-2", "IM-2": "tier-2", "IM-3": "continued-certification"}
    ids = {}
    for account, result in proposed.items():
        ids[account] = vid = planned(ana, account)
        session(ana, vid).record_finding("4.8", status="met")
        visit.put(ana, vid, OUTCOME, {"result": result})
    ana.store.set_status(ids["IM-3"], Lifecycle.IN_REVIEW, "tester")
    sync(ana, hub_server.url, miami["ana"])
    sync(sam, hub_server.url, sam_token)
    decided = {"decided_on": "2026-12-01"}
    visit.put(sam, ids["IM-1"], DECISION, {"decision": "agreed"} | decided)
    visit.put(sam, ids["IM-2"], DECISION, {"decision": "changed", "result": "tier-3"} | decided)
    assert sync(sam, hub_server.url, sam_token).rejected == []
    sync(ana, hub_server.url, miami["ana"])

    hub, user = hub_server.hub, User("ana", "scss", "Miami")
    expected = compute_stats(ana.store, ana.catalogs.categories, ana.catalogs.reasons)
    seen = hub.stats(user, StatsFilter())["outcomes"]
    assert seen == expected["outcomes"]
    with hub_server.client(miami["ana"]) as client:
        assert client.get(f"{PREFIX}/stats").json()["outcomes"] == seen
    assert (seen["proposed"], seen["agreed"], seen["changed"], seen["undecided"]) == (3, 1, 1, 1)
    assert {r["result"]: r["count"] for r in seen["by_decided"] if r["count"]} == {
        "tier-2": 1,
        "tier-3": 1,
    }
    alike = StatsFilter(status="in-progress")
    local = compute_stats(ana.store, ana.catalogs.categories, ana.catalogs.reasons, alike)
    assert hub.stats(user, alike)["outcomes"] == local["outcomes"]
    assert (local["outcomes"]["validations"], local["outcomes"]["undecided"]) == (2, 0)

    visit.remove(sam, ids["IM-2"], DECISION, visit.single_id(DECISION, ids["IM-2"]))
    sync(sam, hub_server.url, sam_token)
    assert hub.stats(user, StatsFilter())["outcomes"]["undecided"] == 2

    before = hub.stats(None, StatsFilter())["outcomes"]
    with hub.engine.begin() as conn:
        for table in (hub_stat_outcomes, hub_stat_decisions):
            conn.execute(sa.delete(table))
    assert hub.stats(None, StatsFilter())["outcomes"]["proposed"] == 0
    with hub.engine.begin() as conn:
        stats.rebuild_outcomes(conn)
    assert hub.stats(None, StatsFilter())["outcomes"] == before

    # A hub that held these records before h0007: the migration fills its tables.
    config = Config()
    config.set_main_option("script_location", str(database.MIGRATIONS))
    with hub.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "h0006_stat_times")
    assert not sa.inspect(hub.engine).has_table("hub_stat_outcomes")
    database.migrate(hub.engine)
    assert hub.stats(None, StatsFilter())["outcomes"] == before
