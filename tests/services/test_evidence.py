"""Evidence through the service: once per content and criterion, captions, locked when signed."""

import json
from pathlib import Path

import pytest

from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import NotFoundError, RuleError, StaleEdit
from ctpat_desktop.services import evidence as service
from ctpat_desktop.services.exchange import export_validation, import_validation
from ctpat_desktop.services.report_io import report_data
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.settings import Settings
from ctpat_desktop.worksheet import Lifecycle
from tests.conftest import approve

PNG = b"\x89PNG\r\n\x1a\n" + b"seal log, dock 3" * 40


@pytest.fixture
def session(ctx: AppContext) -> ValidationSession:
    validation = plan_validation(ctx, member="Acme Imports", account="US-1001", entity="importer")
    return ValidationSession(ctx, validation.id)


def _blob_files(ctx: AppContext) -> list[Path]:
    return [p for p in (ctx.data_dir / "evidence").rglob("*") if p.is_file()]


def test_the_same_content_attaches_to_a_criterion_once(
    ctx: AppContext, session: ValidationSession, tmp_path: Path
) -> None:
    shot = tmp_path / "seal-log.png"
    shot.write_bytes(PNG)
    first = service.attach_file(ctx, session, shot, "4.8")
    events = len(ctx.store.audit_events(session.id))

    again = service.attach_bytes(ctx, session, PNG, "screenshot-2.png", "4.8")
    renamed = tmp_path / "copy of seal log.png"
    renamed.write_bytes(PNG)
    third = service.attach_file(ctx, session, renamed, "4.8")

    assert not first.already_attached
    assert again.already_attached and again.record == first.record
    assert third.already_attached and third.record.filename == "seal-log.png"
    assert [e.filename for e in session.evidence()] == ["seal-log.png"]
    assert len(ctx.store.audit_events(session.id)) == events  # nothing written at all


def test_the_same_content_on_another_criterion_is_another_item_with_one_file(
    ctx: AppContext, session: ValidationSession
) -> None:
    on_48 = service.attach_bytes(ctx, session, PNG, "gate.png", "4.8")
    on_49 = service.attach_bytes(ctx, session, PNG, "gate.png", "4.9")
    whole = service.attach_bytes(ctx, session, PNG, "gate.png")
    whole_again = service.attach_bytes(ctx, session, PNG, "gate.png")
    assert not on_49.already_attached and on_49.record.id != on_48.record.id
    assert not whole.already_attached and whole_again.already_attached
    assert [e.criterion for e in session.evidence()] == ["4.8", "4.9", None]
    assert len(_blob_files(ctx)) == 1


def test_removed_evidence_can_be_attached_again(
    ctx: AppContext, session: ValidationSession
) -> None:
    first = service.attach_bytes(ctx, session, PNG, "gate.png", "4.8")
    session.remove_evidence(first.record.id)
    again = service.attach_bytes(ctx, session, PNG, "gate.png", "4.8")
    assert not again.already_attached and again.record.id != first.record.id
    assert [e.id for e in session.evidence()] == [again.record.id]


def test_attaching_again_does_not_withdraw_an_approval(
    ctx: AppContext, session: ValidationSession
) -> None:
    service.attach_bytes(ctx, session, PNG, "gate.png", "4.8")
    approve(ctx, session.id)
    assert service.attach_bytes(ctx, session, PNG, "gate.png", "4.8").already_attached
    assert ctx.store.validation(session.id).status is Lifecycle.APPROVED
    service.attach_bytes(ctx, session, PNG, "gate.png", "4.9")  # a real change does
    assert ctx.store.validation(session.id).status is Lifecycle.IN_REVIEW


def test_the_session_methods_keep_returning_the_record(
    ctx: AppContext, session: ValidationSession, tmp_path: Path
) -> None:
    shot = tmp_path / "gate.png"
    shot.write_bytes(PNG)
    first = session.attach_evidence(shot, "1.1", caption="Gate camera")
    assert session.attach_evidence_bytes(PNG, "pasted.png", "1.1") == first
    assert first.caption == "Gate camera"


def test_captions_are_stored_trimmed_and_changed_with_an_audit_event(
    ctx: AppContext, session: ValidationSession
) -> None:
    item = service.attach_bytes(ctx, session, PNG, "seal.png", "4.8", "  Seal log, dock 3 ")
    assert item.record.caption == "Seal log, dock 3"
    changed = service.set_caption(ctx, session, item.record.id, "Seal log, dock 4")
    assert changed.caption == "Seal log, dock 4"
    assert [e.caption for e in session.evidence()] == ["Seal log, dock 4"]
    event = ctx.store.audit_events(session.id)[-1]
    assert (event["kind"], event["action"]) == ("evidence", "update")
    assert json.loads(event["changes"])["caption"] == ["Seal log, dock 3", "Seal log, dock 4"]
    assert service.set_caption(ctx, session, item.record.id, "").caption == ""


