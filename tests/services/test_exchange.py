"""The JSON exchange file: a round trip gives the same validation; bad files change nothing."""

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import ExchangeError
from ctpat_desktop.services.exchange import export_validation, import_validation
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.settings import Settings


@pytest.fixture
def exported(ctx: AppContext, tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    validation = plan_validation(
        ctx,
        member="Sierra Madre Textiles",
        account="MX-40117",
        entity="foreign-manufacturer",
        mode="hybrid",
        on=date(2026, 3, 10),
        scss="Laura Méndez",
    )
    session = ValidationSession(ctx, validation.id)
    session.record_finding("1.1", status="met", verified="document-verified", note="Policy signed")
    session.record_finding(
        "4.8",
        status="not-met",
        reasons=["training-gap", "no-evidence"],
        action="Enforce MFA",
        report_text="Passwords are not = strong",
        due=date(2026, 6, 1),
    )
    session.record_finding("12.1", status="exceeds", note="Gamified training with metrics")
    shot = tmp_path / "firewall.png"
    shot.write_bytes(bytes(range(256)) * 40)
    session.attach_evidence(shot, "4.8")
    # Two stretches of session time (the workspace's timer), on two days.
    first = session.start_period(1, datetime(2026, 3, 10, 14, 0, tzinfo=UTC))
    session.extend_period(first.id, datetime(2026, 3, 10, 15, 30, tzinfo=UTC))
    second = session.start_period(4, datetime(2026, 3, 11, 14, 0, tzinfo=UTC))
    session.extend_period(second.id, datetime(2026, 3, 11, 14, 45, tzinfo=UTC))
    out = tmp_path / "validation.json"
    return out, export_validation(ctx, validation.id, out)


def _fresh(tmp_path: Path, name: str) -> AppContext:
    return AppContext(tmp_path / name, Settings(user="importer"))


def _comparable(document: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k != "exported_at"}


def test_export_then_import_into_a_fresh_folder_gives_the_same_validation(
    exported: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    path, document = exported
    other = _fresh(tmp_path, "other")
    try:
        validation = import_validation(other, path)
        again = export_validation(other, validation.id, tmp_path / "again.json")
    finally:
        other.close()
    assert _comparable(again) == _comparable(document)
    assert len(document["findings"]) == 3 and len(document["evidence"]) == 1
    # The session's time travels too (before, the importing office saw none of it).
    assert [p["category"] for p in document["session_periods"]] == [1, 4]
    other = _fresh(tmp_path, "other")
    try:
        times = ValidationSession(other, document["validation"]["id"]).session_times()
        assert times.seconds == 90 * 60 + 45 * 60
    finally:
        other.close()


def test_a_file_of_an_older_version_has_no_session_time_and_still_imports(
    exported: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    path, _ = exported
    _tamper(path, lambda d: d.pop("session_periods"))
    other = _fresh(tmp_path, "other")
    try:
        validation = import_validation(other, path)
        assert ValidationSession(other, validation.id).session_times().periods == ()
    finally:
        other.close()


def test_importing_twice_is_refused_and_changes_nothing(
    exported: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    path, _ = exported
    other = _fresh(tmp_path, "other")
    try:
        import_validation(other, path)
        events = len(other.store.audit_events())
        with pytest.raises(ExchangeError, match=r"already exists"):
            import_validation(other, path)
        assert len(other.store.audit_events()) == events
    finally:
        other.close()


def _tamper(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    document = json.loads(path.read_text())
    change(document)
    path.write_text(json.dumps(document))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["findings"][0].update(status="passed"), r"schema at findings/0/status"),
        (lambda d: d.update(format_version=2), r"schema at format_version"),
        (
            lambda d: d["findings"][1].update(reasons=[]),
            r"4\.8: a not-met finding needs at least one reason",
        ),
        (lambda d: d["findings"][1].update(reasons=["lazy"]), r"unknown reason 'lazy'"),
        (
            lambda d: d["findings"][0].update(criterion="5.99"),
            r"criterion 5\.99 is not in its catalog",
        ),
        (lambda d: d["evidence"][0].update(content_base64="AAAA"), r"does not match its SHA-256"),
        (
            lambda d: d["catalog"]["criteria"][0].update(level="maybe"),
            r"its catalog: criterion 1\.1: field level",
        ),
        (
            lambda d: d["session_periods"][0].update(ended_at="2026-03-10T13:00:00Z"),
            r"session time .*: a session time cannot end before it starts",
        ),
        (
            lambda d: d["session_periods"][1].update(category=77),
            r"session time .*: there is no category 77",
        ),
        (
            lambda d: d["session_periods"].append(dict(d["session_periods"][0])),
            r"a session time is listed more than once",
        ),
    ],
)
def test_bad_file_is_refused_and_nothing_is_stored(
    exported: tuple[Path, dict[str, Any]],
    tmp_path: Path,
    change,
    message: str,  # type: ignore[no-untyped-def]
) -> None:
    path, _ = exported
    _tamper(path, change)
    other = _fresh(tmp_path, "other")
    try:
        with pytest.raises(ExchangeError, match=message):
            import_validation(other, path)
        assert other.store.list_validations() == []
        assert other.store.audit_events() == []
        assert not (other.data_dir / "evidence").exists() or not any(
            p.is_file() for p in (other.data_dir / "evidence").rglob("*")
        )
    finally:
        other.close()


def test_not_json_and_missing_file(tmp_path: Path) -> None:
    other = _fresh(tmp_path, "other")
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\xff\xfe garbage")
    try:
        with pytest.raises(ExchangeError, match=r"bad.json: not a JSON file"):
            import_validation(other, bad)
        with pytest.raises(ExchangeError, match=r"nope.json: file not found"):
            import_validation(other, tmp_path / "nope.json")
    finally:
        other.close()


def test_text_that_is_not_unicode_is_refused_and_nothing_is_stored(
    exported: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    """Before, a lone surrogate in a note ("\\ud800", valid JSON) crashed the import with
    exit 70 halfway through."""
    path, _ = exported
    text = path.read_text(encoding="utf-8")
    assert '"note": "' in text
    path.write_text(text.replace('"note": "', '"note": "\\ud800', 1), encoding="utf-8")
    other = _fresh(tmp_path, "other")
    try:
        with pytest.raises(ExchangeError, match="not valid Unicode"):
            import_validation(other, path)
        assert other.store.list_validations() == []
    finally:
        other.close()


def test_an_imported_file_never_brings_an_approval_or_a_signature(  # type: ignore[no-untyped-def]
    ctx, tmp_path
) -> None:
    """An SCSS must not approve by editing a JSON file: import stops at in-review."""
    import json

    from ctpat_desktop.app import AppContext
    from ctpat_desktop.services.exchange import export_validation, import_validation
    from ctpat_desktop.services.validations import plan_validation
    from ctpat_desktop.settings import Settings
    from ctpat_desktop.worksheet import Lifecycle

    validation = plan_validation(ctx, member="Acme", account="US-100", entity="importer")
    path = tmp_path / "v.json"
    export_validation(ctx, validation.id, path)
    document = json.loads(path.read_text())
    for status in ("approved", "signed"):
        document["validation"]["status"] = status
        path.write_text(json.dumps(document))
        other = AppContext(tmp_path / f"other-{status}", Settings(user="eve"))
        try:
            import_validation(other, path)
            assert other.store.validation(validation.id).status is Lifecycle.IN_REVIEW
        finally:
            other.close()
