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


def usable_data_dir(path: Path) -> Path:
    """path, if it can be a data folder: a folder or nothing yet (CtpatError otherwise,
    e.g. a file, a name too long for the file system, a NUL character)."""
    from ctpat_desktop.errors import CtpatError

    try:
        if path.exists() and not path.is_dir():
            raise CtpatError(f"{path}: not a folder, so it cannot be the data folder")
    except OSError as exc:
        raise CtpatError(f"{path}: cannot be the data folder ({exc.strerror})") from None
    except ValueError as exc:  # "embedded null byte"
        raise CtpatError(f"{path!r}: cannot be the data folder ({exc})") from None
    return path


class AppContext:
    """Everything a command or window needs, passed down explicitly."""

    def __init__(
        self, data_dir: Path, settings: Settings | None = None, ask: "Ask | None" = None
    ) -> None:
        # Absolute, whatever was typed (`--data-dir data`): the database is opened by URI,
        # and a relative path cannot be one (it crashed on an existing folder).
        self.data_dir = data_dir = usable_data_dir(Path(data_dir).expanduser().absolute())
        self.resources = resources_dir()
        self.settings = settings if settings is not None else load_settings(data_dir)
        self.catalogs = CatalogLibrary(self.resources)
        # How to ask the person for the data folder's passphrase, when no keyring works.
        self.ask = ask
        self._key: bytes | None = None
        self._prefetch: threading.Thread | None = None
        self._prefetched: bytes | None = None
        # A recovery code made for the folder in this process (it waits in the keyring too,
        # until the person says it is kept elsewhere).
        self.new_recovery_code: str | None = None

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
        if self._key is not None:
            return
        if self._prefetch is not None:
            self._prefetch.join()
            self._key = self._prefetched
        if self._key is None:
            from ctpat_desktop.store.keys import folder_key

            self._key = folder_key(self.data_dir, ask or self.ask)
        self._ensure_recovery_code(self._key)

    def _ensure_recovery_code(self, key: bytes) -> None:
        """Give the folder a recovery code if its key has none (new, or an older folder).

        A code that cannot be made must not stop the SCSS from working: it is logged, and
        the next open tries again.
        """
        from ctpat_desktop.errors import CtpatError
        from ctpat_desktop.store.recovery import ensure_code

        try:
            self.new_recovery_code = ensure_code(self.data_dir, key) or self.new_recovery_code
        except (CtpatError, OSError) as exc:
            logging.getLogger(__name__).warning("no recovery code this time: %s", exc)

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
        from ctpat_desktop.store.recovery import keep_only

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
            keep_only(self.data_dir, pending)
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

    def rekey(self, *, use_passphrase: bool, ask: "Ask | None" = None) -> str:
        """Re-encrypt the data folder with a new key (keyring, or a new passphrase)."""
        from ctpat_desktop.store import keys, recovery

        store = self.store
        assert self._key is not None
        key, settings = keys.new_key(self.data_dir, ask or self.ask, use_passphrase=use_passphrase)
        # The recovery code seals the new key before the database takes it, so the code
        # opens the folder whichever key a crash leaves in place.
        recovery.seal_new_key(self.data_dir, self._key, key)
        keys.stash_pending(self.data_dir, key, settings)
        try:
            store.rekey(key)
        except Exception:
            keys.drop_pending(self.data_dir)
            raise
        keys.commit_pending(self.data_dir)
        recovery.keep_only(self.data_dir, key)
        self._key = key
        self._ensure_recovery_code(key)
        return settings.source

    def set_up_recovery(self, code: str) -> None:
        """Make code the folder's recovery code (an earlier code stops working)."""
        from ctpat_desktop.store.recovery import acknowledge, set_up

        self.unlock()
        assert self._key is not None
        set_up(self.data_dir, self._key, code)
        acknowledge(self.data_dir)
        self.new_recovery_code = None

    def recover(self, code: str, ask: "Ask | None" = None) -> str:
        """Open the folder with its recovery code and keep its key on this computer: in the
        keyring if one works, else under a new passphrase (a re-key). Returns where the key
        is kept now; RecoveryError, with nothing changed, for a code that does not open it."""
        from ctpat_desktop.store import keys, recovery

        key, pending = recovery.recovered_keys(self.data_dir, code)
        self._key = key
        if recovery.restore_to_keyring(self.data_dir, key, pending):
            settings = keys.read_settings(self.data_dir)
            if settings is not None and settings.source != keys.KEYRING:
                # A forgotten passphrase: the keyring keeps the same key from now on.
                keys.write_settings(self.data_dir, keys.KeySettings(keys.KEYRING, settings.check))
            return keys.KEYRING
        return self.rekey(use_passphrase=True, ask=ask)

    def close(self) -> None:
        """Close the store if it was opened."""
        if "store" in self.__dict__:
            self.store.close()
            del self.__dict__["store"]
