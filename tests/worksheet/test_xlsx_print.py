"""The worksheet on paper: letter landscape at a readable scale, rows as tall as their text,
and a print sheet that shows the Worksheet sheet's cells (as edited in Excel too)."""

import math
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from ctpat_desktop.app import AppContext
from ctpat_desktop.paths import resources_dir
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.services.worksheet_io import export_worksheet
from ctpat_desktop.worksheet.xlsx_paper import wrapped_lines

LETTER = 1  # the paper size code of US letter
LINE = 15  # points of one line of Calibri 11
# Columns are measured in digit widths of Calibri 11 (7 pixels, 96 to the printed inch).
PIXELS, DPI = 7, 96


@pytest.fixture
def session(ctx: AppContext) -> ValidationSession:
    validation = plan_validation(
        ctx,
        member="Smith & Sons &P Importers",
        account="US-22871",
        entity="importer",
        on=date(2026, 5, 18),
        scss="Daniel Okafor",
    )
    session = ValidationSession(ctx, validation.id)
    session.record_finding(
        "4.8",
        status="not-met",
        reasons=["training-gap", "no-evidence"],
        verified="described",
        report_text="Passwords are shared at the dock office. " * 6,
        action="Enforce MFA",
        note="Seen on the livestream",
        due=date(2026, 9, 1),
    )
    session.record_finding("12.1", status="exceeds", note="Gamified training")
    return session


def _export(ctx: AppContext, session: ValidationSession, tmp_path: Path, language: str) -> Any:
    path = tmp_path / f"w-{language}.xlsx"
    export_worksheet(ctx, session.id, path, language)
    return load_workbook(path)


def _widths(sheet: Any) -> list[float]:
    last = sheet.max_column
    letters = [sheet.cell(1, c).column_letter for c in range(1, last + 1)]
    return [sheet.column_dimensions[x].width for x in letters]


def _inches(width: float) -> float:
    return (width * PIXELS + 1) / DPI


def _printable_width(sheet: Any) -> float:
    assert sheet.page_setup.paperSize == LETTER and sheet.page_setup.orientation == "landscape"
    margins = sheet.page_margins
    return 11.0 - margins.left - margins.right


def _fits(widths: list[float], title: float, pages: int, printable: float, scale: float) -> bool:
    """Whether the columns, broken between columns onto pages each starting with the
    title column, take no more than so many pages across at scale."""
    room = printable / scale - _inches(title)
    used, count = 0.0, 1
    for width in widths:
        if used and used + _inches(width) > room:
            count, used = count + 1, 0.0
        used += _inches(width)
    return count <= pages


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_print_sheet_is_one_letter_page_across_at_a_readable_scale(
    ctx: AppContext, session: ValidationSession, tmp_path: Path, language: str
) -> None:
    book = _export(ctx, session, tmp_path, language)
    sheet = book.worksheets[-1]
    assert sheet.title == {"en": "Print", "es": "Para imprimir"}[language]
    setup = sheet.page_setup
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
    scale = _printable_width(sheet) / sum(_inches(w) for w in _widths(sheet))
    assert scale >= 0.75, f"the print sheet prints at {scale:.0%}"
    assert sheet.print_title_rows == "$1:$1" and sheet.freeze_panes == "A2"
    assert sheet.oddFooter.center.text.startswith({"en": "Page", "es": "Página"}[language])


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_worksheet_prints_pages_across_at_a_readable_scale(
    ctx: AppContext, session: ValidationSession, tmp_path: Path, language: str
) -> None:
    """All 19 columns on one page came out at 27 %: now as many pages across as 60 % needs
    (Excel's fit to that many pages then chooses at least 60 %), the ID on every page."""
    book = _export(ctx, session, tmp_path, language)
    sheet = book.worksheets[0]
    setup = sheet.page_setup
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and setup.fitToHeight == 0
    assert sheet.print_title_rows == "$1:$1" and sheet.print_title_cols == "$B:$B"
    widths = _widths(sheet)
    title = sheet.column_dimensions["B"].width
    printable = _printable_width(sheet)
    assert _fits(widths, title, setup.fitToWidth, printable, 0.6)
    assert not _fits(widths, title, 1, printable, 0.6)
    for other in book.worksheets[1:]:
        if other.sheet_state == "visible":
            assert other.page_setup.paperSize == LETTER, other.title


