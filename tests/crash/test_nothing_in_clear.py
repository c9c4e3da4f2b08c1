"""A GUI session killed with SIGKILL leaves no member data in clear on disk.

The app (tests/crash/gui_session.py) previews a report, saves a typed note and opens a piece
of evidence, then is killed; every file under the data folder, the temporary folder and the
home and config folders it was given is then read for the member's name, the note, the
evidence's content and a PDF. And a start after a crash removes the private temporary
folders a dead process left behind.
"""

import json
import os
import select
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as NoKeyring

from ctpat_desktop.app import AppContext
from ctpat_desktop.scratch import PrivateFolder, sweep_left_over
from ctpat_desktop.services.demo import create_demo
from ctpat_desktop.services.evidence import attach_bytes
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.settings import Settings
from tests.crash.harness import READY_TIMEOUT, REPO, WRITER_ENV

pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL and select() on pipes")

GONE_PID = 2**22 + 12345  # above Linux's largest process ID: no such process
CLEANUP_TIMEOUT = 10.0


@dataclass(frozen=True)
class Session:
    """A data folder ready for the GUI, and what must never be found in clear."""

    root: Path
    data_dir: Path
    temp_dir: Path
    env: dict[str, str]
    args: list[str]
    needles: dict[str, bytes]


@pytest.fixture
def session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Session:
    # The folder is opened as the app opens it: a passphrase, no keyring.
    for name, value in WRITER_ENV.items():
        monkeypatch.setenv(name, value)
    keyring.set_keyring(NoKeyring())
    token = uuid.uuid4().hex[:12]
    member = f"Kestrel {token} Freight"
    note = f"Seal log shown on camera, marker {token}"
    content = f"Seal log of dock 3, evidence {token}\n".encode() * 40
    data_dir = tmp_path / "data"
    ctx = AppContext(data_dir, Settings(user="laura"))
    try:
        create_demo(ctx)
        validation = plan_validation(
            ctx, member=member, account="US-48213", entity="importer", on=date(2026, 3, 10)
        )
        work = ValidationSession(ctx, validation.id)
        criterion = work.catalog.criteria[0].id
        work.record_finding(criterion, status="met")
        evidence = attach_bytes(ctx, work, content, "seal-log.txt", criterion).record
    finally:
        ctx.close()
    folders = {name: tmp_path / name for name in ("tmp", "home", "config", "cache", "run")}
    for folder in folders.values():
        folder.mkdir(mode=0o700)
    env = os.environ | WRITER_ENV
    env |= {
        "QT_QPA_PLATFORM": "offscreen",
        "TMPDIR": str(folders["tmp"]),
        "HOME": str(folders["home"]),
        "XDG_CONFIG_HOME": str(folders["config"]),
        "XDG_CACHE_HOME": str(folders["cache"]),
        "XDG_DATA_HOME": str(folders["home"]),
        "XDG_RUNTIME_DIR": str(folders["run"]),
        "CTPAT_DATA_DIR": str(data_dir),
    }
    needles = {
        "the member's name": member.encode(),
        "the member's name (UTF-16)": member.encode("utf-16-le"),
        "the typed note": note.encode(),
        "the typed note (UTF-16)": note.encode("utf-16-le"),
        "the evidence's content": content[:64],
        "a PDF": b"%PDF-",
    }
    args = [validation.id, criterion, evidence.id, note]
    return Session(tmp_path, data_dir, folders["tmp"], env, args, needles)


