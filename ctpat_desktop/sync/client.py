"""Talk to the hub: push pending changes, pull the change feed, move evidence by hash.

``run_sync`` is the whole of one sync, as the CLI, the GUI and the tests call it. A dropped
connection is retried; whatever happens, nothing is lost: pushed mutations stay in the
outbox until the hub's answer is recorded, and the pull checkpoint moves only with the
page it belongs to.
"""

import functools
import hashlib
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from ctpat_desktop.errors import CtpatError
from ctpat_desktop.store import Store
from ctpat_desktop.store.repository import utc_now
from ctpat_desktop.sync.local import LocalSync
from ctpat_desktop.sync.protocol import (
    DEFAULT_PAGE,
    KIND_BY_NAME,
    PREFIX,
    PROTOCOL,
    Change,
    Mutation,
    ProtocolError,
    parse_change,
)

# The record kinds this release reads from the change feed, as sent to the hub.
KNOWN_KINDS = ",".join(KIND_BY_NAME)

if TYPE_CHECKING:
    import ssl

    import httpx

PUSH_BATCH = 500
ATTEMPTS = 4  # per request: a dropped connection is tried again this many times in all
MAX_ROUNDS = 3  # push rounds per sync: a stale answer is merged and pushed again
Progress = Callable[[str, int, int], None]
# Sync state: the signed documents synced before their files moved have been caught up.
DOCUMENTS_CAUGHT_UP = "documents_caught_up"


class HubError(CtpatError):
    """The hub could not be reached or refused; the message says what to do."""


class AuthError(HubError):
    """The hub does not accept the token (log in again)."""


@dataclass(frozen=True, slots=True)
class HubUser:
    """Who the token belongs to, as the hub says."""

    name: str
    role: str
    office: str
    hub_id: str = ""  # "" from a hub of an earlier release
    epoch: str = ""
    head: int = -1


def tls_context(verify: bool | str) -> "ssl.SSLContext | bool":
    """How a hub's certificate is checked: False not at all, True against the usual
    authorities (certifi's, as httpx does), a path against that CA file. Made once per
    process and CA file: loading the authorities took about 20 ms of every sync (each
    makes a client), which is a fifth of a no-op sync."""
    if verify is False:
        return False
    path = None if verify is True else str(verify)
    try:
        stamp = os.stat(path).st_mtime_ns if path is not None else 0
    except OSError:
        stamp = -1  # ssl says what is wrong with it, when it is read
    return _tls_context(path, stamp)


@functools.lru_cache(maxsize=4)
def _tls_context(path: str | None, _stamp: int) -> "ssl.SSLContext":
    import ssl

    if path is None:
        import certifi

        return ssl.create_default_context(cafile=certifi.where())
    return ssl.create_default_context(cafile=path)


