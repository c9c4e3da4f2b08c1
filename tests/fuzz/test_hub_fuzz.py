"""Fuzz every hub endpoint over HTTP: no 500, a one-line JSON error, data as it was."""

import hashlib
import json
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from ctpat_desktop.sync.protocol import PREFIX, PROTOCOL
from tests.fuzz.support import (
    JSON,
    NASTY_NUMBERS,
    NASTY_STRINGS,
    counted,
    files_under,
    fuzz,
    mutated,
    sqlite_dump,
)
from tests.hubkit import ServedHub, mutation, pg_cluster, sample_fields, serve_hub

__all__ = ["pg_cluster"]

PHOTO = b"gate photo" * 100
PHOTO_SHA = hashlib.sha256(PHOTO).hexdigest()


class FuzzHub:
    """A served SQLite hub with users of two offices, an admin, and some records."""

    def __init__(self, served: ServedHub, folder: Path) -> None:
        self.served, self.folder = served, folder
        self.tokens = {
            "ana": served.add_user("ana", "scss", "Miami"),
            "bo": served.add_user("bo", "scss", "Laredo"),
            "root": served.add_user("root", "admin", None),
            "old": served.add_user("old", "scss", "Miami"),
        }
        served.hub.disable_user("old")
        self.clients = {name: served.client(token) for name, token in self.tokens.items()}
        self.anonymous = served.client()
        ana = self.clients["ana"]
        assert ana.put(f"{PREFIX}/blobs/{PHOTO_SHA}", content=PHOTO).status_code == 201
        body = {"protocol": PROTOCOL, "mutations": [m.to_json() for m in self.seed()]}
        assert ana.post(f"{PREFIX}/push", json=body).status_code == 200

    @staticmethod
    def seed() -> list[Any]:
        return [
            mutation("validation", "v-0", sample_fields("validation", office="Miami")),
            mutation("finding", "f-0", sample_fields("finding", validation_id="v-0")),
            mutation(
                "evidence", "e-0", sample_fields("evidence", validation_id="v-0", sha256=PHOTO_SHA)
            ),
        ]

    def state(self) -> tuple[str, dict[str, str]]:
        """The hub's database rows and evidence files."""
        return sqlite_dump(self.folder / "hub.db"), files_under(self.folder / "evidence")

    def close(self) -> None:
        for client in [*self.clients.values(), self.anonymous]:
            client.close()


@pytest.fixture(scope="module")
def fuzz_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FuzzHub]:
    folder = tmp_path_factory.mktemp("fuzz-hub")
    with serve_hub(f"sqlite:///{folder / 'hub.db'}", folder) as served:
        made = FuzzHub(served, folder)
        yield made
        made.close()


def assert_answered(response: httpx.Response) -> None:
    """Below 500; an error is JSON {"error": "one line"}."""
    assert response.status_code < 500, (response.status_code, response.text)
    if response.status_code >= 400 and response.request.method != "HEAD":
        body = response.json()
        assert isinstance(body, dict) and set(body) == {"error"}, body
        message = body["error"]
        assert isinstance(message, str) and message.strip(), body
        assert "\n" not in message and "\r" not in message, repr(message)


def _encoded(document: Any) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode("utf-8", "surrogatepass")


def _push_body() -> dict[str, Any]:
    """A valid push: a new validation with a finding, a change to a known finding."""
    new = f"v-{uuid.uuid4().hex[:8]}"
    return {
        "protocol": PROTOCOL,
        "mutations": [
            mutation("validation", new, sample_fields("validation", office="Miami")).to_json(),
            mutation("finding", f"f-{new}", sample_fields("finding", validation_id=new)).to_json(),
            mutation("finding", "f-0", {"note": "changed"}, base_rev=1).to_json(),
        ],
    }


PUSH_BODIES = st.one_of(
    st.binary(max_size=100),
    JSON.map(_encoded),
    st.builds(_push_body).flatmap(lambda body: mutated(body, max_changes=3)).map(_encoded),
    st.builds(_push_body)
    .flatmap(lambda b: mutated(b["mutations"][0]))
    .map(lambda m: _encoded({"protocol": PROTOCOL, "mutations": [m]})),
)


