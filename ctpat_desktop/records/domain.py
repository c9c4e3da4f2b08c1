"""A declared kind's domain object (a Finding) to and from JSON values and table rows.

The conversions follow from the declaration and the class's type hints: a field whose
hint is an enumeration (FindingStatus) holds its member, a DATE field a date, a CODES field
a tuple; JSON carries the enumeration's value, the ISO date and a list, and the table a
CODES list as JSON text (booleans come back from SQLite as 0/1).
"""

import dataclasses
import json
import operator
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date
from enum import Enum
from typing import Any, Generic, TypeVar

from ctpat_desktop.records.declare import Declaration, Type

Convert = Callable[[Any], Any] | None  # None: the value as it is
T = TypeVar("T")


def _enum_of(hint: Any) -> type[Enum] | None:
    """The enumeration a type hint names (alone or with None)."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        found = [_enum_of(arg) for arg in typing.get_args(hint)]
        return next((e for e in found if e is not None), None)
    return hint if isinstance(hint, type) and issubclass(hint, Enum) else None


def field_enum(cls: type, name: str) -> type[Enum] | None:
    """The enumeration a dataclass's field holds (alone or with None), if it holds one."""
    return _enum_of(typing.get_type_hints(cls)[name])


# One call per value (a finding save converts every field twice): None, and "" as an empty
# cell once was, stay None.


def _enum_value(member: Enum | None) -> Any:
    return None if member is None else member.value


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _bool(value: Any) -> bool | None:
    return None if value is None else bool(value)


def _codes(text: str) -> tuple[Any, ...]:
    return () if text == "[]" else tuple(json.loads(text))  # most lists are empty


def _codes_text(codes: tuple[Any, ...]) -> str:
    return json.dumps(codes) if codes else "[]"


def _member_or_none(enum: type[Enum]) -> Callable[[Any], Any]:
    return lambda value: enum(value) if value else None


class Mapper(Generic[T]):
    """How one declared kind maps onto its domain class."""

    def __init__(self, kind: Declaration, cls: type[T]) -> None:
        """cls: a dataclass with exactly the declared fields, in declared order."""
        declared = [f.name for f in kind.fields]
        held = [f.name for f in dataclasses.fields(cls)]  # type: ignore[arg-type]
        if held != declared:  # a field added to one and not the other, or out of order
            raise ValueError(
                f"{cls.__name__} holds {', '.join(held)}; the {kind.name} declaration "
                f"{', '.join(declared)}"
            )
        hints = typing.get_type_hints(cls)
        self.kind, self.cls = kind, cls
        to_json: list[tuple[str, Convert]] = []
        from_json: list[tuple[str, Convert]] = []
        to_row: list[tuple[str, Convert]] = []
        from_row: list[tuple[str, Convert]] = []
        for f in kind.fields:
            enum = _enum_of(hints[f.name])
            out: Convert = None
            back: Convert = None
            if enum is not None:
                out, back = _enum_value, _member_or_none(enum) if f.nullable else enum
            elif f.type is Type.DATE:
                out, back = _iso, _day
            elif f.type in (Type.CODES, Type.DATES, Type.NAMES):
                out, back = list, tuple
            to_json.append((f.name, out))
            from_json.append((f.name, back))
            if f.type in (Type.CODES, Type.DATES, Type.NAMES):
                to_row.append((f.name, _codes_text))
                from_row.append((f.name, _codes))
            else:
                to_row.append((f.name, out))
                from_row.append((f.name, _bool if f.type is Type.BOOL else back))
        self._to_json, self._from_json = tuple(to_json), tuple(from_json)
        self._to_row, self._from_row = tuple(to_row), tuple(from_row)
        self._empty = {f.name: f.empty() for f in kind.fields}
        self._get = operator.attrgetter(*declared)

    def _fields(self, obj: T) -> tuple[Any, ...]:
        held = self._get(obj)
        return held if isinstance(held, tuple) and len(self._to_json) > 1 else (held,)

    def values(self, obj: T) -> dict[str, Any]:
        """Its declared fields as JSON values, in declared order."""
        return {
            name: convert(value) if convert else value
            for (name, convert), value in zip(self._to_json, self._fields(obj), strict=True)
        }

    def from_values(self, values: Mapping[str, Any]) -> T:
        """The object of JSON values (a field added later may be absent: its empty value);
        ValueError for a value its type refuses (a date like 2026-02-30)."""
        given = [
            (values.get(name, self._empty[name]), convert) for name, convert in self._from_json
        ]
        return self.cls(*[convert(value) if convert else value for value, convert in given])

    def row(self, obj: T) -> dict[str, Any]:
        """Its declared fields as the table stores them."""
        return {
            name: convert(value) if convert else value
            for (name, convert), value in zip(self._to_row, self._fields(obj), strict=True)
        }

    def replaced(self, obj: T, changes: Mapping[str, Any]) -> T:
        """obj with the fields named in changes replaced: what dataclasses.replace gives,
        in about a third of its time (a finding save replaces twice)."""
        if not changes:
            return obj
        return self.cls(
            *[
                changes.get(name, value)
                for (name, _), value in zip(self._to_row, self._fields(obj), strict=True)
            ]
        )

    def row_changes(self, old: T, new: T) -> dict[str, list[Any]]:
        """The fields in which new differs from old, each as [old, new] table values, in
        declared order; only those are converted."""
        return {
            name: [convert(was), convert(now)] if convert else [was, now]
            for (name, convert), was, now in zip(
                self._to_row, self._fields(old), self._fields(new), strict=True
            )
            if was is not now and was != now
        }

    def from_row(self, row: Mapping[str, Any]) -> T:
        """The object of a table row (its declared columns)."""
        return self.cls(
            *[convert(row[name]) if convert else row[name] for name, convert in self._from_row]
        )
