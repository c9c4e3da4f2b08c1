"""The records around the checklist through the service and the CLI: checked as typed,
audited, waiting for sync, locked by signing (but the decision), and shown by
`validation show --json`."""

import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import ExchangeError, NotFoundError, RuleError
from ctpat_desktop.records.kinds import (
    DECISION,
    DOCUMENT_REQUEST,
    FINDING_SITE,
    INTERVIEW,
    OUTCOME,
    PARTICIPANT,
    SITE,
    TEAM_MEMBER,
    TOUR_STOP,
)
from ctpat_desktop.services import visit
from ctpat_desktop.services.validations import (
    ValidationSession,
    plan_validation,
    update_validation,
)
from ctpat_desktop.store import ReportRecord
from ctpat_desktop.sync.local import LocalSync
from ctpat_desktop.worksheet import Lifecycle
from tests.conftest import CliResult

ON = date(2026, 3, 10)
Cli = Callable[..., CliResult]


@pytest.fixture
def vid(ctx: AppContext) -> str:
    return plan_validation(
        ctx,
        member="Sierra Madre Textiles",
        account="MX-40117",
        entity="importer",
        on=ON,
        participants=("Ana Ruiz",),
    ).id


def _sign(ctx: AppContext, validation_id: str) -> None:
    ctx.store.set_status(validation_id, Lifecycle.APPROVED, "Sam Supervisor")
    record = ReportRecord(1, "ab" * 32, "T", "2026-06-01T10:00:00Z", "r.pdf", "en")
    ctx.store.issue_report(validation_id, record, "tester")


def _supervisor(ctx: AppContext) -> None:
    LocalSync(ctx.store).set_state({"hub_role": "supervisor"})


def _status(ctx: AppContext, validation_id: str) -> Lifecycle:
    return ctx.store.validation(validation_id).status


def test_records_are_audited_and_wait_for_sync(ctx: AppContext, vid: str) -> None:
    sync = LocalSync(ctx.store)
    before = sync.pending_count()
    site = visit.add(ctx, vid, SITE, {"name": "Plant 1", "type": "facility", "country": "MX"})
    changed = visit.edit(ctx, vid, SITE, site.id[:6], {"address": "Av. Industrial 4"})
    assert changed.rev == 2 and changed.values["address"] == "Av. Industrial 4"
    assert sync.pending_count() == before + 1  # one record, with its latest revision
    sync.prepare()
    sent = [m for m in sync.outbox() if m.kind == "site"]
    assert [m.fields["address"] for m in sent] == ["Av. Industrial 4"]
    assert sent[0].fields["validation_id"] == vid
    visit.remove(ctx, vid, SITE, site.id)
    events = [e for e in ctx.store.audit_events(vid) if e["kind"] == "site"]
    assert [e["action"] for e in events] == ["create", "update", "remove"]
    assert json.loads(events[1]["changes"]) == {"address": ["", "Av. Industrial 4"]}
    assert ctx.store.verify_audit() is None
    assert visit.records(ctx, vid, SITE) == []


def test_values_are_checked_as_typed(ctx: AppContext, vid: str) -> None:
    with pytest.raises(RuleError, match="site type 'castle' is not one of facility"):
        visit.add(ctx, vid, SITE, {"name": "Plant", "type": "castle"})
    with pytest.raises(RuleError, match="a site needs its name"):
        visit.add(ctx, vid, SITE, {"name": "", "type": "office"})
    with pytest.raises(RuleError, match="country"):
        visit.add(ctx, vid, SITE, {"name": "Plant", "type": "office", "country": "Mexico"})
    with pytest.raises(RuleError, match="requested later"):
        visit.add(
            ctx,
            vid,
            DOCUMENT_REQUEST,
            {"what": "Seal log", "requested_on": "2026-03-01", "received_on": "2026-02-20"},
        )
    with pytest.raises(RuleError, match="line breaks"):
        visit.add(ctx, vid, TEAM_MEMBER, {"name": "Ana\nRuiz", "role": "co-scss"})
    assert all(not visit.records(ctx, vid, k) for k in (SITE, DOCUMENT_REQUEST, TEAM_MEMBER))


