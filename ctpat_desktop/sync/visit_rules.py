"""What a synced record around the checklist must mean (sites, participants, the tour log,
the outcome …), checked the same way by the hub and a laptop: each field as its declaration
says (records/kinds.py), as if typed. sync/meaning.py runs these with its own checks.

Which of them a signed validation locks is declared too (LOCKED_BY_SIGNING): the hub refuses
a change to them once the validation is signed there, and a change after approval sends the
validation back to review, as for findings and evidence.
"""

from collections.abc import Callable, Mapping
from functools import partial
from typing import Any

from ctpat_desktop.records.kinds import LOCKED_BY_SIGNING, VISIT_KINDS
from ctpat_desktop.records.values import check_wire

__all__ = ["CHECKS", "LOCKED_BY_SIGNING"]

CHECKS: dict[str, Callable[[Mapping[str, Any]], object]] = {
    kind.name: partial(check_wire, kind) for kind in VISIT_KINDS
}