class HubClient:
    """One hub, one token; every request retried on a dropped connection."""

    def __init__(
        self,
        url: str,
        token: str,
        *,
        verify: bool | str = True,
        timeout: float = 30.0,
        transport: "httpx.BaseTransport | None" = None,
    ) -> None:
        import httpx

        self.url = url.rstrip("/")
        self._http = httpx.Client(
            base_url=self.url + PREFIX,
            headers={"Authorization": f"Bearer {token}", "User-Agent": "ctpat-desktop"},
            timeout=timeout,
            verify=tls_context(verify),
            transport=transport,
        )
        self.requests = 0
        self.blob_bytes_sent = 0

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def __enter__(self) -> "HubClient":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _request(
        self, method: str, path: str, attempts: int = ATTEMPTS, **kwargs: Any
    ) -> "httpx.Response":
        import httpx

        for attempt in range(1, attempts + 1):
            self.requests += 1
            try:
                response = self._http.request(method, path, **kwargs)
            except httpx.TransportError as exc:
                if attempt == attempts:
                    raise HubError(
                        f"cannot reach the hub at {self.url} ({exc.__class__.__name__}: {exc}); "
                        "nothing was lost: changes not confirmed stay pending for the next sync"
                    ) from exc
                continue
            if response.status_code == 401:
                raise AuthError(
                    f"the hub at {self.url} refused the token ({_error_text(response)}); "
                    "log in again with a valid token"
                )
            if response.status_code >= 500 and attempt < attempts:
                continue
            return response
        raise AssertionError("unreachable")  # pragma: no cover

    def _json(self, response: "httpx.Response", expected: tuple[int, ...] = (200,)) -> Any:
        if response.status_code not in expected:
            raise HubError(f"the hub answered {response.status_code}: {_error_text(response)}")
        try:
            return response.json()
        except ValueError:
            raise HubError(
                "the hub sent a reply this app cannot read (not JSON); nothing was changed "
                "for it here"
            ) from None

    def health(self) -> dict[str, Any]:
        """The hub's health document (no token needed)."""
        body = self._json(self._request("GET", "/health"))
        if not isinstance(body, dict) or body.get("protocol") != PROTOCOL:
            raise HubError(
                f"the server at {self.url} does not speak sync protocol {PROTOCOL} "
                f"(it says {body.get('protocol') if isinstance(body, dict) else body!r})"
            )
        return body

    def me(self) -> HubUser:
        """Who the token belongs to."""
        body = self._json(self._request("GET", "/me"))
        try:
            head = body.get("head", -1)
            return HubUser(
                str(body["name"]),
                str(body["role"]),
                str(body.get("office") or ""),
                str(body.get("hub_id") or ""),
                str(body.get("epoch") or ""),
                head if type(head) is int else -1,
            )
        except (KeyError, TypeError, AttributeError):
            raise HubError("the hub sent a reply this app cannot read (/me)") from None

    def stats(self, filters: dict[str, str]) -> dict[str, Any]:
        """The dashboard's figures over what this user may see (GET /v1/stats); tried once,
        so an unreachable hub is said at once (a HubError whose cause is the transport's)."""
        response = self._request("GET", "/stats", attempts=1, params=filters)
        if response.status_code == 404:
            raise HubError(f"the hub at {self.url} has no dashboard yet: it needs updating")
        body = self._json(response)
        if not isinstance(body, dict) or not isinstance(body.get("by_category"), list):
            raise HubError("the hub sent a reply this app cannot read (/stats)")
        return body

    def backlog(self, params: dict[str, str]) -> dict[str, Any]:
        """The members due for (re)validation this user may see (GET /v1/backlog); tried
        once, like stats."""
        response = self._request("GET", "/backlog", attempts=1, params=params)
        if response.status_code == 404:
            raise HubError(f"the hub at {self.url} has no backlog yet: it needs updating")
        body = self._json(response)
        if not isinstance(body, dict) or not isinstance(body.get("members"), list):
            raise HubError("the hub sent a reply this app cannot read (/backlog)")
        return body

    def push(self, mutations: Sequence[Mutation]) -> list[dict[str, Any]]:
        """Send mutations; the hub's result for each, in order."""
        payload = {"protocol": PROTOCOL, "mutations": [m.to_json() for m in mutations]}
        body = self._json(self._request("POST", "/push", json=payload))
        results = body.get("results") if isinstance(body, dict) else None
        if not isinstance(results, list):
            raise HubError("the hub sent a reply this app cannot read (push results)")
        return results

    def changes(self, since: int, limit: int = DEFAULT_PAGE) -> tuple[list[Change], int, bool]:
        """One page of the change feed after since: (changes, next checkpoint, more)."""
        params = {"since": since, "limit": limit, "kinds": KNOWN_KINDS}
        response = self._request("GET", "/changes", params=params)
        body = self._json(response)
        try:
            if not isinstance(body, dict) or body.get("protocol") != PROTOCOL:
                raise ProtocolError("not a change page of protocol 1")
            raw = body["changes"]
            next_seq, more = body["next"], body["more"]
            if not isinstance(raw, list) or type(next_seq) is not int or type(more) is not bool:
                raise ProtocolError("changes, next and more have the wrong types")
            if next_seq < since:
                raise ProtocolError("the checkpoint went backwards")
            return [parse_change(item) for item in raw], next_seq, more
        except (KeyError, ProtocolError) as exc:
            raise HubError(
                f"the hub sent a change page this app cannot read ({exc}); nothing from it "
                "was applied"
            ) from None

    def anchor(self, install: str) -> dict[str, Any] | None:
        """The audit anchor this laptop last left at the hub, or None."""
        response = self._request("GET", "/anchor", params={"install": install})
        if response.status_code == 404:
            return None
        body = self._json(response)
        if (
            not isinstance(body, dict)
            or type(body.get("events")) is not int
            or not isinstance(body.get("hash"), str)
        ):
            raise HubError("the hub sent an audit anchor this app cannot read")
        return body

    def leave_anchor(self, install: str, events: int, last_hash: str) -> None:
        """Leave this laptop's audit head at the hub (refused if events went missing)."""
        body = {"install": install, "events": events, "hash": last_hash}
        self._json(self._request("POST", "/anchor", json=body))

    def has_blob(self, sha256: str, document: bool = False) -> bool:
        """Whether the hub holds this evidence content (or, with document, this signed
        document's file)."""
        response = self._request("HEAD", f"/blobs/{sha256}")
        if response.status_code not in (200, 404):
            raise HubError(
                f"the hub answered {response.status_code} for {_content(document)} {sha256[:12]}…"
            )
        return response.status_code == 200

    def put_blob(self, sha256: str, content: bytes, document: bool = False) -> None:
        """Upload evidence content, or with document a signed document's file (the hub
        checks its hash), unless the hub has it.

        After a dropped connection the hub is asked first: if the upload arrived and only
        the reply was lost, the file does not cross the wire again.
        """
        for attempt in range(1, ATTEMPTS + 1):
            if attempt > 1 and self.has_blob(sha256, document):
                return
            self.blob_bytes_sent += len(content)
            try:
                response = self._request(
                    "PUT",
                    f"/blobs/{sha256}",
                    attempts=1,
                    content=content,
                    headers={"Content-Type": "application/octet-stream"},
                )
            except AuthError:
                raise
            except HubError:
                if attempt == ATTEMPTS:
                    raise
                continue
            break
        if response.status_code not in (200, 201):
            raise HubError(
                f"the hub refused {_content(document)} {sha256[:12]}… "
                f"({response.status_code}: {_error_text(response)})"
            )

    def get_blob(self, sha256: str) -> bytes:
        """Download evidence content, checked against its hash."""
        content = self._download(sha256, _content(False), absent_ok=False)
        assert content is not None  # an absence was an error
        return content

    def get_document(self, sha256: str) -> bytes | None:
        """Download a signed document's file, checked against its hash; None when the hub
        has none (signed before files were kept, or not sent yet)."""
        return self._download(sha256, _content(True), absent_ok=True)

    def _download(self, sha256: str, what: str, *, absent_ok: bool) -> bytes | None:
        response = self._request("GET", f"/blobs/{sha256}")
        if absent_ok and response.status_code == 404:
            return None
        if response.status_code != 200:
            raise HubError(
                f"the hub could not send {what} {sha256[:12]}… ({response.status_code}: "
                f"{_error_text(response)})"
            )
        if hashlib.sha256(response.content).hexdigest() != sha256:
            raise HubError(
                f"{what} {sha256[:12]}… arrived damaged (hash mismatch); it was not kept"
            )
        return response.content


