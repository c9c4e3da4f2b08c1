"""Virtual against in-person validations (stats' mode_metrics): deficiency rate, findings,
session time, days to closure and extensions per mode, with confidence intervals worked out
by hand here, plain-language verdicts, and trends by quarter and MSC version; and the peers'
spread the anomaly checks read summed up (a weighted median is statistics.median)."""

import math
import random
import re
import statistics
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from ctpat_desktop.analytics.anomalies import _weighted_median
from ctpat_desktop.analytics.significance import (
    Ratios,
    Sample,
    compare_ratios,
    mean_interval,
    t_quantile_975,
    welch,
    welch_samples,
)
from ctpat_desktop.app import AppContext
from ctpat_desktop.services import followup
from ctpat_desktop.services.dashboard import dashboard
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.store import ReportRecord
from ctpat_desktop.worksheet import Finding, FindingStatus, Lifecycle

SIGNED_AT = "2026-06-01T10:00:00Z"
# Per validation: (account, mode, day, findings as (criterion, status)).
DATA = [
    ("US-0001", "virtual", date(2026, 1, 15), [("4.8", 0), ("4.9", 0), ("1.1", 1), ("2.1", 1)]),
    ("US-0002", "virtual", date(2026, 4, 10), [("4.8", 0), ("3.1", 1), ("1.2", 1)]),
    ("US-0003", "in-person", date(2026, 2, 1), [("2.1", 0), ("4.8", 1), ("1.1", 1)]),
    ("US-0004", "in-person", date(2026, 2, 20), [("1.1", 1), ("1.2", 1)]),
]


def _at(hour: int, minute: int) -> datetime:
    return datetime(2026, 3, 2, hour, minute, tzinfo=UTC)


def _stretch(work: ValidationSession, category: int | None, start: datetime, end: datetime) -> None:
    period = work.start_period(category, now=start)
    work.extend_period(period.id, now=end)


@pytest.fixture
def recorded(ctx: AppContext) -> AppContext:
    """Two virtual and two in-person validations, three of them timed, one of each mode
    signed, a required action of the virtual one extended and closed."""
    ids = {}
    for account, mode, day, findings in DATA:
        v = plan_validation(
            ctx, member=f"Member {account}", account=account, entity="importer", mode=mode, on=day
        )
        ctx.store.set_status(v.id, Lifecycle.IN_PROGRESS, "tester")
        work = ValidationSession(ctx, v.id)
        work.replace_findings(
            [
                Finding(cid, FindingStatus.MET if met else FindingStatus.NOT_MET,
                        () if met else ("training-gap",), action="" if met else "Fix it")
                for cid, met in findings
            ]
        )  # fmt: skip
        ids[account] = v.id
    first, second = (ValidationSession(ctx, ids[a]) for a in ("US-0001", "US-0002"))
    _stretch(first, 4, _at(10, 0), _at(10, 30))
    _stretch(first, 1, _at(10, 30), _at(10, 45))
    _stretch(second, 4, _at(11, 0), _at(12, 0))
    _stretch(ValidationSession(ctx, ids["US-0003"]), None, _at(13, 0), _at(14, 30))
    for account in ("US-0001", "US-0003"):
        ctx.store.set_status(ids[account], Lifecycle.APPROVED, "Sam Supervisor")
        record = ReportRecord(1, "ab" * 32, "T", SIGNED_AT, "r.pdf", "en")
        ctx.store.issue_report(ids[account], record, "tester")
    vid = ids["US-0001"]
    followup.extend(ctx, vid, "4.8", days=60, reason="New system")
    followup.respond(ctx, vid, "4.8", implemented=True, note="MFA on")
    followup.decide(ctx, vid, "4.8", accepted=True)
    followup.close(ctx, vid, "4.8", note="Checked")
    return ctx


def _metrics(ctx: AppContext, **filters: str) -> dict[str, Any]:
    return dict(dashboard(ctx, **filters)["mode_metrics"])


def _cluster_ratio(pairs: list[tuple[int, int]]) -> tuple[float, float, float]:
    """Σd/Σr and its 95 % interval by the ratio estimator, written out longhand."""
    n = len(pairs)
    rate = sum(d for d, _ in pairs) / sum(r for _, r in pairs)
    mean_r = sum(r for _, r in pairs) / n
    spread = sum((d - rate * r) ** 2 for d, r in pairs) / (n - 1)
    margin = 1.959964 * math.sqrt(spread / (n * mean_r**2))
    return rate, rate - margin, rate + margin


