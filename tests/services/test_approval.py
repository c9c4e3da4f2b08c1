"""The review before signing: submit, approve (a supervisor only), return, withdraw."""

from collections.abc import Callable

import pytest

from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import RuleError
from ctpat_desktop.services import approval
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.sync.local import LocalSync
from ctpat_desktop.worksheet import Finding, FindingStatus, Lifecycle
from tests.conftest import CliResult


def _finished(ctx: AppContext) -> ValidationSession:
    validation = plan_validation(ctx, member="Acme", account="US-1001", entity="importer")
    session = ValidationSession(ctx, validation.id)
    session.replace_findings([Finding(c.id, FindingStatus.MET) for c in session.catalog.criteria])
    return session


def _status(ctx: AppContext, session: ValidationSession) -> Lifecycle:
    return ctx.store.validation(session.id).status


def test_submit_needs_every_criterion_reviewed(ctx: AppContext) -> None:
    validation = plan_validation(ctx, member="Acme", account="US-1001", entity="importer")
    ValidationSession(ctx, validation.id).record_finding("1.1", status="met")
    with pytest.raises(RuleError, match=r"92 criteria have no finding yet \(1.2, 1.3"):
        approval.submit_for_review(ctx, validation.id)
    # The first finding started it; the refused submit changed nothing more.
    assert ctx.store.validation(validation.id).status is Lifecycle.IN_PROGRESS


def test_the_first_finding_starts_a_planned_validation(ctx: AppContext) -> None:
    """Before, a validation stayed planned until submitted, and the dashboard (which
    leaves planned ones out) counted none of its findings."""
    validation = plan_validation(ctx, member="Acme", account="US-1001", entity="importer")
    session = ValidationSession(ctx, validation.id)
    session.record_finding("1.1", status="not-reviewed", note="asked for the statement")
    assert ctx.store.validation(validation.id).status is Lifecycle.PLANNED
    session.record_finding("1.1", status="met")
    assert ctx.store.validation(validation.id).status is Lifecycle.IN_PROGRESS
    started = [e for e in ctx.store.audit_events(validation.id) if e["kind"] == "validation"][-1]
    assert started["action"] == "status" and "in-progress" in started["changes"]


def test_only_a_supervisor_approves_and_a_later_change_withdraws_it(ctx: AppContext) -> None:
    session = _finished(ctx)
    approval.submit_for_review(ctx, session.id)
    assert _status(ctx, session) is Lifecycle.IN_REVIEW
    with pytest.raises(RuleError, match="log in to the hub"):
        approval.approve(ctx, session.id)
    LocalSync(ctx.store).set_state({"hub_role": "scss"})
    with pytest.raises(RuleError, match="you are logged in to the hub as scss"):
        approval.approve(ctx, session.id)
    LocalSync(ctx.store).set_state({"hub_role": "supervisor"})
    approval.approve(ctx, session.id, "Looks complete")
    assert _status(ctx, session) is Lifecycle.APPROVED
    with pytest.raises(RuleError, match="only from planned or in-progress"):
        approval.submit_for_review(ctx, session.id)

    session.record_finding("2.1", note="one more detail")
    assert _status(ctx, session) is Lifecycle.IN_REVIEW
    withdrawn = [
        e for e in ctx.store.audit_events(session.id) if e["action"] == "approval withdrawn"
    ]
    assert len(withdrawn) == 1 and "approve it again" in withdrawn[0]["changes"]


def test_a_supervisor_returns_it_with_a_reason(ctx: AppContext) -> None:
    session = _finished(ctx)
    approval.submit_for_review(ctx, session.id)
    LocalSync(ctx.store).set_state({"hub_role": "supervisor"})
    with pytest.raises(RuleError, match="say what must change"):
        approval.return_for_changes(ctx, session.id, "  ")
    approval.return_for_changes(ctx, session.id, "Evidence for 4.8 is missing")
    assert _status(ctx, session) is Lifecycle.IN_PROGRESS
    actions = [h["action"] for h in approval.review_history(ctx, session.id)]
    assert actions == ["submit", "return"]
    assert "Evidence for 4.8 is missing" in approval.review_history(ctx, session.id)[1]["changes"]


def test_the_review_commands(ctx: AppContext, cli: Callable[..., CliResult]) -> None:
    session = _finished(ctx)
    LocalSync(ctx.store).set_state({"hub_role": "supervisor"})
    ctx.close()
    early = cli("validation", "approve", session.id)
    assert early.code == 1 and "only from in-review" in early.err
    assert cli("validation", "submit", session.id).code == 0
    approved = cli("validation", "approve", session.id, "--note", "ok", "--json")
    assert approved.code == 0 and approved.json() == {"approved": session.id}
    assert cli("validation", "show", session.id, "--json").json()["validation"]["status"] == (
        "approved"
    )
    back = cli("validation", "return", session.id, "--reason", "Redo 4.8")
    assert back.code == 0
