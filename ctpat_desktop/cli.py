"""The ctpat-desktop command line; no Qt import unless the GUI is launched."""

import argparse
import dataclasses
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ctpat_desktop import __version__
from ctpat_desktop.cli_feedback import add_feedback_commands
from ctpat_desktop.cli_followup import add_followup_commands
from ctpat_desktop.cli_recovery import recover, recovery_code, recovery_note
from ctpat_desktop.cli_visit import add_visit_commands
from ctpat_desktop.errors import CtpatError, PartlyDone
from ctpat_desktop.paths import resolve_data_dir
from ctpat_desktop.records.finding import FINDING
from ctpat_desktop.records.options import add_options, given_values
from ctpat_desktop.records.validation import DECLARED as VALIDATION_KIND

if TYPE_CHECKING:
    from ctpat_desktop.app import AppContext
    from ctpat_desktop.catalog import Catalog, Criterion

PROG = "ctpat-desktop"
Handler = Callable[["AppContext", argparse.Namespace], Any]


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: a subcommand's default must not overwrite an option given before it.
    common.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,
        help="data folder (else CTPAT_DATA_DIR, else the user's)",
    )
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print one JSON document"
    )

    parser = argparse.ArgumentParser(
        prog=PROG,
        parents=[common],
        description="CTPAT validations: walk the MSC, record findings offline, export them.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--quit-after", type=float, metavar="SECONDS", help="GUI: quit by itself (for smoke tests)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(group: Any, name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = group.add_parser(name, parents=[common], help=help_text)
        sub.set_defaults(handler=handler)
        return sub

    command(commands, "demo", _demo, "create realistic sample validations")
    stats = command(commands, "stats", _stats, "the deficiency dashboard's figures")
    stats.add_argument("--from", dest="start", help="first validation date YYYY-MM-DD")
    stats.add_argument("--to", dest="end", help="last validation date YYYY-MM-DD")
    stats.add_argument("--entity", help="entity type")
    stats.add_argument("--mode", help="virtual, in-person or hybrid")
    stats.add_argument("--office", help="field office")
    stats.add_argument("--scss", help="SCSS name")
    stats.add_argument(
        "--catalog-version", help="only validations pinned to this MSC catalog version"
    )
    stats.add_argument(
        "--status", help="only validations at this stage: in-progress, in-review, approved, signed"
    )
    stats.add_argument("--pdf", type=Path, help="also write the dashboard as a PDF")
    stats.add_argument("--xlsx", type=Path, help="also write the dashboard as an Excel workbook")
    _add_catalog_commands(commands, command)
    _add_validation_commands(commands, command)
    _add_finding_commands(commands, command)
    _add_file_commands(commands, command)
    _add_report_commands(commands, command)
    _add_sync_commands(commands, command)
    audit = commands.add_parser("audit", help="the audit trail").add_subparsers(
        dest="audit_command", metavar="ACTION", required=True
    )
    command(audit, "verify", _audit_verify, "check every link and that none was cut off")
    backup = commands.add_parser("backup", help="automatic backups").add_subparsers(
        dest="backup_command", metavar="ACTION", required=True
    )
    listing = command(backup, "list", _backup_list, "the backups, newest first")
    listing.add_argument("--check", action="store_true", help="read each one whole")
    restore = command(backup, "restore", _backup_restore, "put a backup back (undoable)")
    restore.add_argument("name")
    rekey = command(commands, "rekey", _rekey, "encrypt the data folder with a new key")
    where = rekey.add_mutually_exclusive_group()
    where.add_argument(
        "--passphrase", action="store_true", help="derive the key from a new passphrase"
    )
    where.add_argument("--keyring", action="store_true", help="keep the key in the keyring")
    _add_recovery_commands(commands, command)
    add_followup_commands(commands, command)
    add_feedback_commands(commands, command)
    add_visit_commands(commands, command)
    return parser


def _add_recovery_commands(commands: Any, command: Callable[..., argparse.ArgumentParser]) -> None:
    shown = command(commands, "recovery-code", recovery_code, "the code that opens this folder")
    shown.add_argument("--new", action="store_true", help="make a new code (the old one stops)")
    shown.add_argument("--out", type=Path, help="write it to this file instead of showing it")
    back = command(commands, "recover", recover, "open the folder with its recovery code")
    back.add_argument("--code-file", type=Path, help="a file holding the code (else asked)")


def _add_sync_commands(commands: Any, command: Callable[..., argparse.ArgumentParser]) -> None:
    sync = command(commands, "sync", _sync, "send changes to the field office's hub, get theirs")
    sync.add_argument("--server", help="the hub's address, e.g. https://hub:8765 (remembered)")
    sync.add_argument(
        "--status", action="store_true", help="only show pending changes and the last sync"
    )
    conflict = commands.add_parser("conflict", help="sync conflicts").add_subparsers(
        dest="conflict_command", metavar="ACTION", required=True
    )
    command(conflict, "list", _conflict_list, "fields changed here and on the hub")
    resolve = command(conflict, "resolve", _conflict_resolve, "keep one value of a conflict")
    resolve.add_argument("number", type=int, help="the conflict's number (conflict list)")
    resolve.add_argument("--keep", required=True, choices=("mine", "theirs"))
    bundle = commands.add_parser("bundle", help="offline bundles").add_subparsers(
        dest="bundle_command", metavar="ACTION", required=True
    )
    export = command(bundle, "export", _bundle_export, "write pending changes for the hub")
    export.add_argument("file", type=Path)
    export.add_argument("--user", help="your hub user name (else the one of the last sync)")
    export.add_argument("--server", help="the hub the bundle is for (finds its token)")
    imported = command(bundle, "import", _bundle_import, "apply a hub's bundle of changes")
    imported.add_argument("file", type=Path)
    imported.add_argument("--server", help="the hub the bundle comes from (finds its token)")


def _add_report_commands(commands: Any, command: Callable[..., argparse.ArgumentParser]) -> None:
    report = command(commands, "report", _report, "write the validation report (PDF)")
    report.add_argument("id")
    report.add_argument("out", type=Path)
    report.add_argument(
        "--lang", help="report language (en, es; default en); with --copy-of: the copy's"
    )
    report.add_argument("--sign", action="store_true", help="sign it: issues and locks")
    report.add_argument("--p12", type=Path, help="PKCS#12 key file to sign with")
    report.add_argument("--pkcs11-lib", help="PKCS#11 module of the token (PIV card)")
    report.add_argument("--token-label", help="label of the token")
    report.add_argument("--key-label", help="label of the key on the token")
    report.add_argument("--signing-cert", type=Path, help="signer certificate if not on token")
    report.add_argument("--reason", help="signing reason shown in the signature")
    report.add_argument("--location", help="signing location (default: the office)")
    report.add_argument(
        "--tsa", metavar="URL", help="timestamp server (RFC 3161) for this signature: PAdES B-T"
    )
    report.add_argument(
        "--rendition-of",
        type=int,
        metavar="N",
        help="sign a rendition of issued version N in --lang (same version, no reopen)",
    )
    report.add_argument(
        "--copy-of",
        type=int,
        metavar="N",
        help="write the kept signed version N (with --lang: its document in that language)",
    )
    verify = command(commands, "verify", _verify, "check a signed report")
    verify.add_argument("file", type=Path)
    verify.add_argument(
        "--trust", type=Path, action="append", default=[], help="trusted CA certificate (PEM)"
    )
    certificate = command(
        commands, "test-certificate", _test_certificate, "make a test signing identity"
    )
    certificate.add_argument("folder", type=Path)
    certificate.add_argument("--name", default="Test SCSS", help="the signer's name")
    certificate.add_argument("--passphrase", help="protect signer.p12 with this passphrase")


def _add_catalog_commands(commands: Any, command: Callable[..., argparse.ArgumentParser]) -> None:
    catalog = commands.add_parser("catalog", help="MSC catalogs").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    command(catalog, "list", _catalog_list, "entity types and their catalog versions")
    show = command(catalog, "show", _catalog_show, "the criteria of one entity type")
    show.add_argument("entity")
    show.add_argument("--version", help="one catalog version (default: the one in force today)")
    command(catalog, "reasons", _catalog_reasons, "the coded deficiency reasons")


def _add_validation_commands(
    commands: Any, command: Callable[..., argparse.ArgumentParser]
) -> None:
    validation = commands.add_parser("validation", help="validations").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    # One option per field a person gives, as declared (records/validation.py).
    new = command(validation, "new", _validation_new, "plan a new validation")
    VALIDATION_KIND.add_options(new, editing=False)
    edit = command(validation, "edit", _validation_edit, "change a validation's details")
    edit.add_argument("id")
    VALIDATION_KIND.add_options(edit, editing=True)
    listing = command(validation, "list", _validation_list, "validations with progress")
    listing.add_argument("--all", action="store_true", help="include archived validations")
    command(validation, "show", _validation_show, "one validation in full").add_argument("id")
    reopen = command(validation, "reopen", _validation_reopen, "unlock a signed validation")
    reopen.add_argument("id")
    reopen.add_argument("--reason", required=True, help="why it is reopened (kept in the audit)")
    upgrade = command(
        validation,
        "upgrade-catalog",
        _validation_upgrade_catalog,
        "move an unsigned validation to the catalog version in force today",
    )
    upgrade.add_argument("id")
    upgrade.add_argument("--to", dest="version", help="another shipped version of its catalog")
    upgrade.add_argument("--dry-run", action="store_true", help="show what would move, change none")
    export = command(validation, "export", _validation_export, "write a validation as JSON")
    export.add_argument("id")
    export.add_argument("out", type=Path)
    imported = command(validation, "import", _validation_import, "read a validation's JSON")
    imported.add_argument("source", type=Path)
    submit = command(validation, "submit", _validation_submit, "hand it to the supervisor")
    submit.add_argument("id")
    approve = command(validation, "approve", _validation_approve, "approve it (supervisor)")
    approve.add_argument("id")
    approve.add_argument("--note", default="", help="a note kept with the approval")
    send_back = command(
        validation, "return", _validation_return, "send it back to the SCSS (supervisor)"
    )
    send_back.add_argument("id")
    send_back.add_argument("--reason", required=True, help="what must change")


def _add_finding_commands(commands: Any, command: Callable[..., argparse.ArgumentParser]) -> None:
    finding = commands.add_parser("finding", help="findings").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    setter = command(finding, "set", _finding_set, "record the finding on one criterion")
    setter.add_argument("id")
    setter.add_argument("criterion")
    # One option per declared field (records/finding.py), with --clear for the others.
    add_options(setter, FINDING, editing=True, skip=FINDING.unique_by)


def _add_file_commands(commands: Any, command: Callable[..., argparse.ArgumentParser]) -> None:
    worksheet = commands.add_parser("worksheet", help="the Excel worksheet").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    wexport = command(worksheet, "export", _worksheet_export, "write the worksheet (.xlsx)")
    wexport.add_argument("id")
    wexport.add_argument("out", type=Path)
    wexport.add_argument("--lang", default="en", help="worksheet language (en, es)")
    wimport = command(worksheet, "import", _worksheet_import, "read a filled worksheet back")
    wimport.add_argument("id")
    wimport.add_argument("source", type=Path)
    wimport.add_argument("--dry-run", action="store_true", help="show the changes, apply none")

    evidence = commands.add_parser("evidence", help="evidence").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    add = command(evidence, "add", _evidence_add, "attach a file to a criterion (once per content)")
    add.add_argument("id")
    add.add_argument("criterion")
    add.add_argument("file", type=Path)
    add.add_argument("--caption", default="", help="what it shows, e.g. 'Seal log, dock 3'")
    elist = command(evidence, "list", _evidence_list, "the evidence of a validation")
    elist.add_argument("id")
    caption = command(
        evidence, "caption", _evidence_caption, "change what evidence is said to show"
    )
    caption.add_argument("evidence_id", metavar="EVIDENCE_ID", help="as `evidence list` shows it")
    caption.add_argument("text", metavar="TEXT", help="the new caption ('' to clear it)")


# Handlers return what --json prints; they print human text themselves otherwise. -------


def _version_row(catalog: "Catalog") -> dict[str, Any]:
    must = sum(c.level == "must" for c in catalog.criteria)
    return {
        "version": catalog.version,
        "effective": catalog.effective,
        "msc": catalog.msc,
        "criteria": len(catalog.criteria),
        "must": must,
        "should": len(catalog.criteria) - must,
        "unverified": len(catalog.unverified()),
    }


def _catalog_list(ctx: "AppContext", args: argparse.Namespace) -> Any:
    rows = []
    for entity in ctx.catalogs.entities():
        catalog = ctx.catalogs.catalog(entity)
        current = _version_row(catalog)
        rows.append(
            {"entity": entity, "name": catalog.name}
            | {k: current[k] for k in ("version", "effective", "criteria", "must", "should")}
            | {"versions": [_version_row(c) for c in ctx.catalogs.versions(entity)]}
        )
    if not args.json:
        for r in rows:
            older = ", ".join(v["version"] for v in r["versions"] if v["version"] != r["version"])
            also = f"  (also {older})" if older else ""
            line = f"{r['entity']:<28} {r['version']:<8} {r['criteria']:>4} criteria  {r['name']}"
            print(line + also)
    return {"entities": rows}


def _criterion_view(c: "Criterion") -> dict[str, Any]:
    return {
        "id": c.id,
        "level": c.level.value,
        "title": c.title,
        "text": c.text,
        "guidance": c.guidance,
        "themes": list(c.themes),
        "parts": [{"key": p.key, "level": p.level.value, "text": p.text} for p in c.parts],
        "source": (
            {
                "document": c.source.document,
                "date": c.source.date,
                "locator": c.source.locator,
                "url": c.source.url,
            }
            if c.source
            else None
        ),
        "unverified": c.unverified or None,
    }


def _catalog_show(ctx: "AppContext", args: argparse.Namespace) -> Any:
    catalog = ctx.catalogs.catalog(args.entity, args.version)
    names = {c.number: c for c in ctx.catalogs.categories}
    categories: list[dict[str, Any]] = []
    for number in catalog.categories():
        category = names[number]
        categories.append(
            {
                "number": number,
                "name": category.name,
                "focus_area": category.focus_area,
                "criteria": [_criterion_view(c) for c in catalog.in_category(number)],
            }
        )
    if not args.json:
        print(f"{catalog.name} — catalog {catalog.version}, effective {catalog.effective}")
        if catalog.msc:
            print(catalog.msc)
        for category_row in categories:
            print(f"\n{category_row['number']}. {category_row['name']}")
            for c in category_row["criteria"]:
                mark = "  [unverified]" if c["unverified"] else ""
                print(f"  {c['id']:<6} {c['level'].upper():<6} {c['title']}{mark}")
                for part in c["parts"]:
                    print(f"         {part['key']}) {part['level'].upper():<6} {part['text']}")
        unverified = len(catalog.unverified())
        if unverified:
            print(f"\n{unverified} criteria could not be checked against a CBP text (unverified).")
    return {
        "entity": catalog.entity,
        "name": catalog.name,
        "version": catalog.version,
        "effective": catalog.effective,
        "msc": catalog.msc,
        "versions": ctx.catalogs.version_names(catalog.entity),
        "categories": categories,
    }


def _catalog_reasons(ctx: "AppContext", args: argparse.Namespace) -> Any:
    reasons = [
        {"code": r.code, "label": r.label, "description": r.description}
        for r in ctx.catalogs.reasons
    ]
    if not args.json:
        for r in reasons:
            print(f"{r['code']:<28} {r['label']}")
    return {"reasons": reasons}


def _validation_new(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services import views
    from ctpat_desktop.services.validations import parse_date, plan_validation

    given = _service_keywords(VALIDATION_KIND.given(args), parse_date)
    validation = plan_validation(ctx, **given)
    if not args.json:
        print(
            f"Created validation {validation.id} for {validation.member.name} "
            f"({validation.entity}, catalog {validation.catalog_version}, {validation.date})"
        )
    return views.validation_view(validation)


def _service_keywords(given: dict[str, Any], parse_date: Callable[..., Any]) -> dict[str, Any]:
    """The declared fields given, as plan_validation's and update_validation's keywords."""
    if "date" in given:
        day = given.pop("date")
        given["on"] = parse_date(day, "--date") if day else None  # an empty --date: none
    if "participants" in given:
        given["participants"] = tuple(given["participants"])
    return given


def _validation_edit(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services import views
    from ctpat_desktop.services.validations import parse_date, update_validation

    given = _service_keywords(VALIDATION_KIND.given(args), parse_date)
    changed = update_validation(ctx, args.id, **given)
    if not args.json:
        print(
            f"Saved validation {changed.id} ({changed.member.name}, office {changed.office}, "
            f"{changed.entity}, catalog {changed.catalog_version})"
        )
    return views.validation_view(changed)


def _validation_list(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services import views
    from ctpat_desktop.services.validations import list_validations

    summaries = list_validations(ctx, include_archived=args.all)
    if not args.json:
        if not summaries:
            print("No validations yet: plan one with `validation new`, or run `demo`.")
        for s in summaries:
            v = s.validation
            print(
                f"{v.id[:8]}  {v.date}  {v.member.name[:34]:<34} {v.entity:<24} "
                f"{v.mode.value:<9} {v.status.value:<11} {s.reviewed:>3}/{s.criteria:<3} "
                f"{s.deficiencies:>2} not met"
            )
    return {"validations": [views.summary_view(s) for s in summaries]}


def _validation_show(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services import views
    from ctpat_desktop.services.letters import issued_view
    from ctpat_desktop.services.validations import ValidationSession

    document = views.session_view(ValidationSession(ctx, args.id), ctx.catalogs.categories)
    document |= issued_view(ctx, document["validation"]["id"])
    if not args.json:
        views.print_session(document)
        for r in document["renditions"]:
            print(f"Rendition of version {r['report_version']} in {r['language']}: {r['sha256']}")
        for r in document["letters"]:
            print(f"Letter ({r['letter_type']}) on version {r['report_version']}: {r['sha256']}")
    return document


def _validation_export(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services.exchange import export_validation

    document = export_validation(ctx, args.id, args.out)
    summary = {
        "id": document["validation"]["id"],
        "file": str(args.out),
        "findings": len(document["findings"]),
        "evidence": len(document["evidence"]),
    }
    if not args.json:
        print(f"Exported validation {summary['id']} to {args.out}")
    return summary


def _validation_import(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services import views
    from ctpat_desktop.services.exchange import import_validation

    validation = import_validation(ctx, args.source)
    if not args.json:
        print(f"Imported validation {validation.id} ({validation.member.name})")
    return views.validation_view(validation)


def _finding_set(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services import views
    from ctpat_desktop.services.validations import ValidationSession, parse_date

    # The declared fields given, by name (record_finding's keywords); None: --clear emptied it.
    values = given_values(FINDING, args)
    clear = tuple(name for name, value in values.items() if value is None)
    given = {name: value for name, value in values.items() if value is not None}
    if given.get("due"):
        given["due"] = parse_date(given["due"], "--due")
    else:
        given.pop("due", None)  # an empty --due changes nothing
    if "unmet_parts" in given:
        given["unmet_parts"] = [p for p in given["unmet_parts"] if p != "all"]
    session = ValidationSession(ctx, args.id)
    record = session.record_finding(args.criterion, clear=clear, **given)
    view = views.finding_view(session.catalog, record)
    if not args.json:
        extra = f" ({view['outcome']}" + (f", due {view['due']})" if view["due"] else ")")
        print(f"Saved {view['criterion']}: {view['status']}" + (extra if view["outcome"] else ""))
    return view


def _evidence_add(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services import views
    from ctpat_desktop.services.evidence import attach_file
    from ctpat_desktop.services.validations import ValidationSession

    session = ValidationSession(ctx, args.id)
    done = attach_file(ctx, session, args.file, args.criterion, args.caption)
    record = done.record
    if not args.json and done.already_attached:
        print(
            f"Already attached to {record.criterion} as {record.filename} (evidence "
            f"{record.id}, sha256 {record.sha256}); nothing was added"
        )
        if args.caption.strip() and args.caption.strip() != record.caption:
            print(f"Its caption was not changed: use `evidence caption {record.id[:8]} TEXT`")
    elif not args.json:
        print(f"Attached {record.filename} to {record.criterion} (sha256 {record.sha256})")
    return views.evidence_view(record) | {"already_attached": done.already_attached}


def _evidence_list(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services import views
    from ctpat_desktop.services.validations import ValidationSession

    records = ValidationSession(ctx, args.id).evidence()
    if not args.json:
        for e in records:
            caption = f"  {e.caption}" if e.caption else ""
            print(f"{e.id[:8]}  {e.criterion or '-':<6} {e.filename}{caption}")
        if not records:
            print("No evidence attached")
    return [views.evidence_view(e) for e in records]


def _evidence_caption(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services import views
    from ctpat_desktop.services.evidence import set_caption
    from ctpat_desktop.services.validations import ValidationSession

    evidence_id, validation_id = ctx.store.evidence_owner(args.evidence_id)
    record = set_caption(ctx, ValidationSession(ctx, validation_id), evidence_id, args.text)
    if not args.json:
        shown = f"'{record.caption}'" if record.caption else "(none)"
        print(f"Caption of {record.filename} on {record.criterion or 'the validation'}: {shown}")
    return views.evidence_view(record)


def _worksheet_export(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services.worksheet_io import export_worksheet

    session = export_worksheet(ctx, args.id, args.out, args.lang)
    if not args.json:
        print(f"Wrote the worksheet of {session.validation.member.name} to {args.out}")
    return {"id": session.id, "file": str(args.out), "criteria": len(session.catalog.criteria)}


def _worksheet_import(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services.worksheet_io import import_worksheet

    plan = import_worksheet(ctx, args.id, args.source, dry_run=args.dry_run)
    if plan.problems:
        if args.json:
            json.dump(plan.as_dict(), sys.stdout, indent=2, ensure_ascii=False)
            sys.stdout.write("\n")
        lines = [f"{args.source}: {len(plan.problems)} problem(s); nothing was applied"]
        lines += [f"  {p}" for p in plan.problems]
        raise CtpatError("\n".join(lines))
    if not args.json:
        verb = "Would change" if args.dry_run else "Changed"
        print(f"{verb} {len(plan.updates)} finding(s) from {args.source}")
        for update in plan.updates:
            for name, (old, new) in update.changed().items():
                print(f"  {update.new.criterion:<6} {name}: {_shown(old)} -> {_shown(new)}")
        if plan.followups:
            verb = "Would append" if args.dry_run else "Appended"
            print(f"{verb} {len(plan.followups)} follow-up record(s) after the signed report")
            for item in plan.followups:
                print(f"  {item.record.criterion:<6} {item.summary()}")
    return plan.as_dict()


def _shown(value: Any) -> str:
    if value in (None, "", []):
        return "(empty)"
    text = ", ".join(value) if isinstance(value, list) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _stats(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services.dashboard import dashboard, export_dashboard, print_dashboard

    figures = dashboard(
        ctx,
        start=args.start,
        end=args.end,
        entity=args.entity,
        mode=args.mode,
        office=args.office,
        scss=args.scss,
        catalog_version=args.catalog_version,
        status=args.status,
    )
    export_dashboard(figures, pdf=args.pdf, xlsx=args.xlsx)
    if not args.json:
        print_dashboard(figures)
    return figures


def _ask_secret(prompt: str) -> str | None:
    """Ask on the terminal; scripts without one get None (and a clear error later)."""
    if not sys.stdin.isatty():
        return None
    import getpass

    return getpass.getpass(f"{prompt}: ") or None


def _signing_key(args: argparse.Namespace) -> Any:
    from ctpat_desktop.report.signing import Pkcs12Key, TokenKey
    from ctpat_desktop.secrets import find_secret

    if args.p12 and args.pkcs11_lib:
        raise CtpatError("give either --p12 or --pkcs11-lib, not both")
    if args.p12:
        key: Any = Pkcs12Key(args.p12)
        name, env, prompt = f"p12:{args.p12.resolve()}", "CTPAT_KEY_PASSPHRASE", "Passphrase"
    elif args.pkcs11_lib:
        if not (args.token_label and args.key_label):
            raise CtpatError("a token needs --token-label and --key-label")
        key = TokenKey(args.pkcs11_lib, args.token_label, args.key_label, args.signing_cert)
        name, env, prompt = f"pin:{args.token_label}", "CTPAT_TOKEN_PIN", "Token PIN"
    else:
        raise CtpatError("--sign needs a key: --p12 FILE or --pkcs11-lib LIB")
    return key, lambda: find_secret(name, env, _ask_secret, prompt)


def signing_setup(ctx: "AppContext", args: argparse.Namespace) -> Any:
    """(key, secret) of a command that signs, its --tsa applied to this run's settings."""
    if args.tsa:
        if not args.tsa.startswith(("https://", "http://")):
            raise CtpatError(f"--tsa {args.tsa}: a timestamp server is an http(s) URL")
        ctx.settings = dataclasses.replace(ctx.settings, tsa_url=args.tsa)
    return _signing_key(args)


def _rendition(ctx: "AppContext", args: argparse.Namespace) -> Any:
    """A signed rendition of an issued version in another language: no new version."""
    from ctpat_desktop.services.letters import issue_rendition

    if not args.sign:
        raise CtpatError("a rendition is signed: add --sign and a key to --rendition-of")
    key, secret = signing_setup(ctx, args)
    record = issue_rendition(
        ctx,
        args.id,
        args.out,
        key,
        secret,
        language=args.lang,
        version=args.rendition_of,
        reason=args.reason,
        location=args.location,
    )
    if not args.json:
        print(
            f"Signed {record.language} rendition of report version {record.report_version} "
            f"by {record.signer}: {args.out}"
        )
        print(f"SHA-256 {record.sha256}; the validation stays signed with the same version")
    return {
        "file": str(args.out),
        "version": record.report_version,
        "signed": True,
        "sha256": record.sha256,
        "signer": record.signer,
        "signed_at": record.signed_at,
        "rendition_of": record.report_version,
        "language": record.language,
        "original_language": record.original_language,
        "original_sha256": record.original_sha256,
    }


def _report(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services import report_io

    if args.copy_of is not None:  # the kept signed version, written again byte for byte
        from ctpat_desktop.services.report_copy import copy_report

        keyed = (args.p12, args.pkcs11_lib, args.token_label, args.key_label, args.signing_cert)
        signing = (*keyed, args.rendition_of, args.tsa, args.reason, args.location)
        if args.sign or any(v is not None for v in signing):
            raise CtpatError("--copy-of writes a report already signed: give no signing options")
        copied = copy_report(ctx, args.id, args.copy_of, args.out, args.lang)
        if not args.json:
            print(f"Kept signed report version {copied.version} ({copied.language}): {args.out}")
            print(f"SHA-256 {copied.sha256}, as recorded when it was signed")
        return copied.view()
    if args.lang is None:
        args.lang = "en"
    if args.tsa and not args.sign:
        raise CtpatError("--tsa was given without --sign; add --sign to sign the report")
    if args.rendition_of is not None:
        return _rendition(ctx, args)
    if args.sign:
        key, secret = signing_setup(ctx, args)
        built = report_io.issue_report(
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
        if args.p12 or args.pkcs11_lib:
            raise CtpatError("a key was given without --sign; add --sign to sign the report")
        built = report_io.build_report(ctx, args.id, args.out, args.lang)
    record = built.record
    if not args.json:
        if record:
            print(f"Signed report version {built.version} by {record.signer}: {args.out}")
            print(f"SHA-256 {record.sha256}; the validation is now locked")
        else:
            print(f"Draft of report version {built.version} (unsigned): {args.out}")
    return {
        "file": str(args.out),
        "version": built.version,
        "signed": record is not None,
        "sha256": record.sha256 if record else None,
        "signer": record.signer if record else None,
        "signed_at": record.signed_at if record else None,
    }


def _verify(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.report.verify import verify_pdf

    result = verify_pdf(args.file, args.trust)
    if not args.json:
        print(result.summary())
        for s in result.signatures:
            print(
                f"  {s.field}: signer {s.signer}; time {s.signed_at}; intact {s.intact}; "
                f"trusted {s.trusted}; coverage {s.coverage}; modification {s.modification_level}"
                f"; level {s.level}"
                + (f"; certifying ({s.certification})" if s.certification else "")
            )
    if not result.ok:
        raise NotVerified(result.as_dict() if args.json else None)
    return result.as_dict()


def _validation_upgrade_catalog(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services.catalog_upgrade import upgrade_catalog

    move = upgrade_catalog(ctx, args.id, args.version, dry_run=args.dry_run)
    if not args.json:
        verb = "Would move" if args.dry_run else "Moved"
        print(f"{verb} to catalog {move.entity} {move.to_version} (was {move.from_version})")
        for label, items in (("added", move.added), ("removed", move.removed)):
            if items:
                print(f"  criteria {label}: {', '.join(items)}")
        for c in move.level_changed:
            print(f"  {c['criterion']}: {c['from']} -> {c['to']}")
        for c in move.retitled:
            print(f"  {c['criterion']}: now '{c['to']}' (was '{c['from']}')")
        if move.parts_changed:
            print(f"  parts changed: {', '.join(move.parts_changed)}")
        for f in move.findings_changed:
            print(f"  finding {f['criterion']}: {f['why']}")
        print(f"  {move.findings_kept} recorded finding(s) kept")
    return move.as_dict()


def _validation_reopen(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services.report_io import reopen_validation

    reopen_validation(ctx, args.id, args.reason)
    if not args.json:
        print("Reopened: changes are allowed again; the next report is a new version")
    return {"id": ctx.store.resolve_id(args.id), "status": "in-review"}


def _test_certificate(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.report.certificates import create_test_identity

    identity = create_test_identity(args.folder, args.name, args.passphrase)
    if not args.json:
        print(f"Test signing identity for {args.name} (not for real use):")
        print(f"  key and certificate: {identity.pkcs12}")
        print(f"  trust this CA when verifying: {identity.ca_certificate}")
    return {
        "pkcs12": str(identity.pkcs12),
        "certificate": str(identity.certificate),
        "ca_certificate": str(identity.ca_certificate),
    }


class NotVerified(Exception):
    """verify found a problem: exit 1 after printing (JSON, if asked, on stdout)."""

    def __init__(self, document: Any) -> None:
        super().__init__("not verified")
        self.document = document


def _sync(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services import sync_io
    from ctpat_desktop.sync.client import AuthError, describe

    if args.status:
        state = sync_io.status(ctx)
        if not args.json:
            print(
                f"{state['pending']} change(s) waiting; last synced "
                f"{state['last_synced'] or 'never'} with {state['server'] or 'no hub'}; "
                f"{state['conflicts']} conflict(s) open; hub changes up to {state['checkpoint']}"
                + (f"; last error: {state['last_error']}" if state["last_error"] else "")
            )
        return state
    url = sync_io.hub_url(ctx, args.server)
    token, asked = sync_io.hub_token(url, _ask_secret)
    try:
        report = sync_io.sync_now(ctx, url, token)
    except AuthError:
        sync_io.forget_token(url)
        raise
    if asked and not sync_io.remember_token(url, token):
        print("note: no keyring here; the token was not kept", file=sys.stderr)
    if not args.json:
        print(describe(report))
    if report.rejected:  # the rest was synced; these wait for the SCSS to fix them
        raise PartlyDone(
            f"the hub refused {len(report.rejected)} change(s): "
            + "; ".join(f"{r['kind']} {r['id']}: {r['error']}" for r in report.rejected),
            report.to_json(),
        )
    return report.to_json()


def _conflict_list(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services import sync_io

    listed = sync_io.conflict_list(ctx)
    if not args.json:
        if not listed:
            print("no open conflicts")
        for item in listed:
            where = f"criterion {item['criterion']}" if item["criterion"] else item["kind"]
            print(
                f"{item['id']:>4}  {where} {item['field']}: mine {_shown(item['local_value'])!s}"
                f" | theirs ({item['server_by']}) {_shown(item['server_value'])}"
            )
    return listed


def _conflict_resolve(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services import sync_io

    sync_io.resolve_conflict(ctx, args.number, args.keep)
    if not args.json:
        print(f"conflict {args.number}: kept {args.keep}; it goes to the hub at the next sync")
    return {"resolved": args.number, "kept": args.keep}


def _bundle_export(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services import sync_io

    try:
        url = sync_io.hub_url(ctx, args.server)
    except CtpatError:  # never synced, no hub set: the token comes from the environment
        url = ""
    token, _asked = sync_io.hub_token(url, _ask_secret)
    written = sync_io.export_bundle(ctx, args.file, args.user, token)
    if not args.json:
        print(
            f"wrote {written['changes']} change(s), {written['evidence']} evidence file(s) and "
            f"{written['documents']} signed document(s) to {written['file']} for ctpat-hub "
            "bundle import"
        )
        if written["documents_not_kept"]:
            print(
                f"note: {written['documents_not_kept']} signed document(s) go without their "
                "file: no copy is kept on this laptop (signed before copies were kept)"
            )
    return written


def _bundle_import(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services import sync_io

    try:
        url = sync_io.hub_url(ctx, args.server)
    except CtpatError:  # never synced, no hub set: the token comes from the environment
        url = ""
    token, _asked = sync_io.hub_token(url, _ask_secret)
    done = sync_io.import_bundle(ctx, args.file, token)
    if not args.json:
        print(
            f"applied {done['applied']} of {done['changes']} change(s) from the hub "
            f"({done['already_here']} already here); {done['conflicts']} conflict(s) open; "
            f"now up to change {done['checkpoint']}"
        )
    return done


def _validation_submit(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services import approval

    approval.submit_for_review(ctx, args.id)
    return _said(args, f"submitted {args.id} for review", {"submitted": args.id})


def _validation_approve(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services import approval

    approval.approve(ctx, args.id, args.note)
    return _said(args, f"approved {args.id}; its report can now be signed", {"approved": args.id})


def _validation_return(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services import approval

    approval.return_for_changes(ctx, args.id, args.reason)
    return _said(args, f"returned {args.id} to the SCSS", {"returned": args.id})


def _said(args: argparse.Namespace, text: str, document: dict[str, Any]) -> dict[str, Any]:
    if not args.json:
        print(text)
    return document


def _audit_verify(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services import audit_io

    result = audit_io.verify(ctx)
    if not args.json:
        print(audit_io.describe(result), file=sys.stdout if result["ok"] else sys.stderr)
    if not result["ok"]:
        raise NotVerified(result if args.json else None)
    return result


def _backup_list(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services import backup_io

    listed = backup_io.list_backups(ctx, check=args.check)
    if not args.json:
        if not listed:
            print("no backups yet (one is made when the data is opened, once a day)")
        for row in listed:
            note = f"  {row['problem']}" if row["problem"] else ""
            kind = " (before a restore)" if row["before_restore"] else ""
            print(
                f"{row['name']}  {row['created']}  {row['size'] // 1024:>6} KiB  "
                f"{row['validations'] if row['validations'] is not None else '?':>4} "
                f"validations{kind}{note}"
            )
    return listed


def _backup_restore(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services import backup_io

    done = backup_io.restore_backup(ctx, args.name)
    if not args.json:
        print(f"restored {done['restored']}; the data before it is kept as {done['safety_copy']}")
        if done["missing_evidence"]:
            print(f"note: {len(done['missing_evidence'])} evidence file(s) it names are missing")
    return done


def _rekey(ctx: "AppContext", args: argparse.Namespace) -> Any:
    source = ctx.rekey(use_passphrase=args.passphrase)
    if not args.json:
        where = "in the keyring" if source == "keyring" else "derived from your passphrase"
        print(f"re-encrypted {ctx.data_dir} with a new key, {where}")
    return {"rekeyed": str(ctx.data_dir), "key": source}


def _demo(ctx: "AppContext", args: argparse.Namespace) -> Any:
    from ctpat_desktop.services.demo import create_demo

    created = create_demo(ctx)
    if not args.json:
        print(f"Created {len(created)} sample validations in {ctx.data_dir}")
    return {"created": created}


# Commands that never open the data folder's database (so never ask for its key).
_NO_STORE: frozenset[Handler] = frozenset(
    {_catalog_list, _catalog_show, _catalog_reasons, _verify, _test_certificate, recover}
)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; errors print one line on stderr and return non-zero."""
    parser = _parser()
    args = parser.parse_args(argv)
    args.json = getattr(args, "json", False)
    try:
        from ctpat_desktop.app import AppContext

        ctx = AppContext(resolve_data_dir(getattr(args, "data_dir", None)), ask=_ask_secret)
        try:
            handler = getattr(args, "handler", None)
            if handler is not None and handler not in _NO_STORE:
                ctx.unlock()  # a locked folder is one clear error, before any work starts
            if handler is None:
                from ctpat_desktop.startup import hold_collector

                hold_collector()  # until the first window has settled (MainWindow)
                ctx.prefetch_key()  # while Qt loads
                from ctpat_desktop.ui.main import run_gui

                return run_gui(ctx, quit_after=args.quit_after)
            result = handler(ctx, args)
            recovery_note(ctx, handler)
        finally:
            ctx.close()
        if args.json:
            json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
            sys.stdout.write("\n")
            sys.stdout.flush()
    except NotVerified as failed:
        if failed.document is not None:
            json.dump(failed.document, sys.stdout, indent=2, ensure_ascii=False)
            sys.stdout.write("\n")
        return 1
    except PartlyDone as partly:
        if args.json:
            json.dump(partly.document, sys.stdout, indent=2, ensure_ascii=False)
            sys.stdout.write("\n")
        print(f"{PROG}: error: {partly}", file=sys.stderr)
        return 1
    except CtpatError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: stop quietly, as other tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as exc:
        if os.environ.get("CTPAT_DEBUG"):
            raise
        print(
            f"{PROG}: internal error: {type(exc).__name__}: {exc} "
            "(set CTPAT_DEBUG=1 to see the traceback)",
            file=sys.stderr,
        )
        return 70
    return 0