def test_per_mode_figures_with_their_intervals(recorded: AppContext) -> None:
    metrics = _metrics(recorded)
    virtual, in_person = metrics["modes"]["virtual"], metrics["modes"]["in-person"]
    assert (virtual["validations"], in_person["validations"]) == (2, 2)
    rate, low, high = _cluster_ratio([(2, 4), (1, 3)])
    assert virtual["deficiency_rate"] == {
        "value": round(rate, 4),
        "ci_low": round(low, 4),
        "ci_high": round(high, 4),
        "n": 2,
    }
    assert in_person["deficiency_rate"]["value"] == 0.2
    margin = t_quantile_975(1) * statistics.stdev([2, 1]) / math.sqrt(2)
    assert virtual["deficiencies_per_validation"] == {
        "value": 1.5,
        "ci_low": round(1.5 - margin, 2),
        "ci_high": round(1.5 + margin, 2),
        "n": 2,
    }
    assert virtual["findings_reviewed_per_validation"]["value"] == 3.5

    # Session time: 45 and 60 minutes; per category over the two timed validations.
    assert virtual["session_minutes_per_validation"]["value"] == 52.5
    assert virtual["session_minutes_per_validation"]["n"] == 2
    by_category = {r["category"]: r["value"] for r in virtual["session_minutes_by_category"]}
    assert by_category == {1: 7.5, 4: 45.0}
    only = in_person["session_minutes_by_category"]
    assert [(r["category"], r["name"], r["value"]) for r in only] == [
        (None, "Before a criterion was chosen", 90.0)
    ]
    assert in_person["session_minutes_per_validation"]["ci_low"] is None  # one timed only

    # One required action closed, days from the signed report; one extension of 60 days.
    days = (datetime.now(UTC).date() - date(2026, 6, 1)).days
    assert virtual["days_to_closure"]["value"] == days and virtual["days_to_closure"]["n"] == 1
    assert in_person["days_to_closure"]["n"] == 0
    assert virtual["extensions_per_validation"]["value"] == 1.0
    assert (virtual["extensions_per_validation"]["n"], virtual["extension_days"]) == (1, 60)


def test_comparisons_say_in_words_what_the_numbers_mean(recorded: AppContext) -> None:
    metrics = _metrics(recorded)
    rows = {(r["mode"], r["metric"]): r for r in metrics["comparisons"]}
    rate = rows[("virtual", "deficiency_rate")]
    assert (rate["value"], rate["baseline_value"]) == (0.4286, 0.2)
    expected = compare_ratios(Ratios(2, 3, 7, 5, 25, 11), Ratios(2, 1, 5, 1, 13, 3))
    assert expected is not None and rate["p_value"] == round(expected.p_value, 4)
    assert rate["verdict"].startswith(
        "Virtual validations found a deficiency in 42.9% of the criteria they reviewed, "
        "against 20.0% in person (difference +22.9 points; 95% confidence interval"
    )
    assert rate["verdict"].endswith("The data do not show a real difference.")
    closure = rows[("virtual", "days_to_closure")]
    assert closure["difference"] is None and closure["verdict"].startswith("Not enough data")
    assert {m for _, m in rows} == {
        "deficiency_rate",
        "deficiencies_per_validation",
        "findings_reviewed_per_validation",
        "session_minutes_per_validation",
        "days_to_closure",
        "extensions_per_validation",
    }


def test_trends_by_quarter_and_by_msc_version(recorded: AppContext) -> None:
    metrics = _metrics(recorded)
    quarters = [(r["quarter"], r["mode"], r["validations"]) for r in metrics["by_quarter"]]
    assert quarters == [
        ("2026-Q1", "in-person", 2),
        ("2026-Q1", "virtual", 1),
        ("2026-Q2", "virtual", 1),
    ]
    (q2,) = [r for r in metrics["by_quarter"] if r["quarter"] == "2026-Q2"]
    assert (q2["deficiencies"], q2["findings_reviewed"]) == (1, 3)
    assert q2["deficiency_rate"] == {"value": 0.3333, "ci_low": None, "ci_high": None}
    versions = {(r["catalog_version"], r["mode"]) for r in metrics["by_version"]}
    assert versions == {("2023.2", "virtual"), ("2023.2", "in-person")}
    assert _metrics(recorded, mode="virtual")["comparisons"] == []
    assert list(_metrics(recorded, status="signed")["modes"]) == ["virtual", "in-person"]


