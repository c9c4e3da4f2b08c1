"""The sync protocol, version 1: record kinds, their fields and the JSON on the wire.

Shared by the client (ctpat_desktop.sync) and the hub (ctpat_desktop.hub); neither imports
a web framework from here. Every endpoint lives under /v1; every request except /v1/health
carries ``Authorization: Bearer TOKEN``; errors are ``{"error": "one clear sentence"}``.

    GET  /v1/health                     {"status": "ok", "service": "ctpat-hub", "protocol": 1}
    GET  /v1/me                         {"name", "role", "office"}
    POST /v1/push                       {"protocol": 1, "mutations": [Mutation]}
                                        -> {"protocol": 1, "results": [Result]}
    GET  /v1/changes?since=SEQ&limit=N  -> {"protocol": 1, "changes": [Change], "next": SEQ,
                                            "more": bool}
    HEAD|PUT|GET /v1/blobs/{sha256}     evidence content, addressed (and checked) by SHA-256

A mutation is ``{"key", "kind", "id", "base_rev", "fields", "deleted"}``: ``key`` the
idempotency key, ``base_rev`` the hub revision the client's change started from (0 for
a record the hub has never seen), ``fields`` only the fields that changed (all of them for
a new record). The hub applies it only if ``base_rev`` is the record's current revision;
an applied mutation's result is stored with its key in the same transaction, so a replay
returns the first answer. A result is ``{"key", "outcome", ...}`` with outcome
``applied`` (+ ``rev``, ``seq``), ``stale`` (+ ``current``: the hub's Change of that
record, which the client merges field by field) or ``rejected`` (+ ``error``).
A Change is ``{"kind", "id", "rev", "seq", "deleted", "fields", "updated_at",
"updated_by"}`` with all of the record's fields; tombstones are changes with
``deleted: true``. ``seq`` numbers changes in commit order.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ctpat_desktop.records.declare import Declaration
from ctpat_desktop.records.finding import FINDING
from ctpat_desktop.records.kinds import VISIT_KINDS
from ctpat_desktop.records.validation import DECLARED as VALIDATION_KIND
from ctpat_desktop.records.validation import ValidationKind
from ctpat_desktop.records.values import wire_added, wire_types

PROTOCOL = 1
PREFIX = "/v1"
MAX_MUTATIONS = 1000  # per push request
MAX_PAGE = 1000  # changes per page
DEFAULT_PAGE = 500
MAX_JSON_BYTES = 16 * 1024 * 1024  # a push request's body
MAX_BLOB_BYTES = 64 * 1024 * 1024  # one evidence file
MAX_KEY = 100
MAX_ID = 64
MAX_TEXT = 1_000_000  # characters in one field (a catalog document is ~100 kB)
ROLES = ("scss", "supervisor", "admin")
APPLIED, STALE, REJECTED = "applied", "stale", "rejected"

# Field types: Python type of the JSON value and whether null is allowed.
TEXT, TEXT_NULL = (str, False), (str, True)
INT, INT_NULL = (int, False), (int, True)
BOOL, BOOL_NULL = (bool, False), (bool, True)
FieldType = tuple[type, bool]


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind of synced record and how it maps onto the local table."""

    name: str
    table: str
    fields: Mapping[str, FieldType]
    # The field naming the record's validation (office scope), "id" for a validation
    # itself, None for records every user may see (members, catalogs).
    scope: str | None
    # Written once, never changed (a pinned catalog, a signed report's record).
    immutable: bool = False
    # Fields added after protocol v1 and the value a record created without them has, so a
    # laptop of an earlier release can still create records on a newer hub.
    added: Mapping[str, Any] = field(default_factory=dict)


def declared_kind(declared: Declaration) -> Kind:
    """The Kind of a record kind declared once (records/declare.py): its synced fields."""
    return Kind(
        declared.name,
        declared.table,
        wire_types(declared),
        scope=declared.scope,
        immutable=declared.immutable,
        added=wire_added(declared),
    )


