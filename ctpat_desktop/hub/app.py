"""The hub's HTTP API (protocol.py): a Starlette app over a Hub.

Handlers are async only to read bodies with a size limit; every Hub call (SQL, disk) runs
in Starlette's threadpool so the event loop never waits on the database.
"""

import hashlib
import json
import re
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ctpat_desktop.errors import CtpatError, RuleError
from ctpat_desktop.hub.push import User
from ctpat_desktop.hub.service import Hub, HubError
from ctpat_desktop.hub.stats import ScopeError
from ctpat_desktop.sync.protocol import (
    DEFAULT_PAGE,
    MAX_BLOB_BYTES,
    MAX_JSON_BYTES,
    MAX_KEY,
    MAX_MUTATIONS,
    MAX_PAGE,
    PREFIX,
    PROTOCOL,
    REJECTED,
    Mutation,
    ProtocolError,
    known_kinds,
    parse_mutation,
)

SERVICE = "ctpat-hub"
_SHA256 = re.compile(r"[0-9a-f]{64}")
_INSTALL = re.compile(r"[0-9a-f-]{8,64}")
# GET /v1/stats's query parameters and the filter each sets.
_STATS_PARAMS = {
    "from": "start",
    "to": "end",
    "entity": "entity",
    "mode": "mode",
    "status": "status",
    "catalog_version": "catalog_version",
    "office": "office",
    "scss": "scss",
}


