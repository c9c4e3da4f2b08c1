"""Validations that look unusual against their peers, each with the plain reason why (in
English, and as a template with its values that a window says in its own language).

The peers' spread comes summed up by SQL (how many validations of an entity type reviewed
so many findings and found so many deficiencies), so the checks never walk every validation:
only the few that stand out are read one by one (``candidates``) and explained here.
"""

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from typing import Any

from ctpat_desktop.said import ENGLISH, Speaker, said

ROBUST_Z = 3.5  # Iglewicz and Hoaglin's cut-off for the modified z-score
MIN_PEERS = 5
MIN_REVIEWED = 10
PACE_MIN_EDITS = 20
PACE_MIN_SECONDS = 3.0
COMPLETE = ("in-review", "approved", "signed")


@dataclass(slots=True)
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
    reviewed_categories: int = 0  # bit n set: category n had a finding reviewed


Weighted = Sequence[tuple[float, int]]  # values in ascending order, each with how often


def _weighted_median(values: Weighted, n: int) -> float:
    """statistics.median of the n values these (value, times) pairs spell out."""
    wanted = (n - 1) // 2, n // 2
    found: list[float] = []
    seen = 0
    for value, times in values:
        while len(found) < 2 and seen + times > wanted[len(found)]:
            found.append(value)
        seen += times
        if len(found) == 2:
            break
    low, high = found
    return low if n % 2 else (low + high) / 2


@dataclass(frozen=True, slots=True)
class RateBaseline:
    """An entity type's peers: how many, their median deficiency rate and a scorer."""

    peers: int
    median: float
    score: Callable[[float], float | None]


def _baseline(rates: dict[float, int]) -> RateBaseline:
    """The peers' median and a modified z-score against them (None when peers do not vary)."""
    n = sum(rates.values())
    median = _weighted_median(sorted(rates.items()), n)
    deviations: dict[float, int] = defaultdict(int)
    for rate, times in rates.items():
        deviations[abs(rate - median)] += times
    mad = _weighted_median(sorted(deviations.items()), n)
    if mad > 0:
        return RateBaseline(n, median, lambda value: 0.6745 * (value - median) / mad)
    # statistics.fmean of every deviation: one exactly rounded sum, then the division.
    mean_ad = math.fsum(chain.from_iterable(repeat(d, t) for d, t in deviations.items())) / n
    if mean_ad > 0:
        return RateBaseline(n, median, lambda value: (value - median) / (1.253314 * mean_ad))
    return RateBaseline(n, median, lambda _value: None)


def rate_baselines(spread: Iterable[tuple[str, int, int, int]]) -> dict[str, RateBaseline]:
    """Per entity type with enough peers, from (entity, reviewed, deficient, validations)
    rows of validations with at least MIN_REVIEWED findings reviewed."""
    rates: dict[str, dict[float, int]] = defaultdict(lambda: defaultdict(int))
    for entity, reviewed, deficient, times in spread:
        rates[entity][int(deficient) / int(reviewed)] += int(times)
    return {
        entity: _baseline(found)
        for entity, found in rates.items()
        if sum(found.values()) >= MIN_PEERS
    }


def outlying(
    spread: Iterable[tuple[str, int, int, int]], baselines: Mapping[str, RateBaseline]
) -> list[tuple[str, int, int]]:
    """The (entity, reviewed, deficient) whose rate is far from the entity's peers."""
    found = []
    for entity, reviewed, deficient, _times in spread:
        baseline = baselines.get(entity)
        if baseline is not None:
            z = baseline.score(int(deficient) / int(reviewed))
            if z is not None and abs(z) > ROBUST_Z:
                found.append((entity, int(reviewed), int(deficient)))
    return found


def too_fast(pace: Mapping[str, tuple[int, float]]) -> set[str]:
    """Validations whose findings were recorded one by one faster than a call allows."""
    return {
        vid
        for vid, (edits, seconds) in pace.items()
        if seconds / max(edits - 1, 1) < PACE_MIN_SECONDS
    }


Flag = dict[str, Any]  # {code, reason, message, values}: said() with the check's code


