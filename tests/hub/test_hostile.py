"""A hub that trusts no laptop, tried over raw HTTP by users of two offices (both backends).

Each test is an attack that worked before: downloading another office's evidence by its
hash, confirming a file exists, replaying a key with other content or using another
user's key, reading or planting another user's audit anchor.
"""

import hashlib
from collections.abc import Callable
from pathlib import Path

import httpx

from tests.hubkit import mutation, pull, push, sample_fields

Connect = Callable[..., httpx.Client]


def _validation(office: str, vid: str) -> object:
    return mutation("validation", vid, sample_fields("validation", office=office))


def _evidence(vid: str, eid: str, sha: str) -> object:
    return mutation("evidence", eid, sample_fields("evidence", validation_id=vid, sha256=sha))


def _upload(client: httpx.Client, content: bytes) -> str:
    sha = hashlib.sha256(content).hexdigest()
    assert client.put(f"/v1/blobs/{sha}", content=content).status_code in (200, 201)
    return sha


def test_knowing_a_hash_opens_no_other_office_s_evidence(connect: Connect) -> None:
    ana = connect("ana", office="Miami")
    eve = connect("eve", office="Laredo")
    push(ana, [_validation("Miami", "v-1")])
    secret = b"Miami's gate camera still"
    sha = _upload(ana, secret)
    assert push(ana, [_evidence("v-1", "e-1", sha)])[0]["outcome"] == "applied"
    assert ana.get(f"/v1/blobs/{sha}").content == secret

    # Eve knows the hash (every report prints it): she learns nothing and gets nothing.
    assert eve.head(f"/v1/blobs/{sha}").status_code == 404
    assert eve.get(f"/v1/blobs/{sha}").status_code == 404
    push(eve, [_validation("Laredo", "v-2")])
    result = push(eve, [_evidence("v-2", "e-2", sha)])[0]
    assert (
        result["outcome"] == "rejected" and "not uploaded from office 'Laredo'" in (result["error"])
    )
    assert eve.get(f"/v1/blobs/{sha}").status_code == 404
    assert [c["id"] for c in pull(eve) if c["kind"] == "evidence"] == []


def test_an_office_that_holds_the_file_may_attach_it_too(connect: Connect) -> None:
    ana = connect("ana", office="Miami")
    bob = connect("bob", office="Laredo")
    shared = b"the same public policy PDF"
    sha = _upload(ana, shared)
    assert bob.head(f"/v1/blobs/{sha}").status_code == 404  # so bob's laptop uploads it
    assert bob.put(f"/v1/blobs/{sha}", content=shared).status_code == 200  # already stored
    assert bob.head(f"/v1/blobs/{sha}").status_code == 200
    push(bob, [_validation("Laredo", "v-2")])
    assert push(bob, [_evidence("v-2", "e-2", sha)])[0]["outcome"] == "applied"
    assert bob.get(f"/v1/blobs/{sha}").content == shared


def test_a_key_replayed_with_other_content_is_refused(connect: Connect) -> None:
    ana = connect("ana")
    push(ana, [_validation("Miami", "v-1")])
    change = mutation("validation", "v-1", {"scss": "ana"}, base_rev=1, key="k-1")
    assert push(ana, [change])[0]["outcome"] == "applied"
    other = mutation("validation", "v-1", {"scss": "someone else"}, base_rev=1, key="k-1")
    result = push(ana, [other])[0]
    assert (
        result["outcome"] == "rejected" and "already used for another change" in (result["error"])
    )
    assert [c["fields"]["scss"] for c in pull(ana) if c["kind"] == "validation"] == ["ana"]


def test_another_user_s_key_is_not_answered_applied(connect: Connect) -> None:
    ana = connect("ana")
    ben = connect("ben")
    push(ana, [_validation("Miami", "v-1")])
    applied = push(ana, [mutation("validation", "v-1", {"scss": "ana"}, base_rev=1, key="k-9")])
    assert applied[0]["outcome"] == "applied"
    same = push(ben, [mutation("validation", "v-1", {"scss": "ana"}, base_rev=1, key="k-9")])
    assert same[0]["outcome"] == "rejected"


