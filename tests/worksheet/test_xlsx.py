"""The Excel worksheet: what the workbook holds, edits coming back, all-or-nothing import."""

import shutil
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import RuleError
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.services.worksheet_io import (
    apply_import_plan,
    export_worksheet,
    import_worksheet,
    plan_worksheet_import,
)
from ctpat_desktop.worksheet import FindingStatus, Lifecycle
from ctpat_desktop.worksheet.xlsx_layout import worksheet_columns
from ctpat_desktop.worksheet.xlsx_safety import WorkbookError


@pytest.fixture
def session(ctx: AppContext) -> ValidationSession:
    validation = plan_validation(
        ctx,
        member="Great Lakes Home Goods",
        account="US-22871",
        entity="importer",
        on=date(2026, 5, 18),
        scss="Daniel Okafor",
    )
    session = ValidationSession(ctx, validation.id)
    session.record_finding("1.1", status="met", verified="document-verified", note="Signed 2025")
    session.record_finding(
        "4.8",
        status="not-met",
        action='=HYPERLINK("http://evil")',
        note="+1 no MFA",
        reasons=["training-gap", "no-evidence", "technology-gap", "procedure-not-followed"],
        report_text="-- passwords\nline two",
        profile_answer="@all staff use MFA",
    )
    session.record_finding("12.1", status="exceeds", note="Gamified training, ñandú métricas")
    return session


@pytest.fixture
def workbook_path(ctx: AppContext, session: ValidationSession, tmp_path: Path) -> Path:
    path = tmp_path / "worksheet.xlsx"
    export_worksheet(ctx, session.id, path)
    return path


def _column(sheet, header: str) -> int:  # type: ignore[no-untyped-def]
    return next(c.column for c in sheet[1] if c.value == header)


def _row(sheet, criterion: str) -> int:  # type: ignore[no-untyped-def]
    return next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 2).value == criterion)


def test_workbook_layout(workbook_path: Path, session: ValidationSession) -> None:
    book = load_workbook(workbook_path)
    assert book.sheetnames == ["Worksheet", "Lists", "Summary", "Validation", "Print"]
    assert book["Lists"].sheet_state == "hidden"
    sheet = book["Worksheet"]
    headers = [c.value for c in sheet[1]]
    assert headers[:8] == [
        "Category",
        "ID",
        "Must/Should",
        "Criterion",
        "Implementation guidance",
        "Member's security profile answer",
        "Finding",
        "Parts not met (blank: all)",
    ]
    assert [h for h in headers if str(h).startswith("Reason ")] == [
        f"Reason {n}" for n in range(1, 5)
    ]
    assert sheet.max_row == len(session.catalog.criteria) + 1
    assert sheet.freeze_panes == "C2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(headers)).column_letter}{sheet.max_row}"
    assert sheet.protection.sheet and not sheet.protection.autoFilter and not sheet.protection.sort
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.print_title_rows == "$1:$1" and sheet.print_title_cols == "$B:$B"

    row = _row(sheet, "4.8")
    assert sheet.cell(row, 1).value == "4. Cybersecurity"
    assert sheet.cell(row, 3).value == "Must"
    status = sheet.cell(row, _column(sheet, "Finding"))
    assert status.value == "Not met" and status.protection.locked is False
    assert sheet.cell(row, 4).protection.locked is True
    for header, text in (
        ("Required action / recommendation", '=HYPERLINK("http://evil")'),
        ("Internal note (not in the report)", "+1 no MFA"),
        ("Finding text for the report", "-- passwords\nline two"),
        ("Member's security profile answer", "@all staff use MFA"),
    ):
        cell = sheet.cell(row, _column(sheet, header))
        assert (cell.value, cell.data_type) == (text, "s")
    due = sheet.cell(row, _column(sheet, "Response due")).value
    assert due == datetime(2026, 8, 16)

    ranges = {str(dv.sqref): dv.formula1 for dv in sheet.data_validations.dataValidation}
    status_letter = status.column_letter
    assert ranges[f"{status_letter}2:{status_letter}{sheet.max_row}"] == "=Lists!$A$1:$A$5"
    assert any(f.startswith("=Lists!$B$1") for f in ranges.values() if f)
    rules = [r.formula[0] for cf in sheet.conditional_formatting for r in cf.rules]
    assert rules == [f'${status_letter}2="Not met"', f'${status_letter}2="Exceeds"']

    summary = book["Summary"]
    assert summary["A2"].value == "1. Security Vision & Responsibility"
    assert str(summary["B2"].value).startswith("=COUNTIF(Worksheet!$A$2:$A$")
    assert "COUNTIFS" in str(summary["E2"].value) and summary["A14"].value == "Total"
    info = {r[0]: r[1] for r in book["Validation"].iter_rows(values_only=True)}
    assert info["Validation ID"] == session.id and info["Catalog"] == "importer 2023.2"


