"""The session agenda: the planned time spread over the categories, slot by slot."""

from collections.abc import Sequence
from dataclasses import dataclass

from ctpat_desktop.catalog import Catalog


@dataclass(frozen=True, slots=True)
class AgendaSlot:
    """The planned minutes of one category, counted from the start of the session."""

    category: int
    start_minute: int
    end_minute: int

    @property
    def minutes(self) -> int:
        """How long the slot lasts."""
        return self.end_minute - self.start_minute


def format_minutes(minutes: int) -> str:
    """Minutes as h:mm, e.g. 102 → "1:42"."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def plan_agenda(catalog: Catalog, planned_minutes: int) -> list[AgendaSlot]:
    """One slot per category, in proportion to its number of criteria; they add up exactly.

    Each boundary is the exact proportional time rounded half up, so no boundary is more
    than half a minute off and the last one is planned_minutes.
    """
    counts = [(n, len(catalog.in_category(n))) for n in catalog.categories()]
    total = sum(count for _, count in counts)
    slots = []
    start = done = 0
    for number, count in counts:
        done += count
        end = (2 * planned_minutes * done + total) // (2 * total)
        slots.append(AgendaSlot(number, start, end))
        start = end
    return slots


def slot_at(slots: Sequence[AgendaSlot], elapsed_minutes: int) -> AgendaSlot | None:
    """The slot the plan puts this minute in; None once the planned time is over."""
    return next((s for s in slots if s.start_minute <= elapsed_minutes < s.end_minute), None)


def span(slot: AgendaSlot) -> str:
    """A slot's planned time, e.g. "0:36–1:10"."""
    return f"{format_minutes(slot.start_minute)}–{format_minutes(slot.end_minute)}"
