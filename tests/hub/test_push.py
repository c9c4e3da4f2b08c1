"""Push and the change feed over HTTP: applied, replayed, stale, rejected; offices; paging."""

import pytest

from ctpat_desktop.sync.protocol import Mutation, parse_change
from tests.hub.conftest import Connect
from tests.hubkit import ServedHub, mutation, pull, push, sample_fields

PUSH = "/v1/push"


def _validation(office: str = "Miami", vid: str = "v-1", **changes: object) -> Mutation:
    return mutation("validation", vid, sample_fields("validation", office=office, **changes))


def _finding(fid: str = "f-1", vid: str = "v-1", **changes: object) -> Mutation:
    return mutation("finding", fid, sample_fields("finding", validation_id=vid, **changes))


def test_health_needs_no_token(hub_server: ServedHub) -> None:
    with hub_server.client() as client:
        response = client.get("/v1/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "service": "ctpat-hub", "protocol": 1}


def test_missing_wrong_or_disabled_token_is_401(hub_server: ServedHub, connect: Connect) -> None:
    ana = connect("ana")
    me = ana.get("/v1/me").json()
    assert {k: me[k] for k in ("name", "role", "office")} == {
        "name": "ana",
        "role": "scss",
        "office": "Miami",
    }
    assert (me["hub_id"], me["epoch"], me["head"]) == (
        hub_server.hub.hub_id,
        hub_server.hub.epoch,
        0,
    )
    with hub_server.client() as anonymous, hub_server.client("not-a-token") as wrong:
        for client in (anonymous, wrong):
            for response in (client.get("/v1/me"), client.post(PUSH, json={})):
                assert response.status_code == 401
                assert "token" in response.json()["error"]
    hub_server.hub.disable_user("ana")
    assert ana.get("/v1/changes").status_code == 401


def test_push_applies_and_the_feed_returns_it(hub_server: ServedHub, connect: Connect) -> None:
    ana = connect("ana")
    results = push(ana, [_validation(), _finding(status="not-met", reasons='["other"]')])
    assert [(r["outcome"], r["rev"], r["seq"]) for r in results] == [
        ("applied", 1, 1),
        ("applied", 1, 2),
    ]
    changes = pull(ana)
    assert [(c["kind"], c["id"], c["rev"], c["seq"]) for c in changes] == [
        ("validation", "v-1", 1, 1),
        ("finding", "f-1", 1, 2),
    ]
    # The sample is a finding of an earlier release (no unmet_parts): the hub adds the default.
    assert changes[1]["fields"] == sample_fields(
        "finding", validation_id="v-1", status="not-met", reasons='["other"]'
    ) | {"unmet_parts": "[]"}
    assert changes[1]["updated_by"] == "ana" and changes[1]["deleted"] is False
    assert hub_server.hub.record("finding", "f-1") == parse_change(changes[1])
    assert hub_server.hub.record("finding", "f-404") is None


def test_replayed_key_returns_the_first_answer_and_changes_nothing(connect: Connect) -> None:
    ana = connect("ana")
    first = push(ana, [_validation()])
    change = mutation("validation", "v-1", {"status": "in-review"}, base_rev=1, key="edit-1")
    applied = push(ana, [change])
    assert push(ana, [change]) == applied  # the same change again: the first answer
    feed = pull(ana)
    assert [c["seq"] for c in feed] == [first[0]["seq"] + 1]
    assert feed[0]["rev"] == 2 and feed[0]["fields"]["status"] == "in-review"


def test_stale_base_returns_the_current_record(connect: Connect) -> None:
    ana, bob = connect("ana"), connect("bob")
    push(ana, [_validation(), _finding()])
    assert push(ana, [mutation("finding", "f-1", {"note": "ana's"}, base_rev=1)])[0]["rev"] == 2
    result = push(bob, [mutation("finding", "f-1", {"note": "bob's"}, base_rev=1)])[0]
    assert result["outcome"] == "stale"
    assert result["current"]["rev"] == 2
    assert result["current"]["fields"]["note"] == "ana's"
    assert result["current"]["fields"]["criterion"] == "1.1"  # all fields, to merge against


def test_second_create_of_the_same_finding_is_stale(connect: Connect) -> None:
    ana, bob = connect("ana"), connect("bob")
    push(ana, [_validation(), _finding(note="first")])
    result = push(bob, [_finding(note="second")])[0]
    assert result["outcome"] == "stale"
    assert result["current"]["fields"]["note"] == "first"


def test_catalog_is_written_once(connect: Connect) -> None:
    ana, bob = connect("ana"), connect("bob", office="Houston")
    first = push(ana, [mutation("catalog", "importer@2023.2")])[0]
    same = push(bob, [mutation("catalog", "importer@2023.2")])[0]
    assert same["outcome"] == "applied"
    assert (same["rev"], same["seq"]) == (first["rev"], first["seq"])
    different = sample_fields("catalog", document='{"changed": true}')
    result = push(bob, [mutation("catalog", "importer@2023.2", different)])[0]
    assert result["outcome"] == "rejected"
    assert "cannot be changed" in result["error"]
    assert len(pull(bob)) == 1


def test_fixed_field_change_is_rejected(connect: Connect) -> None:
    ana = connect("ana")
    push(ana, [_validation(), _finding()])
    result = push(ana, [mutation("finding", "f-1", {"criterion": "2.1"}, base_rev=1)])[0]
    assert result["outcome"] == "rejected"
    assert "criterion" in result["error"]
    same_value = mutation("finding", "f-1", {"criterion": "1.1", "note": "ok"}, base_rev=1)
    assert push(ana, [same_value])[0]["outcome"] == "applied"


def test_new_records_need_all_fields_and_base_zero(connect: Connect) -> None:
    ana = connect("ana")
    push(ana, [_validation()])
    partial = mutation("finding", "f-1", {"validation_id": "v-1", "criterion": "1.1"})
    unseen = mutation("finding", "f-2", {"note": "x"}, base_rev=3)
    orphan = _finding("f-3", vid="v-404")
    results = push(ana, [partial, unseen, orphan])
    assert [r["outcome"] for r in results] == ["rejected"] * 3
    assert "missing" in results[0]["error"]
    assert "base_rev must be 0" in results[1]["error"]
    assert "unknown validation v-404" in results[2]["error"]
    assert [c["kind"] for c in pull(ana)] == ["validation"]


def test_other_office_is_rejected_on_push_and_invisible_in_the_feed(connect: Connect) -> None:
    ana, hugo = connect("ana"), connect("hugo", office="Houston")
    push(ana, [mutation("member", "m-1"), _validation(), _finding()])
    results = push(
        hugo,
        [
            mutation("finding", "f-1", {"note": "x"}, base_rev=1),
            _finding("f-2"),
            _validation("Miami", "v-2"),
            mutation("validation", "v-1", {"office": "Houston"}, base_rev=1),
        ],
    )
    assert [r["outcome"] for r in results] == ["rejected"] * 4
    assert "'Miami'" in results[0]["error"] and "'Houston'" in results[0]["error"]
    moving_away = push(ana, [mutation("validation", "v-1", {"office": "Houston"}, base_rev=1)])
    assert moving_away[0]["outcome"] == "rejected"
    assert [c["kind"] for c in pull(hugo)] == []  # a member only where it is validated


def test_admin_sees_every_office_and_moving_a_validation_moves_its_records(
    connect: Connect,
) -> None:
    ana, hugo = connect("ana"), connect("hugo", office="Houston")
    boss = connect("boss", role="admin", office=None)
    push(ana, [_validation(), _finding()])
    push(hugo, [_validation("Houston", "v-2"), _finding("f-2", "v-2")])
    assert {c["id"] for c in pull(boss)} == {"v-1", "f-1", "v-2", "f-2"}
    seen = pull(hugo)[-1]["seq"]
    moved = push(boss, [mutation("validation", "v-1", {"office": "Houston"}, base_rev=1)])
    assert moved[0]["outcome"] == "applied"
    assert {c["id"] for c in pull(hugo, since=seen)} == {"v-1", "f-1"}
    assert pull(ana) == []
    edit = mutation("finding", "f-1", {"note": "now Houston's"}, base_rev=1)
    assert push(hugo, [edit])[0]["outcome"] == "applied"


def test_only_a_supervisor_approves_and_only_an_approved_validation_is_signed(
    connect: Connect,
) -> None:
    ana, sam = connect("ana"), connect("sam", role="supervisor")
    push(ana, [_validation()])
    early = push(ana, [mutation("validation", "v-1", {"status": "signed"}, base_rev=1)])
    assert "a supervisor must approve it before it is signed" in early[0]["error"]
    self_approved = push(ana, [mutation("validation", "v-1", {"status": "approved"}, base_rev=1)])
    assert "only a supervisor approves" in self_approved[0]["error"]
    approved = push(sam, [mutation("validation", "v-1", {"status": "approved"}, base_rev=1)])
    assert approved[0]["outcome"] == "applied"
    signed = push(ana, [mutation("validation", "v-1", {"status": "signed"}, base_rev=2)])
    assert signed[0]["outcome"] == "applied"


def test_every_status_move_is_the_pushers_to_make(connect: Connect) -> None:
    """Before, the hub checked only approving and signing: an SCSS could push a validation
    under review back to in progress (a return is the supervisor's), or a signed one back
    to planned, and the hub took it."""
    ana, sam = connect("ana"), connect("sam", role="supervisor")
    assert push(ana, [_validation(status="in-review")])[0]["outcome"] == "applied"
    back = push(ana, [mutation("validation", "v-1", {"status": "in-progress"}, base_rev=1)])
    assert back[0]["outcome"] == "rejected"
    assert "scss 'ana' cannot take it to in-progress" in back[0]["error"]
    returned = push(sam, [mutation("validation", "v-1", {"status": "in-progress"}, base_rev=1)])
    assert returned[0]["outcome"] == "applied"
    # Submitted again, approved, signed: each step by whoever may make it.
    for who, status, rev in ((ana, "in-review", 2), (sam, "approved", 3), (ana, "signed", 4)):
        done = push(who, [mutation("validation", "v-1", {"status": status}, base_rev=rev)])
        assert done[0]["outcome"] == "applied", done
    undone = push(ana, [mutation("validation", "v-1", {"status": "planned"}, base_rev=5)])
    assert "cannot take it to planned" in undone[0]["error"]
    reopened = push(ana, [mutation("validation", "v-1", {"status": "in-review"}, base_rev=5)])
    assert reopened[0]["outcome"] == "applied"
    # Several moves made offline arrive as one: planned, started, submitted.
    push(ana, [_validation(vid="v-2")])
    offline = push(ana, [mutation("validation", "v-2", {"status": "in-review"}, base_rev=1)])
    assert offline[0]["outcome"] == "applied"


def test_signed_validation_blocks_finding_changes_until_reopened(connect: Connect) -> None:
    ana, sam = connect("ana"), connect("sam", role="supervisor")
    push(ana, [_validation(), _finding()])
    push(sam, [mutation("validation", "v-1", {"status": "approved"}, base_rev=1)])
    push(ana, [mutation("validation", "v-1", {"status": "signed"}, base_rev=2)])
    blocked = push(ana, [mutation("finding", "f-1", {"note": "late"}, base_rev=1), _finding("f-2")])
    assert [r["outcome"] for r in blocked] == ["rejected", "rejected"]
    assert "validation v-1 is signed; it must be reopened first" in blocked[0]["error"]
    reopen = mutation("validation", "v-1", {"status": "in-review"}, base_rev=3)
    after = push(ana, [reopen, mutation("finding", "f-1", {"note": "late"}, base_rev=1)])
    assert [r["outcome"] for r in after] == ["applied", "applied"]


def test_feed_pages_with_limit_and_more(connect: Connect) -> None:
    ana = connect("ana")
    push(ana, [_validation(), *(_finding(f"f-{n}") for n in range(6))])
    pages = []
    since = 0
    while True:
        page = ana.get("/v1/changes", params={"since": since, "limit": 3}).json()
        pages.append(([c["seq"] for c in page["changes"]], page["next"], page["more"]))
        since = page["next"]
        if not page["more"]:
            break
    assert pages == [([1, 2, 3], 3, True), ([4, 5, 6], 6, True), ([7], 7, False)]
    empty = ana.get("/v1/changes", params={"since": 7}).json()
    assert (empty["changes"], empty["next"], empty["more"]) == ([], 7, False)


def test_tombstone_appears_in_the_feed(connect: Connect) -> None:
    ana = connect("ana")
    push(ana, [_validation(), _finding()])
    result = push(ana, [mutation("finding", "f-1", {}, base_rev=1, deleted=True)])[0]
    feed = pull(ana, since=2)
    assert [(c["id"], c["deleted"], c["rev"], c["seq"]) for c in feed] == [
        ("f-1", True, 2, result["seq"])
    ]
    assert feed[0]["fields"]["criterion"] == "1.1"


@pytest.mark.parametrize(
    ("query", "problem"),
    [({"since": "-1"}, "since"), ({"limit": "0"}, "limit"), ({"limit": "x"}, "limit")],
)
def test_bad_feed_parameters_are_400(connect: Connect, query: dict[str, str], problem: str) -> None:
    response = connect("ana").get("/v1/changes", params=query)
    assert response.status_code == 400
    assert problem in response.json()["error"]


def test_a_change_stored_before_a_field_was_added_reads_with_its_default() -> None:
    """A hub that kept findings from before unmet_parts existed still feeds laptops."""
    from tests.hubkit import sample_fields

    old = {
        "kind": "finding",
        "id": "f-9",
        "rev": 1,
        "seq": 3,
        "deleted": False,
        "fields": sample_fields("finding"),  # no unmet_parts
        "updated_at": "2026-01-01T00:00:00Z",
        "updated_by": "ana",
    }
    assert "unmet_parts" not in old["fields"]
    assert parse_change(old).fields["unmet_parts"] == "[]"
