"""The command line of the records around the checklist, one group per declared kind:
`site|docreq|participant|interview|tour|team add|list|edit|remove` and
`outcome|decision set|show|remove`. Every option comes from the kind's declaration
(records/options.py). A refusal is one line and exit 1; a usage mistake exit 2 (argparse).
"""

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ctpat_desktop.records.declare import Declaration
from ctpat_desktop.records.kinds import BY_NAME, VISIT_KINDS
from ctpat_desktop.records.options import add_options, given_values

if TYPE_CHECKING:
    from ctpat_desktop.app import AppContext

Command = Callable[..., argparse.ArgumentParser]


def add_visit_commands(commands: Any, command: Command) -> None:
    """Register a group of commands for every declared kind."""
    for kind in VISIT_KINDS:
        group = commands.add_parser(kind.command, help=kind.summary).add_subparsers(
            dest=f"{kind.name}_command", metavar="ACTION", required=True
        )
        if kind.single:
            setter = command(group, "set", _set, f"record or change the {kind.label}")
            _validation(setter)
            add_options(setter, kind, editing=True)
            _validation(command(group, "show", _show, f"the {kind.label}"))
            _validation(command(group, "remove", _remove, f"remove the {kind.label}"))
        else:
            adder = command(group, "add", _add, f"record {kind.a}")
            _validation(adder)
            add_options(adder, kind, editing=False)
            _validation(command(group, "list", _list, f"the {kind.label}s of a validation"))
            editor = command(group, "edit", _edit, f"change {kind.a}")
            _record(_validation(editor), kind)
            add_options(editor, kind, editing=True)
            _record(_validation(command(group, "remove", _remove, f"remove {kind.a}")), kind)
        for sub in group.choices.values():
            sub.set_defaults(kind=kind.name)


def _validation(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("id", help="the validation (its ID or first characters)")
    return parser


def _record(parser: argparse.ArgumentParser, kind: Declaration) -> None:
    parser.add_argument(
        "record", metavar=f"{kind.command.upper()}_ID", help=f"the {kind.label}'s ID (as listed)"
    )


def _kind(args: argparse.Namespace) -> Declaration:
    return BY_NAME[args.kind]


def _saved(kind: Declaration, what: str, item: Any, args: argparse.Namespace) -> Any:
    from ctpat_desktop.records.documents import item_line, item_view

    view = item_view(item)
    if not args.json:
        print(f"{what} {kind.label} {item_line(kind, view)}")
    return view


def _add(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services import visit

    kind = _kind(args)
    return _saved(kind, "Recorded", visit.add(ctx, args.id, kind, given_values(kind, args)), args)


def _set(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services import visit

    kind = _kind(args)
    return _saved(kind, "Recorded", visit.put(ctx, args.id, kind, given_values(kind, args)), args)


def _edit(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services import visit

    kind = _kind(args)
    values = given_values(kind, args)
    return _saved(kind, "Changed", visit.edit(ctx, args.id, kind, args.record, values), args)


def _remove(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services import visit

    kind = _kind(args)
    removed = visit.remove(ctx, args.id, kind, getattr(args, "record", ""))
    return {"removed": _saved(kind, "Removed", removed, args)}


def _list(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.records.documents import item_line, kind_view
    from ctpat_desktop.services import visit

    kind = _kind(args)
    full_id = ctx.store.resolve_id(args.id)
    shown = kind_view(kind, visit.records(ctx, full_id, kind))
    if not args.json:
        for item in [shown] if isinstance(shown, dict) else shown or ():
            print(item_line(kind, item))
        if not shown:
            print(f"No {kind.label} recorded." if kind.single else f"No {kind.label}s recorded.")
    return {"validation": full_id, kind.key: shown}


_show = _list
