"""Open the SQLite database: encrypt, check its schema version, migrate it, set pragmas.

The schema is described with SQLAlchemy (tables.py) and migrated with Alembic; day-to-day
reads and writes go through the DB-API driver directly (SQLCipher's sqlite3, driver.py),
which keeps a CLI command from importing SQLAlchemy (~110 ms) and a finding save close to
a bare INSERT+COMMIT. The file is encrypted with the data folder's key (keys.py); a
plain SQLite file from an older version is encrypted once, the first time it is opened.
"""

import os
from pathlib import Path

from ctpat_desktop.errors import StoreError
from ctpat_desktop.records.kinds import VISIT_KINDS
from ctpat_desktop.store.driver import connect, sqlite
from ctpat_desktop.store.files import fsync_folder

DB_FILE = "ctpat.db"
# Every Alembic revision this code knows, oldest first; a test checks it against the scripts.
REVISIONS = (
    "0001_initial",
    "0002_member_answers",
    "0003_validation_office",
    "0004_reports",
    "0005_workspace",
    "0006_sync",
    "0007_local_keys",
    "0008_audit_unindexed",
    "0009_finding_parts",
    "0010_evidence_caption",
    "0011_session_periods",
    "0012_followups",
    "0013_visit_records",
    "0014_feedback",
    "0015_renditions_letters",
)
HEAD = REVISIONS[-1]
PRAGMAS = ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=5000")
_SQLITE_MAGIC = b"SQLite format 3\x00"
# A signed validation is read-only at the database level. The triggers are not part of the
# migrations: batch mode recreates tables, and renaming one under a trigger that names it
# fails, so every migration run drops them first and creates the current ones after.
LOCK_TRIGGERS = {
    "findings_locked_insert": ("INSERT", "findings", "NEW"),
    "findings_locked_update": ("UPDATE", "findings", "OLD"),
    "findings_locked_delete": ("DELETE", "findings", "OLD"),
    "evidence_locked_insert": ("INSERT", "evidence", "NEW"),
    "evidence_locked_update": ("UPDATE", "evidence", "OLD"),
    **{
        f"{kind.table}_locked_{operation.lower()}": (operation, kind.table, row)
        for kind in VISIT_KINDS
        if kind.locked_by_signing
        for operation, row in (("INSERT", "NEW"), ("UPDATE", "OLD"), ("DELETE", "OLD"))
    },
}
LOCKED_MESSAGE = "validation is signed and locked"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def lock_trigger_sql() -> list[str]:
    """The CREATE TRIGGER statements that make a signed validation read-only."""
    return [
        f"CREATE TRIGGER {name} BEFORE {operation} ON {table} WHEN (SELECT status "
        f"FROM validations WHERE id = {row}.validation_id) = 'signed' "
        f"BEGIN SELECT RAISE(ABORT, '{LOCKED_MESSAGE}'); END"
        for name, (operation, table, row) in LOCK_TRIGGERS.items()
    ]


def is_plain_sqlite(path: Path) -> bool:
    """Whether path is an unencrypted SQLite file (an encrypted one starts with random salt)."""
    try:
        with path.open("rb") as handle:
            return handle.read(16) == _SQLITE_MAGIC
    except FileNotFoundError:
        return False


