"""The data folder's encryption key: made on first run, kept in the OS keyring.

Where no keyring works, the key is derived from a passphrase (scrypt) that is asked for
each time the folder is opened (or read from ``CTPAT_DB_PASSPHRASE`` for scripts); it is
never stored. ``encryption.json`` in the folder says which of the two applies and holds
only what is not secret: the salt, the scrypt cost and a check value that tells a wrong
key from a damaged database.
"""

import base64
import hashlib
import hmac
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ctpat_desktop.errors import CtpatError

KEY_FILE = "encryption.json"
PASSPHRASE_ENV = "CTPAT_DB_PASSPHRASE"
KEYRING, PASSPHRASE = "keyring", "passphrase"
# scrypt's "interactive" cost (16 MiB, ~35 ms here): every CLI command that opens the store
# pays it when the key comes from a passphrase.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
# Seals the key for the recovery code (recovery.py); named here so a locked folder can say
# whether its code can open it.
RECOVERY_FILE = "recovery.json"
Ask = Callable[[str], str | None]


class LockedError(CtpatError):
    """The data folder's key is not available or does not open it."""


class KeyNotHere(LockedError):
    """The folder's key belongs in the keyring and this computer's keyring lacks it."""


@dataclass(frozen=True, slots=True)
class KeySettings:
    """What encryption.json records."""

    source: str
    check: str
    salt: bytes = b""
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P


def keyring_name(data_dir: Path) -> str:
    """The keyring entry holding one data folder's key."""
    return f"database-key:{data_dir.resolve()}"


def key_check(key: bytes) -> str:
    """A value that shows whether a key is the folder's, without revealing the key."""
    return hmac.new(key, b"ctpat-desktop key check", hashlib.sha256).hexdigest()[:32]


def derive_key(passphrase: str, settings: KeySettings) -> bytes:
    """The 32-byte key a passphrase gives with the folder's salt and cost."""
    return hashlib.scrypt(
        passphrase.encode(),
        salt=settings.salt,
        n=settings.n,
        r=settings.r,
        p=settings.p,
        maxmem=256 * 1024 * 1024,
        dklen=32,
    )


