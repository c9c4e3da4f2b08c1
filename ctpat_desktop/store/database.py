"""Open the SQLite database: check its schema version, migrate it, set the pragmas.

The schema is described with SQLAlchemy (tables.py) and migrated with Alembic; day-to-day
reads and writes go through the standard sqlite3 driver, which keeps a CLI command from
importing SQLAlchemy (~110 ms) and a finding save close to a bare INSERT+COMMIT.
"""

import sqlite3
from pathlib import Path

from ctpat_desktop.errors import StoreError

DB_FILE = "ctpat.db"
# Every Alembic revision this code knows, oldest first; a test checks it against the scripts.
REVISIONS = (
    "0001_initial",
    "0002_member_answers",
    "0003_validation_office",
    "0004_reports",
    "0005_workspace",
    "0006_sync",
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


def _schema_revision(path: Path) -> str | None:
    """The Alembic revision stored in the file, read without changing it; None if new."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    with path.open("rb") as handle:
        if handle.read(16) != _SQLITE_MAGIC:
            raise StoreError(f"{path}: not a ctpat-desktop database (not an SQLite file)")
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" not in tables:
                if tables:
                    raise StoreError(f"{path}: an SQLite file, but not a ctpat-desktop database")
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: the database cannot be read ({exc})") from exc
    return row[0] if row else None


def _migrate(path: Path) -> None:
    """Upgrade to HEAD with foreign keys off (batch mode would cascade), then check them."""
    import sqlalchemy as sa
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    engine = sa.create_engine(f"sqlite:///{path}")

    @sa.event.listens_for(engine, "connect")
    def _autocommit_driver(dbapi_connection: sqlite3.Connection, _record: object) -> None:
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


def _backup_before_migration(path: Path, revision: str) -> None:
    """Keep a copy of the old file next to it before changing its schema."""
    target = path.with_name(f"{path.name}.before-{revision}.bak")
    source = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()


def open_database(data_dir: Path) -> sqlite3.Connection:
    """A connection to the data folder's database, created or migrated to HEAD as needed."""
    path = data_dir / DB_FILE
    revision = _schema_revision(path)
    if revision is not None and revision not in REVISIONS:
        raise StoreError(
            f"{path}: written by a newer ctpat-desktop (schema {revision}); this version "
            f"knows schemas up to {HEAD}. Update the app; the database was not changed."
        )
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{data_dir}: cannot create the data folder ({exc.strerror})") from exc
    if revision != HEAD:
        if revision is not None:
            _backup_before_migration(path, revision)
        _migrate(path)
    # Autocommit at the driver: the store issues BEGIN IMMEDIATE … COMMIT itself.
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    for pragma in PRAGMAS:
        conn.execute(f"PRAGMA {pragma}")
    return conn
