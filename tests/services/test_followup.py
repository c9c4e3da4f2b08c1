"""Validation details, archive, due-date extensions, member responses, follow-up summary."""

from datetime import date

import pytest

from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import RuleError
from ctpat_desktop.services.validations import (
    ValidationSession,
    list_validations,
    plan_validation,
    update_validation,
)
from ctpat_desktop.worksheet import Lifecycle


@pytest.fixture
def session(ctx: AppContext) -> ValidationSession:
    v = plan_validation(
        ctx,
        member="Great Lakes",
        account="US-22871",
        entity="importer",
        on=date(2026, 5, 18),
        webex_url="https://cbp.webex.com/meet/scss",
        participants=("Ana Ruiz", " "),
        planned_minutes=300,
    )
    s = ValidationSession(ctx, v.id)
    s.record_finding("4.8", status="not-met", reasons=["training-gap"], action="Enforce MFA")
    s.record_finding("4.4", status="not-met", reasons=["technology-gap"])
    s.record_finding("12.1", status="exceeds", note="Gamified training")
    s.record_finding("1.1", status="met")
    return s


def test_session_details_are_kept_and_edited_with_audit(
    ctx: AppContext, session: ValidationSession
) -> None:
    v = session.validation
    assert (v.webex_url, v.participants, v.planned_minutes) == (
        "https://cbp.webex.com/meet/scss",
        ("Ana Ruiz",),
        300,
    )
    changed = update_validation(
        ctx,
        v.id,
        participants=("Ana Ruiz", "Tom Lee"),
        planned_minutes=360,
        member="Great Lakes Inc.",
    )
    again = ctx.store.validation(v.id)
    assert again == changed and again.member.name == "Great Lakes Inc."
    events = [
        e
        for e in ctx.store.audit_events(v.id)
        if e["kind"] == "validation" and e["action"] == "update"
    ]
    assert '"planned_minutes": [300, 360]' in events[-1]["changes"]
    with pytest.raises(RuleError, match="must start with https://"):
        update_validation(ctx, v.id, webex_url="javascript:alert(1)")
    with pytest.raises(RuleError, match="between 15 minutes and 24 hours"):
        update_validation(ctx, v.id, planned_minutes=5)


def test_archive_hides_from_the_default_list(ctx: AppContext, session: ValidationSession) -> None:
    update_validation(ctx, session.id, archived=True)
    assert list_validations(ctx, include_archived=False) == []
    assert [s.validation.archived for s in list_validations(ctx)] == [True]


def test_signed_validation_details_are_locked(ctx: AppContext, session: ValidationSession) -> None:
    ctx.store.set_status(session.id, Lifecycle.SIGNED, "supervisor")
    with pytest.raises(RuleError, match="signed and locked"):
        update_validation(ctx, session.id, planned_minutes=200)


def test_due_date_extension(session: ValidationSession) -> None:
    record = session.extend_due("4.8", 60, "Member is replacing its VPN")
    assert record.finding.due == date(2026, 10, 15)
    assert (record.finding.extension_days, record.finding.extension_reason) == (
        60,
        "Member is replacing its VPN",
    )
    with pytest.raises(RuleError, match="30, 60, 90 or 120 days"):
        session.extend_due("4.8", 45, "Because")
    with pytest.raises(RuleError, match="needs a reason"):
        session.extend_due("4.8", 30, " ")
    with pytest.raises(RuleError, match="only a due date can be extended"):
        session.extend_due("1.1", 30, "No")
    assert session.findings()["4.8"].finding.due == date(2026, 10, 15)


def test_member_response_until_every_required_action_is_closed(session: ValidationSession) -> None:
    summary = session.follow_up()
    assert summary.counts["not-met"] == 2 and summary.counts["exceeds"] == 1
    assert summary.counts["not-reviewed"] == 93 - 4
    assert [i.criterion for i in summary.required_actions] == ["4.8"]
    assert [i.criterion for i in summary.recommendations] == ["4.4"]
    assert summary.best_practices == [
        ("12.1", "Security training and awareness program", "Gamified training")
    ]
    assert summary.open_required_actions == 1
    assert summary.required_actions[0].state == "awaiting the member's response"
    with pytest.raises(RuleError, match="no member's response to accept"):
        session.record_response("4.8", implemented=None, note="", accepted=True)
    session.record_response("4.8", implemented=True, note="MFA on since June", accepted=None)
    assert session.follow_up().required_actions[0].state == "response received: to review"
    session.record_response("4.8", implemented=True, note="MFA on since June", accepted=False)
    assert session.follow_up().open_required_actions == 1
    session.record_response("4.8", implemented=True, note="MFA logs sent", accepted=True)
    closed = session.follow_up()
    assert closed.open_required_actions == 0 and closed.required_actions[0].closed


def test_pasted_evidence_and_removal(ctx: AppContext, session: ValidationSession) -> None:
    record = session.attach_evidence_bytes(b"\\x89PNG pasted", "pasted.png", "4.8")
    assert [e.id for e in session.evidence()] == [record.id]
    session.remove_evidence(record.id)
    assert session.evidence() == []
    removed = [e for e in ctx.store.audit_events(session.id) if e["action"] == "remove"]
    assert "pasted.png" in removed[0]["changes"]
    with pytest.raises(RuleError, match="the evidence is empty"):
        session.attach_evidence_bytes(b"", "empty.png")


def test_leaving_not_met_drops_the_extension_and_the_response(session: ValidationSession) -> None:
    session.extend_due("4.8", 30, "New VPN")
    session.record_response("4.8", implemented=True, note="Done", accepted=None)
    met = session.record_finding("4.8", status="met").finding
    assert (met.extension_days, met.extension_reason, met.response_note, met.due) == (
        None,
        "",
        "",
        None,
    )
    back = session.record_finding(
        "4.8",
        status="not-met",
        reasons=["training-gap"],
        extension_days=30,
        extension_reason="New VPN",
        due=date(2026, 9, 15),
    ).finding
    assert (back.extension_days, back.extension_reason) == (30, "New VPN")
