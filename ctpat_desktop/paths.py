"""Where resources and user data live."""

import os
import sys
from pathlib import Path

APP_NAME = "ctpat-desktop"


def resources_dir() -> Path:
    """The folder holding resources/ (MSC catalogs, schemas, icons)."""
    override = os.environ.get("CTPAT_RESOURCES")
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def default_data_dir() -> Path:
    """The platform's per-user data folder for the app."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / APP_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_NAME
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / APP_NAME


def resolve_data_dir(explicit: str | None) -> Path:
    """--data-dir, else CTPAT_DATA_DIR, else the platform's user data folder."""
    chosen = explicit or os.environ.get("CTPAT_DATA_DIR")
    return Path(chosen).expanduser() if chosen else default_data_dir()
