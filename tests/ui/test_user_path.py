"""The SCSS's whole path: plan, open, twenty findings by keyboard, paste evidence, undo,
quit, start again and find all of it."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.services.validations import ValidationSession
from ctpat_desktop.settings import Settings
from ctpat_desktop.ui.main_window import MainWindow
from ctpat_desktop.ui.runner import ImmediateRunner
from ctpat_desktop.ui.validation_dialog import ValidationDetails
from ctpat_desktop.worksheet import FindingStatus
from tests.ui.forms import fill_validation_form
from tests.ui.test_workspace import focused, press

CTRL = Qt.KeyboardModifier.ControlModifier
Key = Qt.Key


def _open(main: MainWindow, qtbot: QtBot, validation_id: str):  # type: ignore[no-untyped-def]
    main.select_id(validation_id)
    main.open_selected()
    workspace = main.workspaces[validation_id]
    qtbot.waitUntil(lambda: workspace.session is not None and workspace.side_tabs.count() >= 3)
    workspace.activateWindow()
    qtbot.waitUntil(workspace.isActiveWindow)
    workspace.tree.setFocus()
    return workspace


def test_plan_record_paste_undo_and_find_it_all_after_a_restart(
    data_dir: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = AppContext(data_dir, Settings(user="laura"))
    main = MainWindow(ctx, ImmediateRunner())
    qtbot.addWidget(main)
    main.show()
    details = ValidationDetails(
        member="Sierra Madre Textiles",
        account="MX-40117",
        entity="importer",
        mode="virtual",
        on=date(2026, 3, 10),
        scss="Laura Méndez",
        office="Laredo",
        webex_url="https://cbp.webex.com/meet/lm",
        participants=("Ana Ruiz",),
        planned_minutes=240,
    )
    fill_validation_form(monkeypatch, details)
    main.menu_actions.new_validation.trigger()
    validation_id = main.selected_id()
    assert validation_id is not None

    workspace = _open(main, qtbot, validation_id)
    order = workspace.model.criterion_ids()
    for number in range(20):
        if number % 5 == 4:
            press(qtbot, Key.Key_2, CTRL)  # not met: focus goes to the reasons
            press(qtbot, Key.Key_Space)
        else:
            press(qtbot, Key.Key_1, CTRL)
        press(qtbot, Key.Key_Down, CTRL)

    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f4e79"))
    QGuiApplication.clipboard().setImage(image)
    evidence = workspace.side_tabs.widget(
        [workspace.side_tabs.tabText(i) for i in range(workspace.side_tabs.count())].index(
            "Evidence"
        )
    )
    evidence.paste_from_clipboard()  # what Ctrl+Shift+V does in the workspace

    workspace.tree.setFocus()
    press(qtbot, Key.Key_Z, CTRL)  # undo the last finding edit (20th criterion)
    assert focused() is workspace.tree
    workspace.close()
    main.close()
    ctx.close()

    again = AppContext(data_dir, Settings(user="laura"))
    restarted = MainWindow(again, ImmediateRunner())
    qtbot.addWidget(restarted)
    restarted.show()
    reopened = _open(restarted, qtbot, validation_id)
    expected = {
        cid: FindingStatus.NOT_MET if n % 5 == 4 else FindingStatus.MET
        for n, cid in enumerate(order[:19])
    }
    shown = {cid: reopened.finding(cid).status for cid in order[:20]}
    assert {cid: s for cid, s in shown.items() if cid in expected} == expected
    assert shown[order[19]] is FindingStatus.NOT_REVIEWED  # undone before quitting
    session = ValidationSession(again, validation_id)
    (pasted,) = session.evidence()
    assert pasted.media_type == "image/png" and pasted.criterion == order[20]
    assert session.validation.participants == ("Ana Ruiz",)
    reopened.close()
    again.close()
