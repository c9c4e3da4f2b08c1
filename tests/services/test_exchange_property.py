"""Property: any validation the rules accept survives export → import → export unchanged."""

import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ctpat_desktop.app import AppContext
from ctpat_desktop.catalog import CatalogLibrary, Level
from ctpat_desktop.paths import resources_dir
from ctpat_desktop.services.exchange import export_validation, import_validation
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.settings import Settings

LIBRARY = CatalogLibrary(resources_dir())
CATALOG = LIBRARY.catalog("foreign-manufacturer")
REASONS = sorted(LIBRARY.reason_codes())
TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=0, max_size=40
)


@st.composite
def findings(draw: st.DrawFn) -> dict[str, dict[str, object]]:
    chosen = draw(st.lists(st.sampled_from(CATALOG.criteria), unique=True, max_size=12))
    result: dict[str, dict[str, object]] = {}
    for criterion in chosen:
        status = draw(st.sampled_from(["met", "not-met", "exceeds", "not-applicable"]))
        fields: dict[str, object] = {
            "status": status,
            "verified": draw(st.sampled_from([None, "document-verified", "described", "other"])),
            "note": draw(TEXT),
            "report_text": draw(TEXT),
        }
        if status == "not-met":
            fields["reasons"] = draw(st.lists(st.sampled_from(REASONS), min_size=1, unique=True))
            fields["action"] = draw(TEXT)
            if criterion.level is Level.SHOULD or draw(st.booleans()):
                fields["due"] = date(2026, 3, 1) + timedelta(days=draw(st.integers(0, 400)))
        if status == "exceeds":
            fields["note"] = "Practice: " + str(fields["note"])
        result[criterion.id] = fields
    return result


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(recorded=findings(), mode=st.sampled_from(["virtual", "in-person", "hybrid"]))
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
            assert item[name] == expected, (criterion_id, name)
