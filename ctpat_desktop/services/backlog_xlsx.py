"""Write the backlog (`ctpat-hub backlog --xlsx`, the GUI's Export) as an .xlsx workbook:
one row per member, their risk factors in words, and what the list was made from. In
English, or in a window's language when the window gives its Speaker."""

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from ctpat_desktop.errors import CtpatError
from ctpat_desktop.hub.backlog_rules import anomaly_flags, why_not_virtual
from ctpat_desktop.said import ENGLISH, Speaker, term

TITLE = term("Validation backlog")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_HEADER_FILL = "1F4E79"
_SHEET_NAME_BANNED = str.maketrans("", "", "[]:*?/\\")
# (header, width) of the Backlog sheet's columns, in order.
MEMBER_COLUMNS = (
    (term("Risk"), 7),
    (term("Member"), 30),
    (term("Account"), 14),
    (term("Entity type"), 28),
    (term("Office"), 14),
    (term("Standing"), 16),
    (term("Due"), 12),
    (term("Days overdue"), 9),
    (term("Last validated"), 13),
    (term("Last mode"), 11),
    (term("Deficiencies"), 11),
    (term("Open required actions"), 18),
    (term("Anomaly flags"), 40),
    (term("Virtual eligible"), 10),
    (term("Why not virtual"), 50),
    (term("Planned"), 12),
    (term("Risk explained"), 70),
)
FACTOR_COLUMNS = (
    (term("Member"), 30),
    (term("Account"), 14),
    (term("Factor"), 14),
    (term("Points"), 8),
    (term("Reason"), 90),
)
ABOUT_COLUMNS = ((term("What"), 30), (term("Value"), 60))


def _day(value: str | None) -> date | str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return value


def member_row(member: Mapping[str, Any], speaker: Speaker = ENGLISH) -> list[Any]:
    """One member as the Backlog sheet's cells, in MEMBER_COLUMNS order."""
    last = member.get("last_validation") or {}
    factors = member["risk"]["factors"]
    mode = last.get("mode")
    return [
        member["risk"]["score"],
        member["member"],
        member["account"],
        speaker.entity(member["entity_name"]),
        member["office"],
        speaker.text(member["standing"]),
        _day(member["due"]),
        member["days_overdue"],
        _day(last.get("date")),
        speaker.mode(mode) if mode else mode,
        last.get("deficiencies"),
        ", ".join(member["open_required_actions"]),
        "; ".join(anomaly_flags(member, speaker)),
        speaker.text(term("yes") if member["virtual"]["eligible"] else term("no")),
        "; ".join(speaker.said(reason) for reason in why_not_virtual(member)),
        _day(member["planned"]),
        "; ".join(f"{speaker.said(f)} (+{f['points']})" for f in factors),
    ]


def write_backlog_xlsx(backlog: Mapping[str, Any], path: Path, speaker: Speaker = ENGLISH) -> None:
    """Write the workbook to path (through a temporary file: a failure leaves no half file),
    its words as the speaker says them."""
    from openpyxl import Workbook

    say = speaker.text
    workbook = Workbook()
    workbook.properties.title = say(TITLE)
    workbook.properties.creator = "ctpat-hub"
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _sheet_name(say(term("Backlog")))
    members = backlog["members"]
    _table(sheet, _said(MEMBER_COLUMNS, say), (member_row(m, speaker) for m in members))
    _table(
        workbook.create_sheet(_sheet_name(say(term("Risk factors")))),
        _said(FACTOR_COLUMNS, say),
        (
            (m["member"], m["account"], say(f["factor"]), f["points"], speaker.said(f))
            for m in members
            for f in m["risk"]["factors"]
        ),
    )
    counts = backlog["counts"]
    _table(
        workbook.create_sheet(_sheet_name(say(term("About")))),
        _said(ABOUT_COLUMNS, say),
        [
            (say(term("Scope")), backlog["office"] or say(term("every office"))),
            (say(term("As of")), _day(backlog["as_of"])),
            (say(term("Due by")), _day(backlog["until"])),
            (say(term("Revalidation cycle (years)")), backlog["cycle_years"]),
            (say(term("Rules")), backlog["rules"] or say(term("the defaults"))),
            (say(term("Members listed")), counts["members"]),
            (say(term("Overdue")), counts["overdue"]),
            (say(term("Never validated")), counts["never_validated"]),
            (say(term("Eligible for a virtual validation")), counts["virtual_eligible"]),
        ],
    )
    tmp = path.with_name(path.name + ".part")
    try:
        workbook.save(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        raise CtpatError(f"{path}: cannot be written ({exc.strerror or exc})") from exc
    finally:
        tmp.unlink(missing_ok=True)


def _said(
    columns: Sequence[tuple[str, float]], say: Callable[[str], str]
) -> list[tuple[str, float]]:
    return [(say(header), width) for header, width in columns]


def _sheet_name(text: str) -> str:
    """A sheet's name as Excel takes it: at most 31 characters, none of []:*?/\\."""
    return text.translate(_SHEET_NAME_BANNED)[:31].strip("' ") or "Sheet"


def _table(sheet: Any, columns: Sequence[tuple[str, float]], rows: Iterable[Sequence[Any]]) -> None:
    """A bold, frozen header row, then the rows; dates as dates, text never a formula."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    for index, (header, width) in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index, value=header)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=_HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(index)].width = width
    for number, values in enumerate(rows, start=2):
        for index, value in enumerate(values, start=1):
            if value is None:
                continue
            cell = sheet.cell(row=number, column=index, value=value)
            if isinstance(value, str) and value.startswith(_FORMULA_START):
                cell.data_type = "s"
            elif isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