def _content(document: bool) -> str:
    """What a blob holds, as the client's messages name it."""
    return "signed document" if document else "evidence"


def _error_text(response: "httpx.Response") -> str:
    try:
        body = response.json()
    except ValueError:
        return response.reason_phrase or "no details"
    if isinstance(body, dict) and isinstance(body.get("error"), str):
        return str(body["error"])
    return response.reason_phrase or "no details"


@dataclass(slots=True)
class SyncReport:
    """What one sync did; ``sync --json`` prints it."""

    server: str = ""
    user: str = ""
    pushed: int = 0
    pulled: int = 0
    merged: int = 0
    conflicts: int = 0
    new_conflicts: int = 0
    rejected: list[dict[str, str]] = field(default_factory=list)
    parked: list[dict[str, Any]] = field(default_factory=list)
    blobs_uploaded: int = 0
    blobs_downloaded: int = 0
    # Signed documents' files (reports, renditions, letters) moved beside their records.
    documents_uploaded: int = 0
    documents_downloaded: int = 0
    # Records sent without their file: signed before files were kept, none is here.
    documents_not_kept: int = 0
    # Records received whose file the hub does not have: applied, not kept here.
    documents_unavailable: int = 0
    pending: int = 0
    rebased: bool = False  # the hub had been restored from an older copy; taken stock again
    audit: str = ""  # "" when the audit trail checked out against the hub's anchor
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        """The report as a JSON object."""
        return asdict(self)


