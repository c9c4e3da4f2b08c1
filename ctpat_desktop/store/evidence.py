"""Evidence files stored once by SHA-256 under the data folder."""

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ctpat_desktop.errors import NotFoundError, StoreError

_CHUNK = 1 << 20


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file's content."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class BlobStore:
    """Content-addressed files: root/ab/abcdef…; each content is kept once."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_of(self, sha256: str) -> Path:
        """Where the content with this hash lives."""
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        """Whether this content is stored."""
        return self.path_of(sha256).exists()

    def put_file(self, source: Path) -> tuple[str, int]:
        """Copy a file in (durably) unless its content is already there; (sha256, size)."""
        try:
            with source.open("rb") as handle:
                return self._put_stream(handle.read, None)
        except FileNotFoundError:
            raise NotFoundError(f"{source}: file not found") from None
        except IsADirectoryError:
            raise NotFoundError(f"{source}: is a folder, not a file") from None
        except PermissionError:
            raise StoreError(f"{source}: permission denied") from None

    def put_bytes(self, content: bytes, expected_sha256: str | None = None) -> tuple[str, int]:
        """Store bytes; with expected_sha256 the content must hash to it."""
        chunks = iter([content])
        return self._put_stream(lambda _n: next(chunks, b""), expected_sha256)

    def _put_stream(self, read: Callable[[int], bytes], expected: str | None) -> tuple[str, int]:
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        fd, tmp_name = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                while chunk := read(_CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            if expected is not None and sha != expected:
                raise StoreError(f"evidence content does not match its SHA-256 {expected}")
            target = self.path_of(sha)
            if target.exists():
                tmp.unlink()
            else:
                target.parent.mkdir(exist_ok=True)
                tmp.replace(target)
                _fsync_dir(target.parent)
            return sha, size
        finally:
            tmp.unlink(missing_ok=True)

    def read_bytes(self, sha256: str) -> bytes:
        """The stored content, checked against its hash."""
        path = self.path_of(sha256)
        try:
            content = path.read_bytes()
        except FileNotFoundError:
            raise NotFoundError(f"evidence {sha256} is missing from {self.root}") from None
        if hashlib.sha256(content).hexdigest() != sha256:
            raise StoreError(f"evidence {sha256} is damaged on disk ({path})")
        return content


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
