"""Malformed, oversized and wrong-protocol requests are refused with one clear sentence."""

import json
from collections.abc import Iterator

import pytest

from ctpat_desktop.hub import app
from ctpat_desktop.sync.protocol import MAX_JSON_BYTES, MAX_MUTATIONS
from tests.hub.conftest import Connect
from tests.hubkit import ServedHub, mutation, pull, push, sample_fields

PUSH = "/v1/push"


def _body(mutations: list[dict[str, object]], protocol: object = 1) -> dict[str, object]:
    return {"protocol": protocol, "mutations": mutations}


def test_garbled_json_is_400(connect: Connect) -> None:
    response = connect("ana").post(PUSH, content=b'{"protocol": 1, "mutations": [')
    assert response.status_code == 400
    assert response.json() == {"error": "The request body is not valid JSON."}


def test_wrong_shape_is_400(connect: Connect) -> None:
    ana = connect("ana")
    bodies: list[object] = [[], {"protocol": 1}, {"protocol": 1, "mutations": {}}]
    for body in bodies:
        response = ana.post(PUSH, json=body)
        assert response.status_code == 400
        assert "mutations list" in response.json()["error"]


def test_wrong_protocol_is_400_and_names_the_hubs(connect: Connect) -> None:
    response = connect("ana").post(PUSH, json=_body([], protocol=2))
    assert response.status_code == 400
    assert response.json()["error"] == ("This hub speaks protocol 1; the request uses protocol 2.")


def test_an_invalid_mutation_is_refused_alone_and_the_rest_applies(connect: Connect) -> None:
    """One bad change must not block the outbox forever: it is refused with its reason."""
    ana = connect("ana")
    good = mutation("member", "m-1").to_json()
    bad = mutation("member", "m-2", {"account": 7, "name": "x"}).to_json()
    response = ana.post(PUSH, json=_body([good, bad]))
    assert response.status_code == 200
    applied, refused = response.json()["results"]
    assert applied["outcome"] == "applied"
    assert refused == {
        "key": bad["key"],
        "outcome": "rejected",
        "error": "member.account must be str",
    }
    validation = mutation(
        "validation", "v-1", sample_fields("validation", member_id="m-1", office="Miami")
    )
    push(ana, [validation])  # a member is seen where a validation of theirs is
    assert {c["id"] for c in pull(ana)} == {"m-1", "v-1"}


def test_a_mutation_without_a_readable_key_is_400_and_nothing_applies(connect: Connect) -> None:
    ana = connect("ana")
    good = mutation("member", "m-1").to_json()
    response = ana.post(PUSH, json=_body([good, {"kind": "member", "key": 7}]))
    assert response.status_code == 400
    assert response.json()["error"].startswith("Mutation 1 is not valid:")
    assert pull(ana) == []


def test_too_many_mutations_is_400(connect: Connect) -> None:
    member = mutation("member", "m-1").to_json()
    response = connect("ana").post(PUSH, json=_body([member] * (MAX_MUTATIONS + 1)))
    assert response.status_code == 400
    assert str(MAX_MUTATIONS) in response.json()["error"]


def test_oversized_push_is_413(connect: Connect) -> None:
    ana = connect("ana")
    padding = "x" * (MAX_JSON_BYTES + 1)
    response = ana.post(PUSH, content=json.dumps({"protocol": 1, "mutations": [], "p": padding}))
    assert response.status_code == 413
    assert "larger than" in response.json()["error"]


@pytest.fixture
def small_push_limit(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    monkeypatch.setattr(app, "MAX_JSON_BYTES", 4096)
    yield 4096


def test_push_streamed_past_the_limit_is_413(
    hub_server: ServedHub, connect: Connect, small_push_limit: int
) -> None:
    ana = connect("ana")
    member = mutation("member", "m-1", {"account": "A", "name": "x" * small_push_limit})
    body = json.dumps(_body([member.to_json()])).encode()

    def chunks() -> Iterator[bytes]:  # no Content-Length: the hub must count as it reads
        for start in range(0, len(body), 1000):
            yield body[start : start + 1000]

    response = ana.post(PUSH, content=chunks())
    assert response.status_code == 413
    assert pull(ana) == []
