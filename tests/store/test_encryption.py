"""Encryption at rest: the database (SQLCipher) and evidence (AES-GCM), keys and re-keying."""

import hashlib
from collections.abc import Callable
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import StoreError
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.settings import Settings
from ctpat_desktop.store import keys
from ctpat_desktop.store.database import DB_FILE, is_plain_sqlite
from ctpat_desktop.store.driver import connect
from tests.conftest import CliResult, dump_database

SECRET_NOTE = "Gate guard sleeps between 02:00 and 04:00"
PICTURE = b"\x89PNG\r\n\x1a\n" + b"dock door seal 4471 " * 500


def _fill(data_dir: Path) -> str:
    ctx = AppContext(data_dir, Settings(user="ana"))
    validation = plan_validation(
        ctx, member="Confidential Imports", account="US-7", entity="importer"
    )
    session = ValidationSession(ctx, validation.id)
    session.record_finding("1.1", status="met", note=SECRET_NOTE)
    session.attach_evidence_bytes(PICTURE, "seal.png", "1.1")
    ctx.close()
    return validation.id


def _everything_on_disk(data_dir: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(data_dir.rglob("*")) if p.is_file())


def test_nothing_readable_is_left_on_disk(data_dir: Path) -> None:
    _fill(data_dir)
    disk = _everything_on_disk(data_dir)
    assert not is_plain_sqlite(data_dir / DB_FILE)
    for secret in (SECRET_NOTE.encode(), b"Confidential Imports", b"dock door seal"):
        assert secret not in disk
    with pytest.raises(Exception, match="not a database"):
        connect(data_dir / DB_FILE, None).execute("SELECT * FROM findings")


def test_a_changed_evidence_file_fails_its_seal(data_dir: Path) -> None:
    validation_id = _fill(data_dir)
    ctx = AppContext(data_dir, Settings(user="ana"))
    (item,) = ValidationSession(ctx, validation_id).evidence()
    sealed = ctx.store.blobs.path_of(item.sha256)
    data = bytearray(sealed.read_bytes())
    data[-5] ^= 0x01
    sealed.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="fails its seal"):
        ctx.store.blobs.read_bytes(item.sha256)
    ctx.close()


def test_an_unencrypted_folder_is_encrypted_once_with_nothing_lost(
    data_dir: Path, tmp_path: Path, memory_keyring: object
) -> None:
    validation_id = _fill(data_dir)
    before = dump_database(data_dir)
    # Make it what an older version left: a plain SQLite file, plain evidence, no key.
    key = keys.load_key(data_dir, None)
    plain = tmp_path / "plain.db"
    conn = connect(data_dir / DB_FILE, key)
    conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain),))
    conn.execute("SELECT sqlcipher_export('plain')")
    conn.execute("DETACH DATABASE plain")
    conn.close()
    older = connect(plain, None)
    older.execute("DELETE FROM local_keys")  # what an older version never had
    older.close()
    (data_dir / DB_FILE).write_bytes(plain.read_bytes())
    (data_dir / f"{DB_FILE}.before-0004_reports.bak").write_bytes(plain.read_bytes())
    blob = next(p for p in (data_dir / "evidence").rglob("*") if p.is_file())
    blob.write_bytes(PICTURE)
    (data_dir / keys.KEY_FILE).unlink()
    assert is_plain_sqlite(data_dir / DB_FILE)

    ctx = AppContext(data_dir, Settings(user="ana"))
    session = ValidationSession(ctx, validation_id)
    assert session.findings()["1.1"].finding.note == SECRET_NOTE
    (item,) = session.evidence()
    assert ctx.store.blobs.read_bytes(item.sha256) == PICTURE
    ctx.close()
    assert not is_plain_sqlite(data_dir / DB_FILE)
    assert not is_plain_sqlite(data_dir / f"{DB_FILE}.before-0004_reports.bak")
    assert SECRET_NOTE.encode() not in _everything_on_disk(data_dir)
    assert b"dock door seal" not in _everything_on_disk(data_dir)
    after = dump_database(data_dir)
    # Same rows; the new evidence key is the one addition.
    assert [line for line in after.splitlines() if not line.startswith("local_keys")] == [
        line for line in before.splitlines() if not line.startswith("local_keys")
    ]