def validation_kind(declared: ValidationKind) -> Kind:
    """The Kind of the validation itself, declared once (records/validation.py)."""
    return Kind(
        declared.declaration.name,
        declared.declaration.table,
        declared.wire_types(),
        scope=declared.declaration.scope,
        added=declared.wire_added(),
    )


# The fields of a document signed after a report: the version it follows, the signed file.
_SIGNED_DOCUMENT = {
    "validation_id": TEXT,
    "report_version": INT,
    "language": TEXT,
    "sha256": TEXT,
    "signer": TEXT,
    "signed_at": TEXT,
    "file_name": TEXT,
}

# In dependency order: a push sends them in this order, so parents arrive first.
KINDS: tuple[Kind, ...] = (
    Kind(
        "catalog",
        "catalog_snapshots",
        {
            "entity": TEXT,
            "version": TEXT,
            "sha256": TEXT,
            "name": TEXT,
            "criteria": INT,
            "document": TEXT,
        },
        scope=None,
        immutable=True,
    ),
    Kind("member", "members", {"account": TEXT, "name": TEXT}, scope=None),
    # Declared once (records/validation.py): its synced fields, in the table's order.
    validation_kind(VALIDATION_KIND),
    Kind(
        "evidence",
        "evidence",
        {
            "validation_id": TEXT,
            "criterion": TEXT_NULL,
            "sha256": TEXT,
            "filename": TEXT,
            "media_type": TEXT,
            "captured_at": TEXT,
            "captured_by": TEXT,
            "caption": TEXT,
        },
        scope="validation_id",
        added={"caption": ""},
    ),
    # Declared once (records/finding.py): its synced fields, and those added since v1.
    declared_kind(FINDING),
    # Session time (store/periods.py): added after protocol v1 as a kind of its own; a hub
    # of an earlier release refuses it by name, and the laptop keeps it waiting.
    Kind(
        "period",
        "session_periods",
        {
            "validation_id": TEXT,
            "category": INT_NULL,
            "started_at": TEXT,
            "ended_at": TEXT,
            "recorded_by": TEXT,
        },
        scope="validation_id",
    ),
    # The records around the checklist (sites, participants, the tour log, the outcome …),
    # each Kind derived from its declaration (records/kinds.py). Added after protocol v1 as
    # kinds of their own: a hub of an earlier release refuses them by name, and the laptop
    # keeps them waiting until the hub knows them.
    *(declared_kind(declared) for declared in VISIT_KINDS),
    Kind(
        "report",
        "reports",
        {
            "validation_id": TEXT,
            "version": INT,
            "sha256": TEXT,
            "signer": TEXT,
            "signed_at": TEXT,
            "file_name": TEXT,
            "language": TEXT,
        },
        scope="validation_id",
        immutable=True,
    ),
    # Follow-up after signing (sync/followup_rules.py): records appended after the signed
    # report, written once. Added after protocol v1 as a kind of its own: a hub of an earlier
    # release refuses it by name, and the laptop keeps it waiting until the hub knows it.
    Kind(
        "followup",
        "followups",
        {
            "validation_id": TEXT,
            "criterion": TEXT,
            "number": INT,
            "event": TEXT,
            "report_version": INT,
            "note": TEXT,
            "implemented": BOOL_NULL,
            "accepted": BOOL_NULL,
            "days": INT_NULL,
            "recorded_at": TEXT,
            "recorded_by": TEXT,
        },
        scope="validation_id",
        immutable=True,
    ),
    # Feedback after a validation (sync/feedback_rules.py): the SCSS's answers and the
    # member's, each written once. Added after protocol v1 as a kind of its own, like
    # follow-up: a hub of an earlier release refuses it by name and the laptop keeps it.
    Kind(
        "feedback",
        "feedback",
        {
            "validation_id": TEXT,
            "source": TEXT,
            "technology_quality": INT_NULL,
            "not_verifiable": TEXT,
            "not_verifiable_note": TEXT,
            "minutes_lost": INT_NULL,
            "comments": TEXT,
            "recorded_at": TEXT,
            "recorded_by": TEXT,
        },
        scope="validation_id",
        immutable=True,
    ),
    # Documents signed after an issued report (sync/letter_rules.py), each written once: a
    # rendition of a version in the other language and a follow-up letter. Added after
    # protocol v1 as kinds of their own, like follow-up; after "report", which they name.
    Kind(
        "rendition",
        "renditions",
        {**_SIGNED_DOCUMENT, "original_language": TEXT, "original_sha256": TEXT},
        scope="validation_id",
        immutable=True,
    ),
    Kind(
        "letter",
        "letters",
        {**_SIGNED_DOCUMENT, "report_sha256": TEXT, "letter_type": TEXT, "open_actions": INT},
        scope="validation_id",
        immutable=True,
    ),
)
KIND_BY_NAME = {kind.name: kind for kind in KINDS}
# The kinds recording a signed document by the SHA-256 of its file: the file moves by hash
# beside its record, like evidence (a document signed before files were kept has none).
SIGNED_DOCUMENT_KINDS = ("report", "rendition", "letter")
# The kinds of protocol 1 as first released: every laptop knows them. A laptop says which
# kinds it knows when it reads the change feed (kinds=...); one that says nothing is of an
# earlier release and is sent only these, so a kind added later never stops its sync.
BASE_KINDS = ("catalog", "member", "validation", "evidence", "finding", "report")


