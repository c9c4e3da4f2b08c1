"""Rolling backups: made when due, kept N deep, restored undoably, bad ones refused."""

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from ctpat_desktop.app import AppContext
from ctpat_desktop.services.backup_io import list_backups, restore_backup
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.store import backups
from ctpat_desktop.store.backups import BackupError, backup_if_due, make_backup
from ctpat_desktop.store.database import DB_FILE, HEAD
from ctpat_desktop.store.driver import connect
from tests.conftest import CliResult

T0 = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)


@pytest.fixture
def session(ctx: AppContext) -> ValidationSession:
    validation = plan_validation(
        ctx, member="Acme Imports", account="US-1001", entity="importer", on=date(2026, 3, 2)
    )
    found = ValidationSession(ctx, validation.id)
    found.record_finding("1.1", status="met", note="before the backup")
    return found


def _note(ctx: AppContext, validation_id: str) -> str:
    return ValidationSession(ctx, validation_id).findings()["1.1"].finding.note


def _live_bytes(data_dir: Path) -> bytes:
    return (data_dir / DB_FILE).read_bytes()


@pytest.fixture(autouse=True)
def _clocked_backups_only(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests set the clock of each backup; the real-time one made on open would
    join them, except where that one is what is tested."""
    if "backup_on_open" not in request.node.name:
        monkeypatch.setattr(AppContext, "_back_up", staticmethod(lambda _store: None))


def test_restore_brings_the_data_back_and_can_be_undone(
    ctx: AppContext, session: ValidationSession
) -> None:
    backup = make_backup(ctx.data_dir, ctx.store.key, now=T0)
    session.record_finding("1.1", note="after the backup")
    plan_validation(ctx, member="Later Co", account="US-2002", entity="importer")

    result = restore_backup(ctx, backup.name)

    assert result["restored"] == backup.name and result["missing_evidence"] == []
    assert _note(ctx, session.id) == "before the backup"
    assert [s.validation.member.name for s in ctx.store.list_validations()] == ["Acme Imports"]
    assert ctx.store.verify_audit() is None
    assert ctx.store.read("PRAGMA integrity_check")[0][0] == "ok"

    safety = Path(result["safety_copy"])
    assert safety.name.endswith("-before-restore.db")
    undone = restore_backup(ctx, safety.name)
    assert _note(ctx, session.id) == "after the backup"
    assert len(ctx.store.list_validations()) == 2
    assert Path(undone["safety_copy"]) != safety and safety.exists()


def test_backup_is_encrypted_with_the_database_key(
    ctx: AppContext, session: ValidationSession
) -> None:
    backup = make_backup(ctx.data_dir, ctx.store.key, now=T0)
    assert not backup.read_bytes().startswith(b"SQLite format 3")
    assert backups.check_backup(backup, ctx.store.key) == HEAD
    with pytest.raises(BackupError, match="does not open with this data folder's key"):
        backups.check_backup(backup, bytes(32))
    assert sorted(p.name for p in backup.parent.iterdir()) == [backup.name]  # no leftovers


def test_damaged_backup_is_refused_and_live_data_untouched(
    ctx: AppContext, session: ValidationSession
) -> None:
    backup = make_backup(ctx.data_dir, ctx.store.key, now=T0)
    with backup.open("r+b") as handle:
        handle.seek(3 * 4096 + 100)
        handle.write(b"\xff" * 500)
    ctx.close()
    before = _live_bytes(ctx.data_dir)

    with pytest.raises(BackupError, match=f"backup {backup.name} is damaged"):
        restore_backup(ctx, backup.name)

    assert _live_bytes(ctx.data_dir) == before
    assert [b.name for b in backups.list_backups(ctx.data_dir)] == [backup.name]
    assert list_backups(ctx)[0]["problem"] is None  # a quick listing reads little
    checked = list_backups(ctx, check=True)[0]
    assert checked["validations"] is None and "damaged" in checked["problem"]


def test_backup_from_a_newer_schema_is_refused(ctx: AppContext, session: ValidationSession) -> None:
    backup = make_backup(ctx.data_dir, ctx.store.key, now=T0)
    conn = connect(backup, ctx.store.key)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    ctx.close()
    before = _live_bytes(ctx.data_dir)

    with pytest.raises(BackupError, match=r"newer ctpat-desktop \(schema 9999_from_the_future\)"):
        restore_backup(ctx, backup.name)
    assert _live_bytes(ctx.data_dir) == before


@pytest.mark.parametrize("name", ["ctpat-20260302T083000Z.db", "../ctpat.db", DB_FILE])
def test_unknown_backup_name_is_refused(
    ctx: AppContext, session: ValidationSession, name: str
) -> None:
    make_backup(ctx.data_dir, ctx.store.key, now=T0 + timedelta(seconds=1))
    with pytest.raises(BackupError, match="no backup named"):
        restore_backup(ctx, name)
    assert _note(ctx, session.id) == "before the backup"


def test_rolling_keeps_the_newest_daily_and_every_safety_copy(
    ctx: AppContext, session: ValidationSession
) -> None:
    first = make_backup(ctx.data_dir, ctx.store.key, now=T0)
    safety = restore_backup(ctx, first.name)["safety_copy"]
    made = [
        make_backup(ctx.data_dir, ctx.store.key, now=T0 + timedelta(days=d)) for d in range(1, 10)
    ]

    kept = backups.list_backups(ctx.data_dir)
    daily = [b.path for b in kept if not b.before_restore]
    assert daily == made[::-1][: backups.KEEP_DAILY]
    assert [str(b.path) for b in kept if b.before_restore] == [safety]


def test_a_backup_is_due_once_a_day(ctx: AppContext, session: ValidationSession) -> None:
    store = ctx.store
    assert backups.is_due(ctx.data_dir, T0)
    first = backup_if_due(store, now=T0)
    assert first is not None and first.name == "ctpat-20260302T083000Z.db"
    assert backup_if_due(store, now=T0 + timedelta(hours=23, minutes=59)) is None
    second = backup_if_due(store, now=T0 + timedelta(days=1))
    assert second is not None and second != first
    assert backup_if_due(store, now=T0 + timedelta(days=1, hours=2)) is None


def test_two_backups_in_the_same_second_are_both_kept(
    ctx: AppContext, session: ValidationSession
) -> None:
    one = make_backup(ctx.data_dir, ctx.store.key, now=T0)
    two = make_backup(ctx.data_dir, ctx.store.key, now=T0)
    assert one != two and one.exists() and two.exists()
    assert [b.path for b in backups.list_backups(ctx.data_dir)] == [two, one]


def test_missing_evidence_is_reported_on_restore(
    ctx: AppContext, session: ValidationSession
) -> None:
    record = session.attach_evidence_bytes(b"\x89PNG screenshot", "gate.png", "1.1")
    backup = make_backup(ctx.data_dir, ctx.store.key, now=T0)
    ctx.store.blobs.path_of(record.sha256).unlink()

    result = restore_backup(ctx, backup.name)

    assert result["missing_evidence"] == [record.sha256]
    assert [e.sha256 for e in ValidationSession(ctx, session.id).evidence()] == [record.sha256]


def test_restore_replaces_a_live_database_that_no_longer_opens(
    ctx: AppContext, session: ValidationSession
) -> None:
    backup = make_backup(ctx.data_dir, ctx.store.key, now=T0)
    ctx.close()
    live = ctx.data_dir / DB_FILE
    damaged = b"\x00" * live.stat().st_size
    live.write_bytes(damaged)

    result = restore_backup(ctx, backup.name)

    assert _note(ctx, session.id) == "before the backup"
    assert Path(result["safety_copy"]).read_bytes() == damaged  # kept as it was, for a look


def test_list_backups_reports_name_size_and_validations(
    ctx: AppContext, session: ValidationSession
) -> None:
    backup = make_backup(ctx.data_dir, ctx.store.key, now=T0)
    assert list_backups(ctx) == [
        {
            "name": backup.name,
            "created": "2026-03-02T08:30:00Z",
            "size": backup.stat().st_size,
            "before_restore": False,
            "validations": 1,
            "problem": None,
        }
    ]


def test_backup_on_open_once_a_day_for_a_folder_with_data(data_dir: Path) -> None:
    from ctpat_desktop.app import AppContext
    from ctpat_desktop.services.validations import plan_validation
    from ctpat_desktop.settings import Settings
    from ctpat_desktop.store import backups as rolling

    ctx = AppContext(data_dir, Settings(user="ana"))
    ctx.store  # noqa: B018  (an empty folder: nothing worth a backup)
    assert rolling.list_backups(data_dir) == []
    plan_validation(ctx, member="Acme", account="US-1001", entity="importer")
    ctx.close()
    for _ in range(2):
        AppContext(data_dir, Settings(user="ana")).store.close()
    (made,) = rolling.list_backups(data_dir)
    assert rolling.validations_in(made.path, rolling_key(data_dir)) == 1


def rolling_key(data_dir: Path) -> bytes | None:
    from ctpat_desktop.store.keys import load_key

    return load_key(data_dir, None)


def test_backup_commands(
    data_dir: Path, cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ctpat_desktop.app import AppContext
    from ctpat_desktop.services.validations import plan_validation
    from ctpat_desktop.settings import Settings

    ctx = AppContext(data_dir, Settings(user="ana"))
    plan_validation(ctx, member="Acme", account="US-1001", entity="importer")
    ctx.close()
    monkeypatch.undo()  # the backup made on open, this time
    assert cli("validation", "list").code == 0  # opens the data: the day's backup
    listed = cli("backup", "list", "--json")
    assert listed.code == 0 and len(listed.json()) == 1
    name = listed.json()[0]["name"]
    assert listed.json()[0]["validations"] == 1
    assert (
        cli(
            "validation", "new", "--member", "Later", "--account", "US-2002", "--entity", "importer"
        ).code
        == 0
    )
    restored = cli("backup", "restore", name, "--json")
    assert restored.code == 0, restored.err
    assert [v["member"] for v in cli("validation", "list", "--json").json()["validations"]] == [
        "Acme"
    ]
    refused = cli("backup", "restore", "no-such-backup")
    assert refused.code == 1 and refused.err.count("\n") == 1
