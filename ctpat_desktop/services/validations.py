"""Plan validations, record findings and attach evidence."""

import re
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ctpat_desktop.app import AppContext
from ctpat_desktop.catalog import Catalog, Criterion, Reason
from ctpat_desktop.errors import NotFoundError, RuleError
from ctpat_desktop.records.declare import Type
from ctpat_desktop.records.finding import FINDING, RECORDED
from ctpat_desktop.store import (
    EvidenceRecord,
    FindingRecord,
    ReportRecord,
    ValidationSummary,
    periods,
    replace_with,
)
from ctpat_desktop.worksheet import (
    CategoryProgress,
    Finding,
    FindingStatus,
    Member,
    Mode,
    Validation,
    Verification,
    apply_finding_rules,
    progress_by_category,
    with_status,
)
from ctpat_desktop.worksheet.agenda import Period, SessionTimes
from ctpat_desktop.worksheet.model import FINDING_MAP
from ctpat_desktop.worksheet.rules import check_entity_change

if TYPE_CHECKING:  # read when first used: the workspace opens without them
    from ctpat_desktop.records.declare import Item
    from ctpat_desktop.sync.followup_rules import FollowUpRecord
    from ctpat_desktop.worksheet.followup import FollowUp

# Fields whose "nothing" is None, which record_finding otherwise reads as "keep".
_CLEARABLE: dict[str, Any] = {f.name: None for f in FINDING.fields if f.nullable}


def _parser(name: str, field_type: Type) -> Callable[[Any], Any] | None:
    """How record_finding reads a value given for a declared field (None: as it is)."""
    if name == "status":
        return FindingStatus.parse
    if name == "verified":
        return Verification.parse
    return tuple if field_type in (Type.CODES, Type.DATES) else None


# record_finding's keywords: the finding's declared fields (records/finding.py), its key
# aside, each with how a given value is read.
_FIELD_PARSERS = {name: _parser(name, FINDING.by_name[name].type) for name in RECORDED}


