"""The backlog in a reader's language (issue 19): the hub's JSON keeps every English text
and adds, for each reason, its English template with named values that the message scan
finds, so a window says it in its own language; the workbook says every word through the
Speaker it is given, and stays English without one.

Before, the reasons were English sentences only: a Spanish window had nothing to translate.
"""

import ast
import inspect
from dataclasses import fields, replace
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from ctpat_desktop.hub import backlog_rules
from ctpat_desktop.hub.backlog_rules import (
    BacklogRules,
    MemberFacts,
    Speaker,
    VirtualRules,
    score,
    virtual_verdict,
)
from ctpat_desktop.services.backlog_xlsx import write_backlog_xlsx
from ctpat_desktop.sync.protocol import PREFIX
from ctpat_desktop.ui.message_scan import core_messages
from tests.hub.test_backlog import TODAY, offices
from tests.hubkit import ServedHub

__all__ = ["offices"]

ENGLISH_HEADERS = [
    "Risk",
    "Member",
    "Account",
    "Entity type",
    "Office",
    "Standing",
    "Due",
    "Days overdue",
    "Last validated",
    "Last mode",
    "Deficiencies",
    "Open required actions",
    "Anomaly flags",
    "Virtual eligible",
    "Why not virtual",
    "Planned",
    "Risk explained",
]


def _templates_in_rules() -> set[str]:
    """Every said() template written in hub/backlog_rules.py."""
    tree = ast.parse(inspect.getsource(backlog_rules))
    return {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "said"
        and isinstance(node.args[0], ast.Constant)
    }


def _facts(**changes: Any) -> MemberFacts:
    base = MemberFacts(
        entity="highway-carrier",
        entity_name="Highway Carriers",
        office="Laredo",
        last_date=date(2021, 3, 10),
        last_mode="virtual",
        deficiencies=3,
        reviewed=40,
        open_actions=("4.8", "5.1"),
        overdue_actions=1,
        anomalies=(
            {"reason": "the validation is signed but category 9. Physical Security was never seen"},
        ),
    )
    return replace(base, **changes)


def _said_items() -> list[dict[str, Any]]:
    """The factors and the reasons not to go virtual of members that take every branch."""
    strict = BacklogRules(
        virtual=VirtualRules(max_risk=1, entities=("importer",)),
        offices={"Miami": VirtualRules(max_risk=1, entities=("importer",))},
    )
    cases = [
        (_facts(), date(2025, 3, 10)),  # overdue, open actions overdue, flagged
        (
            _facts(office="Miami", deficiencies=0, overdue_actions=0, anomalies=()),
            date(2026, 6, 1),  # due in a month
        ),
        (_facts(last_date=None, last_mode=None, open_actions=(), anomalies=()), None),
    ]
    items: list[dict[str, Any]] = []
    for facts, due in cases:
        factors = score(strict, facts, due, TODAY)
        _eligible, why = virtual_verdict(strict, facts, sum(f["points"] for f in factors))
        items += factors + why
    return items


def test_every_reason_carries_its_template_and_values_and_the_same_english() -> None:
    items = _said_items()
    templates = {item["message"] for item in items}
    assert templates == _templates_in_rules()  # every template of the rules was said here
    assert len(templates) == 17
    found = set(core_messages())
    assert templates <= found  # the scan gives them to the translators
    for item in items:
        assert item["message"].format(**item["values"]) == item["reason"]
        assert all(type(v) in (str, int) for v in item["values"].values()), item
    by_template = {item["message"]: item for item in items}
    overdue = by_template[
        "last validated {last} ({years} years ago); revalidation was due {due}, {days} days ago"
    ]
    assert overdue["reason"] == (
        "last validated 2021-03-10 (5.1 years ago); revalidation was due 2025-03-10, 417 days ago"
    )
    assert overdue["values"] == {
        "last": "2021-03-10",
        "years": "5.1",
        "due": "2025-03-10",
        "days": 417,
    }
    rules = {item["rule"] for item in items if "rule" in item}
    assert rules == {f.name for f in fields(VirtualRules)}  # each names the rule it comes from
    # The factor codes and the standings are words the scan finds too.
    assert {"entity", "time", "deficiencies", "open_actions", "anomalies"} <= found
    assert {"overdue", "due", "never validated"} <= found


def test_a_speaker_says_a_reason_and_falls_back_to_the_hub_s_english() -> None:
    item = score(BacklogRules(), _facts(), date(2025, 3, 10), TODAY)[0]
    spanish = {
        "{entity_name}: this entity type weighs {points} points": "{entity_name}: {points} puntos"
    }
    speaker = Speaker(text=lambda text: spanish.get(text, text), entity=lambda name: name.upper())
    assert speaker.said(item) == "HIGHWAY CARRIERS: 15 puntos"
    older_hub = {"factor": "entity", "points": 15, "reason": "Highway Carriers: 15 points"}
    assert speaker.said(older_hub) == "Highway Carriers: 15 points"
    wrong = Speaker(text=lambda text: "{nothing} here")  # a translation naming no value
    assert wrong.said(item) == item["reason"]


