"""The recovery code: opens a data folder when this computer's keyring has lost its key.

A code is 128 random bits and a 32-bit check, written as 32 characters (Crockford's
base 32, in groups of four). It is turned into an X25519 key pair; ``recovery.json`` in
the folder keeps the public half and the database key sealed to it (X25519, HKDF-SHA256,
AES-GCM). Sealing needs no code, so a re-key seals its new key to the same code; opening
needs the code, which the folder never holds. Each sealed key carries an HMAC of the
public key made with that database key, so a planted recovery.json is never trusted.

A code made for a folder waits in the keyring until the person says it is kept elsewhere
(the GUI's dialog, or ``ctpat-desktop recovery-code``).
"""

import base64
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ctpat_desktop.store.keys import (
    KEY_FILE,
    PENDING_FILE,
    RECOVERY_FILE,
    LockedError,
    key_check,
    keyring_name,
)

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
_SECRET_BYTES, _CHECK_BYTES = 16, 4
_CODE_LENGTH = (_SECRET_BYTES + _CHECK_BYTES) * 8 // 5
_LOOK_ALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


class RecoveryError(LockedError):
    """A recovery code or file that does not open the data folder."""


@dataclass(frozen=True, slots=True)
class Sealed:
    """One database key sealed to the folder's recovery public key."""

    ephemeral: bytes
    nonce: bytes
    sealed: bytes
    vouch: str


def unshown_entry(data_dir: Path) -> str:
    """The keyring entry holding a folder's code until the person has kept it."""
    return f"recovery-code:{data_dir.resolve()}"


def new_code() -> str:
    """A new recovery code, as the person reads it."""
    secret = secrets.token_bytes(_SECRET_BYTES)
    number = int.from_bytes(secret + _check(secret), "big")
    chars = [_ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(_CODE_LENGTH))]
    return "-".join("".join(chars[i : i + 4]) for i in range(0, _CODE_LENGTH, 4))


def parse_code(text: str) -> bytes:
    """The secret of a typed code (spaces, dashes and case ignored; O read as 0, I and L
    as 1); RecoveryError when it is not a recovery code."""
    cleaned = "".join(text.split()).replace("-", "").upper().translate(_LOOK_ALIKES)
    if len(cleaned) != _CODE_LENGTH or any(c not in _ALPHABET for c in cleaned):
        raise RecoveryError(
            f"that is not a recovery code: it has {_CODE_LENGTH} letters and digits in "
            "groups of four; nothing was changed"
        )
    number = 0
    for char in cleaned:
        number = number << 5 | _ALPHABET.index(char)
    raw = number.to_bytes(_SECRET_BYTES + _CHECK_BYTES, "big")
    secret = raw[:_SECRET_BYTES]
    if not hmac.compare_digest(raw[_SECRET_BYTES:], _check(secret)):
        raise RecoveryError(
            "that recovery code has a mistyped character (its check does not add up); "
            "nothing was changed"
        )
    return secret


def _check(secret: bytes) -> bytes:
    return hashlib.sha256(b"ctpat-desktop recovery code" + secret).digest()[:_CHECK_BYTES]


def _private_key(secret: bytes) -> Any:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    return X25519PrivateKey.from_private_bytes(_hkdf(secret, b"", b"ctpat-desktop recovery"))


def _public_bytes(key: Any) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return bytes(key.public_bytes(Encoding.Raw, PublicFormat.Raw))


def _hkdf(material: bytes, salt: bytes, info: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(hashes.SHA256(), 32, salt or None, info).derive(material)


def _vouch(key: bytes, public: bytes) -> str:
    return hmac.new(key, b"ctpat-desktop recovery public key" + public, "sha256").hexdigest()


def _seal(key: bytes, public: bytes) -> Sealed:
    from cryptography.hazmat.primitives.asymmetric.x25519 import (
        X25519PrivateKey,
        X25519PublicKey,
    )
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = _public_bytes(ephemeral.public_key())
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public))
    wrapping = _hkdf(shared, ephemeral_public + public, b"ctpat-desktop recovery seal")
    nonce = os.urandom(12)
    sealed = AESGCM(wrapping).encrypt(nonce, key, key_check(key).encode())
    return Sealed(ephemeral_public, nonce, sealed, _vouch(key, public))


