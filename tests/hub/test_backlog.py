"""The backlog on the hub: `ctpat-hub backlog` and GET /v1/backlog list the members due for
(re)validation, scored by risk in words, with the office's virtual rules (SQLite and
PostgreSQL); the Excel export is read back."""

import json
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ctpat_desktop.catalog import CatalogLibrary
from ctpat_desktop.errors import CtpatError
from ctpat_desktop.hub.backlog import hub_backlog
from ctpat_desktop.hub.backlog_rules import BacklogRules, add_years, load_rules, parse_rules
from ctpat_desktop.hub.push import User
from ctpat_desktop.paths import resources_dir
from ctpat_desktop.sync.protocol import PREFIX
from tests.hub.conftest import HubCli
from tests.hubkit import ServedHub, mutation, sample_fields

TODAY = date(2026, 5, 1)  # the window runs to 2026-08-01: due if last validated by 2022-08-01
ADMIN = User("hq", "admin", None)
STAMP = "2021-05-01T10:00:00Z"


def _finding(vid: str, criterion: str, status: str = "met", **more: Any) -> Any:
    fields = sample_fields("finding", validation_id=vid, criterion=criterion, status=status)
    if status == "not-met":
        fields |= {"reasons": '["no-evidence"]', "action": "Do it", "due": "2021-06-10"}
    return mutation("finding", f"{vid}/{criterion}", fields | more)


def _validation(vid: str, member: str, office: str, day: str, **more: Any) -> Any:
    fields = sample_fields(
        "validation",
        member_id=member,
        office=office,
        date=day,
        catalog_version="2023.2",
        **more,
    )
    return mutation("validation", vid, fields)


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


def _one_per_category() -> list[str]:
    catalog = CatalogLibrary(resources_dir()).catalog("importer", "2023.2")
    first: dict[int, str] = {}
    for criterion in catalog.criteria:
        first.setdefault(criterion.category, criterion.id)
    return list(first.values())


def _push(served: ServedHub, changes: list[Any]) -> None:
    results = served.hub.push(ADMIN, changes)
    assert {r["outcome"] for r in results} == {"applied"}, results


@pytest.fixture
def offices(hub_server: ServedHub) -> Iterator[ServedHub]:
    """Members of three offices:

    acme (Miami): last validated 2021-03-10, virtually, signed; required actions 4.8 open
      (overdue) and 4.9 closed, 1.1 a recommendation; only three criteria reviewed.
    rio (Laredo): a Mexican long-haul carrier last validated 2022-06-15 in person, signed,
      every category reviewed, nothing found: due in the window, low risk.
    newco (Miami): last validated 2024-01-10: not due yet.
    fresh (Seattle): only a planned validation: never validated.
    """
    hub_server.add_user("hq", "admin", None)
    members = {
        "m-acme": ("ACME-1", "Acme Imports"),
        "m-rio": ("RIO-22", "Rio Bravo Trucking"),
        "m-new": ("NEW-33", "Newco"),
        "m-fresh": ("FR-44", "Fresh Produce"),
    }
    changes = [mutation("catalog", "importer@2023.2")]
    changes += [
        mutation("member", mid, {"account": acc, "name": name})
        for mid, (acc, name) in members.items()
    ]
    changes += [
        _validation("v-acme", "m-acme", "Miami", "2021-03-10", mode="virtual"),
        _finding("v-acme", "4.8", "not-met"),
        _finding("v-acme", "4.9", "not-met"),
        _finding("v-acme", "1.1", "not-met"),
        _validation(
            "v-rio",
            "m-rio",
            "Laredo",
            "2022-06-15",
            mode="in-person",
            entity="mexican-long-haul-carrier",
        ),
        _validation("v-acme-old", "m-acme", "Miami", "2016-02-01", mode="in-person"),
        _validation("v-new", "m-new", "Miami", "2024-01-10"),
        _validation("v-fresh", "m-fresh", "Seattle", "2026-06-20", status="planned"),
    ]
    _push(hub_server, changes)
    catalog = CatalogLibrary(resources_dir()).catalog("mexican-long-haul-carrier", "2023.2")
    rio_ids = {c.category: c.id for c in reversed(catalog.criteria)}
    _push(hub_server, [_finding("v-rio", cid) for cid in rio_ids.values()])
    for vid in ("v-acme", "v-rio"):
        for rev, status in ((1, "approved"), (2, "signed")):
            _push(hub_server, [mutation("validation", vid, {"status": status}, base_rev=rev)])
        report = sample_fields("report", validation_id=vid)
        _push(hub_server, [mutation("report", f"r-{vid}", report)])
    _push(
        hub_server,
        [
            _followup("v-acme", "4.9", 1, "response", implemented=True, note="Done"),
            _followup("v-acme", "4.9", 2, "decision", accepted=True),
            _followup("v-acme", "4.9", 3, "closure"),
            _followup("v-acme", "4.8", 1, "response", implemented=False, note="Soon"),
        ],
    )
    yield hub_server


