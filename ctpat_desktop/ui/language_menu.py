"""View → Language: the windows' language, the system's by default; used from the next start.

Windows are built in one language; switching every open window over at once would mean
rebuilding each of them, so the choice is kept in the settings and applies next time.
"""

from collections.abc import Callable

from PySide6.QtCore import QLocale, QObject
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from ctpat_desktop.ui.choice_menu import add_choices, checked_choice
from ctpat_desktop.ui.i18n import UI_LANGUAGES, ui_language


class LanguageMenu(QObject):
    """The choice of System default, English or Español, kept by save(code)."""

    def __init__(self, parent: QWidget, chosen: str, save: Callable[[str], bool]) -> None:
        super().__init__(parent)
        self._parent = parent
        self._save = save
        self.notice: QMessageBox | None = None
        self.menu = QMenu(self.tr("&Language"), parent)
        self.menu.setAccessibleName(self.tr("Language of the windows"))
        system = dict(UI_LANGUAGES)[ui_language("", QLocale.system())]
        tip = self.tr("Show the windows in this language from the next start")
        choices = [("", self.tr("System default ({language})").format(language=system), tip)]
        choices += [(code, name, tip) for code, name in UI_LANGUAGES]
        self.actions = add_choices(self, self.menu, choices, chosen, self.choose)

    def current(self) -> str:
        """The chosen setting: "" (the system's), "en" or "es"."""
        return checked_choice(self.actions)

    def choose(self, code: str) -> None:
        """Keep the choice and say when it applies."""
        self.actions[code].setChecked(True)
        if not self._save(code):
            return
        name = dict(UI_LANGUAGES)[ui_language(code, QLocale.system())]
        self.notice = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Language"),
            self.tr("The windows will be in {language} the next time ctpat-desktop starts.").format(
                language=name
            ),
            QMessageBox.StandardButton.Ok,
            self._parent,
        )
        self.notice.open()
