"""Dashboard figures on constructed data: exact counts, percents, order, rates, modes, flags."""

from datetime import date
from pathlib import Path

import pytest

from ctpat_desktop.analytics.rounding import largest_remainder_percents
from ctpat_desktop.analytics.significance import t_quantile_975, t_two_sided_p, welch
from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import RuleError
from ctpat_desktop.services.dashboard import dashboard
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.worksheet import Finding, FindingStatus, Lifecycle


def _validation(
    ctx: AppContext, account: str, entity: str, mode: str, on: date, **kw: str
) -> ValidationSession:
    v = plan_validation(
        ctx, member=f"Member {account}", account=account, entity=entity, mode=mode, on=on, **kw
    )
    ctx.store.set_status(v.id, Lifecycle.IN_PROGRESS, "tester")
    return ValidationSession(ctx, v.id)


def _record(session: ValidationSession, *findings: tuple[str, str, list[str]]) -> None:
    session.replace_findings(
        [
            Finding(cid, FindingStatus(status), reasons=tuple(reasons))
            for cid, status, reasons in findings
        ]
    )


@pytest.fixture
def constructed(ctx: AppContext) -> AppContext:
    v1 = _validation(ctx, "US-0001", "importer", "virtual", date(2026, 1, 15), office="Laredo")
    _record(
        v1,
        ("4.8", "not-met", ["training-gap"]),
        ("4.9", "not-met", ["training-gap", "no-evidence"]),
        ("1.1", "not-met", ["no-written-procedure"]),
        ("2.1", "met", []),
    )
    v2 = _validation(ctx, "US-0002", "importer", "virtual", date(2026, 4, 10))
    _record(v2, ("4.8", "not-met", ["technology-gap"]), ("3.1", "met", []))
    v3 = _validation(ctx, "US-0003", "importer", "in-person", date(2026, 2, 1))
    _record(v3, ("2.1", "not-met", ["other"]), ("4.8", "met", []), ("1.1", "met", []))
    v4 = _validation(ctx, "US-0004", "exporter", "in-person", date(2025, 12, 1))
    _record(v4, ("1.1", "met", []), ("1.2", "met", []))
    plan_validation(ctx, member="Planned Co", account="US-0005", entity="importer")
    return ctx


def test_key_figures(constructed: AppContext) -> None:
    s = dashboard(constructed)
    assert (s["validations"], s["findings_reviewed"], s["deficiencies"]) == (4, 11, 5)
    assert (s["required_actions"], s["recommendations"]) == (4, 1)
    assert s["deficiencies_per_validation"] == 1.25
    assert s["share_without_deficiencies"] == 25.0
    assert s["trend"] == [
        {"quarter": "2025-Q4", "validations": 1, "deficiencies": 0, "per_validation": 0.0},
        {"quarter": "2026-Q1", "validations": 2, "deficiencies": 4, "per_validation": 2.0},
        {"quarter": "2026-Q2", "validations": 1, "deficiencies": 1, "per_validation": 1.0},
    ]


def test_categories_in_natural_order_with_percents_summing_to_100(constructed: AppContext) -> None:
    rows = dashboard(constructed)["by_category"]
    assert [r["category"] for r in rows] == list(range(1, 13))
    assert rows[9]["name"] == "Physical Access Controls"
    assert [(r["count"], r["percent"]) for r in rows if r["count"]] == [
        (1, 20.0),
        (1, 20.0),
        (3, 60.0),
    ]
    assert round(sum(r["percent"] for r in rows), 2) == 100.0


def test_top_criteria_by_count_and_rate(constructed: AppContext) -> None:
    s = dashboard(constructed)
    assert [(r["criterion"], r["count"], r["reviewed"], r["rate"]) for r in s["top_criteria"]] == [
        ("4.8", 2, 3, 0.6667),
        ("4.9", 1, 1, 1.0),
        ("2.1", 1, 2, 0.5),
        ("1.1", 1, 3, 0.3333),
    ]
    assert s["top_criteria"][0]["title"] == "Individual accounts and strong authentication"
    assert s["top_rates"] == []  # no criterion was reviewed at least 5 times