def test_audit_anchors_belong_to_their_owner(connect: Connect) -> None:
    ana = connect("ana")
    eve = connect("eve", office="Laredo")
    admin = connect("root", role="admin", office=None)
    install = "a" * 32
    anchor = {"install": install, "events": 10, "hash": "b" * 64}
    assert ana.post("/v1/anchor", json=anchor).status_code == 200
    assert eve.get("/v1/anchor", params={"install": install}).status_code == 404
    planted = eve.post("/v1/anchor", json=anchor | {"events": 99, "hash": "c" * 64})
    assert planted.status_code == 409 and "another user" in planted.text
    mine = ana.get("/v1/anchor", params={"install": install}).json()
    assert (mine["events"], mine["hash"]) == (10, "b" * 64)
    assert admin.get("/v1/anchor", params={"install": install}).status_code == 200


def _finding(fid: str, **changes: object) -> object:
    return mutation("finding", fid, sample_fields("finding", validation_id="v-1", **changes))


def test_values_of_the_right_type_but_no_meaning_are_refused_one_by_one(
    connect: Connect,
) -> None:
    ana = connect("ana")
    wrong = {
        "mode": _validation_with("v-2", mode="teleport"),
        "date": _validation_with("v-3", date="yesterday"),
        "lifecycle": _validation_with("v-4", status="bogus"),
        "minutes": _validation_with("v-5", planned_minutes=-4),
        "status": _finding("f-1", status="bogus"),
        "reasons": _finding("f-2", status="not-met", reasons='["because"]'),
        "not a list": _finding("f-3", status="not-met", reasons='"other"'),
        "no reason": _finding("f-4", status="not-met", reasons="[]"),
        "due": _finding("f-5", status="not-met", reasons='["other"]', due="31/12/2026"),
        "extension": _finding("f-6", status="not-met", reasons='["other"]', extension_days=7),
        "huge note": _finding("f-7", note="x" * 1_000_000),
        "NUL": _finding("f-8", note="a\x00b"),
        "member": mutation("member", "m-2", {"account": "IM-2", "name": "Acme\x00"}),
        "account": mutation("member", "m-3", {"account": "../../x", "name": "Acme"}),
    }
    good = _finding("f-9", status="not-met", reasons='["other"]', due="2026-12-31")
    results = push(ana, [_validation("Miami", "v-1"), *wrong.values(), good])
    assert results[0]["outcome"] == "applied"
    assert results[-1]["outcome"] == "applied"  # one refused change blocks nothing else
    refused = {name: r for name, r in zip(wrong, results[1:-1], strict=True)}
    assert {name for name, r in refused.items() if r["outcome"] != "rejected"} == set()
    assert "'teleport' is not a valid validation mode" in refused["mode"]["error"]
    assert "reason 'because' is not valid" in refused["reasons"]["error"]
    assert "longer than 20000 characters" in refused["huge note"]["error"]
    ids = {c["id"] for c in pull(ana)}
    assert ids == {"v-1", "f-9"}


def _validation_with(vid: str, **changes: object) -> object:
    return mutation("validation", vid, sample_fields("validation", office="Miami", **changes))


def test_catalogs_are_cbp_s_as_shipped_or_an_admin_s(connect: Connect) -> None:
    ana = connect("ana")
    eve = connect("eve", office="Laredo")
    admin = connect("root", role="admin", office=None)
    real = sample_fields("catalog")
    poisoned_document = real["document"].replace("Senior management", "Nobody's")
    poisoned = real | {
        "document": poisoned_document,
        "sha256": hashlib.sha256(poisoned_document.encode()).hexdigest(),
    }
    first = push(eve, [mutation("catalog", "importer@2023.2", poisoned)])[0]
    assert (
        first["outcome"] == "rejected"
        and "differs from the one this release ships" in (first["error"])
    )
    assert push(ana, [mutation("catalog", "importer@2023.2", real)])[0]["outcome"] == "applied"
    future = real | {"version": "2031.1"}
    refused = push(ana, [mutation("catalog", "importer@2031.1", future)])[0]
    assert refused["outcome"] == "rejected" and "only an admin publishes" in refused["error"]
    assert push(admin, [mutation("catalog", "importer@2031.1", future)])[0]["outcome"] == (
        "applied"
    )


