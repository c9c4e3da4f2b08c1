"""An undo of a visit edit writes only onto what the edit left, checked in the write's own
transaction: a change made between the undo's read and its write is not overwritten."""

from datetime import date
from typing import Any

import pytest

from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import StaleEdit
from ctpat_desktop.records.kinds import OUTCOME, SITE
from ctpat_desktop.services import visit
from ctpat_desktop.services.validations import plan_validation
from ctpat_desktop.ui.workspace import visit_edits


@pytest.fixture
def vid(ctx: AppContext) -> str:
    return plan_validation(
        ctx,
        member="Sierra Madre Textiles",
        account="MX-40117",
        entity="importer",
        on=date(2026, 5, 18),
    ).id


def test_the_store_refuses_a_write_onto_other_values(ctx: AppContext, vid: str) -> None:
    site = visit.add(ctx, vid, SITE, {"name": "Planta Norte", "type": "facility"})
    stale = dict(site.values) | {"name": "Planta Nte."}
    with pytest.raises(StaleEdit, match="has changed since that edit"):
        visit.edit(ctx, vid, SITE, site.id, {"name": "Plant 1"}, expect=stale)
    with pytest.raises(StaleEdit):
        visit.remove(ctx, vid, SITE, site.id, expect=stale)
    [kept] = visit.records(ctx, vid, SITE)
    assert kept.values["name"] == "Planta Norte"
    visit.edit(ctx, vid, SITE, site.id, {"name": "Plant 1"}, expect=site.values)
    assert visit.records(ctx, vid, SITE)[0].values["name"] == "Plant 1"


def test_an_undo_does_not_overwrite_a_change_made_after_its_read(
    ctx: AppContext, vid: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit = visit_edits.write(ctx, vid, SITE, None, {"name": "Planta Norte", "type": "facility"})
    renamed = visit_edits.write(ctx, vid, SITE, edit.record.id, {"name": "Planta 2"})
    read = visit_edits._current

    def read_then_someone_writes(*args: Any) -> Any:
        current = read(*args)
        visit.edit(ctx, vid, SITE, edit.record.id, {"name": "Plant Two (CLI)"})
        return current

    monkeypatch.setattr(visit_edits, "_current", read_then_someone_writes)
    with pytest.raises(StaleEdit):  # the undo of the rename
        visit_edits.put_back(ctx, vid, SITE, renamed.after, renamed.before, visit_edits.RecordIds())
    assert visit.records(ctx, vid, SITE)[0].values["name"] == "Plant Two (CLI)"


def test_a_single_records_undo_checks_too(ctx: AppContext, vid: str) -> None:
    visit.put(ctx, vid, OUTCOME, {"result": "continued-certification"})
    [now] = visit.records(ctx, vid, OUTCOME)
    with pytest.raises(StaleEdit):
        visit.put(ctx, vid, OUTCOME, {"result": "tier-2"}, expect={"result": "tier-3"})
    assert visit.records(ctx, vid, OUTCOME)[0].values == now.values
