"""The review from the main window: submit for review, approve, return for changes."""

from ctpat_desktop.ui.controllers.base import WindowController
from ctpat_desktop.ui.i18n import translate


class ReviewController(WindowController):
    """Moves the selected validation through review on the runner."""

    def submit(self) -> None:
        """The SCSS hands the finished validation to the supervisor."""
        from ctpat_desktop.services import approval

        validation_id = self._window.selected_id()
        if validation_id is None:
            return
        self._runner.run(
            lambda: approval.submit_for_review(self._ctx, validation_id),
            lambda _none: self.changed(translate("MainWindow", "Submitted for review")),
            self.on_error(translate("MainWindow", "Cannot submit the validation")),
        )

    def approve(self) -> None:
        """A supervisor approves, with an optional note."""
        from ctpat_desktop.services import approval

        self.ask_then_run(
            (
                translate("MainWindow", "Approve validation"),
                translate("MainWindow", "Note kept with your approval (optional):"),
            ),
            approval.approve,
            translate("MainWindow", "Approved: its report can now be signed"),
            translate("MainWindow", "Cannot approve the validation"),
        )

    def return_for_changes(self) -> None:
        """A supervisor sends it back, saying what must change."""
        from ctpat_desktop.services import approval

        self.ask_then_run(
            (
                translate("MainWindow", "Return for changes"),
                translate("MainWindow", "What must the SCSS change?"),
            ),
            approval.return_for_changes,
            translate("MainWindow", "Returned to the SCSS"),
            translate("MainWindow", "Cannot return the validation"),
        )
