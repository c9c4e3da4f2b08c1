"""The workspace's finding fields come from the finding's declaration: a field declared
later is shown by the editor or named where it is edited instead, never forgotten."""

from pytestqt.qtbot import QtBot

from ctpat_desktop.records.declare import Type
from ctpat_desktop.records.finding import FINDING, RECORDED
from ctpat_desktop.ui.workspace.commands import FIELD_LABELS, FindingEditCommand
from ctpat_desktop.ui.workspace.finding_editor import FindingEditor
from ctpat_desktop.ui.workspace.finding_fields import (
    EDITABLE,
    EDITOR_FIELDS,
    LISTS,
    NOT_EDITED,
    NOT_IN_EDITOR,
    TEXTS,
    TYPED,
)
from ctpat_desktop.ui.workspace.ledger import affected_fields, apply_changes
from ctpat_desktop.worksheet import Finding


def test_every_declared_field_is_shown_by_the_editor_or_said_where_it_is_edited() -> None:
    shown, elsewhere = set(EDITOR_FIELDS), set(NOT_IN_EDITOR)
    assert shown | elsewhere == set(RECORDED)
    assert not shown & elsewhere
    assert elsewhere >= NOT_EDITED
    assert set(EDITABLE) == set(RECORDED) - NOT_EDITED
    assert list(EDITOR_FIELDS) == [n for n in RECORDED if n in shown]  # the declared order


def test_the_editor_reads_and_shows_exactly_its_declared_fields(qtbot: QtBot) -> None:
    editor = FindingEditor()
    qtbot.addWidget(editor)
    assert tuple(editor.values()) == EDITOR_FIELDS
    assert tuple(editor.texts) == TEXTS == ("note", "report_text", "action")
    # Every text box is in the Tab order and has its own name.
    chain = editor.focus_chain()
    assert all(box in chain and box.accessibleName() for box in editor.texts.values())


def test_the_lists_and_labels_follow_the_declaration() -> None:
    assert {f.name for f in FINDING.fields if f.type is Type.CODES} == LISTS
    assert set(FIELD_LABELS) == set(EDITABLE)  # every undo step has words for its fields
    assert TYPED == ("note", "report_text", "action", "due")
    # A status change clears only fields the workspace knows how to put back.
    assert set(affected_fields({"status": "met"})) <= set(EDITABLE)
    finding = apply_changes(Finding("3.1"), {"unmet_parts": ["a"], "reasons": ["other"]})
    assert finding.unmet_parts == ("a",) and finding.reasons == ("other",)


def test_typing_in_one_declared_text_box_merges_into_one_undo_step() -> None:
    class Recorder:
        def save(self, criterion_id: str, changes: object, expect: object = None) -> None:
            pass

    first = FindingEditCommand(Recorder(), "1.1", {"report_text": ""}, {"report_text": "a"})
    second = FindingEditCommand(Recorder(), "1.1", {"report_text": "a"}, {"report_text": "ab"})
    assert first.id() == second.id() != -1
    assert first.mergeWith(second) and first.after == {"report_text": "ab"}
