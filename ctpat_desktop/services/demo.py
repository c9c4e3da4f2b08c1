"""Realistic sample validations, with deficiencies spread as CBP's published shares."""

import random
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from ctpat_desktop.app import AppContext
from ctpat_desktop.catalog import Criterion
from ctpat_desktop.services.demo_signed import can_sign_here, review_sample, sign_sample
from ctpat_desktop.services.demo_visit import add_sample_visit
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.worksheet import Finding, FindingStatus, Lifecycle, Verification, lifecycle

# Share of all deficiencies by category (DOMAIN.md, "MSC Performance Tracking Dashboard").
CATEGORY_SHARES = {
    4: 13.48,
    5: 13.20,
    1: 11.15,
    3: 10.94,
    12: 10.44,
    2: 9.39,
    7: 8.89,
    8: 6.14,
    9: 5.86,
    6: 4.38,
    10: 3.60,
    11: 2.54,
}
REASON_WEIGHTS = {
    "no-written-procedure": 24,
    "procedure-not-followed": 16,
    "no-evidence": 18,
    "not-reviewed-periodically": 14,
    "training-gap": 11,
    "partner-not-screened": 7,
    "technology-gap": 7,
    "other": 3,
}
# Reasons that fit only some categories: an unscreened partner is a business-partner
# (3) matter, a technology gap one of IT, conveyances, seals, physical security or access.
REASON_CATEGORIES = {"partner-not-screened": {3}, "technology-gap": {4, 5, 6, 9, 10}}
# Where a reason is the usual one: partner screening in 3, training in 12.
REASON_BOOST = {(3, "partner-not-screened"): 40, (12, "training-gap"): 40}
DEMO_OFFICE = "Laredo Field Office"
_NAMESPACE = uuid.UUID("6f1c8f38-0d7e-4b43-9b0c-5d0c3c1f2a11")


@dataclass(frozen=True)
class _Sample:
    member: str
    account: str
    entity: str
    mode: str
    on: date
    scss: str
    status: Lifecycle
    deficiencies: int
    reviewed_share: float = 1.0


SAMPLES = (
    _Sample(
        "Sierra Madre Textiles S.A. de C.V.",
        "MX-40117",
        "foreign-manufacturer",
        "virtual",
        date(2026, 3, 10),
        "Laura Méndez",
        Lifecycle.APPROVED,
        9,
    ),
    _Sample(
        "Great Lakes Home Goods Inc.",
        "US-22871",
        "importer",
        "virtual",
        date(2026, 5, 18),
        "Daniel Okafor",
        Lifecycle.IN_REVIEW,
        7,
    ),
    _Sample(
        "Transportes del Bajío S.A. de C.V.",
        "MX-51902",
        "highway-carrier",
        "hybrid",
        date(2026, 2, 3),
        "Laura Méndez",
        Lifecycle.SIGNED,  # visited SIGNED_VISIT_DAYS before today (services/demo_signed.py)
        11,
    ),
    _Sample(
        "Pacific Rim Electronics Importers LLC",
        "US-19044",
        "importer",
        "in-person",
        date(2025, 11, 4),
        "Grace Whitfield",
        Lifecycle.APPROVED,
        8,
    ),
    _Sample(
        "Harborview Logistics Corp.",
        "US-30555",
        "third-party-logistics",
        "virtual",
        date(2026, 6, 22),
        "Daniel Okafor",
        Lifecycle.IN_REVIEW,
        6,
    ),
    _Sample(
        "Atlantic Customs Brokerage Co.",
        "US-11387",
        "customs-broker",
        "in-person",
        date(2025, 9, 15),
        "Grace Whitfield",
        Lifecycle.APPROVED,
        4,
    ),
    _Sample(
        "Northern Star Freight Lines Ltd.",
        "CA-70213",
        "highway-carrier",
        "virtual",
        date(2026, 8, 11),
        "Priya Raman",
        Lifecycle.IN_PROGRESS,
        5,
        0.55,
    ),
    _Sample(
        "Ocean Bridge Shipping Lines",
        "US-44650",
        "sea-carrier",
        "in-person",
        date(2026, 1, 27),
        "Priya Raman",
        Lifecycle.APPROVED,
        7,
    ),
    _Sample(
        "Monterrey Auto Partes S. de R.L.",
        "MX-63320",
        "foreign-manufacturer",
        "virtual",
        date(2026, 12, 8),
        "Laura Méndez",
        Lifecycle.PLANNED,
        0,
        0.0,
    ),
)

_VERIFIED = ("document-verified", "process-observed", "described")
# The signed sample is signed when the demo runs (a signature has the time it is made):
# its visit is put this many days before, with the supervisor's decision a month after it.
SIGNED_VISIT_DAYS = 45


def visit_date(sample: _Sample, today: date) -> date:
    """The sample's validation date: as listed, or, for the sample signed now, weeks ago."""
    if sample.status is Lifecycle.SIGNED:
        return today - timedelta(days=SIGNED_VISIT_DAYS)
    return sample.on


def _pick_deficient(rng: random.Random, criteria: list[Criterion], count: int) -> list[Criterion]:
    """Criteria drawn category by category with the published shares as weights."""
    by_category: dict[int, list[Criterion]] = {}
    for c in criteria:
        by_category.setdefault(c.category, []).append(c)
    chosen: list[Criterion] = []
    while len(chosen) < count and any(by_category.values()):
        available = [n for n, items in by_category.items() if items]
        category = rng.choices(available, [CATEGORY_SHARES[n] for n in available])[0]
        pool = by_category[category]
        chosen.append(pool.pop(rng.randrange(len(pool))))
    return chosen


