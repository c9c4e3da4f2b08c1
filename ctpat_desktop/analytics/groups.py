"""The validations that count, summed by SQL per mode, office, quarter and catalog version
(figures.groups_query), and folded here into any coarser grouping."""

import operator
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from ctpat_desktop.analytics.significance import Ratios, Sample

_SUMS = 7  # n, reviewed, deficient, clean, dd, rr, rd
K = TypeVar("K", str, tuple[str, str])


@dataclass(frozen=True, slots=True)
class Group:
    """Sums over some validations: how many (n), findings reviewed (r) and deficient (d),
    how many found none, and the sums of d², r² and r·d."""

    mode: str
    office: str
    quarter: str
    version: str
    sums: tuple[int, ...]

    @classmethod
    def of(cls, row: Sequence[Any]) -> "Group":
        """From a row of figures.groups_query."""
        return cls(row[0], row[1], row[2], row[3], tuple(row[4:]))

    @property
    def n(self) -> int:
        """How many validations."""
        return self.sums[0]

    @property
    def reviewed(self) -> int:
        """Findings reviewed."""
        return self.sums[1]

    @property
    def deficient(self) -> int:
        """Deficiencies (findings not met)."""
        return self.sums[2]

    @property
    def share_without(self) -> float:
        """The percentage of validations that found no deficiency."""
        return round(100 * self.sums[3] / self.n, 2) if self.n else 0.0

    @property
    def deficiencies(self) -> Sample:
        """Deficiencies per validation, as a sample's sums."""
        return Sample(self.n, self.deficient, self.sums[4])

    @property
    def rate(self) -> Ratios:
        """Deficiencies over findings reviewed, validation by validation."""
        n, r, d, _clean, dd, rr, rd = self.sums
        return Ratios(n, d, r, dd, rr, rd)


def total(groups: Iterable[Group]) -> Group:
    """The sums of the groups."""
    sums = [0] * _SUMS
    for g in groups:
        sums[:] = map(operator.add, sums, g.sums)
    return Group("", "", "", "", tuple(sums))


def fold(groups: Iterable[Group], key: Callable[[Group], K]) -> dict[K, Group]:
    """The groups summed per key, in the key's order."""
    found: dict[K, list[int]] = {}
    for g in groups:
        k = key(g)
        sums = found.get(k)
        if sums is None:
            found[k] = list(g.sums)
        else:
            sums[:] = map(operator.add, sums, g.sums)
    return {k: Group("", "", "", "", tuple(found[k])) for k in sorted(found)}