def _lower_bound_lines(text: str, width: float) -> int:
    """Lines the text needs at least: no prose is narrower than 6.1 pixels a character."""
    per_line = width * PIXELS / 6.1
    return sum(max(1, math.ceil(len(p) / per_line)) for p in text.split("\n"))


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_row_is_as_tall_as_its_wrapped_text(
    ctx: AppContext, session: ValidationSession, tmp_path: Path, language: str
) -> None:
    """Without a height LibreOffice drew wrapped text over the rows below."""
    book = _export(ctx, session, tmp_path, language)
    for sheet in (book.worksheets[0], book.worksheets[-1]):
        widths = _widths(sheet)
        tall = 0
        for row in range(1, sheet.max_row + 1):
            height = sheet.row_dimensions[row].height
            assert height is not None, f"{sheet.title} row {row} has no height"
            for column, width in enumerate(widths, start=1):
                value = _shown(book, sheet, sheet.cell(row, column))
                needed = min(27, _lower_bound_lines(value, width)) * LINE
                assert height >= needed, (sheet.title, row, column, value)
            tall = max(tall, height)
        assert 3 * LINE < tall < 409  # no row cut at the tallest a row may be


def test_wrapped_lines_breaks_between_words_and_inside_long_ones() -> None:
    width = 12  # 8 characters a line
    assert wrapped_lines("", width) == 1
    assert wrapped_lines("one two", width) == 1
    assert wrapped_lines("one two three", width) == 2
    assert wrapped_lines("a\nb\n", width) == 3
    assert wrapped_lines("x" * 17, width) == 3
    assert wrapped_lines("ab " + "x" * 16, width) == 3


_REF = re.compile(r"(?:'((?:[^']|'')+)'|([A-Za-z]\w*))!\$?([A-Z]{1,3})\$?(\d+)|\b([A-Z]{1,2}\d+)\b")


def _shown(book: Any, sheet: Any, cell: Any) -> str:
    """A cell's text as a spreadsheet shows it, formulas worked out."""
    value = cell.value
    if isinstance(value, str) and value.startswith("="):
        value = _evaluate(book, sheet, value)
    if isinstance(value, datetime):
        return value.date().isoformat()
    return "" if value is None else str(value)


def _evaluate(book: Any, sheet: Any, formula: str) -> str:
    """Work out the few functions the worksheet's formulas use, as Excel would."""

    def ref(match: re.Match[str]) -> str:
        quoted, plain, column, row, local = match.groups()
        if local:
            return repr(_shown(book, sheet, sheet[local]))
        target = book[quoted.replace("''", "'") if quoted else plain]
        return repr(_shown(book, target, target[f"{column}{row}"]))

    strings: list[str] = []

    def keep(match: re.Match[str]) -> str:
        strings.append(match.group(1).replace('""', '"'))
        return f"__s{len(strings) - 1}__"

    expression = re.sub(r'"((?:[^"]|"")*)"', keep, formula[1:])
    expression = _REF.sub(ref, expression)
    expression = expression.replace("<>", "!=").replace("&", "+")
    expression = re.sub(r"(?<![!<>=])=(?!=)", "==", expression)
    expression = re.sub(r"__s(\d+)__", lambda m: repr(strings[int(m.group(1))]), expression)
    functions = {
        "IF": lambda condition, yes, no: yes if condition else no,
        "OR": lambda *values: any(values),
        "ISNUMBER": lambda value: value is not None,
        "SEARCH": lambda needle, text: text.lower().find(needle.lower()) + 1 or None,
        "TRIM": lambda text: text.strip(),
        "CHAR": chr,
        "FALSE": False,
    }
    return str(eval(expression, {"__builtins__": {}}, functions))


def _print_row(book: Any, criterion: str) -> dict[str, str]:
    sheet = book.worksheets[-1]
    headers = [c.value for c in sheet[1]]
    row = next(
        r
        for r in range(2, sheet.max_row + 1)
        if _shown(book, sheet, sheet.cell(r, 1)).startswith(criterion + "\n")
    )
    return {h: _shown(book, sheet, sheet.cell(row, n)) for n, h in enumerate(headers, start=1)}


