"""Follow-up records through a real hub: appended after signing on one laptop, seen and
continued on another, out of other offices' sight, and refused when they mean nothing."""

import uuid
from typing import Any

import pytest

from ctpat_desktop.app import AppContext
from ctpat_desktop.services import approval, followup
from ctpat_desktop.store.records import ReportRecord
from ctpat_desktop.sync.client import HubClient
from ctpat_desktop.sync.local import LocalSync
from ctpat_desktop.sync.protocol import Mutation
from ctpat_desktop.worksheet import Finding, FindingStatus
from tests.hubkit import ServedHub
from tests.sync.conftest import Laptop, sync
from tests.sync.helpers import planned, session

STAMP = "2026-12-01T10:00:00.000000Z"


def _signed(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop, ana: AppContext
) -> tuple[str, AppContext, str]:
    """A validation with a required action (4.8) and a recommendation (4.4), approved on
    the hub by a supervisor and signed on ana's laptop (not synced since)."""
    sam_token = hub_server.add_user("sam", "supervisor", "Miami")
    sam = laptop("sam")
    validation_id = planned(ana)
    work = session(ana, validation_id)
    not_met = {
        "4.8": Finding("4.8", FindingStatus.NOT_MET, ("training-gap",), action="Enforce MFA"),
        "4.4": Finding("4.4", FindingStatus.NOT_MET, ("technology-gap",)),
    }
    work.replace_findings(
        [not_met.get(c.id, Finding(c.id, FindingStatus.MET)) for c in work.catalog.criteria]
    )
    approval.submit_for_review(ana, validation_id)
    sync(ana, hub_server.url, miami["ana"])
    sync(sam, hub_server.url, sam_token)
    approval.approve(sam, validation_id)
    sync(sam, hub_server.url, sam_token)
    sync(ana, hub_server.url, miami["ana"])
    report = ReportRecord(1, "ab" * 32, "Ana SCSS", "2026-11-29T10:00:00Z", "report-v1.pdf", "en")
    ana.store.issue_report(validation_id, report, "ana")
    return validation_id, sam, sam_token


