"""The JSON exchange file of one validation: export, and import that changes all or nothing."""

import base64
import binascii
import hashlib
import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from ctpat_desktop import __version__
from ctpat_desktop.app import AppContext
from ctpat_desktop.catalog import Catalog, catalog_from_dict
from ctpat_desktop.catalog.loader import schema_validator
from ctpat_desktop.errors import CtpatError, ExchangeError, RuleError
from ctpat_desktop.records.validation_map import validation_map
from ctpat_desktop.services import visit
from ctpat_desktop.services.validations import ValidationSession
from ctpat_desktop.services.views import visit_view
from ctpat_desktop.store import EvidenceRecord, FindingRecord, utc_now
from ctpat_desktop.sync.meaning import check_caption
from ctpat_desktop.worksheet import Validation, apply_finding_rules, lifecycle
from ctpat_desktop.worksheet.agenda import Period, check_stretch
from ctpat_desktop.worksheet.model import FINDING_MAP

FORMAT = "ctpat-validation"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 512 * 1024 * 1024


def export_validation(ctx: AppContext, validation_id: str, target: Path) -> dict[str, Any]:
    """Write the validation, its pinned catalog, findings and evidence to a JSON file."""
    session = ValidationSession(ctx, validation_id)
    document = validation_document(ctx, session)
    tmp = target.with_name(target.name + ".part")
    try:
        tmp.write_text(json.dumps(document, indent=1, ensure_ascii=False), encoding="utf-8")
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExchangeError(f"{target}: cannot be written ({exc.strerror})") from exc
    return document


def validation_document(ctx: AppContext, session: ValidationSession) -> dict[str, Any]:
    """The exchange document of an open validation."""
    v = session.validation
    recorded = session.findings()
    position = {c.id: i for i, c in enumerate(session.catalog.criteria)}

    def in_catalog_order(record: FindingRecord) -> int:
        return position.get(record.finding.criterion, len(position))

    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_at": utc_now(),
        "app_version": __version__,
        "validation": validation_map().head(v),  # as declared (records/validation.py)
        "catalog": session.catalog.raw,
        "findings": [_finding_item(r) for r in sorted(recorded.values(), key=in_catalog_order)],
        "session_periods": [
            {
                "id": p.id,
                "category": p.category,
                "started_at": p.started_at,
                "ended_at": p.ended_at,
                "recorded_by": p.recorded_by,
            }
            for p in session.session_times().periods
        ],
        "evidence": [
            {
                "id": e.id,
                "criterion": e.criterion,
                "filename": e.filename,
                "media_type": e.media_type,
                "sha256": e.sha256,
                "size": e.size,
                "captured_at": e.captured_at,
                "captured_by": e.captured_by,
                "caption": e.caption,
                "content_base64": base64.b64encode(ctx.store.blobs.read_bytes(e.sha256)).decode(),
            }
            for e in session.evidence()
        ],
    } | visit_view(session.visit_records())


def _finding_item(record: FindingRecord) -> dict[str, Any]:
    """A finding as the file carries it: its declared fields (records/finding.py), stamped."""
    stamps = {"updated_at": record.updated_at, "updated_by": record.updated_by}
    return FINDING_MAP.values(record.finding) | stamps


def _read_document(source: Path) -> Any:
    try:
        size = source.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ExchangeError(f"{source}: file is too large ({size} bytes) for an exchange file")
        document = json.loads(source.read_bytes())
        # JSON may spell text that is not Unicode (a lone "\ud800"): it could not be
        # stored, and crashed the import halfway (exit 70).
        json.dumps(document, ensure_ascii=False).encode("utf-8")
        return document
    except UnicodeEncodeError:
        raise ExchangeError(
            f"{source}: holds text that is not valid Unicode (an unpaired surrogate such as "
            "\\ud800); nothing was imported"
        ) from None
    except FileNotFoundError:
        raise ExchangeError(f"{source}: file not found") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ExchangeError(f"{source}: not a JSON file ({exc})") from None
    except RecursionError:  # json gives up on deep nesting this way, not as a decode error
        raise ExchangeError(f"{source}: not an exchange file (nested too deeply)") from None
    except OSError as exc:
        raise ExchangeError(f"{source}: cannot be read ({exc.strerror})") from None


def _check_schema(ctx: AppContext, document: Any, source: Path) -> None:
    schema_path = ctx.catalogs.schema_dir / "validation-exchange.schema.json"
    validator = schema_validator(schema_path)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or "top level"
        raise ExchangeError(
            f"{source}: does not match the exchange schema at {where}: {first.message}"
        )


def import_validation(ctx: AppContext, source: Path) -> Validation:
    """Read an exchange file, check all of it, then store it in one transaction."""
    document = _read_document(source)
    _check_schema(ctx, document, source)
    try:
        return _import_checked(ctx, document, source)
    except ExchangeError:
        raise
    except CtpatError as exc:
        raise ExchangeError(f"{source}: {exc}") from None


