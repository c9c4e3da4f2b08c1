"""Build a validation report, sign it (which locks the validation and keeps the signed
bytes in the data folder), reopen, verify."""

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from ctpat_desktop.app import AppContext
from ctpat_desktop.catalog import translations
from ctpat_desktop.errors import RuleError
from ctpat_desktop.records.declare import Item
from ctpat_desktop.report import model, rendition
from ctpat_desktop.report.model import EvidenceItem, ReportData
from ctpat_desktop.report.signer_check import CertificateSubject, signing_subject
from ctpat_desktop.report.signer_check import check_signer as check_subject
from ctpat_desktop.report.signing import Secret, SigningKey
from ctpat_desktop.services.approval import recorded_approval
from ctpat_desktop.services.report_copy import keep_then_record
from ctpat_desktop.services.validations import ValidationSession
from ctpat_desktop.store import ReportRecord, utc_now
from ctpat_desktop.worksheet import lifecycle


@dataclass(frozen=True, slots=True)
class BuiltReport:
    """A report written to disk; record is set when it was signed and issued."""

    path: Path
    version: int
    record: ReportRecord | None = None


def report_data(ctx: AppContext, session: ValidationSession, language: str) -> ReportData:
    """What the next version of the validation's report contains, in the given language."""
    from ctpat_desktop.report.labels import labels

    labels(language)  # an unknown language is refused before anything is read
    translated = translations(ctx.resources, language)
    store = ctx.store
    evidence = tuple(
        EvidenceItem(
            criterion=e.criterion,
            filename=e.filename,
            media_type=e.media_type,
            sha256=e.sha256,
            size=e.size,
            captured_at=e.captured_at,
            content=store.blobs.read_bytes(e.sha256),
            caption=e.caption,
        )
        for e in session.evidence()
    )
    issued = store.reports(session.id)
    times = session.session_times()
    approval = recorded_approval(ctx, session.id)
    settings = ctx.settings
    return ReportData(
        validation=session.validation,
        entity_name=translated.text(session.catalog.name),
        catalog=translated.translate_catalog(session.catalog),
        categories=translated.translate_categories(ctx.catalogs.categories),
        reasons=translated.translate_reasons(session.reasons),
        findings={cid: r.finding for cid, r in session.findings().items()},
        evidence=evidence,
        version=(issued[-1].version if issued else 0) + 1,
        generated_at=utc_now(),
        language=language,
        session_seconds=times.seconds,
        session_days=tuple(times.days()),
        response_days=settings.response_days,
        approved_by=approval.by if approval else "",
        approved_at=approval.at if approval else "",
        contacts=dict(settings.contacts),
        sensitivity_marking=settings.sensitivity_marking,
        visit=visit_of(session.visit_records()),
    )


def visit_of(records: Mapping[str, Sequence[Item]]) -> model.Visit:
    """The report's view of a validation's records around the checklist (by kind name, as
    ValidationSession.visit_records gives them): references resolved to names."""

    def values(kind: str) -> list[Mapping[str, Any]]:
        return [item.values for item in records.get(kind, ())]

    def day(value: Any) -> date | None:
        return date.fromisoformat(value) if value else None

    sites = {item.id: item.values["name"] for item in records.get("site", ())}
    people = {
        item.id: (
            f"{item.values['name']} ({item.values['role']})"
            if item.values.get("role")
            else item.values["name"]
        )
        for item in records.get("participant", ())
    }
    outcome = values("outcome")
    decision = values("decision")
    return model.Visit(
        sites=tuple(
            model.Site(v["name"], v["type"], v.get("address", ""), v.get("country", ""))
            for v in values("site")
        ),
        participants=tuple(
            model.Participant(
                v["name"],
                v.get("role", ""),
                v.get("organisation") or "member",
                tuple(date.fromisoformat(d) for d in v.get("days", ())),
            )
            for v in values("participant")
        ),
        team=tuple(model.TeamMember(v["name"], v["role"]) for v in values("team_member")),
        documents=tuple(
            model.DocumentRequest(v["what"], day(v.get("requested_on")), day(v.get("received_on")))
            for v in values("document_request")
        ),
        interviews=tuple(
            model.Interview(
                v["topic"], people.get(v.get("participant_id") or "", ""), v.get("held_at") or ""
            )
            for v in values("interview")
        ),
        tour=tuple(
            model.TourStop(
                v["area"],
                v.get("at") or "",
                sites.get(v.get("site_id") or "", ""),
                v.get("note", ""),
            )
            for v in values("tour_stop")
        ),
        outcome=model.Outcome(outcome[0]["result"], outcome[0].get("reason", ""))
        if outcome
        else None,
        decision=model.Decision(
            decision[0]["decision"],
            decision[0].get("result", ""),
            day(decision[0].get("decided_on")),
            decision[0].get("note", ""),
        )
        if decision
        else None,
    )


