"""The app's own language: Qt translations of every window, and the words for the core's values.

Every text a window shows is written in English in the code and marked for translation:
`self.tr("…")` inside a QObject's methods, `translate("Context", "…")` elsewhere, with
placeholders filled afterwards by `.format(name=…)` (never an f-string inside tr), and
`self.tr("%n item(s)", "", n)` for counts. `make translations` turns the sources in
resources/translations/*.ts into the .qm files loaded here; `make ts` refreshes the .ts
files from the code (pyside6-lupdate) so a new text shows up there to be translated.

Criteria, categories, reasons and entity names are not Qt texts: they come from the
catalogs' own translations (resources/msc/i18n/<language>.json).
"""

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDateTime,
    QLibraryInfo,
    QLocale,
    Qt,
    QTimeZone,
    QTranslator,
)

from ctpat_desktop.catalog.model import Catalog, Category, Level, Reason
from ctpat_desktop.catalog.translations import Translations, translations
from ctpat_desktop.errors import RuleError
from ctpat_desktop.paths import resources_dir
from ctpat_desktop.said import Speaker
from ctpat_desktop.worksheet import FindingStatus, Lifecycle, Mode
from ctpat_desktop.worksheet.model import Verification
from ctpat_desktop.worksheet.rules import Outcome

translate = QCoreApplication.translate

# The languages of the user interface: code and name in that language.
UI_LANGUAGES = (("en", "English"), ("es", "Español"))
SOURCE_LANGUAGE = "en"
_shown = {"language": SOURCE_LANGUAGE}  # what install_translations put in place
_catalog_words: dict[tuple[Path, str], Translations] = {}
_shown_catalogs: dict[tuple[str, str, str], Catalog] = {}
_TRANSLATOR = "ctpat-translator"  # the object name of the translators installed here


def ui_language(setting: str, system: QLocale | None = None) -> str:
    """The language to show: the setting, or the system's when it is one we have."""
    known = dict(UI_LANGUAGES)
    if setting in known:
        return setting
    locale = system if system is not None else QLocale.system()
    code = QLocale.languageToCode(locale.language())
    return code if code in known else SOURCE_LANGUAGE


def translation_file(resources: Path, language: str) -> Path:
    """Where the compiled translations of a language are (built by `make translations`)."""
    return resources / "translations" / f"ctpat_desktop_{language}.qm"


def install_translations(app: QCoreApplication, resources: Path, language: str) -> str:
    """Load the app's and Qt's own translations (standard buttons); the language shown.

    A missing .qm file leaves the app in English rather than failing to start.
    """
    for old in app.findChildren(QTranslator, _TRANSLATOR):
        app.removeTranslator(old)
        old.deleteLater()
    _shown["language"] = SOURCE_LANGUAGE
    if language == SOURCE_LANGUAGE:
        return language
    ours = QTranslator(app)
    if not ours.load(str(translation_file(resources, language))):
        ours.deleteLater()
        return SOURCE_LANGUAGE
    qt = QTranslator(app)  # "OK", "Cancel", "Yes" in standard dialogs
    for translator in (ours, qt):
        translator.setObjectName(_TRANSLATOR)
    app.installTranslator(ours)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
    _shown["language"] = language
    return language


def shown_language() -> str:
    """The language the windows are in."""
    return _shown["language"]


def catalog_words(resources: Path | None = None) -> Translations:
    """Criteria, categories and reasons in the windows' language (read once)."""
    language = shown_language()
    key = (resources or _resources(), language)
    if key not in _catalog_words:
        _catalog_words[key] = translations(key[0], language)
    return _catalog_words[key]


def shown_catalog(catalog: Catalog) -> Catalog:
    """A catalog as the windows show it: its name and criteria in their language."""
    key = (shown_language(), catalog.entity, catalog.version)
    if key not in _shown_catalogs:
        _shown_catalogs[key] = catalog_words().translate_catalog(catalog)
    return _shown_catalogs[key]


