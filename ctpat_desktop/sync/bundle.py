"""Offline bundle files: a laptop's pending changes, encrypted and authenticated.

For a laptop that cannot reach the hub: ``ctpat-desktop bundle export FILE`` writes the
changes a push would send (and the evidence they need); ``ctpat-hub bundle import FILE``
applies them exactly like a push, so importing twice changes nothing. The other way,
``ctpat-hub bundle export FILE --user NAME --since SEQ`` writes that user's change feed
from SEQ on (and its evidence), which ``ctpat-desktop bundle import FILE`` applies like a
pull. A bundle carries ``mutations`` (laptop to hub) or ``changes`` (hub to laptop).

Layout: ``MAGIC`` (8 bytes), a 4-byte big-endian header length, the header (JSON: format,
user, created, nonce, mutations, blobs), then AES-256-GCM of the zlib-compressed payload
(JSON: protocol, mutations, blobs as base64) with the magic and header as associated data.
The key is derived from the user's hub token (HKDF-SHA256); the hub keeps the same derived
key for each user (never the token), so a bundle both hides its content and proves that
its author held that user's token. Any changed byte fails the GCM check.
"""

import base64
import hashlib
import json
import os
import struct
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ctpat_desktop.errors import CtpatError
from ctpat_desktop.sync.protocol import (
    MAX_BLOB_BYTES,
    MAX_JSON_BYTES,
    PROTOCOL,
    Change,
    Mutation,
    ProtocolError,
    parse_change,
    parse_mutation,
)

MAGIC = b"CTPATBDL"
FORMAT = 1
MAX_HEADER_BYTES = 64 * 1024
# A bundle carries at most what the hub takes over HTTP in one push request plus one
# evidence file (in base64: 4 bytes for every 3), so reading one needs a few times that in
# memory, not the gigabytes a zlib bomb would inflate to.
MAX_PAYLOAD_BYTES = MAX_JSON_BYTES + 4 * ((MAX_BLOB_BYTES + 2) // 3)  # once inflated
MAX_BUNDLE_BYTES = MAX_PAYLOAD_BYTES  # the file: compressed JSON and base64 is far smaller
_PIECE = 1024 * 1024  # inflated a piece at a time, so the cap holds within a piece
_INFO = b"ctpat-desktop offline bundle v1"


class BundleError(CtpatError):
    """A bundle that cannot be read or trusted; the message says why."""


def bundle_key(token: str) -> bytes:
    """The 32-byte key a user's bundles are sealed with, derived from the hub token."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(token.encode())


@dataclass(frozen=True, slots=True)
class Bundle:
    """What a bundle carries, once opened and checked."""

    user: str
    created: str
    mutations: tuple[Mutation, ...]
    blobs: Mapping[str, bytes]
    changes: tuple[Change, ...] = ()
    since: int = 0  # a hub's bundle: the feed from after this change …
    next_seq: int = 0  # … up to this one


def write_bundle(
    path: Path,
    *,
    user: str,
    key: bytes,
    mutations: Sequence[Mutation] = (),
    blobs: Mapping[str, bytes],
    changes: Sequence[Change] = (),
    since: int = 0,
    next_seq: int = 0,
) -> int:
    """Seal the changes into path (written atomically) with the user's bundle key; bytes."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    header = {
        "format": FORMAT,
        "user": user,
        "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "nonce": base64.b64encode(nonce).decode(),
        "mutations": len(mutations),
        "changes": len(changes),
        "blobs": len(blobs),
    }
    header_bytes = json.dumps(header, sort_keys=True).encode()
    payload = {
        "protocol": PROTOCOL,
        "mutations": [m.to_json() for m in mutations],
        "changes": [c.to_json() for c in changes],
        "since": since,
        "next": next_seq,
        "blobs": {sha: base64.b64encode(data).decode() for sha, data in blobs.items()},
    }
    payload_bytes = json.dumps(payload).encode()
    compressed = zlib.compress(payload_bytes, 6)
    aad = MAGIC + header_bytes
    sealed = AESGCM(key).encrypt(nonce, compressed, aad)
    body = MAGIC + struct.pack(">I", len(header_bytes)) + header_bytes + sealed
    if len(payload_bytes) > MAX_PAYLOAD_BYTES or len(body) > MAX_BUNDLE_BYTES:
        raise BundleError(
            f"{path}: {len(payload_bytes)} bytes of changes and evidence, more than a bundle "
            f"carries ({MAX_PAYLOAD_BYTES}); sync over the network instead"
        )
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with tmp.open("wb") as handle:
            handle.write(body)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise BundleError(f"{path}: cannot write the bundle ({exc.strerror})") from exc
    return len(body)


def read_header(path: Path) -> tuple[dict[str, Any], bytes, memoryview]:
    """The header (checked for shape only), its raw bytes and the sealed rest."""
    raw = _read_file(path)
    if not raw.startswith(MAGIC) or len(raw) < len(MAGIC) + 4:
        raise BundleError(f"{path}: not a ctpat-desktop bundle file")
    (length,) = struct.unpack(">I", raw[len(MAGIC) : len(MAGIC) + 4])
    start = len(MAGIC) + 4
    if length > MAX_HEADER_BYTES or start + length > len(raw):
        raise BundleError(f"{path}: the bundle's header is damaged")
    header_bytes = raw[start : start + length]
    try:
        header = json.loads(header_bytes)
    except (ValueError, RecursionError):  # RecursionError: JSON nested too deeply
        raise BundleError(f"{path}: the bundle's header is damaged") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise BundleError(f"{path}: unknown bundle format (this version reads format {FORMAT})")
    if not isinstance(header.get("user"), str) or not isinstance(header.get("nonce"), str):
        raise BundleError(f"{path}: the bundle's header is damaged")
    return header, header_bytes, memoryview(raw)[start + length :]  # a view: no second copy