def build_report(
    ctx: AppContext, validation_id: str, target: Path, language: str = "en"
) -> BuiltReport:
    """Write an unsigned report (a draft of the next version) to target."""
    from ctpat_desktop.report.builder import build_report as build_pdf

    session = ValidationSession(ctx, validation_id)
    data = replace(report_data(ctx, session, language), draft=True)
    build_pdf(data, target)
    return BuiltReport(target, data.version)


def _check_hub_approval(ctx: AppContext, validation_id: str) -> None:
    """On a laptop that syncs with a hub, the approval must be one the hub recorded: a
    status set on this laptop alone (a role flag edited, a file imported) signs nothing."""
    from ctpat_desktop.sync.local import LocalSync

    local = LocalSync(ctx.store)
    if not local.state("server"):
        return  # a laptop without a hub: an approval can only have been made here
    confirmed = local.hub_copy("validation", validation_id)
    sign = lifecycle.MOVE_BY_NAME["sign"]
    if confirmed is None or confirmed.get("status") not in {s.value for s in sign.sources}:
        raise RuleError(
            "the hub has not recorded a supervisor's approval of this validation yet: "
            "sync, then sign"
        )


def check_can_sign(ctx: AppContext, validation_id: str) -> ValidationSession:
    """RuleError unless the validation may be signed now (asked before any key or file)."""
    session = ValidationSession(ctx, validation_id)
    if lifecycle.is_locked(session.validation.status):
        raise RuleError(
            "the validation is signed and locked; reopen it (with a reason) to issue a new version"
        )
    if session.validation.status not in lifecycle.MOVE_BY_NAME["sign"].sources:
        raise RuleError(
            f"the validation is {session.validation.status.value}: a supervisor must approve "
            "it before its report is signed"
        )
    _check_hub_approval(ctx, session.id)
    return session


def check_signer(
    ctx: AppContext, validation_id: str, key: SigningKey, secret: Secret
) -> CertificateSubject:
    """RuleError unless the key's certificate names the validation's SCSS (directly, or
    as the settings' signers say); whom it names, when it does."""
    validation = ctx.store.validation(ctx.store.resolve_id(validation_id))
    subject = signing_subject(key, secret)
    check_subject(validation.scss, subject, ctx.settings.signers)
    return subject


def issue_report(
    ctx: AppContext,
    validation_id: str,
    target: Path,
    key: SigningKey,
    secret: Secret,
    *,
    language: str = "en",
    reason: str | None = None,
    location: str | None = None,
) -> BuiltReport:
    """Build, sign and record the next report version; the validation is then locked."""
    from ctpat_desktop.report.builder import build_report as build_pdf
    from ctpat_desktop.report.signing import sign_pdf

    session = check_can_sign(ctx, validation_id)
    asked = cache(secret)  # the certificate is read before signing: one question for both
    subject = check_signer(ctx, session.id, key, asked)
    data = replace(report_data(ctx, session, language), signer=subject.name)
    said = rendition.words(language)
    draft = target.with_name(target.name + ".unsigned")
    try:
        box = build_pdf(data, draft)
        assert box is not None  # a report to sign is no draft: it has its signature box
        signed_by = sign_pdf(
            draft,
            target,
            key,
            box,
            secret=asked,
            # The stamp, its reason and place in the report's language (before, English in
            # a Spanish report).
            reason=reason or said["report_reason"].format(version=data.version),
            location=location or session.validation.office or said["location"],
            tsa_url=ctx.settings.tsa_url or None,
            stamp_words=rendition.stamp_words(language),
        )
    finally:
        draft.unlink(missing_ok=True)
    content = target.read_bytes()
    record = ReportRecord(
        version=data.version,
        sha256=hashlib.sha256(content).hexdigest(),
        signer=signed_by.signer,
        signed_at=signed_by.signed_at,
        file_name=target.name,
        language=language,
    )
    # Kept sealed in the data folder with its record, so the report can be given back.
    keep_then_record(
        ctx, target, content, lambda: ctx.store.issue_report(session.id, record, ctx.actor)
    )
    return BuiltReport(target, data.version, record)


def reopen_validation(ctx: AppContext, validation_id: str, reason: str) -> None:
    """Unlock a signed validation; the next report will be a new version."""
    if not reason.strip():
        raise RuleError("say why the validation is reopened (--reason)")
    ctx.store.reopen(ctx.store.resolve_id(validation_id), reason.strip(), ctx.actor)
