"""Signed documents' files reach the field office's hub (issues 17/18): the kept bytes of a
signed report, rendition or follow-up letter go up with its record, a colleague's laptop
takes them down and writes the document again byte for byte, another office hears "not
here", and a document signed before files were kept syncs without one and says so.
Before, only the records moved: a supervisor's laptop showed `kept: false`."""

import hashlib
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from ctpat_desktop.app import AppContext
from ctpat_desktop.cli import main
from ctpat_desktop.hub import bundles as hub_bundles
from ctpat_desktop.hub.tables import hub_records
from ctpat_desktop.report.certificates import SigningIdentity, create_test_identity
from ctpat_desktop.report.signing import Pkcs12Key
from ctpat_desktop.services import approval, followup, letters, report_copy, report_io, sync_io
from ctpat_desktop.sync.client import (
    DOCUMENTS_CAUGHT_UP,
    HubClient,
    HubError,
    describe,
    run_sync,
)
from ctpat_desktop.sync.local import LocalSync
from ctpat_desktop.sync.protocol import PREFIX
from ctpat_desktop.worksheet import Finding, FindingStatus
from tests.conftest import CliResult
from tests.hubkit import ServedHub
from tests.sync.conftest import Laptop, sync
from tests.sync.helpers import planned, session

PASSPHRASE = "correct horse"


@dataclass(frozen=True)
class Signed:
    """A validation whose report, Spanish rendition and status letter ana signed."""

    validation_id: str
    identity: SigningIdentity
    report: bytes
    rendition: bytes
    letter: bytes


def _approved(hub_server: ServedHub, miami: dict[str, str], laptop: Laptop, ana: AppContext) -> str:
    """A validation with a required action (4.8), submitted by ana and approved by her
    supervisor through the hub; its ID."""
    sam_token = hub_server.add_user("sam", "supervisor", "Miami")
    sam = laptop("sam")
    validation_id = planned(ana)
    work = session(ana, validation_id)
    required = Finding("4.8", FindingStatus.NOT_MET, ("training-gap",), action="Enforce MFA")
    work.replace_findings(
        [
            required if c.id == "4.8" else Finding(c.id, FindingStatus.MET)
            for c in work.catalog.criteria
        ]
    )
    approval.submit_for_review(ana, validation_id)
    sync(ana, hub_server.url, miami["ana"])
    sync(sam, hub_server.url, sam_token)
    approval.approve(sam, validation_id)
    sync(sam, hub_server.url, sam_token)
    sync(ana, hub_server.url, miami["ana"])
    return validation_id


def _signed(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop, ana: AppContext, tmp: Path
) -> Signed:
    """The report, its Spanish rendition and a status letter, signed on ana's laptop (not
    synced since); the files handed out are gone, only the kept copies remain."""
    validation_id = _approved(hub_server, miami, laptop, ana)
    identity = create_test_identity(tmp / "id", "ana", PASSPHRASE)
    key = Pkcs12Key(identity.pkcs12)
    secret = lambda: PASSPHRASE  # noqa: E731
    report_io.issue_report(ana, validation_id, tmp / "v1.pdf", key, secret)
    followup.respond(ana, validation_id, "4.8", implemented=False, note="Next quarter")
    letters.issue_rendition(
        ana, validation_id, tmp / "v1-es.pdf", key, secret, language="es", version=1
    )
    letters.issue_letter(ana, validation_id, tmp / "letter.pdf", key, secret)
    files = [tmp / name for name in ("v1.pdf", "v1-es.pdf", "letter.pdf")]
    contents = [path.read_bytes() for path in files]
    for path in files:
        path.unlink()
    return Signed(validation_id, identity, *contents)


