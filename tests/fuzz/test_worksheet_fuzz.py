"""Fuzz `worksheet import ID FILE`: any file is applied whole or refused, data untouched."""

import io
import re
import zipfile
from datetime import date, datetime, time
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from ctpat_desktop.cli import main
from ctpat_desktop.services.validations import ValidationSession
from ctpat_desktop.services.worksheet_io import export_worksheet, import_worksheet
from ctpat_desktop.worksheet.xlsx_layout import VALIDATION, WORKSHEET
from tests.fuzz.conftest import Template
from tests.fuzz.support import (
    NASTY_NUMBERS,
    NASTY_STRINGS,
    counted,
    folder_state,
    fuzz,
    mutated_bytes,
    refused,
    run_cli,
)

_MADE: dict[str, bytes] = {}


@pytest.fixture
def exported(template: Template, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The template validation's worksheet, as exported (made once)."""
    if "xlsx" not in _MADE:
        target = tmp_path_factory.mktemp("worksheet") / "w.xlsx"
        with template.copy() as (ctx, _folder):
            export_worksheet(ctx, template.validation_id, target)
        _MADE["xlsx"] = target.read_bytes()
    return _MADE["xlsx"]


def _check_import(template: Template, content: bytes) -> None:
    """Import into a copy of the template: applied whole, or nothing changed and one line."""
    counted("worksheet import (worksheet_io.py)")
    with template.copy() as (ctx, folder):
        source = folder / "in.xlsx"
        source.write_bytes(content)
        before = folder_state(ctx)
        plans: list[Any] = []
        error = refused(lambda: plans.append(import_worksheet(ctx, template.validation_id, source)))
        if error is not None:
            assert folder_state(ctx) == before, str(error)
            return
        plan = plans[0]
        for problem in plan.problems:
            assert "\n" not in str(problem) and "\r" not in str(problem), repr(str(problem))
            assert "(--" not in problem.message, problem.message
        # The workbook's facts first, then the rows top to bottom; another validation alone.
        places = [(p.row is not None, p.row or 0) for p in plan.problems]
        assert places == sorted(places), [str(p) for p in plan.problems]
        if any("is for validation" in p.message for p in plan.problems):
            assert len(plan.problems) == 1, [str(p) for p in plan.problems]
        if plan.problems or not plan.updates:
            assert not plan.applied
            assert folder_state(ctx) == before, [str(p) for p in plan.problems]
            return
        assert plan.applied
        # What was applied reads back, and the same file changes nothing the second time.
        ValidationSession(ctx, template.validation_id).findings()
        again = import_worksheet(ctx, template.validation_id, source, dry_run=True)
        assert (again.problems, again.updates) == ([], [])


@fuzz(40)
@given(content=st.binary(max_size=300))
@example(content=b"PK\x03\x04")
@example(content=b"PK\x05\x06" + b"\x00" * 18)
def test_any_bytes(template: Template, content: bytes) -> None:
    _check_import(template, content)


@fuzz(60)
@given(data=st.data())
def test_damaged_workbooks(template: Template, exported: bytes, data: st.DataObject) -> None:
    _check_import(template, data.draw(mutated_bytes(exported)))


@st.composite
def _rezipped(draw: st.DrawFn, original: bytes) -> bytes:
    """The workbook's zip rebuilt with one part damaged, replaced, dropped or added."""
    with zipfile.ZipFile(io.BytesIO(original)) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    name = draw(st.sampled_from(sorted(parts)))
    action = draw(st.sampled_from(["damage", "replace", "drop", "entities", "add"]))
    if action == "damage":
        parts[name] = draw(mutated_bytes(parts[name]))
    elif action == "replace":
        parts[name] = draw(st.binary(max_size=200))
    elif action == "drop":
        del parts[name]
    elif action == "entities":
        parts[name] = (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><x>&b;</x>'
        )
    else:
        # Any name zipfile can write (it cannot write one that is empty once "/" and "."
        # path parts are dropped, which would be a test failure of its own, not the app's).
        names = st.text(min_size=1, max_size=20).filter(
            lambda n: "\x00" not in n and any(p not in ("", ".", "..") for p in n.split("/"))
        )
        parts[draw(names)] = draw(st.binary(max_size=50))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, content in parts.items():
            archive.writestr(part, content)
    return out.getvalue()


@fuzz(60)
@given(data=st.data())
def test_rezipped_workbooks(template: Template, exported: bytes, data: st.DataObject) -> None:
    _check_import(template, data.draw(_rezipped(exported)))


CELL_VALUES = st.one_of(
    st.none(),
    st.sampled_from(NASTY_STRINGS),
    st.sampled_from(NASTY_NUMBERS[:-2]),
    st.text(max_size=40).filter(lambda t: "\x00" not in t),
    st.sampled_from(
        [
            *("Met", "Not met", "met", " not-met ", "Exceeds", "Not applicable", "Yes", "No"),
            *("No written procedure", "no-evidence", "Document verified", "=1+1", "=A1"),
            *("2026-05-01", "2025-01-01", "01/05/2026", "x" * 20_001),
        ]
    ),
    st.dates(date(1900, 1, 1), date(9999, 12, 31)),
    st.datetimes(datetime(1900, 1, 1), datetime(9999, 12, 31)),
    st.times(),
    st.just(time(0, 0)),
)


@st.composite
def _edited(draw: st.DrawFn, original: bytes) -> bytes:
    """The exported workbook with hostile values typed into cells, maybe a sheet changed."""
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(original))
    sheet = workbook[WORKSHEET]
    rows = sheet.max_row
    for _ in range(draw(st.integers(1, 8))):
        target = draw(st.sampled_from([WORKSHEET, WORKSHEET, WORKSHEET, VALIDATION]))
        if target == WORKSHEET:
            row = draw(st.one_of(st.integers(1, 6), st.integers(1, rows + 3)))
            column = draw(st.integers(1, sheet.max_column + 2))
            cell = sheet.cell(row, column)
        else:
            cell = workbook[VALIDATION].cell(draw(st.integers(1, 20)), draw(st.integers(1, 3)))
        value = draw(CELL_VALUES)
        try:
            cell.value = value
        except Exception:  # openpyxl refuses some values (control characters, odd types)
            cell.value = None
    change = draw(st.sampled_from(["none", "none", "none", "rename", "remove", "move"]))
    if change == "rename":
        workbook[draw(st.sampled_from([WORKSHEET, VALIDATION]))].title = draw(
            st.sampled_from(["Sheet", "worksheet", "Validation ", "X"])
        )
    elif change == "remove":
        del workbook[draw(st.sampled_from(workbook.sheetnames))]
    elif change == "move":
        sheet.move_range("A2:Z20", rows=draw(st.integers(-1, 3)))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@fuzz(25)