def run_sync(
    store: Store,
    client: HubClient,
    actor: str,
    progress: Progress | None = None,
    page_size: int = DEFAULT_PAGE,
) -> SyncReport:
    """Push what changed here, then pull what changed on the hub; a SyncReport."""
    try:
        return _sync(store, client, actor, progress, page_size)
    except ProtocolError as exc:  # raised before the local transaction commits
        raise HubError(
            f"the hub sent a reply this app cannot read ({exc}); nothing was changed for it"
        ) from None


def _sync(
    store: Store,
    client: HubClient,
    actor: str,
    progress: Progress | None,
    page_size: int,
) -> SyncReport:
    started = time.perf_counter()
    local = LocalSync(store)
    tell = progress or (lambda _stage, _done, _total: None)
    user = client.me()
    _check_server(local, client.url, user)
    if user.office:  # validations planned before the laptop knew its office adopt it
        store.adopt_office(user.office, actor)
    report = SyncReport(server=client.url, user=user.name)
    rewound_from = _rewound(local, user)
    if rewound_from is not None:
        # The hub came back from an older copy: take stock of what it holds now, so that
        # what it lost is sent again and nothing it gained since is taken blindly.
        report.rebased = True
        local.start_rebase(rewound_from)
        _pull(local, client, actor, report, tell, page_size)
        local.finish_rebase()
    if user.epoch and local.state("hub_epoch") != user.epoch:
        local.set_state({"hub_epoch": user.epoch})
    rejected: set[tuple[str, str]] = set()
    unsent: set[str] = set()  # document records sent without a file (none kept here)
    for _round in range(MAX_ROUNDS):
        local.prepare(skip=rejected)
        outbox = local.outbox()
        if not outbox:
            break
        _upload_blobs(local, client, outbox, report, tell, unsent)
        merged_before = report.merged
        for start in range(0, len(outbox), PUSH_BATCH):
            batch = outbox[start : start + PUSH_BATCH]
            tell("push", start, len(outbox))
            settled = local.settle(batch, client.push(batch), actor)
            report.pushed += settled.applied
            report.merged += settled.merged
            report.new_conflicts += settled.new_conflicts
            report.rejected.extend(settled.rejected)
            rejected.update((r["kind"], r["id"]) for r in settled.rejected)
        tell("push", len(outbox), len(outbox))
        if report.merged == merged_before:
            break
    report.documents_not_kept = len(unsent)
    _pull(local, client, actor, report, tell, page_size)
    if local.state(DOCUMENTS_CAUGHT_UP) != "1":
        _catch_up_documents(local, client, report, tell)
    report.audit = _anchor(local, client)
    local.set_state(
        {
            "last_synced": utc_now(),
            "hub_user": user.name,
            "hub_office": user.office,
            "hub_role": user.role,
        }
    )
    report.conflicts = len(local.conflicts())
    report.parked = local.parked()
    report.pending = local.pending_count()
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def _anchor(local: LocalSync, client: HubClient) -> str:
    """Check the audit trail against the hub's anchor, then leave a new one; a problem or ""."""
    import json

    install = local.install_id()
    store = local.store
    found = client.anchor(install)
    if (
        found is not None
        and found["events"]
        and store.audit_hash_at(int(found["events"])) != found["hash"]
    ):
        return (
            f"the audit trail here lacks events the hub saw ({found['events']} events up to "
            f"{str(found['hash'])[:12]}…); run `ctpat-desktop audit verify`"
        )
    events, last_hash = store.audit_head()
    client.leave_anchor(install, events, last_hash)
    local.set_state({"audit_anchor": json.dumps({"events": events, "hash": last_hash})})
    return ""