def reasons_for(rng: random.Random, criterion: Criterion) -> tuple[str, ...]:
    """One or two deficiency reasons that fit the criterion's category."""
    fitting = [
        (code, REASON_BOOST.get((criterion.category, code), weight))
        for code, weight in REASON_WEIGHTS.items()
        if criterion.category in REASON_CATEGORIES.get(code, {criterion.category})
    ]
    codes, weights = [c for c, _ in fitting], [w for _, w in fitting]
    return tuple(sorted(set(rng.choices(codes, weights, k=rng.choice((1, 1, 2))))))


def _sample_findings(session: ValidationSession, sample: _Sample) -> list[Finding]:
    rng = random.Random(sample.account)
    criteria = list(session.catalog.criteria)
    reviewed = criteria[: round(len(criteria) * sample.reviewed_share)]
    deficient = {c.id for c in _pick_deficient(rng, reviewed, sample.deficiencies)}
    findings = []
    for criterion in reviewed:
        verified = Verification(rng.choice(_VERIFIED))
        title = criterion.title.lower()
        if criterion.id in deficient:
            # A criterion with parts: half the time only one part is not met.
            parts = (
                (rng.choice(criterion.parts).key,) if criterion.parts and rng.random() < 0.5 else ()
            )
            finding = Finding(
                criterion.id,
                FindingStatus.NOT_MET,
                reasons=reasons_for(rng, criterion),
                unmet_parts=parts,
                verified=verified,
                note=f"Member could not demonstrate: {title}.",
                report_text=f"The member has not fully implemented: {title}.",
                action=f"Put in place and document: {title}; send evidence.",
            )
        elif rng.random() < 0.03:
            finding = Finding(
                criterion.id,
                FindingStatus.EXCEEDS,
                verified=Verification.PROCESS_OBSERVED,
                note="Senior management sponsors an automated, documented process with "
                "independent checks; records shown for the last 12 months.",
            )
        elif rng.random() < 0.04:
            finding = Finding(criterion.id, FindingStatus.NOT_APPLICABLE, verified=verified)
        else:
            finding = Finding(criterion.id, FindingStatus.MET, verified=verified)
        findings.append(finding)
    return findings


# The demo's WebEx sessions: from 14:00 UTC, at most this long a day (a longer walk goes on
# the next day), each category taking a few minutes plus some per criterion.
_SESSION_START = time(14, 0)
_SESSION_DAY_MINUTES = 240


def _sample_session_time(session: ValidationSession, on: date) -> None:
    """Stretches of session time, category by category, as the workspace's timer records
    them (over two days when the walk is long)."""
    day, used = on, 0
    for category, count in sorted(Counter(c.category for c in session.catalog.criteria).items()):
        minutes = 6 + 2 * count
        if used + minutes > _SESSION_DAY_MINUTES:
            day, used = day + timedelta(days=1), 0
        start = datetime.combine(day, _SESSION_START, UTC) + timedelta(minutes=used)
        period_id = str(uuid.uuid5(_NAMESPACE, f"{session.id}/session/{category}"))
        stretch = session.start_period(category, now=start, period_id=period_id)
        session.extend_period(stretch.id, now=start + timedelta(minutes=minutes))
        used += minutes + 5  # a short pause between categories


def create_demo(ctx: AppContext) -> list[str]:
    """Create the sample validations not yet present; their IDs. The signed sample is
    signed last, after every other sample is in place."""
    created, to_sign = [], []
    today = date.today()
    for sample in SAMPLES:
        validation_id = str(uuid.uuid5(_NAMESPACE, sample.account))
        if ctx.store.exists(validation_id):
            continue
        on = visit_date(sample, today)
        plan_validation(
            ctx,
            member=sample.member,
            account=sample.account,
            entity=sample.entity,
            mode=sample.mode,
            on=on,
            scss=sample.scss,
            # Synced demo data must land in an office: the laptop's, else a sample one.
            office=ctx.settings.office or DEMO_OFFICE,
            validation_id=validation_id,
        )
        session = ValidationSession(ctx, validation_id)
        session.replace_findings(_sample_findings(session, sample))
        if lifecycle.is_started(sample.status):
            _sample_session_time(session, on)
        add_sample_visit(
            ctx,
            validation_id,
            member=sample.member,
            account=sample.account,
            entity=sample.entity,
            on=on,
            scss=sample.scss,
            status=sample.status,
        )
        if sample.status is Lifecycle.SIGNED and can_sign_here(ctx):
            to_sign.append(validation_id)
        else:
            # On a laptop that syncs, the signed sample stays approved: see can_sign_here.
            status = min(sample.status, Lifecycle.APPROVED, key=list(Lifecycle).index)
            if status in (Lifecycle.IN_REVIEW, Lifecycle.APPROVED):
                review_sample(ctx, validation_id, approve=status is Lifecycle.APPROVED)
            else:
                ctx.store.set_status(validation_id, status, ctx.actor)
        created.append(validation_id)
    for validation_id in to_sign:
        sign_sample(ctx, validation_id)
    return created
