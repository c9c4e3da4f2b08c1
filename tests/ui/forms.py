"""Filling the validation form as a user does, for tests that plan or edit through it."""

from collections.abc import Callable

import pytest

from ctpat_desktop.ui.validation_dialog import ValidationDetails, ValidationDialog


def fill_validation_form(
    monkeypatch: pytest.MonkeyPatch,
    details: ValidationDetails,
    seen: list[ValidationDialog] | None = None,
    then: Callable[[ValidationDialog], None] | None = None,
) -> None:
    """Every validation form the app opens gets these values and OK; the form is kept in
    seen, and then (if given) looks at it once OK has been pressed."""

    def run(dialog: ValidationDialog) -> int:
        dialog.set_details(details)
        dialog.buttons.accepted.emit()
        if seen is not None:
            seen.append(dialog)
        if then is not None:
            then(dialog)
        return dialog.result()

    monkeypatch.setattr(ValidationDialog, "exec", run)