def _check_server(local: LocalSync, url: str, user: HubUser) -> None:
    """One data folder syncs with one hub: by its identity where the hub has one (so a
    hub may move to a new address), else by address."""
    known, known_id = local.state("server"), local.state("hub_id")
    if known_id and user.hub_id and known_id != user.hub_id:
        raise HubError(
            f"{url} is another hub than the one this data folder syncs with ({known}); "
            "use another data folder for another hub"
        )
    if known and known != url and not (known_id and known_id == user.hub_id):
        raise HubError(
            f"this data folder syncs with {known}; it cannot also sync with {url} "
            "(use another data folder for another hub)"
        )
    values = {"server": url} | ({"hub_id": user.hub_id} if user.hub_id else {})
    current = {"server": known, "hub_id": known_id}
    if any(current[name] != value for name, value in values.items()):
        local.set_state(values)  # written only when it changes: a no-op sync writes nothing


def _rewound(local: LocalSync, user: HubUser) -> str | None:
    """The epoch this laptop last synced in, if the hub has gone back since (a new epoch,
    or fewer changes than this laptop has seen); else None."""
    known = local.state("hub_epoch")
    since = int(local.state("since", "0") or 0)
    if known and user.epoch and known != user.epoch:
        return known
    if user.head >= 0 and user.head < since:
        return known or user.epoch
    return None


def _upload_blobs(
    local: LocalSync,
    client: HubClient,
    outbox: Sequence[Mutation],
    report: SyncReport,
    tell: Progress,
    unsent: set[str],
) -> None:
    """Send the files the outbox's records need first: evidence, then the signed
    documents kept here; the IDs of document records with no file here go into unsent."""
    needed = local.outbox_blobs(outbox)
    for index, sha in enumerate(needed):
        tell("upload evidence", index, len(needed))
        if client.has_blob(sha):
            continue
        client.put_blob(sha, local.store.blobs.read_bytes(sha))
        report.blobs_uploaded += 1
    documents, not_kept = local.outbox_documents(outbox)
    _send_documents(local, client, documents, report, tell)
    unsent.update(not_kept)


def _send_documents(
    local: LocalSync, client: HubClient, shas: Sequence[str], report: SyncReport, tell: Progress
) -> None:
    """Upload the kept files of signed documents the hub does not hold yet."""
    for index, sha in enumerate(shas):
        tell("upload signed documents", index, len(shas))
        if not client.has_blob(sha, document=True):
            client.put_blob(sha, local.store.blobs.read_bytes(sha), document=True)
            report.documents_uploaded += 1


def _catch_up_documents(
    local: LocalSync, client: HubClient, report: SyncReport, tell: Progress
) -> None:
    """Once per data folder: send the files of documents whose records reached the hub
    before files moved with them, and fetch those this laptop lacks (a hub without one
    says so, and that is no failure)."""
    kept, missing = local.synced_documents()
    _send_documents(local, client, kept, report, tell)
    for index, sha in enumerate(missing):
        tell("download signed documents", index, len(missing))
        content = client.get_document(sha)
        if content is not None:
            local.store_document(sha, content)
            report.documents_downloaded += 1
    local.set_state({DOCUMENTS_CAUGHT_UP: "1"})