@given(data=st.data())
def test_hostile_cell_values(template: Template, exported: bytes, data: st.DataObject) -> None:
    _check_import(template, data.draw(_edited(exported)))


@fuzz(6)
@given(data=st.data())
def test_cli_reports_problems_line_by_line(
    template: Template,
    exported: bytes,
    capsys: pytest.CaptureFixture[str],
    data: st.DataObject,
) -> None:
    counted("ctpat-desktop worksheet import (CLI)")
    content = data.draw(st.one_of(_edited(exported), mutated_bytes(exported)))
    with template.copy() as (ctx, folder):
        source = folder / "in.xlsx"
        source.write_bytes(content)
        before = folder_state(ctx)
        args = ["worksheet", "import", template.validation_id, str(source)]
        code, _out, err = run_cli(main, capsys, [*args, "--data-dir", str(ctx.data_dir)])
        if code == 0:
            return
        assert code == 1, err
        lines = err.splitlines()
        assert lines and lines[0].startswith("ctpat-desktop: error: "), err
        assert all(line.strip() for line in lines), err
        if "problem(s); nothing was applied" in lines[0]:
            count = int(lines[0].split(": ")[-1].split(" ")[0])
            assert len(lines) == 1 + count, err
        else:
            assert len(lines) == 1, err
        assert folder_state(ctx) == before


