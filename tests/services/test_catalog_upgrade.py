"""Catalog versions of a validation: pinned by date, moved by upgrade-catalog, nothing lost."""

import json
from collections.abc import Callable
from datetime import date

import pytest

from ctpat_desktop.catalog import catalog_from_dict
from ctpat_desktop.errors import RuleError
from ctpat_desktop.services.catalog_upgrade import upgrade_catalog
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.worksheet import Outcome, classify
from tests.conftest import CliResult


def test_a_validation_pins_the_version_in_force_on_its_date(ctx) -> None:  # type: ignore[no-untyped-def]
    old = plan_validation(ctx, member="A", account="US-1", entity="importer", on=date(2021, 5, 3))
    new = plan_validation(ctx, member="B", account="US-2", entity="importer", on=date(2024, 2, 1))
    assert (old.catalog_version, new.catalog_version) == ("2020.1", "2023.2")
    assert ValidationSession(ctx, old.id).catalog.get("3.9").level.value == "should"  # type: ignore[union-attr]


def test_upgrade_moves_3_9_from_should_to_must_and_keeps_the_findings(ctx) -> None:  # type: ignore[no-untyped-def]
    v = plan_validation(ctx, member="A", account="US-1", entity="importer", on=date(2022, 11, 3))
    session = ValidationSession(ctx, v.id)
    session.record_finding("3.9", status="not-met", reasons=["no-written-procedure"])
    session.record_finding("1.1", status="met")
    assert classify(session.findings()["3.9"].finding, session.catalog.get("3.9")) is (  # type: ignore[arg-type]
        Outcome.RECOMMENDATION
    )
    preview = upgrade_catalog(ctx, v.id, dry_run=True)
    assert ctx.store.validation(v.id).catalog_version == "2020.1"  # a dry run changes nothing
    move = upgrade_catalog(ctx, v.id)
    assert preview.as_dict() | {"applied": True} == move.as_dict()
    assert (move.from_version, move.to_version) == ("2020.1", "2023.2")
    assert move.level_changed == [{"criterion": "3.9", "from": "should", "to": "must"}]
    assert move.findings_kept == 2
    session = ValidationSession(ctx, v.id)
    assert session.catalog.version == "2023.2"
    assert classify(session.findings()["3.9"].finding, session.catalog.get("3.9")) is (  # type: ignore[arg-type]
        Outcome.REQUIRED_ACTION
    )
    assert [e["action"] for e in ctx.store.audit_events(v.id)][-1] == "catalog upgraded"
    with pytest.raises(RuleError, match=r"already uses catalog importer 2023\.2"):
        upgrade_catalog(ctx, v.id)


def _pin_an_old_transcription(ctx, extra_id: str) -> str:  # type: ignore[no-untyped-def]
    """A validation pinned to a withdrawn format-1 catalog with a criterion since removed."""
    document = json.loads(json.dumps(ctx.catalogs.catalog("importer", "2020.1").raw))
    document.update(format=1, version="2023.1", effective="2023-01-01")
    document.pop("documents"), document.pop("msc")
    criteria = [
        {k: v for k, v in c.items() if k not in ("source", "unverified", "parts")}
        for c in document["criteria"]
    ]
    criteria.append(
        {
            "id": extra_id,
            "category": 7,
            "level": "should",
            "title": "Record of security incidents",
            "text": "Not an MSC criterion: the old transcription invented it.",
            "guidance": "Nothing to check any more.",
        }
    )
    document["criteria"] = criteria
    catalog = catalog_from_dict(document, "old", ctx.catalogs.schema_dir)
    assert catalog.unverified()  # format 1 names no source
    from ctpat_desktop.services import validations

    real = ctx.catalogs.catalog_on
    ctx.catalogs.catalog_on = lambda entity, day: catalog
    try:
        v = validations.plan_validation(ctx, member="A", account="US-1", entity="importer")
    finally:
        ctx.catalogs.catalog_on = real
    return v.id