def _import_checked(ctx: AppContext, document: dict[str, Any], source: Path) -> Validation:
    head = document["validation"]
    catalog = catalog_from_dict(document["catalog"], "its catalog", ctx.catalogs.schema_dir)
    if (catalog.entity, catalog.version) != (head["entity"], head["catalog_version"]):
        raise ExchangeError(
            f"{source}: validation uses catalog {head['entity']} {head['catalog_version']!r} "
            f"but the file carries {catalog.entity} {catalog.version}"
        )
    _day(head["date"], f"{source}: validation date")  # said here, in its words
    read: Validation = validation_map().from_head(head)  # each value checked as if typed
    # Approval and signature are the hub's and the supervisor's to give, not a file's.
    validation = replace(read, status=lifecycle.imported_state(read.status))
    codes = ctx.catalogs.reason_codes()
    records = []
    for item in document["findings"]:
        criterion = catalog.get(item["criterion"])
        if criterion is None:
            raise ExchangeError(f"{source}: criterion {item['criterion']} is not in its catalog")
        unknown = [reason for reason in item["reasons"] if reason not in codes]
        if unknown:  # named here, quoted: the text is the file's, not one of ours
            raise ExchangeError(f"{source}: {criterion.id}: unknown reason {unknown[0]!r}")
        parts = tuple(item.get("unmet_parts", ()))
        if any(criterion.part(key) is None for key in parts):
            raise ExchangeError(f"{source}: {criterion.id}: names a part the criterion lacks")
        if item["due"]:
            _day(item["due"], f"{source}: {criterion.id} due")  # said here, in its words
        finding = FINDING_MAP.from_values(item)
        checked = apply_finding_rules(
            finding, criterion, codes, validation.date, ctx.settings.response_days
        )
        records.append(FindingRecord(checked, item["updated_at"], item["updated_by"], 1))
    if len({r.finding.criterion for r in records}) != len(records):
        raise ExchangeError(f"{source}: a criterion has more than one finding")
    attached = [_decode_evidence(item, catalog, source) for item in document["evidence"]]
    evidence_ids = [record.id for record, _ in attached]
    if len(set(evidence_ids)) != len(evidence_ids):
        raise ExchangeError(f"{source}: an evidence ID is listed more than once")
    for evidence_id in evidence_ids:  # IDs are unique across validations, not just this one
        owner = ctx.store.read("SELECT validation_id FROM evidence WHERE id = ?", (evidence_id,))
        if owner and owner[0][0] != validation.id:  # (the same validation: "already exists")
            raise ExchangeError(
                f"{source}: evidence {evidence_id} belongs to another validation in this folder"
            )
    stretches = _periods(ctx, document, catalog, validation.id, source)
    criteria = {c.id for c in catalog.criteria}
    others = visit.importer(document, validation.id, evidence_ids, criteria, ctx.actor)
    # Content goes in only once every item checked out, and comes out again if the
    # database refuses the validation (say, it is already there): nothing is left behind.
    added: list[str] = []
    try:
        for record, content in attached:
            if not ctx.store.blobs.has(record.sha256):
                ctx.store.blobs.put_bytes(content, record.sha256)
                added.append(record.sha256)
        ctx.store.import_validation(
            validation, catalog, records, [r for r, _ in attached], ctx.actor, stretches, others
        )
    except BaseException:
        for sha in added:
            ctx.store.blobs.path_of(sha).unlink(missing_ok=True)
        raise
    return validation


def _periods(
    ctx: AppContext, document: dict[str, Any], catalog: Catalog, validation_id: str, source: Path
) -> list[Period]:
    """The file's stretches of session time, each checked as the timer's own are (a file of
    an older version has none)."""
    categories = {c.number for c in ctx.catalogs.categories}
    stretches = []
    for item in document.get("session_periods", ()):
        where = f"{source}: session time {item['id']}"
        if item["category"] is not None and item["category"] not in categories:
            raise ExchangeError(f"{where}: there is no category {item['category']}")
        try:
            check_stretch(item["started_at"], item["ended_at"])
        except CtpatError as exc:
            raise ExchangeError(f"{where}: {exc}") from None
        stretches.append(
            Period(
                item["id"],
                item["category"],
                item["started_at"],
                item["ended_at"],
                item["recorded_by"],
            )
        )
    ids = [period.id for period in stretches]
    if len(set(ids)) != len(ids):
        raise ExchangeError(f"{source}: a session time is listed more than once")
    for period_id in ids:
        owner = ctx.store.read(
            "SELECT validation_id FROM session_periods WHERE id = ?", (period_id,)
        )
        if owner and owner[0][0] != validation_id:
            raise ExchangeError(
                f"{source}: session time {period_id} belongs to another validation in this folder"
            )
    return stretches


def _day(text: str, what: str) -> date:
    """A date the schema's pattern let through (the pattern allows 2026-02-30)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ExchangeError(f"{what} {text!r} is not a date (YYYY-MM-DD)") from None


def _decode_evidence(
    item: dict[str, Any], catalog: Catalog, source: Path
) -> tuple[EvidenceRecord, bytes]:
    name = repr(item["filename"])  # quoted in messages: the file's text, kept on one line
    if item["criterion"] is not None and item["criterion"] not in catalog:
        raise ExchangeError(
            f"{source}: evidence {name} names unknown criterion {item['criterion']}"
        )
    try:
        content = base64.b64decode(item["content_base64"], validate=True)
    except (binascii.Error, ValueError):
        raise ExchangeError(f"{source}: evidence {name} is not valid base64") from None
    if hashlib.sha256(content).hexdigest() != item["sha256"] or len(content) != item["size"]:
        raise ExchangeError(f"{source}: evidence {name} does not match its SHA-256 or size")
    caption = item.get("caption", "")  # absent from files of earlier versions
    try:
        check_caption(caption)
    except RuleError as exc:
        raise ExchangeError(f"{source}: evidence {name}: {exc}") from None
    record = EvidenceRecord(
        id=item["id"],
        criterion=item["criterion"],
        sha256=item["sha256"],
        filename=item["filename"],
        media_type=item["media_type"],
        size=item["size"],
        captured_at=item["captured_at"],
        captured_by=item["captured_by"],
        caption=caption,
    )
    return record, content