def test_the_print_sheet_shows_the_worksheet_cells_as_edited(
    ctx: AppContext, session: ValidationSession, tmp_path: Path
) -> None:
    book = _export(ctx, session, tmp_path, "en")
    row = _print_row(book, "4.8")
    assert row["ID"] == "4.8\nMust"
    assert row["Criterion"].startswith("Individual accounts and strong authentication\n")
    assert row["Finding, reasons, how verified"] == (
        "Not met\nRequired action\n• Training gap\n• No evidence of implementation\nDescribed"
    )
    assert row["Report text and action"].endswith("dock office. \nAction: Enforce MFA")
    assert row["Response due"] == "2026-09-01"
    assert row["Internal note (not in the report)"] == "Seen on the livestream"
    assert row["Member's response"] == ""
    assert _print_row(book, "12.1")["Finding, reasons, how verified"] == "Exceeds"

    worksheet = book.worksheets[0]  # the SCSS edits the Worksheet sheet in Excel
    headers = {c.value: c.column for c in worksheet[1]}
    line = next(r for r in range(2, worksheet.max_row + 1) if worksheet.cell(r, 2).value == "4.8")
    worksheet.cell(line, headers["Member: implemented?"]).value = "Yes"
    worksheet.cell(line, headers["Member's response"]).value = "MFA on since June"
    worksheet.cell(line, headers["Parts not met (blank: all)"]).value = "a"
    edited = _print_row(book, "4.8")
    assert edited["Member's response"] == "Implemented: Yes\nMFA on since June"
    assert edited["Finding, reasons, how verified"].startswith("Not met\nParts not met: a\n")


def test_the_spanish_print_sheet_speaks_spanish(
    ctx: AppContext, session: ValidationSession, tmp_path: Path
) -> None:
    book = _export(ctx, session, tmp_path, "es")
    row = _print_row(book, "4.8")
    assert row["ID"] == "4.8\nDebe"
    assert row["Hallazgo, razones, cómo se verificó"].startswith("No cumple\nAcción requerida\n")
    assert row["Texto del informe y acción"].endswith("\nAcción: Enforce MFA")
    assert book.worksheets[-1].oddHeader.right.text == "18/05/2026"


def test_every_printed_page_names_the_member_with_its_ampersands_kept(
    ctx: AppContext, session: ValidationSession, tmp_path: Path
) -> None:
    book = _export(ctx, session, tmp_path, "en")
    for sheet in (book.worksheets[0], book.worksheets[-1]):
        header = sheet.oddHeader
        assert header.left.text == "Smith && Sons &&P Importers (US-22871)"
        assert header.center.text == "CTPAT validation worksheet"
        assert header.right.text == "2026-05-18"
        assert sheet.oddFooter.left.text == session.id


# The app ships DejaVu Sans (resources/fonts), the same face LibreOffice falls back to.
_DEJAVU = resources_dir() / "fonts" / "DejaVuSans.ttf"


def _laid_out_lines(font: Any, text: str, pixels: float) -> int:
    """Lines Qt lays the text out in, wrapped at words (or anywhere in a long one)."""
    from PySide6.QtGui import QTextLayout, QTextOption

    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    total = 0
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        count = 0
        while (line := layout.createLine()).isValid():
            line.setLineWidth(pixels)
            count += 1
        layout.endLayout()
        total += max(count, 1)
    return total


@pytest.mark.parametrize("language", ["en", "es"])
def test_rows_hold_their_text_in_the_widest_fallback_font(
    ctx: AppContext, session: ValidationSession, tmp_path: Path, language: str, qapp: Any
) -> None:
    """LibreOffice without Calibri or Carlito falls back to DejaVu Sans, wider than both:
    every cell's text, laid out in it at 11 points, still fits its row."""
    from PySide6.QtGui import QFont, QFontDatabase

    font_file = _DEJAVU
    family = QFontDatabase.applicationFontFamilies(
        QFontDatabase.addApplicationFont(str(font_file))
    )[0]
    font = QFont(family)
    font.setPixelSize(round(11 * DPI / 72))
    book = _export(ctx, session, tmp_path, language)
    for sheet in (book.worksheets[0], book.worksheets[-1]):
        widths = _widths(sheet)
        for row in range(2, sheet.max_row + 1):
            height = sheet.row_dimensions[row].height
            for column, width in enumerate(widths, start=1):
                text = _shown(book, sheet, sheet.cell(row, column))
                lines = _laid_out_lines(font, text, width * PIXELS - 5)
                assert lines * LINE <= height or height >= 409, (sheet.title, row, column)
