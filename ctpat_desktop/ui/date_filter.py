"""A date field for filters, where the first (special) value means "any day"."""

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit

from ctpat_desktop.ui.i18n import translate

ANY_DAY = QDate(2000, 1, 1)


def date_filter(name: str) -> QDateEdit:
    """An empty ("any") date filter with a calendar, named for assistive technology."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setAccessibleName(name)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(ANY_DAY)
    edit.setSpecialValueText(translate("DateFilter", "any"))
    edit.setDate(ANY_DAY)
    return edit


def chosen_day(edit: QDateEdit) -> date | None:
    """The day chosen in a date filter, or None for "any"."""
    picked = edit.date()
    return None if picked == ANY_DAY else date(picked.year(), picked.month(), picked.day())
