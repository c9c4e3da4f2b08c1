"""The audit trail as people read it: events turned into rows and words, filters, CSV
export. Plain Python; the audit window shows it.

The words (field names, stored codes, the phrases around them) come from an AuditWords:
PLAIN_WORDS gives them in plain English; the window passes its own, in its language
(ctpat_desktop/ui/audit_words.py)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ctpat_desktop.app import AppContext

NOTHING = "—"
ARROW = "→"
VALUE_LIMIT = 48
# Stored as codes such as "not-met"; shown as words.
_VOCABULARY_FIELDS = frozenset({"status", "verified", "mode", "entity", "reasons", "kept"})
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class AuditWords:
    """The words audit rows are made of, in plain English; a subclass says them in another
    language. Every method gets what is stored (a field's name, a code) and returns the
    text shown; what a subclass does not know it leaves to these."""

    def field(self, name: str) -> str:
        """A stored field's name: "catalog_version" → "catalog version"."""
        return name.replace("_", " ")

    def value(self, field: str, text: str) -> str:
        """One stored text of a field: a code ("not-met", "in-person") as words, anything
        else (a note, a name, a date) as it is."""
        return text.replace("-", " ") if field in _VOCABULARY_FIELDS else text

    def yes_no(self, value: bool) -> str:
        """A stored true or false."""
        return "yes" if value else "no"

    def kind(self, kind: str) -> str:
        """The kind of record changed: finding, validation, member, evidence, report."""
        return kind

    def action(self, action: str) -> str:
        """What an event did ("create", "approval withdrawn")."""
        return action

    def finding(self, criterion: str) -> str:
        """The What of a finding's event: "finding 4.8"."""
        return f"finding {criterion}"

    def record(self, kind: str, record_id: str) -> str:
        """The What of any other event: "validation b8cdcfac"."""
        return f"{self.kind(kind)} {record_id}"

    def change(self, field: str, old: str, new: str) -> str:
        """One changed field: "status: met → not met" (field and values already in words)."""
        return f"{field}: {old} {ARROW} {new}"

    def fact(self, field: str, value: str) -> str:
        """A field recorded as it is, not changed: "criterion: 4.8"."""
        return f"{field}: {value}"

    def took_theirs(self, field: str, mine: str, theirs: str, by: str) -> str:
        """A sync conflict settled with the hub's value."""
        return f"{field}: {mine} {ARROW} {theirs} (took the hub's, by {by})"

    def kept_mine(self, field: str, mine: str, theirs: str, by: str) -> str:
        """A sync conflict settled with this laptop's value."""
        return f"{field}: kept {mine}; set aside {theirs} (by {by})"

    def the_hub(self) -> str:
        """Who changed a conflicting value when the event does not say."""
        return "the hub"

    def no_change(self) -> str:
        """An event whose changes show nothing different."""
        return "no visible change"

    def unlisted_validation(self, short_id: str) -> str:
        """The name of a validation the store no longer lists."""
        return f"Validation {short_id} (no longer listed)"

    def csv_headers(self) -> tuple[str, ...]:
        """The CSV export's header row."""
        return (
            "Event",
            "When (local)",
            "When (UTC)",
            "Who",
            "Action",
            "Kind",
            "Record",
            "Validation",
            "What",
            f"Old {ARROW} New",
        )


PLAIN_WORDS = AuditWords()


@dataclass(frozen=True, slots=True)
class AuditRow:
    """One audit event as shown: its words worked out once, when the trail is read."""

    seq: int
    at: str
    when: str
    day: date | None
    actor: str
    action: str
    kind: str
    record_id: str
    validation_id: str | None
    what: str
    changes: str
    search_text: str


@dataclass(frozen=True, slots=True)
class AuditTrail:
    """Everything the window shows, read in one go off the GUI thread."""

    rows: tuple[AuditRow, ...]
    verdict: Mapping[str, Any]
    validations: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """What the rows are narrowed to; None (or empty text) lets everything through."""

    validation_id: str | None = None
    actor: str | None = None
    action: str | None = None
    text: str = ""
    start: date | None = None
    end: date | None = None

    def accepts(self, row: AuditRow) -> bool:
        """Whether a row passes every filter."""
        if self.validation_id is not None and row.validation_id != self.validation_id:
            return False
        if self.actor is not None and row.actor != self.actor:
            return False
        if self.action is not None and row.action != self.action:
            return False
        if self.start is not None and (row.day is None or row.day < self.start):
            return False
        if self.end is not None and (row.day is None or row.day > self.end):
            return False
        return not self.text or self.text.casefold() in row.search_text


def elide(text: str, limit: int | None) -> str:
    """Text cut to limit characters with an ellipsis, on one line (limit None: all of it)."""
    if limit is None:
        return text
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def value_text(field: str, value: Any, words: AuditWords = PLAIN_WORDS) -> str:
    """A stored value in words: codes as words, yes/no, lists joined, nothing as a dash."""
    if value is None or value in ("", []):
        return NOTHING
    if isinstance(value, bool):
        return words.yes_no(value)
    if isinstance(value, str) and value.startswith("["):
        try:
            parsed = json.loads(value)
        except ValueError:
            parsed = None
        if isinstance(parsed, list):
            return value_text(field, parsed, words)
    if isinstance(value, list):
        return ", ".join(value_text(field, item, words) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return words.value(field, str(value))


def _is_change(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2


def _resolve_lines(
    kept: Any, fields: Mapping[str, Any], limit: int | None, words: AuditWords
) -> list[str]:
    lines = []
    for field, settled in fields.items():
        label = words.field(field)
        if not isinstance(settled, dict) or not {"mine", "theirs"} <= settled.keys():
            lines.append(words.fact(label, elide(value_text(field, settled, words), limit)))
            continue
        mine = elide(value_text(field, settled["mine"], words), limit)
        theirs = elide(value_text(field, settled["theirs"], words), limit)
        by = str(settled.get("by") or words.the_hub())
        if kept == "theirs":
            lines.append(words.took_theirs(label, mine, theirs, by))
        else:
            lines.append(words.kept_mine(label, mine, theirs, by))
    return lines


def _parsed(changes: str) -> Any:
    try:
        return json.loads(changes)
    except ValueError:
        return changes  # not JSON (the row was tampered with): shown as it is


def change_lines(
    kind: str, changes: str, limit: int | None = VALUE_LIMIT, words: AuditWords = PLAIN_WORDS
) -> list[str]:
    """One line per changed field, "status: met → not met"; values cut to limit characters.

    Most events store field -> [old, new]; others add plain values (a criterion, a reason)
    or, for a settled sync conflict, {"kept": …, "fields": {field: {mine, theirs, by}}}.
    """
    return _lines(kind, _parsed(changes), limit, words)


def _lines(kind: str, data: Any, limit: int | None, words: AuditWords) -> list[str]:
    if isinstance(data, str):
        return [elide(data, limit)]
    if not isinstance(data, dict):
        return [elide(value_text("", data, words), limit)]
    if isinstance(data.get("fields"), dict) and "kept" in data:
        return _resolve_lines(data["kept"], data["fields"], limit, words)
    lines = []
    # The status first: it is what a reader looks for; the rest as stored.
    for field, value in sorted(data.items(), key=lambda item: item[0] != "status"):
        if field == "criterion" and kind == "finding":
            continue  # shown in the What column
        if _is_change(value):
            old, new = value_text(field, value[0], words), value_text(field, value[1], words)
            if old != new:
                lines.append(words.change(words.field(field), elide(old, limit), elide(new, limit)))
        else:
            lines.append(
                words.fact(words.field(field), elide(value_text(field, value, words), limit))
            )
    return lines or [words.no_change()]


def what_text(kind: str, record_id: str, data: Any, words: AuditWords = PLAIN_WORDS) -> str:
    """The changed record: a finding by its criterion, anything else by a short ID."""
    criterion: Any = data.get("criterion") if isinstance(data, dict) else None
    if _is_change(criterion):
        criterion = criterion[1]
    if kind == "finding" and criterion:
        return words.finding(str(criterion))
    return words.record(kind, record_id[:8])


def local_time(at: str) -> tuple[str, date | None]:
    """A stored UTC time as local time to the second, and its local day."""
    try:
        moment = datetime.fromisoformat(at).astimezone()
    except ValueError:
        return at, None
    return moment.replace(tzinfo=None).isoformat(" ", "seconds"), moment.date()


def audit_row(event: Mapping[str, Any], words: AuditWords = PLAIN_WORDS) -> AuditRow:
    """One event of the store as a row, its What and search text in words."""
    kind, changes = str(event["kind"]), str(event["changes"])
    data = _parsed(changes)
    what = what_text(kind, str(event["record_id"]), data, words)
    when, day = local_time(str(event["at"]))
    return AuditRow(
        seq=int(event["seq"]),
        at=str(event["at"]),
        when=when,
        day=day,
        actor=str(event["actor"]),
        action=str(event["action"]),
        kind=kind,
        record_id=str(event["record_id"]),
        validation_id=event["validation_id"],
        what=what,
        changes=changes,
        search_text="\n".join([what, *_lines(kind, data, None, words)]).casefold(),
    )


def load_audit_trail(ctx: AppContext, words: AuditWords = PLAIN_WORDS) -> AuditTrail:
    """Read the events, the chain's verdict and the validations' names (off the GUI thread)."""
    from ctpat_desktop.services import audit_io

    store = ctx.store
    rows = tuple(audit_row(e, words) for e in store.audit_events())
    verdict = audit_io.verify(ctx)
    named = {
        s.validation.id: f"{s.validation.member.name} — {s.validation.date.isoformat()}"
        for s in store.list_validations()
    }
    for row in rows:
        if row.validation_id and row.validation_id not in named:
            named[row.validation_id] = words.unlisted_validation(row.validation_id[:8])
    ordered = sorted(named.items(), key=lambda item: item[1].casefold())
    return AuditTrail(rows, verdict, tuple(ordered))


CSV_HEADERS = PLAIN_WORDS.csv_headers()


def _csv_cell(value: Any) -> str:
    text = "" if value is None else str(value)
    # A spreadsheet would run text such as "=HYPERLINK(…)" as a formula.
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_audit_csv(
    path: Path,
    rows: Iterable[AuditRow],
    validations: Mapping[str, str],
    words: AuditWords = PLAIN_WORDS,
) -> int:
    """Write rows as CSV (UTF-8 with BOM, as spreadsheets expect); the number written.

    The rows' What must be in the same words (load_audit_trail with the same words)."""
    written = 0
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8-sig", newline="") as stream:
        out = csv.writer(stream)
        out.writerow(words.csv_headers())
        for row in rows:
            validation = validations.get(row.validation_id or "", row.validation_id or "")
            values = (
                row.seq,
                row.when,
                row.at,
                row.actor,
                words.action(row.action),
                words.kind(row.kind),
                row.record_id,
                validation,
                row.what,
                "\n".join(change_lines(row.kind, row.changes, None, words)),
            )
            out.writerow([_csv_cell(v) for v in values])
            written += 1
    tmp.replace(path)
    return written
