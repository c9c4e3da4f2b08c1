"""A stand-in for the OS keyring in tests: a JSON file named by CTPAT_TEST_KEYRING.

A file rather than memory so that the subprocesses a test starts (the CLI, the writer of
the crash harness) see the same keyring; they select it with
PYTHON_KEYRING_BACKEND=tests.keyring_backend.FileKeyring.
"""

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class FileKeyring(KeyringBackend):
    """Secrets in one JSON file (tests only: a real keyring never keeps plaintext)."""

    priority = 1  # type: ignore[assignment]

    @property
    def path(self) -> Path:
        return Path(os.environ["CTPAT_TEST_KEYRING"])

    @property
    def secrets(self) -> dict[str, str]:
        try:
            return dict(json.loads(self.path.read_text()))
        except FileNotFoundError:
            return {}

    def _save(self, secrets: dict[str, str]) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(secrets))
        tmp.replace(self.path)

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        self._save(self.secrets | {f"{service}\n{username}": password})

    def delete_password(self, service: str, username: str) -> None:
        secrets = self.secrets
        if secrets.pop(f"{service}\n{username}", None) is None:
            raise PasswordDeleteError(username)
        self._save(secrets)
