"""Write the validation worksheet as an .xlsx workbook a person is glad to work in."""

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from ctpat_desktop.catalog import Criterion, Level
from ctpat_desktop.errors import CtpatError
from ctpat_desktop.worksheet import xlsx_fields
from ctpat_desktop.worksheet.model import Finding, FindingStatus
from ctpat_desktop.worksheet.rules import EXTENSION_DAYS, Outcome, classify
from ctpat_desktop.worksheet.xlsx_followup import NEW_KEYS, REQUIRED_ONLY, history_text
from ctpat_desktop.worksheet.xlsx_layout import (
    FORMAT_VERSION,
    Column,
    WorksheetData,
    WorksheetTexts,
    category_label,
    sheet_reference,
    shown_date,
    worksheet_columns,
)
from ctpat_desktop.worksheet.xlsx_paper import READABLE_SCALE, pages_across, row_height
from ctpat_desktop.worksheet.xlsx_print import set_page, write_print_sheet
from ctpat_desktop.worksheet.xlsx_visit import sections, write_visit_sheet

_HEADER_FILL = "1F4E79"
_NOT_MET_FILL = "F8D7DA"
_EXCEEDS_FILL = "D4EDDA"
_ANSWER_FILL = "FFFDE7"
_FORMULA_START = ("=", "+", "-", "@")
_DATE_KEYS = ("due", "effective_due", "new_response_date")


def write_worksheet(path: Path, data: WorksheetData) -> None:
    """Write the workbook to path (through a temporary file, so a failure leaves no half file)."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = data.texts.worksheet
    columns = worksheet_columns(
        data.reason_columns(), data.texts, followup=data.followup is not None
    )
    lists = _write_lists(workbook, data)
    shown = _write_rows(sheet, columns, data)
    rows = len(shown) + 1
    _add_validations(sheet, columns, rows, lists, data)
    _format_worksheet(sheet, columns, rows, data)
    _write_summary(workbook, columns, rows, data)
    _write_validation(workbook, data)
    write_print_sheet(workbook, columns, shown, data)
    _write_visit(workbook, data)
    workbook.active = 0
    tmp = path.with_name(path.name + ".part")
    try:
        workbook.save(tmp)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise CtpatError(f"{path}: cannot be written ({exc.strerror})") from exc


def _write_visit(workbook: Any, data: WorksheetData) -> None:
    """The Visit sheet, when the validation has records around its checklist."""
    if data.visit is None or not data.visit.any():
        return
    texts = data.texts

    def day_text(day: date) -> str:
        return shown_date(day, texts)

    found = sections(data.visit, texts.visit, day_text)
    sheet = write_visit_sheet(workbook, found, texts.visit, texts.date_format, day_text, _text)
    set_page(sheet, data)


def _text(cell: Any, value: str) -> None:
    """Put user text in a cell; text that looks like a formula stays text."""
    cell.value = value
    if value.startswith(_FORMULA_START):
        cell.data_type = "s"


def _followup_values(data: WorksheetData, criterion_id: str) -> dict[str, Any]:
    """What a signed validation's read-only follow-up cells show for one criterion."""
    shown = data.followup.get(criterion_id) if data.followup is not None else None
    if shown is None:
        return {"followup_history": "", "followup_state": "", "effective_due": None}
    texts = data.texts
    history = history_text(
        shown.entries, texts.followup, texts.yes_no, lambda day: shown_date(day, texts)
    )
    state = texts.followup.states.get(shown.state, shown.state)
    return {"followup_history": history, "followup_state": state, "effective_due": shown.due}


def _fillable(data: WorksheetData, columns: tuple[Column, ...], criterion_id: str) -> set[str]:
    """The cells of a criterion's row the SCSS may fill: every answer of an unsigned
    validation; of a signed one, only the new follow-up of a finding that takes it."""
    if data.followup is None:
        return {c.key for c in columns if c.editable}
    shown = data.followup.get(criterion_id)
    if shown is None or not shown.open:
        return set()
    return {k for k in NEW_KEYS if shown.extendable or k not in REQUIRED_ONLY}