class ApiError(Exception):
    """An error answered as ``{"error": message}`` with an HTTP status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


async def _api_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
    return _error(exc.status, exc.message, headers)


async def _http_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return _error(exc.status_code, str(exc.detail), dict(exc.headers or {}))


async def _hub_error(_request: Request, exc: Exception) -> Response:
    return _error(500, str(exc))


def parse_push(body: bytes) -> list[Mutation | dict[str, Any]]:
    """The mutations of a push request's body, or ApiError(400) saying what is wrong.

    A mutation whose key can be read but whose content breaks the protocol (a NUL in a
    name, a field of the wrong type) becomes its own "rejected" result: one bad change
    never stops the rest of the push.
    """
    try:
        data = json.loads(body)
    except ValueError:
        raise ApiError(400, "The request body is not valid JSON.") from None
    except RecursionError:  # how json gives up on deep nesting
        raise ApiError(400, "The request body is nested too deeply to be a push.") from None
    if not isinstance(data, dict) or not isinstance(data.get("mutations"), list):
        raise ApiError(400, "A push must be a JSON object with protocol and a mutations list.")
    if data.get("protocol") != PROTOCOL:
        raise ApiError(
            400,
            f"This hub speaks protocol {PROTOCOL}; the request uses protocol "
            f"{data.get('protocol')!r}.",
        )
    raw = data["mutations"]
    if len(raw) > MAX_MUTATIONS:
        raise ApiError(400, f"A push carries at most {MAX_MUTATIONS} mutations, not {len(raw)}.")
    mutations: list[Mutation | dict[str, Any]] = []
    for index, item in enumerate(raw):
        try:
            mutations.append(parse_mutation(item))
        except ProtocolError as exc:
            key = item.get("key") if isinstance(item, dict) else None
            if not (isinstance(key, str) and 0 < len(key) <= MAX_KEY and key.isprintable()):
                raise ApiError(400, f"Mutation {index} is not valid: {exc}.") from None
            mutations.append({"key": key, "outcome": REJECTED, "error": f"{exc}"})
    return mutations


def _whole_number(request: Request, name: str, default: int, low: int, high: int) -> int:
    text = request.query_params.get(name)
    if text is None:
        return default
    try:
        value = int(text)
    except ValueError:
        value = low - 1
    if not low <= value <= high:
        raise ApiError(400, f"{name} must be a whole number from {low} to {high}.")
    return value


class _Api:
    """The endpoints, bound to one Hub."""

    def __init__(self, hub: Hub) -> None:
        self.hub = hub

    async def _user(self, request: Request) -> User:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise ApiError(401, "Send the hub token as 'Authorization: Bearer TOKEN'.")
        user = await run_in_threadpool(self.hub.authenticate, token.strip())
        if user is None:
            raise ApiError(401, "The hub token is not valid (wrong, or its user is disabled).")
        return user

    async def _body(self, request: Request, limit: int, what: str, count: bool = False) -> bytes:
        """The request body, refused with 413 past limit (declared or actually sent)."""
        declared = request.headers.get("content-length")
        if declared is not None:
            if not declared.isdigit():
                raise ApiError(400, "Content-Length is not a number.")
            if int(declared) > limit:
                raise ApiError(413, f"{what} is larger than the hub's limit of {limit} bytes.")
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if count:
                self.hub.blob_bytes_received += len(chunk)
            if len(body) > limit:
                raise ApiError(413, f"{what} is larger than the hub's limit of {limit} bytes.")
        return bytes(body)

    async def health(self, _request: Request) -> Response:
        """GET /v1/health: no token needed."""
        return JSONResponse({"status": "ok", "service": SERVICE, "protocol": PROTOCOL})

    async def me(self, request: Request) -> Response:
        """GET /v1/me: who the token belongs to."""
        user = await self._user(request)
        head = await run_in_threadpool(self.hub.head)
        return JSONResponse(
            {
                "name": user.name,
                "role": user.role,
                "office": user.office,
                "hub_id": self.hub.hub_id,
                "epoch": self.hub.epoch,
                "head": head,
            }
        )

    async def push(self, request: Request) -> Response:
        """POST /v1/push: apply mutations, one result each."""
        user = await self._user(request)
        body = await self._body(request, MAX_JSON_BYTES, "The push request")

        def parse_and_push() -> list[dict[str, Any]]:
            parsed = parse_push(body)
            applied = iter(self.hub.push(user, [m for m in parsed if isinstance(m, Mutation)]))
            return [next(applied) if isinstance(m, Mutation) else m for m in parsed]

        results = await run_in_threadpool(parse_and_push)
        return JSONResponse({"protocol": PROTOCOL, "results": results})

    async def changes(self, request: Request) -> Response:
        """GET /v1/changes?since=&limit=: the change feed, paged."""
        user = await self._user(request)
        since = _whole_number(request, "since", 0, 0, 2**62)
        limit = _whole_number(request, "limit", DEFAULT_PAGE, 1, MAX_PAGE)
        kinds = known_kinds(request.query_params.get("kinds"))
        changes, next_seq, more = await run_in_threadpool(
            self.hub.changes, user, since, limit, kinds
        )
        return JSONResponse(
            {
                "protocol": PROTOCOL,
                "changes": [change.to_json() for change in changes],
                "next": next_seq,
                "more": more,
            }
        )

    async def anchor(self, request: Request) -> Response:
        """GET/POST /v1/anchor: a laptop's audit anchor (events, last hash), kept here."""
        user = await self._user(request)
        if request.method == "GET":
            install = request.query_params.get("install", "")
            if not _INSTALL.fullmatch(install):
                raise ApiError(400, "install must be the laptop's installation id.")
            found = await run_in_threadpool(self.hub.anchor, user, install)
            if found is None:
                raise ApiError(404, "No anchor from this laptop yet.")
            return JSONResponse(found)
        body = await self._body(request, 4096, "The anchor")
        try:
            raw = json.loads(body)
            install, events, last = raw["install"], raw["events"], raw["hash"]
        except (ValueError, KeyError, TypeError, RecursionError):
            raise ApiError(400, "The anchor must be JSON with install, events and hash.") from None
        if not (
            isinstance(install, str)
            and _INSTALL.fullmatch(install)
            and type(events) is int
            and 0 <= events < 2**62
            and isinstance(last, str)
            and _SHA256.fullmatch(last)
        ):
            raise ApiError(400, "The anchor's install, events or hash is not valid.")
        try:
            await run_in_threadpool(self.hub.set_anchor, user, install, events, last)
        except HubError as exc:
            raise ApiError(409, str(exc)) from None
        return JSONResponse({"install": install, "events": events, "hash": last})

    async def stats(self, request: Request) -> Response:
        """GET /v1/stats?from=&to=&entity=&mode=&status=&catalog_version=&office=&scss=: the
        dashboard's figures over what the user may see (an admin: every office)."""
        user = await self._user(request)
        given = {name: request.query_params.get(name) for name in _STATS_PARAMS}
        unknown = sorted(set(request.query_params) - set(_STATS_PARAMS))
        if unknown:
            raise ApiError(
                400, f"Unknown filter {unknown[0]!r}; filters: {', '.join(_STATS_PARAMS)}."
            )

        def figures() -> dict[str, Any]:
            from ctpat_desktop.catalog import CatalogLibrary
            from ctpat_desktop.paths import resources_dir
            from ctpat_desktop.services.dashboard import stats_filter

            try:
                filters = stats_filter(
                    CatalogLibrary(resources_dir()),
                    **{_STATS_PARAMS[name]: value for name, value in given.items()},
                )
            except CtpatError as exc:
                raise ApiError(400, f"{exc}.") from None
            try:
                return self.hub.stats(user, filters)
            except ScopeError as exc:
                raise ApiError(403, f"{exc}.") from None

        return JSONResponse(await run_in_threadpool(figures))

    async def backlog(self, request: Request) -> Response:
        """GET /v1/backlog?office=&as_of=&horizon_days=: the members due for (re)validation
        that the user may see, by risk (an admin: every office, or one)."""
        user = await self._user(request)
        unknown = sorted(set(request.query_params) - {"office", "as_of", "horizon_days"})
        if unknown:
            raise ApiError(
                400, f"Unknown parameter {unknown[0]!r}; use office, as_of, horizon_days."
            )
        office = request.query_params.get("office") or None
        horizon = request.query_params.get("horizon_days")
        days = None if horizon is None else _whole_number(request, "horizon_days", 0, 0, 3660)
        as_of = request.query_params.get("as_of")

        def backlog() -> dict[str, Any]:
            from ctpat_desktop.hub.backlog import hub_backlog
            from ctpat_desktop.services.validations import parse_date

            try:
                today = parse_date(as_of, "as_of") if as_of else None
                return hub_backlog(self.hub, user, office=office, today=today, horizon_days=days)
            except ScopeError as exc:
                raise ApiError(403, f"{exc}.") from None
            except RuleError as exc:
                raise ApiError(400, f"{exc}.") from None

        return JSONResponse(await run_in_threadpool(backlog))

    async def blob(self, request: Request) -> Response:
        """HEAD/PUT/GET /v1/blobs/{sha256}: evidence content, or a signed document's file,
        addressed by its hash."""
        user = await self._user(request)
        sha = request.path_params["sha256"]
        if not _SHA256.fullmatch(sha):
            raise ApiError(400, "The path must end in a SHA-256: 64 lowercase hex digits.")
        if request.method == "HEAD":
            found = await run_in_threadpool(self.hub.blob_known_to, user, sha)
            return Response(status_code=200 if found else 404)
        if request.method == "PUT":
            content = await self._body(
                request, MAX_BLOB_BYTES, "The evidence or signed document file", count=True
            )
            if hashlib.sha256(content).hexdigest() != sha:
                raise ApiError(400, "The content does not match its SHA-256.")
            created = await run_in_threadpool(self.hub.put_blob, sha, content, user)
            return JSONResponse({"sha256": sha, "size": len(content)}, 201 if created else 200)
        content_or_none = await run_in_threadpool(self.hub.blob_for, user, sha)
        if content_or_none is None:
            # The same words for unknown content and another office's: nothing confirmed.
            raise ApiError(
                404, f"No evidence content or signed document {sha} that this user may see."
            )
        return Response(content_or_none, media_type="application/octet-stream")


def create_app(hub: Hub) -> Starlette:
    """The hub's web app, serving the routes of protocol.py under /v1."""
    api = _Api(hub)
    routes = [
        Route(f"{PREFIX}/health", api.health, methods=["GET"]),
        Route(f"{PREFIX}/me", api.me, methods=["GET"]),
        Route(f"{PREFIX}/push", api.push, methods=["POST"]),
        Route(f"{PREFIX}/changes", api.changes, methods=["GET"]),
        Route(f"{PREFIX}/anchor", api.anchor, methods=["GET", "POST"]),
        Route(f"{PREFIX}/stats", api.stats, methods=["GET"]),
        Route(f"{PREFIX}/backlog", api.backlog, methods=["GET"]),
        Route(f"{PREFIX}/blobs/{{sha256}}", api.blob, methods=["HEAD", "PUT", "GET"]),
    ]
    handlers = {ApiError: _api_error, HTTPException: _http_error, CtpatError: _hub_error}
    return Starlette(routes=routes, exception_handlers=handlers)