def shown_categories(categories: tuple[Category, ...]) -> dict[int, str]:
    """Category number → its name in the windows' language."""
    return {c.number: c.name for c in catalog_words().translate_categories(categories)}


def shown_reasons(reasons: tuple[Reason, ...]) -> tuple[Reason, ...]:
    """The reasons with their labels in the windows' language (codes stay)."""
    return catalog_words().translate_reasons(reasons)


def shown_text(english: str) -> str:
    """An entity type's name or a criterion's title in the windows' language."""
    if shown_language() == SOURCE_LANGUAGE:  # asked for every row a list paints
        return english
    return catalog_words().text(english)


@cache
def _resources() -> Path:
    return resources_dir()


_STATUS = {
    FindingStatus.NOT_REVIEWED: QT_TRANSLATE_NOOP("Vocabulary", "Not reviewed"),
    FindingStatus.MET: QT_TRANSLATE_NOOP("Vocabulary", "Met"),
    FindingStatus.NOT_MET: QT_TRANSLATE_NOOP("Vocabulary", "Not met"),
    FindingStatus.EXCEEDS: QT_TRANSLATE_NOOP("Vocabulary", "Exceeds"),
    FindingStatus.NOT_APPLICABLE: QT_TRANSLATE_NOOP("Vocabulary", "Not applicable"),
}
_LIFECYCLE = {
    Lifecycle.PLANNED: QT_TRANSLATE_NOOP("Vocabulary", "planned"),
    Lifecycle.IN_PROGRESS: QT_TRANSLATE_NOOP("Vocabulary", "in progress"),
    Lifecycle.IN_REVIEW: QT_TRANSLATE_NOOP("Vocabulary", "in review"),
    Lifecycle.APPROVED: QT_TRANSLATE_NOOP("Vocabulary", "approved"),
    Lifecycle.SIGNED: QT_TRANSLATE_NOOP("Vocabulary", "signed"),
}
_MODE = {
    Mode.VIRTUAL: QT_TRANSLATE_NOOP("Vocabulary", "Virtual"),
    Mode.IN_PERSON: QT_TRANSLATE_NOOP("Vocabulary", "In person"),
    Mode.HYBRID: QT_TRANSLATE_NOOP("Vocabulary", "Hybrid"),
}
_LEVEL = {
    Level.MUST: QT_TRANSLATE_NOOP("Vocabulary", "Must"),
    Level.SHOULD: QT_TRANSLATE_NOOP("Vocabulary", "Should"),
}
_OUTCOME = {
    Outcome.REQUIRED_ACTION: QT_TRANSLATE_NOOP("Vocabulary", "Required action"),
    Outcome.RECOMMENDATION: QT_TRANSLATE_NOOP("Vocabulary", "Recommendation"),
    Outcome.BEST_PRACTICE: QT_TRANSLATE_NOOP("Vocabulary", "Best practice"),
}
_VERIFICATION = {
    Verification.DOCUMENT_VERIFIED: QT_TRANSLATE_NOOP("Vocabulary", "Document verified"),
    Verification.PROCESS_OBSERVED: QT_TRANSLATE_NOOP("Vocabulary", "Process observed"),
    Verification.DESCRIBED: QT_TRANSLATE_NOOP("Vocabulary", "Described by the member"),
    Verification.OTHER: QT_TRANSLATE_NOOP("Vocabulary", "Other"),
}


