"""The lifecycle in one place (worksheet/lifecycle.py): moves, who makes them, what a
laptop may push after a stretch offline, and the store making moves by name."""

import pytest

from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import RuleError
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.worksheet import Lifecycle
from ctpat_desktop.worksheet import lifecycle as life

L = Lifecycle


def test_each_move_starts_only_where_it_may() -> None:
    for move in life.MOVES:
        for state in Lifecycle:
            if state in move.sources:
                assert life.check_move(move.name, state) is move
            else:
                with pytest.raises(RuleError, match=f"the validation is {state.value}"):
                    life.check_move(move.name, state)


@pytest.mark.parametrize(
    ("current", "target", "role", "allowed"),
    [
        (None, L.PLANNED, "scss", True),
        (None, L.IN_REVIEW, "scss", True),  # made and submitted before the first sync
        (None, L.APPROVED, "scss", False),
        (None, L.APPROVED, "supervisor", True),
        (None, L.SIGNED, "supervisor", False),  # a signature needs the hub's approval
        (L.PLANNED, L.IN_REVIEW, "scss", True),
        (L.IN_REVIEW, L.APPROVED, "scss", False),
        (L.IN_REVIEW, L.IN_PROGRESS, "scss", False),  # a return is a supervisor's
        (L.IN_REVIEW, L.IN_PROGRESS, "supervisor", True),
        (L.IN_REVIEW, L.SIGNED, "supervisor", False),  # approve, then sign: two syncs
        (L.APPROVED, L.SIGNED, "scss", True),
        (L.APPROVED, L.IN_REVIEW, "scss", True),  # changed after approval
        (L.SIGNED, L.IN_REVIEW, "scss", True),  # reopened
        (L.SIGNED, L.PLANNED, "scss", False),
        (L.SIGNED, L.APPROVED, "scss", False),
        (L.SIGNED, L.APPROVED, "admin", True),
    ],
)
def test_what_a_laptop_may_push(
    current: Lifecycle | None, target: Lifecycle, role: str, allowed: bool
) -> None:
    assert life.may_reach(current, target, role) is allowed


def test_states_the_app_asks_about() -> None:
    assert [s for s in Lifecycle if life.is_locked(s)] == [L.SIGNED]
    assert L.PLANNED not in life.COUNTED and L.IN_PROGRESS in life.COUNTED
    assert life.imported_state(L.SIGNED) is L.IN_REVIEW
    assert life.imported_state(L.IN_PROGRESS) is L.IN_PROGRESS


def test_the_store_makes_a_move_by_name_checked_and_audited(ctx: AppContext) -> None:
    v = plan_validation(ctx, member="Acme", account="US-1", entity="importer", scss="Ana")
    with pytest.raises(RuleError, match="can become approved only from in-review"):
        ctx.store.move(v.id, "approve", "sam")
    ValidationSession(ctx, v.id).record_finding("1.1", status="met")
    assert ctx.store.validation(v.id).status is L.IN_PROGRESS  # started by the finding
    assert ctx.store.move(v.id, "submit", "ana") is L.IN_REVIEW
    assert ctx.store.move(v.id, "submit", "ana") is L.IN_REVIEW  # again: nothing to do
    actions = [e["action"] for e in ctx.store.audit_events(v.id)]
    assert actions.count("submit") == 1 and "status" in actions