def test_a_finding_on_a_criterion_the_new_version_lacks_stops_the_upgrade(ctx) -> None:  # type: ignore[no-untyped-def]
    vid = _pin_an_old_transcription(ctx, "7.31")
    session = ValidationSession(ctx, vid)
    session.record_finding("7.31", status="not-met", reasons=["other"], action="Keep a log")
    with pytest.raises(RuleError, match=r"no criterion for the findings on 7\.31 \(not-met\)"):
        upgrade_catalog(ctx, vid)
    assert ctx.store.validation(vid).catalog_version == "2023.1"
    assert session.findings()["7.31"].finding.action == "Keep a log"
    session.record_finding("7.31", status="not-reviewed")
    move = upgrade_catalog(ctx, vid)
    assert "7.31" in move.removed
    assert ValidationSession(ctx, vid).catalog.version == "2023.2"
    assert "7.31" in ctx.store.findings(vid)  # the record is still there, not reviewed


def test_a_signed_validation_keeps_its_catalog(ctx) -> None:  # type: ignore[no-untyped-def]
    v = plan_validation(ctx, member="A", account="US-1", entity="importer", on=date(2022, 1, 3))
    with ctx.store.transaction() as conn:
        conn.execute("UPDATE validations SET status = 'signed' WHERE id = ?", (v.id,))
    with pytest.raises(RuleError, match="signed"):
        upgrade_catalog(ctx, v.id)


def test_cli_catalog_versions_parts_and_sources(cli: Callable[..., CliResult]) -> None:
    listed = cli("catalog", "list", "--json").json()["entities"]
    importer = next(e for e in listed if e["entity"] == "importer")
    assert importer["version"] == "2023.2"
    assert [v["version"] for v in importer["versions"]] == ["2020.1", "2023.2"]
    shown = cli("catalog", "show", "importer", "--json").json()
    criteria = {c["id"]: c for cat in shown["categories"] for c in cat["criteria"]}
    assert all((c["source"] is None) != (c["unverified"] is None) for c in criteria.values())
    assert {p["level"] for p in criteria["3.1"]["parts"]} == {"must", "should"}
    older = cli("catalog", "show", "importer", "--version", "2020.1", "--json").json()
    levels = {c["id"]: c["level"] for cat in older["categories"] for c in cat["criteria"]}
    assert levels["3.9"] == "should"
    missing = cli("catalog", "show", "importer", "--version", "1999.1")
    assert missing.code != 0 and "no catalog version '1999.1'" in missing.err


def test_cli_finding_on_a_should_part_is_a_recommendation(cli: Callable[..., CliResult]) -> None:
    vid = cli(
        "validation",
        "new",
        "--member",
        "Acme",
        "--account",
        "US-77",
        "--entity",
        "importer",
        "--json",
    ).json()["id"]
    parts = cli("catalog", "show", "importer", "--json").json()
    c31 = next(c for cat in parts["categories"] for c in cat["criteria"] if c["id"] == "3.1")
    should = next(p["key"] for p in c31["parts"] if p["level"] == "should")
    must = next(p["key"] for p in c31["parts"] if p["level"] == "must")
    base = ("finding", "set", vid, "3.1", "--status", "not-met", "--reason", "other", "--json")
    recommendation = cli(*base, "--part", should).json()
    assert (recommendation["outcome"], recommendation["unmet_parts"]) == (
        "recommendation",
        [should],
    )
    assert recommendation["due"] is None
    required = cli(*base, "--part", should, "--part", must).json()
    assert required["outcome"] == "required-action" and required["due"]
    whole = cli(*base, "--part", "all").json()
    assert (whole["outcome"], whole["unmet_parts"]) == ("required-action", [])
    wrong = cli(*base, "--part", "z")
    assert wrong.code != 0 and "has no part 'z'" in wrong.err
    upgraded = cli("validation", "upgrade-catalog", vid, "--json")
    assert upgraded.code != 0 and "already uses catalog" in upgraded.err
