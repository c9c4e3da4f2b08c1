"""Plain dictionaries of domain values: what `--json` prints and the text views read."""

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from ctpat_desktop.catalog import Catalog, Category
from ctpat_desktop.records.declare import Item
from ctpat_desktop.records.documents import item_line, kind_view
from ctpat_desktop.records.kinds import VISIT_KINDS
from ctpat_desktop.records.validation_map import validation_map
from ctpat_desktop.services.validations import ValidationSession
from ctpat_desktop.store import EvidenceRecord, FindingRecord, ValidationSummary
from ctpat_desktop.worksheet import Finding, Validation, classify, lifecycle
from ctpat_desktop.worksheet.agenda import SessionTimes, format_minutes
from ctpat_desktop.worksheet.model import FINDING_MAP
from ctpat_desktop.worksheet.rules import due_from_issue


def validation_view(v: Validation) -> dict[str, Any]:
    """A validation's header: its declared fields (records/validation.py)."""
    return validation_map().values(v)


def summary_view(s: ValidationSummary) -> dict[str, Any]:
    """A validation with its progress counts."""
    return validation_view(s.validation) | {
        "entity_name": s.entity_name,
        "criteria": s.criteria,
        "reviewed": s.reviewed,
        "deficiencies": s.deficiencies,
        "progress": round(s.progress, 4),
        "updated_at": s.updated_at,
    }


def finding_view(
    catalog: Catalog, record: FindingRecord | None, criterion_id: str = ""
) -> dict[str, Any]:
    """One criterion's finding (not-reviewed when none is recorded)."""
    finding = record.finding if record else Finding(criterion_id)
    criterion = catalog.get(finding.criterion)
    assert criterion is not None
    outcome = classify(finding, criterion)
    declared = FINDING_MAP.values(finding)  # every declared field (records/finding.py)
    return {
        "criterion": criterion.id,
        "category": criterion.category,
        "level": criterion.level.value,
        "title": criterion.title,
        "status": declared["status"],
        "outcome": outcome.value if outcome else None,
        **declared,  # (criterion and status keep their places above)
        "updated_at": record.updated_at if record else None,
        "updated_by": record.updated_by if record else None,
    }


def evidence_view(e: EvidenceRecord) -> dict[str, Any]:
    """One piece of evidence."""
    return {
        "id": e.id,
        "criterion": e.criterion,
        "filename": e.filename,
        "media_type": e.media_type,
        "size": e.size,
        "sha256": e.sha256,
        "captured_at": e.captured_at,
        "captured_by": e.captured_by,
        "caption": e.caption,
    }


def session_view(session: ValidationSession, categories: tuple[Category, ...]) -> dict[str, Any]:
    """A whole validation: header, progress per category, every criterion, evidence."""
    recorded = session.findings()
    names = {c.number: c.name for c in categories}
    reports = session.reports()
    signed = lifecycle.is_locked(session.validation.status) and reports
    issued = date.fromisoformat(reports[-1].signed_at[:10]) if signed else None
    return {
        "validation": validation_view(session.validation),
        "progress": [
            {
                "category": p.category,
                "name": names[p.category],
                "total": p.total,
                "reviewed": p.reviewed,
                "deficiencies": p.deficiencies,
                "incomplete": list(p.incomplete),
                "complete": p.complete,
            }
            for p in session.progress()
        ],
        "findings": [
            _with_due_in_report(
                finding_view(session.catalog, recorded.get(c.id), c.id), session, issued
            )
            for c in session.catalog.criteria
        ],
        "evidence": [evidence_view(e) for e in session.evidence()],
        "reports": [
            {
                "version": r.version,
                "sha256": r.sha256,
                "signer": r.signer,
                "signed_at": r.signed_at,
                "file": r.file_name,
                "language": r.language,
                "kept": session.kept(r.sha256),
            }
            for r in session.reports()
        ],
        "session_time": session_time_view(session.session_times()),
        "followups": [{"id": r.id} | r.fields() for r in session.followups()],
    } | visit_view(session.visit_records())


def _with_due_in_report(
    view: dict[str, Any], session: ValidationSession, issued: date | None
) -> dict[str, Any]:
    """The finding's view and, while a signed report is in force, the due date it printed
    (counted from its issue: the date the member was given, not the worksheet's)."""
    due = view["due"]
    shown = None
    if issued is not None and due is not None:
        counted = due_from_issue(date.fromisoformat(due), session.validation.date, issued, 0)
        shown = counted.isoformat()
    return view | {"due_in_report": shown}


def visit_view(found: Mapping[str, Sequence[Item]]) -> dict[str, Any]:
    """Sites, document requests, participants, interviews, tour log, team, outcome and
    decision, each under its declared key (records/kinds.py)."""
    return {kind.key: kind_view(kind, found.get(kind.name, ())) for kind in VISIT_KINDS}


def session_time_view(times: SessionTimes) -> dict[str, Any]:
    """The session time recorded: seconds in all and by category, the days, the stretches."""
    return {
        "seconds": times.seconds,
        "by_category": {
            str(category) if category is not None else "none": seconds
            for category, seconds in times.by_category().items()
        },
        "days": [day.isoformat() for day in times.days()],
        "stretches": [
            {
                "id": p.id,
                "category": p.category,
                "started_at": p.started_at,
                "ended_at": p.ended_at,
                "recorded_by": p.recorded_by,
            }
            for p in times.periods
        ],
    }


def print_session(document: dict[str, Any]) -> None:
    """The human form of `validation show`."""
    v = document["validation"]
    print(f"{v['member']} (account {v['account']}) — {v['entity']}, catalog {v['catalog_version']}")
    print(f"ID {v['id']}  {v['date']}  {v['mode']}  {v['status']}  SCSS {v['scss']}")
    for p in document["progress"]:
        print(
            f"  {p['category']:>2}. {p['name']:<58} {p['reviewed']:>3}/{p['total']:<3} "
            f"{p['deficiencies']:>2} not met"
        )
    for f in document["findings"]:
        if f["status"] == "not-reviewed":
            continue
        line = f"  {f['criterion']:<6} {f['level']:<6} {f['status']:<14} {f['title']}"
        if f["outcome"] in ("required-action", "recommendation"):
            line += f"  [{f['outcome']}; {', '.join(f['reasons'])}"
            due = f.get("due_in_report") or f["due"]
            line += f"; due {due}]" if due else "]"
        print(line)
    if document["evidence"]:
        print(f"  {len(document['evidence'])} evidence file(s)")
    for kind in VISIT_KINDS:
        shown = document.get(kind.key)
        for item in [shown] if isinstance(shown, dict) else shown or ():
            print(f"  {kind.label}: {item_line(kind, item)}")
    time = document["session_time"]
    if time["seconds"]:
        print(
            f"  session time {format_minutes(time['seconds'] // 60)} on {', '.join(time['days'])}"
        )
