"""Anomaly flags in a reader's language: each flagged validation keeps its English `reasons`
and adds `flags`, each with its code, template and values (ctpat_desktop/said.py), which the
message scan gives the translators and a Speaker says back with its own words and numbers;
the backlog's "flagged" line carries the same flags, said in turn. The command lines stay
English.

Before, the flags were English sentences only: a Spanish window had nothing to translate.
"""

import ast
import inspect
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from ctpat_desktop.analytics import anomalies
from ctpat_desktop.analytics.anomalies import (
    ValidationFacts,
    find_anomalies,
    rate_baselines,
    said_reasons,
)
from ctpat_desktop.app import AppContext
from ctpat_desktop.catalog import CatalogLibrary
from ctpat_desktop.hub.backlog import hub_backlog
from ctpat_desktop.hub.backlog_rules import BacklogRules, MemberFacts, anomaly_flags, score
from ctpat_desktop.hub.cli import main as hub_main
from ctpat_desktop.paths import resources_dir
from ctpat_desktop.said import ENGLISH, Speaker
from ctpat_desktop.services.backlog_xlsx import MEMBER_COLUMNS, write_backlog_xlsx
from ctpat_desktop.services.dashboard import dashboard
from ctpat_desktop.sync.protocol import PREFIX
from ctpat_desktop.ui.message_scan import core_messages
from tests.analytics.test_stats import _record, _validation
from tests.conftest import CliResult
from tests.hub.test_backlog import TODAY, offices
from tests.hubkit import ServedHub, hub_db_url, hub_server, pg_cluster

__all__ = ["hub_db_url", "hub_server", "offices", "pg_cluster"]

EVERY = (1 << 13) - 2  # bits 1..12: every category had a finding reviewed
CATEGORIES = list(range(1, 13))
# Peers: importers find about 5 % deficient, exporters about 50 %.
SPREAD = [
    ("importer", 20, 1, 3),
    ("importer", 20, 2, 3),
    ("importer", 20, 0, 1),
    ("exporter", 20, 10, 3),
    ("exporter", 20, 11, 3),
    ("exporter", 20, 9, 1),
]


def _names() -> dict[int, str]:
    return {c.number: c.name for c in CatalogLibrary(resources_dir()).categories}


def _facts(vid: str, entity: str = "importer", **kw: Any) -> ValidationFacts:
    name = {"importer": "U.S. Importers", "exporter": "Exporters"}[entity]
    return ValidationFacts(vid, f"Member {vid}", entity, name, f"2026-05-0{vid[-1]}", **kw)


def _flagged() -> list[dict[str, object]]:
    """One validation for each sentence a flag can say."""
    candidates = [
        _facts("v1", status="in-progress", reviewed=20, deficient=12, reviewed_categories=EVERY),
        _facts("v2", "exporter", status="in-progress", reviewed=20, reviewed_categories=EVERY),
        _facts("v3", status="signed", reviewed=8, reviewed_categories=EVERY & ~(1 << 9)),
        _facts("v4", status="in-review", reviewed=8, reviewed_categories=EVERY & ~0b1100),
        _facts("v5", status="in-progress", reviewed=25, reviewed_categories=EVERY),
    ]
    return find_anomalies(
        candidates,
        rate_baselines(SPREAD),
        {f.id: CATEGORIES for f in candidates},
        _names(),
        {"v5": (25, 10.0)},
    )


def _templates_in_anomalies() -> set[str]:
    tree = ast.parse(inspect.getsource(anomalies))
    return {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "said"
        and isinstance(node.args[0], ast.Constant)
    }


