"""A follow-up letter to the member after the signed report: a closure letter (every required
action is closed) or a status letter (what remains open), typeset by the PDF engine as a
tagged, archival document with room for the signature.

It names the signed report version and its SHA-256, and lists each required action with
its follow-up so far (responses, decisions, extensions with their reasons, the closure) and
its effective due date. Plain values in (LetterData), a PDF out; the service gathers them.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ctpat_desktop.errors import CtpatError
from ctpat_desktop.pdf.blocks import (
    Block,
    Bullets,
    Group,
    Heading,
    Paragraph,
    SignatureSpot,
    Span,
    Table,
)
from ctpat_desktop.pdf.engine import Document, write_pdf
from ctpat_desktop.report.model import SignatureBox
from ctpat_desktop.sync.followup_rules import Event, FollowUpRecord

SIGNATURE_SIZE = (228.0, 88.0)  # points: the room the signature's stamp is drawn in
STATES = ("closed", "accepted", "rejected", "received", "awaiting")


@dataclass(frozen=True, slots=True)
class LetterItem:
    """One required action of the signed report and its follow-up."""

    criterion: str
    title: str
    action: str
    due: date  # effective: the report's due date and every extension since
    extended_days: int
    state: str  # one of STATES
    records: tuple[FollowUpRecord, ...]

    @property
    def closed(self) -> bool:
        """Whether the required action is closed."""
        return self.state == "closed"


@dataclass(frozen=True)
class LetterData:
    """Everything one follow-up letter says."""

    validation_id: str
    member: str
    account: str
    addressee: str  # the member's point of contact, else the company
    scss: str
    office: str
    report_version: int
    report_sha256: str
    report_signed_on: date
    language: str
    written_on: date
    items: tuple[LetterItem, ...]
    signer: str = ""  # whom the signing certificate names; "" for a draft
    draft: bool = False
    marking: str = ""

    @property
    def open_items(self) -> tuple[LetterItem, ...]:
        """The required actions still open."""
        return tuple(i for i in self.items if not i.closed)

    @property
    def closure(self) -> bool:
        """Whether this is a closure letter (nothing open)."""
        return not self.open_items


_MONTHS = {
    "en": "January February March April May June July August September October November December",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
}
_WORDS: Mapping[str, Mapping[str, str]] = {
    "en": {
        "agency": "U.S. Customs and Border Protection · Customs Trade Partnership Against "
        "Terrorism (CTPAT)",
        "title_closure": "Closure letter: CTPAT validation follow-up",
        "title_status": "Status letter: CTPAT validation follow-up",
        "to": "To",
        "account": "CTPAT account",
        "validation": "Validation",
        "date": "Date",
        "field_office": "Field office",
        "refers": "This letter follows the signed validation report, version {version} of "
        "{date} (SHA-256 {sha256}). It records the follow-up to the report's required actions "
        "since it was issued; the signed report itself is unchanged.",
        "closed_all": "All required actions are closed.",
        "closed_none": "The signed report has no required actions: there is nothing to follow up.",
        "closed_next": "No further response is needed for this validation report.",
        "open_count": "{open} of {total} required actions remain open:",
        "open_line": "{criterion} {title}: due {due} ({state})",
        "open_next": "Please respond to each open action through the CTPAT Portal by its due "
        "date, or ask your SCSS for an extension before it passes.",
        "actions": "Required actions and their follow-up",
        "action": "Required action",
        "due": "Effective due date",
        "extended": "{due} (extended by {days} days)",
        "stands": "Stands",
        "no_records": "No follow-up recorded yet.",
        "history": "Follow-up",
        "col_date": "Date",
        "col_event": "Record",
        "col_said": "What was recorded",
        "response": "Response",
        "implemented_yes": "implemented",
        "implemented_no": "not implemented",
        "decision": "Decision",
        "accepted_yes": "accepted",
        "accepted_no": "rejected",
        "extension": "Extension of {days} days",
        "closure": "Closure",
        "closed": "closed",
        "accepted": "response accepted, to be closed",
        "rejected": "response rejected, awaiting a new response",
        "received": "response received, under review",
        "awaiting": "awaiting the member's response",
        "signature": "Signature",
        "signed_for": "Signed for U.S. Customs and Border Protection by the Supply Chain "
        "Security Specialist:",
        "signed_with": "Digitally signed by {signer}.",
        "draft": "DRAFT",
        "draft_note": "Draft: not signed, not sent. The signed letter replaces it.",
        "footer": "CTPAT validation {id} · follow-up letter",
        "page": "Page",
        "of": "of",
        "marking": "Sensitive But Unclassified · For the member and CBP only",
        "reason_closure": "CTPAT follow-up: closure letter on report version {version}",
        "reason_status": "CTPAT follow-up: status letter on report version {version}",
        "location": "U.S. Customs and Border Protection",
        "signed_by": "Digitally signed by",
        "reason_word": "Reason:",
    },
    "es": {
        "agency": "Aduanas y Protección Fronteriza de los EE. UU. (CBP) · Alianza Aduanera y "
        "Comercial contra el Terrorismo (CTPAT)",
        "title_closure": "Carta de cierre: seguimiento de la validación CTPAT",
        "title_status": "Carta de estado: seguimiento de la validación CTPAT",
        "to": "Para",
        "account": "Cuenta CTPAT",
        "validation": "Validación",
        "date": "Fecha",
        "field_office": "Oficina de campo",
        "refers": "Esta carta da seguimiento al informe de validación firmado, versión "
        "{version} del {date} (SHA-256 {sha256}). Registra el seguimiento de las acciones "
        "requeridas del informe desde su emisión; el informe firmado no cambia.",
        "closed_all": "Todas las acciones requeridas están cerradas.",
        "closed_none": "El informe firmado no tiene acciones requeridas: no hay nada que seguir.",
        "closed_next": "No se necesita ninguna otra respuesta para este informe de validación.",
        "open_count": "{open} de {total} acciones requeridas siguen abiertas:",
        "open_line": "{criterion} {title}: vence el {due} ({state})",
        "open_next": "Responda a cada acción abierta por medio del Portal CTPAT antes de su "
        "fecha de vencimiento, o pida una prórroga a su SCSS antes de que venza.",
        "actions": "Acciones requeridas y su seguimiento",
        "action": "Acción requerida",
        "due": "Fecha de vencimiento vigente",
        "extended": "{due} (prorrogada {days} días)",
        "stands": "Situación",
        "no_records": "Aún no se ha registrado ningún seguimiento.",
        "history": "Seguimiento",
        "col_date": "Fecha",
        "col_event": "Registro",
        "col_said": "Lo registrado",
        "response": "Respuesta",
        "implemented_yes": "implementada",
        "implemented_no": "no implementada",
        "decision": "Decisión",
        "accepted_yes": "aceptada",
        "accepted_no": "rechazada",
        "extension": "Prórroga de {days} días",
        "closure": "Cierre",
        "closed": "cerrada",
        "accepted": "respuesta aceptada, por cerrar",
        "rejected": "respuesta rechazada, en espera de una nueva respuesta",
        "received": "respuesta recibida, en revisión",
        "awaiting": "en espera de la respuesta del miembro",
        "signature": "Firma",
        "signed_for": "Firmado en nombre de Aduanas y Protección Fronteriza de los EE. UU. por "
        "el Especialista en Seguridad de la Cadena de Suministro:",
        "signed_with": "Firmado digitalmente por {signer}.",
        "draft": "BORRADOR",
        "draft_note": "Borrador: sin firmar, no enviado. La carta firmada lo sustituye.",
        "footer": "Validación CTPAT {id} · carta de seguimiento",
        "page": "Página",
        "of": "de",
        "marking": "Sensible pero no clasificado · Solo para el miembro y CBP",
        "reason_closure": "Seguimiento CTPAT: carta de cierre del informe versión {version}",
        "reason_status": "Seguimiento CTPAT: carta de estado del informe versión {version}",
        "location": "Aduanas y Protección Fronteriza de los EE. UU.",
        "signed_by": "Firmado digitalmente por",
        "reason_word": "Motivo:",
    },
}


def words(language: str) -> Mapping[str, str]:
    """The letter's words in a language (CtpatError for one it does not speak)."""
    try:
        return _WORDS[language]
    except KeyError:
        raise CtpatError(f"no letter in {language!r}: choose one of {sorted(_WORDS)}") from None


