"""Dates as people type them: ISO always, the short form in the language's order."""

from datetime import date

import pytest

from ctpat_desktop.ui.workspace.date_field import parse_day


@pytest.mark.parametrize(
    ("typed", "day_first", "day"),
    [
        ("2027-02-15", False, date(2027, 2, 15)),
        (" 2027.02.15 ", True, date(2027, 2, 15)),
        ("20270215", True, date(2027, 2, 15)),
        ("15/02/2027", True, date(2027, 2, 15)),  # Spanish
        ("02/15/2027", False, date(2027, 2, 15)),  # English
        ("", True, None),
    ],
)
def test_common_forms(typed: str, day_first: bool, day: date | None) -> None:
    assert parse_day(typed, day_first) == day


@pytest.mark.parametrize(
    "typed", ["2027-01-312027-02-15", "31/02/2027", "next tuesday", "15/02/27"]
)
def test_what_is_no_date_is_refused_not_guessed(typed: str) -> None:
    with pytest.raises(ValueError):
        parse_day(typed, True)
