"""The command line's follow-up after signing: `followup list|respond|extend|decide|close`
and `followup letter`, the signed closure or status letter to the member.

Each record is appended after the signed report (services/followup.py): no reopen, no new
report version. A refusal is one line and exit 1; a usage mistake exit 2 (argparse).
"""

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ctpat_desktop.app import AppContext

Command = Callable[..., argparse.ArgumentParser]


def add_followup_commands(commands: Any, command: Command) -> None:
    """Register `followup …` with the CLI's parser."""
    group = commands.add_parser("followup", help="follow-up after signing").add_subparsers(
        dest="followup_command", metavar="ACTION", required=True
    )
    listing = command(group, "list", followup_list, "not-met findings and their follow-up")
    listing.add_argument("id")
    respond = command(group, "respond", followup_respond, "record the member's response")
    _target(respond)
    respond.add_argument(
        "--implemented", choices=("yes", "no"), help="whether the member says it is implemented"
    )
    respond.add_argument("--note", default="", help="what the member wrote")
    extend = command(group, "extend", followup_extend, "more days for a required action")
    _target(extend)
    extend.add_argument("--days", type=int, required=True, help="30, 60, 90 or 120")
    extend.add_argument("--reason", required=True, help="why the member needs more time")
    decide = command(group, "decide", followup_decide, "accept or reject the latest response")
    _target(decide)
    verdict = decide.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--accept", action="store_true", help="accept the response")
    verdict.add_argument("--reject", action="store_true", help="reject the response")
    decide.add_argument("--note", default="", help="why (optional)")
    close = command(group, "close", followup_close, "close a required action (response accepted)")
    _target(close)
    close.add_argument("--note", default="", help="how it was verified (optional)")
    letter = command(group, "letter", followup_letter, "a signed follow-up letter to the member")
    letter.add_argument("id", help="the validation (its ID or first characters)")
    letter.add_argument("out", type=Path, help="the PDF to write")
    letter.add_argument("--lang", default="en", help="letter language (en, es)")
    letter.add_argument("--sign", action="store_true", help="sign and record it (else a draft)")
    letter.add_argument("--p12", type=Path, help="PKCS#12 key file to sign with")
    letter.add_argument("--pkcs11-lib", help="PKCS#11 module of the token (PIV card)")
    letter.add_argument("--token-label", help="label of the token")
    letter.add_argument("--key-label", help="label of the key on the token")
    letter.add_argument("--signing-cert", type=Path, help="signer certificate if not on token")
    letter.add_argument("--reason", help="signing reason shown in the signature")
    letter.add_argument("--location", help="signing location (default: the office)")
    letter.add_argument("--tsa", metavar="URL", help="timestamp server (RFC 3161): PAdES B-T")
    letter.add_argument(
        "--copy-of",
        metavar="N|ID",
        help="write the kept signed letter N (1 for the first, as validation show lists "
        "them) or of that ID (or the ID's start)",
    )


def _target(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help="the validation (its ID or first characters)")
    parser.add_argument("criterion", help="the criterion, e.g. 4.8")


def followup_list(ctx: "AppContext", args: argparse.Namespace) -> Any:
    """Every not-met finding of a validation with its follow-up."""
    from ctpat_desktop.services import followup

    document = followup.log_view(followup.follow_up_log(ctx, args.id), date.today())
    if not args.json:
        if not document["items"]:
            print("No not-met findings: nothing to follow up.")
        elif not document["open"]:
            print(f"The validation is {document['status']}: follow-up starts once it is signed.")
        for item in document["items"]:
            due = f"due {item['due']}" if item["due"] else "no due date"
            if item["extended_days"]:
                due += f" (+{item['extended_days']} days)"
            late = "  OVERDUE" if item["overdue"] else ""
            print(f"{item['criterion']:<6} {item['outcome']:<16} {due:<28} {item['state']}{late}")
    return document


def _saved(ctx: "AppContext", args: argparse.Namespace, records: list[Any]) -> Any:
    """The records appended and the finding's follow-up after them."""
    from ctpat_desktop.services import followup

    log = followup.follow_up_log(ctx, args.id)
    item = log.item(records[0].criterion)
    assert item is not None  # a record was just appended to it
    view = followup.tracked_view(item, date.today())
    if not args.json:
        for record in records:
            print(f"Recorded {record.event.value} {record.number} on {record.criterion}")
        due = f", due {view['due']}" if view["due"] else ""
        print(f"{view['criterion']}: {view['state']}{due}")
    return {"records": [followup.record_view(r) for r in records], "item": view}


