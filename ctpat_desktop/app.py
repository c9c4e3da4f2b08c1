"""AppContext: settings, catalogs and the store of one data folder, built once."""

import logging
import threading
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ctpat_desktop.catalog import CatalogLibrary
from ctpat_desktop.paths import resources_dir
from ctpat_desktop.settings import Settings, load_settings

if TYPE_CHECKING:
    from ctpat_desktop.store import Store
    from ctpat_desktop.store.keys import Ask


class AppContext:
    """Everything a command or window needs, passed down explicitly."""

    def __init__(
        self, data_dir: Path, settings: Settings | None = None, ask: "Ask | None" = None
    ) -> None:
        # Absolute, whatever was typed (`--data-dir data`): the database is opened by URI,
        # and a relative path cannot be one (it crashed on an existing folder).
        self.data_dir = data_dir = Path(data_dir).expanduser().absolute()
        self.resources = resources_dir()
        self.settings = settings if settings is not None else load_settings(data_dir)
        self.catalogs = CatalogLibrary(self.resources)
        # How to ask the person for the data folder's passphrase, when no keyring works.
        self.ask = ask
        self._key: bytes | None = None
        self._prefetch: threading.Thread | None = None
        self._prefetched: bytes | None = None

    def prefetch_key(self) -> None:
        """Start getting the key in the background, without asking anyone (from the keyring
        or CTPAT_DB_PASSPHRASE): the GUI's start overlaps it with loading Qt, and scrypt
        runs without holding the GIL."""
        if self._key is not None or self._prefetch is not None:
            return

        def fetch() -> None:
            from ctpat_desktop.errors import CtpatError
            from ctpat_desktop.store.keys import load_key

            try:
                self._prefetched = load_key(self.data_dir, None)
            except CtpatError:
                self._prefetched = None  # unlock() asks, and reports any problem, itself

        self._prefetch = threading.Thread(target=fetch, name="ctpat-key", daemon=True)
        self._prefetch.start()

    def unlock(self, ask: "Ask | None" = None) -> None:
        """Get the data folder's key (made on first use); kept in memory only."""
        if self._key is None and self._prefetch is not None:
            self._prefetch.join()
            self._key = self._prefetched
        if self._key is None:
            from ctpat_desktop.store.keys import folder_key

            self._key = folder_key(self.data_dir, ask or self.ask)

    @property
    def actor(self) -> str:
        """Who the audit trail records for changes made here."""
        return self.settings.actor

    @cached_property
    def store(self) -> "Store":
        """The data folder's store, opened (and migrated) on first use."""
        from ctpat_desktop.errors import StoreError
        from ctpat_desktop.store import Store  # SQLAlchemy is loaded only when needed
        from ctpat_desktop.store.keys import commit_pending, pending_key

        self.unlock()
        assert self._key is not None
        try:
            store = Store(self.data_dir, self.catalogs.schema_dir, self._key)
        except StoreError:
            # A re-key that stopped half-way: the database may already have the new key.
            pending = pending_key(self.data_dir, self.ask)
            if pending is None:
                raise
            store = Store(self.data_dir, self.catalogs.schema_dir, pending)
            commit_pending(self.data_dir)
            self._key = pending
        self._back_up(store)
        return store

    @staticmethod
    def _back_up(store: "Store") -> None:
        """The rolling automatic backup, on open once a day (a folder with data only).

        A backup that cannot be made must not stop the SCSS from working: it is logged, and
        the next open tries again.
        """
        from ctpat_desktop.errors import CtpatError
        from ctpat_desktop.store.backups import backup_if_due

        try:
            if store.read("SELECT 1 FROM validations LIMIT 1"):
                backup_if_due(store)
        except (CtpatError, OSError) as exc:
            logging.getLogger(__name__).warning("no automatic backup this time: %s", exc)

    def rekey(self, *, use_passphrase: bool) -> str:
        """Re-encrypt the data folder with a new key (keyring, or a new passphrase)."""
        from ctpat_desktop.store import keys

        store = self.store
        key, settings = keys.new_key(self.data_dir, self.ask, use_passphrase=use_passphrase)
        keys.stash_pending(self.data_dir, key, settings)
        try:
            store.rekey(key)
        except Exception:
            keys.drop_pending(self.data_dir)
            raise
        keys.commit_pending(self.data_dir)
        self._key = key
        return settings.source

    def close(self) -> None:
        """Close the store if it was opened."""
        if "store" in self.__dict__:
            self.store.close()
            del self.__dict__["store"]