def _schema_revision(path: Path, key: bytes) -> str | None:
    """The Alembic revision stored in the file, read without changing it; None if new."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        conn = connect(path, None if is_plain_sqlite(path) else key, readonly=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" not in tables:
                if tables:
                    raise StoreError(f"{path}: an SQLite file, but not a ctpat-desktop database")
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite.DatabaseError as exc:
        if "not a database" in str(exc):
            raise StoreError(
                f"{path}: cannot be opened with this data folder's key, or is not a "
                "ctpat-desktop database; it was not changed"
            ) from None
        raise StoreError(f"{path}: the database cannot be read ({exc})") from exc
    return row[0] if row else None


def _table_counts(conn: "sqlite.Connection", schema: str = "main") -> dict[str, int]:
    names = [
        r[0]
        for r in conn.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {n: conn.execute(f'SELECT COUNT(*) FROM {schema}."{n}"').fetchone()[0] for n in names}


def encrypt_plain_file(path: Path, key: bytes) -> None:
    """Encrypt a plain SQLite file in place: a checked encrypted copy replaces it atomically.

    The copy (sqlcipher_export) is verified, integrity and every table's row count, before
    it replaces the original; until then the original is untouched, so a failure or a crash
    loses nothing and the next open tries again.
    """
    tmp = path.with_name(f"{path.name}.encrypting")
    tmp.unlink(missing_ok=True)
    plain = connect(path, None)
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        expected = _table_counts(plain)
        plain.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(tmp),))
        plain.execute("SELECT sqlcipher_export('encrypted')")
        plain.execute("DETACH DATABASE encrypted")
    except sqlite.DatabaseError as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError(f"{path}: could not be encrypted ({exc}); it was left as it was") from exc
    finally:
        plain.close()
    check = connect(tmp, key)
    try:
        ok = check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        same = _table_counts(check) == expected
    finally:
        check.close()
    if not (ok and same):
        tmp.unlink(missing_ok=True)
        raise StoreError(f"{path}: the encrypted copy did not check out; the file is unchanged")
    with tmp.open("rb") as handle:
        os.fsync(handle.fileno())
    for leftover in (path.with_name(f"{path.name}-wal"), path.with_name(f"{path.name}-shm")):
        leftover.unlink(missing_ok=True)
    tmp.replace(path)
    fsync_folder(path.parent)


def _migrate(path: Path, key: bytes) -> None:
    """Upgrade to HEAD with foreign keys off (batch mode would cascade), then check them."""
    import sqlalchemy as sa
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    engine = sa.create_engine("sqlite://", module=sqlite, creator=lambda: connect(path, key))

    @sa.event.listens_for(engine, "connect")
    def _autocommit_driver(dbapi_connection: "sqlite.Connection", _record: object) -> None:
        # SQLAlchemy then issues BEGIN itself, so the DDL below is one real transaction.
        dbapi_connection.isolation_level = None
        for pragma in PRAGMAS:
            dbapi_connection.execute(f"PRAGMA {pragma}")
        dbapi_connection.execute("PRAGMA foreign_keys=OFF")

    @sa.event.listens_for(engine, "begin")
    def _begin(conn: sa.Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    try:
        with engine.connect() as conn, conn.begin():
            for name in LOCK_TRIGGERS:
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
            for statement in lock_trigger_sql():
                conn.exec_driver_sql(statement)
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise StoreError(
                    f"{path}: migration would leave {len(broken)} broken references (first in "
                    f"table {broken[0][0]}); the database was left as it was"
                )
    except sa.exc.DatabaseError as exc:
        raise StoreError(f"{path}: the database cannot be migrated ({exc.orig})") from exc
    finally:
        engine.dispose()


def _backup_before_migration(path: Path, revision: str, key: bytes) -> None:
    """Keep a copy of the old file next to it (encrypted alike) before changing its schema."""
    target = path.with_name(f"{path.name}.before-{revision}.bak")
    target.unlink(missing_ok=True)
    source = connect(path, key, readonly=True)
    try:
        copy = connect(target, key)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()


def keep_private(data_dir: Path) -> None:
    """Only its owner may enter the data folder (0700): its database, backups, settings
    and evidence are then out of other accounts' reach whatever their own modes (folders
    made by earlier releases were 0755). A folder someone else owns is left as it is."""
    try:
        if data_dir.stat().st_mode & 0o077:
            data_dir.chmod(0o700)
    except OSError:
        pass  # not ours to change (a shared or read-only location): the OS says who may read


def open_database(data_dir: Path, key: bytes) -> "sqlite.Connection":
    """A connection to the data folder's encrypted database, made or migrated as needed."""
    path = data_dir / DB_FILE
    try:
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{data_dir}: cannot create the data folder ({exc.strerror})") from exc
    keep_private(data_dir)
    revision = _schema_revision(path, key)
    if revision is not None and revision not in REVISIONS:
        raise StoreError(
            f"{path}: written by a newer ctpat-desktop (schema {revision}); this version "
            f"knows schemas up to {HEAD}. Update the app; the database was not changed."
        )
    if is_plain_sqlite(path):
        encrypt_plain_file(path, key)
        for old in path.parent.glob(f"{path.name}.before-*.bak"):
            if is_plain_sqlite(old):
                encrypt_plain_file(old, key)
    if revision != HEAD:
        if revision is not None:
            _backup_before_migration(path, revision, key)
        _migrate(path, key)
    conn = connect(path, key)
    conn.row_factory = sqlite.Row
    for pragma in PRAGMAS:
        conn.execute(f"PRAGMA {pragma}")
    return conn