def read_settings(data_dir: Path, name: str = KEY_FILE) -> KeySettings | None:
    """The folder's key settings, or None when it has no key yet."""
    path = data_dir / name
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        source = raw["source"]
        if source not in (KEYRING, PASSPHRASE):
            raise ValueError(f"unknown key source {source!r}")
        return KeySettings(
            source=source,
            check=str(raw["check"]),
            salt=base64.b64decode(raw.get("salt", "")),
            n=int(raw.get("n", SCRYPT_N)),
            r=int(raw.get("r", SCRYPT_R)),
            p=int(raw.get("p", SCRYPT_P)),
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise LockedError(f"{path}: the encryption settings cannot be read ({exc})") from None


def write_settings(data_dir: Path, settings: KeySettings, name: str = KEY_FILE) -> None:
    """Write encryption.json atomically (and durably: losing it loses the data)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    body = {"format": 1, "cipher": "sqlcipher4+aes-256-gcm", "source": settings.source}
    body["check"] = settings.check
    if settings.source == PASSPHRASE:
        body |= {
            "kdf": "scrypt",
            "salt": base64.b64encode(settings.salt).decode(),
            "n": settings.n,
            "r": settings.r,
            "p": settings.p,
        }
    path = data_dir / name
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        json.dump(body, handle, indent=2)
        handle.flush()
        os.fsync(handle.fileno())
    tmp.replace(path)


def load_key(data_dir: Path, ask: Ask | None) -> bytes | None:
    """The folder's key, or None when it has none yet; LockedError when it cannot be had."""
    settings = read_settings(data_dir)
    if settings is None:
        return None
    return _key_for(data_dir, settings, ask, keyring_name(data_dir))


def _key_for(data_dir: Path, settings: KeySettings, ask: Ask | None, entry: str) -> bytes:
    if settings.source == KEYRING:
        from ctpat_desktop.secrets import stored_secret

        stored = stored_secret(entry)
        if stored is None and (data_dir / RECOVERY_FILE).exists():
            raise KeyNotHere(
                f"{data_dir}: its key is not in this computer's keyring (another computer "
                "or user, or the keyring was reset); its recovery code opens it: run "
                "`ctpat-desktop recover`"
            )
        if stored is None:
            raise KeyNotHere(
                f"{data_dir}: its key is not in this computer's keyring (another computer "
                "or user, or the keyring was reset); the data cannot be opened without it"
            )
        try:
            key = bytes.fromhex(stored)
        except ValueError:
            raise LockedError(f"{data_dir}: the key in the keyring is damaged") from None
        if key_check(key) != settings.check:
            raise LockedError(f"{data_dir}: the key in the keyring does not open this folder")
        return key
    passphrase = os.environ.get(PASSPHRASE_ENV)
    if passphrase is None and ask is not None:
        passphrase = ask(f"Passphrase of the data folder {data_dir}")
    if not passphrase:
        raise LockedError(
            f"{data_dir} is locked with a passphrase: run in a terminal to type it, or set "
            f"{PASSPHRASE_ENV}"
        )
    key = derive_key(passphrase, settings)
    if key_check(key) != settings.check:
        raise LockedError(f"{data_dir}: wrong passphrase; nothing was opened or changed")
    return key


def create_key(data_dir: Path, ask: Ask | None, *, use_passphrase: bool = False) -> bytes:
    """A new key for a new folder: in the keyring if one works, else from a passphrase."""
    key, settings = new_key(data_dir, ask, use_passphrase=use_passphrase)
    if settings.source == KEYRING:
        from ctpat_desktop.secrets import store_secret

        if not store_secret(keyring_name(data_dir), key.hex()):
            raise LockedError("the keyring refused the key; nothing was set")
    write_settings(data_dir, settings)
    return key


def new_key(
    data_dir: Path, ask: Ask | None, *, use_passphrase: bool = False
) -> tuple[bytes, KeySettings]:
    """A new key and its settings, not yet kept anywhere: the keyring's, if one works
    (checked by keeping a probe in it), else one derived from a new passphrase."""
    if not use_passphrase:
        from ctpat_desktop.secrets import delete_secret, store_secret

        probe = f"{keyring_name(data_dir)}:probe"
        if store_secret(probe, "works"):
            delete_secret(probe)
            key = os.urandom(32)
            return key, KeySettings(KEYRING, key_check(key))
    passphrase = new_passphrase(ask)
    salt = os.urandom(16)
    key = derive_key(passphrase, KeySettings(PASSPHRASE, "", salt=salt))
    return key, KeySettings(PASSPHRASE, key_check(key), salt=salt)


# Re-keying changes two things that cannot change together, the file and where its key is
# kept; the new key is kept aside first ("pending"), so whichever of the two a crash
# leaves in place, one of the keys still opens the database.
PENDING_FILE = "encryption.pending.json"


def stash_pending(data_dir: Path, key: bytes, settings: KeySettings) -> None:
    """Keep a new key aside before the database is re-encrypted with it."""
    if settings.source == KEYRING:
        from ctpat_desktop.secrets import store_secret

        if not store_secret(f"{keyring_name(data_dir)}:pending", key.hex()):
            raise LockedError("the keyring refused the new key; nothing was changed")
    write_settings(data_dir, settings, PENDING_FILE)


def pending_key(data_dir: Path, ask: Ask | None) -> bytes | None:
    """The key kept aside by an unfinished re-key, if there is one and it can be had."""
    settings = read_settings(data_dir, PENDING_FILE)
    if settings is None:
        return None
    try:
        return _key_for(data_dir, settings, ask, f"{keyring_name(data_dir)}:pending")
    except LockedError:
        return None


def commit_pending(data_dir: Path) -> None:
    """The database is now encrypted with the pending key: make it the folder's key."""
    from ctpat_desktop.secrets import delete_secret, store_secret, stored_secret

    settings = read_settings(data_dir, PENDING_FILE)
    if settings is None:
        return
    name = keyring_name(data_dir)
    if settings.source == KEYRING:
        stored = stored_secret(f"{name}:pending")
        if stored is None or not store_secret(name, stored):
            raise LockedError("the keyring lost the new key; it is still kept aside")
    else:
        delete_secret(name)
    write_settings(data_dir, settings)
    delete_secret(f"{name}:pending")
    (data_dir / PENDING_FILE).unlink(missing_ok=True)


def drop_pending(data_dir: Path) -> None:
    """Forget a new key that was never used (the re-key failed before it changed anything)."""
    from ctpat_desktop.secrets import delete_secret

    delete_secret(f"{keyring_name(data_dir)}:pending")
    (data_dir / PENDING_FILE).unlink(missing_ok=True)


def new_passphrase(ask: Ask | None) -> str:
    """A new passphrase from the environment, or asked twice."""
    passphrase = os.environ.get(PASSPHRASE_ENV)
    if passphrase is None and ask is not None:
        passphrase = ask("No keyring works here. Choose a passphrase for your data")
        if passphrase and ask("Type the passphrase again") != passphrase:
            raise LockedError("the two passphrases differ; nothing was set")
    if not passphrase:
        raise LockedError(
            "no keyring works here, so the data needs a passphrase: run in a terminal to "
            f"choose one, or set {PASSPHRASE_ENV}"
        )
    from ctpat_desktop.store.strength import MIN_LENGTH, weakness

    if len(passphrase) < MIN_LENGTH:
        raise LockedError(f"the passphrase must have at least {MIN_LENGTH} characters")
    weak = weakness(passphrase)
    if weak:
        raise LockedError(
            f"that passphrase is too easy to guess ({weak}); choose a few words only you "
            "would put together, e.g. 'dock seven blue lantern'"
        )
    return passphrase


def folder_key(data_dir: Path, ask: Ask | None) -> bytes:
    """The folder's key, made on first use."""
    key = load_key(data_dir, ask)
    return key if key is not None else create_key(data_dir, ask)