def test_every_flag_carries_its_code_template_and_values_beside_the_same_english() -> None:
    rows = {row["validation"]: row for row in _flagged()}
    assert sorted(rows) == ["v1", "v2", "v3", "v4", "v5"]
    templates = set()
    for row in rows.values():
        flags: Any = row["flags"]
        assert row["reasons"] == [flag["reason"] for flag in flags]
        for flag in flags:
            assert set(flag) == {"code", "reason", "message", "values"}
            assert flag["message"].format(**flag["values"]) == flag["reason"]
            templates.add(flag["message"])
    assert templates == _templates_in_anomalies()  # every sentence of the checks was said
    assert len(templates) == 5
    assert templates <= set(core_messages())  # the scan gives them to the translators

    def only(vid: str) -> dict[str, Any]:
        (flag,) = rows[vid]["flags"]
        return flag

    above, below, one, two, fast = (only(v) for v in ("v1", "v2", "v3", "v4", "v5"))
    assert [f["code"] for f in (above, below, one, two, fast)] == [
        "deficiency_rate",
        "deficiency_rate",
        "categories_not_reviewed",
        "categories_not_reviewed",
        "too_fast",
    ]
    # The English is what it always was.
    assert above["reason"] == (
        "deficiency rate 60.0% (12 of 20 reviewed) is far above the median of 7 "
        "U.S. Importers validations (5.0%; robust z-score +7.4)"
    )
    assert below["reason"] == (
        "deficiency rate 0.0% (0 of 20 reviewed) is far below the median of 7 "
        "Exporters validations (50.0%; robust z-score -6.7)"
    )
    assert (
        one["reason"]
        == "the validation is signed but category 9. Physical Security was never reviewed"
    )
    assert two["reason"] == (
        "the validation is in-review but categories 2. Risk Assessment, "
        "3. Business Partner Requirements were never reviewed"
    )
    assert fast["reason"] == (
        "25 findings were recorded one by one in 10 seconds (0.4 s each), faster than a "
        "criterion can be walked on a call"
    )
    # The values are the numbers themselves, for a reader to write its own way.
    assert above["values"] == {
        "rate": 0.6,
        "deficient": 12,
        "reviewed": 20,
        "peers": 7,
        "entity_name": "U.S. Importers",
        "median": 0.05,
        "z": pytest.approx(7.4195),
    }
    assert two["values"]["status"] == "in-review"
    assert two["values"]["category_numbers"] == [2, 3]
    assert fast["values"] == {"edits": 25, "seconds": 10.0, "each": 10 / 24}


def test_the_json_keeps_reasons_as_english_text() -> None:
    rows = _flagged()
    again = json.loads(json.dumps(rows))
    for row, read in zip(rows, again, strict=True):
        assert read["reasons"] == [str(r) for r in row["reasons"]]
        assert all(type(r) is str for r in read["reasons"])
        assert read["flags"] == row["flags"]
        assert set(read) == {"validation", "member", "entity", "date", "reasons", "flags"}


def _spanish_text(text: str) -> str:
    return {
        "deficiency rate {rate:.1%} ({deficient} of {reviewed} reviewed) is far above the "
        "median of {peers} {entity_name} validations ({median:.1%}; robust z-score {z:+.1f})": (
            "tasa de deficiencias {rate:.1%} ({deficient} de {reviewed} revisados), muy por "
            "encima de la mediana de {peers} validaciones de {entity_name} ({median:.1%}; "
            "puntuación z robusta {z:+.1f})"
        ),
        "the validation is {status} but categories {categories} were never reviewed": (
            "la validación está {status} pero las categorías {categories} nunca se revisaron"
        ),
        "{edits} findings were recorded one by one in {seconds:.0f} seconds ({each:.1f} s "
        "each), faster than a criterion can be walked on a call": (
            "{edits} hallazgos registrados uno a uno en {seconds:.0f} segundos ({each:.1f} s "
            "cada uno)"
        ),
    }.get(text, text)


def _comma(value: float, spec: str) -> str:
    return format(value, spec).replace(".", ",")


