"""Property: any validation the rules accept survives export → import → export unchanged."""

import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ctpat_desktop.app import AppContext
from ctpat_desktop.catalog import CatalogLibrary
from ctpat_desktop.paths import resources_dir
from ctpat_desktop.services.exchange import export_validation, import_validation
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.settings import Settings
from tests.strategies import recorded_findings

LIBRARY = CatalogLibrary(resources_dir())
CATALOG = LIBRARY.catalog("foreign-manufacturer")
REASONS = sorted(LIBRARY.reason_codes())
ON = date(2026, 3, 1)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    recorded=recorded_findings(CATALOG, REASONS, ON),
    mode=st.sampled_from(["virtual", "in-person", "hybrid"]),
)
def test_round_trip_is_lossless(recorded: dict[str, dict[str, object]], mode: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = AppContext(folder / "a", Settings(user="scss"))
        target = AppContext(folder / "b", Settings(user="other"))
        try:
            validation = plan_validation(
                source,
                member="Prop Co",
                account="MX-0001",
                entity=CATALOG.entity,
                mode=mode,
                on=date(2026, 3, 1),
            )
            session = ValidationSession(source, validation.id)
            for criterion_id, fields in recorded.items():
                session.record_finding(criterion_id, **fields)  # type: ignore[arg-type]
            first = export_validation(source, validation.id, folder / "one.json")
            import_validation(target, folder / "one.json")
            second = export_validation(target, validation.id, folder / "two.json")
        finally:
            source.close()
            target.close()
    first.pop("exported_at")
    second.pop("exported_at")
    assert second == first
    exported = {f["criterion"]: f for f in first["findings"]}
    assert set(exported) == set(recorded)
    for criterion_id, fields in recorded.items():
        item = exported[criterion_id]
        for name, value in fields.items():
            expected = value.isoformat() if isinstance(value, date) else value
            if isinstance(value, str):  # the rules keep line breaks as \n
                expected = value.replace("\r\n", "\n").replace("\r", "\n")
            assert item[name] == expected, (criterion_id, name)
