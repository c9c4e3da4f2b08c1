"""The follow-up columns of a signed validation's worksheet: their labels in each language,
the follow-up they show, and what the SCSS fills in to append to it (no openpyxl).

A signed validation's findings are locked: its worksheet shows each not-met finding's
follow-up so far (records, where it stands, the due date with its extensions) and offers
empty "new follow-up" cells; import turns what is filled into follow-up records.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

# What the sheet shows (read only) and what the SCSS fills in, by column key.
SHOWN_KEYS = ("followup_history", "followup_state", "effective_due")
NEW_KEYS = (
    "new_response_date",
    "new_response_implemented",
    "new_response_note",
    "new_decision",
    "new_decision_note",
    "new_extension_days",
    "new_extension_reason",
    "new_close",
)
# Width of each follow-up column, in widths of the digit 0.
WIDTHS = {
    "followup_history": 44,
    "followup_state": 18,
    "effective_due": 12,
    "new_response_date": 12,
    "new_response_implemented": 13,
    "new_response_note": 34,
    "new_decision": 13,
    "new_decision_note": 26,
    "new_extension_days": 11,
    "new_extension_reason": 26,
    "new_close": 11,
}
# Cells only a required action with a due date takes (an extension, a closure).
REQUIRED_ONLY = ("new_extension_days", "new_extension_reason", "new_close")
# A response's note starts with the day it was received, when given: stored, like every
# stored code, in English whatever the workbook's language.
RECEIVED_NOTE = "Received {day}"
# Where a finding's follow-up stands, as the follow-up rules say it in English.
STATES = (
    "closed",
    "response accepted: to close",
    "response accepted",
    "response rejected: awaiting a new response",
    "response received: to review",
    "awaiting the member's response",
)


@dataclass(frozen=True)
class FollowUpTexts:
    """The follow-up columns' texts in one language."""

    headers: Mapping[str, str]  # by column key
    decisions: Mapping[bool, str]  # accept / reject, as the drop-down offers them
    states: Mapping[str, str]  # by the English state
    line: str  # one record: {number}, {day}, {by}, {what}
    response: str
    implemented: str  # after "response": {answer}
    accepted: str
    rejected: str
    extension: str  # {days}
    closure: str
    response_date_error: str  # {date} is the validation date
    print_header: str  # the print sheet's column of the response and its follow-up
    print_due: str  # the print sheet's due-date column of a signed validation
    print_labels: Mapping[str, str]  # before each new follow-up cell on the print sheet


ENGLISH_FOLLOWUP = FollowUpTexts(
    headers={
        "followup_history": "Follow-up so far",
        "followup_state": "Follow-up status",
        "effective_due": "Due with extensions",
        "new_response_date": "New response: received on",
        "new_response_implemented": "New response: implemented?",
        "new_response_note": "New response: what the member wrote",
        "new_decision": "Decision on the response",
        "new_decision_note": "Decision note",
        "new_extension_days": "Extension (days)",
        "new_extension_reason": "Extension reason",
        "new_close": "Close the required action",
    },
    decisions={True: "Accept", False: "Reject"},
    states={state: state for state in STATES},
    line="{number}. {day} ({by}): {what}",
    response="Response",
    implemented=", implemented: {answer}",
    accepted="Response accepted",
    rejected="Response rejected",
    extension="Extension of {days} days",
    closure="Closed",
    response_date_error="Enter the day the response was received, on or after {date}.",
    print_header="Member's response and follow-up",
    print_due="Due with extensions",
    print_labels={
        "new_response_implemented": "New response, implemented: ",
        "new_response_note": "New response: ",
        "new_decision": "Decision: ",
        "new_decision_note": "",
        "new_extension_days": "Extension (days): ",
        "new_extension_reason": "",
        "new_close": "Close: ",
    },
)

