"""Import an offline bundle into the hub: exactly a push by the bundle's author."""

from dataclasses import dataclass, field
from pathlib import Path

from ctpat_desktop.hub.service import Hub
from ctpat_desktop.sync.bundle import BundleError, read_bundle
from ctpat_desktop.sync.protocol import APPLIED, REJECTED, STALE


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
    user = hub.user(bundle.user)
    if user is None:
        raise BundleError(f"{path}: written by {bundle.user!r}, who is not a user of this hub")
    summary = ImportSummary(bundle.user, bundle.created)
    for sha, content in bundle.blobs.items():
        summary.blobs_stored += hub.put_blob(sha, content)
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