def test_the_hub_sends_the_templates_and_keeps_its_english(offices: ServedHub) -> None:
    admin = offices.add_user("boss", "admin", None)
    with offices.client(admin) as client:
        answer = client.get(f"{PREFIX}/backlog", params={"as_of": TODAY.isoformat()})
    assert answer.status_code == 200
    members = answer.json()["members"]
    assert {m["standing"] for m in members} == {"overdue", "due", "never validated"}
    said = 0
    for member in members:
        for factor in member["risk"]["factors"]:
            assert factor["message"].format(**factor["values"]) == factor["reason"]
            said += 1
        why = member["virtual"]["why_not"]
        assert member["virtual"]["reasons"] == [w["reason"] for w in why]
        for reason in why:
            assert reason["message"].format(**reason["values"]) == reason["reason"]
            assert reason["rule"] in {f.name for f in fields(VirtualRules)}
            said += 1
    assert said >= 10


def _marked(text: str) -> str:
    return f"«{text}»"


def _marked_reason(item: dict[str, Any]) -> str:
    values = dict(item["values"])
    if "entity_name" in values:
        values["entity_name"] = _marked(values["entity_name"])
    if "flags" in item:  # the anomaly flags within the sentence, each said in turn
        values["flags"] = "; ".join(_marked_reason(flag) for flag in item["flags"])
    return _marked(item["message"]).format(**values)


def test_the_workbook_says_every_word_through_its_speaker(
    offices: ServedHub, tmp_path: Path
) -> None:
    from ctpat_desktop.hub.backlog import hub_backlog

    backlog = hub_backlog(offices.hub, None, today=TODAY)
    english, marked = tmp_path / "en.xlsx", tmp_path / "marked.xlsx"
    write_backlog_xlsx(backlog, english)
    write_backlog_xlsx(backlog, marked, Speaker(text=_marked, entity=_marked, mode=_marked))

    book = load_workbook(english)
    assert book.sheetnames == ["Backlog", "Risk factors", "About"]
    assert [c.value for c in book["Backlog"][1]] == ENGLISH_HEADERS

    book = load_workbook(marked)
    assert book.sheetnames == ["«Backlog»", "«Risk factors»", "«About»"]
    assert book.properties.title == "«Validation backlog»"
    sheet = book["«Backlog»"]
    assert [c.value for c in sheet[1]] == [_marked(h) for h in ENGLISH_HEADERS]
    rows = {r[1].value: [c.value for c in r] for r in sheet.iter_rows(min_row=2)}
    acme = next(m for m in backlog["members"] if m["member"] == "Acme Imports")
    cells = dict(zip(ENGLISH_HEADERS, rows["Acme Imports"], strict=True))
    assert cells["Standing"] == "«overdue»"
    assert cells["Entity type"] == _marked(acme["entity_name"])
    assert cells["Last mode"] == "«virtual»"
    assert cells["Virtual eligible"] == "«no»"
    assert cells["Why not virtual"] == "; ".join(
        _marked_reason(w) for w in acme["virtual"]["why_not"]
    )
    assert cells["Risk explained"] == "; ".join(
        f"{_marked_reason(f)} (+{f['points']})" for f in acme["risk"]["factors"]
    )
    factors = [[c.value for c in r] for r in book["«Risk factors»"].iter_rows(min_row=1)]
    assert factors[0] == ["«Member»", "«Account»", "«Factor»", "«Points»", "«Reason»"]
    assert all(row[2].startswith("«") and row[4].startswith("«") for row in factors[1:])
    about = [[c.value for c in r] for r in book["«About»"].iter_rows()]
    assert about[0] == ["«What»", "«Value»"]
    assert all(row[0].startswith("«") for row in about)
    assert ["«Scope»", "«every office»"] in about and ["«Rules»", "«the defaults»"] in about


def test_a_translated_sheet_name_excel_refuses_is_made_one_it_takes(tmp_path: Path) -> None:
    backlog = {
        "members": [],
        "office": None,
        "as_of": "2026-05-01",
        "until": "2026-08-01",
        "cycle_years": 4,
        "rules": None,
        "counts": {"members": 0, "overdue": 0, "never_validated": 0, "virtual_eligible": 0},
    }
    target = tmp_path / "odd.xlsx"
    write_backlog_xlsx(backlog, target, Speaker(text=lambda t: f"[{t}]: ¿sí/no? " * 4))
    names = load_workbook(target).sheetnames
    assert len(names) == 3 and all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names)