def _given_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """The fields given to record_finding as the Finding holds them; RuleError for a name
    the finding does not declare. None, and an empty verification, keep a field."""
    given = {}
    for name, value in fields.items():
        try:
            parse = _FIELD_PARSERS[name]
        except KeyError:
            raise RuleError(f"a finding has no field {name!r}") from None
        if value is None or (name == "verified" and not value):
            continue
        given[name] = parse(value) if parse is not None else value
    return given


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(text: str, what: str = "date") -> date:
    """A YYYY-MM-DD date, or a RuleError saying what was wrong."""
    try:
        if _ISO_DATE.match(text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise RuleError(f"{what} '{text}' is not a valid date; use YYYY-MM-DD")


def plan_validation(
    ctx: AppContext,
    *,
    member: str,
    account: str,
    entity: str,
    mode: str = "virtual",
    on: date | None = None,
    scss: str = "",
    office: str | None = None,
    webex_url: str = "",
    participants: tuple[str, ...] = (),
    planned_minutes: int = 240,
    validation_id: str | None = None,
) -> Validation:
    """Create a validation pinned to the entity's catalog version in force on its date."""
    from ctpat_desktop.sync.meaning import ACCOUNT, check_record

    name = member.strip()
    if not name:
        raise RuleError("the member name is empty", code="member-empty")
    if not ACCOUNT.match(account.strip()):
        raise RuleError(
            f"account number '{account}' is not valid; use 3 to 32 letters, digits or dashes",
            code="account-invalid",
            values={"account": account},
        )
    check_record("member", {"name": name, "account": account.strip()})  # as the hub will
    catalog = ctx.catalogs.catalog_on(entity, on or date.today())
    _check_session_details(webex_url, planned_minutes)
    validation = Validation(
        id=validation_id or str(uuid.uuid4()),
        member=Member(name=name, account=account.strip()),
        entity=catalog.entity,
        catalog_version=catalog.version,
        mode=Mode.parse(mode),
        date=on or date.today(),
        scss=scss.strip() or ctx.actor,
        office=(office if office is not None else ctx.settings.office).strip(),
        webex_url=webex_url.strip(),
        participants=tuple(p.strip() for p in participants if p.strip()),
        planned_minutes=planned_minutes,
    )
    ctx.store.create_validation(validation, catalog, ctx.actor)
    return validation


def _check_session_details(webex_url: str, planned_minutes: int) -> None:
    url = webex_url.strip()
    if url and not url.lower().startswith("https://"):
        raise RuleError(
            f"the WebEx link '{url}' must start with https://",
            code="webex-https",
            values={"url": url},
        )
    if not 15 <= planned_minutes <= 24 * 60:
        raise RuleError(
            "the planned session time must be between 15 minutes and 24 hours",
            code="planned-minutes",
        )


def update_validation(
    ctx: AppContext,
    validation_id: str,
    *,
    member: str | None = None,
    account: str | None = None,
    mode: str | None = None,
    on: date | None = None,
    scss: str | None = None,
    office: str | None = None,
    webex_url: str | None = None,
    participants: tuple[str, ...] | None = None,
    planned_minutes: int | None = None,
    archived: bool | None = None,
    entity: str | None = None,
) -> Validation:
    """Change a validation's details (None keeps a field). A new entity type pins that
    entity's catalog version in force on the validation's date; it may change only while the
    validation is planned or in progress and no finding is recorded."""
    store = ctx.store
    old = store.validation(store.resolve_id(validation_id))
    catalog = None
    if entity is not None and entity != old.entity:
        check_entity_change(
            old.status.value, (r.finding.status.value for r in store.findings(old.id).values())
        )
        catalog = ctx.catalogs.catalog_on(entity, on or old.date)
    name = (member if member is not None else old.member.name).strip()
    number = (account if account is not None else old.member.account).strip()
    from ctpat_desktop.sync.meaning import ACCOUNT, check_record

    if not name:
        raise RuleError("the member name is empty", code="member-empty")
    if not ACCOUNT.match(number):
        raise RuleError(
            f"account number '{number}' is not valid; use 3 to 32 letters, digits or dashes",
            code="account-invalid",
            values={"account": number},
        )
    check_record("member", {"name": name, "account": number})  # as the hub will
    changed = replace(
        old,
        member=Member(name=name, account=number),
        mode=Mode.parse(mode) if mode is not None else old.mode,
        date=on or old.date,
        scss=scss.strip() if scss is not None else old.scss,
        office=office.strip() if office is not None else old.office,
        webex_url=webex_url.strip() if webex_url is not None else old.webex_url,
        participants=(
            tuple(p.strip() for p in participants if p.strip())
            if participants is not None
            else old.participants
        ),
        planned_minutes=planned_minutes if planned_minutes is not None else old.planned_minutes,
        archived=archived if archived is not None else old.archived,
    )
    if catalog is not None:
        changed = replace(changed, entity=catalog.entity, catalog_version=catalog.version)
    _check_session_details(changed.webex_url, changed.planned_minutes)
    if participants is not None and changed.participants != old.participants:
        from ctpat_desktop.services.visit import reconcile_participants

        names = reconcile_participants(ctx, old.id, changed.participants)
        if names is not None:  # its participant records say who took part
            changed = replace(changed, participants=names)
    store.update_validation(changed, ctx.actor, catalog)
    return changed


def list_validations(ctx: AppContext, include_archived: bool = True) -> list[ValidationSummary]:
    """Validations with their progress, newest first."""
    return ctx.store.list_validations(include_archived)


class ValidationSession:
    """One open validation: its pinned catalog, findings and evidence."""

    def __init__(self, ctx: AppContext, validation_id: str) -> None:
        self._ctx = ctx
        store = ctx.store
        self.validation = store.validation(store.resolve_id(validation_id))
        self.catalog: Catalog = store.pinned_catalog(
            self.validation.entity, self.validation.catalog_version
        )
        self.reasons: tuple[Reason, ...] = ctx.catalogs.reasons
        self._reason_codes = frozenset(r.code for r in self.reasons)

    @property
    def id(self) -> str:
        """The validation's full ID."""
        return self.validation.id

    def findings(self) -> dict[str, FindingRecord]:
        """The recorded findings by criterion ID."""
        return self._ctx.store.findings(self.id)

    def progress(self) -> list[CategoryProgress]:
        """Progress per category of the pinned catalog."""
        recorded = {cid: rec.finding for cid, rec in self.findings().items()}
        return progress_by_category(self.catalog, recorded)

    def reports(self) -> list[ReportRecord]:
        """The reports issued so far, oldest first."""
        return self._ctx.store.reports(self.id)

    def kept(self, sha256: str) -> bool:
        """Whether the signed document with this SHA-256 is kept in the data folder."""
        return self._ctx.store.blobs.has(sha256)

    def evidence(self) -> list[EvidenceRecord]:
        """The evidence attached so far."""
        return self._ctx.store.evidence(self.id)

    # Session time -----------------------------------------------------------------------

    def followups(self) -> "list[FollowUpRecord]":
        """The follow-up records appended after signing (services/followup.py)."""
        from ctpat_desktop.store import followups

        with self._ctx.store.transaction() as conn:
            return followups.followups(conn, self.id)

    def visit_records(self) -> "dict[str, list[Item]]":
        """Its sites, document requests, participants, interviews, tour log, team, outcome
        and decision (records/kinds.py), by kind name (services/visit.py changes them)."""
        from ctpat_desktop.records.kinds import VISIT_KINDS
        from ctpat_desktop.store import visit

        with self._ctx.store.transaction() as conn:
            return {kind.name: visit.items(conn, kind, self.id) for kind in VISIT_KINDS}

    def session_times(self) -> SessionTimes:
        """The session time recorded so far (every stretch, by everyone)."""
        with self._ctx.store.transaction() as conn:
            return periods.session_times(conn, self.id)

    def start_period(
        self, category: int | None, now: datetime | None = None, period_id: str | None = None
    ) -> Period:
        """The session timer starts (or resumes, or moves to another category): a new
        stretch of time from now (period_id: the ID it gets, when the caller chose it)."""
        if category is not None and category not in self.catalog.categories():
            raise NotFoundError(f"category {category} is not in the {self.catalog.name} catalog")
        with self._ctx.store.transaction() as conn:
            return periods.open_period(
                conn, self.id, category, self._ctx.actor, now or datetime.now(UTC), period_id
            )

    def extend_period(self, period_id: str, now: datetime | None = None) -> Period:
        """The stretch runs on until now (called while the timer runs, and on pause)."""
        with self._ctx.store.transaction() as conn:
            return periods.extend_period(conn, period_id, now or datetime.now(UTC))

    def _criterion(self, criterion_id: str) -> Criterion:
        criterion = self.catalog.get(criterion_id)
        if criterion is None:
            raise NotFoundError(
                f"criterion '{criterion_id}' is not in the {self.catalog.name} catalog "
                f"{self.catalog.version}"
            )
        return criterion

    def record_finding(
        self,
        criterion_id: str,
        *,
        clear: tuple[str, ...] = (),
        based_on: int | None = None,
        **fields: Any,
    ) -> FindingRecord:
        """Change the declared fields given by name (records/finding.py: status="not-met",
        reasons=[...], due=date(...); None keeps a field, and `clear` empties the optional
        ones named, such as "verified" or "due"), check the rules, save durably. With
        `based_on` (the revision the edit was made on) a finding changed meanwhile is not
        overwritten: StaleEdit."""
        unknown = set(clear) - set(_CLEARABLE)
        if unknown:
            raise RuleError(f"cannot clear {', '.join(sorted(unknown))}")
        criterion = self._criterion(criterion_id)
        given = _given_fields(fields)
        new_status = given.pop("status", None)
        emptied = {name: _CLEARABLE[name] for name in clear}

        def change(old: Finding) -> Finding:
            updated = with_status(old, new_status) if new_status is not None else old
            return self._checked(FINDING_MAP.replaced(updated, emptied | given), criterion)

        return self._ctx.store.change_finding(
            self.id, criterion.id, change, self._ctx.actor, based_on
        )

    def replace_findings(self, findings: list[Finding]) -> list[FindingRecord]:
        """Write whole findings at once: every one checked, then all saved or none."""
        checked = [self._checked(f, self._criterion(f.criterion)) for f in findings]
        changes = [(f.criterion, replace_with(f)) for f in checked]
        return self._ctx.store.change_findings(self.id, changes, self._ctx.actor)

    def _checked(self, finding: Finding, criterion: Criterion) -> Finding:
        return apply_finding_rules(
            finding,
            criterion,
            self._reason_codes,
            self.validation.date,
            self._ctx.settings.response_days,
        )

    def extend_due(self, criterion_id: str, days: int, reason: str) -> FindingRecord:
        """Push a required action's due date back by 30, 60, 90 or 120 days, saying why."""
        criterion = self._criterion(criterion_id)

        def change(old: Finding) -> Finding:
            if old.status is not FindingStatus.NOT_MET or old.due is None:
                raise RuleError(f"criterion {criterion.id}: only a due date can be extended")
            extended = replace(
                old,
                due=old.due + timedelta(days=days),
                extension_days=days,
                extension_reason=reason,
            )
            return self._checked(extended, criterion)

        return self._ctx.store.change_finding(self.id, criterion.id, change, self._ctx.actor)

    def record_response(
        self,
        criterion_id: str,
        *,
        implemented: bool | None,
        note: str,
        accepted: bool | None,
    ) -> FindingRecord:
        """The member's written response to a finding and the SCSS's decision on it."""
        criterion = self._criterion(criterion_id)

        def change(old: Finding) -> Finding:
            answered = replace(
                old,
                response_implemented=implemented,
                response_note=note,
                response_accepted=accepted,
            )
            return self._checked(answered, criterion)

        return self._ctx.store.change_finding(self.id, criterion.id, change, self._ctx.actor)

    def follow_up(self) -> "FollowUp":
        """Counts, progress, required actions, recommendations and best practices."""
        from ctpat_desktop.worksheet.followup import follow_up

        return follow_up(self.catalog, {cid: r.finding for cid, r in self.findings().items()})

    def remove_evidence(self, evidence_id: str) -> None:
        """Detach a piece of evidence (the audit trail keeps what it was)."""
        self._ctx.store.remove_evidence(self.id, evidence_id, self._ctx.actor)

    def restore_evidence(self, evidence_id: str) -> EvidenceRecord:
        """Attach again a piece of evidence detached before (an undo of its removal)."""
        return self._ctx.store.restore_evidence(self.id, evidence_id, self._ctx.actor)

    def attach_evidence_bytes(
        self, content: bytes, filename: str, criterion_id: str | None = None, caption: str = ""
    ) -> EvidenceRecord:
        """Store content (a pasted or captured screenshot) as evidence; the record already
        there when the same content is attached to that criterion (services.evidence)."""
        from ctpat_desktop.services.evidence import attach_bytes

        return attach_bytes(self._ctx, self, content, filename, criterion_id, caption).record

    def attach_evidence(
        self, path: Path, criterion_id: str | None = None, caption: str = ""
    ) -> EvidenceRecord:
        """Store a file by content hash and attach it to the validation or a criterion; the
        record already there when the same content is attached to it (services.evidence)."""
        from ctpat_desktop.services.evidence import attach_file

        return attach_file(self._ctx, self, path, criterion_id, caption).record
