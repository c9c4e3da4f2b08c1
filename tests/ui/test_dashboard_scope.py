"""The dashboard's scope: this laptop (offline), my office and national from the hub; one
line when the hub cannot be reached; reasons read as shares of the reasons cited."""

import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.services.sync_io import remember_token
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.sync.local import LocalSync
from ctpat_desktop.ui.dashboard_window import DashboardWindow
from ctpat_desktop.ui.runner import ImmediateRunner
from ctpat_desktop.worksheet import Finding, FindingStatus, Lifecycle
from tests.hubkit import ServedHub, free_port, hub_db_url, hub_server, pg_cluster
from tests.sync.conftest import Laptop, laptop, sync

__all__ = ["hub_db_url", "hub_server", "laptop", "pg_cluster"]


def _validation(ctx: AppContext, account: str, *findings: tuple[str, str, list[str]]) -> None:
    v = plan_validation(
        ctx, member=f"Member {account}", account=account, entity="importer", on=date(2026, 3, 2)
    )
    ctx.store.set_status(v.id, Lifecycle.IN_PROGRESS, "tester")
    ValidationSession(ctx, v.id).replace_findings(
        [Finding(c, FindingStatus(s), reasons=tuple(r)) for c, s, r in findings]
    )


@dataclass
class Offices:
    laptops: dict[str, AppContext]
    tokens: dict[str, str]


@pytest.fixture
def two_offices(hub_server: ServedHub, laptop: Laptop) -> Offices:
    """Ana (Miami) and Lee (Laredo) synced; Ana's laptop also holds a validation of her own
    that the hub has not seen, and her office a colleague's that her laptop has not."""
    found = Offices({}, {})
    for name, office, account in (
        ("ana", "Miami", "US-1"),
        ("lee", "Laredo", "US-2"),
        ("bea", "Miami", "US-3"),
    ):
        ctx = found.laptops[name] = laptop(name, office=office)
        _validation(ctx, account, ("1.1", "not-met", ["other"]), ("1.2", "met", []))
        token = found.tokens[name] = hub_server.add_user(name, "scss", office)
        sync(ctx, hub_server.url, token)
    _validation(found.laptops["ana"], "US-4", ("2.1", "met", []))  # not synced
    found.tokens["hq"] = hub_server.add_user("hq", "admin", None)
    return found


def _show(window: DashboardWindow, scope: str | None) -> None:
    window.scope.setCurrentIndex(window.scope.findData(scope))
    window.refresh()


def test_the_laptop_the_office_and_the_nation(
    two_offices: Offices, hub_server: ServedHub, qtbot: QtBot
) -> None:
    ana = two_offices.laptops["ana"]
    remember_token(hub_server.url, two_offices.tokens["ana"])
    window = DashboardWindow(ana, ImmediateRunner())
    qtbot.addWidget(window)
    assert [window.scope.itemData(i) for i in range(window.scope.count())] == [None, "office"]
    _show(window, None)
    assert window.figures is not None and window.figures["validations"] == 2  # her laptop's
    _show(window, "office")
    assert (window.figures["validations"], window.figures["deficiencies"]) == (2, 2)
    assert [row["office"] for row in window.figures["by_office"]] == ["Miami"]
    assert "(Miami: 2)" in window.status.text()

    LocalSync(ana.store).set_state({"hub_role": "admin"})
    remember_token(hub_server.url, two_offices.tokens["hq"])
    national = DashboardWindow(ana, ImmediateRunner())
    qtbot.addWidget(national)
    _show(national, "national")
    assert national.figures is not None and national.figures["validations"] == 3
    assert "(Laredo: 1; Miami: 2)" in national.status.text()


def test_an_unreachable_hub_is_one_line_and_the_laptop_still_works(
    ctx: AppContext, qtbot: QtBot
) -> None:
    _validation(ctx, "US-9", ("1.1", "not-met", ["other"]))
    url = f"http://127.0.0.1:{free_port()}"
    ctx.settings = replace(ctx.settings, hub_url=url)
    remember_token(url, "a-token")
    window = DashboardWindow(ctx, ImmediateRunner())
    qtbot.addWidget(window)
    _show(window, None)
    assert window.figures is not None and window.figures["validations"] == 1
    _show(window, "office")
    line = window.status.text()
    assert line.startswith("No figures from the hub: the hub at http://127.0.0.1:")
    assert "cannot be reached; choose This laptop" in line and "\n" not in line
    assert window.figures["validations"] == 1 and window.apply.isEnabled()


def test_reasons_are_shares_of_the_reasons_cited(ctx: AppContext, qtbot: QtBot) -> None:
    _validation(ctx, "US-7", ("4.8", "not-met", ["training-gap", "no-evidence"]))
    _validation(ctx, "US-8", ("4.9", "not-met", ["training-gap"]))
    window = DashboardWindow(ctx, ImmediateRunner())
    qtbot.addWidget(window)
    _show(window, None)
    assert window.figures is not None and window.figures["deficiencies"] == 2
    headers = [window.reasons.headerData(i, _horizontal()) for i in range(3)]
    assert headers[2] == "Share of citations"
    # Three reasons cited over two deficiencies: training gap is 2 of 3 citations.
    assert [(r["reason"], r["count"], r["percent"]) for r in window.figures["by_reason"]] == [
        ("training-gap", 2, 66.67),
        ("no-evidence", 1, 33.33),
    ]


def _horizontal() -> object:
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_the_national_view_exports_with_its_offices_and_mode_metrics(
    two_offices: Offices,
    hub_server: ServedHub,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What the hub computed is what the files hold: the office breakdown and the
    virtual-validation metrics, in Excel and in the tagged PDF; the metrics page shows them."""
    import openpyxl
    from PySide6.QtWidgets import QFileDialog

    from tests.pdf import pdfcheck

    ana = two_offices.laptops["ana"]
    LocalSync(ana.store).set_state({"hub_role": "admin"})
    remember_token(hub_server.url, two_offices.tokens["hq"])
    window = DashboardWindow(ana, ImmediateRunner())
    qtbot.addWidget(window)
    _show(window, "national")
    assert window.figures is not None and window.figures["scope"] == "national"
    metrics = window.mode_metrics.metrics.rows()
    # 3 of 6 reviewed, all virtual, each validation 1 of 2: no spread between them.
    assert metrics[0][:2] == ("Deficiency rate", "50.0% (50.0%–50.0%)")
    for kind, button in (("pdf", window.export_pdf), ("xlsx", window.export_xlsx)):
        target = tmp_path / f"national.{kind}"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), ""))
        button.click()
    offices = list(openpyxl.load_workbook(tmp_path / "national.xlsx")["By office"].values)
    assert [row[:2] for row in offices[1:]] == [("Laredo", 1), ("Miami", 2)]
    pdf = tmp_path / "national.pdf"
    assert pdfcheck.conformance(pdf) == {"pdfa": "2B", "pdfua": "1"}
    text = "\n".join(pdfcheck.page_texts(pdf))
    assert "By office" in text and "Virtual-validation metrics" in text
    assert re.search(r"Laredo\s+1\s+2\s+1\s+1\.00\s+0\.00 %", text)
