"""The worksheet's print sheet: fewer, wider columns that show the Worksheet sheet's cells,
one letter page wide at a readable scale, every row as tall as its text."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ctpat_desktop.worksheet.model import FindingStatus
from ctpat_desktop.worksheet.xlsx_layout import (
    Column,
    WorksheetData,
    sheet_reference,
    shown_date,
)
from ctpat_desktop.worksheet.xlsx_paper import (
    END_MARGIN,
    HEADER_MARGIN,
    SIDE_MARGIN,
    row_height,
)

_HEADER_FILL = "1F4E79"
_NOT_MET_FILL = "F8D7DA"
_EXCEEDS_FILL = "D4EDDA"
# Longest member name in a page header (Excel allows 255 characters for a whole header).
_HEADER_NAME = 80


@dataclass(frozen=True, slots=True)
class PrintColumn:
    """One column of the print sheet: the Worksheet cells it shows, one a line, each after
    its label and only when it is not empty."""

    header: str
    width: int
    pieces: tuple[tuple[str, str], ...]  # (worksheet column key, label)
    is_date: bool = False


def print_columns(worksheet: Sequence[Column], data: WorksheetData) -> tuple[PrintColumn, ...]:
    """The print sheet's columns: 179 widths, which fit a letter page across at 78 %; the
    criterion's text, the longest, the widest, so that its rows stay within a row's limit.
    A signed validation's last column holds the member's response and its follow-up, and
    its due date is the one with the extensions since signing."""
    texts = data.texts
    h, p = texts.headers, texts.print_headers
    reasons = tuple((c.key, "• ") for c in worksheet if c.key.startswith("reason_"))
    followup = any(c.key == "followup_history" for c in worksheet)
    response: tuple[tuple[str, str], ...] = (
        ("response_implemented", p["implemented"]),
        ("response_note", ""),
    )
    if followup:
        labels = texts.followup.print_labels
        response += (
            ("followup_state", ""),
            ("followup_history", ""),
            *((key, label) for key, label in labels.items()),
        )
        due = PrintColumn(texts.followup.print_due, 11, (("effective_due", ""),), is_date=True)
        last = PrintColumn(texts.followup.print_header, 32, response)
        widths = {"profile_answer": 16, "report": 28, "note": 14}
    else:
        due = PrintColumn(h["due"], 11, (("due", ""),), is_date=True)
        last = PrintColumn(h["response_note"], 18, response)
        widths = {"profile_answer": 24, "report": 30, "note": 18}
    return (
        PrintColumn(p["criterion"], 8, (("criterion", ""), ("level", ""))),
        PrintColumn(h["criterion_text"], 48, (("criterion_text", ""),)),
        PrintColumn(h["profile_answer"], widths["profile_answer"], (("profile_answer", ""),)),
        PrintColumn(
            p["finding"],
            22,
            (
                ("status", ""),
                ("unmet_parts", p["parts"]),
                ("outcome", ""),
                *reasons,
                ("verified", ""),
            ),
        ),
        PrintColumn(p["report"], widths["report"], (("report_text", ""), ("action", p["action"]))),
        due,
        PrintColumn(h["note"], widths["note"], (("note", ""),)),
        last,
    )


def shown_text(column: PrintColumn, shown: Mapping[str, str]) -> str:
    """What the column's formula shows for a row whose Worksheet cells show these texts."""
    return "\n".join(label + shown[key] for key, label in column.pieces if shown.get(key))


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _formula(column: PrintColumn, refs: Mapping[str, str]) -> str:
    """Each piece, when its cell is not empty, on a line of its own after the ones shown."""
    if column.is_date:
        ref = refs[column.pieces[0][0]]
        return f'=IF({ref}="","",{ref})'
    parts = []
    for index, (key, label) in enumerate(column.pieces):
        ref = refs[key]
        before = "&".join(refs[k] for k, _label in column.pieces[:index])
        newline = f'IF({before}="","",CHAR(10))&' if before else ""
        shown = f"{_quoted(label)}&{ref}" if label else ref
        parts.append(f'IF({ref}="","",{newline}{shown})')
    return "=" + "&".join(parts)


def _header_text(text: str) -> str:
    """A value as a page header shows it: its ampersands are not codes."""
    one_line = " ".join(text.split())
    if len(one_line) > _HEADER_NAME:
        one_line = one_line[: _HEADER_NAME - 1] + "…"
    return one_line.replace("&", "&&")


def set_page(sheet: Any, data: WorksheetData) -> None:
    """Letter, landscape, narrow margins; the member, the title and the date on every page."""
    from openpyxl.worksheet.page import PageMargins

    texts, validation = data.texts, data.validation
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_LETTER
    sheet.page_margins = PageMargins(
        left=SIDE_MARGIN,
        right=SIDE_MARGIN,
        top=END_MARGIN,
        bottom=END_MARGIN,
        header=HEADER_MARGIN,
        footer=HEADER_MARGIN,
    )
    sheet.oddHeader.left.text = _header_text(
        f"{validation.member.name} ({validation.member.account})"
    )
    sheet.oddHeader.center.text = _header_text(texts.print_title)
    sheet.oddHeader.right.text = shown_date(validation.date, texts)
    sheet.oddFooter.left.text = _header_text(validation.id)
    sheet.oddFooter.center.text = texts.footer


def write_print_sheet(
    workbook: Any,
    worksheet: Sequence[Column],
    shown_rows: Sequence[Mapping[str, str]],
    data: WorksheetData,
) -> None:
    """Add the print sheet; shown_rows are the texts the Worksheet rows show, in order."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    texts = data.texts
    sheet = workbook.create_sheet(texts.print_sheet)
    columns = print_columns(worksheet, data)
    source = sheet_reference(texts.worksheet)
    letters = {c.key: get_column_letter(i) for i, c in enumerate(worksheet, start=1)}
    wrap = Alignment(wrap_text=True, vertical="top")
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index, value=column.header)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=_HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.row_dimensions[1].height = row_height((c.header, c.width) for c in columns)
    for row, shown in enumerate(shown_rows, start=2):
        refs = {key: f"{source}!{letter}{row}" for key, letter in letters.items()}
        for index, column in enumerate(columns, start=1):
            cell = sheet.cell(row=row, column=index, value=_formula(column, refs))
            cell.alignment = wrap
            if column.is_date:
                cell.number_format = texts.date_format
        sheet.row_dimensions[row].height = row_height(
            (shown_text(c, shown), c.width) for c in columns
        )
    last_row, last = len(shown_rows) + 1, get_column_letter(len(columns))
    finding = get_column_letter(
        next(i for i, c in enumerate(columns, 1) if c.pieces[0][0] == "status")
    )
    for status, fill in (
        (FindingStatus.NOT_MET, _NOT_MET_FILL),
        (FindingStatus.EXCEEDS, _EXCEEDS_FILL),
    ):
        label = _quoted(texts.statuses[status])
        rule = f"OR(${finding}2={label},LEFT(${finding}2,LEN({label})+1)={label}&CHAR(10))"
        sheet.conditional_formatting.add(
            f"A2:{last}{last_row}",
            FormulaRule(formula=[rule], fill=PatternFill("solid", bgColor=fill, fgColor=fill)),
        )
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.print_area = f"A1:{last}{last_row}"
    set_page(sheet, data)
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.protection.sheet = True
