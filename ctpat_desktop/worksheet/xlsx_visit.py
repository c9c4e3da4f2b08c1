"""The worksheet's Visit sheet: the records around the checklist (sites, document requests,
participants, interviews, the tour log, the team, the outcome and its decision), one
section per declared kind, for the record. Read only: import does not read it.

The sections, their columns and their order come from the declarations (records/kinds.py);
only the words are listed here, per language (a field without words shows its declared
label). openpyxl is imported by the function that writes the sheet.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ctpat_desktop.records.declare import Declaration, Field, Item, Type
from ctpat_desktop.records.kinds import VISIT_KINDS

_HEADER_FILL = "1F4E79"
_SECTION_FILL = "DDEBF7"
# The order of the sections: what was planned and who took part, then what happened, then
# the result.
SECTIONS = (
    "team_member",
    "site",
    "participant",
    "document_request",
    "tour_stop",
    "interview",
    "finding_site",
    "outcome",
    "decision",
)


@dataclass(frozen=True)
class VisitTexts:
    """The Visit sheet's words in one language."""

    sheet: str
    title: str  # the sheet's first line
    sections: Mapping[str, str]  # by kind name
    headers: Mapping[str, str]  # by "kind.field"
    choices: Mapping[str, str]  # a choice field's stored values ("co-scss")
    none: str  # a section without records


ENGLISH_VISIT = VisitTexts(
    sheet="Visit",
    title="The validation's visit, as recorded (for the record; import does not read it)",
    sections={
        "team_member": "CBP team",
        "site": "Sites",
        "participant": "Participants",
        "document_request": "Documents requested",
        "tour_stop": "Tour log",
        "interview": "Interviews",
        "finding_site": "Where findings were made",
        "outcome": "Proposed outcome",
        "decision": "Supervisor's decision",
    },
    headers={
        "site.name": "Site",
        "site.type": "Type",
        "site.address": "Address",
        "site.country": "Country",
        "document_request.what": "Document",
        "document_request.requested_on": "Requested on",
        "document_request.received_on": "Received on",
        "document_request.evidence_id": "Evidence received",
        "participant.name": "Name",
        "participant.role": "Role",
        "participant.organisation": "Organisation",
        "participant.days": "Days present",
        "interview.topic": "Topic",
        "interview.participant_id": "Interviewed",
        "interview.held_at": "When",
        "interview.notes": "Notes",
        "tour_stop.area": "Area shown",
        "tour_stop.at": "Time",
        "tour_stop.site_id": "Site",
        "tour_stop.evidence_id": "Evidence",
        "tour_stop.note": "Note",
        "team_member.name": "Name",
        "team_member.role": "Role",
        "finding_site.criterion": "Criterion",
        "finding_site.site_id": "Site",
        "outcome.result": "Proposed result",
        "outcome.reason": "Reason",
        "decision.decision": "Decision",
        "decision.result": "Result decided",
        "decision.decided_on": "Decided on",
        "decision.note": "Note",
    },
    choices={
        "facility": "Facility",
        "warehouse": "Warehouse",
        "office": "Office",
        "terminal": "Terminal",
        "other": "Other",
        "member": "Member",
        "cbp": "CBP",
        "scss": "SCSS",
        "co-scss": "Co-SCSS",
        "observer": "Observer",
        "continued-certification": "Continued certification",
        "tier-2": "Tier 2 (validated)",
        "tier-3": "Tier 3 (exceeds)",
        "suspension-proposal": "Suspension proposed",
        "removal-proposal": "Removal proposed",
        "agreed": "Agreed",
        "changed": "Changed",
    },
    none="None recorded",
)

SPANISH_VISIT = VisitTexts(
    sheet="Visita",
    title="La visita de la validación, tal como se registró (constancia; la importación no la lee)",
    sections={
        "team_member": "Equipo de CBP",
        "site": "Sitios",
        "participant": "Participantes",
        "document_request": "Documentos solicitados",
        "tour_stop": "Registro del recorrido",
        "interview": "Entrevistas",
        "finding_site": "Dónde se hicieron los hallazgos",
        "outcome": "Resultado propuesto",
        "decision": "Decisión del supervisor",
    },
    headers={
        "site.name": "Sitio",
        "site.type": "Tipo",
        "site.address": "Dirección",
        "site.country": "País",
        "document_request.what": "Documento",
        "document_request.requested_on": "Solicitado el",
        "document_request.received_on": "Recibido el",
        "document_request.evidence_id": "Evidencia recibida",
        "participant.name": "Nombre",
        "participant.role": "Cargo",
        "participant.organisation": "Organización",
        "participant.days": "Días presente",
        "interview.topic": "Tema",
        "interview.participant_id": "Entrevistado",
        "interview.held_at": "Cuándo",
        "interview.notes": "Notas",
        "tour_stop.area": "Área mostrada",
        "tour_stop.at": "Hora",
        "tour_stop.site_id": "Sitio",
        "tour_stop.evidence_id": "Evidencia",
        "tour_stop.note": "Nota",
        "team_member.name": "Nombre",
        "team_member.role": "Función",
        "finding_site.criterion": "Criterio",
        "finding_site.site_id": "Sitio",
        "outcome.result": "Resultado propuesto",
        "outcome.reason": "Motivo",
        "decision.decision": "Decisión",
        "decision.result": "Resultado decidido",
        "decision.decided_on": "Decidido el",
        "decision.note": "Nota",
    },
    choices={
        "facility": "Instalación",
        "warehouse": "Almacén",
        "office": "Oficina",
        "terminal": "Terminal",
        "other": "Otro",
        "member": "Socio",
        "cbp": "CBP",
        "scss": "SCSS",
        "co-scss": "SCSS adjunto",
        "observer": "Observador",
        "continued-certification": "Certificación continuada",
        "tier-2": "Nivel 2 (validado)",
        "tier-3": "Nivel 3 (excede)",
        "suspension-proposal": "Suspensión propuesta",
        "removal-proposal": "Remoción propuesta",
        "agreed": "De acuerdo",
        "changed": "Cambiado",
    },
    none="Nada registrado",
)


