"""Move an unsigned validation to the current version of its catalog, saying what moved.

A validation keeps the catalog version it was pinned to; when a new MSC version (or a
corrected transcription) ships, `validation upgrade-catalog ID` moves it. No finding is
ever dropped: a recorded finding on a criterion the new version lacks stops the upgrade.
"""

from dataclasses import dataclass, field, replace
from typing import Any

from ctpat_desktop.app import AppContext
from ctpat_desktop.catalog import Catalog, Criterion
from ctpat_desktop.errors import RuleError
from ctpat_desktop.worksheet import Finding, FindingStatus, lifecycle


@dataclass(frozen=True, slots=True)
class CatalogMove:
    """What changes between two versions of a catalog for one validation."""

    validation_id: str
    entity: str
    from_version: str
    to_version: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    level_changed: list[dict[str, str]] = field(default_factory=list)
    retitled: list[dict[str, str]] = field(default_factory=list)
    parts_changed: list[str] = field(default_factory=list)
    findings_kept: int = 0
    findings_changed: list[dict[str, Any]] = field(default_factory=list)
    applied: bool = False

    def as_dict(self) -> dict[str, Any]:
        """What `validation upgrade-catalog --json` prints."""
        return {
            "validation": self.validation_id,
            "entity": self.entity,
            "from": self.from_version,
            "to": self.to_version,
            "added": self.added,
            "removed": self.removed,
            "level_changed": self.level_changed,
            "retitled": self.retitled,
            "parts_changed": self.parts_changed,
            "findings_kept": self.findings_kept,
            "findings_changed": self.findings_changed,
            "applied": self.applied,
        }


def _parts(c: Criterion) -> list[tuple[str, str]]:
    return [(p.key, p.level.value) for p in c.parts]


def compare(old: Catalog, new: Catalog, validation_id: str) -> CatalogMove:
    """The criteria added, removed, re-levelled, retitled or re-parted between versions."""
    move = CatalogMove(validation_id, old.entity, old.version, new.version)
    for c in new.criteria:
        before = old.get(c.id)
        if before is None:
            move.added.append(c.id)
            continue
        if before.level is not c.level:
            move.level_changed.append(
                {"criterion": c.id, "from": before.level.value, "to": c.level.value}
            )
        if before.title != c.title:
            move.retitled.append({"criterion": c.id, "from": before.title, "to": c.title})
        if _parts(before) != _parts(c):
            move.parts_changed.append(c.id)
    move.removed.extend(c.id for c in old.criteria if new.get(c.id) is None)
    return move


def upgrade_catalog(
    ctx: AppContext, validation_id: str, to_version: str | None = None, dry_run: bool = False
) -> CatalogMove:
    """Move an unsigned validation to the catalog version in force today (or `to_version`)."""
    store = ctx.store
    validation = store.validation(store.resolve_id(validation_id))
    if lifecycle.is_locked(validation.status):
        raise RuleError(
            "the validation is signed; its report cites the catalog it was pinned to "
            "(reopen it first to change findings)"
        )
    old = store.pinned_catalog(validation.entity, validation.catalog_version)
    new = ctx.catalogs.catalog(validation.entity, to_version)
    move = compare(old, new, validation.id)
    if old.version == new.version and old.raw == new.raw:
        raise RuleError(f"the validation already uses catalog {new.entity} {new.version}")
    recorded = {
        cid: r.finding
        for cid, r in store.findings(validation.id).items()
        if r.finding.status is not FindingStatus.NOT_REVIEWED
    }
    orphans = sorted(cid for cid in recorded if new.get(cid) is None)
    if orphans:
        listed = ", ".join(f"{cid} ({recorded[cid].status.value})" for cid in orphans)
        raise RuleError(
            f"catalog {new.entity} {new.version} has no criterion for the findings on {listed}; "
            "move what they say to the right criterion and set them to not-reviewed first, "
            "so that no finding is lost"
        )
    changes = []
    for cid in move.parts_changed:
        finding = recorded.get(cid)
        if finding is not None and finding.unmet_parts:
            move.findings_changed.append(
                {
                    "criterion": cid,
                    "unmet_parts": [list(finding.unmet_parts), []],
                    "why": "the criterion's parts changed; the finding now covers the whole",
                }
            )
            changes.append((cid, _whole))
    move = replace(move, findings_kept=len(recorded), applied=not dry_run)
    if not dry_run:
        store.change_catalog(validation.id, new, old.version, changes, ctx.actor)
    return move


def _whole(finding: Finding) -> Finding:
    return replace(finding, unmet_parts=())
