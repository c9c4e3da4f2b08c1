"""Opening the database: pragmas, migrations, refusals that leave the file untouched."""

import hashlib
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from ctpat_desktop.errors import StoreError
from ctpat_desktop.paths import resources_dir
from ctpat_desktop.store import database
from ctpat_desktop.store.driver import connect, sqlite
from ctpat_desktop.store.keys import load_key
from ctpat_desktop.store.tables import metadata

CATALOG_DIR = resources_dir() / "msc" / "catalogs"
VALIDATION_ID = "0b9e7c0e-1111-4222-8333-444455556666"
KEY = bytes(range(32))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_has_wal_full_sync_foreign_keys(tmp_path: Path) -> None:
    conn = database.open_database(tmp_path, KEY)
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
    database.open_database(tmp_path, KEY).close()
    path = tmp_path / database.DB_FILE
    engine = sa.create_engine("sqlite://", module=sqlite, creator=lambda: connect(path, KEY))
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), metadata)
        triggers = (
            conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            .scalars()
            .all()
        )
    engine.dispose()
    assert differences == []
    assert set(triggers) == set(database.LOCK_TRIGGERS)


def test_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    database.open_database(tmp_path, KEY).close()
    path = tmp_path / database.DB_FILE
    with connect(path, KEY) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_future'")
    conn.close()
    before = _digest(path)
    with pytest.raises(StoreError, match=r"newer ctpat-desktop.*0099_future.*not changed"):
        database.open_database(tmp_path, KEY)
    assert _digest(path) == before


def test_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / database.DB_FILE
    path.write_bytes(b"PK\x03\x04 this is a zip, not a database" * 10)
    before = _digest(path)
    with pytest.raises(StoreError, match=r"not a ctpat-desktop database"):
        database.open_database(tmp_path, KEY)
    assert _digest(path) == before


def test_foreign_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / database.DB_FILE
    with connect(path, None) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.close()
    before = _digest(path)
    with pytest.raises(StoreError, match=r"not a ctpat-desktop database"):
        database.open_database(tmp_path, KEY)
    assert _digest(path) == before


def test_reopening_a_current_database_does_not_migrate(tmp_path: Path) -> None:
    database.open_database(tmp_path, KEY).close()
    database.open_database(tmp_path, KEY).close()
    assert not list(tmp_path.glob("*.bak"))


SECOND_REVISION = '''
"""A test-only revision that recreates the validations table in batch mode."""

import sqlalchemy as sa
from alembic import op

revision = "9999_test"
down_revision = "{down}"


def upgrade() -> None:
    with op.batch_alter_table("validations", recreate="always") as batch:
        batch.add_column(sa.Column("webex_link", sa.String(200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("validations") as batch:
        batch.drop_column("webex_link")
'''


def _install_second_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    scripts = tmp_path / "migrations"
    shutil.copytree(database.MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9999_test.py").write_text(body.replace("{down}", database.HEAD))
    monkeypatch.setattr(database, "MIGRATIONS", scripts)
    monkeypatch.setattr(database, "REVISIONS", (*database.REVISIONS, "9999_test"))
    monkeypatch.setattr(database, "HEAD", "9999_test")


def test_failed_migration_leaves_the_database_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database.open_database(tmp_path, KEY).close()
    head = database.HEAD
    broken = SECOND_REVISION.replace(
        "    with op.batch_alter_table",
        '    op.execute("CREATE TABLE half_done (a)")\n'
        '    op.execute("INSERT INTO no_such_table VALUES (1)")\n    with op.batch_alter_table',
    )
    _install_second_revision(tmp_path, monkeypatch, broken)
    with pytest.raises(StoreError, match=r"cannot be migrated \(no such table: no_such_table\)"):
        database.open_database(tmp_path, KEY)
    with connect(tmp_path / database.DB_FILE, KEY) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    conn.close()
    assert revision == head
    assert "half_done" not in tables
    assert set(database.LOCK_TRIGGERS) <= tables


def test_batch_migration_keeps_child_rows_and_backs_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ctpat_desktop.app import AppContext
    from ctpat_desktop.services.validations import ValidationSession, plan_validation
    from ctpat_desktop.settings import Settings

    data = tmp_path / "data"
    head = database.HEAD
    ctx = AppContext(data, Settings(user="tester"))
    validation = plan_validation(ctx, member="Acme", account="US-1001", entity="importer")
    ValidationSession(ctx, validation.id).record_finding("1.1", status="met")
    ctx.close()

    _install_second_revision(tmp_path, monkeypatch, SECOND_REVISION)

    conn = database.open_database(data, load_key(data, None))
    try:
        assert conn.execute("SELECT count(*) FROM findings").fetchone()[0] == 1
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "9999_test"
        columns = [r[1] for r in conn.execute("PRAGMA table_info(validations)")]
        assert "webex_link" in columns
        triggers = {
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")
        }
        assert triggers == set(database.LOCK_TRIGGERS)
    finally:
        conn.close()
    backup = data / f"{database.DB_FILE}.before-{head}.bak"
    with connect(backup, load_key(data, None)) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head
    old.close()


def test_the_data_folder_is_its_owners_alone(tmp_path: Path) -> None:
    """Before, the database, backups, settings and drafts sat in a 0755 folder, readable
    by every account on the laptop; a folder made by an older release is closed too."""
    import stat

    from ctpat_desktop.app import AppContext
    from ctpat_desktop.settings import Settings

    fresh = tmp_path / "fresh"
    ctx = AppContext(fresh, Settings(user="tester"))
    try:
        ctx.store  # noqa: B018 (opening it makes the folder)
    finally:
        ctx.close()
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o700

    fresh.chmod(0o755)  # as an earlier release left it
    ctx = AppContext(fresh, Settings(user="tester"))
    try:
        ctx.store  # noqa: B018
    finally:
        ctx.close()
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o700


def test_a_test_signing_key_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    import stat

    from ctpat_desktop.report.certificates import create_test_identity

    identity = create_test_identity(tmp_path / "id", "Laura Méndez")  # no passphrase
    assert stat.S_IMODE(identity.pkcs12.stat().st_mode) == 0o600