def _read_file(path: Path) -> bytes:
    """The file's bytes; one larger than a bundle can be is refused before it is read."""
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_BUNDLE_BYTES:
                raise BundleError(
                    f"{path}: larger than a bundle can be ({MAX_BUNDLE_BYTES} bytes); "
                    "nothing was applied"
                )
            raw = handle.read(size)
            if handle.read(1):  # a pipe or a device (whose size says nothing), or growing
                raise BundleError(f"{path}: not a file of fixed size; nothing was applied")
    except OSError as exc:
        raise BundleError(f"{path}: cannot read the bundle ({exc.strerror})") from exc
    return raw


def read_bundle(path: Path, key_for_user: Callable[[str], bytes | None]) -> Bundle:
    """Open and check a bundle; key_for_user gives the named user's bundle key (or None).

    Memory stays within a few times MAX_PAYLOAD_BYTES whatever the file holds: the file is
    read only up to MAX_BUNDLE_BYTES and the payload inflated only up to MAX_PAYLOAD_BYTES.
    """
    header, compressed = _unseal(path, key_for_user)
    data = _inflate(path, compressed)
    del compressed  # not needed while the payload is parsed, its largest step
    return _parse_payload(path, header, data)


def _unseal(
    path: Path, key_for_user: Callable[[str], bytes | None]
) -> tuple[dict[str, Any], bytes]:
    """The header and the compressed payload, once the whole bundle has authenticated."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header, header_bytes, sealed = read_header(path)
    user = header["user"]
    key = key_for_user(user)
    if key is None:
        raise BundleError(f"{path}: written by {user!r}, who is not a user of this hub")
    try:
        nonce = base64.b64decode(header["nonce"], validate=True)
        # GCM checks its tag only at the end, so the sealed part is decrypted in one piece
        # (bounded by MAX_BUNDLE_BYTES) and nothing of it is used unless it authenticates.
        return header, AESGCM(key).decrypt(nonce, sealed, MAGIC + header_bytes)
    except (InvalidTag, ValueError):
        raise BundleError(
            f"{path}: the bundle failed its integrity check (changed, damaged, or not "
            f"sealed with {user!r}'s token); nothing was applied"
        ) from None


def _inflate(path: Path, compressed: bytes) -> bytearray:
    """The payload, inflated a piece at a time and refused as soon as it passes the cap."""
    inflater = zlib.decompressobj()
    data = bytearray()
    view = memoryview(compressed)
    position, pending = 0, view[:0]
    try:
        while len(data) <= MAX_PAYLOAD_BYTES and (pending or position < len(view)):
            if not pending:
                pending, position = view[position : position + _PIECE], position + _PIECE
            data += inflater.decompress(pending, _PIECE)
            pending = memoryview(inflater.unconsumed_tail)
        if len(data) <= MAX_PAYLOAD_BYTES:
            data += inflater.flush()  # what the last piece left buffered: a few bytes
    except zlib.error:
        raise BundleError(f"{path}: the bundle's content is damaged") from None
    if len(data) > MAX_PAYLOAD_BYTES:
        raise BundleError(
            f"{path}: the bundle expands beyond {MAX_PAYLOAD_BYTES} bytes; nothing was applied"
        )
    if not inflater.eof:
        raise BundleError(f"{path}: the bundle's content is damaged")
    return data


def _parse_payload(path: Path, header: Mapping[str, Any], data: bytearray) -> Bundle:
    try:
        payload = json.loads(data)
        if not isinstance(payload, dict):
            raise ProtocolError("the payload is not a JSON object")
        if payload.get("protocol") != PROTOCOL:
            raise ProtocolError(f"protocol {payload.get('protocol')!r} is not {PROTOCOL}")
        raw_mutations = payload.get("mutations")
        raw_blobs = payload.get("blobs")
        if not isinstance(raw_mutations, list) or not isinstance(raw_blobs, dict):
            raise ProtocolError("mutations must be a list and blobs an object")
        mutations = tuple(parse_mutation(m) for m in raw_mutations)
        raw_changes = payload.get("changes", [])
        since, next_seq = payload.get("since", 0), payload.get("next", 0)
        if not isinstance(raw_changes, list) or type(since) is not int or type(next_seq) is not int:
            raise ProtocolError("changes must be a list, since and next whole numbers")
        changes = tuple(parse_change(c) for c in raw_changes)
        blobs: dict[str, bytes] = {}
        for sha, text in raw_blobs.items():
            content = base64.b64decode(text, validate=True)
            if hashlib.sha256(content).hexdigest() != sha:
                raise ProtocolError(f"evidence {str(sha)[:12]}… does not match its hash")
            blobs[sha] = content
    except (ValueError, TypeError) as exc:  # ProtocolError, JSON and base64 errors
        raise BundleError(f"{path}: the bundle's content is not valid ({exc})") from None
    except RecursionError:
        raise BundleError(
            f"{path}: the bundle's content is not valid (nested too deeply)"
        ) from None
    return Bundle(
        str(header["user"]),
        str(header.get("created", "")),
        mutations,
        blobs,
        changes,
        since,
        next_seq,
    )
