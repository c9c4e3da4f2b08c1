"""Evidence content: uploaded once by hash, checked, and only served to who may see it."""

import hashlib
from collections.abc import Iterator

import pytest

from ctpat_desktop.hub import app
from ctpat_desktop.sync.protocol import Mutation
from tests.hub.conftest import Connect
from tests.hubkit import ServedHub, mutation, push, sample_fields

CONTENT = b"\x89PNG gate photo" * 1000
SHA = hashlib.sha256(CONTENT).hexdigest()


def _validation_and_evidence(office: str = "Miami") -> list[Mutation]:
    return [
        mutation("validation", "v-1", sample_fields("validation", office=office)),
        mutation("evidence", "e-1", sample_fields("evidence", sha256=SHA)),
    ]


def test_evidence_is_rejected_until_its_content_is_uploaded(connect: Connect) -> None:
    ana = connect("ana")
    first = push(ana, _validation_and_evidence())
    assert first[1]["outcome"] == "rejected"
    assert f"evidence content {SHA} not uploaded" in first[1]["error"]
    assert ana.put(f"/v1/blobs/{SHA}", content=CONTENT).status_code == 201
    retry = mutation("evidence", "e-1", sample_fields("evidence", sha256=SHA))
    assert push(ana, [retry])[0]["outcome"] == "applied"


def test_content_that_does_not_match_its_hash_is_refused(
    hub_server: ServedHub, connect: Connect
) -> None:
    ana = connect("ana")
    response = ana.put(f"/v1/blobs/{SHA}", content=CONTENT + b"!")
    assert response.status_code == 400
    assert response.json() == {"error": "The content does not match its SHA-256."}
    assert ana.head(f"/v1/blobs/{SHA}").status_code == 404
    assert not hub_server.hub.has_blob(SHA)
    assert list(hub_server.hub.blobs.root.rglob("*")) == []


def test_upload_once_then_head_and_get(hub_server: ServedHub, connect: Connect) -> None:
    ana, hugo = connect("ana"), connect("hugo", office="Houston")
    boss = connect("boss", role="admin", office=None)
    assert ana.head(f"/v1/blobs/{SHA}").status_code == 404
    assert ana.put(f"/v1/blobs/{SHA}", content=CONTENT).status_code == 201
    assert hub_server.hub.blob_bytes_received == len(CONTENT)
    assert ana.head(f"/v1/blobs/{SHA}").status_code == 200
    assert hugo.put(f"/v1/blobs/{SHA}", content=CONTENT).status_code == 200
    assert ana.get(f"/v1/blobs/{SHA}").status_code == 404  # no evidence names it yet
    assert boss.get(f"/v1/blobs/{SHA}").content == CONTENT
    push(ana, _validation_and_evidence())
    response = ana.get(f"/v1/blobs/{SHA}")
    assert (response.status_code, response.content) == (200, CONTENT)
    assert hugo.get(f"/v1/blobs/{SHA}").status_code == 404
    assert [p.name for p in hub_server.hub.blobs.root.rglob("*") if p.is_file()] == [SHA]


@pytest.mark.parametrize(
    "sha", ["abc", SHA.upper(), SHA[:-1] + "g"], ids=["short", "upper-case", "not-hex"]
)
def test_bad_hash_in_the_path_is_400(connect: Connect, sha: str) -> None:
    response = connect("ana").put(f"/v1/blobs/{sha}", content=b"x")
    assert response.status_code == 400
    assert "SHA-256" in response.json()["error"]


@pytest.fixture
def small_blob_limit(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(app, "MAX_BLOB_BYTES", len(CONTENT) - 1)
    return len(CONTENT) - 1


def test_oversized_blob_is_413_and_not_stored(
    hub_server: ServedHub, connect: Connect, small_blob_limit: int
) -> None:
    ana = connect("ana")
    declared = ana.put(f"/v1/blobs/{SHA}", content=CONTENT)
    assert declared.status_code == 413

    def chunks() -> Iterator[bytes]:  # no Content-Length: the hub must count as it reads
        for start in range(0, len(CONTENT), 4096):
            yield CONTENT[start : start + 4096]

    streamed = ana.put(f"/v1/blobs/{SHA}", content=chunks())
    assert streamed.status_code == 413
    assert "larger than" in streamed.json()["error"]
    assert not hub_server.hub.has_blob(SHA)