def test_export_then_import_without_edits_changes_nothing(
    ctx: AppContext, session: ValidationSession, workbook_path: Path
) -> None:
    events = len(ctx.store.audit_events())
    plan = import_worksheet(ctx, session.id, workbook_path)
    assert plan.problems == [] and plan.updates == []
    assert len(ctx.store.audit_events()) == events


def test_edits_made_in_excel_come_back_as_findings(
    ctx: AppContext, session: ValidationSession, workbook_path: Path
) -> None:
    book = load_workbook(workbook_path)
    sheet = book["Worksheet"]
    row = _row(sheet, "2.1")
    sheet.cell(row, _column(sheet, "Finding")).value = "Not met"
    sheet.cell(row, _column(sheet, "Reason 1")).value = "No written procedure"
    sheet.cell(row, _column(sheet, "Reason 2")).value = "training-gap"
    sheet.cell(row, _column(sheet, "Response due")).value = datetime(2026, 9, 1)
    sheet.cell(row, _column(sheet, "Required action / recommendation")).value = "Write it"
    row = _row(sheet, "4.8")
    sheet.cell(row, _column(sheet, "Member: implemented?")).value = "Yes"
    sheet.cell(row, _column(sheet, "Member's response")).value = "MFA enforced on 2026-06-02"
    row = _row(sheet, "1.1")
    sheet.cell(row, _column(sheet, "Finding")).value = None
    row = _row(sheet, "9.1")
    sheet.cell(row, _column(sheet, "Finding")).value = "met"
    sheet.cell(row, _column(sheet, "Member's security profile answer")).value = "Fence all round"
    book.save(workbook_path)

    dry = import_worksheet(ctx, session.id, workbook_path, dry_run=True)
    assert sorted(u.new.criterion for u in dry.updates) == ["1.1", "2.1", "4.8", "9.1"]
    assert session.findings()["1.1"].finding.status is FindingStatus.MET

    plan = import_worksheet(ctx, session.id, workbook_path)
    assert plan.applied and plan.problems == []
    found = {cid: r.finding for cid, r in session.findings().items()}
    assert found["2.1"].reasons == ("no-written-procedure", "training-gap")
    assert found["2.1"].due == date(2026, 9, 1) and found["2.1"].action == "Write it"
    assert found["4.8"].response_implemented is True
    assert found["4.8"].response_note == "MFA enforced on 2026-06-02"
    assert found["1.1"].status is FindingStatus.NOT_REVIEWED
    assert (found["9.1"].status, found["9.1"].profile_answer) == (
        FindingStatus.MET,
        "Fence all round",
    )
    changes = [
        e for e in ctx.store.audit_events(session.id) if '"criterion": "2.1"' in e["changes"]
    ]
    assert changes and '"status": ["not-reviewed", "not-met"]' in changes[-1]["changes"]


