"""Sync under faults: connections cut at random points, garbled replies, bad blobs."""

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from ctpat_desktop.sync.client import HubClient, HubError, run_sync
from ctpat_desktop.sync.local import LocalSync
from tests.hubkit import ServedHub
from tests.sync.conftest import Laptop, sync
from tests.sync.flaky import FlakyProxy
from tests.sync.helpers import findings_of, planned, session

RUNS = 12


def _hub_rows(hub_server: ServedHub, token: str) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    with hub_server.client(token) as client:
        since, more = 0, True
        while more:
            page = client.get("/v1/changes", params={"since": since, "limit": 1000}).json()
            rows += [(c["kind"], c["id"]) for c in page["changes"]]
            since, more = page["next"], page["more"]
    return rows


@pytest.mark.parametrize("seed", range(RUNS))
def test_cut_connections_lose_nothing_and_duplicate_nothing(
    seed: int, hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    proxy = FlakyProxy(int(hub_server.url.rsplit(":", 1)[1]), seed=seed, cut_probability=0.35)
    ana, ben = laptop("ana"), laptop("ben")
    try:
        validation_id = planned(ana)
        work = session(ana, validation_id)
        for number in range(1, 9):
            work.record_finding(f"4.{number}", status="met", note=f"round one {number}")
        work.attach_evidence_bytes(bytes([seed]) * 50_000, "photo.jpg", "4.1")
        attempts = 0
        for phase in range(3):
            done = False
            while not done:
                attempts += 1
                assert attempts < 60, "never got through the flaky connection"
                try:
                    with HubClient(proxy.url, miami["ana"], timeout=5) as client:
                        run_sync(ana.store, client, "ana", page_size=3)
                    done = True
                except HubError:
                    continue  # as a person would: try again later
            # More edits between syncs, on records the hub already has.
            work.record_finding(f"4.{phase + 1}", note=f"edited in phase {phase}")
        proxy.cut_probability = 0.0
        with HubClient(proxy.url, miami["ana"]) as client:
            final = run_sync(ana.store, client, "ana")
        assert final.pending == 0 and final.conflicts == 0 and final.rejected == []
        rows = _hub_rows(hub_server, miami["ana"])
        assert len(rows) == len(set(rows)) == 12  # catalog, member, validation, 8 + evidence
        sync(ben, hub_server.url, miami["ben"])
        assert findings_of(ben, validation_id) == findings_of(ana, validation_id)
        (evidence,) = session(ben, validation_id).evidence()
        assert ben.store.blobs.read_bytes(evidence.sha256) == bytes([seed]) * 50_000
        # The hub stored the file once, however many uploads were cut.
        assert hub_server.hub.blob_bytes_received >= 50_000
        assert ana.store.verify_audit() is None and ben.store.verify_audit() is None
        assert ana.store.read("PRAGMA integrity_check")[0][0] == "ok"
    finally:
        proxy.close()


class _Garbled(BaseHTTPRequestHandler):
    """A server that speaks the protocol until one endpoint answers nonsense."""

    broken = "/v1/changes"
    body = b"<html>502 Bad Gateway</html>"

    def _send(self, status: int, body: bytes, kind: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if self.path.startswith(self.broken):
            self._send(200, self.body)
        elif self.path.startswith("/v1/me"):
            self._send(200, json.dumps({"name": "ana", "role": "scss", "office": "Miami"}).encode())
        elif self.path.startswith("/v1/changes"):
            body = {"protocol": 1, "changes": [], "next": 0, "more": False}
            self._send(200, json.dumps(body).encode())
        else:
            self._send(404, b'{"error": "no such thing"}')

    def do_HEAD(self) -> None:
        self._send(404, b"")

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["Content-Length"]))
        self._send(200, self.body)

    def log_message(self, *_args: object) -> None:
        pass


@contextmanager
def garbled_server(broken: str, body: bytes) -> Iterator[str]:
    handler = type("Handler", (_Garbled,), {"broken": broken, "body": body})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    ("broken", "body", "message"),
    [
        ("/v1/push", b"<html>not json</html>", "cannot read"),
        ("/v1/push", b'{"results": [{"key": "made-up", "outcome": "applied"}]}', "answered 1 of"),
        ("/v1/changes", b"\x00\xff garbage", "cannot read"),
        (
            "/v1/changes",
            b'{"protocol": 1, "changes": [{"kind": "finding"}], "next": 5, "more": false}',
            "cannot read",
        ),
        ("/v1/me", b"[]", "cannot read"),
    ],
)
def test_a_garbled_reply_is_one_clear_error_and_changes_nothing(
    broken: str, body: bytes, message: str, laptop: Laptop
) -> None:
    ana = laptop("ana")
    validation_id = planned(ana)
    session(ana, validation_id).record_finding("1.1", status="met")
    before = ana.store.read("SELECT * FROM findings")
    with (
        garbled_server(broken, body) as url,
        HubClient(url, "token") as client,
        pytest.raises(HubError, match=message) as caught,
    ):
        run_sync(ana.store, client, "ana")
    assert "\n" not in str(caught.value)
    assert [tuple(r) for r in ana.store.read("SELECT * FROM findings")] == [
        tuple(r) for r in before
    ]
    assert LocalSync(ana.store).pending_count() == 4  # nothing marked as confirmed
    assert LocalSync(ana.store).state("since", "0") == "0"


def test_an_unreachable_hub_says_so_and_keeps_everything(laptop: Laptop) -> None:
    ana = laptop("ana")
    planned(ana)
    with garbled_server("/none", b"") as url:
        pass  # the port is closed again: nothing listens there any more
    with (
        HubClient(url, "token", timeout=2) as client,
        pytest.raises(HubError, match="cannot reach"),
    ):
        run_sync(ana.store, client, "ana")
    assert LocalSync(ana.store).pending_count() == 3
