"""The outcomes of the validations that count (stats' `outcomes`): the results the SCSSs
proposed, the supervisors' decisions on them and the results decided, overall and per mode;
and the same as tables of plain values for the PDF and the Excel exports."""

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ctpat_desktop.analytics.dashboard_common import MODE_LABELS, ordered_modes
from ctpat_desktop.analytics.rounding import largest_remainder_percents
from ctpat_desktop.records.kinds import DECISIONS, RESULTS
from ctpat_desktop.report.labels import EN

# The counts kept per mode and overall, in the order the tables show them.
COUNTS = ("validations", "proposed", "decided", "agreed", "changed", "undecided")
OUTCOME_HEADER = (
    "Mode",
    "Validations",
    "Outcome proposed",
    "Decided",
    "Agreed",
    "Changed",
    "Proposed, not decided",
)
RESULT_HEADER = ("Result", "Proposed", "Proposed (%)", "Decided", "Decided (%)")
ALL_MODES = "All modes"


def result_label(result: str) -> str:
    """A result as the English report names it."""
    return EN["results_proposed"].get(result, result)


class _Tally:
    """The counts and the results proposed and decided over some validations."""

    def __init__(self) -> None:
        self.counts = dict.fromkeys(COUNTS, 0)
        self.proposed: dict[str, int] = defaultdict(int)
        self.decided: dict[str, int] = defaultdict(int)

    def add(self, proposed: str | None, decision: str | None, decided: str, n: int) -> None:
        self.counts["validations"] += n
        if proposed is not None:
            self.counts["proposed"] += n
            self.proposed[proposed] += n
        if decision is None:
            if proposed is not None:
                self.counts["undecided"] += n
            return
        self.counts["decided"] += n
        if decision in DECISIONS:
            self.counts[decision] += n
        if decided:
            self.decided[decided] += n


def _results(*counted: Mapping[str, int]) -> list[str]:
    """Every known result in its order, then any other that was counted."""
    others = {r for counts in counted for r in counts if r not in RESULTS}
    return [*RESULTS, *sorted(others)]


def _shares(counts: Mapping[str, int], results: Sequence[str]) -> list[dict[str, Any]]:
    numbers = [counts.get(r, 0) for r in results]
    return [
        {"result": r, "label": result_label(r), "count": n, "percent": p}
        for r, n, p in zip(results, numbers, largest_remainder_percents(numbers), strict=True)
    ]


def outcome_figures(rows: Iterable[Sequence[Any]]) -> dict[str, Any]:
    """The `outcomes` figure from figures.outcome_query's rows (mode, proposed, decision,
    decided, n). A decision counts as the validation decided; its result, when it names
    none, is the one proposed (an agreed decision keeps it)."""
    overall = _Tally()
    modes: dict[str, _Tally] = defaultdict(_Tally)
    for mode, proposed, decision, decided, n in rows:
        result = decided or proposed or ""
        for tally in (overall, modes[mode]):
            tally.add(proposed, decision, result, int(n))
    results = _results(overall.proposed, overall.decided)
    return {
        **overall.counts,
        "by_proposed": _shares(overall.proposed, results),
        "by_decided": _shares(overall.decided, results),
        "by_mode": {
            mode: {
                **modes[mode].counts,
                "by_proposed": {r: modes[mode].proposed.get(r, 0) for r in results},
                "by_decided": {r: modes[mode].decided.get(r, 0) for r in results},
            }
            for mode in ordered_modes(modes)
        },
    }


def outcome_rows(outcomes: Mapping[str, Any]) -> list[tuple[Any, ...]]:
    """All modes first, then per mode: the validations and how their outcomes stand."""
    if not outcomes:
        return []
    by_mode: Mapping[str, Mapping[str, Any]] = outcomes.get("by_mode", {})
    rows = [(ALL_MODES, *(outcomes.get(c, 0) for c in COUNTS))]
    rows += [
        (MODE_LABELS.get(m, m), *(by_mode[m].get(c, 0) for c in COUNTS))
        for m in ordered_modes(by_mode)
    ]
    return rows


def result_rows(outcomes: Mapping[str, Any]) -> list[tuple[Any, ...]]:
    """Per result: how many proposed and decided, with their shares (percent)."""
    proposed, decided = outcomes.get("by_proposed", ()), outcomes.get("by_decided", ())
    return [
        (p["label"], p["count"], p["percent"], d["count"], d["percent"])
        for p, d in zip(proposed, decided, strict=True)
    ]