def _by_member(backlog: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {row["member"]: row for row in backlog["members"]}


def test_the_members_due_with_their_risk_in_words(offices: ServedHub) -> None:
    backlog = hub_backlog(offices.hub, None, today=TODAY)
    rows = _by_member(backlog)
    assert list(rows) == ["Acme Imports", "Fresh Produce", "Rio Bravo Trucking"]  # by risk
    assert (backlog["as_of"], backlog["until"], backlog["cycle_years"]) == (
        "2026-05-01",
        "2026-08-01",
        4,
    )
    assert backlog["counts"] == {
        "members": 3,
        "overdue": 1,
        "never_validated": 1,
        "virtual_eligible": 1,
    }

    acme = rows["Acme Imports"]
    assert (acme["account"], acme["office"], acme["standing"]) == ("ACME-1", "Miami", "overdue")
    assert acme["due"] == "2025-03-10" and acme["days_overdue"] == 417
    assert acme["last_validation"]["id"] == "v-acme"  # not the 2016 one
    assert acme["open_required_actions"] == ["4.8"]  # 4.9 closed, 1.1 a recommendation
    factors = {f["factor"]: f for f in acme["risk"]["factors"]}
    assert factors["time"]["points"] == 13  # 417 days late: 13 whole months
    assert "revalidation was due 2025-03-10, 417 days ago" in factors["time"]["reason"]
    assert factors["deficiencies"]["points"] == 6
    assert factors["deficiencies"]["reason"].startswith("3 deficiencies at the last validation")
    assert factors["open_actions"]["points"] == 5
    assert "(4.8, 1 past their due date)" in factors["open_actions"]["reason"]
    assert "categories" in factors["anomalies"]["reason"]  # signed, most never reviewed
    assert acme["anomalies"] and acme["risk"]["score"] == 5 + 13 + 6 + 5 + 10
    assert acme["virtual"]["eligible"] is False
    reasons = " | ".join(acme["virtual"]["reasons"])
    assert "required actions are not closed" in reasons and "above the limit" not in reasons
    assert "the last validation was virtual" in reasons

    rio = rows["Rio Bravo Trucking"]
    assert (rio["standing"], rio["due"], rio["days_overdue"]) == ("due", "2026-06-15", -45)
    assert rio["risk"]["score"] == 20  # the entity type alone
    assert "Mexican Long-Haul Highway Carriers" in rio["risk"]["factors"][0]["reason"]
    assert rio["virtual"] == {"eligible": True, "reasons": [], "why_not": []}

    fresh = rows["Fresh Produce"]
    assert (fresh["standing"], fresh["due"], fresh["planned"]) == (
        "never validated",
        None,
        "2026-06-20",
    )
    assert fresh["last_validation"] is None
    assert "a first validation is done in person" in fresh["virtual"]["reasons"]


def test_the_rules_are_the_hub_s_settings_file(offices: ServedHub, tmp_path: Path) -> None:
    rules = {
        "cycle_years": 3,
        "horizon_days": 0,
        "entity_points": {"mexican-long-haul-carrier": 50},
        "virtual": {"offices": {"Laredo": {"max_risk": 60, "entities": ["importer"]}}},
    }
    (tmp_path / "hub-data" / "backlog.json").write_text(json.dumps(rules))
    rows = _by_member(hub_backlog(offices.hub, None, today=TODAY))
    # Three years: newco (2024-01-10) is due in 2027, still not listed; rio is overdue now.
    assert set(rows) == {"Acme Imports", "Fresh Produce", "Rio Bravo Trucking"}
    rio = rows["Rio Bravo Trucking"]
    assert (rio["standing"], rio["due"]) == ("overdue", "2025-06-15")
    assert rio["risk"]["factors"][0]["points"] == 50
    assert rio["virtual"]["reasons"] == [
        "Mexican Long-Haul Highway Carriers are validated in person (office Laredo's rules)"
    ]
    wider = hub_backlog(offices.hub, None, today=TODAY, horizon_days=3 * 365)
    assert "Newco" in _by_member(wider)


def test_who_sees_which_members(offices: ServedHub) -> None:
    laredo = offices.add_user("lu", "scss", "Laredo")
    miami = offices.add_user("sue", "supervisor", "Miami")
    admin = offices.add_user("boss", "admin", None)
    params = {"as_of": TODAY.isoformat()}
    with offices.client(laredo) as client:
        answer = client.get(f"{PREFIX}/backlog", params=params).json()
        assert [r["member"] for r in answer["members"]] == ["Rio Bravo Trucking"]
        assert answer["scope"] == "office" and answer["office"] == "Laredo"
        refused = client.get(f"{PREFIX}/backlog", params=params | {"office": "Miami"})
        assert refused.status_code == 403
        assert "own office (Laredo), not of Miami" in refused.json()["error"]
        for bad, message in (
            ({"as_of": "2026-02-30"}, "as_of '2026-02-30' is not a valid date"),
            ({"horizon_days": "-1"}, "horizon_days must be a whole number from 0 to 3660"),
            ({"region": "south"}, "Unknown parameter 'region'"),
        ):
            answer = client.get(f"{PREFIX}/backlog", params=bad)
            assert answer.status_code == 400 and message in answer.json()["error"], bad
    with offices.client(miami) as client:
        rows = client.get(f"{PREFIX}/backlog", params=params).json()["members"]
        assert [r["member"] for r in rows] == ["Acme Imports"]
    with offices.client(admin) as client:
        national = client.get(f"{PREFIX}/backlog", params=params).json()
        assert national["scope"] == "national" and len(national["members"]) == 3
        seattle = client.get(f"{PREFIX}/backlog", params=params | {"office": "Seattle"}).json()
        assert [r["member"] for r in seattle["members"]] == ["Fresh Produce"]
    with offices.client() as anonymous:
        assert anonymous.get(f"{PREFIX}/backlog").status_code == 401


def test_the_operator_s_command_and_its_workbook(hub_cli: HubCli, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    hub = hub_cli.hub()
    try:
        served = ServedHub("", hub)
        served.add_user("hq", "admin", None)
        _push(
            served,
            [
                mutation("member", "m-1", {"account": "EQ-1", "name": '=HYPERLINK("x")'}),
                _validation("v-1", "m-1", "Miami", "2020-01-05"),
                _finding("v-1", "4.8", "not-met"),
            ],
        )
    finally:
        hub.close()
    out = tmp_path / "backlog.xlsx"
    code, text, err = hub_cli("backlog", "--json", "--as-of", "2026-05-01", "--xlsx", str(out))
    assert (code, err) == (0, "")
    document = json.loads(text)
    (row,) = document["members"]
    assert row["due"] == "2024-01-05" and row["standing"] == "overdue"
    book = load_workbook(out)
    assert book.sheetnames == ["Backlog", "Risk factors", "About"]
    sheet = book["Backlog"]
    header = [c.value for c in sheet[1]]
    values = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert values["Member"] == '=HYPERLINK("x")'  # text, never a formula
    assert sheet["B2"].data_type == "s"
    assert values["Risk"] == row["risk"]["score"]
    assert values["Due"].date() == date(2024, 1, 5)
    assert values["Open required actions"] is None  # not signed: no follow-up yet
    assert values["Virtual eligible"] == "no"
    factors = [[c.value for c in r] for r in book["Risk factors"].iter_rows(min_row=2)]
    assert [f[2] for f in factors] == ["entity", "time", "deficiencies"]
    about = {r[0].value: r[1].value for r in book["About"].iter_rows(min_row=2)}
    assert about["Members listed"] == 1 and about["Scope"] == "every office"

    code, text, err = hub_cli("backlog", "--as-of", "2026-05-01")
    assert code == 0 and "1 members due by 2026-08-01" in text and "not virtual:" in text
    code, text, err = hub_cli("backlog", "--as-of", "yesterday")
    assert (code, text) == (1, "") and "--as-of 'yesterday' is not a valid date" in err
    bad = tmp_path / "rules.json"
    bad.write_text('{"cycle_years": "four"}')
    code, text, err = hub_cli("backlog", "--rules", str(bad))
    assert code == 1 and "cycle_years must be a whole number" in err


def test_rules_are_checked_and_dates_roll() -> None:
    assert add_years(date(2020, 2, 29), 4) == date(2024, 2, 29)
    assert add_years(date(2020, 2, 29), 1) == date(2021, 2, 28)
    assert load_rules(None, None) == BacklogRules()
    for raw, message in (
        ({"cycle_year": 4}, "unknown key 'cycle_year'"),
        ({"cycle_years": 0}, "cycle_years must be at least 1"),
        ({"points": {"anomaly": -1}}, "anomaly must be a whole number"),
        ({"virtual": {"default": {"anomalies": "no"}}}, "anomalies must be true or false"),
        ({"virtual": {"offices": {"X": {"entities": "importer"}}}}, "entities must be a list"),
        ([], "must be a JSON object"),
    ):
        with pytest.raises(CtpatError, match=message):
            parse_rules(raw, "rules")
    rules = parse_rules({"virtual": {"default": {"max_risk": 10}, "offices": {"A": {}}}}, "r")
    assert rules.virtual_for("A").max_risk == 10  # an office inherits the default
    assert rules.virtual_for("B").max_risk == 10