# What the audit trail records, as its action column and filter show it.
_AUDIT_ACTIONS = {
    "create": QT_TRANSLATE_NOOP("Vocabulary", "create"),
    "update": QT_TRANSLATE_NOOP("Vocabulary", "update"),
    "import": QT_TRANSLATE_NOOP("Vocabulary", "import"),
    "status": QT_TRANSLATE_NOOP("Vocabulary", "status"),
    "name": QT_TRANSLATE_NOOP("Vocabulary", "name"),
    "attach": QT_TRANSLATE_NOOP("Vocabulary", "attach"),
    "remove": QT_TRANSLATE_NOOP("Vocabulary", "remove"),
    "restore": QT_TRANSLATE_NOOP("Vocabulary", "restore"),
    "sign": QT_TRANSLATE_NOOP("Vocabulary", "sign"),
    "reopen": QT_TRANSLATE_NOOP("Vocabulary", "reopen"),
    "submit": QT_TRANSLATE_NOOP("Vocabulary", "submit"),
    "approve": QT_TRANSLATE_NOOP("Vocabulary", "approve"),
    "return": QT_TRANSLATE_NOOP("Vocabulary", "return"),
    "approval withdrawn": QT_TRANSLATE_NOOP("Vocabulary", "approval withdrawn"),
    "catalog upgraded": QT_TRANSLATE_NOOP("Vocabulary", "catalog upgraded"),
    "sync": QT_TRANSLATE_NOOP("Vocabulary", "sync"),
    "resolve": QT_TRANSLATE_NOOP("Vocabulary", "resolve"),
    # Follow-up records after signing (sync/followup_rules.py Event).
    "response": QT_TRANSLATE_NOOP("Vocabulary", "response"),
    "decision": QT_TRANSLATE_NOOP("Vocabulary", "decision"),
    "extension": QT_TRANSLATE_NOOP("Vocabulary", "extension"),
    "closure": QT_TRANSLATE_NOOP("Vocabulary", "closure"),
}


def table_word(context: str, table: Mapping[str, object], key: str) -> str | None:
    """The translated word a table of QT_TRANSLATE_NOOP texts holds for key, or None."""
    known = table.get(key)
    return None if known is None else translate(context, str(known))


def audit_action_label(action: str) -> str:
    """An audit event's action in words (an action this list lacks shows as recorded)."""
    return table_word("Vocabulary", _AUDIT_ACTIONS, action) or action


def status_label(status: FindingStatus) -> str:
    """A finding status in words ("Not met")."""
    return translate("Vocabulary", str(_STATUS[status]))


def lifecycle_label(status: Lifecycle) -> str:
    """A validation's status in words ("in review")."""
    return translate("Vocabulary", str(_LIFECYCLE[status]))


def mode_label(mode: Mode) -> str:
    """How a validation is conducted, in words ("In person")."""
    return translate("Vocabulary", str(_MODE[mode]))


def level_label(level: Level) -> str:
    """Must or Should."""
    return translate("Vocabulary", str(_LEVEL[level]))


def outcome_label(outcome: Outcome) -> str:
    """What a finding becomes in the report, in words."""
    return translate("Vocabulary", str(_OUTCOME[outcome]))


def verification_label(method: Verification) -> str:
    """How the SCSS verified what was shown, in words."""
    return translate("Vocabulary", str(_VERIFICATION[method]))


