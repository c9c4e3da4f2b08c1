"""A lost key is not lost data: the recovery code opens a folder whose keyring entry is gone."""

import hashlib
import io
import json
import os
import shutil
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from ctpat_desktop.app import AppContext
from ctpat_desktop.cli import main
from ctpat_desktop.secrets import SERVICE, stored_secret
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.settings import Settings
from ctpat_desktop.store import keys, recovery
from tests.conftest import CliResult
from tests.keyring_backend import FileKeyring

NOTE = "Seal log kept in the guard house"
PICTURE = b"\x89PNG\r\n\x1a\n" + b"seal 9921 " * 300


def _fill(data_dir: Path) -> tuple[str, str]:
    """A keyring folder with a finding and evidence: (validation id, its recovery code)."""
    ctx = AppContext(data_dir, Settings(user="ana"))
    validation = plan_validation(ctx, member="Lost Key Imports", account="US-9", entity="importer")
    session = ValidationSession(ctx, validation.id)
    session.record_finding("1.1", status="met", note=NOTE)
    session.attach_evidence_bytes(PICTURE, "seal.png", "1.1")
    code = ctx.new_recovery_code
    ctx.close()
    assert code is not None and recovery.unshown_code(data_dir) == code
    return validation.id, code


def _readable(data_dir: Path, validation_id: str) -> None:
    ctx = AppContext(data_dir, Settings(user="ana"))
    session = ValidationSession(ctx, validation_id)
    assert session.findings()["1.1"].finding.note == NOTE
    (item,) = session.evidence()
    assert ctx.store.blobs.read_bytes(item.sha256) == PICTURE
    ctx.close()


def _lose_key(backend: FileKeyring, data_dir: Path) -> None:
    backend.delete_password(SERVICE, keys.keyring_name(data_dir))
    assert stored_secret(keys.keyring_name(data_dir)) is None


def _snapshot(data_dir: Path) -> dict[str, str]:
    return {
        str(p.relative_to(data_dir)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(data_dir.rglob("*"))
        if p.is_file()
    }


def _run(
    data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str, stdin: str = ""
) -> CliResult:
    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        code = main([*args, "--data-dir", str(data_dir)])
    finally:
        sys.stdin = old
    captured = capsys.readouterr()
    return CliResult(code, captured.out, captured.err)


def test_a_deleted_keyring_entry_is_recovered_with_the_code(
    data_dir: Path, memory_keyring: FileKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    validation_id, code = _fill(data_dir)
    _lose_key(memory_keyring, data_dir)
    locked = _run(data_dir, capsys, "validation", "list")
    assert locked.code == 1 and locked.err.count("\n") == 1
    assert "ctpat-desktop recover" in locked.err

    done = _run(data_dir, capsys, "recover", "--json", stdin=code.lower().replace("-", " ") + "\n")
    assert done.code == 0, done.err
    assert done.json() == {"recovered": str(data_dir.absolute()), "key": "keyring"}
    _readable(data_dir, validation_id)
    # The code was used, not spent: it opens the folder again the next time.
    _lose_key(memory_keyring, data_dir)
    again = _run(data_dir, capsys, "recover", stdin=code)
    assert again.code == 0 and "keyring again" in again.out
    _readable(data_dir, validation_id)


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("", "no recovery code given"),
        ("not a code at all", "not a recovery code"),
        ("flip", "mistyped character"),
        ("other", "not the one of"),
    ],
)
def test_a_wrong_code_is_refused_in_one_line_and_changes_nothing(
    data_dir: Path,
    memory_keyring: FileKeyring,
    capsys: pytest.CaptureFixture[str],
    typed: str,
    why: str,
) -> None:
    _validation_id, code = _fill(data_dir)
    _lose_key(memory_keyring, data_dir)
    if typed == "flip":  # one character changed: the code's check catches it
        typed = ("1" if code[0] != "1" else "2") + code[1:]
    elif typed == "other":
        typed = recovery.new_code()
    before, secrets_before = _snapshot(data_dir), memory_keyring.secrets
    refused = _run(data_dir, capsys, "recover", stdin=typed)
    assert refused.code == 1 and refused.out == ""
    assert refused.err.count("\n") == 1 and refused.err.startswith("ctpat-desktop: error: ")
    assert why in refused.err
    assert _snapshot(data_dir) == before
    assert memory_keyring.secrets == secrets_before


