"""Signed documents kept in the data folder, and copies of them written back byte for byte.

Signing a report, a rendition or a follow-up letter seals the exact signed bytes into the
content store (AES-GCM, like evidence, store/evidence.py) before the record is written, so
a recorded signed document can always be given back, even when the file handed out is
lost. The store's files are named by SHA-256 and never pruned; a record names the same
SHA-256, so whether a document is kept is whether its content is there. Documents signed
before this release (or on another laptop) have a record and no kept copy: a copy of one
is refused in one line.
"""

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import CtpatError, NotFoundError, RuleError, StoreError
from ctpat_desktop.store import issued
from ctpat_desktop.store.files import fsync_folder
from ctpat_desktop.sync.letter_rules import Letter


@dataclass(frozen=True, slots=True)
class KeptCopy:
    """A kept signed document written back to path."""

    version: int  # the report version (of a letter: the version it follows)
    sha256: str
    path: Path
    language: str

    def view(self) -> dict[str, Any]:
        """As `report … --copy-of N --json` prints it."""
        return {
            "version": self.version,
            "sha256": self.sha256,
            "path": str(self.path),
            "language": self.language,
        }


@dataclass(frozen=True, slots=True)
class SignedDocument:
    """A signed report version or rendition of a validation, and whether it is kept here."""

    version: int
    language: str
    rendition: bool
    signer: str
    signed_at: str
    file_name: str
    sha256: str
    kept: bool = False


def keep_then_record(
    ctx: AppContext, target: Path, content: bytes, record: Callable[[], object]
) -> None:
    """Seal a signed file's bytes into the content store, then record it with `record`.

    Either both happen or neither: if keeping or recording fails, a copy kept by this call
    is removed again and so is target (an unrecorded signed document must not go out).
    """
    blobs = ctx.store.blobs
    sha256 = hashlib.sha256(content).hexdigest()
    new, added = not blobs.has(sha256), False
    try:
        try:
            blobs.put_bytes(content, sha256)
        except OSError as exc:
            raise StoreError(
                f"the signed file could not be kept in {blobs.root} "
                f"({exc.strerror or exc}); nothing was recorded"
            ) from exc
        added = new
        record()
    except Exception:
        target.unlink(missing_ok=True)
        if added:
            blobs.path_of(sha256).unlink(missing_ok=True)
        raise


def signed_documents(ctx: AppContext, validation_id: str) -> list[SignedDocument]:
    """The signed report versions of a validation and their renditions, by version."""
    full_id = ctx.store.resolve_id(validation_id)
    with ctx.store.transaction() as conn:
        _status, reports = issued.issued_state(conn, full_id)
        renditions = issued.renditions(conn, full_id)
    kept = ctx.store.blobs.has
    found = [
        SignedDocument(r.version, r.language, False, r.signer, r.signed_at, r.file_name, r.sha256)
        for r in reports
    ] + [
        SignedDocument(
            r.report_version, r.language, True, r.signer, r.signed_at, r.file_name, r.sha256
        )
        for r in renditions
    ]
    return sorted(
        (replace(d, kept=kept(d.sha256)) for d in found),
        key=lambda d: (d.version, d.rendition, d.language),
    )


def copy_report(
    ctx: AppContext, validation_id: str, version: int, target: Path, language: str | None = None
) -> KeptCopy:
    """Write the kept signed report version `version` to target, byte for byte; with a
    language, the document of that version in it (the original or its rendition)."""
    documents = signed_documents(ctx, validation_id)
    versions = sorted({d.version for d in documents})
    if not versions:
        raise RuleError("no report of this validation has been signed yet: nothing to copy")
    if version not in versions:
        listed = ", ".join(str(v) for v in versions)
        raise NotFoundError(
            f"the validation has no signed report version {version} (signed: {listed})"
        )
    of_version = [d for d in documents if d.version == version]
    original = next(d for d in of_version if not d.rendition)
    wanted = original.language if language is None else language
    document = next((d for d in of_version if d.language == wanted), None)
    if document is None:
        raise NotFoundError(
            f"report version {version} was signed in {original.language} and has no signed "
            f"rendition in {wanted}"
        )
    what = (
        f"the {wanted} rendition of report version {version}"
        if document.rendition
        else f"report version {version}"
    )
    write_kept(ctx, document.sha256, target, what)
    return KeptCopy(version, document.sha256, target, wanted)


def find_letter(ctx: AppContext, validation_id: str, which: int | str) -> tuple[int, Letter]:
    """A validation's follow-up letter, with its number: by that number (1 for the first
    signed, as `validation show` lists them) or by its ID or the ID's start, which never
    changes (a letter signed earlier elsewhere that arrives by sync moves the numbers)."""
    full_id = ctx.store.resolve_id(validation_id)
    with ctx.store.transaction() as conn:
        letters = issued.letters(conn, full_id)
    if not letters:
        raise RuleError("no follow-up letter of this validation has been signed yet")
    if isinstance(which, int) or which.isdigit():
        number = int(which)
        if not 1 <= number <= len(letters):
            raise NotFoundError(
                f"the validation has no follow-up letter {number} (it has {len(letters)}: "
                f"1 to {len(letters)})"
            )
        return number, letters[number - 1]
    found = [(n, r) for n, r in enumerate(letters, start=1) if r.id.startswith(which.lower())]
    if not found:
        raise NotFoundError(f"the validation has no follow-up letter {which}")
    if len(found) > 1:
        raise NotFoundError(f"{which} is the start of {len(found)} letters' IDs: give more of it")
    return found[0]


def copy_letter(
    ctx: AppContext, validation_id: str, which: int | str, target: Path
) -> tuple[int, Letter]:
    """Write the kept signed follow-up letter (by number or ID: find_letter) to target,
    byte for byte; its number and record."""
    number, letter = find_letter(ctx, validation_id, which)
    write_kept(ctx, letter.sha256, target, f"follow-up letter {number}")
    return number, letter


def write_kept(ctx: AppContext, sha256: str, target: Path, what: str) -> None:
    """Write the kept document with this SHA-256 to target once it checks out against it;
    target is left as it was when it does not."""
    blobs = ctx.store.blobs
    if not blobs.has(sha256):
        raise NotFoundError(
            f"no copy of {what} is kept in this data folder: it was signed before signed "
            "documents were kept, or on another computer"
        )
    try:
        # Opened (its seal) and checked against the record's SHA-256, which names it.
        content = blobs.read_bytes(sha256)
    except CtpatError:
        raise StoreError(
            f"the kept copy of {what} is damaged (it fails its SHA-256 check); "
            f"{target} was not written"
        ) from None
    _write_durably(target, content)


def _write_durably(target: Path, content: bytes) -> None:
    """Write content under a temporary name beside target, fsync it, rename it into place
    and fsync the folder: target is the whole copy or what it was."""
    tmp = target.with_name(target.name + ".part")
    try:
        with tmp.open("wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        tmp.replace(target)
        fsync_folder(target.parent)
    except OSError as exc:
        raise CtpatError(f"{target}: cannot be written ({exc.strerror or exc})") from exc
    finally:
        tmp.unlink(missing_ok=True)
