"""Importing a worksheet: each problem names the cell to fix, a row's every problem is said,
in the worksheet's words, the wrong workbook is said first and alone, and every row is read
whatever the sheet's <dimension> element claims."""

import re
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from ctpat_desktop.app import AppContext
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.services.worksheet_io import (
    export_worksheet,
    import_worksheet,
    plan_worksheet_import,
)
from ctpat_desktop.worksheet import FindingStatus

ON = date(2026, 5, 18)


@pytest.fixture
def session(ctx: AppContext) -> ValidationSession:
    validation = plan_validation(
        ctx,
        member="Great Lakes Home Goods",
        account="US-22871",
        entity="importer",
        on=ON,
        scss="Daniel Okafor",
    )
    session = ValidationSession(ctx, validation.id)
    session.record_finding("4.8", status="not-met", reasons=["training-gap"], action="MFA")
    return session


@pytest.fixture
def path(ctx: AppContext, session: ValidationSession, tmp_path: Path) -> Path:
    target = tmp_path / "worksheet.xlsx"
    export_worksheet(ctx, session.id, target)
    return target


class Sheet:
    """The Worksheet sheet of a saved workbook, its cells named by header and criterion."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.book = load_workbook(path)
        self.sheet = self.book["Worksheet"]
        self.columns = {c.value: c.column for c in self.sheet[1]}

    def row(self, criterion: str) -> int:
        rows = range(2, self.sheet.max_row + 1)
        return next(r for r in rows if self.sheet.cell(r, 2).value == criterion)

    def place(self, criterion: str, header: str) -> str:
        cell = self.sheet.cell(self.row(criterion), self.columns[header])
        return f"Worksheet!{cell.coordinate}"

    def set(self, criterion: str, **by_header: Any) -> None:
        """Type values into the criterion's row; a keyword is its header with _ for each
        character that is not a letter or digit."""
        for header, value in by_header.items():
            column = next(
                c for h, c in self.columns.items() if re.sub(r"\W", "_", h).startswith(header)
            )
            self.sheet.cell(self.row(criterion), column).value = value

    def save(self) -> Path:
        self.book.save(self.path)
        return self.path


def _problems(ctx: AppContext, session: ValidationSession, path: Path) -> list[str]:
    return [str(p) for p in plan_worksheet_import(ctx, session.id, path).problems]


def test_a_rule_problem_names_the_cell_holding_the_bad_value(
    ctx: AppContext, session: ValidationSession, path: Path
) -> None:
    """A past due date was reported at the Finding cell; it is the due date's cell."""
    sheet = Sheet(path)
    sheet.set("4.8", Response_due=datetime(2026, 1, 2))
    sheet.set("2.1", Finding="Not met")
    sheet.set("1.1", Finding="Exceeds")
    sheet.set("1.2", Finding="Met", Required_action="Write it down")
    sheet.save()
    assert _problems(ctx, session, path) == [
        f"{sheet.place('1.1', 'Internal note (not in the report)')}: criterion 1.1: an exceeds "
        "(best practice) finding needs a note describing the practice",
        f"{sheet.place('1.2', 'Required action / recommendation')}: criterion 1.2: a required "
        "action applies only to a not-met finding",
        f"{sheet.place('2.1', 'Reason 1')}: criterion 2.1: a not-met finding needs at least "
        "one reason",
        f"{sheet.place('4.8', 'Response due')}: criterion 4.8: due date 2026-01-02 is before "
        "the validation date 2026-05-18",
    ]


def test_every_problem_of_a_row_is_reported(
    ctx: AppContext, session: ValidationSession, path: Path
) -> None:
    """A bad value used to hide the rest of its row's problems."""
    sheet = Sheet(path)
    sheet.set(
        "4.8",
        Reason_1="Training gap",
        Reason_2="lazy",
        Reason_3="Training gap",
        Response_due=datetime(2026, 1, 2),
    )
    sheet.set(
        "9.1",
        Finding="Met",
        Reason_1="No evidence of implementation",
        Response_due=datetime(2026, 9, 1),
        Member__implemented="Yes",
    )
    sheet.save()
    assert _problems(ctx, session, path) == [
        f"{sheet.place('4.8', 'Reason 2')}: 'lazy' is not a valid deficiency reason",
        f"{sheet.place('4.8', 'Reason 3')}: criterion 4.8: a reason is given twice",
        f"{sheet.place('4.8', 'Response due')}: criterion 4.8: due date 2026-01-02 is before "
        "the validation date 2026-05-18",
        f"{sheet.place('9.1', 'Reason 1')}: criterion 9.1: deficiency reasons apply only to a "
        "not-met finding",
        f"{sheet.place('9.1', 'Response due')}: criterion 9.1: a due date applies only to a "
        "not-met finding",
        f"{sheet.place('9.1', 'Member: implemented?')}: criterion 9.1: a member's response "
        "applies only to a not-met finding",
    ]


