"""A signed validation's worksheet: it shows each not-met finding's follow-up and takes new
follow-up in columns of its own; import appends it as follow-up records (no reopen, no
new report version), all or nothing, and refuses any other change cell by cell."""

import hashlib
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from ctpat_desktop.app import AppContext
from ctpat_desktop.report.certificates import SigningIdentity, create_test_identity
from ctpat_desktop.services import followup
from ctpat_desktop.services.report_io import reopen_validation
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.services.worksheet_io import LOCKED, export_worksheet, import_worksheet
from ctpat_desktop.store import ReportRecord
from ctpat_desktop.sync.followup_rules import (
    Event,
    FollowUpRecord,
    Signed,
    check_next,
    track,
)
from ctpat_desktop.worksheet import Lifecycle
from ctpat_desktop.worksheet.xlsx_followup import STATES
from ctpat_desktop.worksheet.xlsx_layout import ENGLISH, SPANISH
from tests.conftest import CliResult, approve, dump_database
from tests.report.conftest import PASSPHRASE
from tests.worksheet.test_xlsx_print import _print_row

Cli = Callable[..., CliResult]
ON = date(2026, 2, 3)
NEW = [
    "New response: received on",
    "New response: implemented?",
    "New response: what the member wrote",
    "Decision on the response",
    "Decision note",
    "Extension (days)",
    "Extension reason",
    "Close the required action",
]
FOLLOWUP_HEADERS = ["Follow-up so far", "Follow-up status", "Due with extensions", *NEW]


@pytest.fixture(scope="module")
def identity(tmp_path_factory: pytest.TempPathFactory) -> SigningIdentity:
    return create_test_identity(tmp_path_factory.mktemp("id"), "Laura Méndez", PASSPHRASE)


@pytest.fixture
def signed(
    cli: Cli,
    data_dir: Path,
    tmp_path: Path,
    identity: SigningIdentity,
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[str, Path]:
    """A validation with a required action (4.8) and a recommendation (4.4), its report
    signed (version 1), and a response and an extension of 4.8 since: (ID, the PDF)."""
    vid = str(
        cli(
            "validation",
            "new",
            "--member",
            "Transportes del Bajío S.A. de C.V.",
            "--account",
            "MX-51902",
            "--entity",
            "importer",
            "--date",
            ON.isoformat(),
            "--scss",
            "Laura Méndez",
            "--json",
        ).json()["id"]
    )
    for criterion, reason, action in (
        ("4.8", "training-gap", "Enforce multi-factor authentication"),
        ("4.4", "technology-gap", "Consider a password manager"),
    ):
        options = ("--status", "not-met", "--reason", reason, "--action", action)
        done = cli("finding", "set", vid, criterion, *options)
        assert done.code == 0, done.err
    assert cli("finding", "set", vid, "1.1", "--status", "met").code == 0
    approve(data_dir, vid)
    monkeypatch.setenv("CTPAT_KEY_PASSPHRASE", PASSPHRASE)
    pdf = tmp_path / "v1.pdf"
    issued = cli("report", vid, str(pdf), "--sign", "--p12", str(identity.pkcs12))
    assert issued.code == 0, issued.err
    for action, *said in (
        ("respond", "--implemented", "yes", "--note", "MFA on the VPN since June"),
        ("extend", "--days", "60", "--reason", "New VPN appliance on order"),
    ):
        assert cli("followup", action, vid, "4.8", *said).code == 0
    return vid, pdf


def _export(cli: Cli, vid: str, path: Path, *options: str) -> Path:
    done = cli("worksheet", "export", vid, str(path), *options)
    assert done.code == 0, done.err
    return path


def _row(sheet: Any, criterion: str) -> int:
    return next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 2).value == criterion)


def _columns(sheet: Any) -> dict[str, int]:
    return {c.value: c.column for c in sheet[1]}


def _fill(source: Path, target: Path, cells: dict[str, dict[str, Any]]) -> Path:
    """The workbook with some cells of criteria's rows typed in, saved as target."""
    book = load_workbook(source)
    sheet = book.worksheets[0]
    columns = _columns(sheet)
    for criterion, values in cells.items():
        row = _row(sheet, criterion)
        for header, value in values.items():
            sheet.cell(row, columns[header]).value = value
    book.save(target)
    return target


def _letter(path: Path, header: str) -> str:
    sheet = load_workbook(path).worksheets[0]
    return str(sheet.cell(1, _columns(sheet)[header]).column_letter)


