"""The validation worksheet's layout: sheets, columns and the labels people see (no openpyxl)."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ctpat_desktop.catalog import Catalog, Category, Reason
from ctpat_desktop.errors import CtpatError
from ctpat_desktop.worksheet import xlsx_fields, xlsx_followup
from ctpat_desktop.worksheet.model import (
    Finding,
    FindingStatus,
    Lifecycle,
    Mode,
    Validation,
    Verification,
)
from ctpat_desktop.worksheet.xlsx_fields import ONE_COLUMN_EACH
from ctpat_desktop.worksheet.xlsx_followup import (
    ENGLISH_FOLLOWUP,
    SPANISH_FOLLOWUP,
    FollowUpShown,
    FollowUpTexts,
)
from ctpat_desktop.worksheet.xlsx_visit import (
    ENGLISH_VISIT,
    SPANISH_VISIT,
    VisitRecords,
    VisitTexts,
)

FORMAT_VERSION = 1
MIN_REASON_COLUMNS = 3


@dataclass(frozen=True)
class WorksheetTexts:
    """Every fixed text of the workbook in one language: sheets, headers, choices, facts."""

    language: str
    worksheet: str
    summary: str
    validation: str
    lists: str
    headers: Mapping[str, str]  # by column key; "reason" holds "{n}"
    statuses: Mapping[FindingStatus, str]
    verified: Mapping[Verification, str]
    yes_no: Mapping[bool, str]
    levels: Mapping[str, str]
    modes: Mapping[Mode, str]
    lifecycle: Mapping[Lifecycle, str]
    facts: Mapping[str, str]  # the Validation sheet's row labels, by key
    summary_headers: Mapping[str, str]
    choose: str  # "{title}" is the list's title
    due_error: str  # "{date}" is the validation date
    footer: str
    date_format: str
    print_sheet: str  # the sheet laid out for printing
    print_title: str  # at the top of every printed page
    # The print sheet's own headers, and the labels before some of what its cells show.
    print_headers: Mapping[str, str]
    followup: FollowUpTexts  # the follow-up columns of a signed validation
    visit: VisitTexts  # the Visit sheet (sites, documents, participants, tour, outcome)

    def choice_labels(self, reasons: Sequence[Reason]) -> dict[str, Mapping[Any, str]]:
        """The label of each value a finding field's drop-down offers, by field."""
        return {
            "status": self.statuses,
            "reasons": {r.code: r.label for r in reasons},
            "verified": self.verified,
        }


ENGLISH = WorksheetTexts(
    language="en",
    worksheet="Worksheet",
    summary="Summary",
    validation="Validation",
    lists="Lists",
    headers={
        "category": "Category",
        "criterion": "ID",
        "level": "Must/Should",
        "criterion_text": "Criterion",
        "guidance": "Implementation guidance",
        "profile_answer": "Member's security profile answer",
        "status": "Finding",
        "unmet_parts": "Parts not met (blank: all)",
        "outcome": "Counts as",
        "reason": "Reason {n}",
        "verified": "How verified",
        "note": "Internal note (not in the report)",
        "report_text": "Finding text for the report",
        "action": "Required action / recommendation",
        "due": "Response due",
        "response_implemented": "Member: implemented?",
        "response_note": "Member's response",
        "reason_list": "Deficiency reason",
    },
    statuses={
        FindingStatus.NOT_REVIEWED: "Not reviewed",
        FindingStatus.MET: "Met",
        FindingStatus.NOT_MET: "Not met",
        FindingStatus.EXCEEDS: "Exceeds",
        FindingStatus.NOT_APPLICABLE: "Not applicable",
    },
    verified={
        Verification.DOCUMENT_VERIFIED: "Document verified",
        Verification.PROCESS_OBSERVED: "Process observed",
        Verification.DESCRIBED: "Described",
        Verification.OTHER: "Other",
    },
    yes_no={True: "Yes", False: "No"},
    levels={"must": "Must", "should": "Should"},
    modes={m: m.value for m in Mode},
    lifecycle={s: s.value for s in Lifecycle},
    facts={
        "member": "Member",
        "account": "Account number",
        "entity": "Entity type",
        "mode": "Validation mode",
        "date": "Validation date",
        "scss": "SCSS",
        "status": "Status",
        "id": "Validation ID",
        "catalog": "Catalog",
        "format": "Worksheet format",
        "language": "Language",
        "exported_at": "Exported at",
        "exported_by": "Exported by",
        "report_version": "Signed report version",
    },
    summary_headers={
        "category": "Category",
        "criteria": "Criteria",
        "required": "Required actions",
        "recommendations": "Recommendations",
        "required_one": "Required action",
        "recommendation_one": "Recommendation",
        "total": "Total",
    },
    choose="Choose a value from the list ({title}).",
    due_error="Enter a date on or after the validation date {date}.",
    footer="Page &P of &N",
    date_format="yyyy-mm-dd",
    print_sheet="Print",
    print_title="CTPAT validation worksheet",
    print_headers={
        "criterion": "ID",
        "finding": "Finding, reasons, how verified",
        "report": "Report text and action",
        "parts": "Parts not met: ",
        "action": "Action: ",
        "implemented": "Implemented: ",
    },
    followup=ENGLISH_FOLLOWUP,
    visit=ENGLISH_VISIT,
)

