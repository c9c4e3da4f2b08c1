"""The session agenda: the planned time spread over the categories, slot by slot; and
the time recorded against it (stretches of time on one category: store/periods.py)."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from ctpat_desktop.catalog import Catalog
from ctpat_desktop.errors import RuleError


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


# A stretch longer than this is no session (a laptop left running overnight); the hub's
# meaning checks refuse it too (sync/meaning.py).
MAX_STRETCH_HOURS = 14


@dataclass(frozen=True, slots=True)
class Period:
    """One stretch of session time on one category (None: no criterion chosen yet)."""

    id: str
    category: int | None
    started_at: str
    ended_at: str
    recorded_by: str

    @property
    def seconds(self) -> int:
        """How long the stretch lasted."""
        return max(
            0, int((parse_stamp(self.ended_at) - parse_stamp(self.started_at)).total_seconds())
        )


@dataclass(frozen=True, slots=True)
class SessionTimes:
    """A validation's recorded session time."""

    periods: tuple[Period, ...]

    @property
    def seconds(self) -> int:
        """All the recorded time, pauses left out."""
        return sum(period.seconds for period in self.periods)

    def by_category(self) -> dict[int | None, int]:
        """Seconds by category, in category order (None first)."""
        totals: dict[int | None, int] = defaultdict(int)
        for period in self.periods:
            totals[period.category] += period.seconds
        return dict(sorted(totals.items(), key=lambda item: -1 if item[0] is None else item[0]))

    def days(self) -> list[date]:
        """The days (UTC) the session ran on, in order."""
        return sorted({parse_stamp(period.started_at).date() for period in self.periods})


def parse_stamp(text: str) -> datetime:
    """A stored UTC timestamp ("2026-12-06T14:05:00Z") as an aware datetime."""
    parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def stamp(moment: datetime) -> str:
    """A moment as the stored UTC timestamp, to the second."""
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def check_stretch(started_at: str, ended_at: str) -> None:
    """RuleError unless both are timestamps and the end is after the start, within
    MAX_STRETCH_HOURS (shared with the hub's checks)."""
    try:
        start, end = parse_stamp(started_at), parse_stamp(ended_at)
    except ValueError:
        raise RuleError(
            f"a session time needs timestamps, not {started_at!r} and {ended_at!r}"
        ) from None
    if end < start:
        raise RuleError("a session time cannot end before it starts")
    if (end - start).total_seconds() > MAX_STRETCH_HOURS * 3600:
        raise RuleError(f"a session time longer than {MAX_STRETCH_HOURS} hours is no session")
