"""Report → Submit for review, Approve…, Return for changes… in the main window."""

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.sync.local import LocalSync
from ctpat_desktop.ui.main_window import MainWindow
from ctpat_desktop.ui.runner import ImmediateRunner
from ctpat_desktop.worksheet import Finding, FindingStatus, Lifecycle


def test_submit_approve_and_return_from_the_menu(
    ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    validation = plan_validation(ctx, member="Acme", account="US-1001", entity="importer")
    session = ValidationSession(ctx, validation.id)
    session.replace_findings([Finding(c.id, FindingStatus.MET) for c in session.catalog.criteria])
    window = MainWindow(ctx, ImmediateRunner())
    qtbot.addWidget(window)
    window.select_id(validation.id)
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: errors.append(text))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Looks complete", True))

    window.menu_actions.submit_review.trigger()
    assert ctx.store.validation(validation.id).status is Lifecycle.IN_REVIEW
    window.menu_actions.approve.trigger()  # an SCSS laptop: refused, with the reason
    assert errors and "only a supervisor approves" in errors[0]
    assert ctx.store.validation(validation.id).status is Lifecycle.IN_REVIEW

    LocalSync(ctx.store).set_state({"hub_role": "supervisor"})
    window.menu_actions.approve.trigger()
    assert ctx.store.validation(validation.id).status is Lifecycle.APPROVED
    assert "can now be signed" in window.statusBar().currentMessage()
    window.menu_actions.return_review.trigger()
    assert ctx.store.validation(validation.id).status is Lifecycle.IN_PROGRESS


def test_view_audit_trail_opens_on_the_selected_validation(ctx: AppContext, qtbot: QtBot) -> None:
    validation = plan_validation(ctx, member="Acme", account="US-1001", entity="importer")
    ValidationSession(ctx, validation.id).record_finding("1.1", status="met")
    window = MainWindow(ctx, ImmediateRunner())
    qtbot.addWidget(window)
    window.select_id(validation.id)
    window.menu_actions.audit_trail.trigger()
    audit = window.audit_window
    assert audit is not None and audit.isVisible()
    qtbot.addWidget(audit)
    assert "intact" in audit.chain_status.text()  # type: ignore[attr-defined]