def test_a_formula_is_refused_and_changes_nothing(template: Template, exported: bytes) -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(exported))
    sheet = workbook[WORKSHEET]
    sheet.cell(2, 7).value = '=HYPERLINK("http://evil.invalid","Met")'
    out = io.BytesIO()
    workbook.save(out)
    with template.copy() as (ctx, folder):
        source = folder / "f.xlsx"
        source.write_bytes(out.getvalue())
        before = folder_state(ctx)
        plan = import_worksheet(ctx, template.validation_id, source)
        assert any("formulas are not accepted" in str(p) for p in plan.problems)
        assert folder_state(ctx) == before


def test_cell_text_with_line_breaks_is_named_on_one_line(
    template: Template, exported: bytes
) -> None:
    """Found by fuzzing: a problem quoted the cell's line breaks, splitting the CLI's list."""
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(exported))
    sheet = workbook[WORKSHEET]
    headers = [cell.value for cell in sheet[1]]
    sheet.cell(2, headers.index("Finding") + 1).value = "Met\nx"
    sheet.cell(3, headers.index("Response due") + 1).value = "2026\n01"
    sheet.cell(4, headers.index("ID") + 1).value = "9.9\nx"
    workbook[VALIDATION]["B2"].value = "not\nthis one"
    out = io.BytesIO()
    workbook.save(out)
    _check_import(template, out.getvalue())
    with template.copy() as (ctx, folder):
        source = folder / "lines.xlsx"
        source.write_bytes(out.getvalue())
        problems = [str(p) for p in import_worksheet(ctx, template.validation_id, source).problems]
    assert "Worksheet!G2: 'Met\\nx' is not a valid finding" in problems
    assert any("criterion '9.9\\nx' is not in catalog" in p for p in problems)


@st.composite
def _claimed(draw: st.DrawFn, original: bytes) -> bytes:
    """The exported workbook with a hostile value or two typed in and its Worksheet sheet's
    <dimension> element claiming any range (or dropped)."""
    edited = draw(_edited(original))
    columns = st.sampled_from(["A", "B", "G", "Q", "Z", "XFD"])
    rows = st.sampled_from([1, 2, 10, 60, 1048576])
    claim = draw(
        st.one_of(
            st.just(b""),
            st.builds(lambda c, r: f'<dimension ref="{c}{r}"/>'.encode(), columns, rows),
            st.builds(
                lambda a, b, c, d: f'<dimension ref="{a}{b}:{c}{d}"/>'.encode(),
                columns,
                rows,
                columns,
                rows,
            ),
        )
    )
    with zipfile.ZipFile(io.BytesIO(edited)) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = re.sub(rb"<dimension [^>]*/>", claim, parts[sheet], count=1)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, content in parts.items():
            archive.writestr(part, content)
    return out.getvalue()


def _plan_of(template: Template, content: bytes) -> Any:
    with template.copy() as (ctx, folder):
        source = folder / "in.xlsx"
        source.write_bytes(content)
        plans: list[Any] = []
        error = refused(
            lambda: plans.append(
                import_worksheet(ctx, template.validation_id, source, dry_run=True)
            )
        )
    if error is not None:
        return str(error).replace(str(source), "FILE")
    plan = plans[0]
    return [str(p) for p in plan.problems], [(u.row, u.changed()) for u in plan.updates]


@fuzz(20)
@given(data=st.data())
def test_the_dimension_claim_changes_nothing_read(
    template: Template, exported: bytes, data: st.DataObject
) -> None:
    """Found in review: rows and columns beyond a sheet's <dimension ref> were dropped."""
    counted("worksheet import (worksheet_io.py)")
    claimed = data.draw(_claimed(exported))
    with zipfile.ZipFile(io.BytesIO(claimed)) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = re.sub(rb"<dimension [^>]*/>", b"", parts[sheet], count=1)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, content in parts.items():
            archive.writestr(part, content)
    assert _plan_of(template, claimed) == _plan_of(template, out.getvalue())