def _open(sealed: Sealed, check: str, private: Any, public: bytes) -> bytes | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    shared = private.exchange(X25519PublicKey.from_public_bytes(sealed.ephemeral))
    wrapping = _hkdf(shared, sealed.ephemeral + public, b"ctpat-desktop recovery seal")
    try:
        key = AESGCM(wrapping).decrypt(sealed.nonce, sealed.sealed, check.encode())
    except InvalidTag:
        return None
    return key if key_check(key) == check else None


# The file ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RecoveryFile:
    """What recovery.json holds: the public key and the keys sealed to it, by key check."""

    public: bytes
    keys: dict[str, Sealed]

    def vouched_by(self, key: bytes) -> bool:
        """Whether key's own entry vouches for this public key (so it may seal another)."""
        entry = self.keys.get(key_check(key))
        return entry is not None and hmac.compare_digest(entry.vouch, _vouch(key, self.public))


def read_file(data_dir: Path) -> RecoveryFile | None:
    """The folder's recovery file, or None when it has none."""
    path = data_dir / RECOVERY_FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        keys = {
            str(check): Sealed(
                base64.b64decode(entry["ephemeral"], validate=True),
                base64.b64decode(entry["nonce"], validate=True),
                base64.b64decode(entry["sealed"], validate=True),
                str(entry["vouch"]),
            )
            for check, entry in dict(raw["keys"]).items()
        }
        public = base64.b64decode(raw["public_key"], validate=True)
        if len(public) != 32:
            raise ValueError("the public key is not 32 bytes")
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise RecoveryError(f"{path}: the recovery file cannot be read ({exc})") from None
    return RecoveryFile(public, keys)


def _write_file(data_dir: Path, recovery: RecoveryFile) -> None:
    def b64(data: bytes) -> str:
        return base64.b64encode(data).decode()

    body = {
        "format": 1,
        "kind": "ctpat-desktop recovery",
        "seal": "x25519-hkdf-sha256-aes-256-gcm",
        "public_key": b64(recovery.public),
        "keys": {
            check: {
                "ephemeral": b64(s.ephemeral),
                "nonce": b64(s.nonce),
                "sealed": b64(s.sealed),
                "vouch": s.vouch,
            }
            for check, s in recovery.keys.items()
        },
    }
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / RECOVERY_FILE
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(body, handle, indent=2)
        handle.flush()
        os.fsync(handle.fileno())
    tmp.replace(path)


def set_up(data_dir: Path, key: bytes, code: str | None = None) -> str:
    """Make code (else a new one) the folder's recovery code; an earlier code stops
    working. Returns the code."""
    code = code or new_code()
    public = _public_bytes(_private_key(parse_code(code)).public_key())
    _write_file(data_dir, RecoveryFile(public, {key_check(key): _seal(key, public)}))
    return code


def seal_new_key(data_dir: Path, current: bytes, new: bytes) -> None:
    """Seal a re-key's new key to the folder's code, if the current key vouches for it."""
    recovery = read_file(data_dir)
    if recovery is None or not recovery.vouched_by(current):
        return
    keys = recovery.keys | {key_check(new): _seal(new, recovery.public)}
    _write_file(data_dir, RecoveryFile(recovery.public, keys))


def keep_only(data_dir: Path, key: bytes) -> None:
    """Forget sealed keys other than key's (after a re-key is complete)."""
    recovery = read_file(data_dir)
    check = key_check(key)
    if recovery is None or check not in recovery.keys or len(recovery.keys) == 1:
        return
    _write_file(data_dir, RecoveryFile(recovery.public, {check: recovery.keys[check]}))


def ensure_code(data_dir: Path, key: bytes) -> str | None:
    """Give a keyring folder a recovery code if it has none that seals its key; the new
    code waits in the keyring until it is acknowledged. Returns a new code, else None."""
    from ctpat_desktop.secrets import store_secret
    from ctpat_desktop.store.keys import KEYRING, read_settings

    settings = read_settings(data_dir)
    if settings is None or settings.source != KEYRING:
        return None  # a passphrase opens it on any computer; `recovery-code --new` if wanted
    try:
        recovery = read_file(data_dir)
    except RecoveryError:
        recovery = None  # damaged: a new code replaces it
    if recovery is not None and recovery.vouched_by(key):
        return None
    code = set_up(data_dir, key)
    store_secret(unshown_entry(data_dir), code)
    return code


