"""The review before signing: the SCSS submits, a supervisor approves or returns it.

planned / in-progress → in-review (submitted: every criterion has a finding) → approved
(by a supervisor: the hub role, checked here from the last login and again by the hub when
the change arrives) → signed (the report). Changing a finding or evidence of an approved
validation sends it back to review; a signed one is read-only until reopened with a reason.
"""

import json
from dataclasses import dataclass
from typing import Any

from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import RuleError
from ctpat_desktop.services.validations import ValidationSession
from ctpat_desktop.worksheet import FindingStatus, lifecycle

APPROVERS = tuple(sorted(lifecycle.SUPERVISORS))  # who approves (worksheet/lifecycle.py)


@dataclass(frozen=True, slots=True)
class RecordedApproval:
    """Who approved the validation as it stands, and when (ISO 8601, UTC)."""

    by: str
    at: str


def submit_for_review(ctx: AppContext, validation_id: str) -> None:
    """The SCSS hands a finished validation to the supervisor."""
    session = ValidationSession(ctx, ctx.store.resolve_id(validation_id))
    findings = session.findings()
    missing = [
        c.id
        for c in session.catalog.criteria
        if c.id not in findings or findings[c.id].finding.status is FindingStatus.NOT_REVIEWED
    ]
    if missing:
        shown = ", ".join(missing[:8]) + (" …" if len(missing) > 8 else "")
        raise RuleError(
            f"{len(missing)} criteria have no finding yet ({shown}); review them all first"
        )
    ctx.store.move(session.id, "submit", ctx.actor)


def hub_role(ctx: AppContext) -> str:
    """This laptop's role on the hub, as of the last login or sync ("" if never)."""
    from ctpat_desktop.sync.local import LocalSync

    return LocalSync(ctx.store).state("hub_role")


def _check_approver(ctx: AppContext, move: str) -> None:
    role = hub_role(ctx)
    if role not in lifecycle.MOVE_BY_NAME[move].roles:
        raise RuleError(
            "only a supervisor approves a validation"
            + (f" (you are logged in to the hub as {role})" if role else "; log in to the hub")
        )


def approve(ctx: AppContext, validation_id: str, note: str = "") -> None:
    """A supervisor approves a validation in review; its report may then be signed."""
    _check_approver(ctx, "approve")
    ctx.store.move(
        ctx.store.resolve_id(validation_id),
        "approve",
        ctx.actor,
        details={"note": note.strip()} if note.strip() else None,
    )


def return_for_changes(ctx: AppContext, validation_id: str, reason: str) -> None:
    """A supervisor sends a validation in review back to the SCSS, saying why."""
    if not reason.strip():
        raise RuleError("say what must change (--reason)")
    _check_approver(ctx, "return")
    ctx.store.move(
        ctx.store.resolve_id(validation_id), "return", ctx.actor, details={"reason": reason.strip()}
    )


def review_history(ctx: AppContext, validation_id: str) -> list[dict[str, Any]]:
    """Submissions, approvals, returns, signings and reopenings, oldest first."""
    actions = {"submit", "approve", "return", "approval withdrawn", "sign", "reopen"}
    return [
        {"at": e["at"], "by": e["actor"], "action": e["action"], "changes": e["changes"]}
        for e in ctx.store.audit_events(ctx.store.resolve_id(validation_id))
        if e["action"] in actions
    ]


def recorded_approval(ctx: AppContext, validation_id: str) -> RecordedApproval | None:
    """The approval the validation's status rests on: the audit trail's last move to
    approved (made here, or received from the hub), if no move but signing came after it."""
    for event in reversed(ctx.store.audit_events(ctx.store.resolve_id(validation_id))):
        if event["kind"] != "validation":
            continue
        status = json.loads(event["changes"] or "{}").get("status")
        if not isinstance(status, list) or len(status) != 2:
            continue
        if status[1] == lifecycle.MOVE_BY_NAME["sign"].target.value:
            continue  # signed on the strength of the approval before it
        if status[1] != lifecycle.MOVE_BY_NAME["approve"].target.value:
            return None
        return RecordedApproval(str(event["actor"]), str(event["at"]))
    return None
