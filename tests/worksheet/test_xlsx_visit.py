"""The worksheet's Visit sheet: every record around the checklist, read back with openpyxl,
in English and Spanish; a validation without any has no such sheet; import ignores it."""

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from ctpat_desktop.app import AppContext
from ctpat_desktop.records.kinds import (
    DECISION,
    DOCUMENT_REQUEST,
    FINDING_SITE,
    INTERVIEW,
    OUTCOME,
    PARTICIPANT,
    SITE,
    TEAM_MEMBER,
    TOUR_STOP,
    VISIT_KINDS,
)
from ctpat_desktop.services import visit
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.services.worksheet_io import (
    apply_import_plan,
    export_worksheet,
    plan_worksheet_import,
)
from ctpat_desktop.sync.local import LocalSync
from ctpat_desktop.worksheet.xlsx_visit import ENGLISH_VISIT, SECTIONS, SPANISH_VISIT

ON = date(2026, 3, 10)


@pytest.fixture
def vid(ctx: AppContext) -> str:
    """A validation with one record of every kind (and a formula-looking note)."""
    v = plan_validation(
        ctx, member="Sierra Madre Textiles", account="MX-40117", entity="importer", on=ON
    )
    seals = ValidationSession(ctx, v.id).attach_evidence_bytes(b"seal log", "seals.png", "6.1")
    site = visit.add(
        ctx, v.id, SITE, {"name": "Planta Norte", "type": "warehouse", "country": "MX"}
    )
    ana = visit.add(
        ctx,
        v.id,
        PARTICIPANT,
        {"name": "Ana Ruiz", "role": "Security manager", "days": ["2026-03-10", "2026-03-11"]},
    )
    visit.add(ctx, v.id, TEAM_MEMBER, {"name": "Laura Méndez", "role": "co-scss"})
    visit.add(
        ctx,
        v.id,
        DOCUMENT_REQUEST,
        {
            "what": "Seal log, last three months",
            "requested_on": "2026-02-17",
            "received_on": "2026-03-02",
            "evidence_id": seals.id,
        },
    )
    visit.add(
        ctx,
        v.id,
        TOUR_STOP,
        {"area": "Loading dock", "at": "2026-03-10T10:15", "site_id": site.id, "note": "=1+1"},
    )
    visit.add(ctx, v.id, INTERVIEW, {"topic": "Seal procedures", "participant_id": ana.id})
    visit.add(ctx, v.id, FINDING_SITE, {"criterion": "6.1", "site_id": site.id})
    visit.put(ctx, v.id, OUTCOME, {"result": "tier-2", "reason": "Few required actions"})
    LocalSync(ctx.store).set_state({"hub_role": "supervisor"})
    visit.put(ctx, v.id, DECISION, {"decision": "agreed", "decided_on": "2026-04-01"})
    return v.id


def _sections(sheet: Any) -> dict[str, list[list[Any]]]:
    """Each section's rows (its header first) by its title, as the sheet holds them."""
    found: dict[str, list[list[Any]]] = {}
    current: list[list[Any]] | None = None
    for row in sheet.iter_rows(min_row=2, values_only=True):
        cells = list(row)
        while cells and cells[-1] is None:
            cells.pop()
        if not cells:
            current = None
        elif current is None:
            current = found[cells[0]] = []
        else:
            current.append(cells)
    return found


