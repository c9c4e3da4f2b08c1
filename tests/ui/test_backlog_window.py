"""The backlog window: reached from the main window's View menu, it shows the hub's list for
this laptop's user with each risk explained, exports it to Excel, and says in one line
when the hub cannot be reached."""

from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.services.sync_io import remember_token
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.sync.local import LocalSync
from ctpat_desktop.ui.backlog_window import BacklogWindow
from ctpat_desktop.ui.main_window import MainWindow
from ctpat_desktop.ui.runner import ImmediateRunner
from tests.hubkit import ServedHub, free_port, hub_db_url, hub_server, pg_cluster
from tests.sync.conftest import Laptop, laptop, sync

__all__ = ["hub_db_url", "hub_server", "laptop", "pg_cluster"]


def _validated(ctx: AppContext, account: str, on: date, mode: str = "virtual") -> None:
    validation = plan_validation(
        ctx, member=f"Member {account}", account=account, entity="importer", mode=mode, on=on
    )
    work = ValidationSession(ctx, validation.id)
    work.record_finding("4.8", status="not-met", reasons=["training-gap"])


def test_the_backlog_from_the_hub(
    hub_server: ServedHub, laptop: Laptop, qtbot: QtBot, tmp_path: Path
) -> None:
    ana = laptop("ana", office="Miami")
    _validated(ana, "US-1", date(2020, 1, 15))  # revalidation due in 2024: overdue
    _validated(ana, "US-2", date(2025, 9, 1))  # not due for years
    token = hub_server.add_user("ana", "scss", "Miami")
    sync(ana, hub_server.url, token)
    remember_token(hub_server.url, token)

    main = MainWindow(ana, ImmediateRunner())
    qtbot.addWidget(main)
    main.menu_actions.backlog.trigger()
    window = main.backlog_window
    assert isinstance(window, BacklogWindow) and window.isVisible()
    assert not window.office.isVisible()  # an SCSS sees their own office only
    window.refresh()
    assert window.backlog is not None
    assert window.model.rowCount() == 1
    assert window.model.index(0, 1).data() == "Member US-1"
    assert window.model.index(0, 4).data() == "overdue"
    assert window.model.index(0, 7).data() == "in person"
    assert "1 members due by" in window.summary.text()
    details = window.details.toPlainText()
    assert details.startswith("Member US-1 (US-1): risk ")
    assert "revalidation was due 2024-01-15" in details
    assert "the last validation was virtual" in details

    target = tmp_path / "backlog.xlsx"
    window.export_to(target)
    assert "Backlog written to" in window.summary.text()
    sheet = load_workbook(target)["Backlog"]
    assert sheet["B2"].value == "Member US-1" and sheet["B3"].value is None


def test_an_unreachable_hub_is_one_line(laptop: Laptop, qtbot: QtBot) -> None:
    ana = laptop("ana")
    nowhere = f"http://127.0.0.1:{free_port()}"
    LocalSync(ana.store).set_state({"server": nowhere})
    remember_token(nowhere, "x")
    window = BacklogWindow(ana, ImmediateRunner())
    qtbot.addWidget(window)
    window.refresh()
    text = window.summary.text()
    assert text.startswith("No backlog from the hub:") and "\n" not in text
    assert window.show_button.isEnabled() and not window.export_xlsx.isEnabled()