def test_all_problems_are_reported_together_and_nothing_is_applied(
    ctx: AppContext, session: ValidationSession, workbook_path: Path
) -> None:
    book = load_workbook(workbook_path)
    sheet = book["Worksheet"]
    status, reason = _column(sheet, "Finding"), _column(sheet, "Reason 1")
    due, note = _column(sheet, "Response due"), _column(sheet, "Internal note (not in the report)")
    sheet.cell(_row(sheet, "1.2"), status).value = "Passed"
    sheet.cell(_row(sheet, "1.3"), status).value = "Not met"
    sheet.cell(_row(sheet, "1.3"), reason).value = "lazy"
    sheet.cell(_row(sheet, "1.4"), status).value = "Not met"
    sheet.cell(_row(sheet, "1.4"), reason).value = "Other"
    sheet.cell(_row(sheet, "1.4"), due).value = "31/12/2026"
    sheet.cell(_row(sheet, "2.1"), status).value = "Not met"
    sheet.cell(_row(sheet, "2.2"), note).value = "=1+1"
    sheet.cell(_row(sheet, "2.3"), 2).value = "5.99"
    sheet.cell(_row(sheet, "2.4"), 2).value = "1.1"
    sheet.cell(_row(sheet, "3.1"), status).value = "Met"
    book.save(workbook_path)
    before = {cid: r.finding for cid, r in session.findings().items()}

    plan = import_worksheet(ctx, session.id, workbook_path)
    messages = [str(p) for p in plan.problems]
    letter = sheet.cell(1, status).column_letter
    assert f"Worksheet!{letter}{_row(sheet, '1.2')}: 'Passed' is not a valid finding" in messages
    assert any("'lazy' is not a valid deficiency reason" in m for m in messages)
    assert any("'31/12/2026' is not a date" in m for m in messages)
    assert any("criterion 2.1: a not-met finding needs at least one reason" in m for m in messages)
    assert any("formulas are not accepted" in m for m in messages)
    assert any("criterion 5.99 is not in catalog" in m for m in messages)
    assert any("criterion 1.1 is also on row" in m for m in messages)
    assert len(messages) == 7
    assert not plan.applied
    assert {cid: r.finding for cid, r in session.findings().items()} == before
    with pytest.raises(RuleError, match="7 problems; nothing was applied"):
        apply_import_plan(ctx, plan)


def test_worksheet_of_another_validation_is_refused(
    ctx: AppContext, session: ValidationSession, workbook_path: Path
) -> None:
    other = plan_validation(ctx, member="Other Co", account="US-5555", entity="importer")
    plan = plan_worksheet_import(ctx, other.id, workbook_path)
    assert any(f"this worksheet is for validation {session.id}" in str(p) for p in plan.problems)


def test_signed_validation_is_not_changed(
    ctx: AppContext, session: ValidationSession, workbook_path: Path
) -> None:
    ctx.store.set_status(session.id, Lifecycle.SIGNED, "supervisor")
    plan = import_worksheet(ctx, session.id, workbook_path)
    assert any("signed and locked" in str(p) for p in plan.problems)


