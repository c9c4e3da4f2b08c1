"""The dashboard use case: check the filters, compute the figures, export or print them."""

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ctpat_desktop.analytics import StatsFilter, compute_stats
from ctpat_desktop.errors import RuleError
from ctpat_desktop.services.validations import parse_date
from ctpat_desktop.worksheet import Mode, lifecycle

if TYPE_CHECKING:
    from ctpat_desktop.app import AppContext
    from ctpat_desktop.catalog import CatalogLibrary

# The hub's names (GET /v1/stats) for the dashboard's filters.
HUB_PARAMS = {
    "start": "from",
    "end": "to",
    "entity": "entity",
    "mode": "mode",
    "office": "office",
    "scss": "scss",
    "catalog_version": "catalog_version",
    "status": "status",
}
# Where a validation may stand to count on the dashboard: once work has started.
COUNTED_STATUSES = tuple(s.value for s in lifecycle.COUNTED)  # work has started


def stats_filter(
    catalogs: "CatalogLibrary",
    *,
    start: str | None = None,
    end: str | None = None,
    entity: str | None = None,
    mode: str | None = None,
    office: str | None = None,
    scss: str | None = None,
    catalog_version: str | None = None,
    status: str | None = None,
) -> StatsFilter:
    """The filters checked: real dates, a known entity type, mode and status."""
    if status is not None and status not in COUNTED_STATUSES:
        raise RuleError(
            f"status {status!r}: use one of {', '.join(COUNTED_STATUSES)} "
            "(planned validations have no findings to count)"
        )
    if entity is not None:
        catalogs.catalog(entity)  # an unknown entity type is an error, not an empty page
    return StatsFilter(
        start=parse_date(start, "--from") if start else None,
        end=parse_date(end, "--to") if end else None,
        entity=entity,
        mode=Mode.parse(mode).value if mode else None,
        office=office,
        scss=scss,
        catalog_version=catalog_version,
        status=status,
    )


def dashboard(ctx: "AppContext", **filters: str | None) -> dict[str, Any]:
    """The figures for the laptop's validations matching the filters (every one optional:
    start, end, entity, mode, office, scss, catalog_version, status)."""
    from ctpat_desktop.services.feedback import feedback_summary

    checked = stats_filter(ctx.catalogs, **filters)
    figures = compute_stats(ctx.store, ctx.catalogs.categories, ctx.catalogs.reasons, checked)
    return figures | {"feedback": feedback_summary(ctx.store, checked)}


def hub_dashboard(ctx: "AppContext", scope: str, **filters: str | None) -> dict[str, Any]:
    """The figures the hub computes: scope "office" (the user's office) or "national"
    (every office: admins only). One clear line if the hub cannot be reached."""
    from ctpat_desktop.services.sync_io import _verify, hub_token, hub_url
    from ctpat_desktop.sync.client import AuthError, HubClient, HubError

    stats_filter(ctx.catalogs, **filters)  # the same checks as on this laptop
    params = {HUB_PARAMS[name]: value for name, value in filters.items() if value is not None}
    if scope == "office":
        params.pop("office", None)  # the hub shows the user's own office
    elif scope != "national":
        raise RuleError(f"scope {scope!r}: use office or national")
    url = hub_url(ctx)
    token, _asked = hub_token(url, None)
    try:
        with HubClient(url, token, verify=_verify(ctx)) as client:
            figures = client.stats(params)
    except AuthError:
        raise HubError(f"the hub at {url} refused the token: log in to the hub again") from None
    except HubError as exc:
        if exc.__cause__ is None:  # the hub answered, and said why not
            raise
        raise HubError(
            f"the hub at {url} cannot be reached; choose This laptop to see this laptop's "
            "figures offline"
        ) from None
    if scope == "national" and "office" not in params and figures.get("scope") != "national":
        raise RuleError("only an admin of the hub sees the national figures")
    return figures


def export_dashboard(figures: dict[str, Any], pdf: Path | None, xlsx: Path | None) -> None:
    """Write the dashboard to the files asked for."""
    if pdf is not None:
        from ctpat_desktop.analytics.dashboard_pdf import write_dashboard_pdf

        write_dashboard_pdf(figures, pdf)
    if xlsx is not None:
        from ctpat_desktop.analytics.dashboard_xlsx import write_dashboard_xlsx

        write_dashboard_xlsx(figures, xlsx)


def print_dashboard(figures: dict[str, Any]) -> None:
    """The human form of `stats` (and of `ctpat-hub stats`): every figure the JSON has."""
    from ctpat_desktop.services.dashboard_text import dashboard_text

    print(dashboard_text(figures))