@fuzz(120)
@given(body=PUSH_BODIES, user=st.sampled_from(["ana", "bo", "root"]))
@example(body=b"[" * 100_000, user="ana")
@example(body=b'{"protocol": 1, "mutations": ' + b"[" * 5000 + b"]" * 5000 + b"}", user="ana")
@example(body=_encoded({"protocol": 1, "mutations": [None]}), user="ana")
@example(body=_encoded({"protocol": 2**64, "mutations": []}), user="ana")
@example(
    body=_encoded(
        {
            "protocol": 1,
            "mutations": [
                {
                    "key": "k\n1",
                    "kind": "member",
                    "id": "m\nx",
                    "base_rev": 0,
                    "fields": {"account": "A", "name": "B"},
                }
            ],
        }
    ),
    user="ana",
)
def test_push(fuzz_hub: FuzzHub, body: bytes, user: str) -> None:
    counted("POST /v1/push")
    before = fuzz_hub.state()
    response = fuzz_hub.clients[user].post(
        f"{PREFIX}/push", content=body, headers={"Content-Type": "application/json"}
    )
    assert_answered(response)
    if response.status_code != 200:
        assert fuzz_hub.state() == before, response.text
        return
    results = response.json()["results"]
    for result in results:
        assert result["outcome"] in ("applied", "stale", "rejected"), result
        if result["outcome"] == "rejected":
            assert "\n" not in result["error"], result
    if all(r["outcome"] != "applied" for r in results):
        assert fuzz_hub.state() == before, results


QUERY_VALUES = st.one_of(
    st.text(max_size=12),
    st.integers().map(str),
    st.sampled_from(["", " 1", "1 ", "+5", "-0", "0x10", "1e3", "١٢", "²", "9" * 40, "nan"]),
    st.sampled_from(NASTY_NUMBERS).map(str),
)


@fuzz(60)
@given(
    params=st.dictionaries(st.sampled_from(["since", "limit", "x"]), QUERY_VALUES, max_size=3),
    user=st.sampled_from(["ana", "root"]),
)
@example(params={"since": "²"}, user="ana")
@example(params={"limit": "9" * 5000}, user="ana")
def test_changes(fuzz_hub: FuzzHub, params: dict[str, str], user: str) -> None:
    counted("GET /v1/changes")
    before = fuzz_hub.state()
    response = fuzz_hub.clients[user].get(f"{PREFIX}/changes", params=params)
    assert_answered(response)
    assert response.status_code in (200, 400), response.text
    assert fuzz_hub.state() == before


AUTH = st.one_of(
    st.text(
        st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f"),
        max_size=60,
    ).map(str.strip),  # a header value cannot start or end with spaces on the wire
    st.sampled_from(["Bearer", "Bearer  x", "bearer x", "Basic YTpi", "Bearer \t x", "Token x"]),
)


@fuzz(60)
@given(
    authorization=AUTH,
    path=st.sampled_from(["/me", "/changes", "/push", f"/blobs/{PHOTO_SHA}"]),
)
def test_authorization_header(fuzz_hub: FuzzHub, authorization: str, path: str) -> None:
    counted("Authorization header (all endpoints)")
    before = fuzz_hub.state()
    method = "POST" if path == "/push" else "GET"
    response = fuzz_hub.anonymous.request(
        method,
        f"{PREFIX}{path}",
        headers={"Authorization": authorization.encode("latin-1")},  # type: ignore[dict-item]
        content=b'{"protocol": 1, "mutations": []}' if method == "POST" else None,
    )
    assert_answered(response)
    if any(token in authorization for token in fuzz_hub.tokens.values()):
        return
    assert response.status_code == 401, response.text
    assert fuzz_hub.state() == before


def test_a_disabled_users_token_is_refused(fuzz_hub: FuzzHub) -> None:
    response = fuzz_hub.clients["old"].get(f"{PREFIX}/me")
    assert response.status_code == 401
    assert_answered(response)