def _zip(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return path


def _replace_part(source: Path, target: Path, name: str, content: bytes) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item, content if item.filename == name else old.read(item.filename))
    return target


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol4;</t></is></c></row></sheetData></worksheet>"""


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda src, tmp: (tmp / "notes.xlsx").write_text("just text") and tmp / "notes.xlsx",
            "not an Excel workbook",
        ),
        (
            lambda src, tmp: _zip(
                tmp / "bomb.xlsx",
                {
                    "[Content_Types].xml": b"<Types/>",
                    "xl/workbook.xml": b"<workbook/>",
                    "xl/worksheets/sheet1.xml": b"\x00" * (8 * 1024 * 1024),
                },
            ),
            "zip bomb",
        ),
        (
            lambda src, tmp: _zip(
                tmp / "huge.xlsx",
                {
                    "[Content_Types].xml": b"<Types/>",
                    "xl/workbook.xml": b"<workbook/>",
                    **{f"xl/part{n}.xml": bytes(range(256)) * 20_000 for n in range(14)},
                },
            ),
            "more than a worksheet can be",
        ),
        (
            lambda src, tmp: _replace_part(
                src, tmp / "laughs.xlsx", "xl/worksheets/sheet1.xml", BILLION_LAUGHS
            ),
            "cannot be read as a workbook \\(it declares XML entities",
        ),
        (lambda src, tmp: _zip(tmp / "parts.zip", {"readme.txt": b"hello"}), "parts are missing"),
    ],
)
def test_hostile_files_are_refused_and_change_nothing(
    ctx: AppContext,
    session: ValidationSession,
    workbook_path: Path,
    tmp_path: Path,
    make,
    message: str,  # type: ignore[no-untyped-def]
) -> None:
    hostile = make(workbook_path, tmp_path)
    events = len(ctx.store.audit_events())
    with pytest.raises(WorkbookError, match=message):
        import_worksheet(ctx, session.id, hostile)
    assert len(ctx.store.audit_events()) == events


def test_enormous_sheet_is_refused(
    ctx: AppContext, session: ValidationSession, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Worksheet")
    sheet.append([c.header for c in worksheet_columns(3)])
    for n in range(2100):
        sheet.append(["1. Security", f"1.{n}", "Must", "text"])
    info = book.create_sheet("Validation")
    info.append(["Validation ID", session.id])
    path = tmp_path / "enormous.xlsx"
    book.save(path)
    with pytest.raises(WorkbookError, match="more than 2000 rows"):
        import_worksheet(ctx, session.id, path)


def test_workbook_with_missing_sheet(
    ctx: AppContext, session: ValidationSession, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    path = tmp_path / "other.xlsx"
    Workbook().save(path)
    with pytest.raises(WorkbookError, match="no sheet named Worksheet"):
        import_worksheet(ctx, session.id, path)


def test_export_over_an_unwritable_target(
    ctx: AppContext, session: ValidationSession, tmp_path: Path
) -> None:
    folder = tmp_path / "readonly"
    folder.mkdir()
    shutil.rmtree(folder)
    with pytest.raises(Exception, match="cannot be written"):
        export_worksheet(ctx, session.id, folder / "x.xlsx")


def _excel(formula: str, sheet, row: int) -> str:  # type: ignore[no-untyped-def]
    """Work out the few functions the outcome formula uses, as Excel would."""
    import re

    def cell(match: re.Match[str]) -> str:
        return repr(str(sheet[match.group(0)].value or ""))

    expression = re.sub(r"\b[A-Z]{1,2}\d+\b", cell, formula[1:])
    expression = expression.replace("<>", "!=")
    expression = re.sub(r"(?<![!<>=])=(?!=)", "==", expression)
    functions = {
        "IF": lambda condition, yes, no: yes if condition else no,
        "OR": lambda *values: any(values),
        "ISNUMBER": lambda value: value is not None,
        "SEARCH": lambda needle, text: text.lower().find(needle.lower()) + 1 or None,
        "TRIM": lambda text: text.strip(),
        "FALSE": False,
    }
    return str(eval(expression, {"__builtins__": {}}, functions))


def test_the_outcome_column_counts_only_should_parts_as_a_recommendation(
    ctx: AppContext, session: ValidationSession, tmp_path: Path
) -> None:
    c31 = session.catalog.get("3.1")
    assert c31 is not None
    should = next(p.key for p in c31.parts if p.level.value == "should")
    must = next(p.key for p in c31.parts if p.level.value == "must")
    session.record_finding("3.1", status="not-met", reasons=["other"], unmet_parts=[should])
    path = tmp_path / "parts.xlsx"
    export_worksheet(ctx, session.id, path)
    book = load_workbook(path)
    sheet = book["Worksheet"]
    row, parts = _row(sheet, "3.1"), _column(sheet, "Parts not met (blank: all)")
    outcome = sheet.cell(row, _column(sheet, "Counts as"))
    assert sheet.cell(row, parts).value == should
    assert _excel(outcome.value, sheet, row) == "Recommendation"
    assert outcome.protection.locked is True
    for typed, expected in ((must, "Required action"), ("", "Required action")):
        sheet.cell(row, parts).value = typed  # as the SCSS would type it in Excel
        assert _excel(outcome.value, sheet, row) == expected, typed
    sheet.cell(row, _column(sheet, "Finding")).value = "Met"
    assert _excel(outcome.value, sheet, row) == ""
    row48 = _row(sheet, "4.8")  # a Must without parts
    assert _excel(sheet.cell(row48, _column(sheet, "Counts as")).value, sheet, row48) == (
        "Required action"
    )
    summary = book["Summary"]
    letter = sheet.cell(1, _column(sheet, "Counts as")).column_letter
    required = [c.value for c in summary[4] if c.value and "Required action" in str(c.value)]
    assert required and f"${letter}$2" in required[0]

    book = load_workbook(path)  # the SCSS changes the parts in Excel and imports
    sheet = book["Worksheet"]
    sheet.cell(row, parts).value = f"{must}, {should}"
    book.save(path)
    plan = import_worksheet(ctx, session.id, path)
    assert plan.applied and plan.problems == []
    assert session.findings()["3.1"].finding.unmet_parts == (must, should)
    book = load_workbook(path)
    book["Worksheet"].cell(row, parts).value = "all"
    book.save(path)
    plan = import_worksheet(ctx, session.id, path)
    assert not plan.applied and any("has no part 'all'" in str(p) for p in plan.problems)