# The worksheet rules (ctpat_desktop/worksheet/rules.py) by their codes, as windows say them.
# Edits refused because what they were made on has changed since (the store's StaleEdit).
_STALE = {
    "stale": QT_TRANSLATE_NOOP(
        "Rules",
        "criterion {criterion} was changed elsewhere (by {who}) since it was shown; nothing "
        "was saved: look at it again",
    ),
    "stale-caption": QT_TRANSLATE_NOOP(
        "Rules",
        "the caption of {file} was changed elsewhere since it was shown; nothing was saved: "
        "look at it again",
    ),
}
_RULES = {
    "control-characters": QT_TRANSLATE_NOOP(
        "Rules", "criterion {criterion}: {field} contains control characters"
    ),
    "unknown-reason": QT_TRANSLATE_NOOP(
        "Rules", "criterion {criterion}: unknown reason {reason}; use one of: {allowed}"
    ),
    "reason-twice": QT_TRANSLATE_NOOP("Rules", "criterion {criterion}: a reason is given twice"),
    "text-too-long": QT_TRANSLATE_NOOP(
        "Rules", "criterion {criterion}: {field} is longer than {limit} characters"
    ),
    "no-parts": QT_TRANSLATE_NOOP(
        "Rules", "criterion {criterion}: has no parts to name as not met"
    ),
    "unknown-part": QT_TRANSLATE_NOOP(
        "Rules", "criterion {criterion}: has no part {part}; its parts are {allowed}"
    ),
    "part-twice": QT_TRANSLATE_NOOP("Rules", "criterion {criterion}: a part is given twice"),
    "reason-needed": QT_TRANSLATE_NOOP(
        "Rules", "criterion {criterion}: a not-met finding needs at least one reason"
    ),
    "due-before-validation": QT_TRANSLATE_NOOP(
        "Rules", "criterion {criterion}: due date {due} is before the validation date {date}"
    ),
    "extension-days": QT_TRANSLATE_NOOP(
        "Rules", "criterion {criterion}: an extension is 30, 60, 90 or 120 days"
    ),
    "extension-needs-reason": QT_TRANSLATE_NOOP(
        "Rules", "criterion {criterion}: a due-date extension needs a reason"
    ),
    "extension-reason-alone": QT_TRANSLATE_NOOP(
        "Rules", "criterion {criterion}: an extension reason without an extension"
    ),
    "no-response": QT_TRANSLATE_NOOP(
        "Rules", "criterion {criterion}: there is no member's response to accept or reject yet"
    ),
    "not-met-only": QT_TRANSLATE_NOOP(
        "Rules",
        "criterion {criterion}: reasons, required action and due date apply only to a not-met "
        "finding",
    ),
    "response-not-met-only": QT_TRANSLATE_NOOP(
        "Rules", "criterion {criterion}: a member's response applies only to a not-met finding"
    ),
    "extension-not-met-only": QT_TRANSLATE_NOOP(
        "Rules", "criterion {criterion}: a due-date extension applies only to a not-met finding"
    ),
    "exceeds-needs-note": QT_TRANSLATE_NOOP(
        "Rules",
        "criterion {criterion}: an exceeds (best practice) finding needs a note describing the "
        "practice",
    ),
}
_TEXT_FIELDS = {
    "note": QT_TRANSLATE_NOOP("Rules", "the internal note"),
    "report_text": QT_TRANSLATE_NOOP("Rules", "the text for the report"),
    "action": QT_TRANSLATE_NOOP("Rules", "the required action"),
    "profile_answer": QT_TRANSLATE_NOOP("Rules", "the profile answer"),
    "response_note": QT_TRANSLATE_NOOP("Rules", "the member's response"),
    "extension_reason": QT_TRANSLATE_NOOP("Rules", "the extension reason"),
}


def error_text(exc: Exception) -> str:
    """What went wrong, in the windows' language: by the rule's code where the error names
    one, else by the core's message it is (ui/core_messages.py); English where neither is
    translated."""
    template = (
        (_RULES.get(exc.code) or _STALE.get(exc.code)) if isinstance(exc, RuleError) else None
    )
    if template is None or not isinstance(exc, RuleError):
        return core_text(str(exc))
    values = {name: str(value) for name, value in exc.values.items()}
    if "field" in values and values["field"] in _TEXT_FIELDS:
        values["field"] = translate("Rules", str(_TEXT_FIELDS[values["field"]]))
    try:
        return translate("Rules", str(template)).format(**values)
    except (KeyError, IndexError):  # a translation naming a value the error lacks
        return str(exc)


def core_text(text: str) -> str:
    """A line the core wrote (an error, a hub's refusal) in the windows' language.

    The line is matched against the core's message templates, most specific first; the
    values in its placeholders are said the same way in turn (a refusal quoting another
    message). A line no template matches, or whose template has no translation, stays as
    it is: English, never half translated."""
    if shown_language() == SOURCE_LANGUAGE or not text:
        return text
    return _core_text(text, depth=3)


