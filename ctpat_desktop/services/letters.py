"""Documents signed after an issued report, without a reopen or a new version: a rendition
of the report in the other language, and a follow-up letter to the member.

A rendition has the same findings, version number and dates as the version it renders,
built from the validation as that version was signed (so only while the validation is
still signed with it as its last version); its cover says which version it renders. A
letter names the signed version it follows and where each required action stands. Both
are signed with the same key check and signing path as the report, recorded with their
audit event, synced (kinds "rendition" and "letter"), and leave the validation locked.
"""

import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from ctpat_desktop.app import AppContext
from ctpat_desktop.catalog import translations
from ctpat_desktop.errors import RuleError
from ctpat_desktop.report.letter import LetterData, LetterItem
from ctpat_desktop.report.signing import Secret, SignedBy, SigningKey
from ctpat_desktop.services.report_copy import keep_then_record
from ctpat_desktop.store import ReportRecord, issued, utc_now
from ctpat_desktop.store.driver import sqlite
from ctpat_desktop.sync.followup_rules import Track
from ctpat_desktop.sync.letter_rules import Letter, LetterType, Rendition, rendition_id
from ctpat_desktop.worksheet import Lifecycle, lifecycle
from ctpat_desktop.worksheet.rules import Outcome, due_from_issue


@dataclass(frozen=True, slots=True)
class BuiltLetter:
    """A letter written to disk; record is set when it was signed and recorded."""

    path: Path
    data: LetterData
    record: Letter | None = None


def _in_force(
    conn: sqlite.Connection, validation_id: str, version: int | None = None
) -> ReportRecord:
    """The signed report in force (the last version of a validation still signed with it);
    RuleError naming why there is none, or why version is not it."""
    status, reports = issued.issued_state(conn, validation_id)
    versions = [r.version for r in reports]
    if version is not None and version not in versions:
        raise RuleError(f"the validation has no signed report version {version}")
    if not reports:
        raise RuleError(f"the validation is {status}: no report of it has been signed yet")
    last = reports[-1]
    if version is not None and version != last.version:
        raise RuleError(
            f"report version {version} was superseded by version {last.version}: only the "
            "version in force has a rendition"
        )
    if not lifecycle.is_locked(Lifecycle(status)):
        raise RuleError(
            f"the validation was reopened after version {last.version} was signed (it is "
            f"{status}): its findings may differ from the signed ones"
        )
    return last


def _signed_file(
    target: Path, write: Callable[[Path], Any], sign: Callable[[Path, Any], SignedBy]
) -> SignedBy:
    """Write an unsigned file beside target, sign it into target, remove the unsigned one."""
    draft = target.with_name(target.name + ".unsigned")
    try:
        box = write(draft)
        assert box is not None  # a document to sign has its signature box
        return sign(draft, box)
    finally:
        draft.unlink(missing_ok=True)


def _record(
    ctx: AppContext, target: Path, content: bytes, append: Callable[[sqlite.Connection], None]
) -> None:
    """Keep a signed file's bytes in the data folder and store its record in one
    transaction; if either fails, neither stays and the file is removed (an unrecorded
    signed document must not go out)."""

    def record() -> None:
        with ctx.store.transaction() as conn:
            append(conn)

    keep_then_record(ctx, target, content, record)


