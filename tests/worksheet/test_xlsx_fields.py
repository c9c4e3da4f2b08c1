"""The finding's declared fields in the Worksheet sheet (worksheet/xlsx_fields.py): every
one has a column or is left out on purpose, the columns are today's to the letter, and
each field with a column goes out to a workbook and comes back as it was."""

import dataclasses
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl.utils import get_column_letter

from ctpat_desktop.app import AppContext
from ctpat_desktop.catalog import translations
from ctpat_desktop.records.declare import Field, Type
from ctpat_desktop.records.finding import FINDING
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.services.worksheet_io import (
    export_worksheet,
    plan_worksheet_import,
    worksheet_data,
)
from ctpat_desktop.worksheet.model import Finding
from ctpat_desktop.worksheet.xlsx_fields import (
    CHOICE_WORDS,
    FINDING_CELLS,
    LAYOUT,
    NOT_IN_WORKSHEET,
    ONE_COLUMN_EACH,
    FindingCells,
    unplaced,
)
from ctpat_desktop.worksheet.xlsx_import import read_worksheet
from ctpat_desktop.worksheet.xlsx_layout import WORKSHEET_TEXTS, worksheet_columns
from ctpat_desktop.worksheet.xlsx_print import print_columns

# The columns as they were listed by hand before they followed the declaration.
TODAY = Path(__file__).with_name("worksheet_columns_today.json")


def test_the_columns_are_today_s_letters_headers_widths_and_locks() -> None:
    today = json.loads(TODAY.read_text(encoding="utf-8"))
    now = {}
    for language, texts in sorted(WORKSHEET_TEXTS.items()):
        for followup in (False, True):
            for reasons in (0, 3, 5):
                columns = worksheet_columns(reasons, texts, followup=followup)
                now[f"{language} followup={followup} reasons={reasons}"] = [
                    [get_column_letter(i), c.key, c.header, c.width, c.editable]
                    for i, c in enumerate(columns, start=1)
                ]
    assert now == today


def test_every_declared_field_has_a_column_or_is_left_out_on_purpose() -> None:
    assert unplaced() == []
    photos = Field("photos_shown", Type.INT, "photos shown", nullable=True)
    added = dataclasses.replace(FINDING, fields=(*FINDING.fields, photos))
    assert unplaced(added) == ["photos_shown"]  # waits for a column or a place in the list
    assert unplaced(added, excluded=NOT_IN_WORKSHEET | {"photos_shown"}) == []
    assert unplaced(added, layout=(*LAYOUT, ("photos_shown", 10))) == []
    dropped = dataclasses.replace(FINDING, fields=FINDING.fields[:-1])
    assert unplaced(dropped) == ["response_accepted"]  # left out of a field no longer there
    assert unplaced(layout=(*LAYOUT, ("note_2", 10))) == ["note_2"]
    assert unplaced(layout=(*LAYOUT, ("action", 10))) == ["action"]  # two columns of one field
    assert unplaced(excluded=NOT_IN_WORKSHEET | {"note"}) == ["note"]  # both placed and not


def test_the_cells_a_person_fills_are_the_placed_fields_and_all_are_printed(
    ctx: AppContext, session: ValidationSession
) -> None:
    placed = {key for key, _width in LAYOUT} - NOT_IN_WORKSHEET
    assert FINDING_CELLS.names == (placed & set(FINDING.by_name)) - {"criterion"}
    fields_of = {f"{each}_": name for name, each in ONE_COLUMN_EACH.items()}
    columns = worksheet_columns(3)
    filled = {
        next((n for prefix, n in fields_of.items() if c.key.startswith(prefix)), c.key)
        for c in columns
        if c.editable
    }
    assert filled == FINDING_CELLS.names
    for texts in WORKSHEET_TEXTS.values():  # a label for every value of every drop-down
        assert set(texts.choice_labels(session.reasons)) == set(CHOICE_WORDS)
    data = worksheet_data(ctx, session, "en")
    printed = {key for column in print_columns(columns, data) for key, _label in column.pieces}
    assert {c.key for c in columns if c.editable} <= printed


def test_a_field_of_a_type_no_cell_can_hold_is_refused_at_once() -> None:
    days = Field("tour_days", Type.DATES, "days of the tour")
    toured = dataclasses.replace(FINDING, fields=(*FINDING.fields, days))
    with pytest.raises(ValueError, match="cannot show tour_days"):
        FindingCells(toured, Finding, (*LAYOUT, ("tour_days", 12)))


@pytest.fixture
def session(ctx: AppContext) -> ValidationSession:
    validation = plan_validation(
        ctx,
        member="Sierra Madre Textiles",
        account="MX-40117",
        entity="importer",
        on=date(2026, 3, 10),
        scss="Laura Méndez",
    )
    return ValidationSession(ctx, validation.id)


def _every_placed_field_set() -> dict[str, Any]:
    """A value other than the empty one for every field with a column (from the declaration,
    so a field placed later is set too)."""
    values: dict[str, Any] = {}
    for f in FINDING_CELLS.answers:
        if f.type is Type.TEXT and f.choices:
            values[f.name] = "not-met" if f.name == "status" else f.choices[-1]
        elif f.type is Type.TEXT:
            values[f.name] = f"The {f.label};\n=on two lines"
        elif f.type is Type.CODES:
            values[f.name] = ["training-gap", "other"] if f.name == "reasons" else ["b"]
        elif f.type is Type.DATE:
            values[f.name] = date(2026, 6, 1)
        elif f.type is Type.BOOL:
            values[f.name] = False
        else:
            raise AssertionError(f"no sample for a {f.type} field ({f.name})")
    return values


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_field_with_a_column_goes_out_and_comes_back(
    ctx: AppContext, session: ValidationSession, tmp_path: Path, language: str
) -> None:
    left_out = {"extension_days": 60, "extension_reason": "Vendor delay"}
    session.record_finding("3.1", **_every_placed_field_set(), **left_out)
    stored = session.findings()["3.1"].finding
    path = tmp_path / "w.xlsx"
    export_worksheet(ctx, session.id, path, language)

    content = read_worksheet(
        path,
        session.catalog,
        lambda language: translations(ctx.resources, language).translate_reasons(session.reasons),
    )
    assert content.problems == []
    (row,) = [r for r in content.rows if r.finding.criterion == "3.1"]
    empty = Finding("3.1")
    assert row.finding == dataclasses.replace(
        stored, **{name: getattr(empty, name) for name in NOT_IN_WORKSHEET}
    )
    assert row.reason_keys == ("reason_1", "reason_2") and row.unreadable == frozenset()
    assert all(r.finding == Finding(r.finding.criterion) for r in content.rows if r is not row)
    plan = plan_worksheet_import(ctx, session.id, path)
    assert (plan.problems, plan.updates) == ([], [])  # nor are the fields left out emptied