def _core_text(text: str, depth: int) -> str:
    for template, pattern in _core_patterns():
        found = pattern.fullmatch(text)
        if found is None:
            continue
        said = translate(CORE_CONTEXT, template)
        if said == template:
            return text
        values = [_core_text(value, depth - 1) if depth > 1 else value for value in found.groups()]
        try:
            return said.format(*values)
        except (IndexError, KeyError, ValueError):  # a translation naming a value it lacks
            return text
    # "where: what" (a file, a record, a criterion, then the message about it), where the
    # whole line is no template of its own: the "what" is said, the "where" kept.
    where, colon, what = text.partition(": ")
    if colon and depth > 1:
        said_what = _core_text(what, depth - 1)
        if said_what != what:
            return f"{where}: {said_what}"
    return text


@cache
def _core_patterns() -> tuple[tuple[str, "re.Pattern[str]"], ...]:
    """Each core template with the expression that recognises its lines, the templates with
    the most words of their own first (so "{0}: not valid JSON" wins over "{0}: {1}")."""
    from ctpat_desktop.ui.core_messages import MESSAGES

    def pattern(template: str) -> "re.Pattern[str]":
        pieces = _PLACEHOLDER.split(template)
        literal = [piece.replace("{{", "{").replace("}}", "}") for piece in pieces]
        return re.compile("(.+?)".join(re.escape(piece) for piece in literal), re.DOTALL)

    templates = [str(template) for template in MESSAGES]  # QT_TRANSLATE_NOOP gives its text
    ordered = sorted(templates, key=lambda t: -len(_PLACEHOLDER.sub("", t)))
    return tuple((template, pattern(template)) for template in ordered)


CORE_CONTEXT = "Core"
_PLACEHOLDER = re.compile(r"(?<!\{)\{\d+\}(?!\})")


def local_moment(stamp: str) -> str:
    """A stored UTC timestamp as the user's clock and locale say it ("12/6/26 12:48 AM");
    the text as it is when it is no timestamp."""
    moment = QDateTime.fromString(stamp[:19], Qt.DateFormat.ISODate)
    if not moment.isValid():
        return stamp
    moment.setTimeZone(QTimeZone.utc())
    return QLocale().toString(moment.toLocalTime(), QLocale.FormatType.ShortFormat)


_NUMBER_SPEC = re.compile(r"(\+?)\.(\d+)([f%])")


def local_number(value: float, spec: str) -> str:
    """A number with its format spec written the dashboard's way in the windows' language:
    the locale's decimals, with its sign ("+.1f": "+4,1") or percent sign (".1%": "20,0%");
    any other spec as Python writes it."""
    found = _NUMBER_SPEC.fullmatch(spec)
    if found is None:
        return format(value, spec)
    sign, digits, kind = found.groups()
    shown = 100 * value if kind == "%" else value
    text = QLocale().toString(float(shown), "f", int(digits))
    return ("+" if sign and shown >= 0 else "") + text + ("%" if kind == "%" else "")


def _lifecycle_word(status: str) -> str:
    try:
        return lifecycle_label(Lifecycle(status))
    except ValueError:  # a status this app does not know yet: as written
        return status


def _mode_word(mode: str) -> str:
    try:
        return mode_label(Mode(mode))
    except ValueError:
        return mode


def window_speaker(categories: Mapping[int, str] | None = None) -> Speaker:
    """The core's sentences (ctpat_desktop/said.py) in the windows' language: their templates by
    the core's messages (ui/core_messages.py), entity types, modes, statuses and numbers the
    windows' way, and categories by these names (number → name, in the windows' language)."""
    return Speaker(
        text=lambda text: translate(CORE_CONTEXT, text),
        entity=shown_text,
        mode=_mode_word,
        status=_lifecycle_word,
        category=None if categories is None else categories.__getitem__,
        number=local_number,
    )
