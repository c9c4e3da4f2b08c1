"""The follow-up panel on a signed validation: responses, several extensions and the
closure are appended after the report through the follow-up service, without a reopen, and
the workspace's edit path (which a signed validation refuses) is not used."""

from datetime import date, timedelta
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.services import followup
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.store import ReportRecord
from ctpat_desktop.ui.panels.followup_panel import ExtendDueDialog, FollowUpPanel
from ctpat_desktop.ui.runner import ImmediateRunner
from ctpat_desktop.worksheet import Lifecycle

ON = date(2026, 5, 18)


@pytest.fixture
def signed(ctx: AppContext) -> ValidationSession:
    validation = plan_validation(ctx, member="Acme", account="US-12345", entity="importer", on=ON)
    work = ValidationSession(ctx, validation.id)
    work.record_finding("1.3", status="not-met", reasons=["no-written-procedure"], action="Write")
    work.record_finding("2.1", status="not-met", reasons=["no-evidence"], action="Send it")
    ctx.store.set_status(validation.id, Lifecycle.APPROVED, "Sam Supervisor")
    record = ReportRecord(1, "ab" * 32, "Tester", "2026-06-01T10:00:00Z", "v1.pdf", "en")
    ctx.store.issue_report(validation.id, record, "tester")
    return ValidationSession(ctx, validation.id)


@pytest.fixture
def panel(ctx: AppContext, signed: ValidationSession, qtbot: QtBot) -> FollowUpPanel:
    shown = FollowUpPanel(ctx, ImmediateRunner(), signed)
    qtbot.addWidget(shown)
    edits: list[Any] = []
    shown.route_edits(lambda criterion, changes: edits.append((criterion, changes)))
    shown.edits = edits  # type: ignore[attr-defined]
    return shown


def test_two_extensions_are_appended_and_listed(
    ctx: AppContext,
    signed: ValidationSession,
    panel: FollowUpPanel,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    due = ON + timedelta(days=90)
    answers = iter([(60, "New cameras arrive in August."), (30, "Installer delayed.")])
    monkeypatch.setattr(ExtendDueDialog, "ask", lambda *_a: next(answers))
    panel.select_criterion("1.3")
    for _ in range(2):
        with qtbot.waitSignal(panel.finding_changed):
            panel.extend_button.click()
    assert not panel.error.isVisibleTo(panel), panel.error.text()
    assert panel.edits == []  # type: ignore[attr-defined]
    # The report signed on 2026-06-01 gave the member the worksheet's 90 days from then.
    printed = date(2026, 6, 1) + timedelta(days=90)
    assert panel.required.rows()[0][2] == f"{printed + timedelta(days=90)}\n+90 days"
    assert "extended 90 days" in panel.due_label.text()
    assert panel.extensions_label.text() == (
        "+60 days: New cameras arrive in August.\n+30 days: Installer delayed."
    )
    assert ctx.store.validation(signed.id).status is Lifecycle.SIGNED
    assert [r.version for r in ctx.store.reports(signed.id)] == [1]
    assert signed.findings()["1.3"].finding.due == due  # the signed finding is untouched


def test_an_accepted_response_closes_the_required_action(
    ctx: AppContext, signed: ValidationSession, panel: FollowUpPanel
) -> None:
    panel.select_criterion("2.1")
    panel.implemented.setCurrentIndex(panel.implemented.findData(True))
    panel.response_note.setPlainText("Risk assessment sent.")
    panel.save_button.click()
    assert panel.required.rows()[1][3] == "response received: to review"
    panel.decision.setCurrentIndex(panel.decision.findData(True))
    panel.save_button.click()
    assert not panel.error.isVisibleTo(panel), panel.error.text()
    assert panel.required.rows()[1][3] == "closed: response accepted"
    assert panel.open_label.text() == "1 required action still open"
    assert not panel.response_box.isEnabled()
    events = [r.event.value for r in followup.follow_up_log(ctx, signed.id).records]
    assert events == ["response", "decision", "closure"]
    assert panel.edits == []  # type: ignore[attr-defined]


def test_a_refusal_shows_beside_the_form(panel: FollowUpPanel) -> None:
    panel.select_criterion("2.1")
    panel.decision.setCurrentIndex(panel.decision.findData(False))
    panel.save_button.click()
    assert panel.error.isVisibleTo(panel)
    assert "no member's response to accept or reject yet" in panel.error.text()
