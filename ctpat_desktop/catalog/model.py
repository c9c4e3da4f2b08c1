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
class Criterion:
    """One criterion as it applies to an entity type."""

    id: str
    category: int
    level: Level
    title: str
    text: str
    guidance: str
    themes: tuple[str, ...] = ()


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
