"""The language of what the app writes for the member (report, worksheet), chosen in the
Report menu and remembered; the member's language, not necessarily the SCSS's."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtWidgets import QMenu, QWidget

from ctpat_desktop.ui.choice_menu import add_choices, checked_choice
from ctpat_desktop.ui.i18n import translate
from ctpat_desktop.ui.window_state import app_settings

# The languages the member can read their report in, named in the menu in the window's language.
LANGUAGES = (
    ("en", QT_TRANSLATE_NOOP("OutputLanguage", "English")),
    ("es", QT_TRANSLATE_NOOP("OutputLanguage", "Español")),
)
_KEY = "output/language"


class OutputLanguage(QObject):
    """A checkable choice of English or Spanish, kept in the app's QSettings."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._settings = app_settings()
        saved = str(self._settings.value(_KEY, "en"))
        self.menu = QMenu(self.tr("Report and worksheet &language"), parent)
        self.menu.setAccessibleName(self.tr("Report and worksheet language"))
        choices = []
        for code, label in LANGUAGES:
            name = translate("OutputLanguage", str(label))
            tip = self.tr("Write reports and worksheets in {language}").format(language=name)
            choices.append((code, name, tip))
        self.actions = add_choices(self, self.menu, choices, saved, self.choose)

    def current(self) -> str:
        """The chosen language code."""
        return checked_choice(self.actions)

    def choose(self, code: str) -> None:
        """Choose a language (and remember it)."""
        self.actions[code].setChecked(True)
        self._settings.setValue(_KEY, code)
        self._settings.sync()
