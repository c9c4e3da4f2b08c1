"""Open the SQLite database: check its schema version, migrate it, set the pragmas."""

import sqlite3
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event

from ctpat_desktop.errors import StoreError

DB_FILE = "ctpat.db"
# Every Alembic revision this code knows, oldest first; a test checks it against the scripts.
REVISIONS = ("0001_initial",)
HEAD = REVISIONS[-1]
_SQLITE_MAGIC = b"SQLite format 3\x00"
_MIGRATIONS = Path(__file__).resolve().parent / "migrations"


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


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Autocommit at the driver; SQLAlchemy's begin event issues BEGIN IMMEDIATE itself, so
    # DDL is transactional and a write transaction never has to upgrade a read lock.
    dbapi_connection.isolation_level = None
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=5000"):
        dbapi_connection.execute(f"PRAGMA {pragma}")


def _begin_immediate(conn: sa.Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def _migrate(engine: sa.Engine) -> None:
    """Upgrade to HEAD with foreign keys off (batch mode would cascade), then check them."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    with engine.connect() as conn:
        # On the driver connection, outside any transaction: inside one SQLite ignores it.
        driver = conn.connection.driver_connection
        assert driver is not None
        driver.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise StoreError(
                        f"migration left {len(broken)} broken references (first in table "
                        f"{broken[0][0]}); the database was left as it was"
                    )
        finally:
            driver.execute("PRAGMA foreign_keys=ON")


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


def open_engine(data_dir: Path) -> sa.Engine:
    """The engine of the data folder's database, created or migrated to HEAD as needed."""
    path = data_dir / DB_FILE
    revision = _schema_revision(path)
    if revision is not None and revision not in REVISIONS:
        raise StoreError(
            f"{path}: written by a newer ctpat-desktop (schema {revision}); this version "
            f"knows schemas up to {HEAD}. Update the app; the database was not changed."
        )
    data_dir.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", _begin_immediate)
    if revision != HEAD:
        if revision is not None:
            _backup_before_migration(path, revision)
        try:
            _migrate(engine)
        except sa.exc.DatabaseError as exc:
            engine.dispose()
            raise StoreError(f"{path}: the database cannot be migrated ({exc.orig})") from exc
    return engine