def issue_rendition(
    ctx: AppContext,
    validation_id: str,
    target: Path,
    key: SigningKey,
    secret: Secret,
    *,
    language: str,
    version: int,
    reason: str | None = None,
    location: str | None = None,
) -> Rendition:
    """Build, sign and record the rendition of issued version `version` in `language`."""
    from ctpat_desktop.report import rendition as words
    from ctpat_desktop.report.builder import build_report as build_pdf
    from ctpat_desktop.report.signing import sign_pdf
    from ctpat_desktop.services.report_io import check_signer, report_data
    from ctpat_desktop.services.validations import ValidationSession
    from ctpat_desktop.store.repository import report_id

    words.words(language)  # a language without a rendition is refused first
    session = ValidationSession(ctx, validation_id)
    full_id = session.id
    with ctx.store.transaction() as conn:
        original = _in_force(conn, full_id, version)
        wanted_id = rendition_id(report_id(full_id, version), language)
        known = {r.id: r for r in issued.renditions(conn, full_id)}
    if original.language == language:
        raise RuleError(
            f"report version {version} is in {language} already: a rendition is in the other "
            "language"
        )
    if wanted_id in known:
        raise RuleError(
            f"report version {version} already has a rendition in {language} "
            f"(SHA-256 {known[wanted_id].sha256})"
        )
    asked = cache(secret)
    subject = check_signer(ctx, full_id, key, asked)
    # The version rendered, with its own number and issue date (its due dates follow).
    data = replace(
        report_data(ctx, session, language),
        version=version,
        generated_at=original.signed_at,
        signer=subject.name,
    )
    stated = words.notice_lines(language, version, original.language, original.sha256)

    def write(path: Path) -> Any:
        box = build_pdf(data, path)
        words.mark_cover(path, stated, words.title_suffix(language, version))
        return box

    def sign(path: Path, box: Any) -> SignedBy:
        return sign_pdf(
            path,
            target,
            key,
            box,
            secret=asked,
            reason=reason or words.reason(language, version),
            location=location or session.validation.office or words.words(language)["location"],
            tsa_url=ctx.settings.tsa_url or None,
            stamp_words=words.stamp_words(language),
        )

    signed_by = _signed_file(target, write, sign)
    content = target.read_bytes()
    record = Rendition(
        id=wanted_id,
        validation_id=full_id,
        report_version=version,
        language=language,
        original_language=original.language,
        original_sha256=original.sha256,
        sha256=hashlib.sha256(content).hexdigest(),
        signer=signed_by.signer,
        signed_at=signed_by.signed_at,
        file_name=target.name,
    )

    def append(conn: sqlite.Connection) -> None:
        _in_force(conn, full_id, version)  # still so: nothing reopened it meanwhile
        issued.append_rendition(conn, record, ctx.actor, utc_now())

    _record(ctx, target, content, append)
    return record


def _state(track: Track) -> str:
    """Where a required action stands, as the letter's word for it."""
    if track.closed:
        return "closed"
    if track.decision is not None:
        return "accepted" if track.decision else "rejected"
    return "received" if track.response is not None else "awaiting"


def letter_data(
    ctx: AppContext, validation_id: str, language: str, written_on: date | None = None
) -> tuple[LetterData, ReportRecord]:
    """What a follow-up letter written now says, and the signed report it follows."""
    from ctpat_desktop.report.builder import point_of_contact
    from ctpat_desktop.report.letter import words
    from ctpat_desktop.services.followup import follow_up_log

    words(language)
    store = ctx.store
    full_id = store.resolve_id(validation_id)
    with store.transaction() as conn:
        report = _in_force(conn, full_id)
    log = follow_up_log(ctx, full_id)
    validation = store.validation(full_id)
    catalog = translations(ctx.resources, language).translate_catalog(
        store.pinned_catalog(validation.entity, validation.catalog_version)
    )
    issued_on = datetime.fromisoformat(report.signed_at).date()
    recorded = store.findings(full_id)
    items = []
    for item in log.items:
        if item.outcome is not Outcome.REQUIRED_ACTION:
            continue
        track = item.track
        # The due date the signed report printed (from the worksheet's, counted from the
        # issue date), then every extension since.
        finding = recorded[item.criterion].finding
        printed = due_from_issue(
            finding.due, validation.date, issued_on, ctx.settings.response_days
        )
        criterion = catalog.get(item.criterion)
        items.append(
            LetterItem(
                criterion=item.criterion,
                title=criterion.title if criterion is not None else item.title,
                action=item.action,
                due=printed + timedelta(days=track.extended_days),
                extended_days=track.extended_days,
                state=_state(track),
                records=track.records,
            )
        )
    contact = point_of_contact(validation.participants)
    member = validation.member.name
    data = LetterData(
        validation_id=full_id,
        member=member,
        account=validation.member.account,
        addressee=f"{contact}, {member}" if contact else member,
        scss=validation.scss,
        office=validation.office,
        report_version=report.version,
        report_sha256=report.sha256,
        report_signed_on=issued_on,
        language=language,
        written_on=written_on or datetime.now(UTC).date(),
        items=tuple(items),
        marking=ctx.settings.sensitivity_marking,
    )
    return data, report


