"""The outcomes on the dashboard: the results proposed, the supervisors' decisions and the
results decided, for the validations the filters select, overall and per mode."""

from datetime import date
from typing import Any

from ctpat_desktop.analytics.outcomes import outcome_figures, outcome_rows, result_rows
from ctpat_desktop.app import AppContext
from ctpat_desktop.records.kinds import DECISION, OUTCOME
from ctpat_desktop.services import visit
from ctpat_desktop.services.dashboard import dashboard
from ctpat_desktop.services.validations import plan_validation
from ctpat_desktop.sync.local import LocalSync
from ctpat_desktop.worksheet import Lifecycle

ON = "2026-06-03"


def _started(ctx: AppContext, account: str, entity: str, mode: str, on: date) -> str:
    v = plan_validation(
        ctx, member=f"Member {account}", account=account, entity=entity, mode=mode, on=on
    )
    ctx.store.set_status(v.id, Lifecycle.IN_PROGRESS, "tester")
    return v.id


def _decide(ctx: AppContext, vid: str, decision: str, result: str | None = None) -> None:
    values = {"decision": decision, "decided_on": ON} | ({"result": result} if result else {})
    visit.put(ctx, vid, DECISION, values)


def _results(rows: list[dict[str, Any]]) -> dict[str, int]:
    return {r["result"]: r["count"] for r in rows if r["count"]}


def test_outcomes_proposed_and_decided(ctx: AppContext) -> None:
    LocalSync(ctx.store).set_state({"hub_role": "supervisor"})
    changed = _started(ctx, "US-0001", "importer", "virtual", date(2026, 1, 15))
    undecided = _started(ctx, "US-0002", "importer", "virtual", date(2026, 4, 10))
    agreed = _started(ctx, "US-0003", "importer", "in-person", date(2026, 2, 1))
    _started(ctx, "US-0004", "exporter", "in-person", date(2025, 12, 1))  # nothing proposed
    planned = plan_validation(ctx, member="Planned Co", account="US-0005", entity="importer")
    for vid, result in (
        (changed, "tier-2"),
        (undecided, "continued-certification"),
        (agreed, "tier-2"),
        (planned.id, "tier-3"),  # a planned validation never counts
    ):
        visit.put(ctx, vid, OUTCOME, {"result": result})
    _decide(ctx, changed, "changed", "tier-3")
    _decide(ctx, agreed, "agreed")
    _decide(ctx, undecided, "agreed")
    visit.remove(ctx, undecided, DECISION, visit.single_id(DECISION, undecided))

    o = dashboard(ctx)["outcomes"]
    counts = {k: o[k] for k in ("validations", "proposed", "decided", "agreed", "changed")}
    assert counts == {"validations": 4, "proposed": 3, "decided": 2, "agreed": 1, "changed": 1}
    assert o["undecided"] == 1
    assert _results(o["by_proposed"]) == {"tier-2": 2, "continued-certification": 1}
    assert [r["percent"] for r in o["by_proposed"] if r["count"]] == [33.33, 66.67]
    assert _results(o["by_decided"]) == {"tier-2": 1, "tier-3": 1}
    assert [r["result"] for r in o["by_decided"]][:3] == [
        "continued-certification",
        "tier-2",
        "tier-3",
    ]
    assert o["by_decided"][2]["label"] == "Tier 3 (exceeds the criteria)"
    virtual, in_person = o["by_mode"]["virtual"], o["by_mode"]["in-person"]
    assert list(o["by_mode"]) == ["virtual", "in-person"]
    assert (virtual["proposed"], virtual["changed"], virtual["undecided"]) == (2, 1, 1)
    assert virtual["by_decided"]["tier-3"] == 1 and virtual["by_proposed"]["tier-3"] == 0
    assert (in_person["validations"], in_person["proposed"], in_person["agreed"]) == (2, 1, 1)

    only = dashboard(ctx, mode="in-person")["outcomes"]
    assert (only["validations"], only["proposed"], only["decided"], only["undecided"]) == (
        2,
        1,
        1,
        0,
    )
    assert list(only["by_mode"]) == ["in-person"]
    assert dashboard(ctx, start="2026-04-01")["outcomes"]["undecided"] == 1
    assert dashboard(ctx, entity="exporter")["outcomes"]["proposed"] == 0


def test_no_validation_counts_nothing(ctx: AppContext) -> None:
    o = dashboard(ctx)["outcomes"]
    assert (o["validations"], o["proposed"], o["decided"], o["by_mode"]) == (0, 0, 0, {})
    assert all(r["count"] == 0 and r["percent"] == 0.0 for r in o["by_proposed"])
    assert outcome_rows(o) == [("All modes", 0, 0, 0, 0, 0, 0)]


def test_the_export_tables() -> None:
    """Rows read as the query gives them: a decision naming no result keeps the one proposed,
    a result the code does not know is counted after the known ones."""
    o = outcome_figures(
        [
            ("virtual", "tier-2", "agreed", "", 3),
            ("virtual", "tier-2", None, None, 1),
            ("hybrid", "continued-certification", "changed", "suspension-proposal", 1),
            ("hybrid", None, None, None, 2),
            ("hybrid", "future-result", None, None, 1),
        ]
    )
    assert outcome_rows(o) == [
        ("All modes", 8, 6, 4, 3, 1, 2),
        ("Virtual", 4, 4, 3, 3, 0, 1),
        ("Hybrid", 4, 2, 1, 0, 1, 1),
    ]
    rows = result_rows(o)
    assert rows[0] == ("Continued certification", 1, 16.67, 0, 0.0)
    assert rows[1] == ("Tier 2 (validated)", 4, 66.67, 3, 75.0)
    assert rows[3] == ("Proposal to suspend", 0, 0.0, 1, 25.0)
    assert rows[-1] == ("future-result", 1, 16.66, 0, 0.0)