def format_day(day: date, language: str) -> str:
    """A date as a letter writes it: "February 3, 2026", "3 de febrero de 2026"."""
    month = _MONTHS[language].split()[day.month - 1]
    if language == "es":
        return f"{day.day} de {month} de {day.year}"
    return f"{month} {day.day}, {day.year}"


def signing_reason(data: LetterData) -> str:
    """The signature's reason, in the letter's language."""
    said = words(data.language)
    key = "reason_closure" if data.closure else "reason_status"
    return said[key].format(version=data.report_version)


def write_letter(data: LetterData, path: Path) -> SignatureBox | None:
    """Typeset the letter into path; where its signature goes (None for a draft)."""
    spot = write_pdf(letter_document(data), path)
    if spot is None:
        return None
    return SignatureBox(spot.page, spot.x1, spot.y1, spot.x2, spot.y2)


def letter_document(data: LetterData) -> Document:
    """The letter as a document for the engine."""
    said = words(data.language)
    title = said["title_closure"] if data.closure else said["title_status"]
    blocks: list[Block] = [
        Paragraph(said["agency"], "meta"),
        Heading(title, level=1, bookmarked=False),
        *_header(data, said),
        Paragraph(
            said["refers"].format(
                version=data.report_version,
                date=format_day(data.report_signed_on, data.language),
                sha256=data.report_sha256,
            )
        ),
        *_standing(data, said),
        *_actions(data, said),
        *_signature(data, said),
    ]
    return Document(
        title=f"{said['draft']} — {title}" if data.draft else title,
        author=data.signer or data.scss,
        subject=f"{data.member} · {data.account}",
        lang=data.language,
        footer=said["footer"].format(id=data.validation_id),
        page_word=said["page"],
        of_word=said["of"],
        marking=f"{said['draft']} · {data.marking or said['marking']}"
        if data.draft
        else data.marking or said["marking"],
        watermark=said["draft"] if data.draft else "",
        blocks=blocks,
    )


