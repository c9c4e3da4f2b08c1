"""Sync use cases for the CLI and the GUI: which hub, which token, sync, bundles, conflicts."""

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ctpat_desktop.errors import CtpatError
from ctpat_desktop.secrets import find_secret, store_secret

if TYPE_CHECKING:
    from ctpat_desktop.app import AppContext
    from ctpat_desktop.sync.client import Progress, SyncReport

TOKEN_ENV = "CTPAT_HUB_TOKEN"
Ask = Callable[[str], str | None]
# Tokens typed into this process when no keyring works: kept in memory only.
_remembered: dict[str, str] = {}


def token_name(url: str) -> str:
    """The keyring entry of the token for one hub."""
    return f"hub-token:{url.rstrip('/')}"


def hub_url(ctx: "AppContext", explicit: str | None = None) -> str:
    """--server, else the settings' hub_url, else the hub this folder synced with."""
    from ctpat_desktop.sync.local import LocalSync

    url = explicit or ctx.settings.hub_url or LocalSync(ctx.store).state("server")
    if not url:
        raise CtpatError("no hub is set: pass --server URL (or set hub_url in the settings)")
    if not url.startswith(("http://", "https://")):
        raise CtpatError(f"{url}: the hub's address must start with https:// or http://")
    return url.rstrip("/")


def hub_token(url: str, ask: Ask | None) -> tuple[str, bool]:
    """The token for url (keyring, memory, CTPAT_HUB_TOKEN, else asked); (token, was asked)."""
    name = token_name(url)
    if name in _remembered:
        return _remembered[name], False
    asked: list[bool] = []

    def asking(prompt: str) -> str | None:
        asked.append(True)
        return ask(prompt) if ask else None

    token = find_secret(name, TOKEN_ENV, asking, f"Hub token for {url}")
    if not token:
        raise CtpatError(
            f"no token for the hub at {url}: log in (the GUI asks for one), or set {TOKEN_ENV}"
        )
    return token.strip(), bool(asked)


def remember_token(url: str, token: str) -> bool:
    """Keep a token that worked: in the keyring, else in memory for this run; True if kept."""
    name = token_name(url)
    if store_secret(name, token):
        _remembered.pop(name, None)
        return True
    _remembered[name] = token
    return False


def forget_token(url: str) -> None:
    """Drop a token the hub refused (memory only; the keyring entry is replaced at login)."""
    _remembered.pop(token_name(url), None)


def _verify(ctx: "AppContext") -> bool | str:
    ca = os.environ.get("CTPAT_HUB_CA") or ctx.settings.hub_ca
    if ca and not Path(ca).is_file():
        raise CtpatError(f"{ca}: the hub's CA certificate file does not exist")
    return ca or True


def sync_now(
    ctx: "AppContext",
    url: str,
    token: str,
    progress: "Progress | None" = None,
) -> "SyncReport":
    """One full sync with the hub."""
    from ctpat_desktop.sync.client import HubClient, HubError, run_sync
    from ctpat_desktop.sync.local import LocalSync

    local = LocalSync(ctx.store)
    try:
        with HubClient(url, token, verify=_verify(ctx)) as client:
            report = run_sync(ctx.store, client, ctx.actor, progress)
    except (HubError, ValueError) as exc:
        message = str(exc) if isinstance(exc, HubError) else f"the hub's reply: {exc}"
        local.set_state({"last_error": message})
        raise HubError(message) from exc
    local.set_state({"last_error": ""})
    return report


def status(ctx: "AppContext") -> dict[str, Any]:
    """Pending changes, last sync, open conflicts, last error: the GUI's sync status."""
    from ctpat_desktop.sync.local import LocalSync

    local = LocalSync(ctx.store)
    return {
        "server": local.state("server") or ctx.settings.hub_url,
        "user": local.state("hub_user"),
        "pending": local.pending_count(),
        "last_synced": local.state("last_synced"),
        "conflicts": len(local.conflicts()),
        "last_error": local.state("last_error"),
        "checkpoint": int(local.state("since", "0") or 0),
    }


