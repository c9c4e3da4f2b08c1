"""Evidence files stored once by SHA-256 under the data folder, sealed with AES-GCM.

A laptop's store seals every file with the evidence key (kept inside the encrypted
database) and the file's SHA-256 as associated data, so a file moved under another name
or changed by one bit fails to open. Files are named by the hash of their content, which
reveals nothing of it. The hub keeps its copies unsealed (key None): it is a server.
"""

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ctpat_desktop.errors import NotFoundError, StoreError
from ctpat_desktop.store.files import fsync_folder

_CHUNK = 1 << 20


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file's content."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


SEALED = b"CTPATEV1"  # the first bytes of a sealed file; then a 12-byte nonce, ciphertext


class BlobStore:
    """Content-addressed files: root/ab/abcdef…; each content is kept once."""

    def __init__(self, root: Path, key: bytes | None = None) -> None:
        self.root = root
        self._key = key

    def _seal(self, sha256: str, content: bytes) -> bytes:
        if self._key is None:
            return content
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        nonce = os.urandom(12)
        return SEALED + nonce + AESGCM(self._key).encrypt(nonce, content, sha256.encode())

    def _open(self, sha256: str, stored: bytes) -> bytes:
        if not stored.startswith(SEALED):
            return stored  # written before evidence was sealed, or by the hub
        if self._key is None:
            raise StoreError(f"evidence {sha256} is sealed and no key was given to open it")
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        body = stored[len(SEALED) :]
        try:
            return AESGCM(self._key).decrypt(body[:12], body[12:], sha256.encode())
        except (InvalidTag, ValueError):
            raise StoreError(
                f"evidence {sha256} was changed or damaged on disk (it fails its seal)"
            ) from None

    def size_of(self, sha256: str) -> int:
        """The size of the content (not of the sealed file)."""
        return len(self.read_bytes(sha256))

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
        chunks: list[bytes] = []
        while chunk := read(_CHUNK):
            digest.update(chunk)
            chunks.append(chunk)
        content = b"".join(chunks)
        sha = digest.hexdigest()
        if expected is not None and sha != expected:
            raise StoreError(f"evidence content does not match its SHA-256 {expected}")
        target = self.path_of(sha)
        if not target.exists():
            self._write(target, self._seal(sha, content))
        return sha, len(content)

    @staticmethod
    def _write(target: Path, data: bytes) -> None:
        """Write durably under a temporary name, then rename into place."""
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            tmp.replace(target)
            fsync_folder(target.parent)
        finally:
            tmp.unlink(missing_ok=True)

    def read_bytes(self, sha256: str) -> bytes:
        """The stored content, opened and checked against its hash."""
        path = self.path_of(sha256)
        try:
            stored = path.read_bytes()
        except FileNotFoundError:
            raise NotFoundError(f"evidence {sha256} is missing from {self.root}") from None
        content = self._open(sha256, stored)
        if hashlib.sha256(content).hexdigest() != sha256:
            raise StoreError(f"evidence {sha256} is damaged on disk ({path})")
        return content

    def seal_unsealed(self) -> int:
        """Seal files stored before evidence was encrypted (once); how many were sealed."""
        if self._key is None or not self.root.exists():
            return 0
        sealed = 0
        for path in sorted(self.root.glob("??/*")):
            if path.name.startswith(".") or len(path.name) != 64:
                continue
            with path.open("rb") as handle:
                if handle.read(len(SEALED)) == SEALED:
                    continue
            content = self.read_bytes(path.name)  # checks the hash before sealing
            self._write(path, self._seal(path.name, content))
            sealed += 1
        return sealed
