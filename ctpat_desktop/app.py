"""AppContext: settings, catalogs and the store of one data folder, built once."""

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ctpat_desktop.catalog import CatalogLibrary
from ctpat_desktop.paths import resources_dir
from ctpat_desktop.settings import Settings, load_settings

if TYPE_CHECKING:
    from ctpat_desktop.store import Store


class AppContext:
    """Everything a command or window needs, passed down explicitly."""

    def __init__(self, data_dir: Path, settings: Settings | None = None) -> None:
        self.data_dir = data_dir
        self.resources = resources_dir()
        self.settings = settings if settings is not None else load_settings(data_dir)
        self.catalogs = CatalogLibrary(self.resources)

    @property
    def actor(self) -> str:
        """Who the audit trail records for changes made here."""
        return self.settings.actor

    @cached_property
    def store(self) -> "Store":
        """The data folder's store, opened (and migrated) on first use."""
        from ctpat_desktop.store import Store  # SQLAlchemy is loaded only when needed

        return Store(self.data_dir, self.catalogs.schema_dir)

    def close(self) -> None:
        """Close the store if it was opened."""
        if "store" in self.__dict__:
            self.store.close()
            del self.__dict__["store"]
