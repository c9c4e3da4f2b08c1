"""The catalog's value types."""

from dataclasses import dataclass, field
from enum import StrEnum


class Level(StrEnum):
    """Must is a requirement; Should is a recommendation."""

    MUST = "must"
    SHOULD = "should"


def criterion_sort_key(criterion_id: str) -> tuple[int, int]:
    """Natural order of criterion IDs: 1.2 before 1.10, category 2 before 10."""
    category, _, number = criterion_id.partition(".")
    return int(category), int(number)


@dataclass(frozen=True, slots=True)
class Category:
    """One of the 12 MSC categories and the focus area it belongs to."""

    number: int
    name: str
    focus_area: str


@dataclass(frozen=True, slots=True)
class Part:
    """One sub-item of a criterion whose CBP text mixes Must and Should (3.1: a, b)."""

    key: str
    level: Level
    text: str


@dataclass(frozen=True, slots=True)
class Source:
    """Where a criterion was checked: a CBP document, its date and the page or section."""

    document: str
    date: str
    locator: str
    url: str = ""

    def cite(self) -> str:
        """'CTPAT Minimum Security Criteria – U.S. Importers (2019-11), p. 12'."""
        return f"{self.document} ({self.date}), {self.locator}"


@dataclass(frozen=True, slots=True)
class Criterion:
    """One criterion as it applies to an entity type.

    `level` is the level CBP's document prints for the ID; a criterion whose text mixes Must
    and Should has `parts`, each with its own level. `source` says where it was checked;
    without one, `unverified` says why not.
    """

    id: str
    category: int
    level: Level
    title: str
    text: str
    guidance: str
    themes: tuple[str, ...] = ()
    parts: tuple[Part, ...] = ()
    source: Source | None = None
    unverified: str = ""

    def part(self, key: str) -> Part | None:
        """The part with this key, or None."""
        return next((p for p in self.parts if p.key == key), None)

    def level_not_met(self, parts: tuple[str, ...] = ()) -> Level:
        """The level of a not-met finding that names these parts as not met.

        Naming no part means the whole criterion (every part) is not met.
        """
        if not self.parts:
            return self.level
        named = [p for p in self.parts if p.key in parts] or list(self.parts)
        return Level.MUST if any(p.level is Level.MUST for p in named) else Level.SHOULD


@dataclass(frozen=True, slots=True)
class Reason:
    """A coded deficiency reason."""

    code: str
    label: str
    description: str


@dataclass(frozen=True)
class Catalog:
    """The criteria of one entity type at one version; `raw` is the document it came from."""

    entity: str
    name: str
    version: str
    effective: str
    criteria: tuple[Criterion, ...]
    raw: dict[str, object] = field(repr=False, compare=False)
    msc: str = ""
    _index: dict[str, Criterion] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {c.id: c for c in self.criteria})

    def __contains__(self, criterion_id: object) -> bool:
        return criterion_id in self._index

    def get(self, criterion_id: str) -> Criterion | None:
        """The criterion with this ID, or None when it does not apply to the entity."""
        return self._index.get(criterion_id)

    def categories(self) -> list[int]:
        """Category numbers that have at least one criterion, in natural order."""
        return sorted({c.category for c in self.criteria})

    def in_category(self, number: int) -> list[Criterion]:
        """The criteria of one category in natural order."""
        return [c for c in self.criteria if c.category == number]

    def unverified(self) -> list[Criterion]:
        """The criteria that no CBP text could be checked against."""
        return [c for c in self.criteria if c.source is None]
