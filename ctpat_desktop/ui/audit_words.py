"""The audit trail's words in the windows' language: field names, stored codes, phrases.

services/audit_view.py makes the rows out of an AuditWords (plain English by default, as
the English window and the command line show them); ShownAuditWords says the same in the
language of the installed translations: field names and phrases from the tables below,
statuses, modes and verification methods from the app's vocabulary (ui/i18n.py), reasons
and entity types from the catalogs' own translations. A field or code these tables do not
know is shown as plain AuditWords shows it.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ctpat_desktop.services.audit_view import ARROW, PLAIN_WORDS, AuditWords
from ctpat_desktop.ui.i18n import (
    SOURCE_LANGUAGE,
    audit_action_label,
    lifecycle_label,
    mode_label,
    shown_language,
    shown_reasons,
    shown_text,
    status_label,
    table_word,
    translate,
    verification_label,
)
from ctpat_desktop.worksheet import FindingStatus, Lifecycle, Mode
from ctpat_desktop.worksheet.model import Verification

if TYPE_CHECKING:
    from ctpat_desktop.catalog.library import CatalogLibrary

# Every field an audit event records (validations, members, findings, evidence, reports,
# pinned catalogs, sync conflicts), as the store names it.
_FIELDS = {
    # Follow-up after signing (sync/followup_rules.py) and feedback (services/feedback.py).
    "accepted": QT_TRANSLATE_NOOP("AuditWords", "accepted"),
    "comments": QT_TRANSLATE_NOOP("AuditWords", "comments"),
    "event": QT_TRANSLATE_NOOP("AuditWords", "event"),
    "implemented": QT_TRANSLATE_NOOP("AuditWords", "implemented"),
    "minutes_lost": QT_TRANSLATE_NOOP("AuditWords", "minutes lost"),
    "not_verifiable": QT_TRANSLATE_NOOP("AuditWords", "not verifiable remotely"),
    "not_verifiable_note": QT_TRANSLATE_NOOP("AuditWords", "what else could not be verified"),
    "number": QT_TRANSLATE_NOOP("AuditWords", "number"),
    "recorded_at": QT_TRANSLATE_NOOP("AuditWords", "recorded at"),
    "source": QT_TRANSLATE_NOOP("AuditWords", "whose"),
    "technology_quality": QT_TRANSLATE_NOOP("AuditWords", "technology quality"),
    "account": QT_TRANSLATE_NOOP("AuditWords", "account"),
    "action": QT_TRANSLATE_NOOP("AuditWords", "action"),
    "archived": QT_TRANSLATE_NOOP("AuditWords", "archived"),
    "caption": QT_TRANSLATE_NOOP("AuditWords", "caption"),
    "category": QT_TRANSLATE_NOOP("AuditWords", "category"),
    "started_at": QT_TRANSLATE_NOOP("AuditWords", "started"),
    "ended_at": QT_TRANSLATE_NOOP("AuditWords", "ended"),
    "recorded_by": QT_TRANSLATE_NOOP("AuditWords", "recorded by"),
    "captured_at": QT_TRANSLATE_NOOP("AuditWords", "captured at"),
    "captured_by": QT_TRANSLATE_NOOP("AuditWords", "captured by"),
    "catalog_version": QT_TRANSLATE_NOOP("AuditWords", "catalog version"),
    "created_at": QT_TRANSLATE_NOOP("AuditWords", "created at"),
    "criterion": QT_TRANSLATE_NOOP("AuditWords", "criterion"),
    "date": QT_TRANSLATE_NOOP("AuditWords", "date"),
    "deleted": QT_TRANSLATE_NOOP("AuditWords", "deleted"),
    "document": QT_TRANSLATE_NOOP("AuditWords", "document"),
    "due": QT_TRANSLATE_NOOP("AuditWords", "due"),
    "entity": QT_TRANSLATE_NOOP("AuditWords", "entity"),
    "extension_days": QT_TRANSLATE_NOOP("AuditWords", "extension days"),
    "extension_reason": QT_TRANSLATE_NOOP("AuditWords", "extension reason"),
    "fields": QT_TRANSLATE_NOOP("AuditWords", "fields"),
    "file_name": QT_TRANSLATE_NOOP("AuditWords", "file name"),
    "filename": QT_TRANSLATE_NOOP("AuditWords", "filename"),
    "kept": QT_TRANSLATE_NOOP("AuditWords", "kept"),
    "language": QT_TRANSLATE_NOOP("AuditWords", "language"),
    "media_type": QT_TRANSLATE_NOOP("AuditWords", "media type"),
    "member_id": QT_TRANSLATE_NOOP("AuditWords", "member id"),
    "mode": QT_TRANSLATE_NOOP("AuditWords", "mode"),
    "name": QT_TRANSLATE_NOOP("AuditWords", "name"),
    "note": QT_TRANSLATE_NOOP("AuditWords", "note"),
    "office": QT_TRANSLATE_NOOP("AuditWords", "office"),
    "participants": QT_TRANSLATE_NOOP("AuditWords", "participants"),
    "planned_minutes": QT_TRANSLATE_NOOP("AuditWords", "planned minutes"),
    "profile_answer": QT_TRANSLATE_NOOP("AuditWords", "profile answer"),
    "reason": QT_TRANSLATE_NOOP("AuditWords", "reason"),
    "reasons": QT_TRANSLATE_NOOP("AuditWords", "reasons"),
    "unmet_parts": QT_TRANSLATE_NOOP("AuditWords", "parts not met"),
    "report_text": QT_TRANSLATE_NOOP("AuditWords", "report text"),
    "report_version": QT_TRANSLATE_NOOP("AuditWords", "report version"),
    "response_accepted": QT_TRANSLATE_NOOP("AuditWords", "response accepted"),
    "response_implemented": QT_TRANSLATE_NOOP("AuditWords", "response implemented"),
    "response_note": QT_TRANSLATE_NOOP("AuditWords", "response note"),
    "scss": QT_TRANSLATE_NOOP("AuditWords", "scss"),
    "sha256": QT_TRANSLATE_NOOP("AuditWords", "sha256"),
    "signed_at": QT_TRANSLATE_NOOP("AuditWords", "signed at"),
    "signer": QT_TRANSLATE_NOOP("AuditWords", "signer"),
    "status": QT_TRANSLATE_NOOP("AuditWords", "status"),
    "updated_at": QT_TRANSLATE_NOOP("AuditWords", "updated at"),
    "updated_by": QT_TRANSLATE_NOOP("AuditWords", "updated by"),
    "validation_id": QT_TRANSLATE_NOOP("AuditWords", "validation id"),
    "verified": QT_TRANSLATE_NOOP("AuditWords", "verified"),
    "version": QT_TRANSLATE_NOOP("AuditWords", "version"),
    "webex_url": QT_TRANSLATE_NOOP("AuditWords", "webex url"),
    "why": QT_TRANSLATE_NOOP("AuditWords", "why"),
    # The records around the checklist (records/kinds.py).
    "address": QT_TRANSLATE_NOOP("AuditWords", "address"),
    "area": QT_TRANSLATE_NOOP("AuditWords", "area"),
    "at": QT_TRANSLATE_NOOP("AuditWords", "time"),
    "country": QT_TRANSLATE_NOOP("AuditWords", "country"),
    "days": QT_TRANSLATE_NOOP("AuditWords", "days present"),
    "decided_on": QT_TRANSLATE_NOOP("AuditWords", "decided on"),
    "decision": QT_TRANSLATE_NOOP("AuditWords", "decision"),
    "evidence_id": QT_TRANSLATE_NOOP("AuditWords", "evidence"),
    "held_at": QT_TRANSLATE_NOOP("AuditWords", "held at"),
    "notes": QT_TRANSLATE_NOOP("AuditWords", "notes"),
    "organisation": QT_TRANSLATE_NOOP("AuditWords", "organisation"),
    "participant_id": QT_TRANSLATE_NOOP("AuditWords", "participant"),
    "received_on": QT_TRANSLATE_NOOP("AuditWords", "received on"),
    "requested_on": QT_TRANSLATE_NOOP("AuditWords", "requested on"),
    "result": QT_TRANSLATE_NOOP("AuditWords", "result"),
    "role": QT_TRANSLATE_NOOP("AuditWords", "role"),
    "site_id": QT_TRANSLATE_NOOP("AuditWords", "site"),
    "topic": QT_TRANSLATE_NOOP("AuditWords", "topic"),
    "type": QT_TRANSLATE_NOOP("AuditWords", "type"),
    "what": QT_TRANSLATE_NOOP("AuditWords", "document asked for"),
    "letter_type": QT_TRANSLATE_NOOP("AuditWords", "letter type"),
    "open_actions": QT_TRANSLATE_NOOP("AuditWords", "open required actions"),
    "original_language": QT_TRANSLATE_NOOP("AuditWords", "original language"),
    "original_sha256": QT_TRANSLATE_NOOP("AuditWords", "original SHA-256"),
    "report_sha256": QT_TRANSLATE_NOOP("AuditWords", "report SHA-256"),
}
# The kinds of record an event changes.
_KINDS = {
    "followup": QT_TRANSLATE_NOOP("AuditWords", "follow-up"),
    "feedback": QT_TRANSLATE_NOOP("AuditWords", "feedback"),
    "catalog": QT_TRANSLATE_NOOP("AuditWords", "catalog"),
    "evidence": QT_TRANSLATE_NOOP("AuditWords", "evidence"),
    "finding": QT_TRANSLATE_NOOP("AuditWords", "finding"),
    "period": QT_TRANSLATE_NOOP("AuditWords", "session time"),
    "member": QT_TRANSLATE_NOOP("AuditWords", "member"),
    "report": QT_TRANSLATE_NOOP("AuditWords", "report"),
    "validation": QT_TRANSLATE_NOOP("AuditWords", "validation"),
    "site": QT_TRANSLATE_NOOP("AuditWords", "site"),
    "participant": QT_TRANSLATE_NOOP("AuditWords", "participant"),
    "team_member": QT_TRANSLATE_NOOP("AuditWords", "team member"),
    "document_request": QT_TRANSLATE_NOOP("AuditWords", "document request"),
    "interview": QT_TRANSLATE_NOOP("AuditWords", "interview"),
    "tour_stop": QT_TRANSLATE_NOOP("AuditWords", "tour stop"),
    "finding_site": QT_TRANSLATE_NOOP("AuditWords", "finding site"),
    "outcome": QT_TRANSLATE_NOOP("AuditWords", "outcome"),
    "decision": QT_TRANSLATE_NOOP("AuditWords", "decision"),
    "rendition": QT_TRANSLATE_NOOP("AuditWords", "report rendition"),
    "letter": QT_TRANSLATE_NOOP("AuditWords", "follow-up letter"),
}
# Which side a settled sync conflict kept.
_SIDES = {
    "mine": QT_TRANSLATE_NOOP("AuditWords", "mine"),
    "theirs": QT_TRANSLATE_NOOP("AuditWords", "theirs"),
}
# The languages a report is written in.
_LANGUAGES = {
    "en": QT_TRANSLATE_NOOP("AuditWords", "English"),
    "es": QT_TRANSLATE_NOOP("AuditWords", "Spanish"),
}
# Sentences the app itself stores in an event (store/repository.py, sync/local.py).
_SENTENCES = {
    "changed after approval; a supervisor must approve it again": QT_TRANSLATE_NOOP(
        "AuditWords", "changed after approval; a supervisor must approve it again"
    ),
    "pinned catalog received from the hub": QT_TRANSLATE_NOOP(
        "AuditWords", "pinned catalog received from the hub"
    ),
    "its participant records": QT_TRANSLATE_NOOP("AuditWords", "its participant records"),
}
_CSV_HEADERS = (
    QT_TRANSLATE_NOOP("AuditWords", "Event"),
    QT_TRANSLATE_NOOP("AuditWords", "When (local)"),
    QT_TRANSLATE_NOOP("AuditWords", "When (UTC)"),
    QT_TRANSLATE_NOOP("AuditWords", "Who"),
    QT_TRANSLATE_NOOP("AuditWords", "Action"),
    QT_TRANSLATE_NOOP("AuditWords", "Kind"),
    QT_TRANSLATE_NOOP("AuditWords", "Record"),
    QT_TRANSLATE_NOOP("AuditWords", "Validation"),
    QT_TRANSLATE_NOOP("AuditWords", "What"),
    QT_TRANSLATE_NOOP("AuditWords", "Old {arrow} New"),
)
_STATUSES = {s.value: s for s in FindingStatus}
_LIFECYCLES = {s.value: s for s in Lifecycle}
_MODES = {m.value: m for m in Mode}
_VERIFICATIONS = {v.value: v for v in Verification}


def _words(table: Mapping[str, object], key: str) -> str | None:
    return table_word("AuditWords", table, key)


class ShownAuditWords(AuditWords):
    """The audit trail's words in the language of the installed translations."""

    def __init__(self, catalogs: CatalogLibrary | None = None) -> None:
        self._catalogs = catalogs
        self._lock = threading.Lock()
        self._entities: dict[str, str] | None = None
        self._reasons: dict[str, str] | None = None

    def field(self, name: str) -> str:
        return _words(_FIELDS, name) or super().field(name)

    def value(self, field: str, text: str) -> str:
        shown: str | None = None
        if field == "status" and text in _STATUSES:
            shown = status_label(_STATUSES[text])
        elif field == "status" and text in _LIFECYCLES:
            shown = lifecycle_label(_LIFECYCLES[text])
        elif field == "mode" and text in _MODES:
            shown = mode_label(_MODES[text])
        elif field == "verified" and text in _VERIFICATIONS:
            shown = verification_label(_VERIFICATIONS[text])
        elif field == "reasons":
            shown = self._catalog_words()[1].get(text)
        elif field == "entity":
            shown = self._catalog_words()[0].get(text)
        elif field == "kept":
            shown = _words(_SIDES, text)
        elif field == "language":
            shown = _words(_LANGUAGES, text)
        else:
            shown = _words(_SENTENCES, text)
        return shown or super().value(field, text)

    def yes_no(self, value: bool) -> str:
        return translate("AuditWords", "yes") if value else translate("AuditWords", "no")

    def kind(self, kind: str) -> str:
        return _words(_KINDS, kind) or super().kind(kind)

    def action(self, action: str) -> str:
        return audit_action_label(action)

    def finding(self, criterion: str) -> str:
        return translate("AuditWords", "finding {criterion}").format(criterion=criterion)

    def took_theirs(self, field: str, mine: str, theirs: str, by: str) -> str:
        return translate(
            "AuditWords", "{field}: {mine} {arrow} {theirs} (took the hub's, by {by})"
        ).format(field=field, mine=mine, arrow=ARROW, theirs=theirs, by=by)

    def kept_mine(self, field: str, mine: str, theirs: str, by: str) -> str:
        return translate("AuditWords", "{field}: kept {mine}; set aside {theirs} (by {by})").format(
            field=field, mine=mine, theirs=theirs, by=by
        )

    def the_hub(self) -> str:
        return translate("AuditWords", "the hub")

    def no_change(self) -> str:
        return translate("AuditWords", "no visible change")

    def unlisted_validation(self, short_id: str) -> str:
        return translate("AuditWords", "Validation {id} (no longer listed)").format(id=short_id)

    def csv_headers(self) -> tuple[str, ...]:
        return tuple(translate("AuditWords", str(h)).format(arrow=ARROW) for h in _CSV_HEADERS)

    def _catalog_words(self) -> tuple[dict[str, str], dict[str, str]]:
        """Entity type code → its name, reason code → its label (read once, when first
        needed: that is off the GUI thread, where the trail is read)."""
        with self._lock:
            if self._entities is None or self._reasons is None:
                catalogs = self._catalogs
                self._entities = (
                    {} if catalogs is None else {c: shown_text(n) for c, n in catalogs.names()}
                )
                self._reasons = (
                    {}
                    if catalogs is None
                    else {r.code: r.label for r in shown_reasons(catalogs.reasons)}
                )
            return self._entities, self._reasons


def audit_words(catalogs: CatalogLibrary | None = None) -> AuditWords:
    """The audit trail's words as the windows show them: in English the plain words (as
    the command line and the audit trail always read), otherwise ShownAuditWords."""
    if shown_language() == SOURCE_LANGUAGE:
        return PLAIN_WORDS
    return ShownAuditWords(catalogs)
