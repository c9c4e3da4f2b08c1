"""A date typed as text: what was typed is what is saved, or the window says why not.

A QDateEdit takes keys section by section: typing 2027-02-15 with the cursor in the day
section gave 2027-01-02, and that was saved. Here the whole text is read when the field
is left (or Enter is pressed), in the forms people type: ISO (2027-02-15, 2027/02/15,
20270215) or the language's short date (02/15/2027 in English, 15/02/2027 in Spanish).
A calendar button picks a day with the mouse.
"""

import re
from datetime import date

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

_ISO = re.compile(r"^(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})$")
_SHORT = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")


def parse_day(text: str, day_first: bool) -> date | None:
    """The date a person typed (None for nothing typed); ValueError if it is no date."""
    typed = text.strip()
    if not typed:
        return None
    iso = _ISO.match(typed)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
        return date(year, month, day)
    short = _SHORT.match(typed)
    if short:
        first, second, year = (int(part) for part in short.groups())
        day, month = (first, second) if day_first else (second, first)
        return date(year, month, day)
    raise ValueError(typed)


class DateField(QWidget):
    """A line to type a date in, with a calendar button beside it."""

    edited = Signal()  # the text changed (not yet read: see finished)
    finished = Signal()  # Enter pressed or a day picked: read the date now

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit()
        self.line.setPlaceholderText(placeholder)
        self.line.setMaxLength(20)
        self.calendar_button = QToolButton()
        self.calendar_button.setText("…")
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._menu = QMenu(self.calendar_button)
        self._menu.aboutToShow.connect(self._build_calendar)
        self.calendar_button.setMenu(self._menu)
        # Built when first opened (as QDateEdit's popup is): in the windows' locale then,
        # and nothing to build while a workspace opens.
        self.calendar: QCalendarWidget | None = None
        self._first = QDate()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        layout.addWidget(self.calendar_button)
        self.line.textEdited.connect(lambda _text: self.edited.emit())
        self.line.returnPressed.connect(self.finished)
        self.setFocusProxy(self.line)

    def text(self) -> str:
        """What the line shows."""
        return self.line.text()

    def set_day(self, day: date | None) -> None:
        """Show a date (ISO, as the worksheet and reports write it) or nothing."""
        self.line.setText(day.isoformat() if day else "")

    def set_first_day(self, day: date) -> None:
        """The earliest day the calendar offers (the validation date)."""
        self._first = QDate(day.year, day.month, day.day)
        if self.calendar is not None:
            self.calendar.setMinimumDate(self._first)

    def _build_calendar(self) -> None:
        if self.calendar is None:
            self.calendar = QCalendarWidget()
            action = QWidgetAction(self._menu)
            action.setDefaultWidget(self.calendar)
            self._menu.addAction(action)
            self.calendar.clicked.connect(self._on_calendar_clicked)
        if self._first.isValid():
            self.calendar.setMinimumDate(self._first)
        try:
            shown = self.day()
        except ValueError:
            shown = None
        if shown is not None:
            self.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))

    def day(self) -> date | None:
        """The typed date; ValueError if the text is no date."""
        return parse_day(self.line.text(), _day_first())

    def _on_calendar_clicked(self, day: QDate) -> None:
        self._menu.close()
        self.line.setText(date(day.year(), day.month(), day.day()).isoformat())
        self.edited.emit()
        self.finished.emit()


def _day_first() -> bool:
    """Whether the windows' language writes the day before the month (15/02/2027)."""
    pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat).lower()
    return pattern.find("d") < pattern.find("m")
