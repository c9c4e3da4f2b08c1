"""Screenshots for the README: `python docs/screenshots.py [workspace] [dashboard]`.

workspace: builds the demo in a throwaway data folder and grabs the workspace offscreen at
half a government laptop's screen (683x705), a tall half (960x1010) and a whole laptop
(1366x705), on a deficiency with its reasons.
dashboard: fills a throwaway hub (SQLite) with three field offices' validations, pushed
from their laptops as a sync would, and shows the hub's national figures (what an admin's
GET /v1/stats gives) in the dashboard window: docs/dashboard-national.png.
Both are saved next to this file.
"""

import os
import random
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CTPAT_DB_PASSPHRASE", "screenshots only")
SIZES = [(683, 705), (960, 1010), (1366, 705)]
DASHBOARD_SIZE = (1100, 720)
# Per office: its SCSS, how many validations, the entity types it validates.
OFFICES = {
    "Miami": ("Laura Méndez", 14, ("importer", "sea-carrier", "consolidator")),
    "Laredo": ("Daniel Okafor", 12, ("highway-carrier", "mexican-long-haul-carrier", "importer")),
    "Seattle": ("Priya Raman", 9, ("importer", "third-party-logistics", "foreign-manufacturer")),
}
# Deficiency shares by category (DOMAIN.md: the programme's published table), as weights.
SHARES = {4: 13.48, 5: 13.20, 1: 11.15, 3: 10.94, 12: 10.44, 2: 9.39, 7: 8.89, 8: 6.14,
          9: 5.86, 6: 4.38, 10: 3.60, 11: 2.54}  # fmt: skip
REASONS = ("no-written-procedure", "procedure-not-followed", "no-evidence", "training-gap",
           "technology-gap", "partner-not-screened", "not-reviewed-periodically")  # fmt: skip
MODES = ("virtual", "virtual", "in-person", "hybrid")


def main() -> None:
    """Grab what the command line names (both by default) into docs/."""
    wanted = set(sys.argv[1:]) or {"workspace", "dashboard"}
    with tempfile.TemporaryDirectory() as config:
        os.environ["XDG_CONFIG_HOME"] = config  # no window state of the developer's own
        from PySide6.QtWidgets import QApplication

        app = QApplication(sys.argv[:1])
        if "workspace" in wanted:
            workspaces(app)
        if "dashboard" in wanted:
            national_dashboard(app)


def workspaces(app: Any) -> None:
    """The workspace at the three sizes."""
    from ctpat_desktop.app import AppContext
    from ctpat_desktop.services.demo import create_demo
    from ctpat_desktop.services.validations import list_validations
    from ctpat_desktop.settings import Settings
    from ctpat_desktop.ui.runner import ImmediateRunner
    from ctpat_desktop.ui.workspace_open import open_workspace
    from ctpat_desktop.worksheet import FindingStatus, Lifecycle

    with tempfile.TemporaryDirectory() as folder:
        ctx = AppContext(Path(folder) / "data", Settings(user="Daniel Okafor"))
        create_demo(ctx)
        summary = next(
            s for s in list_validations(ctx) if s.validation.status is Lifecycle.IN_PROGRESS
        )
        for width, height in SIZES:
            window = open_workspace(ctx, ImmediateRunner(), summary.validation.id)
            window.resize(width, height)
            window.show()
            while window.side_tabs.count() < 3:
                app.processEvents()
            deficiency = next(
                (
                    cid
                    for cid in window.model.criterion_ids()
                    if window.model.status(cid) is FindingStatus.NOT_MET
                ),
                None,
            )
            if deficiency is not None:
                window.go_to(deficiency)
            for _ in range(20):
                app.processEvents()
            target = Path(__file__).with_name(f"workspace-{width}x{height}.png")
            window.grab().save(str(target))
            print(target)
            window.close()
        ctx.close()


def _office_laptop(folder: Path, office: str, hub: Any) -> None:
    """One office's laptop: its validations, findings drawn with the published shares,
    pushed to the hub as its sync would."""
    from ctpat_desktop.app import AppContext
    from ctpat_desktop.services.validations import ValidationSession, plan_validation
    from ctpat_desktop.settings import Settings
    from ctpat_desktop.sync.client import pending_mutations
    from ctpat_desktop.worksheet import Finding, FindingStatus, Lifecycle

    scss, count, entities = OFFICES[office]
    user = f"scss-{office.lower()}"
    hub.add_user(user, "scss", office)
    ctx = AppContext(folder / office, Settings(user=scss, office=office))
    rng = random.Random(office)
    categories, weights = list(SHARES), list(SHARES.values())
    for n in range(count):
        on = date(2024, 1, 8) + timedelta(days=rng.randint(0, 800))
        v = plan_validation(
            ctx,
            member=f"{office} member {n + 1}",
            account=f"US-{office[:2].upper()}{n:03d}",
            entity=entities[n % len(entities)],
            mode=MODES[rng.randrange(len(MODES))],
            on=on,
            scss=scss,
            office=office,
        )
        ctx.store.set_status(v.id, Lifecycle.IN_PROGRESS, scss)
        session = ValidationSession(ctx, v.id)
        by_category: dict[int, list[str]] = {}
        for criterion in session.catalog.criteria:
            by_category.setdefault(criterion.category, []).append(criterion.id)
        unmet: set[str] = set()
        for _ in range(rng.randint(0, 9)):
            category = rng.choices(categories, weights)[0]
            if by_category.get(category):
                unmet.add(rng.choice(by_category[category]))
        session.replace_findings(
            [
                Finding(c.id, FindingStatus.NOT_MET, reasons=(rng.choice(REASONS),))
                if c.id in unmet
                else Finding(c.id, FindingStatus.MET)
                for c in session.catalog.criteria
            ]
        )
    mutations, blobs = pending_mutations(ctx.store)
    pusher = hub.user(user)
    for sha, content in blobs.items():
        hub.put_blob(sha, content, pusher)
    refused = [r for r in hub.push(pusher, mutations) if r["outcome"] != "applied"]
    assert not refused, refused[0]
    ctx.close()


def national_dashboard(app: Any) -> None:
    """The dashboard showing a hub's national figures (three offices)."""
    from ctpat_desktop.analytics import StatsFilter
    from ctpat_desktop.app import AppContext
    from ctpat_desktop.hub.service import Hub
    from ctpat_desktop.hub.stats import hub_figures
    from ctpat_desktop.settings import Settings
    from ctpat_desktop.sync.local import LocalSync
    from ctpat_desktop.ui.dashboard_window import DashboardWindow
    from ctpat_desktop.ui.runner import ImmediateRunner

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        hub = Hub.open(f"sqlite:///{folder / 'hub.db'}", folder / "hub")
        try:
            for office in OFFICES:
                _office_laptop(folder, office, hub)
            hub.add_user("hq", "admin", None)
            figures = hub_figures(hub.engine, hub.user("hq"), StatsFilter())
        finally:
            hub.close()
        ctx = AppContext(folder / "hq", Settings(user="Sam Supervisor"))
        LocalSync(ctx.store).set_state({"hub_role": "admin"})  # the national choice shows
        window = DashboardWindow(ctx, ImmediateRunner())
        window.scope.setCurrentIndex(window.scope.findData("national"))
        window.resize(*DASHBOARD_SIZE)
        window.show_figures(figures)
        window.show()
        for _ in range(20):
            app.processEvents()
        target = Path(__file__).with_name("dashboard-national.png")
        window.grab().save(str(target))
        print(target)
        window.close()
        ctx.close()


if __name__ == "__main__":
    main()
