"""Percentages with two decimals that add up to exactly 100.00 (largest remainder)."""

from collections.abc import Sequence

_UNITS = 10_000  # hundredths of a percent


def largest_remainder_percents(counts: Sequence[int]) -> list[float]:
    """Each count's share of the total, to two decimals, summing to 100.00 (all 0 if no total).

    Every share is first rounded down; the hundredths left over go one by one to the
    largest remainders, ties to the earlier item, so the order of the input decides ties.
    """
    total = sum(counts)
    if total <= 0:
        return [0.0] * len(counts)
    floors = [c * _UNITS // total for c in counts]
    remainders = [c * _UNITS % total for c in counts]
    left = _UNITS - sum(floors)
    order = sorted(range(len(counts)), key=lambda i: (-remainders[i], i))
    for i in order[:left]:
        floors[i] += 1
    return [units / 100 for units in floors]
