"""The validation itself, declared once: its fields, who changes each, where each lives.

From DETAILS follow (ValidationKind) the store's INSERT and UPDATE columns, the exchange
file's head schema, the sync protocol's fields and the meaning check of a synced validation,
and the options of `validation new`/`validation edit`; and (records/validation_map.py) the
store's row reading, the JSON view and the exchange file's head. A validation is not one of
a validation's records (records/declare.py's kinds): it is the record they belong to, names
its member's record and moves through the lifecycle; so its shapes are derived here, with
the checks of records/values.py. Plain Python: no SQLAlchemy, no Qt, no worksheet.
"""

import argparse
import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from ctpat_desktop.errors import RuleError
from ctpat_desktop.records.declare import Declaration, Field, Type, article
from ctpat_desktop.records.values import WIRE_TYPE, from_text
from ctpat_desktop.records.values import check as check_values

# worksheet.model's Mode and Lifecycle (tests/records/test_validation_declaration.py holds
# them equal); the account as sync/meaning.py's ACCOUNT.
MODES = ("virtual", "in-person", "hybrid")
STATUSES = ("planned", "in-progress", "in-review", "approved", "signed")
ACCOUNT_PATTERN = "[A-Za-z0-9][A-Za-z0-9-]{2,31}"
STAMPS = ("updated_at",)  # the bookkeeping the validations table keeps (no updated_by)


class Edit(StrEnum):
    """Who changes a field once the validation is planned, and how."""

    DETAILS = "details"  # the SCSS: `validation edit`, the details form (while unsigned)
    CATALOG = "catalog"  # with the catalog it pins: before any finding, or by upgrade-catalog
    LIFECYCLE = "lifecycle"  # the lifecycle's moves only (worksheet/lifecycle.py)
    NEVER = "never"  # written when it is planned


class Home(StrEnum):
    """Where a field is stored."""

    VALIDATION = "validations"
    MEMBER = "members"  # the member's record, which the validation names (member_id)


@dataclass(frozen=True, slots=True)
class Detail:
    """One field of the validation: its Field (type, limits, label, option; Field.synced:
    carried by the validation's sync Kind) and how it is kept."""

    field: Field
    edit: Edit
    home: Home = Home.VALIDATION
    column: str = ""  # its column in its home, when not the field's name
    shown: bool = True  # in the JSON view and the exchange file's head
    typed: bool = True  # a person gives it (an option of `validation new`/`edit`)
    planned: bool = True  # given when planned (`validation new`), not only by an edit
    fixed: bool = False  # the hub refuses a change to it once made
    fallback: str = ""  # what `validation new` takes when it is not given
    help: str = ""  # the option's help, when not the field's label

    @property
    def name(self) -> str:
        """The field's name."""
        return self.field.name

    @property
    def stored_as(self) -> str:
        """Its column in its home table."""
        return self.column or self.field.name


def _https_link(values: Mapping[str, Any]) -> None:
    link = values.get("webex_url")
    if link and not str(link).lower().startswith("https://"):
        raise RuleError("a WebEx link must start with https://")


_LINE = 200  # a name on one line

DETAILS: tuple[Detail, ...] = (
    Detail(
        # The member's fields travel in its own record (sync's member kind), not the validation's.
        Field("member", Type.TEXT, "member", required=True, max_length=_LINE, synced=False),
        Edit.DETAILS,
        home=Home.MEMBER,
        column="name",
        help="member company name",
    ),
    Detail(
        Field(
            "account",
            Type.TEXT,
            "CTPAT account number",
            required=True,
            pattern=ACCOUNT_PATTERN,
            max_length=32,
            synced=False,
        ),
        Edit.DETAILS,
        home=Home.MEMBER,
    ),
    # Follows the account: the member record of that account number (any record ID on the
    # wire: a hub's members may be named otherwise than a laptop's).
    Detail(
        Field("member_id", Type.TEXT, "member record", max_length=64),
        Edit.DETAILS,
        shown=False,
        typed=False,
        fixed=True,
    ),
    Detail(
        Field(
            "entity",
            Type.TEXT,
            "entity type",
            required=True,
            pattern="[a-z][a-z0-9-]*",
            max_length=40,
        ),
        Edit.CATALOG,
        help="entity type (see `catalog list`; changed only before any finding is recorded)",
    ),
    # The version of the entity's catalog in force on the date (or moved by upgrade-catalog).
    Detail(
        Field(
            "catalog_version",
            Type.TEXT,
            "catalog version",
            required=True,
            pattern="[0-9]{4}\\.[0-9]+",
            max_length=20,
        ),
        Edit.CATALOG,
        typed=False,
    ),
    Detail(
        Field(
            "mode",
            Type.TEXT,
            "mode",
            required=True,
            choices=MODES,
            max_length=16,
            default="virtual",
        ),
        Edit.DETAILS,
        help="validation mode",
    ),
    Detail(
        Field("date", Type.DATE, "date", required=True),
        Edit.DETAILS,
        fallback="today",
        help="validation date",
    ),
    Detail(Field("scss", Type.TEXT, "SCSS name", max_length=120), Edit.DETAILS, fallback="you"),
    Detail(
        Field("office", Type.TEXT, "field office", max_length=80),
        Edit.DETAILS,
        fallback="the office in settings",
        help="field office, which the hub's office walls follow",
    ),
    Detail(
        Field(
            "status",
            Type.TEXT,
            "status",
            required=True,
            choices=STATUSES,
            max_length=16,
            default="planned",
        ),
        Edit.LIFECYCLE,
        typed=False,
    ),
    Detail(
        Field(
            "webex_url", Type.TEXT, "WebEx meeting link (https://…)", max_length=2000, flag="webex"
        ),
        Edit.DETAILS,
    ),
    Detail(
        Field("participants", Type.NAMES, "participant", max_length=_LINE, flag="participant"),
        Edit.DETAILS,
    ),
    Detail(
        Field(
            "planned_minutes",
            Type.INT,
            "planned session time, in minutes",
            minimum=15,
            maximum=24 * 60,
            default=240,
        ),
        Edit.DETAILS,
    ),
    Detail(
        Field("archived", Type.BOOL, "archived (kept out of the everyday list)"),
        Edit.DETAILS,
        planned=False,
    ),
    Detail(
        Field("created_at", Type.TEXT, "created at", max_length=32),
        Edit.NEVER,
        shown=False,
        typed=False,
        fixed=True,
    ),
)