def _signed_due(cli: Cli, vid: str) -> date:
    shown = cli("validation", "show", vid, "--json").json()
    # The due date the signed report printed (counted from its issue), not the worksheet's.
    finding = next(f for f in shown["findings"] if f["criterion"] == "4.8")
    return date.fromisoformat(finding["due_in_report"])


def test_a_signed_worksheet_shows_the_follow_up_and_offers_new_columns(
    cli: Cli, signed: tuple[str, Path], tmp_path: Path
) -> None:
    vid, _pdf = signed
    today = datetime.now().astimezone().date()
    book = load_workbook(_export(cli, vid, tmp_path / "signed.xlsx"))
    sheet = book["Worksheet"]
    headers = [c.value for c in sheet[1]]
    assert headers[-11:] == FOLLOWUP_HEADERS
    columns = _columns(sheet)
    row = _row(sheet, "4.8")

    def cell(header: str, criterion: str = "4.8") -> Any:
        return sheet.cell(_row(sheet, criterion), columns[header])

    history = cell("Follow-up so far").value.split("\n")
    assert len(history) == 2
    by = r"\d{4}-\d{2}-\d{2} \([^)]+\)"  # the day recorded and who recorded it
    assert re.fullmatch(
        rf"1\. {by}: Response, implemented: Yes: MFA on the VPN since June", history[0]
    )
    assert re.fullmatch(rf"2\. {by}: Extension of 60 days: New VPN appliance on order", history[1])
    assert abs((date.fromisoformat(history[0][3:13]) - today).days) <= 1  # recorded UTC
    assert cell("Follow-up status").value == "response received: to review"
    due = _signed_due(cli, vid)
    assert cell("Due with extensions").value == datetime.combine(
        due + timedelta(60), datetime.min.time()
    )
    assert cell("Follow-up status", "4.4").value == "awaiting the member's response"
    assert cell("Follow-up so far", "1.1").value in (None, "")

    # Only the new follow-up of a finding that takes it can be typed in.
    assert sheet.protection.sheet
    for header in ("Finding", "Required action / recommendation", "Member's response"):
        assert sheet.cell(row, columns[header]).protection.locked is True, header
    for header in FOLLOWUP_HEADERS[:3]:
        assert cell(header).protection.locked is True, header
    assert [h for h in NEW if cell(h).protection.locked] == []
    # A recommendation is neither extended nor closed; a met finding takes no follow-up.
    assert [h for h in NEW if cell(h, "4.4").protection.locked] == NEW[-3:]
    assert [h for h in NEW if not cell(h, "1.1").protection.locked] == []

    lists = book["Lists"]
    choices = {
        str(dv.sqref).split(":")[0].rstrip("0123456789"): dv.formula1
        for dv in sheet.data_validations.dataValidation
    }
    for header, values in (
        ("Decision on the response", ["Accept", "Reject"]),
        ("Extension (days)", [30, 60, 90, 120]),
        ("Close the required action", ["Yes"]),
    ):
        formula = choices[cell(header).column_letter]
        column = formula.split("!$")[1].split("$")[0]
        assert [c.value for c in lists[column] if c.value is not None] == values, header
    facts = {r[0]: r[1] for r in book["Validation"].iter_rows(values_only=True)}
    assert facts["Signed report version"] == 1 and facts["Status"] == "signed"

    printing = book["Print"]
    widths = [printing.column_dimensions[c.column_letter].width for c in printing[1]]
    assert sum(widths) == 179  # one letter page across at 78 %, as unsigned
    printed = _print_row(book, "4.8")
    assert printed["Due with extensions"] == (due + timedelta(60)).isoformat()
    assert printed["Member's response and follow-up"] == "\n".join(
        ["response received: to review", *history]
    )