def test_a_cell_that_cannot_be_read_brings_no_echo_of_itself(
    ctx: AppContext, session: ValidationSession, path: Path
) -> None:
    """An unreadable finding or reason is said once: no rule is judged on its absence."""
    sheet = Sheet(path)
    sheet.set("2.1", Finding="Passed", Reason_1="No written procedure")
    sheet.set("2.3", Finding="Not met", Reason_1="lazy")
    sheet.set("2.4", Finding="Met", Response_due="tomorrow")
    sheet.save()
    assert _problems(ctx, session, path) == [
        f"{sheet.place('2.1', 'Finding')}: 'Passed' is not a valid finding",
        f"{sheet.place('2.3', 'Reason 1')}: 'lazy' is not a valid deficiency reason",
        f"{sheet.place('2.4', 'Response due')}: 'tomorrow' is not a date (use YYYY-MM-DD)",
    ]


def test_no_problem_speaks_of_command_line_options(
    ctx: AppContext, session: ValidationSession, path: Path
) -> None:
    sheet = Sheet(path)
    for criterion in ("1.1", "1.2", "1.3"):
        sheet.set(criterion, Finding="Not met")
    sheet.set("1.4", Finding="Met", Required_action="x", Reason_1="Other")
    sheet.save()
    problems = _problems(ctx, session, path)
    assert len(problems) == 5
    assert not [p for p in problems if "--" in p or re.search(r"\(-", p)]


def test_a_workbook_of_another_validation_is_said_first_and_alone(
    ctx: AppContext, session: ValidationSession, path: Path
) -> None:
    """Its rows were judged against this validation's catalog before the real cause."""
    carrier = plan_validation(
        ctx, member="Rio Bravo Freight", account="MX-1", entity="highway-carrier", on=ON
    )
    sheet = Sheet(path)
    sheet.set("1.2", Finding="Passed")
    sheet.save()
    plan = plan_worksheet_import(ctx, carrier.id, path)
    assert [str(p) for p in plan.problems] == [
        f"Validation: this worksheet is for validation {session.id} (Great Lakes Home Goods), "
        f"not {carrier.id} (Rio Bravo Freight); import it into its own validation"
    ]
    assert plan.as_dict()["problems"][0]["row"] is None
    same_catalog = plan_validation(ctx, member="Other Co", account="US-5", entity="importer")
    assert len(plan_worksheet_import(ctx, same_catalog.id, path).problems) == 1


def test_a_workbook_without_validation_id_or_of_another_catalog_is_said_alone(
    ctx: AppContext, session: ValidationSession, path: Path
) -> None:
    book = load_workbook(path)
    facts = book["Validation"]
    row = next(r for r in range(1, 20) if facts.cell(r, 1).value == "Catalog")
    facts.cell(row, 2).value = "importer 2020.1"
    book["Worksheet"].cell(3, 7).value = "Passed"
    book.save(path)
    assert _problems(ctx, session, path) == [
        "Validation: this worksheet uses catalog importer 2020.1, the validation uses "
        f"{session.catalog.entity} {session.catalog.version}; export the worksheet again"
    ]
    row = next(r for r in range(1, 20) if facts.cell(r, 1).value == "Validation ID")
    facts.cell(row, 2).value = None
    book.save(path)
    [problem] = _problems(ctx, session, path)
    assert problem.startswith("Validation: the worksheet does not say which validation")


def _claim_dimension(path: Path, claim: str) -> Path:
    """The workbook with its first sheet's <dimension> element saying claim."""
    with zipfile.ZipFile(path) as old:
        parts = [(item, old.read(item.filename)) for item in old.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for item, content in parts:
            if item.filename == "xl/worksheets/sheet1.xml":
                claimed, count = re.subn(rb'<dimension ref="[^"]*"', claim.encode(), content)
                assert count == 1
                new.writestr(item, claimed)
            else:
                new.writestr(item, content)
    return path


def test_rows_and_columns_beyond_the_dimension_claim_are_read(
    ctx: AppContext, session: ValidationSession, path: Path
) -> None:
    """Answers outside a sheet's <dimension ref> were dropped without a word."""
    sheet = Sheet(path)
    far = next(c for c in session.catalog.criteria if sheet.row(c.id) >= 60).id
    sheet.set(far, Finding="Met", Member_s_security="Guards at every gate")
    sheet.set("4.8", Member_s_response="MFA since June")
    sheet.save()
    assert sheet.columns["Member's response"] > 17  # beyond column Q
    _claim_dimension(path, '<dimension ref="A1:Q10"')
    plan = import_worksheet(ctx, session.id, path)
    assert plan.problems == [] and plan.applied
    findings = {cid: r.finding for cid, r in session.findings().items()}
    assert findings[far].status is FindingStatus.MET
    assert findings[far].profile_answer == "Guards at every gate"
    assert findings["4.8"].response_note == "MFA since June"


def test_a_problem_beyond_the_dimension_claim_is_found(
    ctx: AppContext, session: ValidationSession, path: Path
) -> None:
    sheet = Sheet(path)
    last = sheet.sheet.max_row
    sheet.sheet.cell(last + 5, 2).value = "5.99"
    sheet.save()
    _claim_dimension(path, '<dimension ref="A1"')
    assert _problems(ctx, session, path) == [
        f"Worksheet!B{last + 5}: criterion 5.99 is not in catalog {session.catalog.version}"
    ]
