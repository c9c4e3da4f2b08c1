"""The workspace's edit ledger, without a window: what the store will hold, drafts the
rules refused, saves answered out of step, and findings changed elsewhere."""

from datetime import date

from ctpat_desktop.store import FindingRecord
from ctpat_desktop.ui.workspace.ledger import EditLedger, affected_fields, values_of
from ctpat_desktop.worksheet import Finding, FindingStatus


def _record(finding: Finding, rev: int) -> FindingRecord:
    return FindingRecord(finding, "2026-12-06T10:00:00Z", "tester", rev)


def _not_met(cid: str = "4.8") -> Finding:
    return Finding(cid, FindingStatus.NOT_MET, reasons=("other",), due=date(2027, 3, 1))


def test_saves_under_way_are_what_the_store_will_hold() -> None:
    ledger = EditLedger()
    ledger.load({"4.8": _record(_not_met(), 3)})
    assert ledger.send("4.8", {"note": "Badges shown"}) == 3  # made on revision 3
    assert ledger.send("4.8", {"due": date(2027, 4, 1)}) is None  # builds on the first
    assert ledger.saving == 2 and ledger.busy("4.8")
    expected = ledger.expected("4.8")
    assert (expected.note, expected.due) == ("Badges shown", date(2027, 4, 1))
    assert ledger.stored("4.8").note == ""  # nothing answered yet

    ledger.saved("4.8", _record(Finding("4.8", FindingStatus.NOT_MET, note="Badges shown"), 4))
    assert ledger.busy("4.8") and ledger.expected("4.8").due == date(2027, 4, 1)
    assert ledger.send("4.9", {"status": "met"}) == 0  # never stored: revision 0


def test_a_refused_draft_stays_on_top_until_a_later_edit_makes_it_valid() -> None:
    ledger = EditLedger()
    ledger.load({})
    ledger.keep_draft("1.1", {"status": "exceeds"}, "exceeds needs a note")
    assert ledger.view("1.1").status is FindingStatus.EXCEEDS
    assert ledger.expected("1.1").status is FindingStatus.NOT_REVIEWED
    assert ledger.unsaved() == {"1.1": "exceeds needs a note"}
    merged = ledger.take_draft("1.1", {"note": "Sponsored by the CEO"})
    assert merged == {"status": "exceeds", "note": "Sponsored by the CEO"}
    assert not ledger.has_draft() and ledger.problem("1.1") == ""


def test_a_refused_save_becomes_a_draft_but_a_stale_one_is_dropped() -> None:
    ledger = EditLedger()
    ledger.load({"4.8": _record(_not_met(), 1)})
    ledger.send("4.8", {"note": "typed"})
    ledger.failed("4.8", {"note": "typed"}, "The disk is full", stale=False)
    assert ledger.unsaved() == {"4.8": "The disk is full"}
    assert ledger.view("4.8").note == "typed" and ledger.saving == 0

    ledger.take_draft("4.8", {})
    ledger.send("4.8", {"status": "met"})
    ledger.failed("4.8", {"status": "met"}, "Changed elsewhere", stale=True)
    # Kept as a draft, the next edit would write "met" over the newer finding unseen.
    assert not ledger.has_draft("4.8")
    assert ledger.view("4.8").status is FindingStatus.NOT_MET
    assert ledger.problem("4.8") == "Changed elsewhere"


def test_a_reread_takes_changes_made_elsewhere_except_where_saves_are_coming() -> None:
    ledger = EditLedger()
    ledger.load({"4.8": _record(_not_met(), 1), "4.9": _record(_not_met("4.9"), 1)})
    ledger.send("4.9", {"note": "mine"})
    extended = Finding(
        "4.8", FindingStatus.NOT_MET, reasons=("other",), due=date(2027, 4, 1), extension_days=30
    )
    changed = ledger.reread(
        {
            "4.8": _record(extended, 2),  # an extension from the follow-up panel
            "4.9": _record(Finding("4.9", FindingStatus.MET), 2),  # its save is coming
            "1.1": _record(Finding("1.1", FindingStatus.MET), 1),  # a worksheet import
        }
    )
    assert sorted(changed) == ["1.1", "4.8"]
    assert ledger.stored("4.8").extension_days == 30
    assert ledger.send("4.8", {"note": "x"}) == 2  # the next edit is made on the new one
    assert ledger.stored("4.9").status is FindingStatus.NOT_MET
    assert ledger.reread({"4.8": _record(extended, 2)}) == []  # same revision: nothing


def test_an_undo_restores_every_field_a_status_change_clears() -> None:
    fields = affected_fields({"status": "met"})
    assert fields[0] == "status" and {"reasons", "due", "extension_days"} <= set(fields)
    before = values_of(_not_met(), fields)
    assert before["status"] == "not-met" and before["reasons"] == ("other",)
    assert before["due"] == date(2027, 3, 1)