def _outcome_formula(
    criterion: Criterion, row: int, letters: dict[str, str], texts: WorksheetTexts
) -> str:
    """What a not-met row counts as, worked out by Excel as the SCSS edits the row: a
    required action or a recommendation (by the Must parts named not met, when it has
    parts; naming none means the whole criterion)."""
    status, parts = f"{letters['status']}{row}", f"{letters['unmet_parts']}{row}"
    words = texts.summary_headers
    required, recommended = f'"{words["required_one"]}"', f'"{words["recommendation_one"]}"'

    def word(level: Level) -> str:
        return required if level is Level.MUST else recommended

    not_met = texts.statuses[FindingStatus.NOT_MET]
    if not criterion.parts:
        return f'=IF({status}="{not_met}",{word(criterion.level)},"")'
    musts = [
        f'ISNUMBER(SEARCH("{p.key}",{parts}))' for p in criterion.parts if p.level is Level.MUST
    ]
    named_must = f"OR({','.join(musts)})" if musts else "FALSE"
    whole = word(criterion.level_not_met(()))
    return (
        f'=IF({status}<>"{not_met}","",IF(TRIM({parts})="",{whole},'
        f"IF({named_must},{required},{recommended})))"
    )


def _shown(value: Any, texts: WorksheetTexts) -> str:
    """A cell's value as the sheet shows it."""
    if value is None:
        return ""
    if isinstance(value, date):
        return shown_date(value, texts)
    return str(value)


def _outcome_word(finding: Finding, criterion: Criterion, texts: WorksheetTexts) -> str:
    """What the outcome formula shows for the finding as exported."""
    outcome = classify(finding, criterion)
    words = texts.summary_headers
    if outcome is Outcome.REQUIRED_ACTION:
        return words["required_one"]
    return words["recommendation_one"] if outcome is Outcome.RECOMMENDATION else ""


def _write_rows(
    sheet: Any, columns: tuple[Column, ...], data: WorksheetData
) -> list[Mapping[str, str]]:
    """Write a row per criterion, each as tall as its text; what every row shows, by key."""
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter

    names = {c.number: c.name for c in data.categories}
    choices = data.texts.choice_labels(data.reasons)
    cells = xlsx_fields.FINDING_CELLS
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor=_HEADER_FILL)
    answer_fill = PatternFill("solid", fgColor=_ANSWER_FILL)
    wrap = Alignment(wrap_text=True, vertical="top")
    unlocked = Protection(locked=False)
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index, value=column.header)
        cell.font, cell.fill = header_font, header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    letters = {c.key: get_column_letter(i) for i, c in enumerate(columns, start=1)}
    sheet.row_dimensions[1].height = row_height((c.header, c.width) for c in columns)
    row = 1
    shown_rows: list[Mapping[str, str]] = []
    for criterion in data.catalog.criteria:
        row += 1
        finding = data.findings.get(criterion.id) or cells.cls(criterion.id)
        fixed = {
            "category": category_label(criterion.category, names[criterion.category]),
            "criterion": criterion.id,
            "level": data.texts.levels[criterion.level.value],
            "criterion_text": "\n".join(
                [
                    criterion.title,
                    criterion.text,
                    *(
                        f"{p.key}) {data.texts.levels[p.level.value]}: {p.text}"
                        for p in criterion.parts
                    ),
                ]
            ),
            "guidance": criterion.guidance,
            "outcome": _outcome_formula(criterion, row, letters, data.texts),
        } | _followup_values(data, criterion.id)
        answers = cells.values(finding, choices, data.texts.yes_no)
        shown = {
            key: _shown(value, data.texts)
            for key, value in (fixed | answers).items()
            if key != "outcome"
        }
        shown["outcome"] = _outcome_word(finding, criterion, data.texts)
        shown_rows.append(shown)
        sheet.row_dimensions[row].height = row_height(
            (shown.get(c.key, ""), c.width) for c in columns
        )
        fillable = _fillable(data, columns, criterion.id)
        for index, column in enumerate(columns, start=1):
            cell = sheet.cell(row=row, column=index)
            value = answers.get(column.key) if column.editable else fixed[column.key]
            if isinstance(value, str):
                _text(cell, value)
            elif value is not None:
                cell.value = value
            cell.alignment = wrap
            if column.key in fillable:
                cell.protection = unlocked
                cell.fill = answer_fill
            if column.key in _DATE_KEYS:
                cell.number_format = data.texts.date_format
    return shown_rows


