"""Validations that look unusual against their peers, each with the plain reason why."""

import statistics
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

ROBUST_Z = 3.5  # Iglewicz and Hoaglin's cut-off for the modified z-score
MIN_PEERS = 5
MIN_REVIEWED = 10
PACE_MIN_EDITS = 20
PACE_MIN_SECONDS = 3.0
COMPLETE = ("in-review", "approved", "signed")


@dataclass
class ValidationFacts:
    """What the anomaly checks know about one validation."""

    id: str
    member: str
    entity: str
    entity_name: str
    date: str
    status: str
    reviewed: int = 0
    deficient: int = 0
    reviewed_by_category: dict[int, int] = field(default_factory=dict)


def _robust_scorer(peers: Sequence[float]) -> tuple[float, Callable[[float], float | None]]:
    """The peers' median and a modified z-score against them (None when peers do not vary)."""
    median = statistics.median(peers)
    mad = statistics.median(abs(p - median) for p in peers)
    if mad > 0:
        return median, lambda value: 0.6745 * (value - median) / mad
    mean_ad = statistics.fmean(abs(p - median) for p in peers)
    if mean_ad > 0:
        return median, lambda value: (value - median) / (1.253314 * mean_ad)
    return median, lambda _value: None


def _rate_flags(facts: Sequence[ValidationFacts]) -> dict[str, list[str]]:
    flags: dict[str, list[str]] = defaultdict(list)
    by_entity: dict[str, list[ValidationFacts]] = defaultdict(list)
    for f in facts:
        if f.reviewed >= MIN_REVIEWED:
            by_entity[f.entity].append(f)
    for group in by_entity.values():
        if len(group) < MIN_PEERS:
            continue
        rates = [g.deficient / g.reviewed for g in group]
        median, score = _robust_scorer(rates)
        for item, rate in zip(group, rates, strict=True):
            z = score(rate)
            if z is None or abs(z) <= ROBUST_Z:
                continue
            direction = "above" if z > 0 else "below"
            flags[item.id].append(
                f"deficiency rate {rate:.1%} ({item.deficient} of {item.reviewed} reviewed) is "
                f"far {direction} the median of {len(group)} {item.entity_name} validations "
                f"({median:.1%}; robust z-score {z:+.1f})"
            )
    return flags


def find_anomalies(
    facts: Sequence[ValidationFacts],
    categories_of: Mapping[str, Sequence[int]],
    category_names: Mapping[int, str],
    pace: Mapping[str, tuple[int, float]],
) -> list[dict[str, object]]:
    """Flag validations: rate far from peers, categories never reviewed, findings too fast."""
    flags = _rate_flags(facts)
    for f in facts:
        if f.status in COMPLETE:
            missing = [n for n in categories_of.get(f.id, ()) if not f.reviewed_by_category.get(n)]
            if missing:
                names = ", ".join(f"{n}. {category_names[n]}" for n in missing)
                flags[f.id].append(
                    f"the validation is {f.status} but category {names} was never reviewed"
                    if len(missing) == 1
                    else f"the validation is {f.status} but categories {names} were never reviewed"
                )
        if f.id in pace:
            edits, seconds = pace[f.id]
            each = seconds / max(edits - 1, 1)
            if each < PACE_MIN_SECONDS:
                flags[f.id].append(
                    f"{edits} findings were recorded one by one in {seconds:.0f} seconds "
                    f"({each:.1f} s each), faster than a criterion can be walked on a call"
                )
    return [
        {
            "validation": f.id,
            "member": f.member,
            "entity": f.entity,
            "date": f.date,
            "reasons": flags[f.id],
        }
        for f in sorted(facts, key=lambda f: (f.date, f.id), reverse=True)
        if flags.get(f.id)
    ]