def export_bundle(ctx: "AppContext", path: Path, user: str | None, token: str) -> dict[str, Any]:
    """Write the pending changes to an offline bundle for ctpat-hub bundle import, with the
    evidence and the signed documents' files they need."""
    from ctpat_desktop.sync.bundle import bundle_key, write_bundle
    from ctpat_desktop.sync.client import pending_mutations
    from ctpat_desktop.sync.local import LocalSync

    name = user or LocalSync(ctx.store).state("hub_user")
    if not name:
        raise CtpatError("whose bundle is it? pass --user NAME (your hub user name)")
    pending = pending_mutations(ctx.store)
    size = write_bundle(
        path, user=name, key=bundle_key(token), mutations=pending.mutations, blobs=pending.blobs
    )
    return {
        "file": str(path),
        "user": name,
        "changes": len(pending.mutations),
        "evidence": len(pending.evidence),
        "documents": len(pending.documents),
        "documents_not_kept": pending.documents_not_kept,
        "bytes": size,
    }


def import_bundle(ctx: "AppContext", path: Path, token: str) -> dict[str, Any]:
    """Apply a hub's bundle (ctpat-hub bundle export) like a pull; twice changes nothing."""
    from ctpat_desktop.sync.bundle import BundleError, bundle_key, read_bundle
    from ctpat_desktop.sync.local import LocalSync

    key = bundle_key(token)
    bundle = read_bundle(path, lambda _user: key)
    if bundle.mutations:
        raise BundleError(
            f"{path}: a laptop's bundle for the hub; import it there (ctpat-hub bundle import)"
        )
    local = LocalSync(ctx.store)
    checkpoint = int(local.state("since", "0") or 0)
    if bundle.since > checkpoint:
        raise BundleError(
            f"{path}: starts after change {bundle.since}, but this laptop has the hub's changes "
            f"only up to {checkpoint}; ask for a bundle made with --since {checkpoint}"
        )
    for sha, content in bundle.blobs.items():
        if not ctx.store.blobs.has(sha):
            local.store_blob(sha, content)
    applied = local.apply_page(list(bundle.changes), max(checkpoint, bundle.next_seq), ctx.actor)
    local.retry_parked(ctx.actor)
    return {
        "file": str(path),
        "user": bundle.user,
        "changes": len(bundle.changes),
        "applied": applied.applied,
        "already_here": applied.known,
        "conflicts": len(local.conflicts()),
        "waiting": len(local.parked()),
        "checkpoint": max(checkpoint, bundle.next_seq),
    }


def conflict_list(ctx: "AppContext") -> list[dict[str, Any]]:
    """Open conflicts as JSON objects."""
    from dataclasses import asdict

    from ctpat_desktop.sync.local import LocalSync

    return [asdict(c) for c in LocalSync(ctx.store).conflicts()]


def resolve_conflict(ctx: "AppContext", conflict_id: int, keep: str) -> None:
    """Keep mine or theirs for one conflict."""
    from ctpat_desktop.sync.local import LocalSync

    LocalSync(ctx.store).resolve(conflict_id, keep, ctx.actor)


def log_in(ctx: "AppContext", url: str, token: str) -> dict[str, Any]:
    """Check a token with the hub, then keep it and the hub's address; who it is."""
    from dataclasses import replace

    from ctpat_desktop.settings import save_settings
    from ctpat_desktop.sync.client import HubClient
    from ctpat_desktop.sync.local import LocalSync

    url = url.rstrip("/")
    with HubClient(url, token, verify=_verify(ctx)) as client:
        client.health()
        user = client.me()
    kept = remember_token(url, token)
    LocalSync(ctx.store).set_state(
        {"hub_user": user.name, "hub_role": user.role, "hub_office": user.office}
    )
    settings = replace(ctx.settings, hub_url=url)
    if not settings.office and user.office:  # new validations default to the hub office
        settings = replace(settings, office=user.office)
    if settings != ctx.settings:
        ctx.settings = settings
        save_settings(ctx.data_dir, ctx.settings)
    return {"user": user.name, "role": user.role, "office": user.office, "in_keyring": kept}