BLOB_NAMES = st.one_of(
    st.text(max_size=70),
    st.just(PHOTO_SHA),
    st.just(PHOTO_SHA.upper()),
    st.just("0" * 64),
    st.sampled_from(["..", "%2e%2e", "a/../b", "0" * 63 + "\n", PHOTO_SHA + "/x"]),
)


@fuzz(80)
@given(
    name=BLOB_NAMES,
    method=st.sampled_from(["GET", "HEAD", "PUT", "DELETE", "POST"]),
    content=st.one_of(st.binary(max_size=64), st.just(PHOTO)),
    user=st.sampled_from(["ana", "bo", "root"]),
    hashed=st.booleans(),
)
def test_blobs(
    fuzz_hub: FuzzHub, name: str, method: str, content: bytes, user: str, hashed: bool
) -> None:
    counted("HEAD/PUT/GET /v1/blobs/{sha}")
    if hashed:  # a well-formed address: of this content, or not
        name = hashlib.sha256(content).hexdigest()
    before = fuzz_hub.state()
    response = fuzz_hub.clients[user].request(
        method,
        f"{PREFIX}/blobs/{quote(name, safe='')}",
        content=content if method in ("PUT", "POST") else None,
    )
    assert_answered(response)
    # A PUT that succeeds stores the content (201) or records that the uploader's office
    # holds it (200): the office proved it has the bytes.
    stored_new = method == "PUT" and response.status_code in (200, 201)
    if not stored_new:
        assert fuzz_hub.state() == before, (method, name, response.status_code)
    if method == "GET" and response.status_code == 200:
        assert hashlib.sha256(response.content).hexdigest() == name
    if user == "bo" and method == "GET" and name == PHOTO_SHA:
        assert response.status_code == 404  # Laredo may not see Miami's evidence


