"""After the visit: what the member must do, has answered, and what is still open."""

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from ctpat_desktop.catalog import Catalog
from ctpat_desktop.worksheet.model import Finding, FindingStatus
from ctpat_desktop.worksheet.rules import CategoryProgress, Outcome, classify, progress_by_category


@dataclass(frozen=True, slots=True)
class FollowUpItem:
    """One required action or recommendation and where the member's answer stands."""

    criterion: str
    title: str
    outcome: Outcome
    action: str
    due: date | None
    extension_days: int | None
    response_implemented: bool | None
    response_note: str
    response_accepted: bool | None

    @property
    def closed(self) -> bool:
        """Closed once the SCSS accepted the member's response."""
        return self.response_accepted is True

    @property
    def state(self) -> str:
        """Where the item stands, in words."""
        if self.response_accepted is True:
            return "closed: response accepted"
        if self.response_accepted is False:
            return "response rejected: awaiting a new response"
        if self.response_implemented is not None or self.response_note:
            return "response received: to review"
        return "awaiting the member's response"


@dataclass(frozen=True)
class FollowUp:
    """Counts by status, progress per category, and the items to follow up."""

    counts: dict[str, int]
    progress: list[CategoryProgress]
    required_actions: list[FollowUpItem]
    recommendations: list[FollowUpItem]
    best_practices: list[tuple[str, str, str]]

    @property
    def open_required_actions(self) -> int:
        """Required actions not yet closed."""
        return sum(not item.closed for item in self.required_actions)


def follow_up(catalog: Catalog, findings: Mapping[str, Finding]) -> FollowUp:
    """The follow-up view of a validation's findings."""
    counts: Counter[str] = Counter()
    required: list[FollowUpItem] = []
    recommended: list[FollowUpItem] = []
    best: list[tuple[str, str, str]] = []
    for criterion in catalog.criteria:
        finding = findings.get(criterion.id, Finding(criterion.id))
        counts[finding.status.value] += 1
        outcome = classify(finding, criterion)
        if outcome is Outcome.BEST_PRACTICE:
            best.append((criterion.id, criterion.title, finding.note))
        elif outcome is not None:
            item = FollowUpItem(
                criterion.id,
                criterion.title,
                outcome,
                finding.action,
                finding.due,
                finding.extension_days,
                finding.response_implemented,
                finding.response_note,
                finding.response_accepted,
            )
            (required if outcome is Outcome.REQUIRED_ACTION else recommended).append(item)
    return FollowUp(
        counts={s.value: counts[s.value] for s in FindingStatus},
        progress=progress_by_category(catalog, findings),
        required_actions=required,
        recommendations=recommended,
        best_practices=best,
    )
