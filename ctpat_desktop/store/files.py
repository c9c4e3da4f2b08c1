"""Durable file writes: a folder's entries synced to disk after a rename into it."""

import os
from pathlib import Path


def fsync_folder(folder: Path) -> None:
    """Sync a folder's entries (a file renamed into it survives a power cut); nothing on
    Windows, which cannot open a folder to sync it."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