SPANISH = WorksheetTexts(
    language="es",
    worksheet="Hoja de trabajo",
    summary="Resumen",
    validation="Validación",
    lists="Listas",
    headers={
        "category": "Categoría",
        "criterion": "ID",
        "level": "Debe/Debería",
        "criterion_text": "Criterio",
        "guidance": "Guía de implementación",
        "profile_answer": "Respuesta del perfil de seguridad del socio",
        "status": "Hallazgo",
        "unmet_parts": "Partes no cumplidas (en blanco: todas)",
        "outcome": "Cuenta como",
        "reason": "Razón {n}",
        "verified": "Cómo se verificó",
        "note": "Nota interna (no va en el informe)",
        "report_text": "Texto del hallazgo para el informe",
        "action": "Acción requerida / recomendación",
        "due": "Fecha límite de respuesta",
        "response_implemented": "Socio: ¿implementado?",
        "response_note": "Respuesta del socio",
        "reason_list": "Razón de la deficiencia",
    },
    statuses={
        FindingStatus.NOT_REVIEWED: "No revisado",
        FindingStatus.MET: "Cumple",
        FindingStatus.NOT_MET: "No cumple",
        FindingStatus.EXCEEDS: "Excede",
        FindingStatus.NOT_APPLICABLE: "No aplica",
    },
    verified={
        Verification.DOCUMENT_VERIFIED: "Documento verificado",
        Verification.PROCESS_OBSERVED: "Proceso observado",
        Verification.DESCRIBED: "Descrito",
        Verification.OTHER: "Otro",
    },
    yes_no={True: "Sí", False: "No"},
    levels={"must": "Debe", "should": "Debería"},
    modes={Mode.VIRTUAL: "virtual", Mode.IN_PERSON: "presencial", Mode.HYBRID: "híbrida"},
    lifecycle={
        Lifecycle.PLANNED: "planificada",
        Lifecycle.IN_PROGRESS: "en curso",
        Lifecycle.IN_REVIEW: "en revisión",
        Lifecycle.APPROVED: "aprobada",
        Lifecycle.SIGNED: "firmada",
    },
    facts={
        "member": "Socio",
        "account": "Número de cuenta",
        "entity": "Tipo de entidad",
        "mode": "Modalidad",
        "date": "Fecha de la validación",
        "scss": "SCSS",
        "status": "Estado",
        "id": "ID de validación",
        "catalog": "Catálogo",
        "format": "Formato de la hoja",
        "language": "Idioma",
        "exported_at": "Exportada el",
        "exported_by": "Exportada con",
        "report_version": "Versión firmada del informe",
    },
    summary_headers={
        "category": "Categoría",
        "criteria": "Criterios",
        "required": "Acciones requeridas",
        "recommendations": "Recomendaciones",
        "required_one": "Acción requerida",
        "recommendation_one": "Recomendación",
        "total": "Total",
    },
    choose="Elija un valor de la lista ({title}).",
    due_error="Escriba una fecha igual o posterior a la fecha de la validación, {date}.",
    footer="Página &P de &N",
    date_format="dd/mm/yyyy",
    print_sheet="Para imprimir",
    print_title="Hoja de trabajo de la validación CTPAT",
    print_headers={
        "criterion": "ID",
        "finding": "Hallazgo, razones, cómo se verificó",
        "report": "Texto del informe y acción",
        "parts": "Partes no cumplidas: ",
        "action": "Acción: ",
        "implemented": "Implementado: ",
    },
    followup=SPANISH_FOLLOWUP,
    visit=SPANISH_VISIT,
)

