"""Offline bundles at the hub: import a laptop's (exactly a push), export a user's feed."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ctpat_desktop.hub.service import Hub
from ctpat_desktop.sync.bundle import BundleError, read_bundle, write_bundle
from ctpat_desktop.sync.protocol import (
    APPLIED,
    KIND_BY_NAME,
    MAX_PAGE,
    REJECTED,
    SIGNED_DOCUMENT_KINDS,
    STALE,
    Change,
    Mutation,
)


@dataclass
class ImportSummary:
    """What importing one bundle did."""

    user: str
    created: str
    applied: int = 0
    already_applied: int = 0
    stale: int = 0
    rejected: list[str] = field(default_factory=list)  # "kind id: reason", in bundle order
    blobs_stored: int = 0
    documents_stored: int = 0  # signed documents' files (reports, renditions, letters)

    def line(self) -> str:
        """One line for the operator."""
        return (
            f"bundle from {self.user} ({self.created}): {self.applied} applied, "
            f"{self.already_applied} already applied, {self.stale} stale (left for the "
            f"laptop's next sync), {len(self.rejected)} rejected; "
            f"{self.blobs_stored} evidence files stored, "
            f"{self.documents_stored} signed document file(s) stored"
        )


def import_bundle(hub: Hub, path: Path) -> ImportSummary:
    """Check the bundle against its author's key, store its evidence and signed documents'
    files, push its mutations.

    Nothing is stored unless the whole bundle passes its integrity check; importing the
    same bundle again replays the stored results and changes nothing.
    """
    bundle = read_bundle(path, hub.bundle_key_for)
    if bundle.changes:
        raise BundleError(f"{path}: a hub's bundle for a laptop (ctpat-desktop bundle import)")
    user = hub.user(bundle.user)
    if user is None:
        raise BundleError(f"{path}: written by {bundle.user!r}, who is not a user of this hub")
    summary = ImportSummary(bundle.user, bundle.created)
    documents = _document_files(bundle.mutations)
    for sha, content in bundle.blobs.items():
        stored = hub.put_blob(sha, content, user)
        if sha in documents:
            summary.documents_stored += stored
        else:
            summary.blobs_stored += stored
    report = hub.push_report(user, list(bundle.mutations))
    for mutation, result in zip(bundle.mutations, report.results, strict=True):
        if result["outcome"] == APPLIED:
            if mutation.key in report.replayed:
                summary.already_applied += 1
            else:
                summary.applied += 1
        elif result["outcome"] == STALE:
            summary.stale += 1
        elif result["outcome"] == REJECTED:
            summary.rejected.append(f"{mutation.kind} {mutation.id}: {result['error']}")
    return summary


@dataclass
class ExportSummary:
    """What one hub bundle for a laptop holds."""

    user: str
    since: int
    next_seq: int
    changes: int
    blobs: int
    size: int
    documents: int = 0  # signed documents' files the hub holds (some may have none)

    def line(self) -> str:
        """One line for the operator."""
        return (
            f"wrote {self.changes} change(s) after {self.since} (up to {self.next_seq}), "
            f"{self.blobs} evidence file(s) and {self.documents} signed document file(s) for "
            f"{self.user} ({self.size} bytes); on the laptop: ctpat-desktop bundle import FILE"
        )


def export_bundle(hub: Hub, path: Path, name: str, since: int) -> ExportSummary:
    """The user's change feed after since, with its evidence and the signed documents'
    files the hub holds, sealed with the user's key."""
    user = hub.user(name)
    key = hub.bundle_key_for(name)
    if user is None or key is None:
        raise BundleError(f"{name!r} is not a user of this hub")
    if since < 0:
        raise BundleError("--since must be a change number >= 0")
    changes: list[Change] = []
    cursor, more = since, True
    while more:
        # Every kind: the hub cannot know which release will import the file.
        page, cursor, more = hub.changes(user, cursor, MAX_PAGE, tuple(KIND_BY_NAME))
        changes.extend(page)
    evidence = {
        str(change.fields["sha256"])
        for change in changes
        if change.kind == "evidence" and not change.deleted
    }
    documents = _document_files(changes) - evidence
    blobs: dict[str, bytes] = {}
    for sha in sorted(evidence | documents):
        content = hub.blob_for(user, sha)
        if content is not None:
            blobs[sha] = content
    size = write_bundle(
        path, user=name, key=key, blobs=blobs, changes=changes, since=since, next_seq=cursor
    )
    sent_documents = len(documents & blobs.keys())
    return ExportSummary(
        name, since, cursor, len(changes), len(blobs) - sent_documents, size, sent_documents
    )


def _document_files(records: Iterable[Mutation | Change]) -> set[str]:
    """The SHA-256 of the signed documents' files the records name (reports, renditions,
    letters)."""
    return {
        str(record.fields["sha256"])
        for record in records
        if record.kind in SIGNED_DOCUMENT_KINDS
        and not record.deleted
        and isinstance(record.fields.get("sha256"), str)
    }
