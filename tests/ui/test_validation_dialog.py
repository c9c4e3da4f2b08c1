"""The validation form: entity types found by any part of their name, chosen on purpose,
changeable until the first finding."""

from datetime import date

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.ui.main_window import MainWindow
from ctpat_desktop.ui.runner import ImmediateRunner
from ctpat_desktop.ui.validation_dialog import ValidationDialog
from tests.ui.windows import shown


def _completions(dialog: ValidationDialog) -> list[str]:
    completer = dialog.entity.completer()
    model = completer.completionModel()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_no_entity_is_chosen_for_the_user_and_any_part_of_a_name_finds_it(
    ctx: AppContext, qtbot: QtBot
) -> None:
    dialog = ValidationDialog(ctx.catalogs.names())
    shown(dialog, qtbot)
    assert dialog.entity.currentIndex() == -1 and dialog.entity.currentText() == ""
    assert dialog.entity.lineEdit().placeholderText() == "Choose an entity type"
    dialog.entity.setFocus()
    qtbot.keyClicks(dialog.entity.lineEdit(), "Imp")
    assert "U.S. Importers" in _completions(dialog)
    dialog.entity.lineEdit().clear()
    qtbot.keyClicks(dialog.entity.lineEdit(), "manufact")
    assert _completions(dialog) == ["Foreign Manufacturers (Mexico and Canada)"]
    assert dialog.chosen_entity() == "foreign-manufacturer"  # the one name containing it


def test_ok_without_an_entity_type_says_so_and_keeps_the_form(
    ctx: AppContext, qtbot: QtBot
) -> None:
    dialog = ValidationDialog(ctx.catalogs.names())
    shown(dialog, qtbot)
    dialog.member.setText("Sierra Madre Textiles")
    dialog.entity.lineEdit().setText("carrier")  # several names contain it: none chosen
    dialog.buttons.accepted.emit()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    assert dialog.errors["entity"].text() == "Choose an entity type from the list"
    assert dialog.member.text() == "Sierra Madre Textiles"
    dialog.grab().save("/tmp/validation-dialog-error.png")


def test_the_entity_type_can_change_until_the_first_finding(
    ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    validation = plan_validation(
        ctx, member="Acme", account="US-1001", entity="air-carrier", on=date(2026, 3, 10)
    )
    window = MainWindow(ctx, ImmediateRunner())
    shown(window, qtbot)
    window.table.selectRow(0)
    seen: list[ValidationDialog] = []

    def choose_importer(dialog: ValidationDialog) -> int:
        seen.append(dialog)
        assert dialog.entity.isEnabled()
        assert dialog.chosen_entity() == "air-carrier"
        dialog.entity.lineEdit().setText("U.S. Importers")
        dialog.buttons.accepted.emit()
        return dialog.result()

    monkeypatch.setattr(ValidationDialog, "exec", choose_importer)
    window.menu_actions.edit_validation.trigger()
    stored = ctx.store.validation(validation.id)
    assert stored.entity == "importer"
    assert stored.catalog_version == ctx.catalogs.catalog_on("importer", stored.date).version
    assert window.proxy.index(0, 2).data() == "U.S. Importers"

    ValidationSession(ctx, validation.id).record_finding("1.1", status="met")
    window.refresh()
    window.select_id(validation.id)

    def look(dialog: ValidationDialog) -> int:
        seen.append(dialog)
        assert not dialog.entity.isEnabled()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ValidationDialog, "exec", look)
    window.menu_actions.edit_validation.trigger()
    assert len(seen) == 2


def test_a_late_finding_refusal_is_said_beside_the_entity_type(
    ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A finding recorded after the list was read: the service refuses, the form says it."""
    validation = plan_validation(ctx, member="Acme", account="US-1001", entity="importer")
    window = MainWindow(ctx, ImmediateRunner())
    shown(window, qtbot)
    window.table.selectRow(0)
    ValidationSession(ctx, validation.id).record_finding("1.1", status="met")
    seen: list[ValidationDialog] = []

    def change(dialog: ValidationDialog) -> int:
        seen.append(dialog)
        dialog.entity.setCurrentIndex(dialog.entity.findData("foreign-manufacturer"))
        dialog.buttons.accepted.emit()
        return dialog.result()

    monkeypatch.setattr(ValidationDialog, "exec", change)
    window.menu_actions.edit_validation.trigger()
    (dialog,) = seen
    assert dialog.errors["entity"].text().startswith("The entity type cannot change")
    assert dialog.chosen_entity() == "foreign-manufacturer"
    assert ctx.store.validation(validation.id).entity == "importer"
