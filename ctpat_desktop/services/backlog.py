"""The backlog as the laptop sees it: asked of the hub (GET /v1/backlog), printed, exported.

The hub computes it (hub/backlog.py) over what the user may see; this side only reads it,
so the GUI's backlog window and `ctpat-hub backlog` show the same list.
"""

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ctpat_desktop.app import AppContext


def fetch_backlog(ctx: "AppContext", office: str | None = None) -> dict[str, Any]:
    """The hub's backlog for this laptop's hub user (an admin may name an office). One
    clear line if the hub cannot be reached or refuses."""
    from ctpat_desktop.services.sync_io import _verify, hub_token, hub_url
    from ctpat_desktop.sync.client import AuthError, HubClient, HubError

    url = hub_url(ctx)
    token, _asked = hub_token(url, None)
    params = {"office": office} if office else {}
    try:
        with HubClient(url, token, verify=_verify(ctx)) as client:
            return client.backlog(params)
    except AuthError:
        raise HubError(f"the hub at {url} refused the token: log in to the hub again") from None
    except HubError as exc:
        if exc.__cause__ is None:  # the hub answered, and said why not
            raise
        raise HubError(
            f"the hub at {url} cannot be reached; the backlog is computed by the hub"
        ) from None


def export_backlog(backlog: dict[str, Any], xlsx: Path) -> None:
    """Write the backlog as an Excel workbook."""
    from ctpat_desktop.services.backlog_xlsx import write_backlog_xlsx

    write_backlog_xlsx(backlog, xlsx)


def print_backlog(backlog: dict[str, Any]) -> None:
    """The human form of `ctpat-hub backlog`."""
    counts = backlog["counts"]
    where = backlog["office"] or "every office"
    print(
        f"{counts['members']} members due by {backlog['until']} ({where}; revalidation every "
        f"{backlog['cycle_years']} years): {counts['overdue']} overdue, "
        f"{counts['never_validated']} never validated, {counts['virtual_eligible']} eligible "
        "for a virtual validation"
    )
    for member in backlog["members"]:
        due = member["due"] or "now"
        virtual = "virtual OK" if member["virtual"]["eligible"] else "in person"
        print(
            f"\n{member['risk']['score']:>4}  {member['member']} ({member['account']}), "
            f"{member['entity_name']}, {member['office']}: {member['standing']}, due {due}; "
            f"{virtual}"
        )
        for factor in member["risk"]["factors"]:
            print(f"      +{factor['points']:<3} {factor['reason']}")
        for reason in member["virtual"]["reasons"]:
            print(f"      not virtual: {reason}")
        if member["planned"]:
            print(f"      planned for {member['planned']}")
