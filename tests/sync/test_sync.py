"""Sync end to end: laptops with real SQLite files, the hub served on 127.0.0.1."""

import hashlib

import pytest

from ctpat_desktop.errors import RuleError
from ctpat_desktop.services import approval
from ctpat_desktop.store.records import ReportRecord
from ctpat_desktop.store.repository import finding_id
from ctpat_desktop.sync.client import AuthError, HubClient, run_sync
from ctpat_desktop.sync.local import LocalSync
from ctpat_desktop.worksheet import Finding, FindingStatus, Lifecycle
from tests.hubkit import ServedHub
from tests.sync.conftest import Laptop, sync
from tests.sync.helpers import findings_of, planned, session

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40


def test_findings_and_evidence_reach_a_colleague(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    ana, ben = laptop("ana"), laptop("ben")
    validation_id = planned(ana)
    work = session(ana, validation_id)
    work.record_finding("1.1", status="met", note="Seen on the shared screen")
    work.record_finding(
        "1.2", status="not-met", reasons=["no-written-procedure"], action="Write the gate procedure"
    )
    work.attach_evidence_bytes(PNG, "gate.png", "1.2")

    first = sync(ana, hub_server.url, miami["ana"])
    # catalog, member, validation, evidence and two findings
    assert first.pushed == 6
    assert first.rejected == [] and first.conflicts == 0 and first.pending == 0
    got = sync(ben, hub_server.url, miami["ben"])
    assert got.pulled == 6 and got.blobs_downloaded == 1
    assert findings_of(ben, validation_id) == findings_of(ana, validation_id)
    (evidence,) = session(ben, validation_id).evidence()
    assert evidence.criterion == "1.2" and evidence.filename == "gate.png"
    assert ben.store.blobs.read_bytes(evidence.sha256) == PNG
    assert hashlib.sha256(PNG).hexdigest() == evidence.sha256
    assert ben.store.validation(validation_id).member.name == "Acme Imports"
    # The colleague's copy is as usable as the original: it can be worked on.
    session(ben, validation_id).record_finding("1.3", status="exceeds", note="Best practice")
    assert ben.store.verify_audit() is None


def test_a_sync_with_nothing_to_do_moves_nothing(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    ana = laptop("ana")
    session(ana, planned(ana)).record_finding("1.1", status="met")
    sync(ana, hub_server.url, miami["ana"])
    again = sync(ana, hub_server.url, miami["ana"])
    assert (again.pushed, again.pulled, again.pending) == (0, 0, 0)
    # Its own pushed changes come back in the feed but are recognised, not re-applied.
    events = ana.store.audit_events()
    assert not [e for e in events if e["action"] == "sync"]


def test_edits_to_different_fields_merge_and_the_same_field_is_a_conflict(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    ana, ben = laptop("ana"), laptop("ben")
    validation_id = planned(ana)
    session(ana, validation_id).record_finding("1.1", status="met", note="first look")
    sync(ana, hub_server.url, miami["ana"])
    sync(ben, hub_server.url, miami["ben"])

    session(ana, validation_id).record_finding("1.1", note="ana: gate log reviewed")
    session(ben, validation_id).record_finding("1.1", note="ben: gate log missing")
    session(ben, validation_id).record_finding("1.1", report_text="Gate controls in place")
    sync(ana, hub_server.url, miami["ana"])
    result = sync(ben, hub_server.url, miami["ben"])

    assert result.new_conflicts == 1 and result.conflicts == 1
    (conflict,) = LocalSync(ben.store).conflicts()
    assert (conflict.field, conflict.criterion) == ("note", "1.1")
    assert conflict.local_value == "ben: gate log missing"
    assert conflict.server_value == "ana: gate log reviewed"
    assert conflict.server_by == "ana"
    mine = findings_of(ben, validation_id)["1.1"]
    assert mine.note == "ben: gate log missing"  # kept here until Ben chooses
    assert mine.report_text == "Gate controls in place"
    # Ben's other field went up; the hub still holds Ana's note, not Ben's.
    sync(ana, hub_server.url, miami["ana"])
    theirs = findings_of(ana, validation_id)["1.1"]
    assert theirs.report_text == "Gate controls in place"
    assert theirs.note == "ana: gate log reviewed"

    LocalSync(ben.store).resolve(conflict.id, "mine", "ben")
    assert sync(ben, hub_server.url, miami["ben"]).conflicts == 0
    sync(ana, hub_server.url, miami["ana"])
    assert findings_of(ana, validation_id)["1.1"].note == "ben: gate log missing"
    resolved = [e for e in ben.store.audit_events() if e["action"] == "resolve"]
    assert "ana: gate log reviewed" in resolved[0]["changes"]  # the value not kept


def test_keeping_theirs_takes_the_hub_value(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    ana, ben = laptop("ana"), laptop("ben")
    validation_id = planned(ana)
    sync(ana, hub_server.url, miami["ana"])
    sync(ben, hub_server.url, miami["ben"])
    session(ana, validation_id).record_finding("2.1", status="met")
    session(ben, validation_id).record_finding("2.1", status="exceeds", note="Model programme")
    sync(ana, hub_server.url, miami["ana"])
    sync(ben, hub_server.url, miami["ben"])
    local = LocalSync(ben.store)
    (conflict,) = local.conflicts()
    assert (conflict.local_value, conflict.server_value) == ("exceeds", "met")
    local.resolve(conflict.id, "theirs", "ben")
    assert findings_of(ben, validation_id)["2.1"].status.value == "met"
    sync(ben, hub_server.url, miami["ben"])
    sync(ana, hub_server.url, miami["ana"])
    # The note Ben alone wrote went up; the status is Ana's everywhere.
    assert findings_of(ana, validation_id)["2.1"].note == "Model programme"
    assert findings_of(ana, validation_id)["2.1"].status.value == "met"
    assert findings_of(ana, validation_id) == findings_of(ben, validation_id)


def test_a_lost_reply_is_replayed_not_duplicated(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    ana, ben = laptop("ana"), laptop("ben")
    validation_id = planned(ana)
    session(ana, validation_id).record_finding("1.1", status="met")
    local = LocalSync(ana.store)
    local.prepare()
    with HubClient(hub_server.url, miami["ana"]) as client:
        client.push(local.outbox())  # the hub applied it; the answer never arrived
    session(ana, validation_id).record_finding("1.1", note="edited after the lost reply")
    report = sync(ana, hub_server.url, miami["ana"])
    assert report.conflicts == 0 and report.rejected == []
    finding = hub_server.hub.record("finding", finding_id(validation_id, "1.1"))
    assert finding is not None and finding.rev == 2
    assert finding.fields["note"] == "edited after the lost reply"
    sync(ben, hub_server.url, miami["ben"])
    assert findings_of(ben, validation_id) == findings_of(ana, validation_id)


def test_another_office_sees_nothing_and_cannot_push(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    laredo_token = hub_server.add_user("carla", "scss", "Laredo")
    ana, carla = laptop("ana"), laptop("carla", office="Laredo")
    session(ana, planned(ana)).record_finding("1.1", status="met")
    sync(ana, hub_server.url, miami["ana"])
    seen = sync(carla, hub_server.url, laredo_token)
    assert carla.store.list_validations() == []
    assert seen.pulled == 1  # the catalog is shared; members and validations are not
    # A Miami validation planned on Carla's laptop is refused, with the reason.
    planned(carla, account="IM-2002", office="Miami")
    refused = sync(carla, hub_server.url, laredo_token)
    assert any("Miami" in r["error"] and "Laredo" in r["error"] for r in refused.rejected)
    assert refused.pending > 0  # still here, not lost


def test_a_wrong_token_is_refused_clearly(hub_server: ServedHub, laptop: Laptop) -> None:
    ana = laptop("ana")
    planned(ana)
    with pytest.raises(AuthError, match="refused the token"):
        sync(ana, hub_server.url, "not-a-token")
    assert LocalSync(ana.store).pending_count() == 3  # catalog, member, validation


def test_a_removed_evidence_file_is_removed_on_the_other_laptop(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    ana, ben = laptop("ana"), laptop("ben")
    validation_id = planned(ana)
    item = session(ana, validation_id).attach_evidence_bytes(PNG, "gate.png")
    sync(ana, hub_server.url, miami["ana"])
    sync(ben, hub_server.url, miami["ben"])
    assert len(session(ben, validation_id).evidence()) == 1
    session(ana, validation_id).remove_evidence(item.id)
    sync(ana, hub_server.url, miami["ana"])
    sync(ben, hub_server.url, miami["ben"])
    assert session(ben, validation_id).evidence() == []


def test_one_data_folder_syncs_with_one_hub_wherever_it_moves(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    """The hub is known by its identity: the same hub under a new name is followed (a
    different hub is refused: test_hub_restore)."""
    ana = laptop("ana")
    sync(ana, hub_server.url, miami["ana"])
    other = hub_server.url.replace("127.0.0.1", "localhost")
    with HubClient(other, miami["ana"]) as c:
        run_sync(ana.store, c, "ana")
    assert LocalSync(ana.store).state("server") == other
    assert LocalSync(ana.store).state("hub_id") == hub_server.hub.hub_id


def test_a_clashing_status_takes_its_not_met_fields_with_it(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    ana, ben = laptop("ana"), laptop("ben")
    validation_id = planned(ana)
    sync(ana, hub_server.url, miami["ana"])
    sync(ben, hub_server.url, miami["ben"])
    session(ana, validation_id).record_finding("4.2", status="met", note="Seal log seen")
    session(ben, validation_id).record_finding(
        "4.2", status="not-met", reasons=["no-evidence"], action="Show the seal log"
    )
    sync(ana, hub_server.url, miami["ana"])
    report = sync(ben, hub_server.url, miami["ben"])
    fields = {c.field for c in LocalSync(ben.store).conflicts()}
    assert fields == {"status", "reasons", "action", "due"}
    assert report.new_conflicts == 4
    # Neither side is half-applied anywhere: the hub still has Ana's whole decision,
    # while Ben's note-free not-met stays whole on his laptop.
    hub_finding = hub_server.hub.record("finding", finding_id(validation_id, "4.2"))
    assert hub_finding is not None
    assert (hub_finding.fields["status"], hub_finding.fields["reasons"]) == ("met", "[]")
    assert hub_finding.fields["note"] == "Seal log seen"
    mine = findings_of(ben, validation_id)["4.2"]
    assert mine.status.value == "not-met" and mine.reasons == ("no-evidence",)
    assert mine.note == "Seal log seen"  # Ana's note merged: only she changed it

    status_conflict = next(c for c in LocalSync(ben.store).conflicts() if c.field == "status")
    LocalSync(ben.store).resolve(status_conflict.id, "theirs", "ben")
    assert LocalSync(ben.store).conflicts() == []
    theirs = findings_of(ben, validation_id)["4.2"]
    assert (theirs.status.value, theirs.reasons, theirs.action, theirs.due) == ("met", (), "", None)
    sync(ben, hub_server.url, miami["ben"])
    sync(ana, hub_server.url, miami["ana"])
    assert findings_of(ana, validation_id) == findings_of(ben, validation_id)


def test_submit_approve_and_sign_across_laptops(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    sam_token = hub_server.add_user("sam", "supervisor", "Miami")
    ana, sam, ben = laptop("ana"), laptop("sam"), laptop("ben")
    validation_id = planned(ana)
    work = session(ana, validation_id)
    work.replace_findings([Finding(c.id, FindingStatus.MET) for c in work.catalog.criteria])
    approval.submit_for_review(ana, validation_id)
    sync(ana, hub_server.url, miami["ana"])
    with pytest.raises(RuleError, match="only a supervisor approves"):
        approval.approve(ana, validation_id)

    sync(sam, hub_server.url, sam_token)
    approval.approve(sam, validation_id, "Checked against the worksheet")
    assert sync(sam, hub_server.url, sam_token).rejected == []
    sync(ana, hub_server.url, miami["ana"])
    assert ana.store.validation(validation_id).status is Lifecycle.APPROVED
    report = ReportRecord(1, "ab" * 32, "Ana SCSS", "2026-11-29T10:00:00Z", "report-v1.pdf", "en")
    ana.store.issue_report(validation_id, report, "ana")  # offline, then synced
    result = sync(ana, hub_server.url, miami["ana"])
    assert result.rejected == [] and result.pending == 0
    hub_validation = hub_server.hub.record("validation", validation_id)
    assert hub_validation is not None and hub_validation.fields["status"] == "signed"

    sync(ben, hub_server.url, miami["ben"])
    assert ben.store.validation(validation_id).status is Lifecycle.SIGNED
    assert [r.version for r in ben.store.reports(validation_id)] == [1]
    with pytest.raises(RuleError, match="locked"):
        session(ben, validation_id).record_finding("1.2", status="not-applicable")
    assert [h["action"] for h in approval.review_history(ana, validation_id)] == [
        "submit",
        "sign",
    ]
    (approved,) = approval.review_history(sam, validation_id)
    assert approved["action"] == "approve" and approved["by"] == "sam"
    assert "Checked against the worksheet" in approved["changes"]


def test_a_laptop_cannot_slip_an_approval_past_the_hub(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    ana = laptop("ana")
    validation_id = planned(ana)
    sync(ana, hub_server.url, miami["ana"])
    # However the status got there (an old version, a hand-edited database …).
    ana.store.set_status(validation_id, Lifecycle.APPROVED, "ana")
    refused = sync(ana, hub_server.url, miami["ana"])
    assert any("only a supervisor approves" in r["error"] for r in refused.rejected)
    hub_validation = hub_server.hub.record("validation", validation_id)
    assert hub_validation is not None and hub_validation.fields["status"] == "planned"


def test_a_meaningless_record_from_the_hub_is_parked_and_breaks_nothing(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    """A hub of an earlier release (or a tampered database) holds nonsense: the laptop
    keeps it aside, says so, and every list, report and figure still works."""
    import json

    import sqlalchemy as sa

    from ctpat_desktop.analytics import compute_stats
    from ctpat_desktop.hub.tables import hub_records
    from ctpat_desktop.services.views import summary_view

    ana, ben = laptop("ana"), laptop("ben")
    validation_id = planned(ana)
    work = session(ana, validation_id)
    work.record_finding("1.1", status="met")
    work.record_finding("1.2", status="met")
    sync(ana, hub_server.url, miami["ana"])
    bad = finding_id(validation_id, "1.2")
    with hub_server.hub.engine.begin() as conn:  # behind the hub's checks
        row = conn.execute(sa.select(hub_records.c.fields).where(hub_records.c.id == bad)).one()
        fields = json.loads(row.fields) | {"status": "bogus", "reasons": '["because"]'}
        conn.execute(
            sa.update(hub_records).where(hub_records.c.id == bad).values(fields=json.dumps(fields))
        )
    report = sync(ben, hub_server.url, miami["ben"])
    assert [p["id"] for p in report.parked] == [bad]
    assert "'bogus' is not a valid finding status" in report.parked[0]["problem"]
    assert set(findings_of(ben, validation_id)) == {"1.1"}
    assert [summary_view(s)["id"] for s in ben.store.list_validations()] == [validation_id]
    figures = compute_stats(ben.store, ben.catalogs.categories, ben.catalogs.reasons)
    # In progress since its first finding: 1.1 counts, the parked 1.2 does not; no crash.
    assert figures["findings_reviewed"] == 1
    session(ben, validation_id).record_finding("1.3", status="met")  # work goes on


def test_a_laptop_without_an_office_adopts_the_hub_user_s(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    ana = laptop("ana", office="")
    validation_id = planned(ana)
    assert ana.store.validation(validation_id).office == ""
    session(ana, validation_id).record_finding("1.1", status="met")
    report = sync(ana, hub_server.url, miami["ana"])
    assert report.rejected == [] and report.pending == 0
    assert ana.store.validation(validation_id).office == "Miami"
    assert hub_server.hub.record("validation", validation_id) is not None
    ben = laptop("ben")
    sync(ben, hub_server.url, miami["ben"])
    assert set(findings_of(ben, validation_id)) == {"1.1"}


def test_an_approval_the_hub_never_recorded_signs_nothing(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop, tmp_path: object
) -> None:
    """An SCSS who edits the laptop's role flag approves locally, but cannot sign."""
    from pathlib import Path

    from ctpat_desktop.services.report_io import issue_report

    ana = laptop("ana")
    validation_id = planned(ana)
    work = session(ana, validation_id)
    work.replace_findings([Finding(c.id, FindingStatus.MET) for c in work.catalog.criteria])
    approval.submit_for_review(ana, validation_id)
    sync(ana, hub_server.url, miami["ana"])
    LocalSync(ana.store).set_state({"hub_role": "supervisor"})  # forged
    approval.approve(ana, validation_id)
    assert ana.store.validation(validation_id).status is Lifecycle.APPROVED
    target = Path(str(tmp_path)) / "report.pdf"
    with pytest.raises(RuleError, match="hub has not recorded a supervisor's approval"):
        issue_report(ana, validation_id, target, None, None)  # type: ignore[arg-type]
    assert not target.exists()
