"""The hub's service: users, pushes, the change feed and evidence blobs; the only SQL."""

import hashlib
import json
import os
import re
import secrets
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from ctpat_desktop.analytics.queries import StatsFilter
from ctpat_desktop.errors import CtpatError, StoreError
from ctpat_desktop.hub import stats
from ctpat_desktop.hub.database import open_engine
from ctpat_desktop.hub.hub_key import (
    load_or_create_hub_key,
    open_bundle_key,
    seal_bundle_key,
    secure_file,
)
from ctpat_desktop.hub.push import AppliedKey, PushBatch, Record, User
from ctpat_desktop.hub.tables import (
    hub_anchors,
    hub_applied,
    hub_blob_offices,
    hub_blobs,
    hub_counter,
    hub_meta,
    hub_records,
    hub_users,
)
from ctpat_desktop.store.evidence import BlobStore
from ctpat_desktop.sync.bundle import bundle_key
from ctpat_desktop.sync.protocol import (
    BASE_KINDS,
    KIND_BY_NAME,
    ROLES,
    SIGNED_DOCUMENT_KINDS,
    Change,
    Mutation,
)

EVIDENCE_DIR = "evidence"
STATE_FILE = "hub.state"
_IN_CHUNK = 500  # values per IN (...) list: well under SQLite's and PostgreSQL's limits
_MAX_NAME = 100
_HEX_SHA256 = re.compile(r"[0-9a-f]{64}")


class HubError(CtpatError):
    """A hub operation the caller asked for cannot be done; the message says why."""


@dataclass(frozen=True, slots=True)
class UserInfo:
    """A user as ``ctpat-hub user list`` shows it (never the token)."""

    name: str
    role: str
    office: str | None
    created_at: str
    disabled: bool


@dataclass(frozen=True, slots=True)
class PushReport:
    """A push's results in order, and the keys that were replays of earlier pushes."""

    results: list[dict[str, Any]]
    replayed: frozenset[str]