def test_filled_follow_up_is_appended_and_the_signed_report_still_verifies(
    cli: Cli, signed: tuple[str, Path], tmp_path: Path, identity: SigningIdentity
) -> None:
    vid, pdf = signed
    sha = hashlib.sha256(pdf.read_bytes()).hexdigest()
    before = cli("validation", "show", vid, "--json").json()
    received = ON + timedelta(30)
    filled = _fill(
        _export(cli, vid, tmp_path / "signed.xlsx"),
        tmp_path / "filled.xlsx",
        {
            "4.4": {
                "New response: received on": datetime.combine(received, datetime.min.time()),
                "New response: implemented?": "No",
                "New response: what the member wrote": "A password manager next year",
            },
            "4.8": {
                "Extension (days)": 30,
                "Extension reason": "Appliance delivered late",
                "Decision on the response": "Accept",
                "Decision note": "VPN logs checked",
                "Close the required action": "Yes",
            },
        },
    )
    dry = cli("worksheet", "import", vid, str(filled), "--dry-run")
    assert dry.code == 0, dry.err
    assert "Would append 4 follow-up record(s) after the signed report" in dry.out
    assert "4.8    5 closure" in dry.out
    assert len(cli("followup", "list", vid, "--json").json()["items"][1]["records"]) == 2

    done = cli("worksheet", "import", vid, str(filled), "--json")
    assert done.code == 0, done.err
    document = done.json()
    assert document["applied"] is True and document["changes"] == [] and not document["problems"]
    assert [(f["criterion"], f["number"], f["event"]) for f in document["followups"]] == [
        ("4.4", 1, "response"),
        ("4.8", 3, "extension"),
        ("4.8", 4, "decision"),
        ("4.8", 5, "closure"),
    ]

    listed = cli("followup", "list", vid, "--json").json()
    items = {item["criterion"]: item for item in listed["items"]}
    required = items["4.8"]
    assert [r["event"] for r in required["records"]] == [
        "response",
        "extension",
        "extension",
        "decision",
        "closure",
    ]
    assert (required["state"], required["closed"]) == ("closed", True)
    assert required["due"] == (_signed_due(cli, vid) + timedelta(90)).isoformat()
    assert required["records"][3]["note"] == "VPN logs checked"
    assert {r["report_version"] for r in required["records"]} == {1}
    response = items["4.4"]["records"][0]
    assert (response["implemented"], response["note"]) == (
        False,
        f"Received {received.isoformat()}. A password manager next year",
    )

    shown = cli("validation", "show", vid, "--json").json()
    assert shown["validation"]["status"] == "signed"
    assert [r["version"] for r in shown["reports"]] == [1]
    assert shown["findings"] == before["findings"]
    assert hashlib.sha256(pdf.read_bytes()).hexdigest() == sha
    verified = cli("verify", str(pdf), "--trust", str(identity.ca_certificate), "--json")
    assert verified.code == 0 and verified.json()["ok"] is True
    assert cli("audit", "verify").code == 0

    # Exported again, the worksheet shows the closure and takes nothing more for 4.8.
    again = load_workbook(_export(cli, vid, tmp_path / "again.xlsx"))["Worksheet"]
    row, columns = _row(again, "4.8"), _columns(again)
    assert again.cell(row, columns["Follow-up status"]).value == "closed"
    assert again.cell(row, columns["Follow-up so far"]).value.count("\n") == 4
    assert all(again.cell(row, columns[h]).protection.locked for h in NEW)


def test_a_bad_extension_names_its_cell_and_changes_nothing(
    cli: Cli, signed: tuple[str, Path], tmp_path: Path, data_dir: Path
) -> None:
    vid, _pdf = signed
    exported = _export(cli, vid, tmp_path / "signed.xlsx")
    filled = _fill(
        exported,
        tmp_path / "bad.xlsx",
        {
            "4.4": {"New response: what the member wrote": "Bought one"},  # fine on its own
            "4.8": {"Extension (days)": 45, "Extension reason": "Holidays"},
        },
    )
    before = dump_database(data_dir)
    done = cli("worksheet", "import", vid, str(filled), "--json")
    assert done.code == 1
    row = _row(load_workbook(filled).worksheets[0], "4.8")
    cell = f"{_letter(filled, 'Extension (days)')}{row}"
    assert f"Worksheet!{cell}: criterion 4.8: an extension is 30, 60, 90 or 120 days" in done.err
    document = done.json()
    assert document["applied"] is False
    assert [(p["row"], p["column"]) for p in document["problems"]] == [
        (row, _letter(filled, "Extension (days)"))
    ]
    assert dump_database(data_dir) == before

    # Each problem names the cell to fix: days without a reason, the reason's; a reason
    # without days or days that are no number, the days'; a note without a decision, the
    # decision's.
    for values, header, message in (
        ({"Extension (days)": 30}, "Extension reason", "needs a reason"),
        ({"Extension reason": "Holidays"}, "Extension (days)", "30, 60, 90 or 120 days"),
        ({"Decision note": "Seen"}, "Decision on the response", "accepts or rejects"),
        ({"Extension (days)": "lots"}, "Extension (days)", "'lots' is not a whole number"),
        ({"Decision on the response": "Maybe"}, "Decision on the response", "not a valid"),
        ({"Close the required action": "Yes"}, "Close the required action", "once the"),
    ):
        wrong = _fill(exported, tmp_path / "wrong.xlsx", {"4.8": values})
        done = cli("worksheet", "import", vid, str(wrong))
        assert done.code == 1
        assert f"Worksheet!{_letter(wrong, header)}{row}: " in done.err, done.err
        assert message in done.err, done.err
    assert dump_database(data_dir) == before