def _pull(
    local: LocalSync,
    client: HubClient,
    actor: str,
    report: SyncReport,
    tell: Progress,
    page_size: int,
) -> None:
    since = int(local.state("since", "0") or 0)
    if local.state("kinds") != KNOWN_KINDS:
        # This release knows kinds the feed held back from the one before (or the laptop
        # synced before laptops said which): read it again from the start, once; records
        # already here are recognised by their revision and left alone.
        since = 0
    more = True
    while more:
        changes, next_seq, more = client.changes(since, page_size)
        for sha in local.missing_blobs(changes):
            local.store_blob(sha, client.get_blob(sha))
            report.blobs_downloaded += 1
        for sha in local.missing_documents(changes):
            content = client.get_document(sha)
            if content is None:  # the record is applied all the same, without a copy here
                report.documents_unavailable += 1
                continue
            local.store_document(sha, content)
            report.documents_downloaded += 1
        applied = local.apply_page(changes, next_seq, actor)
        report.pulled += applied.applied
        report.new_conflicts += applied.new_conflicts
        tell("pull", next_seq, next_seq if not more else next_seq + 1)
        since = next_seq
    local.set_state({"kinds": KNOWN_KINDS})
    local.retry_parked(actor)


@dataclass(frozen=True, slots=True)
class Pending:
    """Everything a push would send now, with the files it needs (for a bundle)."""

    mutations: list[Mutation]
    evidence: dict[str, bytes]
    documents: dict[str, bytes]  # the signed documents' files kept here
    documents_not_kept: int  # document records going without one (signed before)

    @property
    def blobs(self) -> dict[str, bytes]:
        """Every file by SHA-256, as a bundle carries them."""
        return self.evidence | self.documents


def pending_mutations(store: Store) -> Pending:
    """Everything a push would send now, and the evidence and signed documents it needs."""
    local = LocalSync(store)
    local.prepare()
    outbox = local.outbox()
    evidence = {sha: store.blobs.read_bytes(sha) for sha in local.outbox_blobs(outbox)}
    kept, not_kept = local.outbox_documents(outbox)
    documents = {sha: store.blobs.read_bytes(sha) for sha in kept}
    return Pending(outbox, evidence, documents, len(not_kept))


def describe(report: SyncReport) -> str:
    """One or two lines for people."""
    text = (
        f"synced with {report.server} as {report.user}: {report.pushed} pushed, "
        f"{report.pulled} pulled, {report.conflicts} conflict(s) open"
    )
    if report.rejected:
        text += f"\n{len(report.rejected)} change(s) refused by the hub: " + "; ".join(
            f"{r['kind']} {r['id'][:8]}: {r['error']}" for r in report.rejected[:5]
        )
    if report.documents_uploaded or report.documents_downloaded:
        text += (
            f"\nsigned documents: {report.documents_uploaded} sent, "
            f"{report.documents_downloaded} received"
        )
    if report.documents_not_kept:
        text += (
            f"\n{report.documents_not_kept} signed document record(s) sent without the file: "
            "no copy is kept on this laptop (signed before copies were kept)"
        )
    if report.documents_unavailable:
        text += (
            f"\n{report.documents_unavailable} signed document(s) received without the file: "
            "the hub has no copy (their records were applied)"
        )
    if report.audit:
        text += f"\nAUDIT TRAIL: {report.audit}"
    if report.parked:
        text += f"\n{len(report.parked)} change(s) from the hub waiting: " + "; ".join(
            f"{p['kind']} {p['id'][:8]}: {p['problem']}" for p in report.parked[:5]
        )
    return text
