"""Write the backlog (`ctpat-hub backlog --xlsx`, the GUI's Export) as an .xlsx workbook:
one row per member, their risk factors in words, and what the list was made from."""

import os
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from ctpat_desktop.errors import CtpatError

TITLE = "Validation backlog"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_HEADER_FILL = "1F4E79"
# (header, width) of the Backlog sheet's columns, in order.
MEMBER_COLUMNS = (
    ("Risk", 7),
    ("Member", 30),
    ("Account", 14),
    ("Entity type", 28),
    ("Office", 14),
    ("Standing", 16),
    ("Due", 12),
    ("Days overdue", 9),
    ("Last validated", 13),
    ("Last mode", 11),
    ("Deficiencies", 11),
    ("Open required actions", 18),
    ("Anomaly flags", 40),
    ("Virtual eligible", 10),
    ("Why not virtual", 50),
    ("Planned", 12),
    ("Risk explained", 70),
)


def _day(value: str | None) -> date | str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return value


def member_row(member: Mapping[str, Any]) -> list[Any]:
    """One member as the Backlog sheet's cells, in MEMBER_COLUMNS order."""
    last = member.get("last_validation") or {}
    factors = member["risk"]["factors"]
    return [
        member["risk"]["score"],
        member["member"],
        member["account"],
        member["entity_name"],
        member["office"],
        member["standing"],
        _day(member["due"]),
        member["days_overdue"],
        _day(last.get("date")),
        last.get("mode"),
        last.get("deficiencies"),
        ", ".join(member["open_required_actions"]),
        "; ".join(member["anomalies"]),
        "yes" if member["virtual"]["eligible"] else "no",
        "; ".join(member["virtual"]["reasons"]),
        _day(member["planned"]),
        "; ".join(f"{f['reason']} (+{f['points']})" for f in factors),
    ]


def write_backlog_xlsx(backlog: Mapping[str, Any], path: Path) -> None:
    """Write the workbook to path (through a temporary file: a failure leaves no half file)."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.properties.title = TITLE
    workbook.properties.creator = "ctpat-hub"
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Backlog"
    members = backlog["members"]
    _table(sheet, MEMBER_COLUMNS, (member_row(m) for m in members))
    _table(
        workbook.create_sheet("Risk factors"),
        (("Member", 30), ("Account", 14), ("Factor", 14), ("Points", 8), ("Reason", 90)),
        (
            (m["member"], m["account"], f["factor"], f["points"], f["reason"])
            for m in members
            for f in m["risk"]["factors"]
        ),
    )
    counts = backlog["counts"]
    _table(
        workbook.create_sheet("About"),
        (("What", 30), ("Value", 60)),
        [
            ("Scope", backlog["office"] or "every office"),
            ("As of", _day(backlog["as_of"])),
            ("Due by", _day(backlog["until"])),
            ("Revalidation cycle (years)", backlog["cycle_years"]),
            ("Rules", backlog["rules"] or "the defaults"),
            ("Members listed", counts["members"]),
            ("Overdue", counts["overdue"]),
            ("Never validated", counts["never_validated"]),
            ("Eligible for a virtual validation", counts["virtual_eligible"]),
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