def test_reasons_overall_and_per_category(constructed: AppContext) -> None:
    s = dashboard(constructed)
    assert [(r["reason"], r["count"], r["percent"]) for r in s["by_reason"]] == [
        ("training-gap", 2, 33.33),
        ("no-written-procedure", 1, 16.67),
        ("no-evidence", 1, 16.67),
        ("technology-gap", 1, 16.67),
        ("other", 1, 16.66),
    ]
    cyber = next(c for c in s["reasons_by_category"] if c["category"] == 4)
    assert [(r["reason"], r["count"]) for r in cyber["reasons"]] == [
        ("training-gap", 2),
        ("no-evidence", 1),
        ("technology-gap", 1),
    ]


def test_mode_comparison(constructed: AppContext) -> None:
    s = dashboard(constructed)
    assert s["by_mode"]["virtual"] == {
        "validations": 2,
        "deficiencies": 4,
        "per_validation": 2.0,
        "by_category": {str(n): {1: 0.5, 4: 1.5}.get(n, 0.0) for n in range(1, 13)},
    }
    assert s["by_mode"]["in-person"]["per_validation"] == 0.5 and "hybrid" not in s["by_mode"]
    (row,) = s["mode_comparison"]
    assert (row["mode"], row["baseline"], row["difference"]) == ("virtual", "in-person", 1.5)
    assert row["ci_low"] < 0 < row["ci_high"] and row["p_value"] > 0.05
    assert "do not show a real difference" in row["verdict"]


def test_filters(constructed: AppContext) -> None:
    assert dashboard(constructed, mode="virtual")["validations"] == 2
    assert dashboard(constructed, entity="exporter")["deficiencies"] == 0
    assert dashboard(constructed, start="2026-02-01")["validations"] == 2
    assert dashboard(constructed, start="2026-01-01", end="2026-01-31")["deficiencies"] == 3
    assert dashboard(constructed, office="Laredo")["validations"] == 1
    assert dashboard(constructed, scss="nobody")["validations"] == 0
    with pytest.raises(RuleError, match="'zoom' is not a valid validation mode"):
        dashboard(constructed, mode="zoom")
    with pytest.raises(RuleError, match="--from '2026-13-01' is not a valid date"):
        dashboard(constructed, start="2026-13-01")


def test_empty_and_single_validation(ctx: AppContext) -> None:
    empty = dashboard(ctx)
    assert (empty["validations"], empty["deficiencies"], empty["deficiencies_per_validation"]) == (
        0,
        0,
        0.0,
    )
    assert [r["percent"] for r in empty["by_category"]] == [0.0] * 12
    assert empty["top_criteria"] == empty["by_reason"] == empty["anomalies"] == []
    assert empty["by_mode"] == {} and empty["mode_comparison"] == []

    one = _validation(ctx, "US-0009", "importer", "virtual", date(2026, 3, 3))
    _record(one, ("6.1", "not-met", ["other"]))
    single = dashboard(ctx)
    assert single["validations"] == 1 and single["by_category"][5]["percent"] == 100.0
    (row,) = single["mode_comparison"]
    assert row["difference"] is None and "Not enough data" in row["verdict"]