def known_kinds(asked: str | None) -> tuple[str, ...]:
    """The kinds a change-feed reader asked for (comma-separated, as sent), those this
    side knows; BASE_KINDS for a reader that did not say."""
    if asked is None:
        return BASE_KINDS
    names = {name.strip() for name in asked.split(",")}
    return tuple(kind.name for kind in KINDS if kind.name in names)


# Fields whose value never changes after creation (the hub rejects a change to them).
FIXED_FIELDS = {
    # catalog_version moves by `validation upgrade-catalog` (an unsigned validation) and with
    # the entity type, which changes only before any finding (worksheet.rules).
    VALIDATION_KIND.declaration.name: VALIDATION_KIND.fixed,
    "evidence": ("validation_id", "sha256"),
    "finding": (FINDING.scope, *FINDING.unique_by),
    "period": ("validation_id", "started_at", "recorded_by"),
    **{declared.name: (declared.scope,) for declared in VISIT_KINDS},
}


class ProtocolError(ValueError):
    """A message that does not follow the protocol; the text says what is wrong."""


def check_value(kind: Kind, name: str, value: Any) -> None:
    """Raise ProtocolError unless value suits the field's type."""
    try:
        expected, nullable = kind.fields[name]
    except KeyError:
        raise ProtocolError(f"{kind.name} has no field {name!r}") from None
    if value is None:
        if not nullable:
            raise ProtocolError(f"{kind.name}.{name} may not be null")
        return
    # bool is a subclass of int: a JSON true must not pass as a number, nor 1 as a bool.
    if type(value) is not expected:
        raise ProtocolError(f"{kind.name}.{name} must be {expected.__name__}")
    if isinstance(value, str) and len(value) > MAX_TEXT:
        raise ProtocolError(f"{kind.name}.{name} is longer than {MAX_TEXT} characters")
    if isinstance(value, str) and "\x00" in value:  # no database stores it as text
        raise ProtocolError(f"{kind.name}.{name} contains a NUL character")


@dataclass(frozen=True, slots=True)
class Mutation:
    """One change a client pushes."""

    key: str
    kind: str
    id: str
    base_rev: int
    fields: Mapping[str, Any]
    deleted: bool = False

    def to_json(self) -> dict[str, Any]:
        """The mutation as sent."""
        return {
            "key": self.key,
            "kind": self.kind,
            "id": self.id,
            "base_rev": self.base_rev,
            "fields": dict(self.fields),
            "deleted": self.deleted,
        }


def _text(raw: Mapping[str, Any], name: str, limit: int) -> str:
    value = raw.get(name)
    # Printable: IDs and keys go into database columns and into one-line messages.
    if not isinstance(value, str) or not value or len(value) > limit or not value.isprintable():
        raise ProtocolError(
            f"{name} must be a non-empty string of at most {limit} printable characters"
        )
    return value