def _header(data: LetterData, said: Mapping[str, str]) -> list[Block]:
    rows: list[tuple[str, str]] = [
        (said["to"], data.addressee),
        (said["account"], data.account),
        (said["validation"], data.validation_id),
        (said["date"], format_day(data.written_on, data.language)),
    ]
    if data.office.strip():
        rows.append((said["field_office"], data.office.strip()))
    return [Paragraph([Span(f"{label}: ", bold=True), Span(value)]) for label, value in rows]


def _standing(data: LetterData, said: Mapping[str, str]) -> list[Block]:
    """Closed or not: the sentence a member reads first."""
    if not data.items:
        return [Paragraph([Span(said["closed_none"], bold=True)], "note")]
    if data.closure:
        return [
            Paragraph([Span(said["closed_all"], bold=True)], "note"),
            Paragraph(said["closed_next"]),
        ]
    lines = [
        said["open_line"].format(
            criterion=i.criterion,
            title=i.title,
            due=format_day(i.due, data.language),
            state=said[i.state],
        )
        for i in data.open_items
    ]
    count = said["open_count"].format(open=len(data.open_items), total=len(data.items))
    return [
        Paragraph([Span(count, bold=True)], "note"),
        Bullets(lines),
        Paragraph(said["open_next"]),
    ]


def _actions(data: LetterData, said: Mapping[str, str]) -> list[Block]:
    if not data.items:
        return []
    blocks: list[Block] = [Heading(said["actions"], level=2)]
    for item in data.items:
        due = format_day(item.due, data.language)
        if item.extended_days:
            due = said["extended"].format(due=due, days=item.extended_days)
        blocks += [
            Heading(f"{item.criterion} {item.title}", level=3),
            Paragraph([Span(f"{said['action']}: ", bold=True), Span(item.action or "—")]),
            Paragraph([Span(f"{said['due']}: ", bold=True), Span(due)]),
            Paragraph([Span(f"{said['stands']}: ", bold=True), Span(said[item.state])]),
        ]
        if item.records:
            rows = [_record_row(r, said, data.language) for r in item.records]
            header = [said["col_date"], said["col_event"], said["col_said"]]
            blocks.append(Table(header, rows, (90.0, 130.0, 284.0), numbers_from=3))
        else:
            blocks.append(Paragraph(said["no_records"], "meta"))
    return blocks


def _record_row(record: FollowUpRecord, said: Mapping[str, str], language: str) -> list[str]:
    """One follow-up record as a row: when, what, and what it says."""
    day = format_day(date.fromisoformat(record.recorded_at[:10]), language)
    if record.event is Event.RESPONSE:
        event = said["response"]
        if record.implemented is not None:
            event += f": {said['implemented_yes' if record.implemented else 'implemented_no']}"
    elif record.event is Event.DECISION:
        event = f"{said['decision']}: {said['accepted_yes' if record.accepted else 'accepted_no']}"
    elif record.event is Event.EXTENSION:
        event = said["extension"].format(days=record.days)
    else:
        event = said["closure"]
    return [day, event, record.note.strip() or "—"]


def _signature(data: LetterData, said: Mapping[str, str]) -> Sequence[Block]:
    blocks: list[Block] = [Heading(said["signature"], level=2)]
    if data.draft:
        return [*blocks, Paragraph(said["draft_note"])]
    blocks += [
        Paragraph(said["signed_for"]),
        SignatureSpot(*SIGNATURE_SIZE),
        Paragraph([Span(data.scss, bold=True)]),
    ]
    if data.signer:
        blocks.append(Paragraph(said["signed_with"].format(signer=data.signer), "meta"))
    return [Group(blocks)]  # the box never parts from the words that introduce it
