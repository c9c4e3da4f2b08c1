"""The entity type of a validation changes only before any finding, and takes its catalog."""

import json
from datetime import date
from pathlib import Path

import pytest

from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import NotFoundError, RuleError
from ctpat_desktop.services.validations import (
    ValidationSession,
    plan_validation,
    update_validation,
)
from ctpat_desktop.worksheet import Lifecycle
from tests.conftest import CliResult, dump_database


def _planned(ctx: AppContext, on: date = date(2026, 3, 10)) -> str:
    return plan_validation(
        ctx, member="Sierra Madre Textiles", account="MX-40117", entity="importer", on=on
    ).id


def test_a_new_entity_pins_its_catalog_in_force_on_the_validation_date(ctx: AppContext) -> None:
    old = _planned(ctx, on=date(2021, 6, 1))  # the 2020 MSC was in force then
    changed = update_validation(ctx, old, entity="foreign-manufacturer")
    assert (changed.entity, changed.catalog_version) == ("foreign-manufacturer", "2020.1")
    stored = ctx.store.validation(old)
    assert (stored.entity, stored.catalog_version) == ("foreign-manufacturer", "2020.1")
    session = ValidationSession(ctx, old)
    assert session.catalog.entity == "foreign-manufacturer"
    assert (
        session.catalog.version
        == ctx.catalogs.catalog_on("foreign-manufacturer", stored.date).version
    )
    (event,) = [e for e in ctx.store.audit_events() if e["action"] == "update"]
    assert json.loads(event["changes"])["entity"] == ["importer", "foreign-manufacturer"]
    assert ctx.store.verify_audit() is None


def test_the_entity_stays_once_a_finding_is_recorded(ctx: AppContext, data_dir: Path) -> None:
    validation_id = _planned(ctx)
    ValidationSession(ctx, validation_id).record_finding("1.1", status="met")
    before = dump_database(data_dir)
    with pytest.raises(RuleError, match="once findings are recorded") as refused:
        update_validation(ctx, validation_id, entity="foreign-manufacturer", member="Other Name")
    assert refused.value.code == "entity-fixed-findings"
    assert dump_database(data_dir) == before
    # Back to not reviewed: the entity may change again.
    ValidationSession(ctx, validation_id).record_finding("1.1", status="not-reviewed")
    assert update_validation(ctx, validation_id, entity="foreign-manufacturer").entity == (
        "foreign-manufacturer"
    )


def test_the_entity_stays_once_in_review(ctx: AppContext) -> None:
    validation_id = _planned(ctx)
    ctx.store.set_status(validation_id, Lifecycle.IN_REVIEW, "test")
    with pytest.raises(RuleError, match="in review") as refused:
        update_validation(ctx, validation_id, entity="foreign-manufacturer")
    assert refused.value.code == "entity-fixed-status"
    assert ctx.store.validation(validation_id).entity == "importer"


def test_an_unknown_entity_is_refused(ctx: AppContext) -> None:
    validation_id = _planned(ctx)
    with pytest.raises(NotFoundError, match="unknown entity type 'importers'"):
        update_validation(ctx, validation_id, entity="importers")
    assert ctx.store.validation(validation_id).entity == "importer"


def test_validation_edit_entity_on_the_command_line(cli, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    made: CliResult = cli(
        "validation",
        "new",
        "--member",
        "Acme",
        "--account",
        "US-1001",
        "--entity",
        "importer",
        "--date",
        "2026-05-18",
        "--json",
    )
    validation_id = made.json()["id"]
    edited = cli("validation", "edit", validation_id, "--entity", "foreign-manufacturer", "--json")
    assert edited.code == 0, edited.err
    assert edited.json()["entity"] == "foreign-manufacturer"
    assert cli("finding", "set", validation_id, "1.1", "--status", "met").code == 0
    before = dump_database(data_dir)
    refused = cli("validation", "edit", validation_id, "--entity", "importer")
    assert refused.code != 0 and refused.out == ""
    assert refused.err.count("\n") == 1 and "once findings are recorded" in refused.err
    assert dump_database(data_dir) == before