def test_any_other_change_to_a_signed_worksheet_is_named_cell_by_cell(
    cli: Cli, signed: tuple[str, Path], tmp_path: Path, data_dir: Path
) -> None:
    vid, _pdf = signed
    exported = _export(cli, vid, tmp_path / "signed.xlsx")
    filled = _fill(
        exported,
        tmp_path / "edited.xlsx",
        {
            "1.1": {"Finding": "Not applicable"},
            "4.8": {
                "Required action / recommendation": "Something else",
                "Reason 2": "No evidence of implementation",
                "Decision on the response": "Accept",  # fine, but not without the rest
            },
        },
    )
    before = dump_database(data_dir)
    done = cli("worksheet", "import", vid, str(filled), "--json")
    assert done.code == 1
    problems = {(p["row"], p["column"]): p["message"] for p in done.json()["problems"]}
    sheet = load_workbook(filled).worksheets[0]
    expected = {
        (_row(sheet, "1.1"), _letter(filled, "Finding")),
        (_row(sheet, "4.8"), _letter(filled, "Reason 2")),
        (_row(sheet, "4.8"), _letter(filled, "Required action / recommendation")),
    }
    assert set(problems) == expected
    assert set(problems.values()) == {LOCKED}
    assert LOCKED == "the validation is signed; only the follow-up columns can be filled"
    assert dump_database(data_dir) == before


def _sign(ctx: AppContext, validation_id: str, version: int = 1) -> None:
    """A signed report as it reaches the store (the PDF itself is tested above)."""
    ctx.store.set_status(validation_id, Lifecycle.APPROVED, "Sam Supervisor")
    record = ReportRecord(version, "ab" * 32, "T", "2026-06-01T10:00:00Z", "r.pdf", "en")
    ctx.store.issue_report(validation_id, record, "tester")


@pytest.fixture
def session(ctx: AppContext) -> ValidationSession:
    validation = plan_validation(ctx, member="Acme", account="US-12345", entity="importer", on=ON)
    work = ValidationSession(ctx, validation.id)
    work.record_finding("4.8", status="not-met", reasons=["training-gap"], action="Enforce MFA")
    return work


def test_a_worksheet_exported_before_the_signature_is_refused(
    ctx: AppContext, session: ValidationSession, tmp_path: Path
) -> None:
    unsigned = tmp_path / "unsigned.xlsx"
    export_worksheet(ctx, session.id, unsigned)
    assert "Follow-up so far" not in [c.value for c in load_workbook(unsigned).worksheets[0][1]]
    _sign(ctx, session.id)
    plan = import_worksheet(ctx, session.id, unsigned)
    assert [str(p) for p in plan.problems] == [
        "Worksheet: the validation is signed and locked; this worksheet has no follow-up "
        "columns (it was exported before the signature): export it again and fill in those"
    ]


def test_follow_up_needs_the_signature_it_was_exported_for(
    ctx: AppContext, session: ValidationSession, tmp_path: Path
) -> None:
    _sign(ctx, session.id)
    exported = tmp_path / "v1.xlsx"
    export_worksheet(ctx, session.id, exported)
    filled = _fill(
        exported,
        tmp_path / "filled.xlsx",
        {
            "4.8": {
                "Extension (days)": 30,
                "Extension reason": "Late",
                "New response: what the member wrote": "Done",
            }
        },
    )
    reopen_validation(ctx, session.id, "Typo in 4.8")
    plan = import_worksheet(ctx, session.id, filled)
    row = _row(load_workbook(filled).worksheets[0], "4.8")
    assert {(p.row, p.column) for p in plan.problems} == {
        (row, _letter(filled, h))
        for h in ("New response: what the member wrote", "Extension (days)", "Extension reason")
    }
    assert all(
        "follow-up is appended once its report is signed" in p.message for p in plan.problems
    )
    assert plan.updates == [] and not plan.applied

    _sign(ctx, session.id, version=2)
    plan = import_worksheet(ctx, session.id, filled)
    assert [str(p) for p in plan.problems] == [
        "Validation: this worksheet was exported for signed report version 1; the signed "
        "report is now version 2: export the worksheet again"
    ]
    assert followup.follow_up_log(ctx, session.id).records == ()


