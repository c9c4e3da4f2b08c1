"""Secrets (key passphrases, token PINs, hub tokens): the OS keyring, never a plaintext file."""

import logging
import os
from collections.abc import Callable

SERVICE = "ctpat-desktop"
Ask = Callable[[str], str | None]
_log = logging.getLogger(__name__)


def stored_secret(name: str) -> str | None:
    """The secret kept in the keyring under name, or None (also when no keyring works)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(SERVICE, name)
    except (KeyringError, RuntimeError) as exc:  # headless Linux, frozen app: no backend
        _log.info("no usable keyring (%s); not looking there", exc)
        return None


def store_secret(name: str, value: str) -> bool:
    """Keep a secret in the keyring; False when no keyring works (it is then not kept)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(SERVICE, name, value)
    except (KeyringError, RuntimeError) as exc:
        _log.info("no usable keyring (%s); secret kept in memory only", exc)
        return False
    return True


def find_secret(name: str, env_var: str, ask: Ask | None, prompt: str) -> str | None:
    """The keyring first, then the environment variable (for scripts), then ask the person."""
    found = stored_secret(name)
    if found is None:
        found = os.environ.get(env_var)
    if found is None and ask is not None:
        found = ask(prompt)
    return found


def delete_secret(name: str) -> None:
    """Forget a secret in the keyring (nothing happens when it is not there)."""
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        keyring.delete_password(SERVICE, name)
    except (PasswordDeleteError, KeyringError, RuntimeError) as exc:
        _log.info("keyring entry %s not deleted (%s)", name, exc)
