"""Follow-up records after signing, through the service: audited, in order, refused once
closed or reopened, and starting from what the finding was signed with."""

from datetime import date, timedelta

import pytest

from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import RuleError
from ctpat_desktop.services import followup
from ctpat_desktop.services.report_io import reopen_validation
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.store import ReportRecord
from ctpat_desktop.worksheet import Lifecycle

ON = date(2026, 5, 18)


def _sign(ctx: AppContext, validation_id: str, version: int = 1) -> None:
    ctx.store.set_status(validation_id, Lifecycle.APPROVED, "Sam Supervisor")
    record = ReportRecord(version, "ab" * 32, "T", "2026-06-01T10:00:00Z", "r.pdf", "en")
    ctx.store.issue_report(validation_id, record, "tester")


@pytest.fixture
def vid(ctx: AppContext) -> str:
    validation = plan_validation(ctx, member="Acme", account="US-12345", entity="importer", on=ON)
    work = ValidationSession(ctx, validation.id)
    work.record_finding("4.8", status="not-met", reasons=["training-gap"], action="Enforce MFA")
    # Answered before signing, in the finding itself: the start of its follow-up.
    work.record_finding("2.1", status="not-met", reasons=["no-evidence"], action="Send it")
    work.record_response("2.1", implemented=True, note="Sent", accepted=True)
    _sign(ctx, validation.id)
    return validation.id


def test_every_record_is_audited_and_the_chain_holds(ctx: AppContext, vid: str) -> None:
    followup.respond(ctx, vid, "4.8", implemented=False, note="Next quarter")
    followup.decide(ctx, vid, "4.8", accepted=False, note="Not enough")
    followup.respond(ctx, vid, "4.8", implemented=True, note="MFA on")
    events = [e for e in ctx.store.audit_events(vid) if e["kind"] == "followup"]
    assert [e["action"] for e in events] == ["response", "decision", "response"]
    assert '"accepted": false' in events[1]["changes"]
    assert ctx.store.verify_audit() is None
    item = followup.follow_up_log(ctx, vid).item("4.8")
    assert item is not None and item.track.state == "response received: to review"
    assert item.track.decision is None  # a newer response waits for its own decision


def test_signed_with_an_accepted_response_is_closed_already(ctx: AppContext, vid: str) -> None:
    item = followup.follow_up_log(ctx, vid).item("2.1")
    assert item is not None and item.track.closed
    with pytest.raises(RuleError, match="nothing follows its closure"):
        followup.extend(ctx, vid, "2.1", days=30, reason="Too late")


def test_a_reopened_validation_takes_no_follow_up_until_signed_again(
    ctx: AppContext, vid: str
) -> None:
    followup.extend(ctx, vid, "4.8", days=120, reason="New system")
    reopen_validation(ctx, vid, "Typo in 4.8")
    with pytest.raises(RuleError, match="follow-up is appended after its report is signed"):
        followup.extend(ctx, vid, "4.8", days=30, reason="More")
    _sign(ctx, vid, version=2)
    second = followup.extend(ctx, vid, "4.8", days=30, reason="More")
    assert (second.number, second.report_version) == (2, 2)
    item = followup.follow_up_log(ctx, vid).item("4.8")
    assert item is not None and item.track.extended_days == 150
    # The 90 days the worksheet grants count from version 2's issue (2026-06-01), then
    # every extension since.
    assert item.track.due == date(2026, 6, 1) + timedelta(days=90 + 150)


def test_the_panel_form_appends_only_what_changed(ctx: AppContext, vid: str) -> None:
    first = followup.record_answer(ctx, vid, "4.8", implemented=True, note="MFA on", accepted=None)
    assert [r.event.value for r in first] == ["response"]
    assert (
        followup.record_answer(ctx, vid, "4.8", implemented=True, note="MFA on", accepted=None)
        == []
    )
    done = followup.record_answer(ctx, vid, "4.8", implemented=True, note="MFA on", accepted=True)
    assert [(r.number, r.event.value) for r in done] == [(2, "decision"), (3, "closure")]