def test_the_metrics_of_no_validation(ctx: AppContext) -> None:
    empty = dashboard(ctx)["mode_metrics"]
    assert empty == {
        "baseline": "in-person",
        "modes": {},
        "comparisons": [],
        "by_quarter": [],
        "by_version": [],
    }


def test_summed_samples_give_what_the_values_give() -> None:
    rng = random.Random(5)
    for _ in range(50):
        a = [rng.randrange(0, 20) for _ in range(rng.randrange(2, 40))]
        b = [rng.randrange(0, 20) for _ in range(rng.randrange(2, 40))]
        whole, summed = welch(a, b), welch_samples(Sample.of(a), Sample.of(b))
        assert (whole is None) == (summed is None)
        if whole is not None and summed is not None:
            assert summed.difference == pytest.approx(whole.difference, abs=1e-12)
            assert summed.p_value == pytest.approx(whole.p_value, rel=1e-9)
        interval = mean_interval(Sample.of(a))
        assert interval is not None
        margin = t_quantile_975(len(a) - 1) * statistics.stdev(a) / math.sqrt(len(a))
        assert interval[0] == pytest.approx(statistics.fmean(a) - margin)


def test_a_weighted_median_is_the_median_of_the_values_it_spells() -> None:
    rng = random.Random(3)
    for _ in range(200):
        values = [rng.randrange(0, 9) / rng.choice((4, 7, 93)) for _ in range(rng.randrange(1, 60))]
        counted: dict[float, int] = {}
        for v in values:
            counted[v] = counted.get(v, 0) + 1
        assert _weighted_median(sorted(counted.items()), len(values)) == statistics.median(values)


def test_the_exports_carry_the_metrics_and_the_hub_s_offices(
    recorded: AppContext, tmp_path: Path
) -> None:
    import openpyxl

    from ctpat_desktop.analytics.dashboard_pdf import write_dashboard_pdf
    from ctpat_desktop.analytics.dashboard_xlsx import write_dashboard_xlsx
    from tests.pdf import pdfcheck

    figures = dashboard(recorded) | {
        "scope": "national",
        "by_office": [
            {
                "office": "Laredo",
                "validations": 4,
                "findings_reviewed": 12,
                "deficiencies": 4,
                "per_validation": 1.0,
                "share_without_deficiencies": 25.0,
            }
        ],
    }
    write_dashboard_xlsx(figures, tmp_path / "d.xlsx")
    book = openpyxl.load_workbook(tmp_path / "d.xlsx")
    rows = list(book["Mode metrics"].iter_rows(values_only=True))
    assert rows[0] == ("Metric", "Mode", "Value", "95 % low", "95 % high", "Counted")
    assert rows[7][:3] == ("Session minutes per validation", "Virtual", 52.5)
    compared = list(book["Mode metric comparison"].iter_rows(values_only=True))
    assert compared[1][:4] == ("Deficiency rate (not met ÷ reviewed)", "Virtual", 0.4286, 0.2)
    assert str(compared[1][8]).startswith("Virtual validations found a deficiency in 42.9%")
    quarters = list(book["Mode trend by quarter"].iter_rows(values_only=True))
    assert quarters[3][:5] == ("2026-Q2", "Virtual", 1, 3, 1)
    assert list(book["By office"].iter_rows(values_only=True))[1] == (
        "Laredo", 4, 12, 4, 1, 25,
    )  # fmt: skip

    write_dashboard_pdf(figures, tmp_path / "d.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "d.pdf"), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    assert "Virtual-validation metrics" in text and "By office" in text
    assert re.search(r"Session minutes per validation\s+Virtual\s+52\.5\b", text)
    assert "Virtual validations found a deficiency in 42.9% of the criteria they" in text
    assert re.search(r"Laredo\s+4\s+12\s+4\s+1\.00\s+25\.00 %", text)
    assert pdfcheck.info(tmp_path / "d.pdf")["Tagged"] == "yes"
    assert pdfcheck.conformance(tmp_path / "d.pdf") == {"pdfa": "2B", "pdfua": "1"}
