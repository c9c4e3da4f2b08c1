"""The language of what the app writes for the member (report, worksheet), chosen in the
Report menu and remembered; the member's language, not necessarily the SCSS's."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

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
        group = QActionGroup(self)
        group.setExclusive(True)
        self.actions: dict[str, QAction] = {}
        for code, label in LANGUAGES:
            name = translate("OutputLanguage", str(label))
            action = QAction(name, self, checkable=True)
            action.setStatusTip(
                self.tr("Write reports and worksheets in {language}").format(language=name)
            )
            action.setChecked(code == saved or (code == "en" and saved not in dict(LANGUAGES)))
            action.triggered.connect(lambda _checked=False, c=code: self.choose(c))
            group.addAction(action)
            self.menu.addAction(action)
            self.actions[code] = action

    def current(self) -> str:
        """The chosen language code."""
        return next(code for code, action in self.actions.items() if action.isChecked())

    def choose(self, code: str) -> None:
        """Choose a language (and remember it)."""
        self.actions[code].setChecked(True)
        self._settings.setValue(_KEY, code)
        self._settings.sync()
