"""The audit trail as people read it: events turned into rows and words, filters, the
chain's verdict in a sentence, CSV export. Plain Python; the audit window shows it."""

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


def value_text(field: str, value: Any) -> str:
    """A stored value in words: codes as words, yes/no, lists joined, nothing as a dash."""
    if value is None or value in ("", []):
        return NOTHING
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and value.startswith("["):
        try:
            parsed = json.loads(value)
        except ValueError:
            parsed = None
        if isinstance(parsed, list):
            return value_text(field, parsed)
    if isinstance(value, list):
        return ", ".join(value_text(field, item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = str(value)
    return text.replace("-", " ") if field in _VOCABULARY_FIELDS else text


def _label(field: str) -> str:
    return field.replace("_", " ")


def _is_change(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2


def _resolve_lines(kept: Any, fields: Mapping[str, Any], limit: int | None) -> list[str]:
    lines = []
    for field, settled in fields.items():
        if not isinstance(settled, dict) or not {"mine", "theirs"} <= settled.keys():
            lines.append(f"{_label(field)}: {elide(value_text(field, settled), limit)}")
            continue
        mine = elide(value_text(field, settled["mine"]), limit)
        theirs = elide(value_text(field, settled["theirs"]), limit)
        by = settled.get("by") or "the hub"
        if kept == "theirs":
            lines.append(f"{_label(field)}: {mine} {ARROW} {theirs} (took the hub's, by {by})")
        else:
            lines.append(f"{_label(field)}: kept {mine}; set aside {theirs} (by {by})")
    return lines


def _parsed(changes: str) -> Any:
    try:
        return json.loads(changes)
    except ValueError:
        return changes  # not JSON (the row was tampered with): shown as it is


def change_lines(kind: str, changes: str, limit: int | None = VALUE_LIMIT) -> list[str]:
    """One line per changed field, "status: met → not met"; values cut to limit characters.

    Most events store field -> [old, new]; others add plain values (a criterion, a reason)
    or, for a settled sync conflict, {"kept": …, "fields": {field: {mine, theirs, by}}}.
    """
    return _lines(kind, _parsed(changes), limit)


def _lines(kind: str, data: Any, limit: int | None) -> list[str]:
    if isinstance(data, str):
        return [elide(data, limit)]
    if not isinstance(data, dict):
        return [elide(value_text("", data), limit)]
    if isinstance(data.get("fields"), dict) and "kept" in data:
        return _resolve_lines(data["kept"], data["fields"], limit)
    lines = []
    # The status first: it is what a reader looks for; the rest as stored.
    for field, value in sorted(data.items(), key=lambda item: item[0] != "status"):
        if field == "criterion" and kind == "finding":
            continue  # shown in the What column
        if _is_change(value):
            old, new = value_text(field, value[0]), value_text(field, value[1])
            if old != new:
                lines.append(f"{_label(field)}: {elide(old, limit)} {ARROW} {elide(new, limit)}")
        else:
            lines.append(f"{_label(field)}: {elide(value_text(field, value), limit)}")
    return lines or ["no visible change"]


def what_text(kind: str, record_id: str, data: Any) -> str:
    """The changed record: a finding by its criterion, anything else by a short ID."""
    criterion: Any = data.get("criterion") if isinstance(data, dict) else None
    if _is_change(criterion):
        criterion = criterion[1]
    if kind == "finding" and criterion:
        return f"finding {criterion}"
    return f"{kind} {record_id[:8]}"


def local_time(at: str) -> tuple[str, date | None]:
    """A stored UTC time as local time to the second, and its local day."""
    try:
        moment = datetime.fromisoformat(at).astimezone()
    except ValueError:
        return at, None
    return moment.replace(tzinfo=None).isoformat(" ", "seconds"), moment.date()


def audit_row(event: Mapping[str, Any]) -> AuditRow:
    """One event of the store as a row."""
    kind, changes = str(event["kind"]), str(event["changes"])
    data = _parsed(changes)
    what = what_text(kind, str(event["record_id"]), data)
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
        search_text="\n".join([what, *_lines(kind, data, None)]).casefold(),
    )


def load_audit_trail(ctx: AppContext) -> AuditTrail:
    """Read the events, the chain's verdict and the validations' names (off the GUI thread)."""
    from ctpat_desktop.services import audit_io

    store = ctx.store
    rows = tuple(audit_row(e) for e in store.audit_events())
    verdict = audit_io.verify(ctx)
    named = {
        s.validation.id: f"{s.validation.member.name} — {s.validation.date.isoformat()}"
        for s in store.list_validations()
    }
    for row in rows:
        if row.validation_id and row.validation_id not in named:
            named[row.validation_id] = f"Validation {row.validation_id[:8]} (no longer listed)"
    ordered = sorted(named.items(), key=lambda item: item[1].casefold())
    return AuditTrail(rows, verdict, tuple(ordered))


def chain_message(verdict: Mapping[str, Any]) -> str:
    """The verdict on the hash chain in words."""
    if verdict["ok"]:
        count = int(verdict["events"])
        if count == 0:
            return "Audit trail intact: no events recorded yet"
        noun = "event" if count == 1 else "events"
        text = f"Audit trail intact: {count:,} {noun}, each chained to the one before"
        checked = ", ".join(str(a["where"]) for a in verdict.get("anchors", ()))
        return text + (f"; none missing since {checked}" if checked else "")
    first = verdict["first_break"]
    seq = int(first["seq"])
    text = f"Broken at event {seq}: {first['problem']}."
    if seq > 1:
        text += f" Events 1 to {seq - 1} check out; do not trust the trail from {seq} on."
    return text


CSV_HEADERS = (
    "Event",
    "When (local)",
    "When (UTC)",
    "Who",
    "Action",
    "Kind",
    "Record",
    "Validation",
    "What",
    "Old → New",
)


def _csv_cell(value: Any) -> str:
    text = "" if value is None else str(value)
    # A spreadsheet would run text such as "=HYPERLINK(…)" as a formula.
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_audit_csv(path: Path, rows: Iterable[AuditRow], validations: Mapping[str, str]) -> int:
    """Write rows as CSV (UTF-8 with BOM, as spreadsheets expect); the number written."""
    written = 0
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8-sig", newline="") as stream:
        out = csv.writer(stream)
        out.writerow(CSV_HEADERS)
        for row in rows:
            validation = validations.get(row.validation_id or "", row.validation_id or "")
            values = (
                row.seq,
                row.when,
                row.at,
                row.actor,
                row.action,
                row.kind,
                row.record_id,
                validation,
                row.what,
                "\n".join(change_lines(row.kind, row.changes, None)),
            )
            out.writerow([_csv_cell(v) for v in values])
            written += 1
    tmp.replace(path)
    return written
