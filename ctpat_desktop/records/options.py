"""A declared kind's command-line options (add and edit), derived from its declaration."""

import argparse
from typing import Any

from ctpat_desktop.errors import RuleError
from ctpat_desktop.records.declare import Declaration, Field, Type, article
from ctpat_desktop.records.values import from_text

_METAVAR = {
    Type.INT: "N",
    Type.BOOL: "yes|no",
    Type.DATE: "YYYY-MM-DD",
    Type.MOMENT: "YYYY-MM-DDTHH:MM",
    Type.DATES: "YYYY-MM-DD",
    Type.CODES: "CODE",
    Type.NAMES: "NAME",
    Type.REF: "ID",
}
_REPEATABLE = (Type.DATES, Type.CODES, Type.NAMES)


def _help(f: Field) -> str:
    text = f.label
    if f.choices or f.int_choices:
        text += f": {', '.join(map(str, f.choices or f.int_choices))}"
    if f.type in _REPEATABLE:
        text += " (repeatable)"
    if f.type is Type.REF:
        text += f" ({article(f.refers_to)} ID or its first characters)"
    return text


def clearable(kind: Declaration) -> tuple[str, ...]:
    """Fields an edit may empty (`--clear NAME`): those a record may be without."""
    return tuple(f.name for f in kind.fields if not f.required)


def add_options(
    parser: argparse.ArgumentParser,
    kind: Declaration,
    *,
    editing: bool,
    skip: tuple[str, ...] = (),
) -> None:
    """One option per typed field (but those skipped: a positional argument's); required
    ones are required when adding."""
    for f in kind.fields:
        if f.name in skip:
            continue
        parser.add_argument(
            f.option,
            dest=f"field_{f.name}",
            metavar=_METAVAR.get(f.type, "TEXT"),
            action="append" if f.type in _REPEATABLE else "store",
            required=f.required and f.default is None and not editing,
            help=_help(f),
        )
    if editing and clearable(kind):
        parser.add_argument(
            "--clear",
            action="append",
            default=[],
            choices=clearable(kind),
            metavar="FIELD",
            help=f"empty a field: {', '.join(clearable(kind))} (repeatable)",
        )


def given_values(kind: Declaration, args: argparse.Namespace) -> dict[str, Any]:
    """The values the options gave (as the fields hold them), and the emptied ones."""
    values: dict[str, Any] = {}
    for f in kind.fields:
        text = getattr(args, f"field_{f.name}", None)
        if text is not None:
            values[f.name] = from_text(kind, f, text)
    for name in getattr(args, "clear", None) or ():
        if name in values:
            option = kind.by_name[name].option
            raise RuleError(f"{option} and --clear {name} contradict each other")
        values[name] = kind.by_name[name].empty()
    return values
