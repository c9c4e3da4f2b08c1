"""Attach evidence once per content and criterion, caption it; the GUI and the CLI alike."""

import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ctpat_desktop.errors import NotFoundError, RuleError
from ctpat_desktop.store import EvidenceRecord
from ctpat_desktop.sync.meaning import check_caption
from ctpat_desktop.sync.protocol import MAX_BLOB_BYTES
from ctpat_desktop.worksheet import lifecycle

if TYPE_CHECKING:
    from ctpat_desktop.app import AppContext
    from ctpat_desktop.services.validations import ValidationSession


@dataclass(frozen=True, slots=True)
class Attachment:
    """The evidence an attach left: new, or the same content already on that criterion."""

    record: EvidenceRecord
    already_attached: bool


def clean_caption(caption: str) -> str:
    """A caption as stored: trimmed, one line, at most MAX_CAPTION characters (RuleError)."""
    cleaned = caption.strip()
    check_caption(cleaned)
    return cleaned


def check_evidence_size(size: int, name: str) -> None:
    """An evidence file the hub would refuse is refused now, when the SCSS can still act."""
    if size > MAX_BLOB_BYTES:
        limit = MAX_BLOB_BYTES // (1024 * 1024)
        raise RuleError(
            f"{name} has {size:,} bytes; an evidence file may have at most "
            f"{MAX_BLOB_BYTES:,} ({limit} MiB, the hub refuses larger ones): capture a smaller "
            "part or compress it"
        )


def check_unlocked(ctx: "AppContext", validation_id: str) -> None:
    """RuleError when the validation is signed (as stored now, not as a window last saw it)."""
    if lifecycle.is_locked(ctx.store.validation(validation_id).status):
        raise RuleError(
            "the validation is signed and locked; reopen it before changing its evidence"
        )


def _check_target(session: "ValidationSession", criterion_id: str | None) -> None:
    if criterion_id is not None and session.catalog.get(criterion_id) is None:
        raise NotFoundError(
            f"criterion '{criterion_id}' is not in the {session.catalog.name} catalog "
            f"{session.catalog.version}"
        )


def attach_bytes(
    ctx: "AppContext",
    session: "ValidationSession",
    content: bytes,
    filename: str,
    criterion_id: str | None = None,
    caption: str = "",
) -> Attachment:
    """Store content (a pasted or captured screenshot) as evidence, once per criterion."""
    _check_target(session, criterion_id)
    caption = clean_caption(caption)
    if not content:
        raise RuleError("the evidence is empty")
    check_evidence_size(len(content), filename)
    check_unlocked(ctx, session.id)
    store = ctx.store
    sha256, size = store.blobs.put_bytes(content)
    record, already = store.add_evidence(
        session.id, criterion_id, filename, sha256, size, ctx.actor, caption
    )
    return Attachment(record, already)


def attach_file(
    ctx: "AppContext",
    session: "ValidationSession",
    path: Path,
    criterion_id: str | None = None,
    caption: str = "",
) -> Attachment:
    """Store a file by content hash and attach it to a criterion (or the whole validation),
    unless the same content is attached there already."""
    _check_target(session, criterion_id)
    caption = clean_caption(caption)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise NotFoundError(f"{path}: file not found") from None
    except OSError as exc:
        raise RuleError(f"{path}: cannot be read ({exc.strerror})") from None
    if not stat.S_ISREG(info.st_mode):  # a FIFO would hang, /dev/zero never end
        raise RuleError(f"{path}: not a regular file")
    check_evidence_size(info.st_size, path.name)
    check_unlocked(ctx, session.id)
    store = ctx.store
    sha256, size = store.blobs.put_file(path)
    record, already = store.add_evidence(
        session.id, criterion_id, path.name, sha256, size, ctx.actor, caption
    )
    return Attachment(record, already)


def set_caption(
    ctx: "AppContext",
    session: "ValidationSession",
    evidence_id: str,
    caption: str,
    based_on: str | None = None,
) -> EvidenceRecord:
    """Change what a piece of evidence is said to show (based_on: the caption edited)."""
    cleaned = clean_caption(caption)
    check_unlocked(ctx, session.id)
    return ctx.store.set_evidence_caption(session.id, evidence_id, cleaned, ctx.actor, based_on)
