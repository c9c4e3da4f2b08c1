"""The store: every read and write of validations, findings, evidence and the audit trail."""

import hashlib
import json
import mimetypes
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from ctpat_desktop.catalog import Catalog, catalog_from_dict
from ctpat_desktop.errors import NotFoundError, RuleError, StoreError
from ctpat_desktop.store import audit
from ctpat_desktop.store.database import open_engine
from ctpat_desktop.store.evidence import BlobStore
from ctpat_desktop.store.records import EvidenceRecord, FindingRecord, ValidationSummary
from ctpat_desktop.store.tables import (
    audit_events,
    blobs,
    catalog_snapshots,
    evidence,
    findings,
    members,
    validations,
)
from ctpat_desktop.worksheet import (
    Finding,
    FindingStatus,
    Lifecycle,
    Member,
    Mode,
    Validation,
    Verification,
)

FindingChange = Callable[[Finding], Finding]
_FINDING_FIELDS = ("status", "reasons", "verified", "note", "report_text", "action", "due")
_SELECT_FINDING = sa.select(findings).where(
    findings.c.validation_id == sa.bindparam("vid"), findings.c.criterion == sa.bindparam("cid")
)
_UPDATE_FINDING = (
    findings.update().where(findings.c.id == sa.bindparam("fid")).values(rev=findings.c.rev + 1)
)
# Touching the validation also enforces the lock: a signed validation matches no row.
_TOUCH_VALIDATION = (
    validations.update()
    .where(validations.c.id == sa.bindparam("vid"))
    .where(validations.c.status != Lifecycle.SIGNED.value)
    .values(updated_at=sa.bindparam("now"), rev=validations.c.rev + 1)
)


def _replace_with(new: Finding) -> FindingChange:
    return lambda _old: new


