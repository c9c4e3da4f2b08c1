"""Paper for the worksheet: how tall a row of wrapped text is, how many letter pages wide a
sheet prints at a readable scale (pure arithmetic; no openpyxl)."""

import math
from collections.abc import Iterable, Sequence

# US letter, landscape, with narrow margins (inches).
PAGE_WIDTH = 11.0
PAGE_HEIGHT = 8.5
SIDE_MARGIN = 0.4
END_MARGIN = 0.6
HEADER_MARGIN = 0.3
PRINTABLE_WIDTH = PAGE_WIDTH - 2 * SIDE_MARGIN
# A column width is counted in widths of the digit 0 of the default font (Calibri 11): 7
# pixels, 96 to the inch when printed at 100 %.
PIXELS_PER_WIDTH = 7
PIXELS_PER_INCH = 96
# One line of Calibri 11 (or its metric twin Carlito, which LibreOffice uses) in points,
# and what a cell adds above and below its text.
LINE_POINTS = 15.0
CELL_PADDING_POINTS = 3.0
MAX_ROW_POINTS = 409.0  # the tallest row Excel and LibreOffice allow
# The smallest print scale a sheet is laid out for; text at 11 points stays above 8.
READABLE_SCALE = 0.75


def wrapped_lines(text: str, width: float) -> int:
    """How many lines text takes wrapped in a column this wide, counted generously so that
    a row made this tall never cuts its last line: 0.85 characters a width, as DejaVu Sans
    (the widest font LibreOffice falls back to without Calibri or Carlito) measures the
    worksheet's texts, and two characters kept for the cell's padding."""
    per_line = max(1, int(width * 0.85) - 2)
    lines = 0
    for paragraph in text.split("\n"):
        used = 0
        paragraph_lines = 1
        for word in paragraph.split(" "):
            size = len(word)
            needed = size if used == 0 else used + 1 + size
            if needed <= per_line:
                used = needed
                continue
            if used:
                paragraph_lines += 1
            # A word longer than a line is broken wherever the line ends.
            paragraph_lines += max(0, math.ceil(size / per_line) - 1)
            used = size % per_line or min(size, per_line)
        lines += paragraph_lines
    return lines


def row_height(cells: Iterable[tuple[str, float]]) -> float:
    """The height in points of a row whose cells hold (text, column width), every line of
    the tallest one shown (up to the largest height a row may have)."""
    lines = max((wrapped_lines(text, width) for text, width in cells if text), default=1)
    return min(MAX_ROW_POINTS, lines * LINE_POINTS + CELL_PADDING_POINTS)


def column_inches(width: float) -> float:
    """A column's printed width at 100 %, in inches."""
    return (width * PIXELS_PER_WIDTH + 1) / PIXELS_PER_INCH


def pages_across(widths: Sequence[float], repeated: Sequence[float], scale: float) -> int:
    """How many pages wide the columns print at scale, a page breaking between two columns
    and each page starting with the repeated (title) columns."""
    room = PRINTABLE_WIDTH / scale - sum(column_inches(w) for w in repeated)
    pages, used = 1, 0.0
    for width in widths:
        inches = column_inches(width)
        if used and used + inches > room:
            pages, used = pages + 1, 0.0
        used += inches
    return pages


def fitted_scale(widths: Sequence[float], repeated: Sequence[float], pages: int) -> float:
    """The largest scale (to 1 %) at which the columns print within so many pages wide, as
    a spreadsheet fitting a sheet to that many pages chooses it."""
    percent = 100
    while percent > 10 and pages_across(widths, repeated, percent / 100) > pages:
        percent -= 1
    return percent / 100
