"""Write the validation worksheet as an .xlsx workbook a person is glad to work in."""

from pathlib import Path
from typing import Any

from ctpat_desktop.catalog import Criterion, Level
from ctpat_desktop.errors import CtpatError
from ctpat_desktop.worksheet.model import Finding, FindingStatus
from ctpat_desktop.worksheet.xlsx_layout import (
    FORMAT_VERSION,
    Column,
    WorksheetData,
    WorksheetTexts,
    category_label,
    sheet_reference,
    worksheet_columns,
)

_HEADER_FILL = "1F4E79"
_NOT_MET_FILL = "F8D7DA"
_EXCEEDS_FILL = "D4EDDA"
_ANSWER_FILL = "FFFDE7"
_FORMULA_START = ("=", "+", "-", "@")


def write_worksheet(path: Path, data: WorksheetData) -> None:
    """Write the workbook to path (through a temporary file, so a failure leaves no half file)."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = data.texts.worksheet
    columns = worksheet_columns(data.reason_columns(), data.texts)
    lists = _write_lists(workbook, data)
    rows = _write_rows(sheet, columns, data)
    _add_validations(sheet, columns, rows, lists, data)
    _format_worksheet(sheet, columns, rows, data.texts)
    _write_summary(workbook, columns, rows, data)
    _write_validation(workbook, data)
    workbook.active = 0
    tmp = path.with_name(path.name + ".part")
    try:
        workbook.save(tmp)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise CtpatError(f"{path}: cannot be written ({exc.strerror})") from exc


def _text(cell: Any, value: str) -> None:
    """Put user text in a cell; text that looks like a formula stays text."""
    cell.value = value
    if value.startswith(_FORMULA_START):
        cell.data_type = "s"


def _answers(
    finding: Finding, reason_labels: dict[str, str], texts: WorksheetTexts
) -> dict[str, Any]:
    values: dict[str, Any] = {
        "profile_answer": finding.profile_answer,
        "status": texts.statuses[finding.status],
        "unmet_parts": ", ".join(finding.unmet_parts),
        "verified": texts.verified[finding.verified] if finding.verified else "",
        "note": finding.note,
        "report_text": finding.report_text,
        "action": finding.action,
        "due": finding.due,
        "response_implemented": (
            texts.yes_no[finding.response_implemented]
            if finding.response_implemented is not None
            else ""
        ),
        "response_note": finding.response_note,
    }
    for n, code in enumerate(finding.reasons, start=1):
        values[f"reason_{n}"] = reason_labels.get(code, code)
    return values


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


def _write_rows(sheet: Any, columns: tuple[Column, ...], data: WorksheetData) -> int:
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter

    names = {c.number: c.name for c in data.categories}
    reason_labels = {r.code: r.label for r in data.reasons}
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
    row = 1
    for criterion in data.catalog.criteria:
        row += 1
        finding = data.findings.get(criterion.id, Finding(criterion.id))
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
        }
        answers = _answers(finding, reason_labels, data.texts)
        for index, column in enumerate(columns, start=1):
            cell = sheet.cell(row=row, column=index)
            value = answers.get(column.key) if column.editable else fixed[column.key]
            if isinstance(value, str):
                _text(cell, value)
            elif value is not None:
                cell.value = value
            cell.alignment = wrap
            if column.editable:
                cell.protection = unlocked
                cell.fill = answer_fill
            if column.key == "due":
                cell.number_format = data.texts.date_format
    return row


def _write_lists(workbook: Any, data: WorksheetData) -> dict[str, str]:
    """A hidden sheet holding the drop-down lists; the range reference of each list."""
    texts = data.texts
    sheet = workbook.create_sheet(texts.lists)
    sheet.sheet_state = "hidden"
    lists = {
        "status": list(texts.statuses.values()),
        "reason": [r.label for r in data.reasons],
        "verified": list(texts.verified.values()),
        "yes_no": list(texts.yes_no.values()),
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


def _format_worksheet(
    sheet: Any, columns: tuple[Column, ...], rows: int, texts: WorksheetTexts
) -> None:
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter

    last = get_column_letter(len(columns))
    status = get_column_letter(next(i for i, c in enumerate(columns, 1) if c.key == "status"))
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.row_dimensions[1].height = 32
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
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = sheet.PAPERSIZE_LETTER
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.oddFooter.center.text = texts.footer


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
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
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
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
