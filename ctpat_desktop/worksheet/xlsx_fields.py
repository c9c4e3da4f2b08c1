"""The finding's declared fields (records/finding.py) in the Worksheet sheet: which has a
column, where and how wide, and how a cell shows its value and reads it back (no openpyxl).

Every declared field is placed in LAYOUT or listed in NOT_IN_WORKSHEET (a test holds them
to the declaration, so a field declared later waits for a decision, not for a forgotten
column); what a cell holds follows from the field's type.
"""

import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, Protocol

from ctpat_desktop.records.declare import Declaration, Field, Type
from ctpat_desktop.records.finding import FINDING
from ctpat_desktop.worksheet.model import Finding

# The Worksheet sheet's columns in order, with their widths: a declared finding field by its
# name (its criterion, the key, is shown, never typed), or one of the sheet's own.
LAYOUT: tuple[tuple[str, int], ...] = (
    ("category", 24),
    ("criterion", 7),
    ("level", 9),
    ("criterion_text", 48),
    ("guidance", 48),
    ("profile_answer", 36),
    ("status", 15),
    ("unmet_parts", 11),
    ("outcome", 15),
    ("reasons", 26),  # a column per reason: reason_1, reason_2, ...
    ("verified", 18),
    ("note", 34),
    ("report_text", 38),
    ("action", 38),
    ("due", 12),
    ("response_implemented", 13),
    ("response_note", 38),
)
# The sheet's own columns: the criterion as the catalog has it, and what a not-met counts as.
SHEET_OWN = frozenset({"category", "level", "criterion_text", "guidance", "outcome"})
# Declared fields with no column: a signed validation's follow-up columns record extensions
# and decisions as follow-up records (xlsx_followup.py), never as these fields.
NOT_IN_WORKSHEET = frozenset({"extension_days", "extension_reason", "response_accepted"})
# A CODES field shown as a column per code, by the prefix of those columns' keys.
ONE_COLUMN_EACH = {"reasons": "reason"}
# The fields shown as a drop-down of labels, by what an import problem calls a value that is
# none of them (a BOOL field is a drop-down of yes and no).
CHOICE_WORDS = {
    "status": "finding",
    "reasons": "deficiency reason",
    "verified": "verification method",
}
_SHOWN = (Type.TEXT, Type.CODES, Type.DATE, Type.BOOL, Type.INT)
_CODE_SPLIT = re.compile(r"[\s,;]+")


def unplaced(
    kind: Declaration = FINDING,
    layout: tuple[tuple[str, int], ...] = LAYOUT,
    excluded: frozenset[str] = NOT_IN_WORKSHEET,
) -> list[str]:
    """Declared fields neither in the layout nor excluded from it, names in either that are
    no declared field (nor the sheet's own), and names placed twice or placed and excluded:
    none, or a field was declared or dropped without deciding where the worksheet shows it."""
    keys = [key for key, _width in layout]
    placed = set(keys) - SHEET_OWN
    declared = {f.name for f in kind.fields}
    loose = (declared - placed - excluded) | (placed - declared) | (excluded - declared)
    twice = {key for key in keys if keys.count(key) > 1}
    return sorted(loose | twice | (placed & excluded))


class CellReader(Protocol):
    """A row's cells by column key, each read as one kind of value; a cell that cannot be
    is noted as a problem and reads as None ("" for text)."""

    def text(self, key: str) -> str: ...
    def day(self, key: str) -> date | None: ...
    def number(self, key: str) -> int | None: ...
    def choice(self, key: str, table: dict[str, Any], what: str) -> Any: ...


class FindingCells:
    """How a declared finding's placed fields fill a row's cells and are read back."""

    def __init__(
        self,
        kind: Declaration = FINDING,
        cls: Callable[..., Any] = Finding,
        layout: tuple[tuple[str, int], ...] = LAYOUT,
    ) -> None:
        placed = {key for key, _width in layout}
        unsupported = [f.name for f in kind.fields if f.name in placed and f.type not in _SHOWN]
        if unsupported:
            raise ValueError(f"the worksheet cannot show {', '.join(unsupported)}")
        self.cls, self.layout = cls, layout
        # The fields a person fills, in declared order (the key is only shown).
        self.answers = tuple(
            f for f in kind.fields if f.name in placed and f.name not in kind.unique_by
        )
        self.names = frozenset(f.name for f in self.answers)
        # A drop-down's cells are read first (their labels looked up), then the typed ones.
        self._drop_downs = tuple(f for f in self.answers if _is_drop_down(f))
        self._typed = tuple(f for f in self.answers if not _is_drop_down(f))

    def values(
        self,
        finding: Any,
        choices: Mapping[str, Mapping[Any, str]],
        yes_no: Mapping[bool, str],
    ) -> dict[str, Any]:
        """What the cells a person fills hold for a finding, by column key: a drop-down's
        label (choices: by field, a label for each value or code), codes joined by commas
        or one a column, a date, a number or the text."""
        values: dict[str, Any] = {}
        for f in self.answers:
            value = getattr(finding, f.name)
            if f.name in ONE_COLUMN_EACH:
                labels = choices[f.name]
                for n, code in enumerate(value, start=1):
                    values[f"{ONE_COLUMN_EACH[f.name]}_{n}"] = labels.get(code, code)
            elif f.name in CHOICE_WORDS or f.type is Type.BOOL:
                labels = choices[f.name] if f.name in CHOICE_WORDS else yes_no
                values[f.name] = labels[value] if value is not None else ""
            elif f.type is Type.CODES:
                values[f.name] = ", ".join(value)
            else:
                values[f.name] = value
        return values

    def read(
        self,
        criterion: str,
        cells: CellReader,
        columns: Mapping[str, list[str]],
        choices: Mapping[str, dict[str, Any]],
        answer: tuple[dict[str, bool], str],
    ) -> tuple[Any, dict[str, tuple[str, ...]]]:
        """The finding a row's cells give (a cell left empty: the field's empty value; a
        field with no column: likewise), and the column of each code of a field with one
        per code. columns: those columns by field; choices: by field, what each label
        (or code, in any case) stands for; answer: a BOOL cell's and how a problem names it."""
        empty = self.cls(criterion)
        values: dict[str, Any] = {}
        code_columns: dict[str, tuple[str, ...]] = {}
        for f in self._drop_downs:
            if f.name in ONE_COLUMN_EACH:
                read = [
                    (key, cells.choice(key, choices[f.name], CHOICE_WORDS[f.name]))
                    for key in columns.get(f.name, [])
                ]
                values[f.name] = tuple(code for _key, code in read if code)
                code_columns[f.name] = tuple(key for key, code in read if code)
                continue
            if f.type is Type.BOOL:
                value = cells.choice(f.name, *answer)
            else:
                value = cells.choice(f.name, choices[f.name], CHOICE_WORDS[f.name])
            values[f.name] = value if value is not None else getattr(empty, f.name)
        for f in self._typed:
            if f.type is Type.CODES:
                text = cells.text(f.name).lower()
                values[f.name] = tuple(code for code in _CODE_SPLIT.split(text) if code)
            elif f.type is Type.DATE:
                values[f.name] = cells.day(f.name)
            elif f.type is Type.INT:
                values[f.name] = cells.number(f.name)
            else:
                values[f.name] = cells.text(f.name)
        return self.cls(criterion, **values), code_columns


def _is_drop_down(f: Field) -> bool:
    return f.name in CHOICE_WORDS or f.type is Type.BOOL


FINDING_CELLS = FindingCells()
