"""A validation's life: its states, the moves between them and who may make each.

    planned ──start──▶ in-progress ──submit──▶ in-review ──approve──▶ approved ──sign──▶ signed
       └───────────────submit────────────────────▲  ▲ ◀──withdraw── ┘                    │
                          ▲ ◀──────return──────── ┘ ◀──────────────reopen────────────────┘
                          └◀───────return (from approved)

- start: the first finding recorded (done by the store, in the finding's transaction);
- submit: the SCSS hands a finished validation to review;
- approve / return: a supervisor's;
- withdraw: any change to an approved validation sends it back to review (the store);
- sign: the report is signed and the validation locked; only from approved;
- reopen: a signed validation unlocked with a reason (the next report is a new version).

The store checks a move inside the transaction that makes it, the hub checks the moves a
laptop pushes (several made offline arrive as one: each step must be the pusher's to make),
the services say what is refused, and windows ask here what a state allows. Follow-up
after signing (responses, extensions, closure) is appended without a move.
"""

from dataclasses import dataclass

from ctpat_desktop.errors import RuleError
from ctpat_desktop.worksheet.model import Lifecycle

SCSS, SUPERVISOR, ADMIN = "scss", "supervisor", "admin"
EVERYONE = frozenset({SCSS, SUPERVISOR, ADMIN})
SUPERVISORS = frozenset({SUPERVISOR, ADMIN})


@dataclass(frozen=True, slots=True)
class Move:
    """One move: its name (the audit trail's action), where from, where to, by whom."""

    name: str
    sources: frozenset[Lifecycle]
    target: Lifecycle
    roles: frozenset[str]


_L = Lifecycle
MOVES = (
    Move("status", frozenset({_L.PLANNED}), _L.IN_PROGRESS, EVERYONE),  # started
    Move("submit", frozenset({_L.PLANNED, _L.IN_PROGRESS}), _L.IN_REVIEW, EVERYONE),
    Move("approve", frozenset({_L.IN_REVIEW}), _L.APPROVED, SUPERVISORS),
    Move("return", frozenset({_L.IN_REVIEW, _L.APPROVED}), _L.IN_PROGRESS, SUPERVISORS),
    Move("approval withdrawn", frozenset({_L.APPROVED}), _L.IN_REVIEW, EVERYONE),
    Move("sign", frozenset({_L.APPROVED}), _L.SIGNED, EVERYONE),
    Move("reopen", frozenset({_L.SIGNED}), _L.IN_REVIEW, EVERYONE),
)
MOVE_BY_NAME = {move.name: move for move in MOVES}
# An import caps what a file says at in-review: approval and signature are the supervisor's
# and the hub's to give, not a file's.
IMPORT_CEILING = _L.IN_REVIEW
# What the dashboard counts: every validation where work has started.
COUNTED = tuple(state for state in Lifecycle if state is not _L.PLANNED)


def is_locked(state: Lifecycle) -> bool:
    """Findings, evidence and details are read-only (a signed validation)."""
    return state is _L.SIGNED


def is_started(state: Lifecycle) -> bool:
    """Some finding has been recorded."""
    return state is not _L.PLANNED


def check_move(name: str, current: Lifecycle) -> Move:
    """The move, if a validation in `current` may make it; RuleError saying why not."""
    move = MOVE_BY_NAME[name]
    if current not in move.sources:
        allowed = " or ".join(s.value for s in Lifecycle if s in move.sources)
        raise RuleError(
            f"the validation is {current.value}; it can become {move.target.value} only "
            f"from {allowed}"
        )
    return move


def may_reach(current: Lifecycle | None, target: Lifecycle, role: str) -> bool:
    """Whether someone of `role` can have taken a validation from `current` (None: a new
    one) to `target` through moves that are each theirs to make, as a laptop does offline
    between two syncs; a signature only from the approval the hub holds (never after an
    approval made in the same stretch). A new validation counts as planned."""
    if current is None:
        current = _L.PLANNED
    if target is current:
        return True
    if target is _L.SIGNED:
        return current is _L.APPROVED
    seen, frontier = {current}, [current]
    while frontier:
        state = frontier.pop()
        for move in MOVES:
            if state in move.sources and role in move.roles and move.target not in seen:
                if move.target is target:
                    return True
                if move.target is not _L.SIGNED:
                    seen.add(move.target)
                    frontier.append(move.target)
    return False


def imported_state(stated: Lifecycle) -> Lifecycle:
    """The state a validation read from an exchange file starts in: what the file says,
    at most IMPORT_CEILING."""
    order = list(Lifecycle)
    return min(stated, IMPORT_CEILING, key=order.index)
