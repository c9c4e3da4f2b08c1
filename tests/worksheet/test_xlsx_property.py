"""Property: exporting any valid validation to Excel and importing it back changes nothing."""

import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from ctpat_desktop.app import AppContext
from ctpat_desktop.catalog import CatalogLibrary
from ctpat_desktop.paths import resources_dir
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.services.worksheet_io import export_worksheet, plan_worksheet_import
from ctpat_desktop.settings import Settings
from tests.strategies import recorded_findings

LIBRARY = CatalogLibrary(resources_dir())
CATALOG = LIBRARY.catalog("highway-carrier")
REASONS = sorted(LIBRARY.reason_codes())
ON = date(2026, 4, 20)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(recorded=recorded_findings(CATALOG, REASONS, ON))
def test_export_then_import_changes_nothing(recorded: dict[str, dict[str, object]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ctx = AppContext(Path(tmp) / "data", Settings(user="scss"))
        try:
            validation = plan_validation(
                ctx, member="Prop Freight", account="MX-7777", entity=CATALOG.entity, on=ON
            )
            session = ValidationSession(ctx, validation.id)
            for criterion_id, fields in recorded.items():
                session.record_finding(criterion_id, **fields)  # type: ignore[arg-type]
            export_worksheet(ctx, validation.id, Path(tmp) / "w.xlsx")
            plan = plan_worksheet_import(ctx, validation.id, Path(tmp) / "w.xlsx")
        finally:
            ctx.close()
    assert [str(p) for p in plan.problems] == []
    assert [(u.new.criterion, u.changed()) for u in plan.updates] == []
