"""Sentences the core writes for people (the backlog's reasons, the anomaly flags) in a form a
window can say in its own language: the English text, and the template with its values.

said() makes such a sentence and term() marks a word; ui/message_scan.py finds the template
of every said() and term() in the code, so the translators get them. A Speaker says them
back in a reader's language: the template translated, the values filled, numbers written
the reader's way. Plain Python: the hub and the command line use it without Qt.
"""

import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any


def said(template: str, **values: object) -> dict[str, Any]:
    """A sentence as the JSON carries it: the English text (`reason`) and its template with
    the named values (`message`, `values`). A value the template does not name rides along
    for readers (the numbers of the categories it lists)."""
    return {"reason": template.format(**values), "message": template, "values": values}


def term(text: str) -> str:
    """A word the core writes ("overdue", a column's header) as it is; a window says it
    in its own language. ui/message_scan.py finds every term() in the code."""
    return text


def _same(text: str) -> str:
    return text


class _Filler(string.Formatter):
    """str.format, with every number that has a format spec written by the reader's rule."""

    def __init__(self, number: Callable[[float, str], str]) -> None:
        super().__init__()
        self._number = number

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec and isinstance(value, int | float) and not isinstance(value, bool):
            return self._number(value, format_spec)
        return format(value, format_spec)


@dataclass(frozen=True, slots=True)
class Speaker:
    """How a reader's language says the core's sentences: its texts (said() templates and
    term() words, looked up by their English), the names of entity types, the modes and
    statuses of validations, the criteria categories by number (None: as written) and
    numbers with a format spec. English, as the core wrote it, by default."""

    text: Callable[[str], str] = _same
    entity: Callable[[str], str] = _same
    mode: Callable[[str], str] = _same
    status: Callable[[str], str] = _same
    category: Callable[[int], str] | None = None
    number: Callable[[float, str], str] = format

    def said(self, item: Mapping[str, Any]) -> str:
        """A sentence in this language; its English where it came without a template (an
        older hub) or where the translation names a value the sentence lacks."""
        template, values = item.get("message"), item.get("values")
        if not isinstance(template, str) or not isinstance(values, dict):
            return str(item["reason"])
        try:
            return _Filler(self.number).vformat(self.text(template), (), self._values(item))
        except (KeyError, IndexError, ValueError):
            return str(item["reason"])

    def _values(self, item: Mapping[str, Any]) -> dict[str, Any]:
        """The sentence's values, the words among them in this language."""
        values = dict(item["values"])
        if "entity_name" in values:
            values["entity_name"] = self.entity(str(values["entity_name"]))
        if "status" in values:
            values["status"] = self.status(str(values["status"]))
        numbers = values.get("category_numbers")
        if self.category is not None and isinstance(numbers, list):
            values["categories"] = ", ".join(f"{n}. {self.category(int(n))}" for n in numbers)
        flags = item.get("flags")
        if isinstance(flags, list):  # sentences within the sentence: each said in turn
            values["flags"] = "; ".join(self.said(flag) for flag in flags)
        return values


ENGLISH = Speaker()