def _until(done: Callable[[], bool], timeout: float) -> bool:
    """Whether done() came true within timeout seconds (polled, not slept through)."""
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def _in_clear(root: Path, needles: dict[str, bytes]) -> list[str]:
    """Every file under root (WAL, SHM, backups, settings included) holding a needle."""
    found = []
    for path in sorted(root.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        data = path.read_bytes()
        where = path.relative_to(root)
        found += [f"{where}: {name}" for name, needle in needles.items() if needle in data]
    return found


def _run_and_kill(session: Session) -> dict[str, object]:
    """Start the driven GUI, wait for it to hold everything, kill it; what it said."""
    stderr_path = session.root / "gui-stderr.txt"
    with stderr_path.open("wb") as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.crash.gui_session", str(session.data_dir), *session.args],
            cwd=REPO,
            env=session.env,
            stdout=subprocess.PIPE,
            stderr=stderr,
        )
        assert proc.stdout is not None
        try:
            readable, _, _ = select.select([proc.stdout], [], [], READY_TIMEOUT)
            line = proc.stdout.readline() if readable else b""
            if not line.startswith(b"{"):
                pytest.fail(f"the GUI did not get ready: {stderr_path.read_text()[-3000:]}")
            said: dict[str, object] = json.loads(line)
            copy = Path(str(said["copy"]))
            # The plain copy the viewer needs is there while the app runs: what the scan
            # below must not find once it is killed.
            assert session.needles["the evidence's content"] in copy.read_bytes()
            assert copy.is_relative_to(session.temp_dir)
            proc.kill()
            proc.wait()
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            proc.stdout.close()
    assert proc.returncode == -9, stderr_path.read_text()[-3000:]
    return said


def test_a_killed_gui_session_leaves_nothing_in_clear(session: Session) -> None:
    _run_and_kill(session)
    # The copies' guard notices the app is gone and removes them, at once but not
    # necessarily before this line: wait for it, briefly.
    _until(lambda: not list(session.temp_dir.glob("ctpat-*")), CLEANUP_TIMEOUT)

    assert _in_clear(session.root, session.needles) == []
    assert list(session.temp_dir.glob("ctpat-*")) == []


def test_the_next_start_removes_what_a_dead_process_left(session: Session) -> None:
    left = [
        session.temp_dir / f"ctpat-{kind}-{GONE_PID}-abcd1234" for kind in ("evidence", "draft")
    ]
    for folder in left:
        folder.mkdir()
        (folder / "copy").write_bytes(session.needles["the evidence's content"])
    unrelated = session.temp_dir / "ctpat-evidence-notes"
    unrelated.mkdir()
    started = subprocess.run(
        [sys.executable, "-m", "ctpat_desktop", "--quit-after", "0.2"],
        cwd=REPO,
        env=session.env,
        capture_output=True,
        timeout=READY_TIMEOUT,
        check=False,
    )
    assert started.returncode == 0, started.stderr.decode()[-3000:]
    assert not any(folder.exists() for folder in left)
    assert unrelated.exists()


def test_a_private_folder_goes_with_its_process_or_on_close(tmp_path: Path) -> None:
    closed = PrivateFolder("draft", tmp_path)
    assert closed.path.stat().st_mode & 0o777 == 0o700
    assert closed.path.name.startswith(f"ctpat-draft-{os.getpid()}-")
    (closed.path / "draft.pdf").write_bytes(b"%PDF-1.7")
    closed.cleanup()
    assert not closed.path.exists()
    # A process killed while holding one: its guard removes the folder.
    code = (
        "import sys, pathlib; from ctpat_desktop.scratch import PrivateFolder; "
        "f = PrivateFolder('evidence', pathlib.Path(sys.argv[1])); "
        "(f.path / 'copy').write_bytes(b'x'); print(f.path, flush=True); sys.stdin.read()"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(tmp_path)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stdin is not None
    held = Path(proc.stdout.readline().decode().strip())
    assert (held / "copy").exists()
    proc.kill()
    proc.wait()
    proc.stdin.close()
    proc.stdout.close()
    assert _until(lambda: not held.exists(), CLEANUP_TIMEOUT)


def test_the_sweep_keeps_folders_of_live_processes(tmp_path: Path) -> None:
    dead = tmp_path / f"ctpat-pdf-{GONE_PID}-x"
    mine = tmp_path / f"ctpat-pdf-{os.getpid()}-y"
    alive = tmp_path / "ctpat-evidence-1-z"  # init: running, not ours
    for folder in (dead, mine, alive):
        folder.mkdir()
    assert sweep_left_over(tmp_path) == [dead]
    assert mine.exists() and alive.exists()