def test_without_a_keyring_a_passphrase_protects_the_folder(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring.set_keyring(fail.Keyring())
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "correct horse battery")
    validation_id = _fill(data_dir)
    settings = keys.read_settings(data_dir)
    assert settings is not None and settings.source == keys.PASSPHRASE
    assert b"correct horse" not in _everything_on_disk(data_dir)

    monkeypatch.setenv(keys.PASSPHRASE_ENV, "wrong horse battery")
    before = hashlib.sha256((data_dir / DB_FILE).read_bytes()).hexdigest()
    ctx = AppContext(data_dir, Settings(user="ana"))
    with pytest.raises(keys.LockedError, match="wrong passphrase"):
        ctx.store  # noqa: B018
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    with pytest.raises(keys.LockedError, match="locked with a passphrase"):
        AppContext(data_dir, Settings(user="ana")).store  # noqa: B018
    assert hashlib.sha256((data_dir / DB_FILE).read_bytes()).hexdigest() == before

    asked: list[str] = []
    ctx = AppContext(
        data_dir, Settings(user="ana"), ask=lambda p: asked.append(p) or "correct horse battery"
    )
    assert ValidationSession(ctx, validation_id).findings()["1.1"].finding.note == SECRET_NOTE
    assert len(asked) == 1
    ctx.close()


def test_a_short_weak_or_mistyped_new_passphrase_sets_nothing(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring.set_keyring(fail.Keyring())
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    answers = iter(["one passphrase", "another one"])
    with pytest.raises(keys.LockedError, match="differ"):
        AppContext(data_dir, ask=lambda _p: next(answers)).store  # noqa: B018
    with pytest.raises(keys.LockedError, match="at least 12"):
        AppContext(data_dir, ask=lambda _p: "password").store  # noqa: B018
    # Long enough but guessed in seconds: each refusal says why.
    for weak, why in (
        ("password1234", "common password with a few characters added"),
        ("P@ssw0rd2024!", "common password with a few characters added"),
        ("qwertyuiop123", "common password with a few characters added"),
        ("iloveyou iloveyou", "repeated"),
        ("202612051999", "digits only"),
        ("aaaabbbbaaaa", "too few different"),
        ("abcdefghijklmn", "bits to guess, at least 50"),
        ("zaq12wsxcde3", "bits to guess, at least 50"),
    ):
        with pytest.raises(keys.LockedError, match=why):
            AppContext(data_dir, ask=lambda _p, w=weak: w).store  # noqa: B018
    assert not (data_dir / keys.KEY_FILE).exists()
    assert not (data_dir / DB_FILE).exists()


def test_rekey_moves_between_keyring_and_passphrase_and_old_keys_stop_working(
    data_dir: Path, cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    validation_id = _fill(data_dir)
    first = keys.load_key(data_dir, None)
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "a new long passphrase")
    result = cli("rekey", "--passphrase", "--json")
    assert result.code == 0, result.err
    assert result.json()["key"] == "passphrase"
    assert keys.read_settings(data_dir).source == keys.PASSPHRASE  # type: ignore[union-attr]
    with pytest.raises(Exception, match="not a database"):
        connect(data_dir / DB_FILE, first).execute("SELECT * FROM findings")
    assert cli("rekey", "--keyring").code == 0
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    ctx = AppContext(data_dir, Settings(user="ana"))
    assert ValidationSession(ctx, validation_id).findings()["1.1"].finding.note == SECRET_NOTE
    (item,) = ValidationSession(ctx, validation_id).evidence()
    assert ctx.store.blobs.read_bytes(item.sha256) == PICTURE
    ctx.close()
    assert not (data_dir / keys.PENDING_FILE).exists()


def test_a_rekey_cut_off_before_it_is_recorded_still_opens(data_dir: Path) -> None:
    validation_id = _fill(data_dir)
    ctx = AppContext(data_dir, Settings(user="ana"))
    key, settings = keys.new_key(data_dir, None)
    keys.stash_pending(data_dir, key, settings)
    ctx.store.rekey(key)  # the database has the new key; the process dies here
    ctx.store.close()
    reopened = AppContext(data_dir, Settings(user="ana"))
    assert ValidationSession(reopened, validation_id).findings()["1.1"].finding.note == SECRET_NOTE
    reopened.close()
    assert keys.load_key(data_dir, None) == key
    assert not (data_dir / keys.PENDING_FILE).exists()


def test_the_key_fetched_in_the_background_opens_the_folder(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring.set_keyring(fail.Keyring())
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "background passphrase")
    validation_id = _fill(data_dir)
    ctx = AppContext(data_dir, Settings(user="ana"))
    ctx.prefetch_key()
    assert ctx._prefetch is not None
    ctx._prefetch.join()
    monkeypatch.delenv(keys.PASSPHRASE_ENV)  # fetched already: nobody is asked
    ctx.ask = lambda _prompt: pytest.fail("asked although the key was fetched")
    assert ValidationSession(ctx, validation_id).findings()["1.1"].finding.note == SECRET_NOTE
    ctx.close()
    # Nothing to fetch without the passphrase: unlock asks, as it would have.
    later = AppContext(data_dir, Settings(user="ana"), ask=lambda _p: "background passphrase")
    later.prefetch_key()
    assert ValidationSession(later, validation_id).findings()["1.1"].finding.note == SECRET_NOTE
    later.close()
