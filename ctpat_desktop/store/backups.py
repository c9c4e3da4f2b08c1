"""Rolling backups of the database, made with SQLite's online backup API.

A backup is ``DATA_DIR/backups/ctpat-YYYYMMDDTHHMMSSZ.db``: a whole, consistent copy of
the database taken while the app may be writing, encrypted with the same key as the live
file, written under a temporary name, checked with ``PRAGMA integrity_check``, then renamed
into place, so a backup name never points at a partial or unchecked file. One is made when
the store is opened if the newest is a day old or there is none, and again each day while
the app runs (``backup_if_due``); the newest ``KEEP_DAILY`` are kept. Before a restore the
current database is copied to ``ctpat-…-before-restore.db`` so the restore can be undone;
those copies are never deleted automatically.

Backups cover the database only. Evidence files are content-addressed and append-only (a
file is never changed or removed once stored), so the evidence folder already holds every
file any backup refers to; ``missing_evidence`` checks that before a restore.
"""

import os
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from ctpat_desktop.errors import CtpatError
from ctpat_desktop.store.database import DB_FILE, REVISIONS
from ctpat_desktop.store.driver import connect, sqlite
from ctpat_desktop.store.evidence import BlobStore
from ctpat_desktop.store.files import fsync_folder

if TYPE_CHECKING:
    from ctpat_desktop.store import Store

BACKUP_DIR = "backups"
KEEP_DAILY = 7
BACKUP_EVERY = timedelta(days=1)
BEFORE_RESTORE = "before-restore"
_STAMP = "%Y%m%dT%H%M%SZ"
_NAME = re.compile(r"^ctpat-(\d{8}T\d{6}Z)(-before-restore)?(?:-(\d+))?\.db$")
_TMP_PREFIX = ".incoming-"


class BackupError(CtpatError):
    """A backup cannot be made, found or restored; nothing was changed."""


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file in the backups folder."""

    name: str
    path: Path
    created: datetime
    before_restore: bool
    size: int


def backup_dir(data_dir: Path) -> Path:
    """The folder holding a data folder's backups."""
    return data_dir / BACKUP_DIR


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """The backups of a data folder, newest first (files with other names are ignored)."""
    folder = backup_dir(data_dir)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match is None or not path.is_file():
            continue
        created = datetime.strptime(match[1], _STAMP).replace(tzinfo=UTC)
        found.append(
            (
                (created, int(match[3] or 0)),
                BackupInfo(path.name, path, created, bool(match[2]), path.stat().st_size),
            )
        )
    return [info for _order, info in sorted(found, key=lambda item: item[0], reverse=True)]


def is_due(data_dir: Path, now: datetime | None = None) -> bool:
    """Whether the newest daily backup is a day old, or there is none."""
    daily = [b for b in list_backups(data_dir) if not b.before_restore]
    return not daily or (now or datetime.now(UTC)) - daily[0].created >= BACKUP_EVERY


def backup_if_due(store: "Store", now: datetime | None = None) -> Path | None:
    """Back up the store's database if a backup is due (on open, then daily); the new file."""
    if not is_due(store.data_dir, now):
        return None
    return make_backup(store.data_dir, store.key, now=now)


def make_backup(
    data_dir: Path, key: bytes | None, *, now: datetime | None = None, keep: int = KEEP_DAILY
) -> Path:
    """Back up the database now, then delete all but the newest `keep` daily backups."""
    live = data_dir / DB_FILE
    if not live.exists():
        raise BackupError(f"{live}: there is no database to back up")
    target = _write_backup(live, key, _new_name(data_dir, now, before_restore=False))
    for old in [b for b in list_backups(data_dir) if not b.before_restore][keep:]:
        old.path.unlink(missing_ok=True)
    return target


def check_backup(path: Path, key: bytes | None) -> str:
    """The schema revision of a backup that opens with key and passes its integrity check."""
    try:
        conn = connect(path.resolve(), key, readonly=True)
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            row = (
                conn.execute("SELECT version_num FROM alembic_version").fetchone()
                if "alembic_version" in tables
                else None
            )
        finally:
            conn.close()
    except sqlite.DatabaseError as exc:
        raise BackupError(
            f"backup {path.name} is damaged or does not open with this data folder's key ({exc})"
        ) from None
    if result != ["ok"]:
        raise BackupError(f"backup {path.name} is damaged ({result[0]})")
    if row is None:
        raise BackupError(f"backup {path.name} is not a ctpat-desktop database")
    return str(row[0])


def validations_in(path: Path, key: bytes | None) -> int:
    """How many validations a backup holds (deleted ones not counted)."""
    try:
        conn = connect(path.resolve(), key, readonly=True)
        try:
            return int(
                conn.execute("SELECT COUNT(*) FROM validations WHERE deleted = 0").fetchone()[0]
            )
        finally:
            conn.close()
    except sqlite.DatabaseError as exc:
        raise BackupError(f"backup {path.name} cannot be read ({exc})") from None