def _rate_flag(f: ValidationFacts, baseline: RateBaseline | None) -> Flag | None:
    if baseline is None or f.reviewed < MIN_REVIEWED:
        return None
    rate = f.deficient / f.reviewed
    z = baseline.score(rate)
    if z is None or abs(z) <= ROBUST_Z:
        return None
    values: dict[str, object] = {
        "rate": rate,
        "deficient": f.deficient,
        "reviewed": f.reviewed,
        "peers": baseline.peers,
        "entity_name": f.entity_name,
        "median": baseline.median,
        "z": z,
    }
    if z > 0:
        found = said(
            "deficiency rate {rate:.1%} ({deficient} of {reviewed} reviewed) is far above the "
            "median of {peers} {entity_name} validations ({median:.1%}; robust z-score {z:+.1f})",
            **values,
        )
    else:
        found = said(
            "deficiency rate {rate:.1%} ({deficient} of {reviewed} reviewed) is far below the "
            "median of {peers} {entity_name} validations ({median:.1%}; robust z-score {z:+.1f})",
            **values,
        )
    return {"code": "deficiency_rate", **found}


def _missing_flag(
    f: ValidationFacts, categories: Sequence[int], category_names: Mapping[int, str]
) -> Flag | None:
    if f.status not in COMPLETE:
        return None
    missing = [n for n in categories if not f.reviewed_categories >> n & 1]
    if not missing:
        return None
    values: dict[str, object] = {
        "status": f.status,
        "categories": ", ".join(f"{n}. {category_names[n]}" for n in missing),
        "category_numbers": missing,  # for a reader to name them in its own language
    }
    if len(missing) == 1:
        found = said(
            "the validation is {status} but category {categories} was never reviewed", **values
        )
    else:
        found = said(
            "the validation is {status} but categories {categories} were never reviewed", **values
        )
    return {"code": "categories_not_reviewed", **found}


def _pace_flag(f: ValidationFacts, pace: Mapping[str, tuple[int, float]]) -> Flag | None:
    if f.id not in pace:
        return None
    edits, seconds = pace[f.id]
    each = seconds / max(edits - 1, 1)
    if each >= PACE_MIN_SECONDS:
        return None
    found = said(
        "{edits} findings were recorded one by one in {seconds:.0f} seconds ({each:.1f} s "
        "each), faster than a criterion can be walked on a call",
        edits=edits,
        seconds=seconds,
        each=each,
    )
    return {"code": "too_fast", **found}


def find_anomalies(
    candidates: Iterable[ValidationFacts],
    baselines: Mapping[str, RateBaseline],
    categories_of: Mapping[str, Sequence[int]],
    category_names: Mapping[int, str],
    pace: Mapping[str, tuple[int, float]],
) -> list[dict[str, object]]:
    """Flag validations: rate far from peers, categories never reviewed, findings too fast.
    The candidates are the validations that may stand out; the others need not be given.
    Each flagged validation has its `reasons` in English and the same as `flags`, each with
    its code, template and values (ctpat_desktop/said.py), for a reader's language."""
    flagged = []
    for f in candidates:
        flags = [
            flag
            for flag in (
                _rate_flag(f, baselines.get(f.entity)),
                _missing_flag(f, categories_of.get(f.id, ()), category_names),
                _pace_flag(f, pace),
            )
            if flag is not None
        ]
        if flags:
            flagged.append((f, flags))
    flagged.sort(key=lambda item: (item[0].date, item[0].id), reverse=True)
    return [
        {
            "validation": f.id,
            "member": f.member,
            "entity": f.entity,
            "date": f.date,
            "reasons": [flag["reason"] for flag in flags],
            "flags": flags,
        }
        for f, flags in flagged
    ]


def said_reasons(row: Mapping[str, Any], speaker: Speaker = ENGLISH) -> list[str]:
    """A flagged validation's reasons as the speaker says them (their English where the
    figures came without flags: from an older hub)."""
    flags = row.get("flags")
    if not isinstance(flags, list):
        return [str(reason) for reason in row["reasons"]]
    return [speaker.said(flag) for flag in flags]