@fuzz(30)
@given(
    path=st.text(max_size=30).map(lambda t: quote(t, safe="/")),
    method=st.sampled_from(["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]),
)
def test_unknown_routes(fuzz_hub: FuzzHub, path: str, method: str) -> None:
    counted("other paths and methods")
    before = fuzz_hub.state()
    response = fuzz_hub.clients["ana"].request(method, f"{PREFIX}/{path}")
    assert_answered(response)
    assert fuzz_hub.state() == before


def _raw_request(url: str, head: str, body: bytes = b"") -> int:
    """Send one hand-written HTTP/1.1 request; the status code."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as conn:
        conn.sendall(head.encode("latin-1") + b"\r\n\r\n" + body)
        reply = b""
        while chunk := conn.recv(65536):
            reply += chunk
    return int(reply.split(b" ", 2)[1])


@pytest.mark.parametrize("length", ["²", "-1", "1e3", " 5", "99999999999999999999", "0x10"])
def test_content_length_that_is_not_a_number(fuzz_hub: FuzzHub, length: str) -> None:
    counted("Content-Length header")
    before = fuzz_hub.state()
    head = (
        f"PUT {PREFIX}/blobs/{PHOTO_SHA} HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n"
        f"Authorization: Bearer {fuzz_hub.tokens['ana']}\r\nContent-Length: {length}"
    )
    status = _raw_request(fuzz_hub.served.url, head, b"12345")
    assert 400 <= status < 500, status
    assert fuzz_hub.state() == before


def test_health_needs_no_token(fuzz_hub: FuzzHub) -> None:
    response = fuzz_hub.anonymous.get(f"{PREFIX}/health")
    assert response.json() == {"status": "ok", "service": "ctpat-hub", "protocol": PROTOCOL}


def test_nasty_strings_in_ids_are_refused_or_kept_exactly(fuzz_hub: FuzzHub) -> None:
    """Text the protocol accepts comes back from the feed byte for byte."""
    for text in NASTY_STRINGS:
        body = {
            "protocol": PROTOCOL,
            "mutations": [
                mutation(
                    "member", f"m-{uuid.uuid4().hex[:6]}", {"account": text, "name": text}
                ).to_json()
            ],
        }
        response = fuzz_hub.clients["ana"].post(f"{PREFIX}/push", json=body)
        assert_answered(response)


@pytest.mark.parametrize(
    ("kind", "record_id", "fields"),
    [
        ("validation", "v-nul", sample_fields("validation", office="Mia\x00mi")),
        ("member", "m-\x00", sample_fields("member")),
        ("finding", "f-1", sample_fields("finding", validation_id="v\x00")),
    ],
)
def test_nul_characters_on_postgresql(
    pg_cluster: Any, tmp_path: Path, kind: str, record_id: str, fields: dict[str, Any]
) -> None:
    """PostgreSQL cannot store NUL in text: such a change is refused, not a 500, and the
    rest of its push goes on."""
    with serve_hub(pg_cluster(), tmp_path / "hub") as served:
        client = served.client(served.add_user("ana", "admin", None))
        try:
            body = {
                "protocol": PROTOCOL,
                "mutations": [mutation(kind, record_id, fields).to_json()],
            }
            response = client.post(f"{PREFIX}/push", json=body)
            assert_answered(response)
            if response.status_code == 200:  # its key could be read: refused on its own
                (result,) = response.json()["results"]
                assert result["outcome"] == "rejected", result
            else:
                assert response.status_code == 400, response.text
            feed = client.get(f"{PREFIX}/changes").json()["changes"]
            assert feed == []
        finally:
            client.close()


def test_a_rejected_change_is_named_on_one_line(fuzz_hub: FuzzHub) -> None:
    """Record IDs and keys are printable: a rejection names them on one line."""
    orphan = mutation("finding", "f-\nx", sample_fields("finding", validation_id="v-404"))
    body = {"protocol": PROTOCOL, "mutations": [orphan.to_json()]}
    response = fuzz_hub.clients["ana"].post(f"{PREFIX}/push", json=body)
    assert_answered(response)
    (result,) = response.json()["results"]
    assert result["outcome"] == "rejected" and "\n" not in result["error"]
    assert "printable" in result["error"]


def _same_type(value: Any) -> st.SearchStrategy[Any]:
    """Any value of the same JSON type: right for the protocol, often wrong in meaning."""
    if isinstance(value, bool):
        return st.booleans()
    if isinstance(value, int):
        return st.integers(-(2**40), 2**40)
    interesting = ["bogus", "teleport", "yesterday", "[]", '["because"]', '"other"', "2026-13-45"]
    return st.one_of(st.sampled_from(interesting), st.text(max_size=12))


@st.composite
def _wrong_meaning(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    kind = draw(st.sampled_from(["validation", "finding", "member"]))
    fields = sample_fields(kind, office="Miami") if kind == "validation" else sample_fields(kind)
    if kind == "finding":
        fields["validation_id"] = "v-0"
    name = draw(st.sampled_from(sorted(n for n in fields if n not in ("validation_id", "office"))))
    if fields[name] is not None:
        fields[name] = draw(_same_type(fields[name]))
    return kind, fields


@fuzz(60)
@given(change=_wrong_meaning())
def test_well_typed_values_of_no_meaning_are_never_stored(
    fuzz_hub: FuzzHub, change: tuple[str, dict[str, Any]]
) -> None:
    """Whatever the hub accepts means something by the laptop's own rules."""
    from ctpat_desktop.sync.meaning import check_record

    counted("POST /v1/push (well-typed, wrong meaning)")
    kind, fields = change
    record_id = f"{kind[0]}-{uuid.uuid4().hex[:8]}"
    body = {"protocol": PROTOCOL, "mutations": [mutation(kind, record_id, fields).to_json()]}
    response = fuzz_hub.clients["ana"].post(f"{PREFIX}/push", json=body)
    assert_answered(response)
    if response.status_code != 200:
        return
    (result,) = response.json()["results"]
    if result["outcome"] == "applied":
        check_record(kind, fields)  # would raise if the hub had stored nonsense
