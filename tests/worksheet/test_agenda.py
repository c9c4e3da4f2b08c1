"""The session agenda: planned minutes per category and ahead/behind in words."""

from fractions import Fraction
from itertools import pairwise

import pytest

from ctpat_desktop.catalog import Catalog, CatalogLibrary, Criterion, Level
from ctpat_desktop.paths import resources_dir
from ctpat_desktop.ui.panels.session_panel import where_we_are
from ctpat_desktop.worksheet.agenda import (
    AgendaSlot,
    format_minutes,
    plan_agenda,
    slot_at,
)

LIBRARY = CatalogLibrary(resources_dir())


def _catalog(sizes: dict[int, int]) -> Catalog:
    criteria = tuple(
        Criterion(f"{n}.{i}", n, Level.MUST, f"C {n}.{i}", "", "")
        for n, size in sizes.items()
        for i in range(1, size + 1)
    )
    return Catalog("test", "Test", "1", "2026-01-01", criteria, raw={})


def test_importer_agenda_for_240_minutes() -> None:
    slots = plan_agenda(LIBRARY.catalog("importer"), 240)
    assert [(s.category, s.start_minute, s.end_minute) for s in slots] == [
        (1, 0, 10),
        (2, 10, 21),
        (3, 21, 36),
        (4, 36, 70),
        (5, 70, 95),
        (6, 95, 108),
        (7, 108, 150),
        (8, 150, 152),
        (9, 152, 191),
        (10, 191, 212),
        (11, 212, 219),
        (12, 219, 240),
    ]
    assert sum(s.minutes for s in slots) == 240


def test_equal_categories_share_equally() -> None:
    slots = plan_agenda(_catalog({1: 2, 2: 2, 3: 2}), 90)
    assert slots == [AgendaSlot(1, 0, 30), AgendaSlot(2, 30, 60), AgendaSlot(3, 60, 90)]


def test_halves_round_up_and_the_total_still_adds_up() -> None:
    # Exact boundaries 7.5 and 15: the first rounds up to 8, the second slot gets 7.
    slots = plan_agenda(_catalog({1: 1, 2: 1}), 15)
    assert slots == [AgendaSlot(1, 0, 8), AgendaSlot(2, 8, 15)]


@pytest.mark.parametrize("entity", LIBRARY.entities())
@pytest.mark.parametrize("planned", [15, 61, 240, 299, 480, 1440])
def test_slots_are_contiguous_add_up_and_stay_within_half_a_minute(
    entity: str, planned: int
) -> None:
    catalog = LIBRARY.catalog(entity)
    slots = plan_agenda(catalog, planned)
    assert [s.category for s in slots] == catalog.categories()
    assert slots[0].start_minute == 0 and slots[-1].end_minute == planned
    assert all(a.end_minute == b.start_minute for a, b in pairwise(slots))
    assert all(s.minutes >= 0 for s in slots)
    done = 0
    for slot in slots:
        done += len(catalog.in_category(slot.category))
        exact = Fraction(planned * done, len(catalog.criteria))
        assert abs(slot.end_minute - exact) <= Fraction(1, 2)


def test_a_catalog_without_criteria_has_no_agenda() -> None:
    assert plan_agenda(_catalog({}), 240) == []
    assert where_we_are([], 10, None) == "No agenda: the catalog has no categories"


def test_format_minutes() -> None:
    assert [format_minutes(m) for m in (0, 9, 60, 102, 1440)] == [
        "0:00",
        "0:09",
        "1:00",
        "1:42",
        "24:00",
    ]


SLOTS = [AgendaSlot(3, 21, 36), AgendaSlot(4, 36, 70), AgendaSlot(5, 70, 95)]


def test_slot_at_follows_the_clock() -> None:
    assert slot_at(SLOTS, 21) == SLOTS[0]
    assert slot_at(SLOTS, 35) == SLOTS[0]
    assert slot_at(SLOTS, 36) == SLOTS[1]
    assert slot_at(SLOTS, 95) is None
    assert slot_at(SLOTS, 20) is None


def test_slot_at_skips_a_slot_of_no_minutes() -> None:
    slots = [AgendaSlot(1, 0, 5), AgendaSlot(2, 5, 5), AgendaSlot(3, 5, 9)]
    assert slot_at(slots, 5) == slots[2]


def test_where_we_are_ahead_on_time_and_behind() -> None:
    assert where_we_are(SLOTS, 28, 4) == "Category 4 planned from 0:36; you are 8 min ahead"
    assert where_we_are(SLOTS, 36, 4) == "Category 4 planned 0:36–1:10; you are on time"
    assert where_we_are(SLOTS, 70, 4) == "Category 4 planned 0:36–1:10; you are on time"
    assert where_we_are(SLOTS, 78, 4) == "Category 4 planned 0:36–1:10; you are 8 min behind"


def test_where_we_are_without_a_current_category_says_what_the_plan_says() -> None:
    assert where_we_are(SLOTS, 40, None) == "By the plan: category 4 (0:36–1:10)"
    assert where_we_are(SLOTS, 40, 99) == "By the plan: category 4 (0:36–1:10)"
    assert where_we_are(SLOTS, 100, None) == "The planned 1:35 is over by 5 min"