# The details in declared order, then what the lifecycle writes, then what is written once:
# the table's columns and the sync fields have always been in this order.
_LAST = (Edit.LIFECYCLE, Edit.NEVER)
_ID_SCHEMA = {"type": "string", "pattern": "^[0-9a-f-]{36}$"}
_METAVAR = {Type.INT: "N", Type.BOOL: "yes|no", Type.DATE: "YYYY-MM-DD", Type.NAMES: "NAME"}


def _record_order(d: Detail) -> int:
    return _LAST.index(d.edit) + 1 if d.edit in _LAST else 0


def column_value(f: Field, value: Any) -> Any:
    """A JSON value as the table and the wire keep it (a list of names as JSON text)."""
    if f.type is Type.NAMES:
        return json.dumps(list(value), ensure_ascii=False)
    return value


class ValidationKind:
    """The validation's shapes, derived from its details."""

    def __init__(self, details: tuple[Detail, ...]) -> None:
        self.details = details
        self.declaration = Declaration(
            name="validation",
            table="validations",
            label="validation",
            key="validation",
            command="validation",
            summary="the validation: its member, entity type, catalog, mode, date and session",
            fields=tuple(d.field for d in details),
            scope="id",
            single=True,
            in_every_file=True,
            rules=(_https_link,),
        )
        self.by_name = {d.name: d for d in details}
        # The validations table's own fields, in the order of its columns.
        self.columns = tuple(
            sorted((d for d in details if d.home is Home.VALIDATION), key=_record_order)
        )
        self.member_columns = tuple(d for d in details if d.home is Home.MEMBER)
        self.shown = tuple(d for d in details if d.shown)
        # An edit of the details writes these; a new entity type (or catalog upgrade) these.
        self.edited = tuple(d.name for d in self.columns if d.edit is Edit.DETAILS)
        self.pinned = tuple(d.name for d in self.columns if d.edit is Edit.CATALOG)
        self.fixed = tuple(d.name for d in self.columns if d.fixed and d.field.synced)

    # The store ---------------------------------------------------------------------------

    def insert_columns(self) -> tuple[str, ...]:
        """The columns a new validation is written with."""
        return ("id", *(d.name for d in self.columns), *STAMPS)

    def insert_sql(self) -> str:
        """INSERT of a whole validation, with named parameters."""
        names = self.insert_columns()
        return (
            f"INSERT INTO {self.declaration.table} ({', '.join(names)}) "
            f"VALUES ({', '.join(':' + n for n in names)})"
        )

    def update_sql(self, names: tuple[str, ...]) -> str:
        """UPDATE of some columns (a new revision), with named parameters, :now and :id."""
        assignments = ", ".join(f"{n} = :{n}" for n in names)
        return (
            f"UPDATE {self.declaration.table} SET {assignments}, updated_at = :now, "
            "rev = rev + 1 WHERE id = :id"
        )

    def member_select(self, alias: str = "m") -> str:
        """The member's fields in a SELECT joining its record (ValidationMap.from_row)."""
        return ", ".join(
            f"{alias}.{d.stored_as} AS member_{d.stored_as}" for d in self.member_columns
        )

    # The sync protocol ---------------------------------------------------------------------

    def wire_types(self) -> dict[str, tuple[type, bool]]:
        """The sync Kind's fields (JSON type, nullable), in the table's order."""
        return {
            d.name: (WIRE_TYPE[d.field.type], d.field.nullable)
            for d in self.columns
            if d.field.synced
        }

    def wire_added(self) -> dict[str, Any]:
        """Fields added after the validation first synced, with their value when absent."""
        return {
            d.name: column_value(d.field, d.field.empty()) for d in self.columns if d.field.added
        }

    def check_synced(self, fields: Mapping[str, Any]) -> dict[str, Any]:
        """A synced validation's fields checked as if typed (the hub's push, a laptop's
        pull): each field's type and limits, the required ones given, the rules."""
        values = dict(fields)
        for d in self.columns:
            if d.field.type is Type.NAMES and d.name in values:
                values[d.name] = _names_of(values[d.name])
        checked = check_values(self.declaration, values, whole=False)
        for d in self.columns:
            if d.field.synced and d.field.required and checked.get(d.name) in ("", None, []):
                raise RuleError(f"{self.declaration.a} needs its {d.field.label}")
        for rule in self.declaration.rules:
            rule(checked)
        return checked

    # The exchange file's head --------------------------------------------------------------

    def head_schema(self) -> dict[str, Any]:
        """The JSON Schema of the exchange file's head (fields added later may be absent)."""
        member = {
            "type": "object",
            "required": [d.stored_as for d in self.member_columns if not d.field.added],
            "additionalProperties": False,
            "properties": {d.stored_as: _schema_of(d.field) for d in self.member_columns},
        }
        properties: dict[str, Any] = {"id": _ID_SCHEMA}
        required = ["id"]
        for d in self.shown:
            key = "member" if d.home is Home.MEMBER else d.name
            if key not in properties:
                properties[key] = member if d.home is Home.MEMBER else _schema_of(d.field)
                required += [] if d.field.added else [key]
        return {
            "type": "object",
            "required": required,
            "additionalProperties": False,
            "properties": properties,
        }

    def write_head_schema(self, path: Path) -> bool:
        """Bring the exchange file's schema of its head up to the declaration; whether it
        changed (`python -m ctpat_desktop.records`)."""
        schema = json.loads(path.read_text(encoding="utf-8"))
        key = self.declaration.key
        if schema["properties"][key] == self.head_schema():
            return False
        schema["properties"][key] = self.head_schema()
        text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
        path.write_text(text, encoding="utf-8")
        return True

    # The command line ----------------------------------------------------------------------

    def add_options(self, parser: argparse.ArgumentParser, *, editing: bool) -> None:
        """One option per field a person gives (`validation new`, or `validation edit`);
        those a validation cannot be planned without are required when planning."""
        for d in self.details:
            if not d.typed or not (editing or d.planned):
                continue
            f = d.field
            parser.add_argument(
                f.option,
                dest=f"field_{f.name}",
                metavar=_METAVAR.get(f.type, (f.flag or f.name).upper()),
                action="append" if f.type is Type.NAMES else "store",
                type=int if f.type is Type.INT else str,  # argparse's usage error, as ever
                required=f.required and f.default is None and not d.fallback and not editing,
                help=_option_help(d, editing),
            )

    def given(self, args: argparse.Namespace) -> dict[str, Any]:
        """The fields the options gave, by name, as the field holds them (a date as text)."""
        values: dict[str, Any] = {}
        for d in self.details:
            given = getattr(args, f"field_{d.name}", None)
            if given is not None and d.field.type is Type.INT:
                values[d.name] = given
            elif given is not None:
                values[d.name] = from_text(self.declaration, d.field, given)
        return values


