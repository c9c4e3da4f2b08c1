"""The SQLite driver: SQLCipher's build of sqlite3, with the same DB-API, so the database
file is encrypted (AES-256, per page). Every connection to a data folder's database comes
from ``connect`` here; ``sqlite`` is the driver module (Row, errors, …)."""

from pathlib import Path

from sqlcipher3 import dbapi2 as sqlite

__all__ = ["connect", "key_pragma", "sqlite"]


def key_pragma(key: bytes, verb: str = "key") -> str:
    """The PRAGMA that opens (verb "key") or re-encrypts ("rekey") a file with a raw
    256-bit key; a raw key skips SQLCipher's own key derivation on every open."""
    if len(key) != 32:
        raise ValueError("a database key is 32 bytes")
    return f"PRAGMA {verb} = \"x'{key.hex()}'\""


def connect(path: Path, key: bytes | None, *, readonly: bool = False) -> "sqlite.Connection":
    """A connection to path, opened with key (None: a plain, unencrypted SQLite file).

    Autocommit at the driver: callers issue BEGIN IMMEDIATE … COMMIT themselves.
    """
    target = f"{path.as_uri()}?mode=ro" if readonly else str(path)
    conn = sqlite.connect(target, uri=readonly, isolation_level=None, check_same_thread=False)
    # A wrong key or a damaged file is reported as an error to the caller; SQLCipher would
    # also print its own log line on stderr.
    conn.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:
        conn.execute(key_pragma(key))
    return conn