def test_anomaly_flags_explain_themselves(ctx: AppContext) -> None:
    ids = [c.id for c in ctx.catalogs.catalog("importer").criteria][:12]
    for n in range(6):
        s = _validation(ctx, f"US-01{n:02d}", "importer", "in-person", date(2026, 5, n + 1))
        deficient = 12 if n == 5 else 1
        _record(
            s,
            *(
                (cid, "not-met" if i < deficient else "met", ["other"] if i < deficient else [])
                for i, cid in enumerate(ids)
            ),
        )
    complete = _validation(ctx, "US-0200", "importer", "virtual", date(2026, 6, 1))
    _record(complete, ("1.1", "met", []))
    ctx.store.set_status(complete.id, Lifecycle.IN_REVIEW, "tester")
    fast = _validation(ctx, "US-0300", "importer", "virtual", date(2026, 6, 2))
    for cid in [c.id for c in ctx.catalogs.catalog("importer").criteria][:25]:
        fast.record_finding(cid, status="met")

    flags = {a["member"]: a["reasons"] for a in dashboard(ctx)["anomalies"]}
    assert set(flags) == {"Member US-0105", "Member US-0200", "Member US-0300"}
    (rate,) = flags["Member US-0105"]
    assert rate.startswith(
        "deficiency rate 100.0% (12 of 12 reviewed) is far above the median of 7 "
        "U.S. Importers validations (8.3%"
    )
    (never,) = flags["Member US-0200"]
    assert never.startswith(
        "the validation is in-review but categories 2. Risk Assessment, 3. Business"
    )
    assert "12. Education, Training & Awareness were never reviewed" in never
    (pace,) = flags["Member US-0300"]
    assert pace.startswith("25 findings were recorded one by one in 0 seconds")


def test_largest_remainder_rounding() -> None:
    assert largest_remainder_percents([1, 1, 1]) == [33.34, 33.33, 33.33]
    assert largest_remainder_percents([0, 0]) == [0.0, 0.0]
    assert largest_remainder_percents([3, 5, 11, 2]) == [14.29, 23.81, 52.38, 9.52]
    shares = largest_remainder_percents([7, 13, 29, 31, 3, 17])
    assert round(sum(shares), 2) == 100.0 and all(round(p * 100) == p * 100 for p in shares)


def test_t_distribution_against_published_values() -> None:
    assert round(t_two_sided_p(2.0, 10), 4) == 0.0734
    assert round(t_two_sided_p(2.228, 10), 3) == 0.05
    assert round(t_quantile_975(10), 3) == 2.228
    assert round(t_quantile_975(30), 3) == 2.042
    result = welch([3, 4, 5, 6, 7], [1, 2, 3, 2, 1])
    assert result is not None
    assert (round(result.difference, 2), round(result.p_value, 4)) == (3.2, 0.0069)
    assert welch([1], [2, 3]) is None and welch([1, 1], [1, 1]) is None


def test_a_filter_by_where_the_validations_stand(constructed: AppContext) -> None:
    """The dashboard counts what has started, and can show one stage of it."""
    first = next(
        v for v in constructed.store.list_validations() if v.validation.member.account == "US-0001"
    )
    constructed.store.set_status(first.validation.id, Lifecycle.IN_REVIEW, "tester")
    assert dashboard(constructed)["validations"] == 4  # planned never counts
    assert dashboard(constructed, status="in-review")["validations"] == 1
    assert dashboard(constructed, status="in-progress")["validations"] == 3
    assert dashboard(constructed, status="in-review")["filters"]["status"] == "in-review"
    with pytest.raises(RuleError, match="planned validations have no findings to count"):
        dashboard(constructed, status="planned")


def test_reason_shares_are_labelled_as_shares_of_the_reasons_cited(
    constructed: AppContext, tmp_path: Path
) -> None:
    """Six reasons are cited over five deficiencies: the shares are of the six citations."""
    import openpyxl

    from ctpat_desktop.analytics.dashboard_xlsx import write_dashboard_xlsx

    s = dashboard(constructed)
    assert s["deficiencies"] == 5 and sum(r["count"] for r in s["by_reason"]) == 6
    write_dashboard_xlsx(s, tmp_path / "d.xlsx")
    header = next(
        openpyxl.load_workbook(tmp_path / "d.xlsx")["Reasons"].iter_rows(values_only=True)
    )
    assert header[3:5] == ("Deficiencies", "Share of citations")