def _write_lists(workbook: Any, data: WorksheetData) -> dict[str, str]:
    """A hidden sheet holding the drop-down lists; the range reference of each list."""
    texts = data.texts
    sheet = workbook.create_sheet(texts.lists)
    sheet.sheet_state = "hidden"
    lists: dict[str, list[Any]] = {
        "status": list(texts.statuses.values()),
        "reason": [r.label for r in data.reasons],
        "verified": list(texts.verified.values()),
        "yes_no": list(texts.yes_no.values()),
    }
    if data.followup is not None:
        lists |= {
            "decision": list(texts.followup.decisions.values()),
            "days": list(EXTENSION_DAYS),
            "close": [texts.yes_no[True]],
        }
    refs = {}
    for index, (name, values) in enumerate(lists.items(), start=1):
        letter = chr(ord("A") + index - 1)
        for row, value in enumerate(values, start=1):
            sheet.cell(row=row, column=index, value=value)
        refs[name] = f"{sheet_reference(texts.lists)}!${letter}$1:${letter}${len(values)}"
    sheet.protection.sheet = True
    return refs


def _add_validations(
    sheet: Any, columns: tuple[Column, ...], rows: int, lists: dict[str, str], data: WorksheetData
) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    def column_range(key: str) -> str:
        letter = get_column_letter(next(i for i, c in enumerate(columns, 1) if c.key == key))
        return f"{letter}2:{letter}{rows}"

    texts = data.texts

    def pick_from(list_name: str, title: str) -> DataValidation:
        rule = DataValidation(type="list", formula1=f"={lists[list_name]}", allow_blank=True)
        rule.error = texts.choose.format(title=title)
        rule.errorTitle = title
        rule.showErrorMessage = True
        return rule

    status = pick_from("status", texts.headers["status"])
    status.add(column_range("status"))
    reason = pick_from("reason", texts.headers["reason_list"])
    for column in columns:
        if column.key.startswith("reason_"):
            reason.add(column_range(column.key))
    verified = pick_from("verified", texts.headers["verified"])
    verified.add(column_range("verified"))
    implemented = pick_from("yes_no", texts.headers["response_implemented"])
    implemented.add(column_range("response_implemented"))
    on = data.validation.date
    due = DataValidation(
        type="date", operator="greaterThanOrEqual", formula1=f"DATE({on.year},{on.month},{on.day})"
    )
    due.error = texts.due_error.format(date=on.isoformat())
    due.errorTitle = texts.headers["due"]
    due.showErrorMessage = True
    due.add(column_range("due"))
    for rule in (status, reason, verified, implemented, due):
        sheet.add_data_validation(rule)
    if data.followup is not None:
        follow = texts.followup.headers
        implemented.add(column_range("new_response_implemented"))
        for key, list_name in (
            ("new_decision", "decision"),
            ("new_extension_days", "days"),
            ("new_close", "close"),
        ):
            rule = pick_from(list_name, follow[key])
            rule.add(column_range(key))
            sheet.add_data_validation(rule)
        received = DataValidation(type="date", operator="greaterThanOrEqual", formula1=due.formula1)
        received.error = texts.followup.response_date_error.format(date=on.isoformat())
        received.errorTitle = follow["new_response_date"]
        received.showErrorMessage = True
        received.add(column_range("new_response_date"))
        sheet.add_data_validation(received)


def _format_worksheet(
    sheet: Any, columns: tuple[Column, ...], rows: int, data: WorksheetData
) -> None:
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter

    last = get_column_letter(len(columns))
    texts = data.texts
    status = get_column_letter(next(i for i, c in enumerate(columns, 1) if c.key == "status"))
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = f"A1:{last}{rows}"
    area = f"A2:{last}{rows}"
    for label, fill in (
        (texts.statuses[FindingStatus.NOT_MET], _NOT_MET_FILL),
        (texts.statuses[FindingStatus.EXCEEDS], _EXCEEDS_FILL),
    ):
        sheet.conditional_formatting.add(
            area,
            FormulaRule(
                formula=[f'${status}2="{label}"'],
                fill=PatternFill("solid", bgColor=fill, fgColor=fill),
            ),
        )
    protection = sheet.protection
    protection.sheet = True
    protection.autoFilter = False
    protection.sort = False
    protection.formatColumns = False
    protection.formatRows = False
    # Too wide for one page at a readable scale: as many pages across as that scale needs,
    # each starting with the criterion's ID (the print sheet holds it on one page across).
    set_page(sheet, data)
    title = next(c for c in columns if c.key == "criterion")
    widths = [c.width for c in columns]
    sheet.page_setup.fitToWidth = pages_across(widths, [title.width], READABLE_SCALE)
    sheet.page_setup.fitToHeight = 0
    sheet.page_setup.pageOrder = "overThenDown"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    title_letter = get_column_letter(columns.index(title) + 1)
    sheet.print_title_rows = "1:1"
    sheet.print_title_cols = f"{title_letter}:{title_letter}"