SPANISH_FOLLOWUP = FollowUpTexts(
    headers={
        "followup_history": "Seguimiento hasta ahora",
        "followup_state": "Estado del seguimiento",
        "effective_due": "Fecha límite con prórrogas",
        "new_response_date": "Nueva respuesta: recibida el",
        "new_response_implemented": "Nueva respuesta: ¿implementado?",
        "new_response_note": "Nueva respuesta: lo que escribió el socio",
        "new_decision": "Decisión sobre la respuesta",
        "new_decision_note": "Nota de la decisión",
        "new_extension_days": "Prórroga (días)",
        "new_extension_reason": "Motivo de la prórroga",
        "new_close": "Cerrar la acción requerida",
    },
    decisions={True: "Aceptar", False: "Rechazar"},
    states={
        "closed": "cerrada",
        "response accepted: to close": "respuesta aceptada: por cerrar",
        "response accepted": "respuesta aceptada",
        "response rejected: awaiting a new response": (
            "respuesta rechazada: en espera de una nueva respuesta"
        ),
        "response received: to review": "respuesta recibida: por revisar",
        "awaiting the member's response": "en espera de la respuesta del socio",
    },
    line="{number}. {day} ({by}): {what}",
    response="Respuesta",
    implemented=", implementado: {answer}",
    accepted="Respuesta aceptada",
    rejected="Respuesta rechazada",
    extension="Prórroga de {days} días",
    closure="Cerrada",
    response_date_error=(
        "Escriba el día en que se recibió la respuesta, igual o posterior a {date}."
    ),
    print_header="Respuesta del socio y seguimiento",
    print_due="Fecha límite con prórrogas",
    print_labels={
        "new_response_implemented": "Nueva respuesta, implementado: ",
        "new_response_note": "Nueva respuesta: ",
        "new_decision": "Decisión: ",
        "new_decision_note": "",
        "new_extension_days": "Prórroga (días): ",
        "new_extension_reason": "",
        "new_close": "Cerrar: ",
    },
)


@dataclass(frozen=True, slots=True)
class FollowUpEntry:
    """One follow-up record as the worksheet shows it."""

    number: int
    event: str  # response, decision, extension or closure
    day: date  # the day it was recorded
    by: str
    note: str = ""
    implemented: bool | None = None
    accepted: bool | None = None
    days: int | None = None


@dataclass(frozen=True, slots=True)
class FollowUpShown:
    """One not-met finding's follow-up after signing, as the worksheet shows it."""

    state: str  # one of STATES
    due: date | None  # the signed due date plus every extension since
    entries: tuple[FollowUpEntry, ...]
    open: bool  # takes new records now (signed, its report here, not closed)
    extendable: bool  # a required action with a due date: extended and closed


def history_text(
    entries: tuple[FollowUpEntry, ...],
    texts: FollowUpTexts,
    yes_no: Mapping[bool, str],
    day_text: Callable[[date], str],
) -> str:
    """The records so far, one a line, oldest first."""
    lines = []
    for entry in entries:
        if entry.event == "response":
            what = texts.response
            if entry.implemented is not None:
                what += texts.implemented.format(answer=yes_no[entry.implemented])
        elif entry.event == "decision":
            what = texts.accepted if entry.accepted else texts.rejected
        elif entry.event == "extension":
            what = texts.extension.format(days=entry.days)
        else:
            what = texts.closure
        if entry.note.strip():
            what += ": " + entry.note
        lines.append(
            texts.line.format(number=entry.number, day=day_text(entry.day), by=entry.by, what=what)
        )
    return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class NewFollowUp:
    """What one row's new follow-up cells say (empty: nothing to append)."""

    response_date: date | None = None
    response_implemented: bool | None = None
    response_note: str = ""
    decision: bool | None = None
    decision_note: str = ""
    extension_days: int | None = None
    extension_reason: str = ""
    close: bool = False

    @property
    def filled(self) -> bool:
        """Whether any new follow-up cell of the row holds something."""
        return self != NewFollowUp()
