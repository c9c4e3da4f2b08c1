"""What every workspace side panel is given: the context, the runner and the open session."""

from PySide6.QtWidgets import QWidget

from ctpat_desktop.app import AppContext
from ctpat_desktop.services.validations import ValidationSession
from ctpat_desktop.ui.runner import Runner


class SidePanel(QWidget):
    """A panel beside the checklist; store work goes through the runner only."""

    def __init__(
        self,
        ctx: AppContext,
        runner: Runner,
        session: ValidationSession,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._runner = runner
        self._session = session
