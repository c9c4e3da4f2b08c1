"""The demo data looks like the programme's figures: category shares, fitting reasons."""

import random
from collections import Counter

from ctpat_desktop.app import AppContext
from ctpat_desktop.catalog import CatalogLibrary
from ctpat_desktop.paths import resources_dir
from ctpat_desktop.services.demo import (
    CATEGORY_SHARES,
    REASON_CATEGORIES,
    _pick_deficient,
    create_demo,
    reasons_for,
)
from ctpat_desktop.services.validations import ValidationSession
from ctpat_desktop.worksheet import FindingStatus, lifecycle

LIBRARY = CatalogLibrary(resources_dir())


def test_deficiencies_are_drawn_with_the_published_category_shares() -> None:
    """Over many validations the categories' shares come within a point of CBP's."""
    rng = random.Random(7)
    criteria = list(LIBRARY.catalog("importer").criteria)
    counts: Counter[int] = Counter()
    for _ in range(3000):
        counts.update(c.category for c in _pick_deficient(rng, list(criteria), 4))
    total = sum(counts.values())
    for category, share in CATEGORY_SHARES.items():
        assert abs(100 * counts[category] / total - share) < 1.0, category


def test_reasons_fit_the_criterion() -> None:
    rng = random.Random(3)
    for criterion in LIBRARY.catalog("highway-carrier").criteria:
        for _ in range(20):
            for reason in reasons_for(rng, criterion):
                allowed = REASON_CATEGORIES.get(reason, {criterion.category})
                assert criterion.category in allowed, (criterion.id, reason)


def test_the_demo_records_only_fitting_reasons_and_real_parts(ctx) -> None:  # type: ignore[no-untyped-def]
    ids = create_demo(ctx)
    deficiencies = 0
    for vid in ids:
        session = ValidationSession(ctx, vid)
        for cid, record in session.findings().items():
            finding = record.finding
            if finding.status is not FindingStatus.NOT_MET:
                continue
            deficiencies += 1
            criterion = session.catalog.get(cid)
            assert criterion is not None
            for reason in finding.reasons:
                assert criterion.category in REASON_CATEGORIES.get(reason, {criterion.category})
            assert all(criterion.part(k) is not None for k in finding.unmet_parts)
    assert deficiencies > 20


def test_the_started_samples_have_their_session_time(ctx: AppContext) -> None:
    """Before, the demo recorded no session time: the Session panel, the report's
    methodology and the dashboard's session minutes had nothing to show."""
    for validation_id in create_demo(ctx):
        session = ValidationSession(ctx, validation_id)
        times = session.session_times()
        if lifecycle.is_started(session.validation.status):
            assert 3 * 3600 <= times.seconds <= 6 * 3600
            assert len(times.by_category()) == len(session.catalog.categories())
        else:
            assert times.periods == ()
