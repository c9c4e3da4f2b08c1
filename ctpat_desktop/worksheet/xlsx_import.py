"""Read a validation worksheet back: every cell checked, problems named by sheet, row, column."""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ctpat_desktop.catalog import Catalog, Reason
from ctpat_desktop.worksheet.model import Finding, FindingStatus, Verification
from ctpat_desktop.worksheet.xlsx_layout import (
    ENGLISH,
    FORMAT_VERSION,
    WORKSHEET_TEXTS,
    WorksheetTexts,
    worksheet_columns,
)
from ctpat_desktop.worksheet.xlsx_safety import WorkbookError, check_xlsx_archive

MAX_ROWS = 2000
MAX_TEXT = 20_000


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in the workbook, where a person can find it."""

    sheet: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        place = f"{self.column or ''}{self.row or ''}"
        return f"{self.sheet}!{place}: {self.message}" if place else f"{self.sheet}: {self.message}"


@dataclass
class WorksheetContent:
    """What a workbook says: its header facts, its findings by row, and its problems."""

    texts: WorksheetTexts = ENGLISH  # the language it is written in
    validation_id: str | None = None
    catalog: str | None = None
    rows: list[tuple[int, Finding]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)


def _lookup(labels: dict[Any, str]) -> dict[str, Any]:
    """Accept a label or a code, in any case."""
    table = {label.casefold(): key for key, label in labels.items()}
    table |= {str(getattr(key, "value", key)).casefold(): key for key in labels}
    return table


def read_worksheet(
    path: Path, catalog: Catalog, reasons_in: Callable[[str], tuple[Reason, ...]]
) -> WorksheetContent:
    """Parse the workbook after checking the archive; WorkbookError when it cannot be read.

    The workbook's language is the one its sheets are named in; reasons_in(language)
    gives the reasons with the labels its drop-down lists were written with.
    """
    check_xlsx_archive(path)
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl and defusedxml raise many kinds for a hostile file
        raise _unreadable(path, exc) from None
    try:
        texts = next(
            (t for t in WORKSHEET_TEXTS.values() if t.validation in workbook.sheetnames), ENGLISH
        )
        content = WorksheetContent(texts)
        for needed in (texts.worksheet, texts.validation):
            if needed not in workbook.sheetnames:
                raise WorkbookError(
                    f"{path}: no sheet named {needed}; is it a validation worksheet?"
                )
        _read_header(workbook[texts.validation], content)
        _read_rows(workbook[texts.worksheet], catalog, reasons_in(texts.language), content)
        return content
    except WorkbookError:
        raise
    except Exception as exc:
        raise _unreadable(path, exc) from None
    finally:
        workbook.close()


def _unreadable(path: Path, exc: BaseException) -> WorkbookError:
    """One line saying why; XML entity tricks (billion laughs) are named as such."""
    from defusedxml import DefusedXmlException

    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, DefusedXmlException):
            reason = "it declares XML entities, which a worksheet never needs; refused"
            return WorkbookError(f"{path}: cannot be read as a workbook ({reason})")
        cause = cause.__cause__ or cause.__context__
    first_line = (str(exc).splitlines() or [""])[0]
    return WorkbookError(
        f"{path}: cannot be read as a workbook ({type(exc).__name__}: {first_line})"
    )


def _read_header(sheet: Any, content: WorksheetContent) -> None:
    texts = content.texts
    by_label = {label: key for key, label in texts.facts.items()}
    facts = {}
    for row in sheet.iter_rows(min_row=1, max_row=40, max_col=2, values_only=True):
        if row and isinstance(row[0], str) and row[0].strip() in by_label:
            facts[by_label[row[0].strip()]] = row[1] if len(row) > 1 else None
    content.validation_id = str(facts.get("id") or "").strip() or None
    content.catalog = str(facts.get("catalog") or "").strip() or None
    version = facts.get("format")
    if version not in (FORMAT_VERSION, str(FORMAT_VERSION)):
        content.problems.append(
            Problem(
                texts.validation,
                None,
                None,
                f"worksheet format {version!r} is not {FORMAT_VERSION}",
            )
        )
    # Workbooks written before the marker was are English; a marker must match the sheets.
    language = str(facts.get("language") or texts.language).strip()
    if language != texts.language:
        content.problems.append(
            Problem(
                texts.validation,
                None,
                None,
                f"the worksheet says its language is {one_line(language)!r}, "
                f"but its sheets are named in {texts.language!r}",
            )
        )


def _rows(sheet: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
    for number, cells in enumerate(sheet.iter_rows(), start=1):
        if number > MAX_ROWS + 1:
            raise WorkbookError(f"sheet {sheet.title} has more than {MAX_ROWS} rows; refused")
        yield number, cells


def _read_rows(
    sheet: Any, catalog: Catalog, reasons: tuple[Reason, ...], content: WorksheetContent
) -> None:
    from openpyxl.utils import get_column_letter

    texts = content.texts
    tables = _Tables(
        status=_lookup(dict(texts.statuses)),
        verified=_lookup(dict(texts.verified)),
        yes_no={label.casefold(): value for value, label in texts.yes_no.items()},
        reason=_lookup({r.code: r.label for r in reasons}),
    )
    known = {c.header: c.key for c in worksheet_columns(50, texts)}
    positions: dict[str, int] = {}
    seen: dict[str, int] = {}
    for number, cells in _rows(sheet):
        if number == 1:
            for index, cell in enumerate(cells):
                key = known.get(str(cell.value).strip()) if cell.value is not None else None
                if key:
                    positions[key] = index
                    content.columns[key] = get_column_letter(index + 1)
            missing = [h for h, k in known.items() if k in _REQUIRED_KEYS and k not in positions]
            if missing:
                content.problems.append(
                    Problem(texts.worksheet, 1, None, f"columns missing: {', '.join(missing)}")
                )
                return
            continue
        reader = _RowReader(cells, positions, number, content, get_column_letter)
        criterion_id = reader.code("criterion")
        if not criterion_id:
            if reader.has_answers():
                reader.problem("criterion", "answers on a row without a criterion ID")
            continue
        if criterion_id not in catalog:
            reader.problem(
                "criterion",
                f"criterion {one_line(criterion_id)} is not in catalog {catalog.version}",
            )
            continue
        if criterion_id in seen:
            reader.problem(
                "criterion",
                f"criterion {one_line(criterion_id)} is also on row {seen[criterion_id]}",
            )
            continue
        seen[criterion_id] = number
        finding = reader.finding(criterion_id, tables)
        if finding is not None:
            content.rows.append((number, finding))


def one_line(text: str) -> str:
    """A cell's text in a one-line problem: as typed, or quoted if it has line breaks."""
    return text if text.isprintable() else repr(text)


