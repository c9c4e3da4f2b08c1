"""A screenshot of the backlog window, for the README: `python docs/backlog_screenshot.py`.

Builds a throwaway hub (SQLite) holding members of three offices, computes its backlog as
GET /v1/backlog would for an admin, shows it in the window offscreen and saves
docs/backlog-1100x640.png next to this file.
"""

import os
import sys
import tempfile
import uuid
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CTPAT_DB_PASSPHRASE", "screenshots only")
TODAY = date(2026, 5, 1)
# (account, name, entity, office, mode, date, not-met criteria, signed)
MEMBERS = [
    ("US-4410", "Gulfport Imports LLC", "importer", "Miami", "virtual", "2021-03-10", 4, True),
    ("MX-2201", "Transportes del Bajío", "mexican-long-haul-carrier", "Laredo", "in-person",
     "2022-06-15", 0, True),
    ("US-7781", "Northwind Logistics", "third-party-logistics", "Seattle", "hybrid",
     "2022-02-20", 2, True),
    ("CA-1190", "Maple Leaf Fabrication", "foreign-manufacturer", "Seattle", "virtual",
     "2021-11-05", 1, False),
    ("US-3307", "Blue Harbor Consolidators", "consolidator", "Miami", "in-person",
     "2022-07-01", 0, True),
    ("US-9042", "Keystone Rail", "rail-carrier", "Laredo", "virtual", "2020-09-14", 3, True),
]  # fmt: skip
MUSTS = ("4.8", "4.9", "1.3", "2.1")
_FINDING: dict[str, Any] = {
    "unmet_parts": "[]",
    "verified": None,
    "note": "",
    "report_text": "",
    "action": "",
    "profile_answer": "",
    "response_implemented": None,
    "response_note": "",
    "extension_days": None,
    "extension_reason": "",
    "response_accepted": None,
}


def _mutations() -> list[list[Any]]:
    from ctpat_desktop.catalog import CatalogLibrary
    from ctpat_desktop.paths import resources_dir
    from ctpat_desktop.sync.protocol import Mutation

    library = CatalogLibrary(resources_dir())

    def change(kind: str, rid: str, fields: dict[str, Any], base: int = 0) -> Mutation:
        return Mutation(uuid.uuid4().hex, kind, rid, base, fields)

    first: list[Any] = []
    steps: list[list[Any]] = [first]
    for n, (account, name, entity, office, mode, day, unmet, signed) in enumerate(MEMBERS):
        catalog = library.catalog(entity, "2023.2")
        vid, mid = f"v-{n}", f"m-{n}"
        first.append(change("member", mid, {"account": account, "name": name}))
        first.append(
            change(
                "validation",
                vid,
                {
                    "member_id": mid,
                    "entity": entity,
                    "catalog_version": "2023.2",
                    "mode": mode,
                    "date": day,
                    "scss": "Daniel Okafor",
                    "office": office,
                    "webex_url": "",
                    "participants": "[]",
                    "planned_minutes": 240,
                    "archived": False,
                    "status": "in-progress",
                    "created_at": f"{day}T09:00:00Z",
                },
            )
        )
        unmet_ids = [c for c in MUSTS if catalog.get(c)][:unmet]
        for criterion in catalog.criteria:
            status = "not-met" if criterion.id in unmet_ids else "met"
            fields = _FINDING | {
                "validation_id": vid,
                "criterion": criterion.id,
                "status": status,
                "reasons": '["training-gap"]' if status == "not-met" else "[]",
                "due": "2021-09-01" if status == "not-met" else None,
            }
            first.append(change("finding", f"{vid}/{criterion.id}", fields))
        if signed:
            steps.append([change("validation", vid, {"status": "approved"}, 1)])
            steps.append(
                [
                    change("validation", vid, {"status": "signed"}, 2),
                    change(
                        "report",
                        f"r-{n}",
                        {
                            "validation_id": vid,
                            "version": 1,
                            "sha256": "0" * 64,
                            "signer": "Daniel Okafor",
                            "signed_at": f"{day}T17:00:00Z",
                            "file_name": "report.pdf",
                            "language": "en",
                        },
                    ),
                ]
            )
    planned = dict(first[1].fields) | {"member_id": "m-new", "date": "2026-06-20"}
    first.append(change("validation", "v-new", planned | {"status": "planned"}))
    first.insert(0, change("member", "m-new", {"account": "US-5150", "name": "Coastal Produce"}))
    return steps


def _backlog(folder: Path) -> dict[str, Any]:
    from ctpat_desktop.hub.backlog import hub_backlog
    from ctpat_desktop.hub.push import User
    from ctpat_desktop.hub.service import Hub

    hub = Hub.open(f"sqlite:///{folder / 'hub.db'}", folder)
    try:
        hub.add_user("hq", "admin", None)
        for step in _mutations():
            results = hub.push(User("hq", "admin", None), step)
            refused = [r for r in results if r["outcome"] != "applied"]
            assert not refused, refused[0]
        return hub_backlog(hub, None, today=TODAY)
    finally:
        hub.close()


def main() -> None:
    """Grab the backlog window into docs/."""
    with tempfile.TemporaryDirectory() as config:
        os.environ["XDG_CONFIG_HOME"] = config  # no window state of the developer's own
        from PySide6.QtWidgets import QApplication

        app = QApplication(sys.argv[:1])
        from ctpat_desktop.app import AppContext
        from ctpat_desktop.settings import Settings
        from ctpat_desktop.ui.backlog_window import BacklogWindow
        from ctpat_desktop.ui.runner import ImmediateRunner

        with tempfile.TemporaryDirectory() as folder:
            backlog = _backlog(Path(folder) / "hub")
            ctx = AppContext(Path(folder) / "data", Settings(user="Sam Supervisor"))
            window = BacklogWindow(ctx, ImmediateRunner())
            window.resize(1100, 640)
            window.show_backlog(backlog)
            window.show()
            for _ in range(20):
                app.processEvents()
            target = Path(__file__).with_name("backlog-1100x640.png")
            window.grab().save(str(target))
            print(target)
            window.close()
            ctx.close()


if __name__ == "__main__":
    main()
