"""The hub's own secret (hub.key) and its private files: bundle keys useless from a copy.

Each user's bundle key is stored in the database sealed (AES-256-GCM) with hub.key, which
lives in the hub's data folder, not in the database: a copy of hub.db alone cannot forge a
bundle. The data folder is 0700 and the key file 0600. On Windows chmod only sets the
read-only flag, so there these are left to the folder's ACLs (a user's profile is private).
"""

import base64
import contextlib
import os
import secrets
import sys
from pathlib import Path

from ctpat_desktop.errors import CtpatError

KEY_FILE = "hub.key"
KEY_BYTES = 32
_SEALED = "v1:"  # then base64 of the nonce and the ciphertext with its tag
_NONCE_BYTES = 12
_POSIX_MODES = sys.platform != "win32"


class HubKeyError(CtpatError):
    """The hub's key file, or a bundle key sealed with it, cannot be used."""


def secure_folder(path: Path) -> None:
    """Create the folder if needed and make it its owner's only (0700)."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        if _POSIX_MODES:
            path.chmod(0o700)  # an existing folder, or one the umask left wider
    except OSError as exc:
        raise HubKeyError(f"{path}: cannot make the folder private ({exc.strerror})") from exc


def secure_file(path: Path) -> None:
    """Make an existing file readable and writable by its owner only (0600)."""
    if not _POSIX_MODES:
        return
    try:
        path.chmod(0o600)
    except OSError as exc:
        raise HubKeyError(f"{path}: cannot make the file private ({exc.strerror})") from exc


def load_or_create_hub_key(data_dir: Path) -> bytes:
    """The hub's 32-byte key from data_dir/hub.key, created (0600) on first use.

    The data folder is created if needed and made private (0700) first.
    """
    secure_folder(data_dir)
    path = data_dir / KEY_FILE
    if not path.exists():
        _create_key_file(path)
    try:
        with path.open("rb") as handle:
            key = handle.read(KEY_BYTES + 1)
    except OSError as exc:
        raise HubKeyError(f"{path}: cannot read the hub's key ({exc.strerror})") from exc
    if len(key) != KEY_BYTES:
        raise HubKeyError(
            f"{path}: the hub's key is damaged ({len(key)} bytes, not {KEY_BYTES}); restore it "
            "from a backup (without it the users' bundle keys cannot be opened)"
        )
    return key


def _create_key_file(path: Path) -> None:
    """Write a new key to a private temporary file, then link it into place.

    The link fails if hub.key appeared meanwhile, so two hubs starting at once agree on
    one key and neither ever reads a half-written file.
    """
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        fd = os.open(tmp, flags, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(KEY_BYTES))
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileExistsError):  # another hub made it first: use that
            os.link(tmp, path)
    except OSError as exc:
        raise HubKeyError(f"{path}: cannot create the hub's key ({exc.strerror})") from exc
    finally:
        tmp.unlink(missing_ok=True)


def seal_bundle_key(hub_key: bytes, user: str, bundle_key: bytes) -> str:
    """The user's bundle key sealed with the hub's key, as text for the database."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(_NONCE_BYTES)
    sealed = AESGCM(hub_key).encrypt(nonce, bundle_key, user.encode())
    return _SEALED + base64.b64encode(nonce + sealed).decode()


def open_bundle_key(hub_key: bytes, user: str, sealed: str) -> bytes:
    """The user's bundle key from its sealed text (or from a legacy unsealed hex value)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not sealed.startswith(_SEALED):
        if len(sealed) == 2 * KEY_BYTES:  # stored before keys were sealed; re-seal it
            try:
                return bytes.fromhex(sealed)
            except ValueError:
                pass
        raise HubKeyError(f"the bundle key of {user!r} in the database is damaged")
    try:
        raw = base64.b64decode(sealed[len(_SEALED) :], validate=True)
        return AESGCM(hub_key).decrypt(raw[:_NONCE_BYTES], raw[_NONCE_BYTES:], user.encode())
    except (InvalidTag, ValueError):  # ValueError: not base64, or too short for a nonce
        raise HubKeyError(
            f"the bundle key of {user!r} does not open with this hub's key ({KEY_FILE}): the "
            "database was copied without its key file, or the key file was replaced"
        ) from None