def _names_of(text: Any) -> Any:
    try:
        names = json.loads(text) if isinstance(text, str) else None
    except (ValueError, RecursionError):
        names = None
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise RuleError("participants must be a JSON list of names")
    return names


def _schema_of(f: Field) -> dict[str, Any]:
    """A field's JSON Schema in the head (as the head's schema has always spelled them)."""
    if f.type is Type.TEXT and f.choices:
        return {"enum": [*f.choices] if f.required else ["", *f.choices]}
    if f.type is Type.TEXT and f.pattern:
        return {"type": "string", "pattern": f"^{f.pattern}$"}
    if f.type is Type.TEXT:
        least = {"minLength": 1} if f.required else {}
        return {"type": "string", **least, "maxLength": f.max_length}
    if f.type is Type.INT:
        return {"type": "integer", "minimum": f.minimum, "maximum": f.maximum}
    if f.type is Type.BOOL:
        return {"type": "boolean"}
    if f.type is Type.DATE:
        return {"$ref": "#/$defs/date"}
    if f.type is Type.NAMES:
        return {"type": "array", "items": {"type": "string", "maxLength": f.max_length}}
    raise ValueError(f"validation {f.name}: no schema for a {f.type} field")


def _option_help(d: Detail, editing: bool) -> str:
    text = d.help or d.field.label
    if d.field.choices:
        text += f": {', '.join(d.field.choices)}"
    if d.field.type is Type.NAMES:
        text = f"{article(text)} (repeatable{'; replaces the list' if editing else ''})"
    if editing:
        return text
    if d.fallback:
        text += f" (default: {d.fallback})"
    elif d.field.default is not None and d.field.type is not Type.BOOL:
        text += f" (default {d.field.default})"
    return text


DECLARED = ValidationKind(DETAILS)
VALIDATION = DECLARED.declaration
