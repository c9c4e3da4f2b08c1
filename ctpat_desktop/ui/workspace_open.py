"""Open a validation's workspace with its side panels wired to it."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWidget

from ctpat_desktop.app import AppContext
from ctpat_desktop.ui.i18n import translate
from ctpat_desktop.ui.runner import Runner
from ctpat_desktop.ui.workspace.workspace_window import WorkspaceWindow


def open_workspace(
    ctx: AppContext, runner: Runner, validation_id: str, parent: QWidget | None = None
) -> WorkspaceWindow:
    """A workspace window; Evidence, Session, Follow-up and Visit panels join once it has
    loaded."""
    window = WorkspaceWindow(ctx, runner, validation_id)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def add_panels() -> None:
        # Imported and built after the checklist is on screen: the panels are secondary.
        from ctpat_desktop.ui.panels.evidence_panel import EvidencePanel
        from ctpat_desktop.ui.panels.followup_panel import FollowUpPanel
        from ctpat_desktop.ui.panels.session_panel import SessionPanel
        from ctpat_desktop.ui.panels.visit_panel import VisitPanel

        session = window.session
        assert session is not None
        evidence = EvidencePanel(ctx, runner, session)
        live = SessionPanel(ctx, runner, session)
        follow = FollowUpPanel(ctx, runner, session)
        records = VisitPanel(ctx, runner, session)
        window.add_side_panel(translate("WorkspacePanels", "Evidence"), evidence)
        window.add_side_panel(translate("WorkspacePanels", "Session"), live)
        window.add_side_panel(translate("WorkspacePanels", "Follow-up"), follow)
        window.add_side_panel(translate("WorkspacePanels", "Visit"), records)

        def on_criterion(criterion_id: str) -> None:
            evidence.set_criterion(criterion_id)
            follow.set_criterion(criterion_id)
            live.set_criterion(criterion_id)

        window.criterion_changed.connect(on_criterion)
        window.category_shown.connect(evidence.show_category)
        window.add_panel_actions(evidence.actions())
        window.add_close_check(live.confirm_close)
        window.finding_saved.connect(lambda _criterion: follow.refresh())
        # The follow-up panel's changes go the window's one way: in order, checked against
        # the revision shown, undoable (Ctrl+Z).
        follow.route_edits(window.request_edit)
        evidence.route_undo(window.push_done)
        follow.finding_changed.connect(lambda _criterion: window.reload())
        # A visit record may withdraw an approval or rename participants: the window reads
        # the validation again, and the panel its records whenever the window does.
        records.records_changed.connect(window.reload)
        window.reloaded.connect(records.refresh)
        records.edit_stored.connect(window.push_visit_edit)
        current = window.current_criterion()
        if current:
            on_criterion(current)
        follow.refresh()

    window.loaded.connect(lambda: QTimer.singleShot(0, window, add_panels))
    return window