def test_the_visit_sheet_lists_every_record_in_english(
    ctx: AppContext, vid: str, tmp_path: Path
) -> None:
    out = tmp_path / "worksheet.xlsx"
    export_worksheet(ctx, vid, out)
    book = load_workbook(out)
    assert book.sheetnames == ["Worksheet", "Lists", "Summary", "Validation", "Print", "Visit"]
    sheet = book["Visit"]
    assert sheet.protection.sheet  # for the record
    sections = _sections(sheet)
    assert list(sections) == [ENGLISH_VISIT.sections[name] for name in SECTIONS]
    assert sections["Sites"] == [
        ["Site", "Type", "Address", "Country"],
        ["Planta Norte", "Warehouse", None, "MX"],
    ]
    assert sections["CBP team"][1] == ["Laura Méndez", "Co-SCSS"]
    assert sections["Participants"][1] == [
        "Ana Ruiz",
        "Security manager",
        "Member",
        "2026-03-10, 2026-03-11",
    ]
    requested = sections["Documents requested"]
    assert requested[0] == ["Document", "Requested on", "Received on", "Evidence received"]
    assert requested[1] == [
        "Seal log, last three months",
        datetime(2026, 2, 17),
        datetime(2026, 3, 2),
        "seals.png",  # the evidence by its file name, not its ID
    ]
    tour = sections["Tour log"][1]
    assert tour == ["Loading dock", datetime(2026, 3, 10, 10, 15), "Planta Norte", None, "=1+1"]
    note = next(c for c in sheet["E"] if c.value == "=1+1")
    assert note.data_type == "s"  # text, never a formula
    assert sections["Interviews"][1] == ["Seal procedures", "Ana Ruiz"]
    assert sections["Where findings were made"][1] == ["6.1", "Planta Norte"]
    assert sections["Proposed outcome"][1] == ["Tier 2 (validated)", "Few required actions"]
    assert sections["Supervisor's decision"][1] == [
        "Agreed",
        "Tier 2 (validated)",
        datetime(2026, 4, 1),
    ]
    dates = [c for c in sheet["B"] if isinstance(c.value, datetime)]
    assert {c.number_format for c in dates} == {"yyyy-mm-dd", "yyyy-mm-dd hh:mm"}


def test_the_visit_sheet_in_spanish(ctx: AppContext, vid: str, tmp_path: Path) -> None:
    out = tmp_path / "hoja.xlsx"
    export_worksheet(ctx, vid, out, "es")
    book = load_workbook(out)
    assert book.sheetnames[-1] == "Visita"
    sheet = book["Visita"]
    sections = _sections(sheet)
    assert list(sections) == [SPANISH_VISIT.sections[name] for name in SECTIONS]
    assert sections["Sitios"] == [
        ["Sitio", "Tipo", "Dirección", "País"],
        ["Planta Norte", "Almacén", None, "MX"],
    ]
    assert sections["Participantes"][1][2:] == ["Socio", "10/03/2026, 11/03/2026"]
    assert sections["Resultado propuesto"][1][0] == "Nivel 2 (validado)"
    day = next(c for c in sheet["B"] if c.value == datetime(2026, 2, 17))
    assert day.number_format == "dd/mm/yyyy"


def test_a_validation_without_visit_records_has_no_visit_sheet(
    ctx: AppContext, tmp_path: Path
) -> None:
    v = plan_validation(ctx, member="Acme", account="US-1", entity="importer", on=ON)
    out = tmp_path / "worksheet.xlsx"
    export_worksheet(ctx, v.id, out)
    assert "Visit" not in load_workbook(out).sheetnames


def test_import_ignores_the_visit_sheet(ctx: AppContext, vid: str, tmp_path: Path) -> None:
    """The sheet is for the record: a workbook whose Visit sheet was edited imports its
    findings and leaves the records as they are."""
    out = tmp_path / "worksheet.xlsx"
    export_worksheet(ctx, vid, out)
    book = load_workbook(out)
    book["Visit"]["A5"] = "Someone else's site"
    worksheet = book["Worksheet"]
    row = next(r for r in range(2, worksheet.max_row + 1) if worksheet.cell(r, 2).value == "1.1")
    status = next(c.column for c in worksheet[1] if c.value == "Finding")
    worksheet.cell(row, status).value = "Met"
    book.save(out)
    before = ValidationSession(ctx, vid).visit_records()
    plan = plan_worksheet_import(ctx, vid, out)
    assert plan.problems == []
    assert [u.new.criterion for u in plan.updates] == ["1.1"]
    apply_import_plan(ctx, plan)
    after = ValidationSession(ctx, vid).visit_records()
    assert {k: [i.values for i in v] for k, v in after.items()} == {
        k: [i.values for i in v] for k, v in before.items()
    }


def test_every_declared_field_and_choice_has_spanish_words() -> None:
    """A field or a choice added to a declaration needs its words on the Visit sheet."""
    for texts in (ENGLISH_VISIT, SPANISH_VISIT):
        assert set(texts.sections) == {k.name for k in VISIT_KINDS} == set(SECTIONS)
        fields = {f"{k.name}.{f.name}" for k in VISIT_KINDS for f in k.fields}
        assert set(texts.headers) == fields
        choices = {c for k in VISIT_KINDS for f in k.fields for c in f.choices}
        assert set(texts.choices) == choices