def build_letter(ctx: AppContext, validation_id: str, target: Path, language: str) -> BuiltLetter:
    """Write an unsigned draft of the follow-up letter to target (nothing is recorded)."""
    from ctpat_desktop.report.letter import write_letter

    data, _report = letter_data(ctx, validation_id, language)
    data = replace(data, draft=True)
    write_letter(data, target)
    return BuiltLetter(target, data)


def issue_letter(
    ctx: AppContext,
    validation_id: str,
    target: Path,
    key: SigningKey,
    secret: Secret,
    *,
    language: str = "en",
    reason: str | None = None,
    location: str | None = None,
) -> BuiltLetter:
    """Build, sign and record a follow-up letter on the signed report in force."""
    from ctpat_desktop.report.letter import signing_reason, words, write_letter
    from ctpat_desktop.report.signing import sign_pdf
    from ctpat_desktop.services.report_io import check_signer

    data, report = letter_data(ctx, validation_id, language)
    asked = cache(secret)
    subject = check_signer(ctx, data.validation_id, key, asked)
    data = replace(data, signer=subject.name)
    said = words(language)

    def sign(path: Path, box: Any) -> SignedBy:
        return sign_pdf(
            path,
            target,
            key,
            box,
            secret=asked,
            reason=reason or signing_reason(data),
            location=location or data.office or said["location"],
            tsa_url=ctx.settings.tsa_url or None,
            stamp_words=(said["signed_by"], said["reason_word"]),
        )

    signed_by = _signed_file(target, lambda path: write_letter(data, path), sign)
    content = target.read_bytes()
    record = Letter(
        id=str(uuid.uuid4()),
        validation_id=data.validation_id,
        report_version=report.version,
        report_sha256=report.sha256,
        language=language,
        letter_type=LetterType.CLOSURE if data.closure else LetterType.STATUS,
        open_actions=len(data.open_items),
        sha256=hashlib.sha256(content).hexdigest(),
        signer=signed_by.signer,
        signed_at=signed_by.signed_at,
        file_name=target.name,
    )

    def append(conn: sqlite.Connection) -> None:
        # Still the version in force: a reopen meanwhile leaves the letter unrecorded.
        if _in_force(conn, data.validation_id).version != report.version:
            raise RuleError(f"report version {report.version} is no longer the one in force")
        issued.append_letter(conn, record, ctx.actor, utc_now())

    _record(ctx, target, content, append)
    return BuiltLetter(target, data, record)


def issued_view(ctx: AppContext, validation_id: str) -> dict[str, Any]:
    """The renditions and follow-up letters of a validation, as `--json` shows them: each
    letter with its number (`followup letter … --copy-of N`), each with whether it is kept."""
    full_id = ctx.store.resolve_id(validation_id)
    with ctx.store.transaction() as conn:
        renditions = issued.renditions(conn, full_id)
        letters = issued.letters(conn, full_id)
    kept = ctx.store.blobs.has
    return {
        "renditions": [{"id": r.id} | r.fields() | {"kept": kept(r.sha256)} for r in renditions],
        "letters": [
            {"id": r.id, "number": number} | r.fields() | {"kept": kept(r.sha256)}
            for number, r in enumerate(letters, start=1)
        ],
    }
