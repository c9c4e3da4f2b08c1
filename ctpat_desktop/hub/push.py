"""The rules of a push: which mutation is applied, stale or rejected, and why (no SQL here).

The service loads the records a request touches, runs them through a PushBatch in the
request's order, and writes back what the batch marked dirty, all in one transaction.
"""

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ctpat_desktop.errors import RuleError
from ctpat_desktop.sync import visit_rules
from ctpat_desktop.sync.feedback_rules import hub_refusal
from ctpat_desktop.sync.followup_rules import check_next, record_from_fields, signed_start, track
from ctpat_desktop.sync.letter_rules import hub_refusal as letter_refusal
from ctpat_desktop.sync.meaning import (
    check_catalog,
    check_record,
    finding_from_fields,
    pinned_catalog,
)
from ctpat_desktop.sync.protocol import (
    APPLIED,
    FIXED_FIELDS,
    KIND_BY_NAME,
    REJECTED,
    STALE,
    Change,
    Kind,
    Mutation,
)
from ctpat_desktop.worksheet import Lifecycle, lifecycle
from ctpat_desktop.worksheet.rules import check_entity_change

ADMIN = "admin"
SIGNED = "signed"
APPROVED = "approved"
IN_REVIEW = "in-review"
APPROVERS = tuple(sorted(lifecycle.SUPERVISORS))  # who approves (worksheet/lifecycle.py)
# Kinds a signed validation locks (a report is written when signing, so it is not locked).
_LOCKED_BY_SIGNING = ("finding", "evidence", *visit_rules.LOCKED_BY_SIGNING)


@dataclass(frozen=True, slots=True)
class User:
    """A hub user as a request sees it."""

    name: str
    role: str
    office: str | None

    @property
    def is_admin(self) -> bool:
        """Whether the user may see and change every office's records."""
        return self.role == ADMIN


@dataclass(slots=True)
class Record:
    """One synced record held by the hub; ``stored`` is false until it is first written."""

    kind: str
    id: str
    office: str | None
    validation_id: str | None
    rev: int
    seq: int
    deleted: bool
    fields: dict[str, Any]
    updated_at: str
    updated_by: str
    stored: bool = True
    epoch: str | None = None  # the hub's epoch when the record was last written

    @property
    def member_id(self) -> str | None:
        """The member a validation names; None for other kinds."""
        value = self.fields.get("member_id") if self.kind == "validation" else None
        return value if isinstance(value, str) else None

    @property
    def sha256(self) -> str | None:
        """The content hash of an evidence record; None for other kinds."""
        value = self.fields.get("sha256") if self.kind == "evidence" else None
        return value if isinstance(value, str) else None

    def to_change(self) -> Change:
        """The record as the change feed carries it."""
        return Change(
            self.kind,
            self.id,
            self.rev,
            self.seq,
            self.deleted,
            dict(self.fields),
            self.updated_at,
            self.updated_by,
            self.epoch or "",
        )


class Rejected(Exception):
    """A mutation the hub will not apply; str() is the reason sent back."""


@dataclass(frozen=True, slots=True)
class AppliedKey:
    """What an idempotency key was first applied with: by whom, which change, the result."""

    user: str
    digest: str | None  # None for keys stored before the hub kept the change's digest
    result: dict[str, Any]