def utc_now() -> str:
    """The current UTC time as the hub stamps records."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def token_hash(token: str) -> str:
    """The hex SHA-256 under which a token is stored (the token itself never is)."""
    return hashlib.sha256(token.encode()).hexdigest()


def _chunks(values: Sequence[str]) -> Iterator[list[str]]:
    for start in range(0, len(values), _IN_CHUNK):
        yield list(values[start : start + _IN_CHUNK])


def _record(row: sa.Row[Any]) -> Record:
    return Record(
        row.kind,
        row.id,
        row.office,
        row.validation_id,
        row.rev,
        row.seq,
        bool(row.deleted),
        json.loads(row.fields),
        row.updated_at,
        row.updated_by,
        epoch=row.epoch,
    )


def _row(record: Record) -> dict[str, Any]:
    return {
        "b_kind": record.kind,
        "b_id": record.id,
        "office": record.office,
        "validation_id": record.validation_id,
        "sha256": record.sha256,
        "rev": record.rev,
        "seq": record.seq,
        "deleted": record.deleted,
        "fields": json.dumps(record.fields, separators=(",", ":"), ensure_ascii=False),
        "updated_at": record.updated_at,
        "updated_by": record.updated_by,
        "epoch": record.epoch,
        "member_id": record.member_id,
    }


# Columns a push writes besides the key (kind, id), bound by name in executemany.
_WRITTEN = (
    "office",
    "validation_id",
    "sha256",
    "rev",
    "seq",
    "deleted",
    "fields",
    "updated_at",
    "updated_by",
    "epoch",
    "member_id",
)
_UPDATE_RECORD = (
    sa.update(hub_records)
    .where(hub_records.c.kind == sa.bindparam("b_kind"), hub_records.c.id == sa.bindparam("b_id"))
    .values({name: sa.bindparam(name) for name in _WRITTEN})
)
_INSERT_RECORD = sa.insert(hub_records).values(
    {"kind": sa.bindparam("b_kind"), "id": sa.bindparam("b_id")}
    | {name: sa.bindparam(name) for name in _WRITTEN}
)


class Hub:
    """The hub's data: a database (SQLite or PostgreSQL) and an evidence folder."""

    def __init__(
        self, engine: sa.Engine, blobs: BlobStore, hub_key: bytes, data_dir: Path | None = None
    ) -> None:
        self.engine = engine
        self.blobs = blobs
        self._hub_key = hub_key  # seals the users' bundle keys (hub.key, not in the database)
        self._state_file = data_dir / STATE_FILE if data_dir is not None else None
        self.hub_id, self.epoch = self._identity()
        # Bytes of evidence received over HTTP (the app adds to it): shows a file crosses once.
        self.blob_bytes_received = 0

    @classmethod
    def open(cls, db_url: str, data_dir: Path) -> "Hub":
        """Open (creating and migrating as needed) the hub's database and evidence folder;
        the folder, its key file and a SQLite database are readable by the hub's user only."""
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{data_dir}: cannot create the data folder ({exc.strerror})") from exc
        hub_key = load_or_create_hub_key(data_dir)
        engine = open_engine(db_url)
        if engine.dialect.name == "sqlite" and engine.url.database:
            database = Path(engine.url.database)
            for path in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
                if path.exists():
                    secure_file(path)
        return cls(engine, BlobStore(data_dir / EVIDENCE_DIR), hub_key, data_dir)

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    # Identity and epoch ------------------------------------------------------------------

    def head(self) -> int:
        """The seq of the newest change the hub holds."""
        with self.engine.connect() as conn:
            seq: int = conn.execute(
                sa.select(hub_counter.c.seq).where(hub_counter.c.id == 1)
            ).scalar_one()
        return seq

    def _identity(self) -> tuple[str, str]:
        """(hub_id, epoch); a new epoch if the database is behind what the hub last wrote.

        The data folder's hub.state keeps the newest seq the hub committed. A database
        whose counter is below it was restored from an older copy: laptops that saw later
        changes must re-send what it lost, so the epoch changes. (When the whole data
        folder comes back from a backup, `ctpat-hub new-epoch` says so.)
        """
        with self.engine.connect() as conn:
            meta = dict(conn.execute(sa.select(hub_meta.c.key, hub_meta.c.value)).all())
        hub_id, epoch, head = meta["hub_id"], meta["epoch"], self.head()
        written = self._read_state()
        if written is not None and written.get("hub_id") == hub_id:
            seq = written.get("seq")
            if isinstance(seq, int) and seq > head:
                epoch = self.new_epoch()
        self._write_state(hub_id, head)
        return hub_id, epoch

    def new_epoch(self) -> str:
        """Start a new epoch (the database was restored from an older copy); the epoch."""
        epoch = str(uuid.uuid4())
        with self._write() as conn:
            conn.execute(sa.update(hub_meta).where(hub_meta.c.key == "epoch").values(value=epoch))
        self.epoch = epoch
        return epoch

    def _read_state(self) -> dict[str, Any] | None:
        if self._state_file is None:
            return None
        try:
            state = json.loads(self._state_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return state if isinstance(state, dict) else None

    def _write_state(self, hub_id: str, seq: int) -> None:
        if self._state_file is None:
            return
        temporary = self._state_file.with_name(f".{STATE_FILE}.tmp")
        try:
            temporary.write_text(json.dumps({"hub_id": hub_id, "seq": seq}), encoding="utf-8")
            os.replace(temporary, self._state_file)
        except OSError:
            pass  # only restore detection is weaker; the data is in the database

    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        """A write transaction; on SQLite it takes the write lock at BEGIN."""
        with self.engine.connect() as conn:
            conn.execution_options(hub_write=True)
            with conn.begin():
                yield conn

    # Audit anchors -----------------------------------------------------------------------

    def anchor(self, user: User, install: str) -> dict[str, Any] | None:
        """The last audit anchor one laptop left, or None; only its owner (or an admin)
        may read it."""
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(hub_anchors).where(hub_anchors.c.install == install)
            ).first()
        if row is None or (row.user_name != user.name and not user.is_admin):
            return None
        return {"install": row.install, "events": row.events, "hash": row.hash, "at": row.at}

    def set_anchor(self, user: User, install: str, events: int, last_hash: str) -> None:
        """Keep a laptop's newer anchor; HubError if it has fewer events than one it left."""
        now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        with self._write() as conn:
            row = conn.execute(
                sa.select(hub_anchors).where(hub_anchors.c.install == install)
            ).first()
            if row is not None and row.user_name != user.name and not user.is_admin:
                raise HubError(
                    f"the audit anchor of laptop {install} belongs to another user; "
                    "an admin can look at it"
                )
            if row is not None and (
                events < row.events or (events == row.events and last_hash != row.hash)
            ):
                raise HubError(
                    f"this laptop's audit trail has {events} events, but it left {row.events} "
                    f"here on {row.at}: events were removed or rewritten"
                )
            values = {"user_name": user.name, "events": events, "hash": last_hash, "at": now}
            if row is None:
                conn.execute(hub_anchors.insert().values(install=install, **values))
            else:
                conn.execute(
                    hub_anchors.update().where(hub_anchors.c.install == install).values(**values)
                )

    # Users ------------------------------------------------------------------------------

    def add_user(self, name: str, role: str, office: str | None) -> str:
        """Create a user and return their token (shown once; the hub keeps only its hash)."""
        if not name or name != name.strip() or len(name) > _MAX_NAME:
            raise HubError(f"a user name must be 1 to {_MAX_NAME} characters, no outer spaces")
        if role not in ROLES:
            raise HubError(f"unknown role {role!r}; roles: {', '.join(ROLES)}")
        office = office.strip() if office else None
        if role != "admin" and not office:
            raise HubError(f"a {role} user needs an office (--office NAME)")
        if office and len(office) > _MAX_NAME:
            raise HubError(f"an office name must be at most {_MAX_NAME} characters")
        token = secrets.token_urlsafe(32)
        row = {
            "name": name,
            "role": role,
            "office": office,
            "token_hash": token_hash(token),
            "bundle_key": seal_bundle_key(self._hub_key, name, bundle_key(token)),
            "created_at": utc_now(),
            "disabled": False,
        }
        try:
            with self._write() as conn:
                conn.execute(sa.insert(hub_users), row)
        except sa.exc.IntegrityError:
            raise HubError(f"user {name!r} already exists") from None
        return token

    def list_users(self) -> list[UserInfo]:
        """Every user, by name."""
        columns = (hub_users.c[n] for n in ("name", "role", "office", "created_at", "disabled"))
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(*columns).order_by(hub_users.c.name)).all()
        return [UserInfo(r.name, r.role, r.office, r.created_at, bool(r.disabled)) for r in rows]

    def disable_user(self, name: str) -> None:
        """Stop a user's token from working (for pushes, pulls and bundles)."""
        with self._write() as conn:
            done = conn.execute(
                sa.update(hub_users).where(hub_users.c.name == name).values(disabled=True)
            )
        if done.rowcount == 0:
            raise HubError(f"no user named {name!r}")

    def authenticate(self, token: str) -> User | None:
        """The enabled user holding this token, or None."""
        query = sa.select(hub_users.c.name, hub_users.c.role, hub_users.c.office).where(
            hub_users.c.token_hash == token_hash(token), hub_users.c.disabled == sa.false()
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return None if row is None else User(row.name, row.role, row.office)

    def user(self, name: str) -> User | None:
        """The enabled user with this name, or None."""
        query = sa.select(hub_users.c.name, hub_users.c.role, hub_users.c.office).where(
            hub_users.c.name == name, hub_users.c.disabled == sa.false()
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return None if row is None else User(row.name, row.role, row.office)

    def bundle_key_for(self, name: str) -> bytes | None:
        """The key an enabled user's bundles are sealed with, or None."""
        query = sa.select(hub_users.c.bundle_key).where(
            hub_users.c.name == name, hub_users.c.disabled == sa.false()
        )
        with self.engine.connect() as conn:
            key = conn.execute(query).scalar()
        return None if key is None else open_bundle_key(self._hub_key, name, key)

    # Push and the change feed --------------------------------------------------------------

    def push(self, user: User, mutations: Sequence[Mutation]) -> list[dict[str, Any]]:
        """Apply the mutations in order in one transaction; one result per mutation."""
        return self.push_report(user, mutations).results

    def push_report(self, user: User, mutations: Sequence[Mutation]) -> PushReport:
        """Like push, also telling which keys were replays of an earlier push."""
        with self._write() as conn:
            # The counter row is locked first, so seqs are handed out in commit order.
            seq = conn.execute(
                sa.select(hub_counter.c.seq).where(hub_counter.c.id == 1).with_for_update()
            ).scalar_one()
            records = self._load_for(conn, mutations)
            batch = PushBatch(
                user=user,
                seq=seq,
                now=utc_now(),
                records=records,
                applied=self._load_applied(conn, [m.key for m in mutations]),
                blobs=self._stored_blobs(conn, mutations, records.values()),
                load_children=lambda vid: self._children(conn, vid),
                member_offices=lambda member: self._member_offices(conn, member),
                load_record=lambda kind, rid: self._records_by_id(conn, [rid]).get((kind, rid)),
            )
            results = batch.run(mutations)
            self._save(conn, batch, user)
        if batch.dirty:
            self._write_state(self.hub_id, batch.seq)
        return PushReport(results, frozenset(batch.replayed))

    def _load_for(
        self, conn: sa.Connection, mutations: Sequence[Mutation]
    ) -> dict[tuple[str, str], Record]:
        """The records the mutations touch and the validations they belong to."""
        ids = {m.id for m in mutations}
        ids.update(str(m.fields["validation_id"]) for m in mutations if "validation_id" in m.fields)
        ids.update(str(m.fields["member_id"]) for m in mutations if "member_id" in m.fields)
        records = self._records_by_id(conn, ids)
        parents = {r.validation_id for r in records.values() if r.validation_id} - ids
        records.update(self._records_by_id(conn, parents))
        return records

    def _records_by_id(
        self, conn: sa.Connection, ids: Iterable[str]
    ) -> dict[tuple[str, str], Record]:
        found: dict[tuple[str, str], Record] = {}
        for chunk in _chunks(sorted(ids)):
            rows = conn.execute(sa.select(hub_records).where(hub_records.c.id.in_(chunk)))
            for row in rows:
                found[(row.kind, row.id)] = _record(row)
        return found

    def _load_applied(self, conn: sa.Connection, keys: Sequence[str]) -> dict[str, AppliedKey]:
        applied: dict[str, AppliedKey] = {}
        columns = (hub_applied.c.key, hub_applied.c.user_name, hub_applied.c.digest)
        for chunk in _chunks(sorted(set(keys))):
            query = sa.select(*columns, hub_applied.c.result).where(hub_applied.c.key.in_(chunk))
            for row in conn.execute(query):
                applied[row.key] = AppliedKey(row.user_name, row.digest, json.loads(row.result))
        return applied

    def _stored_blobs(
        self, conn: sa.Connection, mutations: Sequence[Mutation], records: Iterable[Record]
    ) -> dict[str, set[str]]:
        """The evidence content the push names that is stored, with the offices that
        uploaded it."""
        wanted = {m.fields.get("sha256") for m in mutations if m.kind == "evidence"}
        wanted.update(r.sha256 for r in records)
        stored: dict[str, set[str]] = {}
        for chunk in _chunks(sorted(sha for sha in wanted if isinstance(sha, str))):
            query = sa.select(hub_blobs.c.sha256).where(hub_blobs.c.sha256.in_(chunk))
            stored.update((sha, set()) for sha in conn.execute(query).scalars())
            query = sa.select(hub_blob_offices).where(hub_blob_offices.c.sha256.in_(chunk))
            for row in conn.execute(query):
                stored.setdefault(row.sha256, set()).add(row.office)
        return stored

    def _member_offices(self, conn: sa.Connection, member_id: str) -> set[str | None]:
        query = sa.select(hub_records.c.office).where(
            hub_records.c.kind == "validation", hub_records.c.member_id == member_id
        )
        return set(conn.execute(query).scalars())

    def _children(self, conn: sa.Connection, validation_id: str) -> list[Record]:
        query = sa.select(hub_records).where(
            hub_records.c.validation_id == validation_id, hub_records.c.kind != "validation"
        )
        return [_record(row) for row in conn.execute(query)]

    def _save(self, conn: sa.Connection, batch: PushBatch, user: User) -> None:
        for record in batch.dirty.values():
            record.epoch = self.epoch
        inserts = [_row(r) for r in batch.dirty.values() if not r.stored]
        updates = [_row(r) for r in batch.dirty.values() if r.stored]
        if updates:
            conn.execute(_UPDATE_RECORD, updates)
        if inserts:
            conn.execute(_INSERT_RECORD, inserts)
        stats.project(conn, batch.dirty.values())
        if batch.new_applied:
            rows = [
                {
                    "key": key,
                    "user_name": applied.user,
                    "digest": applied.digest,
                    "result": json.dumps(applied.result, separators=(",", ":")),
                    "applied_at": batch.now,
                }
                for key, applied in batch.new_applied.items()
            ]
            conn.execute(sa.insert(hub_applied), rows)
        conn.execute(sa.update(hub_counter).where(hub_counter.c.id == 1).values(seq=batch.seq))

    def changes(
        self, user: User, since: int, limit: int, kinds: Sequence[str] = BASE_KINDS
    ) -> tuple[list[Change], int, bool]:
        """Records of the given kinds changed after seq ``since`` that the user may see:
        (changes, next, more). A laptop is sent only the kinds it knows (BASE_KINDS when it
        did not say: an earlier release)."""
        query = (
            sa.select(hub_records)
            .where(hub_records.c.seq > since, hub_records.c.kind.in_(list(kinds)))
            .order_by(hub_records.c.seq)
            .limit(limit + 1)
        )
        if not user.is_admin:
            # A member is seen only by an office with a validation of theirs.
            members = sa.select(hub_records.c.member_id).where(
                hub_records.c.kind == "validation", hub_records.c.office == user.office
            )
            query = query.where(
                sa.or_(
                    hub_records.c.office == user.office,
                    sa.and_(hub_records.c.office.is_(None), hub_records.c.kind != "member"),
                    sa.and_(hub_records.c.kind == "member", hub_records.c.id.in_(members)),
                )
            )
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        more = len(rows) > limit
        changes = [_record(row).to_change() for row in rows[:limit]]
        return changes, changes[-1].seq if changes else since, more

    def record(self, kind: str, record_id: str) -> Change | None:
        """The hub's current copy of one record (any office), or None."""
        if kind not in KIND_BY_NAME:
            raise HubError(f"unknown kind {kind!r}")
        query = sa.select(hub_records).where(
            hub_records.c.kind == kind, hub_records.c.id == record_id
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return None if row is None else _record(row).to_change()

    def stats(self, user: User | None, filters: StatsFilter) -> dict[str, Any]:
        """The dashboard's figures over what the user may see (None: every office)."""
        return stats.hub_figures(self.engine, user, filters)

    # Evidence blobs ----------------------------------------------------------------------

    def has_blob(self, sha256: str) -> bool:
        """Whether this evidence content is stored on the hub (for the operator and tests;
        a user asks `blob_known_to`)."""
        query = sa.select(hub_blobs.c.sha256).where(hub_blobs.c.sha256 == sha256)
        with self.engine.connect() as conn:
            known = conn.execute(query).first() is not None
        return known and self.blobs.has(sha256)

    def blob_known_to(self, user: User, sha256: str) -> bool:
        """Whether the user's office holds this content: uploaded it, or may see evidence or
        a signed document naming it. Anyone else hears "not here", so the hub confirms
        nothing."""
        if not self.has_blob(sha256):
            return False
        if user.is_admin:
            return True
        query = sa.select(hub_blob_offices.c.sha256).where(
            hub_blob_offices.c.sha256 == sha256, hub_blob_offices.c.office == user.office
        )
        with self.engine.connect() as conn:
            uploaded = conn.execute(query).first() is not None
        return uploaded or self._visible_content(user, sha256)

    def put_blob(self, sha256: str, content: bytes, user: User | None = None) -> bool:
        """Store content under its hash, recorded as held by the user's office (sending the
        bytes proves it has them); True if the content is new. HubError if it does not
        match its hash."""
        if hashlib.sha256(content).hexdigest() != sha256:
            raise HubError("content does not match its SHA-256")
        created = False
        if not self.has_blob(sha256):
            self.blobs.put_bytes(content, sha256)
            row = {"sha256": sha256, "size": len(content), "stored_at": utc_now()}
            try:
                with self._write() as conn:
                    conn.execute(sa.insert(hub_blobs), row)
                created = True
            except sa.exc.IntegrityError:
                pass  # another request stored the same content meanwhile
        if user is not None and user.office:
            holder = {"sha256": sha256, "office": user.office}
            try:
                with self._write() as conn:
                    conn.execute(sa.insert(hub_blob_offices), holder)
            except sa.exc.IntegrityError:
                pass  # the office had uploaded it already
        return created

    def _visible_evidence(self, user: User, sha256: str) -> bool:
        query = sa.select(hub_records.c.id).where(
            hub_records.c.sha256 == sha256,
            hub_records.c.kind == "evidence",
            sa.or_(hub_records.c.office.is_(None), hub_records.c.office == user.office),
        )
        with self.engine.connect() as conn:
            return conn.execute(query.limit(1)).first() is not None

    def _visible_document(self, user: User, sha256: str) -> bool:
        """Whether a report, rendition or letter record the user may see names this content
        as its signed file, and the content was uploaded from that record's office.

        The upload is asked for too because a document may be recorded before its file
        arrives (one signed before files were kept never sends it): a record naming another
        office's hash, which every report prints, must not open that office's file.
        """
        if not _HEX_SHA256.fullmatch(sha256):
            return False
        uploaded = sa.exists().where(
            hub_blob_offices.c.sha256 == sha256,
            hub_blob_offices.c.office == hub_records.c.office,
        )
        query = sa.select(hub_records.c.fields).where(
            hub_records.c.kind.in_(SIGNED_DOCUMENT_KINDS),
            hub_records.c.office == user.office,
            hub_records.c.deleted == sa.false(),
            hub_records.c.fields.contains(sha256),
            uploaded,
        )
        with self.engine.connect() as conn:
            # The hash may also appear as the report a rendition or letter follows.
            return any(json.loads(fields).get("sha256") == sha256 for fields in conn.scalars(query))

    def _visible_content(self, user: User, sha256: str) -> bool:
        return self._visible_evidence(user, sha256) or self._visible_document(user, sha256)

    def blob_for(self, user: User, sha256: str) -> bytes | None:
        """The content, if stored and the user may see an evidence record that names it, or
        a signed document's record (report, rendition, letter) naming it as its file."""
        if not user.is_admin and not self._visible_content(user, sha256):
            return None
        if not self.has_blob(sha256):
            return None
        return self.blobs.read_bytes(sha256)