def test_references_are_found_and_kept(ctx: AppContext, vid: str) -> None:
    site = visit.add(ctx, vid, SITE, {"name": "Plant 1", "type": "facility"})
    luis = visit.add(ctx, vid, PARTICIPANT, {"name": "Luis Soto", "role": "Security manager"})
    with pytest.raises(NotFoundError, match="no participant '0000'"):
        visit.add(ctx, vid, INTERVIEW, {"topic": "Badges", "participant_id": "0000"})
    with pytest.raises(RuleError, match="needs its who"):
        visit.add(ctx, vid, INTERVIEW, {"topic": "Badges"})
    talk = visit.add(ctx, vid, INTERVIEW, {"topic": "Badges", "participant_id": luis.id[:5]})
    assert talk.values["participant_id"] == luis.id
    stop = visit.add(ctx, vid, TOUR_STOP, {"area": "Dock 3", "site_id": site.id[:8]})
    with pytest.raises(RuleError, match="names this participant"):
        visit.remove(ctx, vid, PARTICIPANT, luis.id)
    with pytest.raises(RuleError, match="names this site"):
        visit.remove(ctx, vid, SITE, site.id)
    visit.remove(ctx, vid, TOUR_STOP, stop.id)
    visit.remove(ctx, vid, SITE, site.id)  # nothing names it now
    evidence = ValidationSession(ctx, vid).attach_evidence_bytes(b"seal log", "seals.png", "6.1")
    received = visit.add(
        ctx,
        vid,
        DOCUMENT_REQUEST,
        {"what": "Seal log", "received_on": "2026-03-02", "evidence_id": evidence.id[:6]},
    )
    assert received.values["evidence_id"] == evidence.id


def test_a_signed_validation_refuses_all_but_the_decision(ctx: AppContext, vid: str) -> None:
    site = visit.add(ctx, vid, SITE, {"name": "Plant 1", "type": "facility"})
    visit.put(ctx, vid, OUTCOME, {"result": "tier-2", "reason": "All musts met"})
    _sign(ctx, vid)
    with pytest.raises(RuleError, match="signed and locked"):
        visit.edit(ctx, vid, SITE, site.id, {"name": "Plant 2"})
    with pytest.raises(RuleError, match="signed and locked"):
        visit.put(ctx, vid, OUTCOME, {"result": "tier-3"})
    # The database refuses it too, whoever writes (a lock trigger, as for findings).
    with pytest.raises(RuleError, match="signed and locked"), ctx.store.transaction() as conn:
        conn.execute("UPDATE visit_sites SET name = 'X' WHERE id = ?", (site.id,))
    with pytest.raises(RuleError, match="only a supervisor"):
        visit.put(ctx, vid, DECISION, {"decision": "agreed", "decided_on": "2026-06-03"})
    _supervisor(ctx)
    decided = visit.put(ctx, vid, DECISION, {"decision": "agreed", "decided_on": "2026-06-03"})
    assert decided.values["result"] == "tier-2"  # agreed: the proposed result
    assert _status(ctx, vid) is Lifecycle.SIGNED


def test_a_change_after_approval_sends_it_back_to_review(ctx: AppContext, vid: str) -> None:
    ctx.store.set_status(vid, Lifecycle.APPROVED, "Sam Supervisor")
    visit.add(ctx, vid, TEAM_MEMBER, {"name": "Daniel Okafor", "role": "co-scss"})
    assert _status(ctx, vid) is Lifecycle.IN_REVIEW


