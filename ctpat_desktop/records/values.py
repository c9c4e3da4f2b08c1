"""A declared record's values: checked as typed, and converted to the table, the wire, back.

One set of rules, used wherever a value enters: the service (a person typed it), an
exchange file, the hub (a laptop pushed it) and a laptop (the hub sent it).
"""

import json
import re
from collections.abc import Mapping
from datetime import date, datetime
from functools import cache
from typing import Any, NoReturn

from ctpat_desktop.errors import RuleError
from ctpat_desktop.records.declare import Declaration, Field, Item, Type, article

RECORD_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
MAX_DATES = 31  # days in one DATES field (a session spans a few)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_CONTROL_ONE_LINE = re.compile(r"[\x00-\x1f\x7f]")
# JSON value types of each field type, as the wire and the exchange file carry them.
WIRE_TYPE: dict[Type, type] = {
    Type.TEXT: str,
    Type.INT: int,
    Type.BOOL: bool,
    Type.DATE: str,
    Type.MOMENT: str,
    Type.DATES: str,  # a JSON list in a string, as a finding's reasons
    Type.CODES: str,  # likewise
    Type.NAMES: str,  # likewise
    Type.REF: str,
}
_LISTS = (Type.DATES, Type.CODES, Type.NAMES)  # a JSON list in the table and on the wire


@cache
def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text)


def _what(kind: Declaration, f: Field) -> str:
    return f"{kind.label} {f.label}"


def _bad(kind: Declaration, f: Field, value: Any, why: str) -> NoReturn:
    shown = repr(value) if len(repr(value)) < 60 else repr(value)[:57] + "..."
    raise RuleError(f"{_what(kind, f)} {shown} {why}")


def _day(kind: Declaration, f: Field, value: Any) -> str:
    try:
        if isinstance(value, str) and len(value) == 10:
            return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    _bad(kind, f, value, "is not a date (YYYY-MM-DD)")


def _check_one(kind: Declaration, f: Field, value: Any) -> Any:
    """The value checked as the field's type and limits allow; RuleError otherwise."""
    if value is None:
        if f.nullable:
            return None
        raise RuleError(f"{_what(kind, f)} may not be empty")
    if not _typed(f, value):
        _bad(kind, f, value, f"is not {_KIND_OF[f.type]}")
    if f.type is Type.TEXT:
        return _text(kind, f, value)
    if f.type is Type.INT:
        if (f.minimum is not None and value < f.minimum) or (
            f.maximum is not None and value > f.maximum
        ):
            _bad(kind, f, value, f"is not between {f.minimum} and {f.maximum}")
        if f.int_choices and value not in f.int_choices:
            _bad(kind, f, value, f"is not one of {', '.join(map(str, f.int_choices))}")
        return value
    if f.type is Type.DATE:
        return _day(kind, f, value)
    if f.type is Type.MOMENT:
        try:
            if len(value) == 16 and value[10] == "T":
                return datetime.fromisoformat(value).isoformat(timespec="minutes")
        except ValueError:
            pass
        _bad(kind, f, value, "is not a date and time (YYYY-MM-DDTHH:MM)")
    if f.type is Type.DATES:
        days = [_day(kind, f, day) for day in value]
        if len(set(days)) != len(days):
            raise RuleError(f"{_what(kind, f)}: a day is given twice")
        if len(days) > MAX_DATES:
            raise RuleError(f"{_what(kind, f)}: at most {MAX_DATES} days")
        return sorted(days)
    if f.type is Type.CODES:
        return _codes(kind, f, value)
    if f.type is Type.NAMES:
        return [_name(kind, f, name) for name in value]
    if f.type is Type.REF and not RECORD_ID.fullmatch(value):
        _bad(kind, f, value, f"is not the ID of {article(f.refers_to)} record")
    return value


def _typed(f: Field, value: object) -> bool:
    """Whether value has the field's JSON type (bool is a subclass of int: true must not
    pass as a number, nor 1 as a bool)."""
    return type(value) is (list if f.type in _LISTS else WIRE_TYPE[f.type])


_KIND_OF = {
    Type.TEXT: "text",
    Type.INT: "a whole number",
    Type.BOOL: "true or false",
    Type.DATE: "a date",
    Type.MOMENT: "a date and time",
    Type.DATES: "a list of dates",
    Type.CODES: "a list of codes",
    Type.NAMES: "a list of names",
    Type.REF: "a record ID",
}


def _codes(kind: Declaration, f: Field, value: list[Any]) -> list[str]:
    for code in value:
        if not isinstance(code, str) or (
            f.item_pattern and not _pattern(f.item_pattern).fullmatch(code)
        ):
            _bad(kind, f, code, "is not a valid code")
    if len(set(value)) != len(value):
        raise RuleError(f"{_what(kind, f)}: a code is given twice")
    return list(value)


def _name(kind: Declaration, f: Field, value: Any) -> str:
    """One name of a NAMES field: text on one line, of at most the field's length."""
    if not isinstance(value, str):
        _bad(kind, f, value, "is not text")
    return _text(kind, f, value)


def _text(kind: Declaration, f: Field, value: str) -> str:
    if len(value) > f.max_length:
        raise RuleError(f"{_what(kind, f)} is longer than {f.max_length} characters")
    if (_CONTROL if f.multiline else _CONTROL_ONE_LINE).search(value):
        where = "control characters" if f.multiline else "line breaks or control characters"
        raise RuleError(f"{_what(kind, f)} contains {where}")
    if value and f.choices and value not in f.choices:
        _bad(kind, f, value, f"is not one of {', '.join(f.choices)}")
    if value and f.pattern and not _pattern(f.pattern).fullmatch(value):
        _bad(kind, f, value, "is not valid")
    return value


def check(kind: Declaration, values: Mapping[str, Any], *, whole: bool) -> dict[str, Any]:
    """The values checked field by field; whole: a whole record (fields not given take
    their empty value, required ones must be there, the kind's own rules run)."""
    unknown = set(values) - set(kind.by_name)
    if unknown:
        raise RuleError(f"{kind.a} has no {', '.join(sorted(unknown))}")
    checked = {name: _check_one(kind, kind.by_name[name], v) for name, v in values.items()}
    if not whole:
        return checked
    record = {f.name: checked.get(f.name, f.empty()) for f in kind.fields}
    for f in kind.fields:
        if f.required and record[f.name] in ("", None, []):
            raise RuleError(f"{kind.a} needs its {f.label}")
    for rule in kind.rules:
        rule(record)
    return record


def from_text(kind: Declaration, f: Field, text: str | list[str]) -> Any:
    """A value typed on the command line, as the field holds it (RuleError if it cannot)."""
    if isinstance(text, list):  # a repeated option (DATES, CODES)
        return [item.strip() for item in text]
    if f.type is Type.INT:
        try:
            return int(text)
        except ValueError:
            _bad(kind, f, text, "is not a whole number")
    if f.type is Type.BOOL:
        if text not in ("yes", "no"):
            _bad(kind, f, text, "is not yes or no")
        return text == "yes"
    if f.type in _LISTS:
        return [text.strip()]
    return text.strip() if f.type is not Type.TEXT or not f.multiline else text


# The table and the wire -----------------------------------------------------------------


def to_row(kind: Declaration, values: Mapping[str, Any]) -> dict[str, Any]:
    """Values as the table stores them (a DATES or CODES list as JSON text)."""
    return {
        name: json.dumps(v) if kind.by_name[name].type in _LISTS else v
        for name, v in values.items()
    }


def from_row(kind: Declaration, row: Mapping[str, Any]) -> dict[str, Any]:
    """A table row's values (SQLite keeps booleans as 0/1 and a list as JSON text)."""
    values: dict[str, Any] = {}
    for f in kind.fields:
        value = row[f.name]
        if f.type in _LISTS:
            value = json.loads(value)
        elif f.type is Type.BOOL and value is not None:
            value = bool(value)
        values[f.name] = value
    return values


def item_from_row(kind: Declaration, row: Mapping[str, Any]) -> Item:
    """A stored record."""
    return Item(
        kind,
        row["id"],
        row[kind.scope],
        from_row(kind, row),
        row["rev"],
        row["updated_at"],
        row["updated_by"],
    )


def wire_types(kind: Declaration) -> dict[str, tuple[type, bool]]:
    """The sync protocol's field types (JSON type, nullable) of the kind's synced fields."""
    types: dict[str, tuple[type, bool]] = {kind.scope: (str, False)}
    types |= {f.name: (WIRE_TYPE[f.type], f.nullable) for f in kind.synced_fields}
    return types


def wire_added(kind: Declaration) -> dict[str, Any]:
    """Fields added after the kind first synced, with the value a record made without them has."""
    return {f.name: to_row(kind, {f.name: f.empty()})[f.name] for f in kind.fields if f.added}


def _wire_list(kind: Declaration, f: Field, value: Any) -> list[Any]:
    """A list field's JSON text as the list it holds."""
    try:
        items = json.loads(value) if isinstance(value, str) else None
    except (ValueError, RecursionError):
        items = None
    if not isinstance(items, list):
        what = "dates" if f.type is Type.DATES else "codes"
        raise RuleError(f"{_what(kind, f)} must be a JSON list of {what}")
    return items


def wire_value(kind: Declaration, f: Field, value: Any) -> Any:
    """One synced field's value checked as if typed (a list arrives as JSON text)."""
    return _check_one(kind, f, _wire_list(kind, f, value) if f.type in _LISTS else value)


def check_wire(kind: Declaration, fields: Mapping[str, Any]) -> dict[str, Any]:
    """A synced record's fields checked as if typed (the hub's push, a laptop's pull)."""
    values = {name: fields[name] for name in fields if name != kind.scope}
    for name, value in values.items():
        f = kind.by_name.get(name)
        if f is not None and f.type in _LISTS:
            values[name] = _wire_list(kind, f, value)
    scope = fields.get(kind.scope)
    if not isinstance(scope, str) or not RECORD_ID.fullmatch(scope):
        raise RuleError(f"{kind.a} must name its validation")
    return check(kind, values, whole=True)
