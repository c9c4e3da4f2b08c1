"""Feedback in the GUI: Report → Feedback… asks the short form and saves the answer; the
dialog's values are the service's keywords; the dashboard sums the answers up."""

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.services.feedback import feedback_answers, record_feedback
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.ui.dashboard_window import DashboardWindow
from ctpat_desktop.ui.feedback_dialog import FeedbackDialog, FeedbackForm
from ctpat_desktop.ui.main_window import MainWindow
from ctpat_desktop.ui.runner import ImmediateRunner


def _started(ctx: AppContext) -> str:
    validation = plan_validation(
        ctx, member="Acme Imports", account="US-5001", entity="importer", on=date(2026, 3, 2)
    )
    ValidationSession(ctx, validation.id).record_finding("1.1", status="met")
    return validation.id


def test_the_form_says_what_the_service_takes(qtbot: QtBot) -> None:
    dialog = FeedbackDialog("Acme Imports")
    qtbot.addWidget(dialog)
    assert "Acme Imports" in dialog.windowTitle()
    assert dialog.value() == FeedbackForm()  # nothing said yet: the service refuses it
    dialog.quality.setCurrentIndex(dialog.quality.findData(2))
    dialog.criteria.setText(" 9.4, 10.2;4.8 ")
    dialog.note.setText("The gate at night")
    dialog.minutes.setValue(35)
    dialog.comments.setPlainText("Video froze twice\n")
    assert dialog.value().keywords() == {
        "source": "scss",
        "technology_quality": 2,
        "not_verifiable": ("9.4", "10.2", "4.8"),
        "not_verifiable_note": "The gate at night",
        "minutes_lost": 35,
        "comments": "Video froze twice",
    }
    dialog.member.setChecked(True)  # what could not be verified is the SCSS's to say
    assert not dialog.criteria.isEnabled() and not dialog.note.isEnabled()
    member = dialog.value()
    assert (member.source, member.not_verifiable, member.not_verifiable_note) == ("member", (), "")


def test_report_feedback_saves_an_answer(
    ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    vid = _started(ctx)
    window = MainWindow(ctx, ImmediateRunner())
    qtbot.addWidget(window)
    action = window.menu_actions.feedback
    report_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Report"
    )
    assert action in report_menu.actions()
    assert not action.isEnabled()  # nothing selected
    window.table.selectRow(0)
    assert action.isEnabled()
    asked: list[str] = []

    def answer(name: str, _parent: object = None) -> FeedbackForm:
        asked.append(name)
        return FeedbackForm(technology_quality=4, not_verifiable=("9.4",), minutes_lost=10)

    monkeypatch.setattr(FeedbackDialog, "ask", staticmethod(answer))
    action.trigger()
    assert asked and "Acme Imports" in asked[0]
    (saved,) = feedback_answers(ctx, vid)
    assert (saved.technology_quality, saved.not_verifiable) == (4, ("9.4",))
    assert window.statusBar().currentMessage() == "Feedback saved"

    shown: list[str] = []
    monkeypatch.setattr(
        "ctpat_desktop.ui.main_window.QMessageBox.critical",
        lambda _parent, _title, text: shown.append(text),
    )
    monkeypatch.setattr(
        FeedbackDialog, "ask", staticmethod(lambda _n, _p=None: FeedbackForm(minutes_lost=-3))
    )
    action.trigger()
    assert shown == ["Time lost is 0 to 1440 minutes, not -3"]
    assert len(feedback_answers(ctx, vid)) == 1


def test_the_dashboard_shows_the_feedback(ctx: AppContext, qtbot: QtBot) -> None:
    vid = _started(ctx)
    window = DashboardWindow(ctx, ImmediateRunner())
    qtbot.addWidget(window)
    window.refresh()
    assert "none recorded" in window.feedback_summary.text()
    record_feedback(ctx, vid, technology_quality=3, not_verifiable=["9.4"], minutes_lost=20)
    record_feedback(ctx, vid, source="member", technology_quality=5)
    window.refresh()
    text = window.feedback_summary.text()
    assert "Feedback: 2 answers on 1 validations (1 from SCSSs, 1 from members)." in text
    assert "technology quality 3.00 of 5 (1 rated); 20 minutes lost" in text
    assert "Most often not verifiable remotely: 9.4 (1)" in text
