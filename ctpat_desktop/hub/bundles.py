"""Offline bundles at the hub: import a laptop's (exactly a push), export a user's feed."""

from dataclasses import dataclass, field
from pathlib import Path

from ctpat_desktop.hub.service import Hub
from ctpat_desktop.sync.bundle import BundleError, read_bundle, write_bundle
from ctpat_desktop.sync.protocol import APPLIED, KIND_BY_NAME, MAX_PAGE, REJECTED, STALE, Change


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

    def line(self) -> str:
        """One line for the operator."""
        return (
            f"bundle from {self.user} ({self.created}): {self.applied} applied, "
            f"{self.already_applied} already applied, {self.stale} stale (left for the "
            f"laptop's next sync), {len(self.rejected)} rejected; "
            f"{self.blobs_stored} evidence files stored"
        )


def import_bundle(hub: Hub, path: Path) -> ImportSummary:
    """Check the bundle against its author's key, store its evidence, push its mutations.

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
    for sha, content in bundle.blobs.items():
        summary.blobs_stored += hub.put_blob(sha, content, user)
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

    def line(self) -> str:
        """One line for the operator."""
        return (
            f"wrote {self.changes} change(s) after {self.since} (up to {self.next_seq}) and "
            f"{self.blobs} evidence file(s) for {self.user} ({self.size} bytes); on the "
            "laptop: ctpat-desktop bundle import FILE"
        )


def export_bundle(hub: Hub, path: Path, name: str, since: int) -> ExportSummary:
    """The user's change feed after since, with its evidence, sealed with the user's key."""
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
    blobs: dict[str, bytes] = {}
    for change in changes:
        if change.kind == "evidence" and not change.deleted:
            sha = str(change.fields["sha256"])
            content = hub.blob_for(user, sha)
            if content is not None:
                blobs[sha] = content
    size = write_bundle(
        path, user=name, key=key, blobs=blobs, changes=changes, since=since, next_seq=cursor
    )
    return ExportSummary(name, since, cursor, len(changes), len(blobs), size)
