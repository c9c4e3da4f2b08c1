"""record_finding takes the finding's declared fields by name (records/finding.py): a
value given is read as the Finding holds it, an unknown name is one clear error and
nothing is saved."""

from datetime import date

import pytest

from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import RuleError
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.worksheet.model import FindingStatus, Verification


@pytest.fixture
def session(ctx: AppContext) -> ValidationSession:
    made = plan_validation(
        ctx, member="Acme Imports", account="A-1", entity="importer", on=date(2026, 3, 10)
    )
    return ValidationSession(ctx, made.id)


def test_declared_fields_are_read_as_the_finding_holds_them(session: ValidationSession) -> None:
    record = session.record_finding(
        "4.8",
        status="not-met",
        reasons=["technology-gap"],
        verified="described",
        action="Enforce MFA",
        due=date(2026, 6, 1),
        extension_days=30,
        extension_reason="Appliance on order",
    )
    finding = record.finding
    assert finding.status is FindingStatus.NOT_MET and finding.reasons == ("technology-gap",)
    assert finding.verified is Verification.DESCRIBED and finding.extension_days == 30

    kept = session.record_finding("4.8", note="Seen on screen", verified="", due=None).finding
    assert kept.verified is Verification.DESCRIBED and kept.due == date(2026, 6, 1)
    cleared = session.record_finding(
        "4.8", clear=("verified", "extension_days"), extension_reason="", reasons=None
    )
    assert cleared.finding.verified is None and cleared.finding.reasons == ("technology-gap",)


def test_an_unknown_field_is_refused_and_nothing_is_saved(session: ValidationSession) -> None:
    session.record_finding("1.1", status="met")
    with pytest.raises(RuleError, match="a finding has no field 'colour'"):
        session.record_finding("1.1", status="not-applicable", colour="red")
    with pytest.raises(RuleError, match="not a valid"):
        session.record_finding("1.1", status="done")
    assert session.findings()["1.1"].finding.status is FindingStatus.MET