_REQUIRED_KEYS = {"criterion", "status", "reason_1", "due", "note", "action"}


@dataclass(frozen=True, slots=True)
class _Tables:
    """What each drop-down's labels (or codes, in any case) stand for, in one language."""

    status: dict[str, Any]
    verified: dict[str, Any]
    yes_no: dict[str, bool]
    reason: dict[str, Any]


class _RowReader:
    """Reads one row's cells into a Finding, noting every bad cell."""

    def __init__(
        self,
        cells: tuple[Any, ...],
        positions: dict[str, int],
        number: int,
        content: WorksheetContent,
        letter_of: Any,
    ) -> None:
        self._cells, self._positions, self._number = cells, positions, number
        self._problems, self._letter_of = content.problems, letter_of
        self._texts = content.texts
        self._start = len(content.problems)

    def _cell(self, key: str) -> Any:
        index = self._positions.get(key)
        if index is None or index >= len(self._cells):
            return None
        return self._cells[index]

    def problem(self, key: str, message: str) -> None:
        index = self._positions.get(key)
        letter = self._letter_of(index + 1) if index is not None else None
        self._problems.append(Problem(self._texts.worksheet, self._number, letter, message))

    def raw(self, key: str) -> Any:
        cell = self._cell(key)
        if cell is None or cell.value is None:
            return None
        if cell.data_type == "f":
            self.problem(key, "formulas are not accepted in answer cells; type the value")
            return None
        return cell.value

    def code(self, key: str) -> str:
        """A coded value: surrounding spaces do not count."""
        return self.text(key).strip()

    def text(self, key: str) -> str:
        """Free text, exactly as typed."""
        value = self.raw(key)
        if value is None:
            return ""
        text = str(value)
        if len(text) > MAX_TEXT:
            self.problem(key, f"text longer than {MAX_TEXT} characters")
            return ""
        return text

    def has_answers(self) -> bool:
        return any(
            self.raw(key) not in (None, "") for key in self._positions if key in _ANSWER_KEYS
        )

    def choice(self, key: str, table: dict[str, Any], what: str) -> Any:
        text = self.code(key)
        if not text:
            return None
        if text.casefold() not in table:
            self.problem(key, f"{text!r} is not a valid {what}")
            return None
        return table[text.casefold()]

    def day(self, key: str) -> date | None:
        value = self.raw(key)
        if value is None or value == "":
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = str(value).strip()
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
        if self._texts.date_format == "dd/mm/yyyy":
            try:
                return datetime.strptime(text, "%d/%m/%Y").date()
            except ValueError:
                pass
        self.problem(key, f"{str(value)!r} is not a date (use YYYY-MM-DD)")
        return None

    def finding(self, criterion_id: str, tables: _Tables) -> Finding | None:
        status = self.choice("status", tables.status, "finding") or FindingStatus.NOT_REVIEWED
        reason_keys = sorted(
            (k for k in self._positions if k.startswith("reason_")), key=lambda k: int(k[7:])
        )
        reasons = [self.choice(k, tables.reason, "deficiency reason") for k in reason_keys]
        verified = self.choice("verified", tables.verified, "verification method")
        yes, no = self._texts.yes_no[True], self._texts.yes_no[False]
        implemented = self.choice("response_implemented", tables.yes_no, f"answer ({yes} or {no})")
        finding = Finding(
            criterion=criterion_id,
            status=FindingStatus(status),
            reasons=tuple(r for r in reasons if r),
            unmet_parts=tuple(p for p in _PART_SPLIT.split(self.text("unmet_parts").lower()) if p),
            verified=Verification(verified) if verified else None,
            note=self.text("note"),
            report_text=self.text("report_text"),
            action=self.text("action"),
            due=self.day("due"),
            profile_answer=self.text("profile_answer"),
            response_implemented=implemented,
            response_note=self.text("response_note"),
        )
        return None if len(self._problems) > self._start else finding


_PART_SPLIT = re.compile(r"[\s,;]+")
_ANSWER_KEYS = {c.key for c in worksheet_columns(50) if c.editable}
