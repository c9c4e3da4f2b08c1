"""Window state (geometry, splitters, headers) kept in QSettings: the one wrapper for it."""

from PySide6.QtCore import QByteArray, QSettings


class WindowSettings:
    """Window geometry, splitter states and view choices kept in QSettings under one group."""

    def __init__(self, settings: QSettings, group: str) -> None:
        self._settings = settings
        self._group = group

    def load(self, key: str) -> QByteArray | None:
        """The saved bytes, or None when nothing (usable) was saved."""
        value = self._settings.value(f"{self._group}/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def store(self, key: str, value: QByteArray) -> None:
        """Save bytes under the key."""
        self._settings.setValue(f"{self._group}/{key}", value)

    def flag(self, key: str, default: bool = False) -> bool:
        """A saved yes/no choice (INI files give it back as the text "true")."""
        value = self._settings.value(f"{self._group}/{key}", default)
        return value in (True, "true", "1", 1)

    def set_flag(self, key: str, on: bool) -> None:
        """Save a yes/no choice."""
        self._settings.setValue(f"{self._group}/{key}", on)

    def sync(self) -> None:
        """Write to disk now."""
        self._settings.sync()


def app_settings() -> QSettings:
    """The application's settings store for window state."""
    return QSettings("ctpat-desktop", "ctpat-desktop")
