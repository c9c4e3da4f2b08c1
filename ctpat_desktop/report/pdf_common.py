"""What the app's PDF documents share: embedded fonts, the outline and a page-counted write."""

import io
import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ctpat_desktop.errors import CtpatError
from ctpat_desktop.paths import resources_dir

PAGE = (612.0, 792.0)  # US letter, in points
_SYSTEM_FONTS = Path("/usr/share/fonts/truetype/dejavu")
_FACES = {
    "regular": ("DejaVuSans", "DejaVuSans.ttf", "Helvetica"),
    "bold": ("DejaVuSans-Bold", "DejaVuSans-Bold.ttf", "Helvetica-Bold"),
    "italic": ("DejaVuSans-Oblique", "DejaVuSans-Oblique.ttf", "Helvetica-Oblique"),
    "mono": ("DejaVuSansMono", "DejaVuSansMono.ttf", "Courier"),
}
# reportlab's font registry is global; two documents built at once must not both register.
_REGISTERING = threading.Lock()


@dataclass(frozen=True, slots=True)
class Fonts:
    """Font names to use: DejaVu (embedded, prints any accent) or the standard PDF fonts."""

    regular: str
    bold: str
    italic: str
    mono: str


def fonts() -> Fonts:
    """DejaVu Sans faces, registered once, if the files are found; else Helvetica and Courier."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    with _REGISTERING:
        registered = set(pdfmetrics.getRegisteredFontNames())
        chosen: dict[str, str] = {}
        for face, (name, file_name, fallback) in _FACES.items():
            if name not in registered:
                found = _font_file(file_name)
                if found is None:
                    chosen[face] = fallback
                    continue
                pdfmetrics.registerFont(TTFont(name, str(found)))
            chosen[face] = name
        result = Fonts(**chosen)
        pdfmetrics.registerFontFamily(
            result.regular,
            normal=result.regular,
            bold=result.bold,
            italic=result.italic,
            boldItalic=result.bold,
        )
    return result


def _font_file(name: str) -> Path | None:
    """A font shipped in resources/fonts (frozen builds), else the system's DejaVu."""
    for folder in (resources_dir() / "fonts", _SYSTEM_FONTS):
        if (folder / name).is_file():
            return folder / name
    return None


def add_outline(canvas: Any, entries: Iterable[tuple[str, str, int]]) -> None:
    """Outline entries (title, bookmark key, level); a key may be bookmarked on a later page."""
    for title, key, level in entries:
        canvas.addOutlineEntry(title, key, level=level)
    canvas.showOutline()


def write_counted(path: Path, render: Callable[[Any, int | None], int]) -> None:
    """Write a document whose pages say "of N".

    render(target, pages) lays the document out into target (a file name or a binary
    stream) and returns its page count; pages is None on the first, counting, pass. The
    second pass goes to a temporary file that replaces path, so a failure leaves no half
    file and keeps the previous one.
    """
    from reportlab import rl_config

    # Streams are compressed anyway; ASCII85 on top makes them a quarter larger and, without
    # the optional rl_accel extension, is the slowest step of a report with photos.
    rl_config.useA85 = 0
    pages = render(io.BytesIO(), None)
    tmp = path.with_name(path.name + ".part")
    try:
        render(str(tmp), pages)
        os.replace(tmp, path)
    except OSError as exc:
        raise CtpatError(f"{path}: cannot be written ({exc.strerror or exc})") from exc
    finally:
        tmp.unlink(missing_ok=True)