def test_outcome_and_decision_rules(ctx: AppContext, vid: str) -> None:
    _supervisor(ctx)
    with pytest.raises(RuleError, match="no proposed outcome"):
        visit.put(ctx, vid, DECISION, {"decision": "agreed", "decided_on": "2026-06-03"})
    carrier = plan_validation(
        ctx, member="Transportes", account="MX-51902", entity="highway-carrier", on=ON
    )
    with pytest.raises(RuleError, match="a tier is proposed for an importer"):
        visit.put(ctx, carrier.id, OUTCOME, {"result": "tier-3"})
    visit.put(ctx, vid, OUTCOME, {"result": "tier-3", "reason": "Exceeds 4.8"})
    with pytest.raises(RuleError, match="keeps the proposed result"):
        visit.put(
            ctx,
            vid,
            DECISION,
            {"decision": "agreed", "result": "tier-2", "decided_on": "2026-06-03"},
        )
    with pytest.raises(RuleError, match="needs the result decided"):
        visit.put(ctx, vid, DECISION, {"decision": "changed", "decided_on": "2026-06-03"})
    visit.put(
        ctx, vid, DECISION, {"decision": "changed", "result": "tier-2", "decided_on": "2026-06-03"}
    )
    with pytest.raises(RuleError, match="stays as decided"):
        visit.put(ctx, vid, OUTCOME, {"result": "continued-certification"})
    with pytest.raises(RuleError, match="stays as decided"):
        visit.remove(ctx, vid, OUTCOME, "")
    [outcome] = visit.records(ctx, vid, OUTCOME)
    assert outcome.id == visit.single_id(OUTCOME, vid)  # the same on every laptop


def test_participant_records_take_over_the_names(ctx: AppContext, vid: str) -> None:
    visit.add(
        ctx,
        vid,
        PARTICIPANT,
        {"name": "Luis Soto", "organisation": "member", "days": ["2026-03-11", "2026-03-10"]},
    )
    records = visit.records(ctx, vid, PARTICIPANT)
    assert [p.values["name"] for p in records] == ["Ana Ruiz", "Luis Soto"]
    assert records[1].values["days"] == ["2026-03-10", "2026-03-11"]
    assert ctx.store.validation(vid).participants == ("Ana Ruiz", "Luis Soto")
    # Names edited the older way (the validation's dialog) move the records along.
    update_validation(ctx, vid, participants=("Luis Soto", "María Pérez"))
    names = [p.values["name"] for p in visit.records(ctx, vid, PARTICIPANT)]
    assert names == ["Luis Soto", "María Pérez"]
    assert ctx.store.validation(vid).participants == ("Luis Soto", "María Pérez")
    visit.edit(ctx, vid, PARTICIPANT, records[1].id, {"name": "Luis A. Soto"})
    assert ctx.store.validation(vid).participants == ("Luis A. Soto", "María Pérez")


def test_a_validation_without_records_keeps_its_names(ctx: AppContext, vid: str) -> None:
    update_validation(ctx, vid, participants=("Ana Ruiz", "Beto Gómez"))
    assert ctx.store.validation(vid).participants == ("Ana Ruiz", "Beto Gómez")
    assert visit.records(ctx, vid, PARTICIPANT) == []


