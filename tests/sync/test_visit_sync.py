"""The records around the checklist through a real hub: a colleague sees them, edits and
removals travel, other offices see nothing, and the hub refuses values that mean nothing
and changes to a signed validation (but the supervisor's decision)."""

import uuid

from ctpat_desktop.app import AppContext
from ctpat_desktop.records.kinds import (
    DECISION,
    INTERVIEW,
    OUTCOME,
    PARTICIPANT,
    SITE,
    TOUR_STOP,
)
from ctpat_desktop.services import approval, visit
from ctpat_desktop.store.records import ReportRecord
from ctpat_desktop.sync.client import HubClient
from ctpat_desktop.sync.local import LocalSync
from ctpat_desktop.sync.protocol import Mutation
from ctpat_desktop.worksheet import Finding, FindingStatus, Lifecycle
from tests.hubkit import ServedHub
from tests.sync.conftest import Laptop, sync
from tests.sync.helpers import planned, session


def _values(ctx: AppContext, validation_id: str) -> dict[str, list[dict[str, object]]]:
    found = session(ctx, validation_id).visit_records()
    return {kind: [{"id": i.id, **i.values} for i in items] for kind, items in found.items()}


def test_visit_records_reach_a_colleague_and_stay_in_the_office(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    ana, ben = laptop("ana"), laptop("ben")
    validation_id = planned(ana)
    site = visit.add(ana, validation_id, SITE, {"name": "Plant 1", "type": "facility"})
    luis = visit.add(ana, validation_id, PARTICIPANT, {"name": "Luis", "days": ["2026-11-02"]})
    visit.add(ana, validation_id, INTERVIEW, {"topic": "Badges", "participant_id": luis.id})
    visit.add(ana, validation_id, TOUR_STOP, {"area": "Dock 3", "site_id": site.id})
    visit.put(ana, validation_id, OUTCOME, {"result": "tier-2", "reason": "All musts met"})
    first = sync(ana, hub_server.url, miami["ana"])
    assert first.rejected == [] and first.pending == 0

    sync(ben, hub_server.url, miami["ben"])
    assert _values(ben, validation_id) == _values(ana, validation_id)
    assert ben.store.validation(validation_id).participants == ("Luis",)

    visit.edit(ben, validation_id, SITE, site.id, {"address": "Av. 4"})
    visit.remove(ben, validation_id, TOUR_STOP, visit.records(ben, validation_id, TOUR_STOP)[0].id)
    assert sync(ben, hub_server.url, miami["ben"]).rejected == []
    sync(ana, hub_server.url, miami["ana"])
    [moved] = visit.records(ana, validation_id, SITE)
    assert moved.values["address"] == "Av. 4" and moved.updated_by == "ben"
    assert visit.records(ana, validation_id, TOUR_STOP) == []
    assert LocalSync(ana.store).pending_count() == 0
    pulled = [e for e in ana.store.audit_events(validation_id) if e["kind"] == "site"]
    assert [e["action"] for e in pulled] == ["create", "sync"]

    chicago = hub_server.add_user("cy", "scss", "Chicago")
    with HubClient(hub_server.url, chicago) as client:
        feed, _next, _more = client.changes(0, 500)
    assert not [c for c in feed if c.kind in ("site", "participant", "tour_stop", "outcome")]


def test_the_hub_refuses_what_means_nothing_and_what_signing_locked(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    ana = laptop("ana")
    sam_token = hub_server.add_user("sam", "supervisor", "Miami")
    sam = laptop("sam")
    validation_id = planned(ana)
    site = visit.add(ana, validation_id, SITE, {"name": "Plant 1", "type": "facility"})
    visit.put(ana, validation_id, OUTCOME, {"result": "tier-2"})
    work = session(ana, validation_id)
    work.replace_findings([Finding(c.id, FindingStatus.MET) for c in work.catalog.criteria])
    approval.submit_for_review(ana, validation_id)
    sync(ana, hub_server.url, miami["ana"])

    bad_site = {
        "validation_id": validation_id,
        "name": "Plant 2",
        "type": "castle",
        "address": "",
        "country": "",
    }
    with HubClient(hub_server.url, miami["ana"]) as client:
        [refused] = client.push(
            [Mutation(uuid.uuid4().hex, "site", str(uuid.uuid4()), 0, bad_site)]
        )
    assert refused["outcome"] == "rejected" and "is not one of facility" in refused["error"]

    sync(sam, hub_server.url, sam_token)
    approval.approve(sam, validation_id)
    sync(sam, hub_server.url, sam_token)
    sync(ana, hub_server.url, miami["ana"])
    report = ReportRecord(1, "ab" * 32, "Ana SCSS", "2026-11-29T10:00:00Z", "report-v1.pdf", "en")
    ana.store.issue_report(validation_id, report, "ana")
    assert sync(ana, hub_server.url, miami["ana"]).rejected == []

    # Signed on the hub: a site changed by a laptop that missed it is refused there.
    [base] = ana.store.read("SELECT server_rev FROM sync_base WHERE id = ?", (site.id,))
    rev = base["server_rev"]
    with HubClient(hub_server.url, miami["ana"]) as client:
        [locked] = client.push(
            [Mutation(uuid.uuid4().hex, "site", site.id, rev, {"name": "Plant 9"})]
        )
    assert locked["outcome"] == "rejected" and "is signed" in locked["error"]

    # The supervisor's decision comes after signing, and travels.
    sync(sam, hub_server.url, sam_token)
    visit.put(sam, validation_id, DECISION, {"decision": "agreed", "decided_on": "2026-12-01"})
    assert sync(sam, hub_server.url, sam_token).rejected == []
    sync(ana, hub_server.url, miami["ana"])
    [decision] = visit.records(ana, validation_id, DECISION)
    assert decision.values["result"] == "tier-2" and decision.updated_by == "sam"
    assert ana.store.validation(validation_id).status is Lifecycle.SIGNED

    # Only a supervisor decides: the hub refuses an SCSS's change to the decision.
    [base] = ana.store.read("SELECT server_rev FROM sync_base WHERE id = ?", (decision.id,))
    with HubClient(hub_server.url, miami["ana"]) as client:
        rev, note = base["server_rev"], {"note": "Agreed, says the SCSS"}
        [refused] = client.push([Mutation(uuid.uuid4().hex, "decision", decision.id, rev, note)])
    assert refused["outcome"] == "rejected"
    assert "only a supervisor decides the outcome" in refused["error"]
