"""The declared validation (records/validation.py) onto worksheet.model's Validation and
Member: the JSON view, the exchange file's head, the table's row, and back.

A field whose Validation type hint is an enumeration (Mode, Lifecycle) holds its member, a
DATE field a date, a NAMES field a tuple; JSON carries the value, the ISO date and a list,
and the table a list as JSON text (booleans come back from SQLite as 0/1).
"""

import dataclasses
import json
import typing
from collections.abc import Mapping
from datetime import date
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING, Any

from ctpat_desktop.records.declare import Type
from ctpat_desktop.records.validation import DECLARED, Detail, Home, ValidationKind, column_value
from ctpat_desktop.records.values import check as check_values

if TYPE_CHECKING:
    from ctpat_desktop.worksheet.model import Member, Validation


def _enum_of(hint: Any) -> type[Enum] | None:
    return hint if isinstance(hint, type) and issubclass(hint, Enum) else None


class ValidationMap:
    """How a validation kind's fields map onto a Validation and its Member."""

    def __init__(
        self, kind: ValidationKind, validation: type["Validation"], member: type["Member"]
    ) -> None:
        """validation: a dataclass holding id, member and each shown field of the
        validations table (and no other); member: one holding the member's columns."""
        own = tuple(d for d in kind.shown if d.home is Home.VALIDATION)
        held = {f.name for f in dataclasses.fields(validation)}
        wanted = {"id", "member", *(d.name for d in own)}
        if held != wanted:
            raise ValueError(
                f"{validation.__name__} holds {', '.join(sorted(held))}; the validation "
                f"declaration {', '.join(sorted(wanted))}"
            )
        in_member = [f.name for f in dataclasses.fields(member)]
        if in_member != [d.stored_as for d in kind.member_columns]:
            raise ValueError(f"{member.__name__} holds {', '.join(in_member)}")
        hints = typing.get_type_hints(validation)
        self.kind, self.validation, self.member, self._own = kind, validation, member, own
        self._enums = {d.name: e for d in own if (e := _enum_of(hints[d.name])) is not None}

    def _json(self, d: Detail, value: Any) -> Any:
        if d.name in self._enums:
            return value.value
        if d.field.type is Type.DATE:
            return value.isoformat()
        if d.field.type is Type.NAMES:
            return list(value)
        return value

    def _held(self, d: Detail, value: Any) -> Any:
        enum = self._enums.get(d.name)
        if enum is not None:
            return enum(value)
        if d.field.type is Type.DATE:
            return date.fromisoformat(value)
        if d.field.type is Type.NAMES:
            return tuple(value)
        if d.field.type is Type.BOOL:
            return bool(value)
        return value

    def values(self, v: "Validation") -> dict[str, Any]:
        """Its shown fields as JSON values, in declared order (the JSON view)."""
        out: dict[str, Any] = {"id": v.id}
        for d in self.kind.shown:
            if d.home is Home.MEMBER:
                out[d.name] = getattr(v.member, d.stored_as)
            else:
                out[d.name] = self._json(d, getattr(v, d.name))
        return out

    def check(self, v: "Validation") -> None:
        """RuleError unless each field holds what the declaration allows, and its rules hold
        (where a validation is stored: planned, edited, imported)."""
        values = self.values(v)
        del values["id"]
        check_values(self.kind.declaration, values, whole=True)

    def head(self, v: "Validation") -> dict[str, Any]:
        """The exchange file's head: the member's fields in an object of their own."""
        values = self.values(v)
        out: dict[str, Any] = {"id": v.id}
        for d in self.kind.shown:
            if d.home is Home.MEMBER:
                out.setdefault("member", {})[d.stored_as] = values[d.name]
            else:
                out[d.name] = values[d.name]
        return out

    def from_head(self, head: Mapping[str, Any]) -> "Validation":
        """The Validation of an exchange file's head (its schema checked), each value checked
        as if typed (a field added later may be absent: its empty value)."""
        members = self.kind.member_columns
        given = {d.name: head["member"][d.stored_as] for d in members}
        given |= {d.name: head[d.name] for d in self._own if d.name in head}
        checked = check_values(self.kind.declaration, given, whole=True)
        return self.validation(
            id=head["id"],
            member=self.member(**{d.stored_as: checked[d.name] for d in members}),
            **{d.name: self._held(d, checked[d.name]) for d in self._own},
        )

    def row(self, v: "Validation", **others: Any) -> dict[str, Any]:
        """Its columns as the validations table stores them, in their order; others: those
        a Validation does not hold (member_id, created_at)."""
        return {
            d.name: others[d.name]
            if d.name in others
            else column_value(d.field, self._json(d, getattr(v, d.name)))
            for d in self.kind.columns
            if d.name in others or d.shown
        }

    def from_row(self, row: Mapping[str, Any]) -> "Validation":
        """The Validation of a row selected with the kind's member_select()."""
        own: dict[str, Any] = {}
        for d in self._own:
            value = row[d.name]
            own[d.name] = json.loads(value) if d.field.type is Type.NAMES else value
            own[d.name] = self._held(d, own[d.name])
        member = {d.stored_as: row[f"member_{d.stored_as}"] for d in self.kind.member_columns}
        return self.validation(id=row["id"], member=self.member(**member), **own)

    def stored(self, row: Mapping[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
        """Some columns of a row, as row() gives them (SQLite keeps booleans as 0/1)."""
        by_name = self.kind.by_name
        return {n: bool(row[n]) if by_name[n].field.type is Type.BOOL else row[n] for n in names}


@cache
def validation_map() -> ValidationMap:
    """The declared validation onto worksheet.model's classes (read when first needed)."""
    from ctpat_desktop.worksheet.model import Member, Validation

    return ValidationMap(DECLARED, Validation, Member)