def parse_mutation(raw: Any) -> Mutation:
    """A Mutation from its JSON, or ProtocolError naming the first problem."""
    if not isinstance(raw, dict):
        raise ProtocolError("a mutation must be an object")
    unknown = set(raw) - {"key", "kind", "id", "base_rev", "fields", "deleted"}
    if unknown:
        raise ProtocolError(f"unknown mutation keys: {sorted(unknown)}")
    key = _text(raw, "key", MAX_KEY)
    kind_name = _text(raw, "kind", 20)
    kind = KIND_BY_NAME.get(kind_name)
    if kind is None:
        raise ProtocolError(f"unknown kind {kind_name!r}; known: {sorted(KIND_BY_NAME)}")
    record_id = _text(raw, "id", MAX_ID)
    base_rev = raw.get("base_rev")
    if type(base_rev) is not int or base_rev < 0:
        raise ProtocolError("base_rev must be a whole number >= 0")
    fields = raw.get("fields")
    if not isinstance(fields, dict):
        raise ProtocolError("fields must be an object")
    for name, value in fields.items():
        check_value(kind, name, value)
    deleted = raw.get("deleted", False)
    if type(deleted) is not bool:
        raise ProtocolError("deleted must be true or false")
    return Mutation(key, kind_name, record_id, base_rev, fields, deleted)


@dataclass(frozen=True, slots=True)
class Change:
    """One record as the change feed (or a stale result) carries it."""

    kind: str
    id: str
    rev: int
    seq: int
    deleted: bool
    fields: Mapping[str, Any]
    updated_at: str
    updated_by: str
    # The hub's epoch when the record was last written ("" from a hub without epochs):
    # after a restore, a laptop tells restored records from ones written since.
    epoch: str = ""

    def to_json(self) -> dict[str, Any]:
        """The change as sent."""
        return {
            "kind": self.kind,
            "id": self.id,
            "rev": self.rev,
            "seq": self.seq,
            "deleted": self.deleted,
            "fields": dict(self.fields),
            "updated_at": self.updated_at,
            "updated_by": self.updated_by,
        } | ({"epoch": self.epoch} if self.epoch else {})


def parse_change(raw: Any) -> Change:
    """A Change from the hub's JSON, or ProtocolError (a garbled reply)."""
    if not isinstance(raw, dict):
        raise ProtocolError("a change must be an object")
    kind = KIND_BY_NAME.get(raw.get("kind"))  # type: ignore[arg-type]
    if kind is None:
        raise ProtocolError(f"unknown kind {raw.get('kind')!r}")
    record_id = _text(raw, "id", MAX_ID)
    rev, seq = raw.get("rev"), raw.get("seq")
    if type(rev) is not int or rev < 1 or type(seq) is not int or seq < 1:
        raise ProtocolError("rev and seq must be whole numbers >= 1")
    deleted = raw.get("deleted")
    if type(deleted) is not bool:
        raise ProtocolError("deleted must be true or false")
    fields = raw.get("fields")
    if isinstance(fields, dict):  # a record stored before a field was added has its default
        fields = {**{k: v for k, v in kind.added.items() if k not in fields}, **fields}
    if not isinstance(fields, dict) or set(fields) != set(kind.fields):
        raise ProtocolError(f"a {kind.name} change must carry all of its fields")
    for name, value in fields.items():
        check_value(kind, name, value)
    updated_at, updated_by = raw.get("updated_at"), raw.get("updated_by")
    if not isinstance(updated_at, str) or not isinstance(updated_by, str):
        raise ProtocolError("updated_at and updated_by must be strings")
    epoch = raw.get("epoch", "")
    if not isinstance(epoch, str) or len(epoch) > MAX_ID or not epoch.isprintable():
        raise ProtocolError("epoch must be a short printable string")
    return Change(kind.name, record_id, rev, seq, deleted, fields, updated_at, updated_by, epoch)
