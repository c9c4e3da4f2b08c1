"""Checks on an .xlsx file before any XML in it is parsed: size, entries, compression ratio."""

import zipfile
from pathlib import Path

from ctpat_desktop.errors import CtpatError

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ENTRIES = 1000
MAX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024
MAX_RATIO = 100
_REQUIRED = ("[Content_Types].xml", "xl/workbook.xml")


class WorkbookError(CtpatError):
    """The file cannot be accepted as a validation worksheet."""


def check_xlsx_archive(path: Path) -> None:
    """Refuse what is not a plausible .xlsx: not a zip, too big, too many parts, a zip bomb."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise WorkbookError(f"{path}: file not found") from None
    if size > MAX_FILE_BYTES:
        raise WorkbookError(f"{path}: {size} bytes is too large for a validation worksheet")
    if not zipfile.is_zipfile(path):
        raise WorkbookError(f"{path}: not an Excel workbook (.xlsx)")
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise WorkbookError(f"{path}: not a readable Excel workbook ({exc})") from None
    if len(entries) > MAX_ENTRIES:
        raise WorkbookError(f"{path}: {len(entries)} parts is too many for a worksheet")
    names = {e.filename for e in entries}
    if not all(part in names for part in _REQUIRED):
        raise WorkbookError(f"{path}: not an Excel workbook (.xlsx): parts are missing")
    total = sum(e.file_size for e in entries)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise WorkbookError(
            f"{path}: expands to {total} bytes, more than a worksheet can be; refused"
        )
    for entry in entries:
        ratio = entry.file_size / max(entry.compress_size, 1)
        if ratio > MAX_RATIO and entry.file_size > 1024 * 1024:
            raise WorkbookError(
                f"{path}: part {entry.filename!r} is compressed {ratio:.0f} to 1, "
                "a sign of a zip bomb; refused"
            )