def utc_now() -> str:
    """The current time in UTC as ISO 8601 with microseconds."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _finding_columns(finding: Finding) -> dict[str, Any]:
    return {
        "status": finding.status.value,
        "reasons": json.dumps(list(finding.reasons)),
        "verified": finding.verified.value if finding.verified else None,
        "note": finding.note,
        "report_text": finding.report_text,
        "action": finding.action,
        "due": finding.due.isoformat() if finding.due else None,
    }


def _finding_from_row(row: Any) -> Finding:
    return Finding(
        criterion=row.criterion,
        status=FindingStatus(row.status),
        reasons=tuple(json.loads(row.reasons)),
        verified=Verification(row.verified) if row.verified else None,
        note=row.note,
        report_text=row.report_text,
        action=row.action,
        due=date.fromisoformat(row.due) if row.due else None,
    )


def _validation_from_row(row: Any) -> Validation:
    return Validation(
        id=row.id,
        member=Member(name=row.member_name, account=row.account),
        entity=row.entity,
        catalog_version=row.catalog_version,
        mode=Mode(row.mode),
        date=date.fromisoformat(row.date),
        scss=row.scss,
        status=Lifecycle(row.status),
    )


def _touch_validation(conn: sa.Connection, validation_id: str, now: str) -> None:
    """Mark the validation changed; refuse (and so roll back) when it is signed or gone."""
    if conn.execute(_TOUCH_VALIDATION, {"vid": validation_id, "now": now}).rowcount != 1:
        raise RuleError(
            f"validation {validation_id} is signed and locked (or does not exist); "
            "reopen it before changing findings"
        )


_VALIDATION_SELECT = (
    sa.select(validations, members.c.name.label("member_name"), members.c.account)
    .join(members, members.c.id == validations.c.member_id)
    .where(validations.c.deleted == sa.false())
)


class Store:
    """One data folder's database and evidence files."""

    def __init__(self, data_dir: Path, schema_dir: Path) -> None:
        self.data_dir = data_dir
        self._schema_dir = schema_dir
        self._engine = open_engine(data_dir)
        self._conn: sa.Connection | None = None
        self.blobs = BlobStore(data_dir / "evidence")

    def close(self) -> None:
        """Release the connection and the engine."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        self._engine.dispose()

    @contextmanager
    def transaction(self) -> Iterator[sa.Connection]:
        """One short write transaction (BEGIN IMMEDIATE … COMMIT) on the kept connection."""
        if self._conn is None:
            self._conn = self._engine.connect()
        try:
            with self._conn.begin():
                yield self._conn
        except sa.exc.OperationalError as exc:
            raise StoreError(f"the database could not be written ({exc.orig})") from exc

    # Catalog snapshots ---------------------------------------------------------------

    def _pin_catalog(self, conn: sa.Connection, catalog: Catalog) -> None:
        document = json.dumps(catalog.raw, sort_keys=True, ensure_ascii=False)
        sha = hashlib.sha256(document.encode()).hexdigest()
        key = (catalog_snapshots.c.entity == catalog.entity) & (
            catalog_snapshots.c.version == catalog.version
        )
        stored = conn.execute(sa.select(catalog_snapshots.c.sha256).where(key)).scalar()
        if stored is None:
            conn.execute(
                catalog_snapshots.insert(),
                {
                    "entity": catalog.entity,
                    "version": catalog.version,
                    "sha256": sha,
                    "criteria": len(catalog.criteria),
                    "document": document,
                },
            )
        elif stored != sha:
            raise StoreError(
                f"catalog {catalog.entity} {catalog.version} differs from the copy already "
                "pinned in this database; a changed catalog needs a new version"
            )

    def pinned_catalog(self, entity: str, version: str) -> Catalog:
        """The exact catalog version a validation was created with."""
        with self.transaction() as conn:
            document = conn.execute(
                sa.select(catalog_snapshots.c.document).where(
                    (catalog_snapshots.c.entity == entity)
                    & (catalog_snapshots.c.version == version)
                )
            ).scalar()
        if document is None:
            raise StoreError(f"catalog {entity} {version} is missing from the database")
        return catalog_from_dict(
            json.loads(document), f"catalog {entity} {version}", self._schema_dir
        )

    # Validations ---------------------------------------------------------------------

    def create_validation(self, validation: Validation, catalog: Catalog, actor: str) -> None:
        """Store a new validation, its member and its pinned catalog."""
        with self.transaction() as conn:
            self._insert_validation(conn, validation, catalog, actor, utc_now())

    def import_validation(
        self,
        validation: Validation,
        catalog: Catalog,
        recorded: Sequence[FindingRecord],
        attached: Sequence[EvidenceRecord],
        actor: str,
    ) -> None:
        """Store a whole validation read from an exchange file, in one transaction."""
        now = utc_now()
        locked = validation.status is Lifecycle.SIGNED
        with self.transaction() as conn:
            # A signed validation is locked; it is filled first and locked at the end.
            unlocked = replace(validation, status=Lifecycle.IN_REVIEW) if locked else validation
            self._insert_validation(conn, unlocked, catalog, actor, now)
            for record in recorded:
                self._change_finding(
                    conn,
                    validation.id,
                    record.finding.criterion,
                    _replace_with(record.finding),
                    actor,
                    now,
                    stamp=(record.updated_at, record.updated_by),
                )
            for item in attached:
                self._insert_evidence(conn, validation.id, item, actor, now)
            if locked:
                conn.execute(
                    validations.update()
                    .where(validations.c.id == validation.id)
                    .values(status=Lifecycle.SIGNED.value)
                )

    def _insert_validation(
        self, conn: sa.Connection, validation: Validation, catalog: Catalog, actor: str, now: str
    ) -> None:
        self._pin_catalog(conn, catalog)
        member_id = self._upsert_member(conn, validation.member, actor, now)
        exists = sa.select(validations.c.id).where(validations.c.id == validation.id)
        if conn.execute(exists).first():
            raise RuleError(f"validation {validation.id} already exists in this data folder")
        row = {
            "id": validation.id,
            "member_id": member_id,
            "entity": validation.entity,
            "catalog_version": validation.catalog_version,
            "mode": validation.mode.value,
            "date": validation.date.isoformat(),
            "scss": validation.scss,
            "status": validation.status.value,
            "created_at": now,
            "updated_at": now,
        }
        conn.execute(validations.insert(), row)
        audit.append_event(
            conn,
            at=now,
            actor=actor,
            action="create",
            kind="validation",
            record_id=validation.id,
            validation_id=validation.id,
            changes={k: [None, v] for k, v in row.items() if k not in ("id", "created_at")},
        )

    def set_status(self, validation_id: str, status: Lifecycle, actor: str) -> None:
        """Move a validation to another lifecycle status, with its audit event."""
        now = utc_now()
        with self.transaction() as conn:
            old = conn.execute(
                sa.select(validations.c.status).where(validations.c.id == validation_id)
            ).scalar()
            if old is None:
                raise NotFoundError(f"no validation with ID '{validation_id}'")
            if old == status.value:
                return
            _touch_validation(conn, validation_id, now)
            conn.execute(
                validations.update()
                .where(validations.c.id == validation_id)
                .values(status=status.value)
            )
            audit.append_event(
                conn,
                at=now,
                actor=actor,
                action="status",
                kind="validation",
                record_id=validation_id,
                validation_id=validation_id,
                changes={"status": [old, status.value]},
            )

    def _upsert_member(self, conn: sa.Connection, member: Member, actor: str, now: str) -> str:
        row = conn.execute(
            sa.select(members.c.id, members.c.name).where(members.c.account == member.account)
        ).first()
        if row is None:
            member_id = str(uuid.uuid4())
            conn.execute(
                members.insert(),
                {
                    "id": member_id,
                    "account": member.account,
                    "name": member.name,
                    "updated_at": now,
                },
            )
            changes = {"account": [None, member.account], "name": [None, member.name]}
            action = "create"
        elif row.name != member.name:
            member_id = row.id
            conn.execute(
                members.update()
                .where(members.c.id == member_id)
                .values(name=member.name, updated_at=now, rev=members.c.rev + 1)
            )
            changes, action = {"name": [row.name, member.name]}, "update"
        else:
            return str(row.id)
        audit.append_event(
            conn,
            at=now,
            actor=actor,
            action=action,
            kind="member",
            record_id=member_id,
            validation_id=None,
            changes=changes,
        )
        return member_id

    def resolve_id(self, prefix: str) -> str:
        """The full ID of the one validation whose ID starts with prefix."""
        cleaned = prefix.strip().lower()
        if len(cleaned) < 4:
            raise NotFoundError(
                f"validation ID '{prefix}' is too short; give at least 4 characters"
            )
        with self.transaction() as conn:
            ids = (
                conn.execute(
                    sa.select(validations.c.id)
                    .where(validations.c.id.startswith(cleaned, autoescape=True))
                    .where(validations.c.deleted == sa.false())
                    .limit(2)
                )
                .scalars()
                .all()
            )
        if not ids:
            raise NotFoundError(f"no validation with ID '{prefix}'")
        if len(ids) > 1:
            raise NotFoundError(f"validation ID '{prefix}' is ambiguous; give more characters")
        return str(ids[0])

    def exists(self, validation_id: str) -> bool:
        """Whether a validation with exactly this ID is stored."""
        with self.transaction() as conn:
            query = sa.select(validations.c.id).where(validations.c.id == validation_id)
            return conn.execute(query).first() is not None

    def validation(self, validation_id: str) -> Validation:
        """One validation by its full ID."""
        with self.transaction() as conn:
            row = conn.execute(_VALIDATION_SELECT.where(validations.c.id == validation_id)).first()
        if row is None:
            raise NotFoundError(f"no validation with ID '{validation_id}'")
        return _validation_from_row(row)

    def list_validations(self) -> list[ValidationSummary]:
        """Every validation, newest first, with its progress."""
        reviewed = (
            sa.select(
                findings.c.validation_id,
                sa.func.count().label("reviewed"),
                sa.func.sum(sa.case((findings.c.status == "not-met", 1), else_=0)).label(
                    "deficient"
                ),
            )
            .where(findings.c.status != FindingStatus.NOT_REVIEWED.value)
            .where(findings.c.deleted == sa.false())
            .group_by(findings.c.validation_id)
            .subquery()
        )
        query = (
            _VALIDATION_SELECT.add_columns(
                catalog_snapshots.c.criteria,
                sa.func.coalesce(reviewed.c.reviewed, 0).label("reviewed"),
                sa.func.coalesce(reviewed.c.deficient, 0).label("deficient"),
            )
            .join(
                catalog_snapshots,
                (catalog_snapshots.c.entity == validations.c.entity)
                & (catalog_snapshots.c.version == validations.c.catalog_version),
            )
            .outerjoin(reviewed, reviewed.c.validation_id == validations.c.id)
            .order_by(validations.c.date.desc(), validations.c.created_at.desc())
        )
        with self.transaction() as conn:
            rows = conn.execute(query).all()
        return [
            ValidationSummary(
                _validation_from_row(r), r.criteria, r.reviewed, r.deficient, r.updated_at
            )
            for r in rows
        ]

    # Findings ------------------------------------------------------------------------

    def findings(self, validation_id: str) -> dict[str, FindingRecord]:
        """The recorded findings of a validation by criterion ID."""
        with self.transaction() as conn:
            rows = conn.execute(
                sa.select(findings)
                .where(findings.c.validation_id == validation_id)
                .where(findings.c.deleted == sa.false())
            ).all()
        return {
            r.criterion: FindingRecord(_finding_from_row(r), r.updated_at, r.updated_by, r.rev)
            for r in rows
        }

    def change_finding(
        self, validation_id: str, criterion: str, change: FindingChange, actor: str
    ) -> FindingRecord:
        """Read, change and write one finding in one transaction, with its audit event."""
        now = utc_now()
        with self.transaction() as conn:
            return self._change_finding(conn, validation_id, criterion, change, actor, now)

    def change_findings(
        self, validation_id: str, changes: Sequence[tuple[str, FindingChange]], actor: str
    ) -> list[FindingRecord]:
        """Several finding changes applied together: all of them or none."""
        now = utc_now()
        with self.transaction() as conn:
            return [
                self._change_finding(conn, validation_id, cid, change, actor, now)
                for cid, change in changes
            ]

    def _change_finding(
        self,
        conn: sa.Connection,
        validation_id: str,
        criterion: str,
        change: FindingChange,
        actor: str,
        now: str,
        stamp: tuple[str, str] | None = None,
    ) -> FindingRecord:
        row = conn.execute(_SELECT_FINDING, {"vid": validation_id, "cid": criterion}).first()
        old = _finding_from_row(row) if row else Finding(criterion)
        new = change(old)
        old_cols, new_cols = _finding_columns(old), _finding_columns(new)
        diff = {
            k: [old_cols[k], new_cols[k]] for k in _FINDING_FIELDS if old_cols[k] != new_cols[k]
        }
        if row is not None and not diff:
            return FindingRecord(old, row.updated_at, row.updated_by, row.rev)
        updated_at, updated_by = stamp or (now, actor)
        stamps = {"updated_at": updated_at, "updated_by": updated_by}
        if row is None:
            finding_id, rev = str(uuid.uuid4()), 1
            conn.execute(
                findings.insert(),
                {"id": finding_id, "validation_id": validation_id, "criterion": criterion}
                | new_cols
                | stamps,
            )
        else:
            finding_id, rev = row.id, row.rev + 1
            conn.execute(_UPDATE_FINDING, {"fid": finding_id} | new_cols | stamps)
        _touch_validation(conn, validation_id, now)
        audit.append_event(
            conn,
            at=now,
            actor=actor,
            action="create" if row is None else "update",
            kind="finding",
            record_id=finding_id,
            validation_id=validation_id,
            changes={"criterion": criterion} | diff,
        )
        return FindingRecord(new, updated_at, updated_by, rev)

    # Evidence ------------------------------------------------------------------------

    def add_evidence(
        self,
        validation_id: str,
        criterion: str | None,
        filename: str,
        sha256: str,
        size: int,
        actor: str,
    ) -> EvidenceRecord:
        """Record evidence whose content is already in the blob store."""
        now = utc_now()
        record = EvidenceRecord(
            id=str(uuid.uuid4()),
            criterion=criterion,
            sha256=sha256,
            filename=filename,
            media_type=mimetypes.guess_type(filename)[0] or "application/octet-stream",
            size=size,
            captured_at=now,
            captured_by=actor,
        )
        with self.transaction() as conn:
            self._insert_evidence(conn, validation_id, record, actor, now)
        return record

    def _insert_evidence(
        self, conn: sa.Connection, validation_id: str, record: EvidenceRecord, actor: str, now: str
    ) -> None:
        if not self.blobs.has(record.sha256):
            raise StoreError(f"evidence content {record.sha256} is not in the blob store")
        known = sa.select(blobs.c.sha256).where(blobs.c.sha256 == record.sha256)
        if not conn.execute(known).first():
            conn.execute(
                blobs.insert(), {"sha256": record.sha256, "size": record.size, "stored_at": now}
            )
        conn.execute(
            evidence.insert(),
            {
                "id": record.id,
                "validation_id": validation_id,
                "criterion": record.criterion,
                "sha256": record.sha256,
                "filename": record.filename,
                "media_type": record.media_type,
                "captured_at": record.captured_at,
                "captured_by": record.captured_by,
            },
        )
        _touch_validation(conn, validation_id, now)
        audit.append_event(
            conn,
            at=now,
            actor=actor,
            action="attach",
            kind="evidence",
            record_id=record.id,
            validation_id=validation_id,
            changes={
                "criterion": record.criterion,
                "filename": record.filename,
                "sha256": record.sha256,
            },
        )

    def evidence(self, validation_id: str) -> list[EvidenceRecord]:
        """The evidence attached to a validation, oldest first."""
        query = (
            sa.select(evidence, blobs.c.size)
            .join(blobs, blobs.c.sha256 == evidence.c.sha256)
            .where(evidence.c.validation_id == validation_id)
            .where(evidence.c.deleted == sa.false())
            .order_by(evidence.c.captured_at, evidence.c.id)
        )
        with self.transaction() as conn:
            rows = conn.execute(query).all()
        return [
            EvidenceRecord(
                r.id,
                r.criterion,
                r.sha256,
                r.filename,
                r.media_type,
                r.size,
                r.captured_at,
                r.captured_by,
            )
            for r in rows
        ]

    # Audit trail ---------------------------------------------------------------------

    def audit_events(self, validation_id: str | None = None) -> list[dict[str, Any]]:
        """Audit events in order, for one validation or all."""
        query = sa.select(audit_events).order_by(audit_events.c.seq)
        if validation_id is not None:
            query = query.where(audit_events.c.validation_id == validation_id)
        with self.transaction() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def verify_audit(self) -> audit.ChainBreak | None:
        """The first broken link of the whole audit chain, or None when intact."""
        return audit.verify_chain(self.audit_events())