def test_a_spanish_signed_worksheet_takes_follow_up_in_spanish(
    ctx: AppContext, session: ValidationSession, tmp_path: Path
) -> None:
    _sign(ctx, session.id)
    followup.respond(ctx, session.id, "4.8", implemented=True, note="MFA activo")
    exported = tmp_path / "es.xlsx"
    export_worksheet(ctx, session.id, exported, "es")
    book = load_workbook(exported)
    sheet = book["Hoja de trabajo"]
    headers = [c.value for c in sheet[1]]
    assert headers[-11:] == [SPANISH.followup.headers[k] for k in SPANISH.followup.headers]
    columns, row = _columns(sheet), _row(sheet, "4.8")
    assert sheet.cell(row, columns["Estado del seguimiento"]).value == (
        "respuesta recibida: por revisar"
    )
    assert (
        "Respuesta, implementado: Sí: MFA activo"
        in sheet.cell(row, columns["Seguimiento hasta ahora"]).value
    )
    sheet.cell(row, columns["Decisión sobre la respuesta"]).value = "Rechazar"
    sheet.cell(row, columns["Nota de la decisión"]).value = "Falta la evidencia"
    sheet.cell(row, columns["Nueva respuesta: recibida el"]).value = "10/03/2026"
    sheet.cell(row, columns["Nueva respuesta: lo que escribió el socio"]).value = "Otra vez"
    book.save(exported)
    plan = import_worksheet(ctx, session.id, exported)
    assert plan.problems == [] and plan.applied
    item = followup.follow_up_log(ctx, session.id).item("4.8")
    assert item is not None
    assert [(r.event, r.note, r.accepted) for r in item.track.records[1:]] == [
        (Event.RESPONSE, "Received 2026-03-10. Otra vez", None),
        (Event.DECISION, "Falta la evidencia", False),
    ]


def test_a_received_date_outside_the_follow_up_is_named(
    ctx: AppContext, session: ValidationSession, tmp_path: Path
) -> None:
    _sign(ctx, session.id)
    exported = tmp_path / "signed.xlsx"
    export_worksheet(ctx, session.id, exported)
    header = "New response: received on"
    for day, message in (
        (ON - timedelta(1), f"before the validation date {ON}"),
        (date.today() + timedelta(2), "is after today"),
    ):
        filled = _fill(exported, tmp_path / "day.xlsx", {"4.8": {header: day.isoformat()}})
        plan = import_worksheet(ctx, session.id, filled)
        assert [p.column for p in plan.problems] == [_letter(filled, header)]
        assert message in plan.problems[0].message and not plan.applied
    assert followup.follow_up_log(ctx, session.id).records == ()


def test_every_state_of_a_follow_up_has_its_words_in_each_language() -> None:
    signed = Signed("4.8", not_met=True, required=True, due=ON)
    steps: list[tuple[Event, dict[str, Any]]] = [
        (Event.RESPONSE, {"note": "Done"}),
        (Event.DECISION, {"accepted": False}),
        (Event.RESPONSE, {"implemented": True}),
        (Event.DECISION, {"accepted": True}),
        (Event.CLOSURE, {}),
    ]
    current = track(signed, ())
    states = {current.state}
    for number, (event, values) in enumerate(steps, start=1):
        record = FollowUpRecord("x", "v", "4.8", number, event, 1, **values)
        check_next(current, record)
        current = track(signed, (*current.records, record))
        states.add(current.state)
    recommendation = Signed("4.4", not_met=True, required=False, due=None)
    answered = [
        FollowUpRecord("y", "v", "4.4", 1, Event.RESPONSE, 1, note="Done"),
        FollowUpRecord("z", "v", "4.4", 2, Event.DECISION, 1, accepted=True),
    ]
    states.add(track(recommendation, answered).state)
    assert states == set(STATES)
    for texts in (ENGLISH, SPANISH):
        assert set(texts.followup.states) == set(STATES)


def test_an_unsigned_worksheet_has_no_follow_up_columns(
    ctx: AppContext, session: ValidationSession, tmp_path: Path
) -> None:
    path = tmp_path / "unsigned.xlsx"
    export_worksheet(ctx, session.id, path)
    book = load_workbook(path)
    headers = [c.value for c in book.worksheets[0][1]]
    assert headers[-1] == "Member's response"
    assert book["Lists"].max_column == 4
    facts = [r[0] for r in book["Validation"].iter_rows(values_only=True)]
    assert "Signed report version" not in facts
    assert [c.value for c in book["Print"][1]][-1] == "Member's response"