def test_follow_up_appended_after_signing_reaches_a_colleague(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    ana, ben = laptop("ana"), laptop("ben")
    validation_id, _sam, _token = _signed(hub_server, miami, laptop, ana)
    # Recorded before the signature reached the hub: one sync carries both, in order.
    followup.respond(ana, validation_id, "4.8", implemented=True, note="MFA on since June")
    followup.extend(ana, validation_id, "4.8", days=60, reason="New VPN appliance")
    followup.extend(ana, validation_id, "4.8", days=30, reason="Appliance delivery late")
    first = sync(ana, hub_server.url, miami["ana"])
    assert first.rejected == [] and first.pending == 0

    sync(ben, hub_server.url, miami["ben"])
    seen = followup.follow_up_log(ben, validation_id).item("4.8")
    assert seen is not None
    assert [r.number for r in seen.track.records] == [1, 2, 3]
    assert [r.days for r in seen.track.extensions] == [60, 30]
    assert seen.track.state == "response received: to review"
    followup.decide(ben, validation_id, "4.8", accepted=True)
    followup.close(ben, validation_id, "4.8", note="MFA logs checked")
    assert sync(ben, hub_server.url, miami["ben"]).rejected == []

    sync(ana, hub_server.url, miami["ana"])
    closed = followup.follow_up_log(ana, validation_id).item("4.8")
    assert closed is not None and closed.track.closed
    assert [r.recorded_by for r in closed.track.records] == ["ana", "ana", "ana", "ben", "ben"]
    assert LocalSync(ana.store).pending_count() == 0
    pulled = [e for e in ana.store.audit_events(validation_id) if e["kind"] == "followup"]
    assert [e["action"] for e in pulled][-2:] == ["sync", "sync"]

    chicago = hub_server.add_user("cy", "scss", "Chicago")
    with HubClient(hub_server.url, chicago) as client:
        feed, _next, _more = client.changes(0, 500)
    assert not [c for c in feed if c.kind == "followup"]


def _record(validation_id: str, **fields: Any) -> dict[str, Any]:
    return {
        "validation_id": validation_id,
        "criterion": "4.8",
        "number": 1,
        "event": "response",
        "report_version": 1,
        "note": "Done",
        "implemented": True,
        "accepted": None,
        "days": None,
        "recorded_at": STAMP,
        "recorded_by": "ana",
    } | fields


def test_the_hub_refuses_follow_up_that_means_nothing(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    ana = laptop("ana")
    validation_id, _sam, _token = _signed(hub_server, miami, laptop, ana)
    unsigned = planned(ana, account="IM-2002")
    sync(ana, hub_server.url, miami["ana"])
    bad = {
        "unsigned": _record(unsigned),
        "no report": _record(validation_id, report_version=2),
        "met finding": _record(validation_id, criterion="1.1"),
        "out of order": _record(validation_id, number=2),
        "45 days": _record(
            validation_id, event="extension", implemented=None, days=45, note="Because"
        ),
        "no reason": _record(validation_id, event="extension", implemented=None, days=30, note=""),
        "recommendation extended": _record(
            validation_id, criterion="4.4", event="extension", implemented=None, days=30
        ),
        "nothing to decide": _record(
            validation_id, event="decision", implemented=None, accepted=True
        ),
        "closed unaccepted": _record(validation_id, event="closure", implemented=None),
        "bad time": _record(validation_id, recorded_at="yesterday"),
    }
    with HubClient(hub_server.url, miami["ana"]) as client:
        results = client.push(
            [
                Mutation(uuid.uuid4().hex, "followup", str(uuid.uuid4()), 0, fields)
                for fields in bad.values()
            ]
        )
        errors = dict(zip(bad, (r.get("error", "") for r in results), strict=True))
        assert [r["outcome"] for r in results] == ["rejected"] * len(bad), errors
        assert "is not signed on the hub" in errors["unsigned"]
        assert "no signed report version 2" in errors["no report"]
        assert "only for a not-met finding" in errors["met finding"]
        assert "record 2 is out of order; the next is 1" in errors["out of order"]
        assert "30, 60, 90 or 120 days" in errors["45 days"]
        assert "needs a reason" in errors["no reason"]
        assert "only a required action's due date is extended" in errors["recommendation extended"]
        assert "no member's response to accept or reject" in errors["nothing to decide"]
        assert "once the member's response is accepted" in errors["closed unaccepted"]
        assert "not a UTC timestamp" in errors["bad time"]

        # In order, they are taken: a response, its acceptance, the closure; then nothing.
        good = [
            _record(validation_id),
            _record(validation_id, number=2, event="decision", implemented=None, accepted=True),
            _record(validation_id, number=3, event="closure", implemented=None, note=""),
            _record(validation_id, number=4, event="extension", implemented=None, days=30),
        ]
        results = client.push(
            [Mutation(uuid.uuid4().hex, "followup", str(uuid.uuid4()), 0, f) for f in good]
        )
    assert [r["outcome"] for r in results] == ["applied"] * 3 + ["rejected"]
    assert "nothing follows its closure" in results[3]["error"]


@pytest.mark.parametrize("hub_db_url", ["sqlite"], indirect=True)
def test_a_hub_that_does_not_know_follow_up_keeps_it_waiting(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    """A hub of an earlier release refuses the kind by name; the record stays pending on
    the laptop and goes up with the next sync once the hub knows it."""
    ana = laptop("ana")
    validation_id, _sam, _token = _signed(hub_server, miami, laptop, ana)
    followup.respond(ana, validation_id, "4.8", implemented=False, note="Next quarter")
    local = LocalSync(ana.store)
    local.prepare()
    followups_out = [m for m in local.outbox() if m.kind == "followup"]
    answers = [
        {"key": m.key, "outcome": "rejected", "error": "unknown kind 'followup'"}
        for m in followups_out
    ]
    done = local.settle(followups_out, answers, "ana")
    assert [r["error"] for r in done.rejected] == ["unknown kind 'followup'"]
    assert local.pending_count() >= 1
    again = sync(ana, hub_server.url, miami["ana"])
    assert again.rejected == [] and again.pending == 0
    assert hub_server.hub.record("followup", followups_out[0].id) is not None
