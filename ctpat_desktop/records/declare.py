"""What a record kind is, declared once: its table, its fields and how each may be filled.

Everything else about a declared kind is derived from its Declaration: the table's columns
(records/columns.py), the SQL the store runs and the values it checks (records/values.py),
the JSON view and the exchange file's items with their JSON Schema (records/documents.py),
the sync protocol's Kind (sync/protocol.py), the command line's options
(records/options.py) and, for a kind with a domain class (the finding's Finding), the
conversions to and from it (records/domain.py). Plain Python: no SQLAlchemy, no Qt.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Type(StrEnum):
    """What a field holds."""

    TEXT = "text"  # a string ("" when empty; never null)
    INT = "int"
    BOOL = "bool"
    DATE = "date"  # YYYY-MM-DD
    MOMENT = "moment"  # YYYY-MM-DDTHH:MM, local time of the session
    DATES = "dates"  # a list of distinct dates (a JSON list in the table and on the wire)
    CODES = "codes"  # a list of distinct codes, in the order given (stored like DATES)
    NAMES = "names"  # a list of names, each one line of at most max_length (stored like DATES)
    REF = "ref"  # the ID of another record of the same validation (Field.refers_to)


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a record kind."""

    name: str
    type: Type
    label: str  # a few words: the CLI's help and the text views
    required: bool = False  # given (not empty) when the record is made
    # None allowed (not for DATES and CODES, which are empty instead, nor for TEXT but one
    # with choices: the finding's "verified" is None until said)
    nullable: bool = False
    max_length: int = 200  # TEXT: characters
    multiline: bool = False  # TEXT: line breaks allowed
    choices: tuple[str, ...] = ()  # TEXT: the only values allowed ("" too, unless required)
    pattern: str = ""  # TEXT: a regular expression a non-empty value must match
    minimum: int | None = None  # INT
    maximum: int | None = None  # INT
    int_choices: tuple[int, ...] = ()  # INT: the only values allowed
    item_pattern: str = ""  # CODES: a regular expression every code must match
    flag: str = ""  # the command line's option, when not the field's name ("reason")
    refers_to: str = ""  # REF: the kind it names ("evidence", or a declared kind's name)
    synced: bool = True  # carried by sync (False: kept on this laptop only)
    # Added to a kind after it first synced: a laptop of an earlier release creates records
    # without it, and the hub fills in the default (sync/protocol.py Kind.added).
    added: bool = False
    default: Any = None  # the value of a record made without it (None: the type's own)

    @property
    def option(self) -> str:
        """The command line's option for the field."""
        return "--" + (self.flag or self.name).replace("_", "-")

    def empty(self) -> Any:
        """The value of a record made without this field."""
        if self.default is not None:
            return self.default
        if self.nullable:
            return None
        empty: dict[Type, Any] = {
            Type.TEXT: "",
            Type.INT: self.minimum or 0,
            Type.BOOL: False,
            Type.DATES: [],
            Type.CODES: [],
            Type.NAMES: [],
        }
        return empty.get(self.type, "")


def article(noun: str) -> str:
    """The noun with its article ("a site", "an evidence record")."""
    return f"{'an' if noun[:1] in tuple('aeiou') else 'a'} {noun}"


Rule = Callable[[Mapping[str, Any]], None]  # raises RuleError when values break it


@dataclass(frozen=True, slots=True)
class Declaration:
    """One record kind of a validation, declared once."""

    name: str  # the sync kind and the audit trail's kind (at most 20 characters)
    table: str
    label: str  # what one record is called ("site")
    key: str  # the key of its list in `validation show --json` and the exchange file
    command: str  # the command line's group (`ctpat-desktop site add …`)
    summary: str  # the group's help
    fields: tuple[Field, ...]
    scope: str = "validation_id"  # the column naming the validation it belongs to
    single: bool = False  # at most one per validation (its ID follows from the validation's)
    # Fields that make a record unique in its validation (its ID follows from them, so two
    # laptops make the same record): one finding-site link per criterion.
    unique_by: tuple[str, ...] = ()
    locked_by_signing: bool = True  # a signed validation refuses changes to it
    immutable: bool = False  # written once, never changed
    # Its exchange items and views carry its ID (False: the ID follows from unique_by and
    # the validation, and only those are written, as a finding's criterion).
    carries_id: bool = True
    # In every exchange file since the first format (the finding), not only in later ones.
    in_every_file: bool = False
    rules: tuple[Rule, ...] = ()  # checks across fields, run after each field's own
    by_name: Mapping[str, Field] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {f.name: f for f in self.fields})
        if len(self.name) > 20:
            raise ValueError(f"kind name {self.name!r} is longer than 20 characters")
        if len(self.by_name) != len(self.fields):
            raise ValueError(f"{self.name}: a field is declared twice")
        reserved = {"id", self.scope, "rev", "server_seq", "deleted", "updated_at", "updated_by"}
        clash = reserved & set(self.by_name)
        if clash:
            raise ValueError(f"{self.name}: {sorted(clash)} are the store's own columns")

    @property
    def a(self) -> str:
        """The label with its article ("a site", "an interview")."""
        return article(self.label)

    @property
    def synced_fields(self) -> tuple[Field, ...]:
        """The fields sync carries."""
        return tuple(f for f in self.fields if f.synced)

    @property
    def title(self) -> Field:
        """The field that names a record in one line (its first)."""
        return self.fields[0]


@dataclass(frozen=True, slots=True)
class Item:
    """One stored record of a declared kind: its values (JSON values: a DATES field is a
    list of "YYYY-MM-DD") and bookkeeping."""

    kind: Declaration
    id: str
    validation_id: str
    values: Mapping[str, Any]
    rev: int
    updated_at: str
    updated_by: str