def unshown_code(data_dir: Path) -> str | None:
    """The folder's code the person has not yet said they kept, if one waits."""
    from ctpat_desktop.secrets import stored_secret

    return stored_secret(unshown_entry(data_dir))


def acknowledge(data_dir: Path) -> None:
    """The person has kept the code elsewhere: it no longer waits in the keyring."""
    from ctpat_desktop.secrets import delete_secret

    delete_secret(unshown_entry(data_dir))


# Recovering ----------------------------------------------------------------------------


def recovered_keys(data_dir: Path, code: str) -> tuple[bytes, bytes | None]:
    """(the folder's key, the key of an unfinished re-key or None), opened with the code;
    RecoveryError, with nothing changed, when the code does not open the folder."""
    from ctpat_desktop.store.keys import read_settings

    secret = parse_code(code)
    settings = read_settings(data_dir)
    if settings is None:
        raise RecoveryError(f"{data_dir}: no {KEY_FILE} here; is this a ctpat-desktop data folder?")
    recovery = read_file(data_dir)
    if recovery is None:
        raise RecoveryError(
            f"{data_dir}: this folder has no recovery file ({RECOVERY_FILE}), so no code "
            "opens it; nothing was changed"
        )
    private = _private_key(secret)
    if not hmac.compare_digest(_public_bytes(private.public_key()), recovery.public):
        raise RecoveryError(
            f"that recovery code is not the one of {data_dir} (an older code, or another "
            "folder's); nothing was changed"
        )
    opened = {
        check: key
        for check, sealed in recovery.keys.items()
        if (key := _open(sealed, check, private, recovery.public)) is not None
    }
    key = opened.get(settings.check)
    if key is None:
        raise RecoveryError(
            f"{data_dir}: the recovery file does not hold the folder's current key (it was "
            "re-keyed by a version without recovery codes); nothing was changed"
        )
    pending = read_settings(data_dir, PENDING_FILE)
    return key, opened.get(pending.check) if pending is not None else None


def restore_to_keyring(data_dir: Path, key: bytes, pending: bytes | None) -> bool:
    """Keep recovered keys in this computer's keyring; False when no keyring works."""
    from ctpat_desktop.secrets import store_secret

    name = keyring_name(data_dir)
    if not store_secret(name, key.hex()):
        return False
    if pending is not None:
        store_secret(f"{name}:pending", pending.hex())
    return True


# A code kept in a file ---------------------------------------------------------------

_CODE_FILE_LIMIT = 4096


def write_code_file(path: Path, code: str, data_dir: Path) -> None:
    """Write a code to a file the person keeps away from this computer (readable by its
    owner only)."""
    text = (
        f"# ctpat-desktop recovery code of the data folder {data_dir}\n"
        "# It opens the data when a computer's keyring has lost its key: keep this file\n"
        "# away from that computer (a USB stick, a safe), then run\n"
        "#   ctpat-desktop recover --code-file THIS-FILE\n"
        f"{code}\n"
    )
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise RecoveryError(f"{path}: cannot write the recovery code ({exc.strerror})") from None


def read_code_file(path: Path) -> str:
    """The code in a file written by write_code_file (or any text whose first line that is
    not a comment is the code)."""
    import stat

    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise RecoveryError(f"{path}: not a regular file; nothing was changed")
        with path.open("rb") as handle:
            raw = handle.read(_CODE_FILE_LIMIT + 1)
    except OSError as exc:
        raise RecoveryError(f"{path}: cannot be read ({exc.strerror})") from None
    if len(raw) > _CODE_FILE_LIMIT:
        raise RecoveryError(f"{path}: too large for a recovery code file (over 4 KiB)")
    text = raw.decode("utf-8", errors="replace")
    lines = [line.strip() for line in text.splitlines()]
    return next((line for line in lines if line and not line.startswith("#")), "")