def test_bad_captions_are_refused_and_nothing_is_stored(
    ctx: AppContext, session: ValidationSession
) -> None:
    with pytest.raises(RuleError, match="at most 200 characters"):
        service.attach_bytes(ctx, session, PNG, "seal.png", "4.8", "x" * 201)
    with pytest.raises(RuleError, match="one line"):
        service.attach_bytes(ctx, session, PNG, "seal.png", "4.8", "Seal log\ndock 3")
    assert session.evidence() == [] and _blob_files(ctx) == []
    item = service.attach_bytes(ctx, session, PNG, "seal.png", "4.8", "Seal log")
    with pytest.raises(RuleError, match="one line"):
        service.set_caption(ctx, session, item.record.id, "Seal\tlog")
    assert session.evidence()[0].caption == "Seal log"


def test_a_caption_changed_elsewhere_is_not_overwritten(
    ctx: AppContext, session: ValidationSession
) -> None:
    item = service.attach_bytes(ctx, session, PNG, "seal.png", "4.8", "Seal log")
    service.set_caption(ctx, session, item.record.id, "Seal log, dock 3")  # another window
    with pytest.raises(StaleEdit, match="changed elsewhere"):
        service.set_caption(ctx, session, item.record.id, "Dock seal", based_on="Seal log")
    assert session.evidence()[0].caption == "Seal log, dock 3"


def test_a_caption_of_removed_or_unknown_evidence_is_refused(
    ctx: AppContext, session: ValidationSession
) -> None:
    item = service.attach_bytes(ctx, session, PNG, "seal.png", "4.8")
    session.remove_evidence(item.record.id)
    with pytest.raises(NotFoundError, match="no evidence"):
        service.set_caption(ctx, session, item.record.id, "Seal log")


def test_a_signed_validation_takes_no_evidence_and_no_caption(
    ctx: AppContext, session: ValidationSession, tmp_path: Path
) -> None:
    item = service.attach_bytes(ctx, session, PNG, "seal.png", "4.8", "Seal log")
    ctx.store.set_status(session.id, Lifecycle.SIGNED, "supervisor")
    files = _blob_files(ctx)
    other = tmp_path / "other.png"
    other.write_bytes(b"another picture")
    with pytest.raises(RuleError, match="signed and locked"):
        service.attach_file(ctx, session, other, "4.8")
    with pytest.raises(RuleError, match="signed and locked"):
        service.attach_bytes(ctx, session, b"pasted", "pasted.png", "4.9")
    with pytest.raises(RuleError, match="signed and locked"):
        service.set_caption(ctx, session, item.record.id, "Changed")
    assert _blob_files(ctx) == files  # refused before any content was stored
    assert [(e.id, e.caption) for e in session.evidence()] == [(item.record.id, "Seal log")]


def test_captions_travel_in_the_exchange_file(
    ctx: AppContext, session: ValidationSession, tmp_path: Path
) -> None:
    service.attach_bytes(ctx, session, PNG, "seal.png", "4.8", "Seal log, dock 3")
    out = tmp_path / "v.json"
    document = export_validation(ctx, session.id, out)
    assert document["evidence"][0]["caption"] == "Seal log, dock 3"
    other = AppContext(tmp_path / "other", Settings(user="other"))
    try:
        imported = import_validation(other, out)
        assert [e.caption for e in ValidationSession(other, imported.id).evidence()] == [
            "Seal log, dock 3"
        ]
    finally:
        other.close()


def test_an_exchange_file_without_captions_still_imports(
    ctx: AppContext, session: ValidationSession, tmp_path: Path
) -> None:
    service.attach_bytes(ctx, session, PNG, "seal.png", "4.8")
    out = tmp_path / "v.json"
    export_validation(ctx, session.id, out)
    document = json.loads(out.read_text(encoding="utf-8"))
    del document["evidence"][0]["caption"]  # as an earlier version wrote it
    out.write_text(json.dumps(document), encoding="utf-8")
    other = AppContext(tmp_path / "other", Settings(user="other"))
    try:
        imported = import_validation(other, out)
        assert [e.caption for e in ValidationSession(other, imported.id).evidence()] == [""]
    finally:
        other.close()


def test_the_report_is_given_the_captions(ctx: AppContext, session: ValidationSession) -> None:
    service.attach_bytes(ctx, session, PNG, "seal.png", "4.8", "Seal log, dock 3")
    assert [e.caption for e in report_data(ctx, session, "en").evidence] == ["Seal log, dock 3"]
