"""The command line's recovery code: `recovery-code` shows or renews it, `recover` uses it."""

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ctpat_desktop.app import AppContext

_TYPED_LIMIT = 4096


def recovery_code(ctx: "AppContext", args: argparse.Namespace) -> Any:
    """Show the folder's waiting recovery code (or a new one), once."""
    from ctpat_desktop.store import recovery

    if args.new:
        code = recovery.new_code()
        if args.out:  # written before the folder takes it: a code is never lost on the way
            recovery.write_code_file(args.out, code, ctx.data_dir)
        ctx.set_up_recovery(code)
    else:
        waiting = recovery.unshown_code(ctx.data_dir)
        if waiting is None:
            raise recovery.RecoveryError(_no_waiting_code(ctx))
        code = waiting
        if args.out:
            recovery.write_code_file(args.out, code, ctx.data_dir)
    recovery.acknowledge(ctx.data_dir)
    if not args.json:
        if args.out:
            print(f"wrote the recovery code of {ctx.data_dir} to {args.out}; keep that file")
            print("away from this computer, then delete it here")
        else:
            print(f"Recovery code of {ctx.data_dir}:")
            print(f"  {code}")
            print("Write it down and keep it away from this computer: with it,")
            print("`ctpat-desktop recover` opens the data when the keyring has lost its key.")
            print("It is not shown again (`recovery-code --new` makes another).")
    shown = {"code": None, "file": str(args.out)} if args.out else {"code": code, "file": None}
    return {"folder": str(ctx.data_dir)} | shown


def _no_waiting_code(ctx: "AppContext") -> str:
    from ctpat_desktop.store.keys import KEYRING, read_settings

    settings = read_settings(ctx.data_dir)
    if settings is not None and settings.source != KEYRING:
        return (
            f"{ctx.data_dir} has no recovery code to show: its passphrase opens it on any "
            "computer; `ctpat-desktop recovery-code --new` makes a code in case it is forgotten"
        )
    return (
        f"the recovery code of {ctx.data_dir} was shown before and is not kept on this "
        "computer; `ctpat-desktop recovery-code --new` makes a new one (the old one stops "
        "working)"
    )


def recover(ctx: "AppContext", args: argparse.Namespace) -> Any:
    """Open the folder with its recovery code; its key is kept on this computer again."""
    from ctpat_desktop.store.keys import KEYRING
    from ctpat_desktop.store.recovery import read_code_file

    code = read_code_file(args.code_file) if args.code_file else _typed_code(ctx)
    where = ctx.recover(code)
    if not args.json:
        kept = (
            "its key is in this computer's keyring again"
            if where == KEYRING
            else "no keyring works here: it is now locked with the new passphrase"
        )
        print(f"recovered {ctx.data_dir}: {kept}; the same recovery code still opens it")
    return {"recovered": str(ctx.data_dir), "key": where}


def _typed_code(ctx: "AppContext") -> str:
    """The code typed at the terminal (hidden), or one line of standard input."""
    from ctpat_desktop.store.recovery import RecoveryError

    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        typed = getpass.getpass(f"Recovery code of {ctx.data_dir}: ")
    else:
        typed = sys.stdin.readline(_TYPED_LIMIT) if sys.stdin is not None else ""
    if not typed.strip():
        raise RecoveryError(
            "no recovery code given: type it, give it on standard input, or use --code-file; "
            "nothing was changed"
        )
    return typed


def recovery_note(ctx: "AppContext", handler: Callable[..., Any]) -> None:
    """Tell, on stderr, that the folder got a recovery code in this command."""
    if ctx.new_recovery_code is None or handler is recovery_code:
        return
    print(
        f"ctpat-desktop: note: {ctx.data_dir} has a new recovery code; see it with "
        "`ctpat-desktop recovery-code` and keep it away from this computer (it opens the "
        "data if the keyring loses its key)",
        file=sys.stderr,
    )
