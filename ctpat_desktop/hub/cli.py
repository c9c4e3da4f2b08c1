"""The ctpat-hub command line: serve the hub, manage its users, import offline bundles.

Keeps ``--help`` fast: SQLAlchemy is imported when a command opens the database, uvicorn
and Starlette only by ``serve``.
"""

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ctpat_desktop import __version__
from ctpat_desktop.errors import CtpatError
from ctpat_desktop.hub.hub_key import secure_folder
from ctpat_desktop.paths import APP_NAME, default_data_dir

if TYPE_CHECKING:
    from ctpat_desktop.hub.service import Hub

PROG = "ctpat-hub"
DB_FILE = "hub.db"
Handler = Callable[["Hub", argparse.Namespace], int]
# The filters of `stats`, as the laptop's `stats` names them.
STATS_FILTERS = ("start", "end", "entity", "mode", "office", "scss", "catalog_version", "status")


def resolve_hub_data_dir(explicit: str | None) -> Path:
    """--data-dir, else CTPAT_HUB_DATA, else the platform's data folder + '-hub'."""
    chosen = explicit or os.environ.get("CTPAT_HUB_DATA")
    if chosen:
        return Path(chosen).expanduser()
    return default_data_dir().with_name(f"{APP_NAME}-hub")


def resolve_db_url(explicit: str | None, data_dir: Path) -> str:
    """--db, else CTPAT_HUB_DB, else an SQLite file in the data folder."""
    return explicit or os.environ.get("CTPAT_HUB_DB") or f"sqlite:///{data_dir / DB_FILE}"


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: a subcommand's default must not overwrite an option given before it.
    common.add_argument(
        "--db", default=argparse.SUPPRESS, help="database URL (else CTPAT_HUB_DB, else SQLite)"
    )
    common.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,
        help="hub data folder (else CTPAT_HUB_DATA, else the platform's)",
    )
    parser = argparse.ArgumentParser(
        prog=PROG, parents=[common], description="CTPAT field-office sync hub"
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    serve = commands.add_parser("serve", parents=[common], help="serve the hub over HTTP(S)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=8765, help="port to listen on")
    serve.add_argument("--certfile", help="TLS certificate (PEM); needs --keyfile")
    serve.add_argument("--keyfile", help="TLS private key (PEM)")
    serve.set_defaults(handler=_serve)

    user = commands.add_parser("user", parents=[common], help="manage hub users")
    users = user.add_subparsers(dest="user_command", metavar="COMMAND", required=True)
    add = users.add_parser("add", parents=[common], help="add a user; prints their token")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=("scss", "supervisor", "admin"))
    add.add_argument("--office", help="field office (needed for scss and supervisor)")
    add.set_defaults(handler=_user_add)
    listing = users.add_parser("list", parents=[common], help="list users")
    listing.add_argument("--json", action="store_true", help="print one JSON document")
    listing.set_defaults(handler=_user_list)
    disable = users.add_parser("disable", parents=[common], help="stop a user's token working")
    disable.add_argument("name")
    disable.set_defaults(handler=_user_disable)

    stats = commands.add_parser(
        "stats", parents=[common], help="the dashboard's figures over every office (or one)"
    )
    stats.add_argument("--json", action="store_true", help="print one JSON document")
    stats.add_argument("--from", dest="start", help="first validation date YYYY-MM-DD")
    stats.add_argument("--to", dest="end", help="last validation date YYYY-MM-DD")
    stats.add_argument("--entity", help="entity type")
    stats.add_argument("--mode", help="virtual, in-person or hybrid")
    stats.add_argument("--office", help="only this field office")
    stats.add_argument("--scss", help="SCSS name")
    stats.add_argument(
        "--catalog-version", help="only validations pinned to this MSC catalog version"
    )
    stats.add_argument(
        "--status", help="only validations at this stage: in-progress, in-review, approved, signed"
    )
    stats.add_argument("--pdf", type=Path, help="also write the dashboard as a PDF")
    stats.add_argument("--xlsx", type=Path, help="also write the dashboard as an Excel workbook")
    stats.set_defaults(handler=_stats)

    epoch = commands.add_parser(
        "new-epoch",
        parents=[common],
        help="after restoring the whole data folder from a backup: laptops re-send what it lost",
    )
    epoch.set_defaults(handler=_new_epoch)
    bundle = commands.add_parser("bundle", parents=[common], help="offline bundle files")
    bundles = bundle.add_subparsers(dest="bundle_command", metavar="COMMAND", required=True)
    import_ = bundles.add_parser("import", parents=[common], help="apply a laptop's bundle")
    import_.add_argument("file", type=Path)
    import_.set_defaults(handler=_bundle_import)
    export = bundles.add_parser(
        "export", parents=[common], help="write a user's changes for a laptop that is offline"
    )
    export.add_argument("file", type=Path)
    export.add_argument("--user", required=True, help="whose laptop the bundle is for")
    export.add_argument(
        "--since", type=int, default=0, help="the laptop's last change number (sync --status)"
    )
    export.set_defaults(handler=_bundle_export)
    return _with_backlog(parser, commands, common)


def _with_backlog(
    parser: argparse.ArgumentParser, commands: Any, common: argparse.ArgumentParser
) -> argparse.ArgumentParser:
    """The parser with `backlog` added."""
    backlog = commands.add_parser(
        "backlog", parents=[common], help="members due for (re)validation, by risk"
    )
    backlog.add_argument("--json", action="store_true", help="print one JSON document")
    backlog.add_argument("--office", help="only this field office")
    backlog.add_argument("--xlsx", type=Path, help="also write the backlog as an Excel workbook")
    backlog.add_argument("--as-of", help="plan from this day YYYY-MM-DD (else today)")
    backlog.add_argument("--horizon-days", type=int, help="due within so many days (else rules)")
    backlog.add_argument("--rules", type=Path, help="rules file (else DATA_DIR/backlog.json)")
    backlog.set_defaults(handler=_backlog)
    return parser


def _serve(hub: "Hub", args: argparse.Namespace) -> int:
    import uvicorn

    from ctpat_desktop.hub.app import create_app

    if bool(args.certfile) != bool(args.keyfile):
        raise CtpatError("--certfile and --keyfile go together")
    for name in (args.certfile, args.keyfile):
        if name and not Path(name).is_file():
            raise CtpatError(f"{name}: file not found")
    if not args.certfile and args.host not in ("127.0.0.1", "localhost", "::1"):
        print(
            f"{PROG}: warning: serving on {args.host} without TLS; tokens cross the network "
            "in the clear (use --certfile/--keyfile or a TLS proxy)",
            file=sys.stderr,
        )
    config = uvicorn.Config(
        create_app(hub),
        host=args.host,
        port=args.port,
        ssl_certfile=args.certfile,
        ssl_keyfile=args.keyfile,
        lifespan="off",
        log_level="info",
    )
    uvicorn.Server(config).run()
    return 0


def _stats(hub: "Hub", args: argparse.Namespace) -> int:
    from ctpat_desktop.catalog import CatalogLibrary
    from ctpat_desktop.paths import resources_dir
    from ctpat_desktop.services.dashboard import export_dashboard, print_dashboard, stats_filter

    filters = stats_filter(
        CatalogLibrary(resources_dir()),
        **{name: getattr(args, name) for name in STATS_FILTERS},
    )
    figures = hub.stats(None, filters)
    export_dashboard(figures, pdf=args.pdf, xlsx=args.xlsx)
    if args.json:
        json.dump(figures, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    print_dashboard(figures)  # "By office" included
    return 0


def _backlog(hub: "Hub", args: argparse.Namespace) -> int:
    from ctpat_desktop.hub.backlog import hub_backlog
    from ctpat_desktop.hub.backlog_rules import load_rules
    from ctpat_desktop.services.backlog import export_backlog, print_backlog
    from ctpat_desktop.services.validations import parse_date

    if args.horizon_days is not None and not 0 <= args.horizon_days <= 3660:
        raise CtpatError(f"--horizon-days {args.horizon_days}: use 0 to 3660 days")
    today = parse_date(args.as_of, "--as-of") if args.as_of else None
    rules = load_rules(args.rules, hub.blobs.root.parent) if args.rules else None
    backlog = hub_backlog(
        hub, None, office=args.office, today=today, horizon_days=args.horizon_days, rules=rules
    )
    if args.xlsx is not None:
        export_backlog(backlog, args.xlsx)
    if args.json:
        json.dump(backlog, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    print_backlog(backlog)
    return 0


def _new_epoch(hub: "Hub", _args: argparse.Namespace) -> int:
    epoch = hub.new_epoch()
    print(f"hub {hub.hub_id}: new epoch {epoch}; laptops re-send what the hub lost at next sync")
    return 0


def _user_add(hub: "Hub", args: argparse.Namespace) -> int:
    print(hub.add_user(args.name, args.role, args.office))
    return 0


def _user_list(hub: "Hub", args: argparse.Namespace) -> int:
    users = hub.list_users()
    if args.json:
        document: list[dict[str, Any]] = [
            {
                "name": u.name,
                "role": u.role,
                "office": u.office,
                "created_at": u.created_at,
                "disabled": u.disabled,
            }
            for u in users
        ]
        json.dump(document, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    for u in users:
        state = "disabled" if u.disabled else "active"
        print(f"{u.name}\t{u.role}\t{u.office or '-'}\t{state}\t{u.created_at}")
    return 0


def _user_disable(hub: "Hub", args: argparse.Namespace) -> int:
    hub.disable_user(args.name)
    print(f"user {args.name} disabled", file=sys.stderr)
    return 0


def _bundle_import(hub: "Hub", args: argparse.Namespace) -> int:
    from ctpat_desktop.hub.bundles import import_bundle

    summary = import_bundle(hub, args.file)
    print(summary.line())
    for reason in summary.rejected:
        print(f"{PROG}: rejected {reason}", file=sys.stderr)
    return 1 if summary.rejected else 0


def _bundle_export(hub: "Hub", args: argparse.Namespace) -> int:
    from ctpat_desktop.hub.bundles import export_bundle

    print(export_bundle(hub, args.file, args.user, args.since).line())
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run one hub command; errors print one line on stderr and return 1 (2 for usage)."""
    args = _parser().parse_args(argv)
    try:
        from ctpat_desktop.hub.service import Hub

        data_dir = resolve_hub_data_dir(getattr(args, "data_dir", None))
        secure_folder(data_dir)  # it holds hub.key, the evidence and (SQLite) the database
        hub = Hub.open(resolve_db_url(getattr(args, "db", None), data_dir), data_dir)
        try:
            code: int = args.handler(hub, args)
        finally:
            hub.close()
    except CtpatError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
