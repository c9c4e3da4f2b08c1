"""Open the hub's database (SQLite or PostgreSQL): engine, pragmas, migrations.

Migrations run whenever the hub opens its database; a database written by a newer hub is
refused with a clear message and left as it was.
"""

import sqlite3
from pathlib import Path

import sqlalchemy as sa

from ctpat_desktop.errors import StoreError

# Every Alembic revision this code knows, oldest first; a test checks it against the scripts.
REVISIONS = (
    "h0001_initial",
    "h0002_anchors",
    "h0003_trust",
    "h0004_identity",
    "h0005_stats",
    "h0006_stat_times",
    "h0007_stat_outcomes",
)
HEAD = REVISIONS[-1]
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_PRAGMAS = ("journal_mode=WAL", "synchronous=FULL", "busy_timeout=30000")
# Any constant: hubs starting at once on one PostgreSQL database migrate one at a time.
_PG_MIGRATION_LOCK = 0x63747061


def is_sqlite(engine: sa.Engine) -> bool:
    """Whether the engine talks to SQLite (else PostgreSQL)."""
    return engine.dialect.name == "sqlite"


def create_hub_engine(url: str) -> sa.Engine:
    """An engine for the URL; SQLite gets WAL, full sync and explicit transactions.

    On SQLite a transaction opened with ``execution_options(hub_write=True)`` starts with
    BEGIN IMMEDIATE, so writers queue up front instead of failing on lock upgrade.
    """
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError:
        raise StoreError(f"{url!r} is not a database URL") from None
    if parsed.get_backend_name() == "sqlite":
        if parsed.database in (None, "", ":memory:"):
            raise StoreError("the hub needs a database file, not an in-memory SQLite database")
        engine = sa.create_engine(parsed, connect_args={"check_same_thread": False})
        sa.event.listen(engine, "connect", _sqlite_connect)
        sa.event.listen(engine, "begin", _sqlite_begin)
        return engine
    if parsed.get_backend_name() != "postgresql":
        raise StoreError(f"{parsed.get_backend_name()}: the hub stores in SQLite or PostgreSQL")
    try:
        return sa.create_engine(parsed, pool_size=10, max_overflow=20, pool_pre_ping=True)
    except ImportError as exc:
        raise StoreError(f"cannot use PostgreSQL: {exc}") from None


def _sqlite_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # Autocommit at the driver; SQLAlchemy's begin event below issues BEGIN itself.
    dbapi_connection.isolation_level = None
    for pragma in SQLITE_PRAGMAS:
        dbapi_connection.execute(f"PRAGMA {pragma}")


def _sqlite_begin(conn: sa.Connection) -> None:
    write = conn.get_execution_options().get("hub_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _stored_revision(conn: sa.Connection) -> str | None:
    if not sa.inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def migrate(engine: sa.Engine) -> None:
    """Bring the database to HEAD; refuse (unchanged) one written by a newer hub."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    where = engine.url.render_as_string(hide_password=True)
    try:
        with engine.connect() as conn:
            conn.execution_options(hub_write=True)
            with conn.begin():
                if not is_sqlite(engine):
                    conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_PG_MIGRATION_LOCK)))
                revision = _stored_revision(conn)
                if revision is not None and revision not in REVISIONS:
                    raise StoreError(
                        f"{where}: written by a newer ctpat-hub (schema {revision}); this "
                        f"version knows schemas up to {HEAD}. Update the hub; the database "
                        "was not changed."
                    )
                if revision != HEAD:
                    config.attributes["connection"] = conn
                    command.upgrade(config, "head")
    except sa.exc.DBAPIError as exc:
        raise StoreError(f"{where}: the database cannot be opened ({_reason(exc)})") from exc


def _reason(exc: sa.exc.DBAPIError) -> str:
    text = str(exc.orig).strip().splitlines()
    return text[0] if text else type(exc.orig).__name__


def open_engine(url: str) -> sa.Engine:
    """An engine on a database migrated to HEAD, created if it is new."""
    engine = create_hub_engine(url)
    try:
        migrate(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine
