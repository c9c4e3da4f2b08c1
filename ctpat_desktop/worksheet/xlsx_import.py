"""Read a validation worksheet back: every cell checked, problems named by sheet, row, column."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ctpat_desktop.catalog import Catalog, Reason
from ctpat_desktop.worksheet import xlsx_fields
from ctpat_desktop.worksheet.model import Finding
from ctpat_desktop.worksheet.xlsx_fields import ONE_COLUMN_EACH
from ctpat_desktop.worksheet.xlsx_followup import NEW_KEYS, NewFollowUp
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


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One criterion's row: the finding its readable cells make, and which cells were not
    readable (their problems are already noted; rules on them would only echo those)."""

    number: int
    finding: Finding
    unreadable: frozenset[str]  # finding fields
    reason_keys: tuple[str, ...]  # the column of each of finding.reasons
    # The new follow-up cells of a signed validation's worksheet (None: it has none).
    followup: NewFollowUp | None = None
    # The new follow-up cells that could not be read (their problems are noted).
    followup_unreadable: frozenset[str] = frozenset()

    def column_key(self, field_name: str, index: int | None = None) -> str | None:
        """The column holding a finding field (a reason by its place in finding.reasons)
        or a new follow-up cell (by its column key)."""
        if field_name == "reasons":
            if index is not None and index < len(self.reason_keys):
                return self.reason_keys[index]
            return "reason_1"
        return field_name if field_name in _ANSWER_KEYS or field_name in NEW_KEYS else None


@dataclass
class WorksheetContent:
    """What a workbook says: its header facts, its findings by row, and its problems."""

    texts: WorksheetTexts = ENGLISH  # the language it is written in
    validation_id: str | None = None
    member: str | None = None
    catalog: str | None = None
    rows: list[SheetRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)
    report_version: int | None = None  # the signed report version it was exported for

    @property
    def has_followup(self) -> bool:
        """Whether the workbook has a signed validation's new follow-up columns."""
        return any(key in self.columns for key in NEW_KEYS)


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
    content.member = str(facts.get("member") or "").strip() or None
    content.catalog = str(facts.get("catalog") or "").strip() or None
    version = facts.get("report_version")
    if isinstance(version, int) or (isinstance(version, str) and version.strip().isdigit()):
        content.report_version = int(version)
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
    """Every row, whatever the sheet's <dimension> element claims (any program may write it,
    or none); each as wide as the header row, since no other cell is read."""
    sheet.reset_dimensions()
    header = next(sheet.iter_rows(max_row=1), ())
    yield 1, header
    rows = sheet.iter_rows(min_row=2, max_col=max(len(header), 1))
    for number, cells in enumerate(rows, start=2):
        if number > MAX_ROWS + 1:
            raise WorkbookError(f"sheet {sheet.title} has more than {MAX_ROWS} rows; refused")
        yield number, cells


def _read_rows(
    sheet: Any, catalog: Catalog, reasons: tuple[Reason, ...], content: WorksheetContent
) -> None:
    from openpyxl.utils import get_column_letter

    texts = content.texts
    tables = _Tables(
        choices={
            name: _lookup(dict(labels)) for name, labels in texts.choice_labels(reasons).items()
        },
        yes_no={label.casefold(): value for value, label in texts.yes_no.items()},
        decision={label.casefold(): value for value, label in texts.followup.decisions.items()}
        | {"accept": True, "reject": False},
    )
    known = {c.header: c.key for c in worksheet_columns(50, texts, followup=True)}
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
        content.rows.append(reader.row(criterion_id, tables))


def one_line(text: str) -> str:
    """A cell's text in a one-line problem: as typed, or quoted if it has line breaks."""
    return text if text.isprintable() else repr(text)


_REQUIRED_KEYS = {"criterion", "status", "reason_1", "due", "note", "action"}


@dataclass(frozen=True, slots=True)
class _Tables:
    """What each drop-down's labels (or codes, in any case) stand for, in one language."""

    choices: dict[str, dict[str, Any]]  # by the finding field a drop-down fills
    yes_no: dict[str, bool]
    decision: dict[str, bool]


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
        self._bad: set[str] = set()

    def _cell(self, key: str) -> Any:
        index = self._positions.get(key)
        if index is None or index >= len(self._cells):
            return None
        return self._cells[index]

    def problem(self, key: str, message: str) -> None:
        self._bad.add(key)
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
            self.raw(key) not in (None, "")
            for key in self._positions
            if key in _ANSWER_KEYS or key in NEW_KEYS
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

    def days(self, key: str) -> int | None:
        """A whole number of days (the rules say which numbers an extension may be)."""
        return self._whole(key, "whole number of days")

    def number(self, key: str) -> int | None:
        """A whole number."""
        return self._whole(key, "whole number")

    def _whole(self, key: str, what: str) -> int | None:
        value = self.raw(key)
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            value = str(value)
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, int):
            return value
        text = str(value).strip()
        if text.isdecimal() and len(text) <= 4:
            return int(text)
        self.problem(key, f"{one_line(str(value))!r} is not a {what}")
        return None

    def followup(self, tables: _Tables) -> NewFollowUp | None:
        """The row's new follow-up cells, when the sheet has them."""
        if not any(key in self._positions for key in NEW_KEYS):
            return None
        yes, no = self._texts.yes_no[True], self._texts.yes_no[False]
        accept, reject = self._texts.followup.decisions.values()
        answer, decision = f"answer ({yes} or {no})", f"decision ({accept} or {reject})"
        return NewFollowUp(
            response_date=self.day("new_response_date"),
            response_implemented=self.choice("new_response_implemented", tables.yes_no, answer),
            response_note=self.text("new_response_note"),
            decision=self.choice("new_decision", tables.decision, decision),
            decision_note=self.text("new_decision_note"),
            extension_days=self.days("new_extension_days"),
            extension_reason=self.text("new_extension_reason"),
            close=self.choice("new_close", tables.yes_no, answer) is True,
        )

    def row(self, criterion_id: str, tables: _Tables) -> SheetRow:
        """The row's finding from the cells that could be read, noting those that could not."""
        columns = {
            name: sorted(
                (k for k in self._positions if k.startswith(f"{each}_")),
                key=lambda k: int(k.rsplit("_", 1)[1]),
            )
            for name, each in ONE_COLUMN_EACH.items()
        }
        yes, no = self._texts.yes_no[True], self._texts.yes_no[False]
        answer = (tables.yes_no, f"answer ({yes} or {no})")
        finding, code_columns = xlsx_fields.FINDING_CELLS.read(
            criterion_id, self, columns, tables.choices, answer
        )
        followup = self.followup(tables)
        unreadable = {"reasons" if k.startswith("reason_") else k for k in self._bad}
        return SheetRow(
            self._number,
            finding,
            frozenset(unreadable - set(NEW_KEYS)),
            code_columns["reasons"],
            followup,
            frozenset(unreadable & set(NEW_KEYS)),
        )


_ANSWER_KEYS = {c.key for c in worksheet_columns(50) if c.editable}
