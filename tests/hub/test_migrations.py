"""The hub's database: migrations produce tables.py on both backends; newer schemas refused."""

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from ctpat_desktop.errors import StoreError
from ctpat_desktop.hub import database
from ctpat_desktop.hub.service import Hub
from ctpat_desktop.hub.tables import metadata


def _schema_and_version(url: str) -> tuple[list[object], str | None, int]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            differences = compare_metadata(MigrationContext.configure(conn), metadata)
            version = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
            seq = conn.execute(sa.text("SELECT seq FROM hub_counter WHERE id = 1")).scalar_one()
    finally:
        engine.dispose()
    return differences, version, seq


def test_migrations_produce_exactly_the_tables_module(hub_db_url: str, tmp_path: Path) -> None:
    Hub.open(hub_db_url, tmp_path / "hub-data").close()
    Hub.open(hub_db_url, tmp_path / "hub-data").close()  # opening again changes nothing
    assert _schema_and_version(hub_db_url) == ([], database.HEAD, 0)


def test_known_revisions_match_the_migration_scripts() -> None:
    config = Config()
    config.set_main_option("script_location", str(database.MIGRATIONS))
    script = ScriptDirectory.from_config(config)
    assert script.get_heads() == [database.HEAD]
    walked = [rev.revision for rev in script.walk_revisions()]
    assert list(reversed(walked)) == list(database.REVISIONS)


def test_newer_database_is_refused_untouched(hub_db_url: str, tmp_path: Path) -> None:
    Hub.open(hub_db_url, tmp_path / "hub-data").close()
    engine = sa.create_engine(hub_db_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = 'h0099_future'"))
        conn.execute(sa.text("DROP TABLE hub_blobs"))
    engine.dispose()
    with pytest.raises(StoreError, match=r"newer ctpat-hub.*h0099_future.*not changed"):
        Hub.open(hub_db_url, tmp_path / "hub-data")
    engine = sa.create_engine(hub_db_url)
    with engine.connect() as conn:
        assert not sa.inspect(conn).has_table("hub_blobs")
    engine.dispose()


def test_sqlite_hub_uses_wal_and_full_sync(tmp_path: Path) -> None:
    hub = Hub.open(f"sqlite:///{tmp_path / 'hub.db'}", tmp_path)
    try:
        with hub.engine.connect() as conn:
            mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
            sync = conn.exec_driver_sql("PRAGMA synchronous").scalar()
    finally:
        hub.close()
    assert (mode, sync) == ("wal", 2)


@pytest.mark.parametrize(
    ("url", "message"),
    [("mysql://h/db", "SQLite or PostgreSQL"), ("not a url", "not a database URL")],
)
def test_unsupported_database_urls_are_refused(url: str, message: str, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=message):
        Hub.open(url, tmp_path)