def test_the_cli_adds_lists_edits_and_removes(cli: Cli) -> None:
    made = cli("validation", "new", "--member", "Acme", "--account", "IM-1001", "--entity",
               "importer", "--date", "2026-03-10", "--json")  # fmt: skip
    vid = made.json()["id"]
    added = cli("site", "add", vid, "--name", "Plant 1", "--type", "warehouse", "--json")
    assert added.code == 0, added.err
    site_id = added.json()["id"]
    person = cli("participant", "add", vid, "--name", "Luis Soto", "--organisation", "member",
                 "--days", "2026-03-10", "--days", "2026-03-11", "--json")  # fmt: skip
    assert person.json()["days"] == ["2026-03-10", "2026-03-11"]
    tour = cli("tour", "add", vid, "--area", "Dock 3", "--at", "2026-03-10T10:15",
               "--site-id", site_id[:6], "--note", "Seals checked")  # fmt: skip
    assert tour.code == 0 and "Recorded tour stop Dock 3" in tour.out
    assert cli("outcome", "set", vid, "--result", "continued-certification").code == 0
    listed = cli("site", "list", vid, "--json").json()
    assert [s["name"] for s in listed["sites"]] == ["Plant 1"]
    edited = cli("site", "edit", vid, site_id[:8], "--address", "Calle 5", "--json")
    assert edited.json()["address"] == "Calle 5"
    assert cli("site", "edit", vid, site_id, "--clear", "address", "--json").json()["address"] == ""

    shown = cli("validation", "show", vid, "--json").json()
    assert shown["sites"][0]["id"] == site_id
    assert shown["participants"][0]["name"] == "Luis Soto"
    assert shown["tour_log"][0]["site_id"] == site_id
    assert shown["outcome"]["result"] == "continued-certification"
    assert shown["decision"] is None and shown["interviews"] == [] and shown["team"] == []
    assert shown["validation"]["participants"] == ["Luis Soto"]  # the older key still there
    text = cli("validation", "show", vid)
    assert "site: Plant 1" in text.out and "tour stop: Dock 3" in text.out

    bad = [
        cli("site", "add", vid, "--name", "X", "--type", "castle"),
        cli("site", "edit", vid, "ffff", "--name", "Y"),
        cli("tour", "add", vid, "--area", "Gate", "--at", "10:15"),
        cli("decision", "set", vid, "--decision", "agreed", "--decided-on", "2026-06-01"),
        cli("site", "edit", vid, site_id, "--address", "A", "--clear", "address"),
    ]
    assert [r.code for r in bad] == [1] * len(bad)
    assert all(r.err.count("\n") == 1 and r.err.startswith("ctpat-desktop: error:") for r in bad)
    usage = [
        ("site", "add", vid),  # --name and --type are required
        ("site", "edit", vid),
        ("outcome", "set"),
        ("site", "edit", vid, site_id, "--clear", "name"),  # a site cannot be nameless
    ]
    for args in usage:
        with pytest.raises(SystemExit) as stopped:
            cli(*args)
        assert stopped.value.code == 2, args
    assert cli("site", "remove", vid, site_id[:8]).code == 1  # the tour stop names it
    assert cli("site", "list", vid, "--json").json()["sites"][0]["address"] == ""


def test_exchange_files_carry_the_records(ctx: AppContext, vid: str, tmp_path: Any) -> None:
    from ctpat_desktop.services.exchange import export_validation, import_validation
    from ctpat_desktop.settings import Settings

    site = visit.add(ctx, vid, SITE, {"name": "Plant 1", "type": "facility"})
    luis = visit.add(ctx, vid, PARTICIPANT, {"name": "Luis Soto", "days": ["2026-03-10"]})
    visit.add(ctx, vid, INTERVIEW, {"topic": "Badges", "participant_id": luis.id})
    evidence = ValidationSession(ctx, vid).attach_evidence_bytes(b"dock", "dock.png", "9.1")
    visit.add(ctx, vid, TOUR_STOP, {"area": "Dock", "site_id": site.id, "evidence_id": evidence.id})
    visit.put(ctx, vid, OUTCOME, {"result": "tier-2"})
    visit.add(ctx, vid, FINDING_SITE, {"criterion": "9.1", "site_id": site.id})
    path = tmp_path / "v.json"
    document = export_validation(ctx, vid, path)
    assert document["interviews"][0]["participant_id"] == luis.id

    other = AppContext(tmp_path / "other", Settings(user="ben"))
    try:
        import_validation(other, path)
        found = ValidationSession(other, vid).visit_records()
        mine = ValidationSession(ctx, vid).visit_records()
        assert {k: [i.values for i in v] for k, v in found.items()} == {
            k: [i.values for i in v] for k, v in mine.items()
        }
        assert [i.id for i in found["tour_stop"]] == [i.id for i in mine["tour_stop"]]
        assert other.store.verify_audit() is None

    finally:
        other.close()

    third = AppContext(tmp_path / "third", Settings(user="cy"))
    try:
        # A file that names a participant it lacks is refused whole.
        broken = dict(document, participants=[])
        path.write_text(json.dumps(broken))
        with pytest.raises(ExchangeError, match="names a participant the file lacks") as refused:
            import_validation(third, path)
        assert "v.json" in str(refused.value)
        assert not third.store.exists(vid)

        # A file of an older version has none of these keys, and imports as before.
        keys = ("sites", "participants", "interviews", "tour_log", "outcome", "decision", "team")
        newer = (*keys, "document_requests", "finding_sites")
        older = {k: v for k, v in document.items() if k not in newer}
        path.write_text(json.dumps(older))
        import_validation(third, path)
        assert all(not v for v in ValidationSession(third, vid).visit_records().values())
    finally:
        third.close()