def _write_summary(
    workbook: Any, columns: tuple[Column, ...], rows: int, data: WorksheetData
) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    texts = data.texts
    sheet = workbook.create_sheet(texts.summary)
    centered = Alignment(horizontal="center", vertical="center", wrap_text=True)

    def whole(key: str) -> str:
        letter = get_column_letter(next(i for i, c in enumerate(columns, 1) if c.key == key))
        return f"{sheet_reference(texts.worksheet)}!${letter}$2:${letter}${rows}"

    category, status, outcome = whole("category"), whole("status"), whole("outcome")
    words = texts.summary_headers
    headers = [
        words["category"],
        words["criteria"],
        *texts.statuses.values(),
        words["required"],
        words["recommendations"],
    ]
    for index, header in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=index, value=header)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=_HEADER_FILL)
        cell.alignment = centered
    names = {c.number: c.name for c in data.categories}
    row = 1
    for number in data.catalog.categories():
        row += 1
        sheet.cell(row=row, column=1, value=category_label(number, names[number]))
        sheet.cell(row=row, column=2, value=f"=COUNTIF({category},$A{row})")
        for offset, label in enumerate(texts.statuses.values()):
            column = 3 + offset
            letter = get_column_letter(column)
            formula = f"=COUNTIFS({category},$A{row},{status},{letter}$1)"
            if label == texts.statuses[FindingStatus.NOT_REVIEWED]:
                formula += f'+COUNTIFS({category},$A{row},{status},"")'
            sheet.cell(row=row, column=column, value=formula)
        base = f"=COUNTIFS({category},$A{row},{outcome},"
        required, recommended = words["required_one"], words["recommendation_one"]
        sheet.cell(row=row, column=len(headers) - 1, value=f'{base}"{required}")')
        sheet.cell(row=row, column=len(headers), value=f'{base}"{recommended}")')
    total = row + 1
    sheet.cell(row=total, column=1, value=words["total"]).font = Font(bold=True)
    for column in range(2, len(headers) + 1):
        letter = get_column_letter(column)
        cell = sheet.cell(row=total, column=column, value=f"=SUM({letter}2:{letter}{row})")
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 58
    for column in range(2, len(headers) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 15
    for cells in sheet.iter_rows(min_row=2, min_col=2):
        for cell in cells:
            cell.alignment = centered
    sheet.freeze_panes = "B2"
    sheet.protection.sheet = True
    set_page(sheet, data)
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _write_validation(workbook: Any, data: WorksheetData) -> None:
    from openpyxl.styles import Font

    texts = data.texts
    sheet = workbook.create_sheet(texts.validation)
    v = data.validation
    pairs: list[tuple[str, Any]] = [
        ("member", v.member.name),
        ("account", v.member.account),
        ("entity", data.entity_name),
        ("mode", texts.modes[v.mode]),
        ("date", v.date),
        ("scss", v.scss),
        ("status", texts.lifecycle[v.status]),
        ("id", v.id),
        ("catalog", f"{v.entity} {v.catalog_version}"),
        ("format", FORMAT_VERSION),
        # Marks the language for import, which reads the choices and headers in it.
        ("language", texts.language),
        ("exported_at", data.exported_at),
        ("exported_by", f"ctpat-desktop {data.app_version}"),
    ]
    if data.followup is not None:
        # Import checks the follow-up was filled against the signed report still in force.
        pairs.append(("report_version", data.report_version))
    for row, (key, value) in enumerate(pairs, start=1):
        sheet.cell(row=row, column=1, value=texts.facts[key]).font = Font(bold=True)
        cell = sheet.cell(row=row, column=2)
        if isinstance(value, str):
            _text(cell, value)
        else:
            cell.value = value
        if key == "date":
            cell.number_format = texts.date_format
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 60
    sheet.protection.sheet = True
    set_page(sheet, data)
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
