"""Private temporary folders for plain copies (opened evidence, a report being typeset).

Each folder is made 0700 in the system's temporary folder, named ``ctpat-<kind>-<pid>-…``,
and removed when closed, when the process exits, and also when the process is killed: a
small guard process (POSIX) waits on a pipe only this process holds and removes the folder
once the pipe closes, which the system does at any death, SIGKILL included. Where no guard
can run, the next start removes folders whose process is gone (``sweep_left_over``).
"""

import os
import shutil
import subprocess
import tempfile
import time
import weakref
from pathlib import Path
from types import TracebackType

PREFIX = "ctpat-"
KINDS = ("evidence", "draft", "pdf")
# Reads its stdin until this process's end of the pipe closes, then removes the folder.
_GUARD = 'cat >/dev/null; exec rm -rf -- "$1"'
_SHELL = "/bin/sh"


class PrivateFolder:
    """A private temporary folder removed on close, at exit, and when the process dies."""

    def __init__(self, kind: str, temp_dir: Path | None = None) -> None:
        if kind not in KINDS:
            raise ValueError(f"not a kind of private folder: {kind}")
        self.path = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{kind}-{os.getpid()}-", dir=temp_dir))
        self._guard = _start_guard(self.path)
        self._finalizer = weakref.finalize(self, _remove, self.path, self._guard)

    def cleanup(self) -> None:
        """Remove the folder and everything in it now."""
        self._finalizer()

    def __enter__(self) -> Path:
        return self.path

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        self.cleanup()


def _start_guard(folder: Path) -> "subprocess.Popen[bytes] | None":
    if os.name == "nt" or not os.path.exists(_SHELL):
        return None  # removed at the next start instead (sweep_left_over)
    try:
        return subprocess.Popen(
            [_SHELL, "-c", _GUARD, "ctpat-cleanup", str(folder)],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # outlives a signal sent to this process's group
        )
    except OSError:
        return None


def _remove(folder: Path, guard: "subprocess.Popen[bytes] | None") -> None:
    shutil.rmtree(folder, ignore_errors=True)
    if guard is not None:
        assert guard.stdin is not None
        guard.stdin.close()
        guard.wait()


def sweep_left_over(temp_dir: Path | None = None) -> list[Path]:
    """Remove the private folders of processes that are gone (a crash, a power cut);
    the folders removed."""
    root = Path(temp_dir or tempfile.gettempdir())
    removed = []
    for kind in KINDS:
        start = f"{PREFIX}{kind}-"
        for folder in root.glob(f"{start}*"):
            owner = folder.name[len(start) :].partition("-")[0]
            if not owner.isdigit() or int(owner) == os.getpid() or _running(int(owner), folder):
                continue
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _running(pid: int, folder: Path) -> bool:
    if os.name == "nt":  # no harmless signal 0 there: a day-old folder counts as left over
        try:
            return time.time() - folder.stat().st_mtime < 86_400
        except OSError:
            return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # alive but not ours (PermissionError), or no way to tell: keep it
        return True
    return True