def change_digest(m: Mutation) -> str:
    """The SHA-256 of everything a mutation asks for but its key."""
    body = {"kind": m.kind, "id": m.id, "base_rev": m.base_rev, "fields": m.fields}
    text = json.dumps(body | {"deleted": m.deleted}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class PushBatch:
    """Applies one request's mutations, in order, to records loaded from the hub."""

    user: User
    seq: int
    now: str
    records: dict[tuple[str, str], Record]
    applied: dict[str, AppliedKey]
    # Evidence content stored on the hub, and the offices whose users uploaded it.
    blobs: Mapping[str, set[str]]
    load_children: Callable[[str], Iterable[Record]]
    # The offices of the (stored) validations that name a member.
    member_offices: Callable[[str], set[str | None]] = lambda _member: set()
    # One stored record by (kind, id), or None (a follow-up is checked against its catalog).
    load_record: Callable[[str, str], Record | None] = lambda _kind, _id: None
    dirty: dict[tuple[str, str], Record] = field(default_factory=dict)
    new_applied: dict[str, AppliedKey] = field(default_factory=dict)
    members_coming: set[str] = field(default_factory=set)
    replayed: set[str] = field(default_factory=set)

    def run(self, mutations: Iterable[Mutation]) -> list[dict[str, Any]]:
        """The result of each mutation, in order."""
        mutations = list(mutations)
        # Members of validations this request brings (a laptop sends the member first).
        self.members_coming = {
            str(m.fields["member_id"])
            for m in mutations
            if m.kind == "validation" and "member_id" in m.fields
        }
        return [self._one(mutation) for mutation in mutations]

    def _one(self, mutation: Mutation) -> dict[str, Any]:
        digest = change_digest(mutation)
        stored = self.applied.get(mutation.key)
        if stored is not None:
            if stored.user != self.user.name or stored.digest not in (None, digest):
                # A key names one change of one user: a replay with other content (or
                # another user's key) must not be answered "applied" while nothing changes.
                error = (
                    f"idempotency key {mutation.key!r} was already used for another change; "
                    "send each change with a key of its own"
                )
                return {"key": mutation.key, "outcome": REJECTED, "error": error}
            self.replayed.add(mutation.key)
            return dict(stored.result)
        try:
            result = self._apply(mutation)
        except Rejected as exc:
            return {"key": mutation.key, "outcome": REJECTED, "error": str(exc)}
        if result["outcome"] == APPLIED:
            applied = AppliedKey(self.user.name, digest, result)
            self.applied[mutation.key] = applied
            self.new_applied[mutation.key] = applied
        return result

    def _next_seq(self) -> int:
        self.seq += 1
        return self.seq

    def _apply(self, m: Mutation) -> dict[str, Any]:
        kind = KIND_BY_NAME[m.kind]
        current = self.records.get((m.kind, m.id))
        if current is None:
            return self._create(kind, m)
        office, validation_id = self._scope(kind, m, current)
        if kind.immutable:
            same = m.deleted == current.deleted and all(
                current.fields.get(name) == value for name, value in m.fields.items()
            )
            if not same:
                raise Rejected(f"{m.kind} {m.id} is written once and cannot be changed")
            return _applied(m.key, current)
        if kind.name == "member":
            self._check_member(m)
        if m.base_rev != current.rev:
            return {"key": m.key, "outcome": STALE, "current": current.to_change().to_json()}
        for name in FIXED_FIELDS.get(m.kind, ()):
            if name in m.fields and m.fields[name] != current.fields.get(name):
                raise Rejected(f"{m.kind}.{name} cannot change once the {m.kind} exists")
        self._check_locked(kind, validation_id)
        self._check_review(kind, m, current.fields.get("status"))
        self._check_decider(kind, m)
        self._check_entity(m, current)
        fields = {**current.fields, **m.fields}
        if not m.deleted:
            _check_meaning(m, fields)
            self._check_blob(kind, fields, office)
        moved = m.kind == "validation" and office != current.office
        current.fields = fields
        current.deleted = m.deleted
        current.office = office
        current.rev += 1
        current.seq = self._next_seq()
        current.updated_at, current.updated_by = self.now, self.user.name
        self.dirty[(m.kind, m.id)] = current
        if moved:
            self._move_children(m.id, office)
            self._touch_member(current)
        self._withdraw_approval(kind, validation_id)
        return _applied(m.key, current)

    def _create(self, kind: Kind, m: Mutation) -> dict[str, Any]:
        if m.base_rev != 0:
            raise Rejected(
                f"{m.kind} {m.id} is not on the hub, so base_rev must be 0 (got {m.base_rev})"
            )
        missing = sorted(set(kind.fields) - set(m.fields) - set(kind.added))
        if missing:
            raise Rejected(f"new {m.kind} {m.id} must carry all of its fields; missing {missing}")
        if kind.name == "catalog":
            try:
                check_catalog(m.id, m.fields, may_publish=self.user.is_admin)
            except RuleError as exc:
                raise Rejected(str(exc)) from None
        office, validation_id = self._scope(kind, m, None)
        self._check_locked(kind, validation_id)
        self._check_review(kind, m, None)
        self._check_decider(kind, m)
        if not m.deleted:
            _check_meaning(m, {**kind.added, **m.fields})
            self._check_blob(kind, m.fields, office)
            self._check_followup(kind, m, validation_id)
            if why := hub_refusal(m.kind, m.fields, self.records, self.load_record):
                raise Rejected(f"{m.kind} {m.id}: {why}")
            if why := letter_refusal(m.kind, m.id, m.fields, self.records, self.load_record):
                raise Rejected(f"{m.kind} {m.id}: {why}")
        record = Record(
            m.kind,
            m.id,
            office,
            validation_id,
            1,
            self._next_seq(),
            m.deleted,
            {**kind.added, **m.fields},
            self.now,
            self.user.name,
            stored=False,
        )
        self.records[(m.kind, m.id)] = record
        self.dirty[(m.kind, m.id)] = record
        self._withdraw_approval(kind, validation_id)
        self._touch_member(record)
        return _applied(m.key, record)

    def _scope(
        self, kind: Kind, m: Mutation, current: Record | None
    ) -> tuple[str | None, str | None]:
        """The (office, validation_id) the record will have; Rejected if out of the user's reach."""
        if kind.scope is None:
            return None, None
        if kind.scope == "id":
            office = m.fields.get("office", current.office if current else None)
            offices = [office] if current is None else [current.office, office]
            for touched in offices:
                self._check_office(m, touched)
            return office, m.id
        validation_id = current.validation_id if current is not None else m.fields.get(kind.scope)
        validation = self.records.get(("validation", str(validation_id)))
        if validation is None:
            raise Rejected(
                f"unknown validation {validation_id} for {m.kind} {m.id}: push the validation first"
            )
        self._check_office(m, validation.office)
        return validation.office, validation.id

    def _check_office(self, m: Mutation, office: str | None) -> None:
        if self.user.is_admin or office == self.user.office:
            return
        raise Rejected(
            f"{m.kind} {m.id} belongs to office {office!r}; {self.user.role} "
            f"{self.user.name!r} may only change office {self.user.office!r}"
        )

    def _check_locked(self, kind: Kind, validation_id: str | None) -> None:
        if kind.name not in _LOCKED_BY_SIGNING or validation_id is None:
            return
        validation = self.records.get(("validation", validation_id))
        if validation is not None and validation.fields.get("status") == SIGNED:
            raise Rejected(f"validation {validation_id} is signed; it must be reopened first")

    def _check_review(self, kind: Kind, m: Mutation, status: Any) -> None:
        """Every status move a laptop pushes must be the pusher's to make, step by step
        (worksheet/lifecycle.py): only a supervisor approves or returns, and only an
        approval the hub holds is signed. Before, any other move was taken as sent."""
        new = m.fields.get("status") if kind.name == "validation" else None
        if new is None or new == status:
            return
        try:
            target, current = Lifecycle(new), None if status is None else Lifecycle(status)
        except ValueError:
            return  # not a status at all: the field's own check refuses it
        if lifecycle.may_reach(current, target, self.user.role):
            return
        if new == APPROVED and self.user.role not in APPROVERS:
            raise Rejected(
                f"validation {m.id}: only a supervisor approves; {self.user.name!r} is "
                f"{self.user.role}"
            )
        if new == SIGNED and status != APPROVED:
            raise Rejected(
                f"validation {m.id} is {status or 'new'} on the hub: a supervisor must approve "
                "it before it is signed"
            )
        raise Rejected(
            f"validation {m.id} is {status or 'new'} on the hub; {self.user.role} "
            f"{self.user.name!r} cannot take it to {new}"
        )

    def _check_decider(self, kind: Kind, m: Mutation) -> None:
        """The decision on the proposed outcome is a supervisor's, as on the laptop (before,
        the hub took one from anyone of the office)."""
        if kind.name == "decision" and self.user.role not in lifecycle.SUPERVISORS:
            raise Rejected(
                f"decision {m.id}: only a supervisor decides the outcome; {self.user.name!r} "
                f"is {self.user.role}"
            )

    def _check_entity(self, m: Mutation, current: Record) -> None:
        """A validation changes its entity type (and catalog) only before any finding, as
        on the laptop."""
        entity = m.fields.get("entity") if m.kind == "validation" else None
        if entity is None or entity == current.fields.get("entity"):
            return
        statuses = [
            str(child.fields.get("status"))
            for child in self.load_children(m.id)
            if child.kind == "finding" and not child.deleted
        ]
        try:
            check_entity_change(str(current.fields.get("status")), statuses)
        except RuleError as exc:
            raise Rejected(f"validation {m.id}: {exc}") from None

    def _check_blob(self, kind: Kind, fields: Mapping[str, Any], office: str | None) -> None:
        """Evidence may name only content its own office uploaded: knowing a hash (every
        report prints them) must not open another office's file."""
        if kind.name != "evidence":
            return
        sha = fields.get("sha256")
        holders = self.blobs.get(sha) if isinstance(sha, str) else None
        if holders is None:
            raise Rejected(f"evidence content {sha} not uploaded; PUT it to /v1/blobs first")
        if not self.user.is_admin and office not in holders:
            raise Rejected(
                f"evidence content {sha} was not uploaded from office {office!r}; "
                "PUT the file itself to /v1/blobs first"
            )

    def _check_followup(self, kind: Kind, m: Mutation, validation_id: str | None) -> None:
        """A follow-up record follows the signed report of a signed validation, names a
        finding it applies to (closing and extending only a required action) and comes next
        in that finding's order: the laptop's own rules, against what the hub holds."""
        if kind.name != "followup" or validation_id is None:
            return
        validation = self.records[("validation", validation_id)]
        if validation.fields.get("status") != SIGNED:
            raise Rejected(
                f"followup {m.id}: validation {validation_id} is not signed on the hub; "
                "follow-up is appended after its report is signed"
            )
        held = {(r.kind, r.id): r for r in self.load_children(validation_id)}
        held.update((k, r) for k, r in self.records.items() if r.validation_id == validation_id)
        records = [r for r in held.values() if not r.deleted]
        try:
            record = record_from_fields(m.id, m.fields)
            if not any(
                r.kind == "report" and r.fields.get("version") == record.report_version
                for r in records
            ):
                raise RuleError(f"the hub holds no signed report version {record.report_version}")
            name = f"{validation.fields.get('entity')}@{validation.fields.get('catalog_version')}"
            pinned = self.load_record("catalog", name) or self.records.get(("catalog", name))
            if pinned is None:
                raise RuleError(f"catalog {name} is not on the hub")
            criterion = pinned_catalog(pinned.fields).get(record.criterion)
            if criterion is None:
                raise RuleError(f"criterion {record.criterion} is not in catalog {name}")
            finding = next(
                (
                    finding_from_fields(r.fields)
                    for r in records
                    if r.kind == "finding" and r.fields.get("criterion") == record.criterion
                ),
                None,
            )
            earlier = [
                record_from_fields(r.id, r.fields)
                for r in records
                if r.kind == "followup" and r.fields.get("criterion") == record.criterion
            ]
            check_next(track(signed_start(criterion, finding), earlier), record)
        except RuleError as exc:
            raise Rejected(f"followup {m.id}: {exc}") from None

    def _check_member(self, m: Mutation) -> None:
        """A member is changed only by an office with a validation of theirs: no office
        renames another's member."""
        if self.user.is_admin or m.id in self.members_coming:
            return
        offices = self.member_offices(m.id) | {
            r.office
            for r in self.records.values()
            if r.kind == "validation" and r.member_id == m.id
        }
        if self.user.office not in offices:
            raise Rejected(
                f"member {m.id} has no validation in office {self.user.office!r}; "
                "only an office that validates a member changes it"
            )

    def _touch_member(self, record: Record) -> None:
        """A validation new to an office brings its member into that office's feed."""
        member = self.records.get(("member", record.member_id or ""))
        if member is None or not member.stored or ("member", member.id) in self.dirty:
            return
        member.seq = self._next_seq()
        self.dirty[("member", member.id)] = member

    def _withdraw_approval(self, kind: Kind, validation_id: str | None) -> None:
        """A finding or evidence changed after a supervisor's approval sends the validation
        back to review here, whatever the laptop says: what was approved is not what would
        be signed, so a supervisor must approve again before the hub takes a signature."""
        if kind.name not in _LOCKED_BY_SIGNING or validation_id is None:
            return
        validation = self.records.get(("validation", validation_id))
        if validation is None or validation.fields.get("status") != APPROVED:
            return
        validation.fields = {**validation.fields, "status": IN_REVIEW}
        validation.rev += 1
        validation.seq = self._next_seq()
        validation.updated_at, validation.updated_by = self.now, self.user.name
        self.dirty[("validation", validation_id)] = validation

    def _move_children(self, validation_id: str, office: str | None) -> None:
        """Give a moved validation's records its new office and new seqs (the feed shows them)."""
        for child in self.load_children(validation_id):
            self.records.setdefault((child.kind, child.id), child)
        for key, record in self.records.items():
            if record.validation_id == validation_id and record.kind != "validation":
                record.office = office
                record.seq = self._next_seq()
                self.dirty[key] = record


def _check_meaning(m: Mutation, fields: Mapping[str, Any]) -> None:
    """The record the change would leave must mean something, by the laptop's own rules."""
    try:
        check_record(m.kind, fields)
    except RuleError as exc:
        raise Rejected(f"{m.kind} {m.id}: {exc}") from None


def _applied(key: str, record: Record) -> dict[str, Any]:
    return {"key": key, "outcome": APPLIED, "rev": record.rev, "seq": record.seq}