def test_a_moved_folder_opens_on_another_computer_with_its_code(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    validation_id, code = _fill(data_dir)
    moved = tmp_path / "usb" / "ctpat data"
    shutil.copytree(data_dir, moved)
    # Another computer: its own keyring, which has never seen this folder.
    os.environ["CTPAT_TEST_KEYRING"] = str(tmp_path / "other-computer.json")
    keyring.set_keyring(FileKeyring())
    assert _run(moved, capsys, "validation", "list").code == 1
    code_file = tmp_path / "kept elsewhere.txt"
    recovery.write_code_file(code_file, code, data_dir)
    assert stat.S_IMODE(code_file.stat().st_mode) == 0o600
    done = _run(moved, capsys, "recover", "--code-file", str(code_file))
    assert done.code == 0, done.err
    _readable(moved, validation_id)


def test_without_a_keyring_the_recovered_folder_gets_a_new_passphrase(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    validation_id, code = _fill(data_dir)
    keyring.set_keyring(fail.Keyring())  # a computer where no keyring works
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    with pytest.raises(keys.KeyNotHere):
        AppContext(data_dir).store  # noqa: B018
    ctx = AppContext(data_dir)
    assert ctx.recover(code, ask=lambda _p: "harbour crane at dusk") == keys.PASSPHRASE
    ctx.close()
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "harbour crane at dusk")
    _readable(data_dir, validation_id)
    # The re-key sealed the new key to the same code: it still opens the folder.
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    key, _pending = recovery.recovered_keys(data_dir, code)
    assert key == keys.load_key(data_dir, lambda _p: "harbour crane at dusk")


def test_a_forgotten_passphrase_is_recovered_into_the_keyring(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    validation_id, code = _fill(data_dir)
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "a passphrase soon forgotten")
    assert _run(data_dir, capsys, "rekey", "--passphrase").code == 0
    assert keys.read_settings(data_dir).source == keys.PASSPHRASE  # type: ignore[union-attr]
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    assert _run(data_dir, capsys, "recover", stdin=code).code == 0
    assert keys.read_settings(data_dir).source == keys.KEYRING  # type: ignore[union-attr]
    _readable(data_dir, validation_id)


def test_an_older_folder_gets_a_code_on_next_open_and_the_cli_says_so(
    data_dir: Path, memory_keyring: FileKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    validation_id, _code = _fill(data_dir)
    (data_dir / keys.RECOVERY_FILE).unlink()  # what a version without recovery codes left
    recovery.acknowledge(data_dir)
    opened = _run(data_dir, capsys, "validation", "list", "--json")
    assert opened.code == 0
    assert "has a new recovery code" in opened.err and "recovery-code" in opened.err
    json.loads(opened.out)  # stdout stays one JSON document
    shown = _run(data_dir, capsys, "recovery-code", "--json")
    new_code = shown.json()["code"]
    assert shown.code == 0 and recovery.unshown_code(data_dir) is None
    assert _run(data_dir, capsys, "validation", "list").err == ""  # said once, not every time
    assert _run(data_dir, capsys, "recovery-code").code == 1  # shown once, then gone here
    _lose_key(memory_keyring, data_dir)
    assert _run(data_dir, capsys, "recover", stdin=new_code).code == 0
    _readable(data_dir, validation_id)


def test_a_new_code_replaces_the_old_one(
    data_dir: Path, tmp_path: Path, memory_keyring: FileKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    validation_id, old_code = _fill(data_dir)
    out = tmp_path / "code.txt"
    made = _run(data_dir, capsys, "recovery-code", "--new", "--out", str(out), "--json")
    assert made.code == 0, made.err
    assert made.json()["code"] is None and stat.S_IMODE(out.stat().st_mode) == 0o600
    _lose_key(memory_keyring, data_dir)
    stale = _run(data_dir, capsys, "recover", stdin=old_code)
    assert stale.code == 1 and "not the one of" in stale.err
    assert _run(data_dir, capsys, "recover", "--code-file", str(out)).code == 0
    _readable(data_dir, validation_id)


def test_a_planted_recovery_file_is_never_trusted(data_dir: Path, tmp_path: Path) -> None:
    """Someone who can write to the folder swaps in a file for a code they know: the next
    open does not seal the key to it; the folder gets a code of its own instead."""
    validation_id, _code = _fill(data_dir)
    attacker = tmp_path / "attacker"
    attacker_code = recovery.set_up(attacker, os.urandom(32))
    shutil.copy(attacker / keys.RECOVERY_FILE, data_dir / keys.RECOVERY_FILE)
    planted = (data_dir / keys.RECOVERY_FILE).read_bytes()
    current = keys.load_key(data_dir, None)
    assert current is not None
    recovery.seal_new_key(data_dir, current, os.urandom(32))
    assert (data_dir / keys.RECOVERY_FILE).read_bytes() == planted  # not vouched: untouched
    ctx = AppContext(data_dir, Settings(user="ana"))
    ctx.unlock()
    ctx.rekey(use_passphrase=False)  # a re-key must not seal to the planted key either
    assert ctx.new_recovery_code is not None
    ctx.close()
    with pytest.raises(recovery.RecoveryError, match="not the one of"):
        recovery.recovered_keys(data_dir, attacker_code)
    _readable(data_dir, validation_id)


def test_a_rekey_keeps_the_code_working(
    data_dir: Path, memory_keyring: FileKeyring, cli: Callable[..., CliResult]
) -> None:
    validation_id, code = _fill(data_dir)
    first = keys.load_key(data_dir, None)
    assert cli("rekey", "--keyring").code == 0
    second = keys.load_key(data_dir, None)
    assert second is not None and second != first
    sealed = recovery.read_file(data_dir)
    assert sealed is not None and list(sealed.keys) == [keys.key_check(second)]
    _lose_key(memory_keyring, data_dir)
    ctx = AppContext(data_dir)
    assert ctx.recover(code) == keys.KEYRING
    ctx.close()
    _readable(data_dir, validation_id)


def test_codes_read_as_typed() -> None:
    code = recovery.new_code()
    groups = code.split("-")
    assert len(groups) == 8 and all(len(g) == 4 for g in groups)
    secret = recovery.parse_code(code)
    assert len(secret) == 16
    assert recovery.parse_code(f"  {code.lower().replace('-', ' ')} \n") == secret
    looks_alike = code.replace("0", "O").replace("1", "l")
    assert recovery.parse_code(looks_alike) == secret
    with pytest.raises(recovery.RecoveryError, match="not a recovery code"):
        recovery.parse_code(code[:-1])


def test_a_key_fetched_in_the_background_still_gets_its_folder_a_code(data_dir: Path) -> None:
    """The GUI's start fetches the key early; an older folder is given its code all the same."""
    _fill(data_dir)
    (data_dir / keys.RECOVERY_FILE).unlink()
    recovery.acknowledge(data_dir)
    ctx = AppContext(data_dir, Settings(user="ana"))
    ctx.prefetch_key()
    ctx.unlock()
    assert ctx.new_recovery_code is not None
    assert recovery.unshown_code(data_dir) == ctx.new_recovery_code
    ctx.close()