SPANISH = Speaker(
    text=_spanish_text,
    entity={"U.S. Importers": "Importadores de EE. UU."}.get,
    status={"in-review": "en revisión"}.get,
    category={2: "Evaluación de riesgos", 3: "Requisitos de socios comerciales"}.__getitem__,
    number=_comma,
)


def test_a_speaker_says_each_flag_with_its_words_and_numbers() -> None:
    rows = {row["validation"]: row for row in _flagged()}
    (above,) = said_reasons(rows["v1"], SPANISH)
    assert above == (
        "tasa de deficiencias 60,0% (12 de 20 revisados), muy por encima de la mediana de 7 "
        "validaciones de Importadores de EE. UU. (5,0%; puntuación z robusta +7,4)"
    )
    (two,) = said_reasons(rows["v4"], SPANISH)
    assert two == (
        "la validación está en revisión pero las categorías 2. Evaluación de riesgos, "
        "3. Requisitos de socios comerciales nunca se revisaron"
    )
    (fast,) = said_reasons(rows["v5"], SPANISH)
    assert fast == "25 hallazgos registrados uno a uno en 10 segundos (0,4 s cada uno)"
    # English, as the core wrote it, by default.
    for row in rows.values():
        assert said_reasons(row) == row["reasons"]


def test_a_flag_falls_back_to_its_english_and_an_older_hub_s_row_is_said_as_sent() -> None:
    row = next(r for r in _flagged() if r["validation"] == "v1")
    (english,) = row["reasons"]
    for wrong in ("{nothing} here", "tasa {rate:.1d}", "tasa {0}"):
        assert said_reasons(row, Speaker(text=lambda _t, w=wrong: w)) == [english]
    older = {key: value for key, value in row.items() if key != "flags"}
    assert said_reasons(older, SPANISH) == [english]


def test_each_reason_is_its_flag_s_english() -> None:
    for row in _flagged():
        assert row["reasons"] == [flag["reason"] for flag in row["flags"]]
        assert all(type(reason) is str for reason in row["reasons"])


def test_the_backlog_s_flagged_line_says_the_same_flags_in_turn() -> None:
    row = next(r for r in _flagged() if r["validation"] == "v4")
    facts = MemberFacts(
        entity="importer",
        entity_name="U.S. Importers",
        office="Miami",
        last_date=date(2021, 3, 10),
        last_mode="virtual",
        deficiencies=0,
        reviewed=8,
        open_actions=(),
        overdue_actions=0,
        anomalies=list(row["flags"]),
    )
    factors = {f["factor"]: f for f in score(BacklogRules(), facts, date(2025, 3, 10), TODAY)}
    flagged = factors["anomalies"]
    assert flagged["reason"] == f"the last validation was flagged: {row['reasons'][0]}"
    assert flagged["flags"] == row["flags"]
    json.dumps(flagged)
    spanish = Speaker(
        text=lambda t: {"the last validation was flagged: {flags}": "marcada: {flags}"}.get(
            t, SPANISH.text(t)
        ),
        status=SPANISH.status,
        category=SPANISH.category,
    )
    assert spanish.said(flagged) == "marcada: " + said_reasons(row, SPANISH)[0]
    member = {"risk": {"factors": list(factors.values())}, "anomalies": row["reasons"]}
    assert anomaly_flags(member, spanish) == said_reasons(row, SPANISH)
    assert anomaly_flags(member) == row["reasons"]
    # A hub without the flags' templates: their English, as it sent them.
    older = {"risk": {"factors": [{**flagged, "flags": None}]}, "anomalies": ["as sent"]}
    assert anomaly_flags(older, spanish) == ["as sent"]
    assert ENGLISH.said({**flagged, "flags": [{"reason": "plain"}]}) == (
        "the last validation was flagged: plain"
    )


