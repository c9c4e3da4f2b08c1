"""`ctpat-hub stats` in plain text: the laptop's sections over the hub's figures, and "By
office" once, with every figure of the JSON's office breakdown (a hub on SQLite)."""

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from ctpat_desktop.app import AppContext
from ctpat_desktop.hub.cli import main
from ctpat_desktop.services.demo import create_demo
from ctpat_desktop.services.feedback import record_feedback
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.settings import Settings
from ctpat_desktop.worksheet import Finding, FindingStatus, Lifecycle
from tests.hubkit import serve_hub
from tests.sync.conftest import sync


@pytest.fixture
def hub_db(tmp_path: Path) -> Iterator[str]:
    """A hub database holding the demo validations of Miami and one validation of Laredo,
    each pushed by its office's supervisor, with one feedback answer (Laredo's)."""
    url = f"sqlite:///{tmp_path / 'hub-data' / 'hub.db'}"
    with serve_hub(url, tmp_path / "hub-data") as served:
        for office in ("Miami", "Laredo"):
            ctx = AppContext(tmp_path / office, Settings(user=f"scss-{office}", office=office))
            try:
                if office == "Miami":
                    create_demo(ctx)
                else:
                    record_feedback(ctx, _one_validation(ctx), technology_quality=3)
                token = served.add_user(f"lead-{office}", "supervisor", office)
                refused = sync(ctx, served.url, token).rejected
                # The demo's signed validation was never approved on this hub: refused.
                assert len([r for r in refused if r["kind"] == "validation"]) <= 1, refused
            finally:
                ctx.close()
    yield url


def _one_validation(ctx: AppContext) -> str:
    v = plan_validation(
        ctx,
        member="Member L",
        account="US-1",
        entity="importer",
        mode="virtual",
        on=date(2026, 5, 4),
    )
    ctx.store.set_status(v.id, Lifecycle.IN_PROGRESS, "tester")
    findings = [
        Finding("4.8", FindingStatus.NOT_MET, reasons=("technology-gap",)),
        Finding("3.1", FindingStatus.MET),
    ]
    ValidationSession(ctx, v.id).replace_findings(findings)
    return v.id


def _run(url: str, data: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(["--db", url, "--data-dir", str(data), "stats", *args])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    return out


def test_the_hub_text_has_every_office_figure_once(
    hub_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    figures = json.loads(_run(hub_db, tmp_path / "hub-data", capsys, "--json"))
    text = _run(hub_db, tmp_path / "hub-data", capsys)
    assert text.count("\nBy office\n") == 1
    offices = text.split("\nBy office\n")[1].split("\n\n")[0].splitlines()
    assert len(offices) == len(figures["by_office"]) == 2
    for line, row in zip(offices, figures["by_office"], strict=True):
        n = row["validations"]
        assert re.fullmatch(
            rf"  {row['office']} +{n} validations? +{row['deficiencies']} deficienc(y|ies) +"
            rf"{row['per_validation']:.2f} each, {row['findings_reviewed']} findings reviewed, "
            rf"{row['share_without_deficiencies']:.2f}% without deficiencies",
            line,
        ), line
    assert "  Laredo                        1 validation        1 deficiency " in text
    assert text.startswith(f"{figures['validations']} validations, ")
    assert "\nScope: national\n" in text
    feedback = figures["feedback"]
    assert (feedback["answers"], feedback["validations"], feedback["scss_answers"]) == (1, 1, 1)
    assert "\n  1 answer on 1 validation (1 from SCSSs, 0 from members)\n" in text
    assert "\n  Virtual, SCSSs: 1 answer; technology quality 3.00 of 5 (1 rated); " in text
    outcomes = figures["outcomes"]
    assert re.search(
        rf"^  All modes +{outcomes['validations']} +{outcomes['proposed']} +{outcomes['decided']} ",
        text,
        re.M,
    )
    for c in figures["mode_metrics"]["comparisons"]:
        assert f"      {c['verdict']}\n" in text
