"""The dashboard use case: check the filters, compute the figures, export or print them."""

from pathlib import Path
from typing import Any

from ctpat_desktop.analytics import StatsFilter, compute_stats
from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import RuleError
from ctpat_desktop.services.validations import parse_date
from ctpat_desktop.worksheet import Lifecycle, Mode

# Where a validation may stand to count on the dashboard: once work has started.
COUNTED_STATUSES = tuple(s.value for s in Lifecycle if s is not Lifecycle.PLANNED)


def dashboard(
    ctx: AppContext,
    *,
    start: str | None = None,
    end: str | None = None,
    entity: str | None = None,
    mode: str | None = None,
    office: str | None = None,
    scss: str | None = None,
    catalog_version: str | None = None,
    status: str | None = None,
) -> dict[str, Any]:
    """The figures for validations matching the filters (every filter optional)."""
    if status is not None and status not in COUNTED_STATUSES:
        raise RuleError(
            f"status {status!r}: use one of {', '.join(COUNTED_STATUSES)} "
            "(planned validations have no findings to count)"
        )
    if entity is not None:
        ctx.catalogs.catalog(entity)  # an unknown entity type is an error, not an empty page
    filters = StatsFilter(
        start=parse_date(start, "--from") if start else None,
        end=parse_date(end, "--to") if end else None,
        entity=entity,
        mode=Mode.parse(mode).value if mode else None,
        office=office,
        scss=scss,
        catalog_version=catalog_version,
        status=status,
    )
    return compute_stats(ctx.store, ctx.catalogs.categories, ctx.catalogs.reasons, filters)


def export_dashboard(figures: dict[str, Any], pdf: Path | None, xlsx: Path | None) -> None:
    """Write the dashboard to the files asked for."""
    if pdf is not None:
        from ctpat_desktop.analytics.dashboard_pdf import write_dashboard_pdf

        write_dashboard_pdf(figures, pdf)
    if xlsx is not None:
        from ctpat_desktop.analytics.dashboard_xlsx import write_dashboard_xlsx

        write_dashboard_xlsx(figures, xlsx)


def print_dashboard(figures: dict[str, Any]) -> None:
    """The human form of `stats`."""
    print(
        f"{figures['validations']} validations, {figures['findings_reviewed']} findings "
        f"reviewed, {figures['deficiencies']} deficiencies ({figures['required_actions']} "
        f"required actions, {figures['recommendations']} recommendations); "
        f"{figures['deficiencies_per_validation']:.2f} per validation, "
        f"{figures['share_without_deficiencies']:.2f}% of validations with none"
    )
    print("\nDeficiencies by criteria category")
    for row in figures["by_category"]:
        bar = "#" * round(row["percent"] / 2)
        print(
            f"  {row['category']:>2}. {row['name'][:44]:<44} {row['count']:>6} "
            f"{row['percent']:>6.2f}% {bar}"
        )
    print("\nTop MSC deficiencies")
    for row in figures["top_criteria"]:
        print(
            f"  {row['criterion']:<6} {row['title'][:50]:<50} {row['count']:>5} "
            f"of {row['reviewed']:<5} {row['rate']:.1%}"
        )
    print("\nDeficiency reasons")
    for row in figures["by_reason"]:
        print(f"  {row['label']:<34} {row['count']:>6} {row['percent']:>6.2f}%")
    print("\nVirtual vs in-person")
    for mode, row in figures["by_mode"].items():
        print(
            f"  {mode:<10} {row['validations']:>5} validations "
            f"{row['per_validation']:>6.2f} deficiencies each"
        )
    for row in figures["mode_comparison"]:
        print(f"  {row['verdict']}")
    print("\nAnomaly flags")
    if not figures["anomalies"]:
        print("  No validation was flagged.")
    for row in figures["anomalies"]:
        print(f"  {row['date']}  {row['member']} ({row['entity']})")
        for reason in row["reasons"]:
            print(f"    - {reason}")
