"""Opening the database: pragmas, migrations, refusals that leave the file untouched."""

import hashlib
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from ctpat_desktop.errors import StoreError
from ctpat_desktop.store import database
from ctpat_desktop.store.tables import metadata

LOCK_TRIGGERS = {
    "findings_locked_insert",
    "findings_locked_update",
    "findings_locked_delete",
    "evidence_locked_insert",
    "evidence_locked_update",
}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_has_wal_full_sync_foreign_keys(tmp_path: Path) -> None:
    conn = database.open_database(tmp_path)
    pragmas = {
        name: conn.execute(f"PRAGMA {name}").fetchone()[0]
        for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
    }
    revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    conn.close()
    assert pragmas == {
        "journal_mode": "wal",
        "synchronous": 2,
        "foreign_keys": 1,
        "busy_timeout": 5000,
    }
    assert revision == database.HEAD


def test_known_revisions_match_the_migration_scripts() -> None:
    config = Config()
    config.set_main_option("script_location", str(database.MIGRATIONS))
    script = ScriptDirectory.from_config(config)
    assert script.get_heads() == [database.HEAD]
    walked = [rev.revision for rev in script.walk_revisions()]
    assert list(reversed(walked)) == list(database.REVISIONS)


def test_migrations_produce_exactly_the_tables_module(tmp_path: Path) -> None:
    database.open_database(tmp_path).close()
    engine = sa.create_engine(f"sqlite:///{tmp_path / database.DB_FILE}")
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), metadata)
        triggers = (
            conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            .scalars()
            .all()
        )
    engine.dispose()
    assert differences == []
    assert set(triggers) == set(LOCK_TRIGGERS)


def test_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    database.open_database(tmp_path).close()
    path = tmp_path / database.DB_FILE
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_future'")
    conn.close()
    before = _digest(path)
    with pytest.raises(StoreError, match=r"newer ctpat-desktop.*0099_future.*not changed"):
        database.open_database(tmp_path)
    assert _digest(path) == before


def test_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / database.DB_FILE
    path.write_bytes(b"PK\x03\x04 this is a zip, not a database" * 10)
    before = _digest(path)
    with pytest.raises(StoreError, match=r"not a ctpat-desktop database"):
        database.open_database(tmp_path)
    assert _digest(path) == before


def test_foreign_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / database.DB_FILE
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.close()
    before = _digest(path)
    with pytest.raises(StoreError, match=r"not a ctpat-desktop database"):
        database.open_database(tmp_path)
    assert _digest(path) == before


def test_reopening_a_current_database_does_not_migrate(tmp_path: Path) -> None:
    database.open_database(tmp_path).close()
    database.open_database(tmp_path).close()
    assert not list(tmp_path.glob("*.bak"))
