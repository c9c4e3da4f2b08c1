"""A declared kind in JSON documents: `validation show --json`, the exchange file and its
JSON Schema, all derived from the declaration."""

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ctpat_desktop.records.declare import Declaration, Field, Item, Type
from ctpat_desktop.records.values import MAX_DATES, check

MAX_ITEMS = 2000  # records of one kind in one exchange file
_UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
_DATE = {"$ref": "#/$defs/date"}
_MOMENT = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}$"


def item_view(item: Item) -> dict[str, Any]:
    """One record as `--json` prints it and the exchange file carries it."""
    values = {name: list(v) if isinstance(v, list) else v for name, v in item.values.items()}
    head = {"id": item.id} if item.kind.carries_id else {}
    return {**head, **values, "updated_at": item.updated_at, "updated_by": item.updated_by}


def kind_view(kind: Declaration, items: Sequence[Item]) -> Any:
    """A validation's records of one kind: a list, or the one record (None) of a single kind."""
    if kind.single:
        return item_view(items[0]) if items else None
    return [item_view(i) for i in items]


def item_line(kind: Declaration, view: Mapping[str, Any]) -> str:
    """One record on one line of text: its first field, then the others given."""
    parts = []
    for f in kind.fields[1:]:
        value = view.get(f.name)
        if value in ("", None, []):
            continue
        shown = ", ".join(value) if isinstance(value, list) else str(value)
        shown = " ".join(shown.split())  # a note's line breaks, on one line
        parts.append(f"{f.label} {shown[:57] + '...' if len(shown) > 60 else shown}")
    head = f"{view.get(kind.title.name)} [{str(view.get('id'))[:8]}]"
    return "; ".join([head, *parts])


def items_of(kind: Declaration, document: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The items of one kind in an exchange document (none in a file of an older version)."""
    found = document.get(kind.key)
    if found is None:
        return []
    return [found] if kind.single else list(found)


def values_of(kind: Declaration, item: Mapping[str, Any]) -> dict[str, Any]:
    """An exchange item's values, checked as if typed (RuleError)."""
    given = {f.name: item[f.name] for f in kind.fields if f.name in item}
    return check(kind, given, whole=True)


# The JSON Schema of the exchange file ---------------------------------------------------


def _field_schema(f: Field) -> dict[str, Any]:
    nullable = ["null"] if f.nullable else []
    if f.type is Type.TEXT and f.choices and f.nullable:
        return {"enum": [None, *f.choices]}
    if f.type is Type.INT and f.int_choices:
        return {"enum": [*([None] if f.nullable else []), *f.int_choices]}
    if f.type is Type.CODES:
        code: dict[str, Any] = {"type": "string"}
        code |= {"pattern": f"^({f.item_pattern})$"} if f.item_pattern else {}
        return {"type": "array", "items": code, "uniqueItems": True}
    if f.type is Type.TEXT:
        text: dict[str, Any] = {"type": "string", "maxLength": f.max_length}
        if f.choices:
            text["enum"] = [*f.choices] if f.required else ["", *f.choices]
        if f.pattern:
            text["pattern"] = f"^({f.pattern})$" if f.required else f"^({f.pattern})?$"
        return text
    if f.type is Type.INT:
        number: dict[str, Any] = {"type": ["integer", *nullable] if nullable else "integer"}
        number |= {"minimum": f.minimum} if f.minimum is not None else {}
        return number | ({"maximum": f.maximum} if f.maximum is not None else {})
    if f.type is Type.BOOL:
        return {"type": ["boolean", *nullable] if nullable else "boolean"}
    if f.type is Type.DATE:
        return {"anyOf": [{"type": "null"}, _DATE]} if f.nullable else dict(_DATE)
    if f.type is Type.DATES:
        return {"type": "array", "items": _DATE, "uniqueItems": True, "maxItems": MAX_DATES}
    if f.type is Type.NAMES:
        return {"type": "array", "items": {"type": "string", "maxLength": f.max_length}}
    pattern = _MOMENT if f.type is Type.MOMENT else _UUID
    return {"type": ["string", *nullable] if nullable else "string", "pattern": pattern}


def item_schema(kind: Declaration) -> dict[str, Any]:
    """The JSON Schema of one exchange item (fields added later may be absent)."""
    properties: dict[str, Any] = {}
    properties |= {"id": {"type": "string", "pattern": _UUID}} if kind.carries_id else {}
    properties |= {f.name: _field_schema(f) for f in kind.fields}
    properties |= {
        "updated_at": {"$ref": "#/$defs/stamp"},
        "updated_by": {"type": "string", "maxLength": 120},
    }
    required = [*(["id"] if kind.carries_id else [])]
    required += [*(f.name for f in kind.fields if not f.added), "updated_at", "updated_by"]
    return {
        "type": ["object", "null"] if kind.single else "object",
        "required": required,
        "additionalProperties": False,
        "properties": properties,
    }


def kind_schema(kind: Declaration) -> dict[str, Any]:
    """The schema of a kind's key in the exchange file (absent in files of older versions,
    unless the kind is in every file)."""
    described = kind.summary
    described += "" if kind.in_every_file else "; absent in files of older versions"
    if kind.single:
        return {"description": described} | item_schema(kind)
    return {
        "description": described,
        "type": "array",
        "maxItems": MAX_ITEMS,
        "items": item_schema(kind),
    }


def write_schema(path: Path, kinds: Iterable[Declaration]) -> bool:
    """Bring the exchange file's schema up to the declarations; whether it changed."""
    schema = json.loads(path.read_text(encoding="utf-8"))
    before = json.dumps(schema, sort_keys=True)
    for kind in kinds:
        schema["properties"][kind.key] = kind_schema(kind)
    if json.dumps(schema, sort_keys=True) == before:
        return False
    path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return True