WORKSHEET_TEXTS = {t.language: t for t in (ENGLISH, SPANISH)}
# The English names, which workbooks written before there was a choice of language have.
WORKSHEET = ENGLISH.worksheet
SUMMARY = ENGLISH.summary
VALIDATION = ENGLISH.validation
LISTS = ENGLISH.lists


def worksheet_texts(language: str) -> WorksheetTexts:
    """The workbook's texts in a language, or a CtpatError naming the languages there are."""
    try:
        return WORKSHEET_TEXTS[language]
    except KeyError:
        known = ", ".join(sorted(WORKSHEET_TEXTS))
        raise CtpatError(
            f"no worksheet texts in language '{language}'; use one of: {known}"
        ) from None


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the Worksheet sheet."""

    key: str
    header: str
    width: int
    editable: bool


def worksheet_columns(
    reason_columns: int, texts: WorksheetTexts = ENGLISH, *, followup: bool = False
) -> tuple[Column, ...]:
    """The Worksheet sheet's columns, with as many reason columns as needed (at least 3),
    and a signed validation's follow-up columns after them when followup is true."""
    h = texts.headers
    reasons = max(reason_columns, MIN_REASON_COLUMNS)
    shown, new = (xlsx_followup.SHOWN_KEYS, xlsx_followup.NEW_KEYS) if followup else ((), ())
    after = tuple(
        Column(key, texts.followup.headers[key], xlsx_followup.WIDTHS[key], key in new)
        for key in (*shown, *new)
    )
    columns: list[Column] = []
    for key, width in xlsx_fields.FINDING_CELLS.layout:
        editable = key in xlsx_fields.FINDING_CELLS.names
        if key in ONE_COLUMN_EACH:
            each = ONE_COLUMN_EACH[key]
            columns += [
                Column(f"{each}_{n}", h[each].format(n=n), width, editable)
                for n in range(1, reasons + 1)
            ]
        else:
            columns.append(Column(key, h[key], width, editable))
    return (*columns, *after)


def shown_date(day: date, texts: WorksheetTexts) -> str:
    """A date as the workbook's date format shows it."""
    return day.strftime("%d/%m/%Y" if texts.date_format == "dd/mm/yyyy" else "%Y-%m-%d")


def sheet_reference(sheet: str) -> str:
    """A sheet's name as a formula refers to it: quoted unless it is a plain word."""
    if sheet.isascii() and sheet.replace("_", "").isalnum():
        return sheet
    return "'" + sheet.replace("'", "''") + "'"


def category_label(number: int, name: str) -> str:
    """How a category reads in the Category column and on the Summary sheet."""
    return f"{number}. {name}"


@dataclass(frozen=True)
class WorksheetData:
    """Everything the workbook shows about one validation."""

    validation: Validation
    entity_name: str
    catalog: Catalog
    categories: tuple[Category, ...]
    reasons: tuple[Reason, ...]
    findings: Mapping[str, Finding]
    exported_at: str
    app_version: str
    texts: WorksheetTexts = ENGLISH
    # A signed validation's follow-up by criterion (its not-met findings); None: unsigned,
    # and the workbook has no follow-up columns.
    followup: Mapping[str, FollowUpShown] | None = None
    report_version: int = 0  # the signed report version the follow-up follows
    # The records around the checklist; None, or none recorded: no Visit sheet.
    visit: VisitRecords | None = None

    def reason_columns(self) -> int:
        """Enough reason columns for the finding with the most reasons."""
        most = max((len(f.reasons) for f in self.findings.values()), default=0)
        return max(most, MIN_REASON_COLUMNS)