def followup_respond(ctx: "AppContext", args: argparse.Namespace) -> Any:
    """The member's written response to a finding of the signed report."""
    from ctpat_desktop.services import followup

    implemented = None if args.implemented is None else args.implemented == "yes"
    record = followup.respond(ctx, args.id, args.criterion, implemented=implemented, note=args.note)
    return _saved(ctx, args, [record])


def followup_extend(ctx: "AppContext", args: argparse.Namespace) -> Any:
    """More days for a required action, with the reason."""
    from ctpat_desktop.services import followup

    record = followup.extend(ctx, args.id, args.criterion, days=args.days, reason=args.reason)
    return _saved(ctx, args, [record])


def followup_decide(ctx: "AppContext", args: argparse.Namespace) -> Any:
    """Accept or reject the member's latest response."""
    from ctpat_desktop.services import followup

    record = followup.decide(ctx, args.id, args.criterion, accepted=args.accept, note=args.note)
    return _saved(ctx, args, [record])


def followup_close(ctx: "AppContext", args: argparse.Namespace) -> Any:
    """Close a required action whose response was accepted."""
    from ctpat_desktop.services import followup

    record = followup.close(ctx, args.id, args.criterion, note=args.note)
    return _saved(ctx, args, [record])


def followup_letter(ctx: "AppContext", args: argparse.Namespace) -> Any:
    """A follow-up letter on the signed report in force: signed and recorded with --sign,
    else an unsigned draft (nothing recorded)."""
    from ctpat_desktop.cli import signing_setup
    from ctpat_desktop.errors import CtpatError
    from ctpat_desktop.services import letters

    keyed = args.p12 or args.pkcs11_lib or args.tsa
    if args.copy_of is not None:
        return _letter_copy(ctx, args)
    if keyed and not args.sign:
        raise CtpatError("a key or --tsa was given without --sign; add --sign to sign the letter")
    if args.sign:
        key, secret = signing_setup(ctx, args)
        built = letters.issue_letter(
            ctx,
            args.id,
            args.out,
            key,
            secret,
            language=args.lang,
            reason=args.reason,
            location=args.location,
        )
    else:
        built = letters.build_letter(ctx, args.id, args.out, args.lang)
    data, record = built.data, built.record
    kind = "closure" if data.closure else "status"
    if not args.json:
        state = (
            "all required actions closed"
            if data.closure
            else (f"{len(data.open_items)} of {len(data.items)} required actions open")
        )
        if record is not None:
            print(
                f"Signed {kind} letter on report version {data.report_version} by "
                f"{record.signer} ({state}): {args.out}"
            )
            print(f"SHA-256 {record.sha256}")
        else:
            print(
                f"Draft {kind} letter on report version {data.report_version} (unsigned, "
                f"{state}): {args.out}"
            )
    return {
        "file": str(args.out),
        "signed": record is not None,
        "letter_type": kind,
        "report_version": data.report_version,
        "report_sha256": data.report_sha256,
        "language": data.language,
        "open_actions": len(data.open_items),
        "required_actions": len(data.items),
        "sha256": record.sha256 if record else None,
        "signer": record.signer if record else None,
        "signed_at": record.signed_at if record else None,
        "id": record.id if record else None,
    }


def _letter_copy(ctx: "AppContext", args: argparse.Namespace) -> Any:
    """A kept signed follow-up letter, written again byte for byte."""
    from ctpat_desktop.errors import CtpatError
    from ctpat_desktop.services.report_copy import copy_letter

    keyed = (args.p12, args.pkcs11_lib, args.token_label, args.key_label, args.signing_cert)
    if args.sign or any(v is not None for v in (*keyed, args.tsa, args.reason, args.location)):
        raise CtpatError("--copy-of writes a letter already signed: give no signing options")
    number, letter = copy_letter(ctx, args.id, args.copy_of, args.out)
    if not args.json:
        print(
            f"Kept signed {letter.letter_type.value} letter {number} on report version "
            f"{letter.report_version} ({letter.language}): {args.out}"
        )
        print(f"SHA-256 {letter.sha256}, as recorded when it was signed")
    return {
        "number": number,
        "id": letter.id,
        "report_version": letter.report_version,
        "letter_type": letter.letter_type.value,
        "sha256": letter.sha256,
        "path": str(args.out),
        "language": letter.language,
    }