def missing_evidence(data_dir: Path, key: bytes | None, name: str) -> list[str]:
    """SHA-256 of every evidence file the backup refers to that the evidence folder lacks."""
    path = find_backup(data_dir, name).path
    try:
        conn = connect(path.resolve(), key, readonly=True)
        try:
            hashes = [
                r[0]
                for r in conn.execute(
                    "SELECT sha256 FROM blobs UNION SELECT sha256 FROM evidence ORDER BY 1"
                )
            ]
        finally:
            conn.close()
    except sqlite.DatabaseError as exc:
        raise BackupError(f"backup {name} cannot be read ({exc})") from None
    blobs = BlobStore(data_dir / "evidence")
    return [sha for sha in hashes if not blobs.has(sha)]


def find_backup(data_dir: Path, name: str) -> BackupInfo:
    """The backup with this file name, or a BackupError listing what there is."""
    for info in list_backups(data_dir):
        if info.name == name:
            return info
    raise BackupError(f"no backup named '{name}' (see: ctpat-desktop backup list)")


def restore(data_dir: Path, key: bytes | None, backup_name: str) -> Path | None:
    """Put a backup in place of the live database; the safety copy of what was there.

    The store must be closed. The backup is checked first (it must open, pass its
    integrity check and have a schema this version knows); only then is the live database
    copied aside and overwritten through the backup API, which goes through the live
    file's journal, so a crash mid-restore leaves the old or the new database, not a mix.
    None is returned when there was no live database to keep.
    """
    source = find_backup(data_dir, backup_name).path
    revision = check_backup(source, key)
    if revision not in REVISIONS:
        raise BackupError(
            f"backup {backup_name} was written by a newer ctpat-desktop (schema {revision}); "
            "update the app to restore it. Nothing was changed."
        )
    live = data_dir / DB_FILE
    safety = _safety_copy(data_dir, live, key) if live.exists() else None
    try:
        _copy(source, live, key)
    except sqlite.DatabaseError as exc:
        if not _is_damage(exc):
            raise BackupError(
                f"{live}: could not be restored ({exc}); it was not changed"
            ) from None
        # The live file is too damaged to be written through; it was copied aside above.
        for part in (live, *_companions(live)):
            part.unlink(missing_ok=True)
        _copy(source, live, key)
    conn = connect(live.resolve(), key)
    try:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()
    if result != ["ok"]:
        raise BackupError(
            f"the restored database fails its integrity check ({result[0]}); the previous "
            f"one is kept as {safety.name if safety else 'nothing (there was none)'}"
        )
    return safety


def _new_name(data_dir: Path, now: datetime | None, *, before_restore: bool) -> Path:
    """A free backup path for this moment (a counter separates two in the same second)."""
    folder = backup_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"ctpat-{(now or datetime.now(UTC)).astimezone(UTC).strftime(_STAMP)}"
    if before_restore:
        stem += f"-{BEFORE_RESTORE}"
    path, counter = folder / f"{stem}.db", 1
    while path.exists():
        counter += 1
        path = folder / f"{stem}-{counter}.db"
    return path


def _write_backup(live: Path, key: bytes | None, target: Path, *, check: bool = True) -> Path:
    """Copy live into target through a checked temporary file, renamed when complete."""
    for stale in target.parent.glob(f"{_TMP_PREFIX}*"):
        stale.unlink(missing_ok=True)  # left by a backup that was interrupted
    tmp = target.with_name(f"{_TMP_PREFIX}{target.name}")
    try:
        _copy(live, tmp, key)
        conn = connect(tmp.resolve(), key)
        try:
            conn.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            conn.close()
        if check:
            check_backup(tmp, key)
        _fsync(tmp)
        tmp.replace(target)
        fsync_folder(target.parent)
    except (OSError, sqlite.DatabaseError) as exc:
        raise BackupError(f"{live}: could not be backed up ({exc})") from None
    except BackupError as exc:
        raise BackupError(
            f"{live}: the backup did not check out, so none was kept: {exc}"
        ) from None
    finally:
        for part in (tmp, *_companions(tmp)):
            part.unlink(missing_ok=True)
    return target


def _safety_copy(data_dir: Path, live: Path, key: bytes | None) -> Path:
    """Keep the live database before a restore: a checked-in copy, or its raw files."""
    target = _new_name(data_dir, None, before_restore=True)
    try:
        # Not checked: a damaged live database (often the reason to restore) is kept as is.
        return _write_backup(live, key, target, check=False)
    except BackupError as exc:
        if not _is_damage(exc):  # busy, full, read-only: stop before anything changes
            raise
        wal, target_wal = _companions(live)[0], _companions(target)[0]
        shutil.copyfile(live, target)
        _fsync(target)
        if wal.exists():  # SQLite reads target's "-wal" with it, as it did the live one's
            shutil.copyfile(wal, target_wal)
            _fsync(target_wal)
        fsync_folder(target.parent)
        return target


def _copy(source: Path, target: Path, key: bytes | None) -> None:
    """Copy a database page by page with the online backup API (same key both sides)."""
    src = connect(source.resolve(), key, readonly=True)
    try:
        dst = connect(target.resolve(), key)
        try:
            dst.execute("PRAGMA busy_timeout=5000")
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def _is_damage(exc: BaseException) -> bool:
    """Whether a driver error says the file is damaged (not busy, full or read-only)."""
    return any(text in str(exc) for text in ("not a database", "malformed"))


def _companions(path: Path) -> tuple[Path, Path]:
    return path.with_name(f"{path.name}-wal"), path.with_name(f"{path.name}-shm")


def _fsync(path: Path) -> None:
    with path.open("r+b") as handle:
        os.fsync(handle.fileno())
