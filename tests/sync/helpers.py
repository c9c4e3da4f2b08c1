"""Building validations on a laptop and reading them back for comparison."""

from datetime import date
from typing import Any

from ctpat_desktop.app import AppContext
from ctpat_desktop.services.validations import ValidationSession, plan_validation


def planned(ctx: AppContext, account: str = "IM-1001", office: str | None = None) -> str:
    """A new importer validation on this laptop; its ID."""
    validation = plan_validation(
        ctx,
        member="Acme Imports",
        account=account,
        entity="importer",
        on=date(2026, 11, 2),
        office=office,
    )
    return validation.id


def findings_of(ctx: AppContext, validation_id: str) -> dict[str, Any]:
    """The validation's findings as comparable values."""
    return {
        criterion: record.finding
        for criterion, record in ValidationSession(ctx, validation_id).findings().items()
    }


def session(ctx: AppContext, validation_id: str) -> ValidationSession:
    return ValidationSession(ctx, validation_id)