def test_stats_json_adds_flags_and_the_text_stays_english(
    ctx: AppContext, cli: Callable[..., CliResult]
) -> None:
    ids = [c.id for c in ctx.catalogs.catalog("importer").criteria][:12]
    for n in range(6):
        s = _validation(ctx, f"US-01{n:02d}", "importer", "in-person", date(2026, 5, n + 1))
        deficient = 12 if n == 5 else 1
        _record(
            s,
            *(
                (cid, "not-met" if i < deficient else "met", ["other"] if i < deficient else [])
                for i, cid in enumerate(ids)
            ),
        )
    figures = cli("stats", "--json").json()
    (row,) = figures["anomalies"]
    (flag,) = row["flags"]
    assert flag["code"] == "deficiency_rate"
    assert (
        row["reasons"]
        == [flag["reason"]]
        == [str(r) for r in dashboard(ctx)["anomalies"][0]["reasons"]]
    )
    text = cli("stats").out
    assert f"    - {flag['reason']}" in text.splitlines()


def _marked(text: str) -> str:
    return f"«{text}»"


def test_the_hub_sends_flags_and_its_backlog_says_them_through_the_speaker(
    offices: ServedHub,
    hub_db_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    admin = offices.add_user("boss", "admin", None)
    with offices.client(admin) as client:
        answer = client.get(f"{PREFIX}/stats")
    assert answer.status_code == 200
    rows = {row["member"]: row for row in answer.json()["anomalies"]}
    acme = rows["Acme Imports"]
    assert [f["code"] for f in acme["flags"]] == ["categories_not_reviewed"]
    assert acme["reasons"] == [f["reason"] for f in acme["flags"]]

    assert hub_main(["--db", hub_db_url, "--data-dir", str(tmp_path / "cli"), "stats"]) == 0
    out = capsys.readouterr().out
    assert f"    - {acme['reasons'][0]}" in out.splitlines()  # ctpat-hub stats: English

    backlog = hub_backlog(offices.hub, None, today=TODAY)
    member = next(m for m in backlog["members"] if m["member"] == "Acme Imports")
    assert member["anomalies"] == acme["reasons"]  # the backlog's JSON: English, as before
    flagged = next(f for f in member["risk"]["factors"] if f["factor"] == "anomalies")
    assert flagged["flags"] == acme["flags"]
    marked = Speaker(text=_marked, entity=_marked, status=_marked, category=lambda n: f"«{n}»")
    said_flag = _marked(acme["flags"][0]["message"]).format(
        status="«signed»",
        categories=", ".join(f"{n}. «{n}»" for n in acme["flags"][0]["values"]["category_numbers"]),
    )
    assert marked.said(flagged) == "«the last validation was flagged: " + said_flag + "»"

    target = tmp_path / "marked.xlsx"
    write_backlog_xlsx(backlog, target, marked)
    sheet = load_workbook(target).worksheets[0]
    column = [name for name, _width in MEMBER_COLUMNS].index("Anomaly flags")
    cells = {r[1].value: r[column].value for r in sheet.iter_rows(min_row=2)}
    assert cells["Acme Imports"] == said_flag
    write_backlog_xlsx(backlog, target)
    sheet = load_workbook(target).worksheets[0]
    cells = {r[1].value: r[column].value for r in sheet.iter_rows(min_row=2)}
    assert cells["Acme Imports"] == acme["reasons"][0]


def test_the_dashboard_workbook_stays_english_throughout(tmp_path: Path) -> None:
    """The dashboard's PDF and workbook are English documents whichever window makes them
    (headings, captions, names); their flags are English too, not half translated."""
    from ctpat_desktop.analytics.dashboard_xlsx import write_dashboard_xlsx

    rows = _flagged()
    target = tmp_path / "dashboard.xlsx"
    write_dashboard_xlsx({"anomalies": rows}, target)
    sheet = load_workbook(target)["Anomalies"]
    written = [r[3].value for r in sheet.iter_rows(min_row=2)]
    assert written == [str(reason) for row in rows for reason in row["reasons"]]
    assert all(type(value) is str for value in written)