@dataclass(frozen=True)
class VisitRecords:
    """A validation's records around the checklist, as the worksheet shows them."""

    items: Mapping[str, Sequence[Item]]  # by kind name (ValidationSession.visit_records)
    evidence: Mapping[str, str]  # evidence ID → its file name

    def any(self) -> bool:
        """Whether there is anything to show (a validation without any has no Visit sheet)."""
        return any(self.items.values())


@dataclass(frozen=True, slots=True)
class Section:
    """One kind's part of the sheet: its title, its headers and a row per record."""

    kind: Declaration
    title: str
    headers: tuple[str, ...]
    widths: tuple[int, ...]
    rows: tuple[tuple[Any, ...], ...]  # str, date, datetime or None per cell


def header(kind: Declaration, f: Field, texts: VisitTexts) -> str:
    """A field's column header: its words in the language, else its declared label."""
    return texts.headers.get(f"{kind.name}.{f.name}", f.label[:1].upper() + f.label[1:])


def _width(f: Field) -> int:
    if f.type in (Type.DATE, Type.MOMENT):
        return 16
    if f.type is Type.DATES:
        return 24
    if f.multiline or f.max_length > 200:
        return 44
    if f.choices or f.max_length <= 16:
        return 18
    return 28


def _names(records: VisitRecords) -> dict[str, str]:
    """What a reference shows: a record's first field, an evidence's file name."""
    names = dict(records.evidence)
    for items in records.items.values():
        for item in items:
            names[item.id] = str(item.values[item.kind.title.name])
    return names


def _cell(
    f: Field,
    value: Any,
    texts: VisitTexts,
    names: Mapping[str, str],
    day_text: Callable[[date], str],
) -> Any:
    """A value as its cell holds it (dates stay dates, for the workbook's format)."""
    if value in (None, "", []):
        return None
    if f.type is Type.DATE:
        return date.fromisoformat(value)
    if f.type is Type.MOMENT:
        return datetime.fromisoformat(value)
    if f.type is Type.DATES:
        return ", ".join(day_text(date.fromisoformat(day)) for day in value)
    if f.type is Type.REF:
        return names.get(value, value[:8])
    if f.choices:
        return texts.choices.get(value, value)
    return value


def sections(
    records: VisitRecords, texts: VisitTexts, day_text: Callable[[date], str]
) -> list[Section]:
    """Every declared kind's section, in SECTIONS order (a kind declared later comes last)."""
    order = {name: n for n, name in enumerate(SECTIONS)}
    kinds = sorted(VISIT_KINDS, key=lambda k: order.get(k.name, len(order)))
    names = _names(records)
    found = []
    for kind in kinds:
        rows = tuple(
            tuple(_cell(f, item.values[f.name], texts, names, day_text) for f in kind.fields)
            for item in records.items.get(kind.name, ())
        )
        found.append(
            Section(
                kind,
                texts.sections.get(kind.name, kind.label[:1].upper() + kind.label[1:]),
                tuple(header(kind, f, texts) for f in kind.fields),
                tuple(_width(f) for f in kind.fields),
                rows,
            )
        )
    return found


def shown(value: Any, day_text: Callable[[date], str]) -> str:
    """A cell's value as the sheet shows it (for the row's height)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return f"{day_text(value.date())} {value:%H:%M}"
    if isinstance(value, date):
        return day_text(value)
    return str(value)


def write_visit_sheet(
    workbook: Any,
    found: Sequence[Section],
    texts: VisitTexts,
    date_format: str,
    day_text: Callable[[date], str],
    put_text: Callable[[Any, str], None],
) -> Any:
    """Add the Visit sheet (protected: for the record); put_text writes a person's text
    into a cell so that it is never taken for a formula. The sheet, for its page setup."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from ctpat_desktop.worksheet.xlsx_paper import row_height

    sheet = workbook.create_sheet(texts.sheet)
    columns = max(len(s.headers) for s in found)
    widths = [
        max((s.widths[i] for s in found if i < len(s.widths)), default=18) for i in range(columns)
    ]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.cell(row=1, column=1, value=texts.title).font = Font(bold=True, size=13)
    wrap = Alignment(wrap_text=True, vertical="top")
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor=_HEADER_FILL)
    section_fill = PatternFill("solid", fgColor=_SECTION_FILL)
    row = 2
    for section in found:
        row += 1
        title = sheet.cell(row=row, column=1, value=section.title)
        title.font = Font(bold=True)
        for column in range(1, columns + 1):
            sheet.cell(row=row, column=column).fill = section_fill
        row += 1
        for column, text in enumerate(section.headers, start=1):
            cell = sheet.cell(row=row, column=column, value=text)
            cell.font, cell.fill = header_font, header_fill
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        if not section.rows:
            row += 1
            sheet.cell(row=row, column=1, value=texts.none).font = Font(italic=True)
        for values in section.rows:
            row += 1
            for column, value in enumerate(values, start=1):
                cell = sheet.cell(row=row, column=column)
                if isinstance(value, str):
                    put_text(cell, value)
                elif value is not None:
                    cell.value = value
                    time = " hh:mm" if isinstance(value, datetime) else ""
                    cell.number_format = date_format + time
                cell.alignment = wrap
            sheet.row_dimensions[row].height = row_height(
                (shown(v, day_text), w) for v, w in zip(values, widths, strict=False)
            )
        row += 1
    sheet.protection.sheet = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    return sheet