def test_a_demo_validation_shows_its_visit(cli: Cli) -> None:
    from ctpat_desktop.services.demo import SAMPLES

    assert cli("demo").code == 0
    validations = cli("validation", "list", "--json").json()["validations"]
    listed = {v["account"]: v["id"] for v in validations}
    approved = next(s for s in SAMPLES if s.status is Lifecycle.APPROVED and s.mode == "virtual")
    shown = cli("validation", "show", listed[approved.account], "--json").json()
    assert shown["validation"]["status"] == "approved"  # the records came before approval
    assert shown["sites"] and all(s["country"] == "MX" for s in shown["sites"])
    assert len(shown["document_requests"]) >= 2
    assert all(d["received_on"] for d in shown["document_requests"])
    assert {p["role"] for p in shown["participants"]} >= {"Security manager", "IT manager"}
    assert shown["validation"]["participants"] == [p["name"] for p in shown["participants"]]
    assert shown["tour_log"] and shown["tour_log"][0]["site_id"] == shown["sites"][0]["id"]
    people = {p["id"] for p in shown["participants"]}
    assert shown["interviews"] and all(i["participant_id"] in people for i in shown["interviews"])
    assert [m["role"] for m in shown["team"]][:1] == ["scss"]
    assert shown["outcome"]["result"] == "continued-certification"
    assert shown["decision"]["decision"] == "agreed"
    assert "session_time" in shown and "followups" in shown
    planned = next(s for s in SAMPLES if s.status is Lifecycle.PLANNED)
    ahead = cli("validation", "show", listed[planned.account], "--json").json()
    assert ahead["sites"] and ahead["tour_log"] == [] and ahead["outcome"] is None
    assert not any(d["received_on"] for d in ahead["document_requests"])


def test_a_finding_may_name_its_site(ctx: AppContext, vid: str) -> None:
    plant = visit.add(ctx, vid, SITE, {"name": "Plant 1", "type": "facility"})
    dock = visit.add(ctx, vid, SITE, {"name": "Dock", "type": "terminal"})
    link = visit.add(ctx, vid, FINDING_SITE, {"criterion": "9.1", "site_id": plant.id[:6]})
    assert link.id == visit.unique_id(FINDING_SITE, vid, {"criterion": "9.1"})
    with pytest.raises(RuleError, match=r"criterion 9\.1 already has a finding site"):
        visit.add(ctx, vid, FINDING_SITE, {"criterion": "9.1", "site_id": dock.id})
    with pytest.raises(NotFoundError, match=r"criterion '3\.8' is not in"):
        visit.add(ctx, vid, FINDING_SITE, {"criterion": "3.8", "site_id": dock.id})
    with pytest.raises(RuleError, match="criterion of a finding site stays"):
        visit.edit(ctx, vid, FINDING_SITE, link.id, {"criterion": "9.2"})
    moved = visit.edit(ctx, vid, FINDING_SITE, link.id, {"site_id": dock.id})
    assert moved.values == {"criterion": "9.1", "site_id": dock.id}
    with pytest.raises(RuleError, match="names this site"):
        visit.remove(ctx, vid, SITE, dock.id)
    visit.remove(ctx, vid, FINDING_SITE, link.id)
    again = visit.add(ctx, vid, FINDING_SITE, {"criterion": "9.1", "site_id": plant.id})
    assert again.id == link.id and again.rev == 4  # the same record, back again