def test_the_hub_s_files_are_private_and_a_copied_database_forges_nothing(
    tmp_path: Path,
) -> None:
    import shutil
    import stat

    import pytest
    import sqlalchemy as sa

    from ctpat_desktop.hub.hub_key import HubKeyError
    from ctpat_desktop.hub.service import Hub
    from ctpat_desktop.hub.tables import hub_users
    from ctpat_desktop.sync.bundle import bundle_key

    folder = tmp_path / "hub"
    hub = Hub.open(f"sqlite:///{folder / 'hub.db'}", folder)
    try:
        token = hub.add_user("sup", "supervisor", "Miami")
        assert hub.bundle_key_for("sup") == bundle_key(token)
        with hub.engine.connect() as conn:
            stored = conn.execute(sa.select(hub_users.c.bundle_key)).scalar_one()
    finally:
        hub.close()
    assert stored != bundle_key(token).hex() and bundle_key(token).hex() not in stored
    reopened = Hub.open(f"sqlite:///{folder / 'hub.db'}", folder)  # modes checked on open
    reopened.close()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "hub.db").stat().st_mode) == 0o600
    assert stat.S_IMODE((folder / "hub.key").stat().st_mode) == 0o600

    stolen = tmp_path / "stolen"
    stolen.mkdir()
    shutil.copy(folder / "hub.db", stolen / "hub.db")  # the database without hub.key
    thief = Hub.open(f"sqlite:///{stolen / 'hub.db'}", stolen)
    try:
        with pytest.raises(HubKeyError):
            thief.bundle_key_for("sup")
    finally:
        thief.close()


def test_a_finding_changed_after_approval_sends_it_back_and_no_signature_passes(
    connect: Connect,
) -> None:
    ana = connect("ana")
    sue = connect("sue", role="supervisor")
    push(ana, [_validation("Miami", "v-1"), _finding("f-1")])
    review = push(ana, [mutation("validation", "v-1", {"status": "in-review"}, base_rev=1)])[0]
    approved = push(sue, [mutation("validation", "v-1", {"status": "approved"}, base_rev=2)])[0]
    assert (review["outcome"], approved["outcome"]) == ("applied", "applied")
    # The SCSS changes a finding without saying the approval is gone, then signs.
    assert push(ana, [mutation("finding", "f-1", {"note": "changed"}, base_rev=1)])[0][
        "outcome"
    ] == ("applied")
    validation = [c for c in pull(ana) if c["id"] == "v-1"][-1]
    assert validation["fields"]["status"] == "in-review"
    signed = push(
        ana, [mutation("validation", "v-1", {"status": "signed"}, base_rev=validation["rev"])]
    )[0]
    assert signed["outcome"] == "rejected" and "must approve it" in signed["error"]


def test_members_are_seen_and_renamed_only_where_they_are_validated(connect: Connect) -> None:
    ana = connect("ana", office="Miami")
    eve = connect("eve", office="Laredo")
    member = mutation("member", "m-1", {"account": "IM-1", "name": "Acme Imports"})
    push(ana, [member, _validation("Miami", "v-1")])
    assert "m-1" not in {c["id"] for c in pull(eve)}  # Laredo never sees Miami's member
    rename = push(eve, [mutation("member", "m-1", {"name": "Evil Corp"}, base_rev=1)])[0]
    assert (
        rename["outcome"] == "rejected" and "no validation in office 'Laredo'" in (rename["error"])
    )
    assert "Acme" not in str(rename)  # a refusal leaks nothing of the member
    assert [c["fields"]["name"] for c in pull(ana) if c["id"] == "m-1"] == ["Acme Imports"]

    # Laredo validates the same member too: now it sees it, and may change it.
    since = max(c["seq"] for c in pull(eve)) if pull(eve) else 0
    ours = push(
        eve, [mutation("member", "m-1", sample_fields("member")), _validation("Laredo", "v-2")]
    )
    assert [r["outcome"] for r in ours] == ["stale", "applied"]
    assert "m-1" in {c["id"] for c in pull(eve, since)}  # brought into Laredo's feed