def _sha(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _cli(ctx: AppContext, capsys: pytest.CaptureFixture[str], *args: str) -> CliResult:
    code = main([*args, "--data-dir", str(ctx.data_dir)])
    captured = capsys.readouterr()
    return CliResult(code, captured.out, captured.err)


def test_a_colleague_writes_the_signed_documents_again_byte_for_byte(
    hub_server: ServedHub,
    miami: dict[str, str],
    laptop: Laptop,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ana, ben = laptop("ana"), laptop("ben")
    signed = _signed(hub_server, miami, laptop, ana, tmp_path)

    sent = sync(ana, hub_server.url, miami["ana"])
    assert sent.rejected == [] and sent.pending == 0
    assert (sent.documents_uploaded, sent.documents_not_kept) == (3, 0)
    for content in (signed.report, signed.rendition, signed.letter):
        assert hub_server.hub.blobs.read_bytes(_sha(content)) == content
    assert "signed documents: 3 sent, 0 received" in describe(sent)

    received = sync(ben, hub_server.url, miami["ben"])
    assert (received.documents_downloaded, received.documents_unavailable) == (3, 0)
    assert "signed documents: 0 sent, 3 received" in describe(received)
    shown = _cli(ben, capsys, "validation", "show", signed.validation_id, "--json").json()
    assert [r["kept"] for r in shown["reports"]] == [True]

    vid, trust = signed.validation_id, str(signed.identity.ca_certificate)
    copies = {
        signed.report: ("report", vid, "{out}", "--copy-of", "1"),
        signed.rendition: ("report", vid, "{out}", "--copy-of", "1", "--lang", "es"),
        signed.letter: ("followup", "letter", vid, "{out}", "--copy-of", "1"),
    }
    for number, (content, args) in enumerate(copies.items()):
        out = tmp_path / f"ben-{number}.pdf"
        done = _cli(ben, capsys, *(arg.format(out=out) for arg in args))
        assert done.code == 0, done.err
        assert out.read_bytes() == content
        verified = _cli(ben, capsys, "verify", str(out), "--trust", trust)
        assert verified.code == 0, verified.out + verified.err

    again = sync(ben, hub_server.url, miami["ben"])
    assert (again.documents_downloaded, again.documents_uploaded) == (0, 0)


def test_only_the_office_that_signed_may_read_a_document(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop, tmp_path: Path
) -> None:
    ana = laptop("ana")
    signed = _signed(hub_server, miami, laptop, ana, tmp_path)
    sync(ana, hub_server.url, miami["ana"])
    sha = _sha(signed.report)
    unknown = "ab" * 32
    chicago = hub_server.add_user("cy", "scss", "Chicago")
    chicago_chief = hub_server.add_user("cid", "supervisor", "Chicago")
    admin = hub_server.add_user("root", "admin", None)

    def answers(token: str, target: str) -> tuple[int, int, bytes]:
        with hub_server.client(token) as client:
            head = client.head(f"{PREFIX}/blobs/{target}")
            got = client.get(f"{PREFIX}/blobs/{target}")
        return head.status_code, got.status_code, got.content

    # A colleague (and the office's supervisor) who never uploaded it reads it by its record.
    for token in (miami["ben"], hub_server.hub.add_user("sue", "supervisor", "Miami"), admin):
        assert answers(token, sha) == (200, 200, signed.report)
    # Another office hears exactly what it hears for content that is nowhere.
    for token in (chicago, chicago_chief):
        head, status, body = answers(token, sha)
        _h, _s, nowhere = answers(token, unknown)
        assert (head, status) == (404, 404)
        assert body.replace(sha.encode(), b"") == nowhere.replace(unknown.encode(), b"")
        assert b"signed document" in body and b"evidence" in body
    # A record of another office naming the hash (every report prints it) opens nothing.
    with hub_server.hub.engine.begin() as conn:
        original = conn.execute(
            sa.select(hub_records).where(
                hub_records.c.kind == "report", hub_records.c.fields.contains(sha)
            )
        ).mappings()
        forged = dict(original.one()) | {"id": "forged", "office": "Chicago", "seq": 10**9}
        conn.execute(sa.insert(hub_records), forged)
    assert answers(chicago, sha)[:2] == (404, 404)


def _report_id(hub_server: ServedHub, validation_id: str) -> str:
    with hub_server.hub.engine.connect() as conn:
        return str(
            conn.execute(
                sa.select(hub_records.c.id).where(
                    hub_records.c.kind == "report", hub_records.c.validation_id == validation_id
                )
            ).scalar_one()
        )


def test_a_document_signed_before_files_were_kept_syncs_without_one(
    hub_server: ServedHub,
    miami: dict[str, str],
    laptop: Laptop,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ana, ben = laptop("ana"), laptop("ben")
    signed = _signed(hub_server, miami, laptop, ana, tmp_path)
    # As signed by the release before: the record, no kept copy.
    ana.store.blobs.path_of(_sha(signed.report)).unlink()

    sent = sync(ana, hub_server.url, miami["ana"])
    assert sent.rejected == [] and sent.pending == 0
    assert (sent.documents_uploaded, sent.documents_not_kept) == (2, 1)
    assert "1 signed document record(s) sent without the file" in describe(sent)
    assert hub_server.hub.record("report", _report_id(hub_server, signed.validation_id))
    assert not hub_server.hub.has_blob(_sha(signed.report))

    received = sync(ben, hub_server.url, miami["ben"])
    assert received.parked == [] and received.pending == 0
    assert (received.documents_downloaded, received.documents_unavailable) == (2, 1)
    assert "1 signed document(s) received without the file" in describe(received)
    kept = {
        (d.language, d.rendition): d.kept
        for d in report_copy.signed_documents(ben, signed.validation_id)
    }
    assert kept == {("en", False): False, ("es", True): True}
    out = tmp_path / "lost.pdf"
    refused = _cli(ben, capsys, "report", signed.validation_id, str(out), "--copy-of", "1")
    assert refused.code == 1 and not out.exists()
    assert len(refused.err.strip().splitlines()) == 1 and "no copy" in refused.err


def test_the_hub_refuses_a_document_file_that_does_not_match_its_hash(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop, tmp_path: Path
) -> None:
    ana, ben = laptop("ana"), laptop("ben")
    signed = _signed(hub_server, miami, laptop, ana, tmp_path)
    sha = _sha(signed.report)
    with HubClient(hub_server.url, miami["ben"]) as client, pytest.raises(HubError) as refused:
        client.put_blob(sha, b"%PDF-1.7 forged", document=True)
    assert str(refused.value).startswith(f"the hub refused signed document {sha[:12]}… (400")
    assert "does not match its SHA-256" in str(refused.value)
    assert not hub_server.hub.has_blob(sha)

    assert sync(ana, hub_server.url, miami["ana"]).documents_uploaded == 3
    assert sync(ben, hub_server.url, miami["ben"]).documents_downloaded == 3
    copy = tmp_path / "copy.pdf"
    report_copy.copy_report(ben, signed.validation_id, 1, copy)
    assert copy.read_bytes() == signed.report


def test_a_damaged_download_is_not_kept(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop, tmp_path: Path
) -> None:
    ana = laptop("ana")
    signed = _signed(hub_server, miami, laptop, ana, tmp_path)
    sync(ana, hub_server.url, miami["ana"])
    sha = _sha(signed.letter)

    def damaged(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"%PDF-1.7 damaged on the way")

    transport = httpx.MockTransport(damaged)
    with (
        HubClient(hub_server.url, miami["ben"], transport=transport) as bad,
        pytest.raises(HubError, match=r"signed document .* arrived damaged"),
    ):
        bad.get_document(sha)
    with HubClient(hub_server.url, miami["ben"]) as client:
        assert client.get_document(sha) == signed.letter
        assert client.get_document("cd" * 32) is None


def test_an_offline_bundle_carries_the_signed_documents_both_ways(
    hub_server: ServedHub,
    miami: dict[str, str],
    laptop: Laptop,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ana, ben = laptop("ana"), laptop("ben")
    signed = _signed(hub_server, miami, laptop, ana, tmp_path)
    outgoing = tmp_path / "ana.bundle"
    # The command says what the bundle carries: the signed documents too.
    monkeypatch.setenv("CTPAT_HUB_TOKEN", miami["ana"])
    argv = ["bundle", "export", str(outgoing), "--user", "ana", "--data-dir", str(ana.data_dir)]
    assert main(argv) == 0
    assert "and 3 signed document(s) to" in capsys.readouterr().out
    written = sync_io.export_bundle(ana, outgoing, "ana", miami["ana"])
    assert (written["documents"], written["documents_not_kept"]) == (3, 0)

    imported = hub_bundles.import_bundle(hub_server.hub, outgoing)
    assert imported.rejected == [] and imported.documents_stored == 3
    assert "3 signed document file(s) stored" in imported.line()

    incoming = tmp_path / "ben.bundle"
    exported = hub_bundles.export_bundle(hub_server.hub, incoming, "ben", 0)
    assert exported.documents == 3
    sync_io.import_bundle(ben, incoming, miami["ben"])
    copy = tmp_path / "letter.pdf"
    assert report_copy.copy_letter(ben, signed.validation_id, 1, copy)[0] == 1
    assert copy.read_bytes() == signed.letter


def test_documents_synced_before_files_moved_are_caught_up_once(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop, tmp_path: Path
) -> None:
    ana, ben = laptop("ana"), laptop("ben")
    signed = _signed(hub_server, miami, laptop, ana, tmp_path)
    sha = _sha(signed.report)
    kept = ana.store.blobs.path_of(sha)
    aside = tmp_path / "aside"
    kept.rename(aside)  # the records reach the hub as the release before sent them: no file
    sync(ana, hub_server.url, miami["ana"])
    assert sync(ben, hub_server.url, miami["ben"]).documents_unavailable == 1
    documents = report_copy.signed_documents(ben, signed.validation_id)
    assert {d.rendition: d.kept for d in documents} == {False: False, True: True}

    # Both laptops as the release before left them: kept copies, records synced, no mark.
    aside.rename(kept)
    for ctx in (ana, ben):
        LocalSync(ctx.store).set_state({DOCUMENTS_CAUGHT_UP: ""})
    first = sync(ana, hub_server.url, miami["ana"])
    assert (first.documents_uploaded, first.pushed) == (1, 0)
    assert hub_server.hub.blobs.read_bytes(sha) == signed.report
    assert sync(ben, hub_server.url, miami["ben"]).documents_downloaded == 1
    copy = tmp_path / "copy.pdf"
    report_copy.copy_report(ben, signed.validation_id, 1, copy)
    assert copy.read_bytes() == signed.report

    # Once: later syncs ask the hub nothing more about documents.
    with HubClient(hub_server.url, miami["ana"]) as client:
        again = run_sync(ana.store, client, ana.actor)
        requests = client.requests
    assert again.documents_uploaded == 0
    LocalSync(ana.store).set_state({DOCUMENTS_CAUGHT_UP: ""})
    with HubClient(hub_server.url, miami["ana"]) as client:
        run_sync(ana.store, client, ana.actor)
        assert client.requests == requests + 3  # HEAD per kept document
