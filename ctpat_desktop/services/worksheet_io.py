"""Export a validation to its Excel worksheet and import one back, all or nothing."""

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ctpat_desktop import __version__
from ctpat_desktop.app import AppContext
from ctpat_desktop.catalog import Reason, translations
from ctpat_desktop.errors import RuleError
from ctpat_desktop.services.validations import ValidationSession
from ctpat_desktop.store import utc_now
from ctpat_desktop.worksheet import Finding, Lifecycle, apply_finding_rules
from ctpat_desktop.worksheet.model import FINDING_FIELDS
from ctpat_desktop.worksheet.xlsx_import import Problem, one_line
from ctpat_desktop.worksheet.xlsx_layout import WorksheetData, worksheet_texts


@dataclass(frozen=True, slots=True)
class FindingUpdate:
    """One criterion whose finding the workbook changes."""

    row: int
    old: Finding
    new: Finding

    def changed(self) -> dict[str, tuple[Any, Any]]:
        """Field name → (old, new) as plain values."""
        return {
            name: (_plain(getattr(self.old, name)), _plain(getattr(self.new, name)))
            for name in FINDING_FIELDS
            if getattr(self.old, name) != getattr(self.new, name)
        }


@dataclass
class ImportPlan:
    """What importing a workbook would change, and what stops it."""

    validation_id: str
    source: Path
    updates: list[FindingUpdate] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    applied: bool = False

    def as_dict(self) -> dict[str, Any]:
        """The plan as `--json` prints it."""
        return {
            "validation": self.validation_id,
            "file": str(self.source),
            "applied": self.applied,
            "changes": [
                {
                    "criterion": u.new.criterion,
                    "row": u.row,
                    "fields": {k: list(v) for k, v in u.changed().items()},
                }
                for u in self.updates
            ],
            "problems": [
                {"sheet": p.sheet, "row": p.row, "column": p.column, "message": p.message}
                for p in self.problems
            ],
        }


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return getattr(value, "value", value)


def worksheet_data(
    ctx: AppContext, session: ValidationSession, language: str = "en"
) -> WorksheetData:
    """What the workbook of an open validation shows, in the given language."""
    texts = worksheet_texts(language)
    translated = translations(ctx.resources, language)
    return WorksheetData(
        validation=session.validation,
        entity_name=translated.text(session.catalog.name),
        catalog=translated.translate_catalog(session.catalog),
        categories=translated.translate_categories(ctx.catalogs.categories),
        reasons=translated.translate_reasons(session.reasons),
        findings={cid: r.finding for cid, r in session.findings().items()},
        exported_at=utc_now(),
        app_version=__version__,
        texts=texts,
    )


def export_worksheet(
    ctx: AppContext, validation_id: str, target: Path, language: str = "en"
) -> ValidationSession:
    """Write the validation's worksheet to an .xlsx file, in English ("en") or Spanish ("es")."""
    from ctpat_desktop.worksheet.xlsx_export import write_worksheet

    session = ValidationSession(ctx, validation_id)
    write_worksheet(target, worksheet_data(ctx, session, language))
    return session


def plan_worksheet_import(ctx: AppContext, validation_id: str, source: Path) -> ImportPlan:
    """Read and check a workbook; nothing is changed."""
    from ctpat_desktop.worksheet.xlsx_import import read_worksheet

    session = ValidationSession(ctx, validation_id)

    def reasons_in(language: str) -> tuple[Reason, ...]:
        return translations(ctx.resources, language).translate_reasons(session.reasons)

    content = read_worksheet(source, session.catalog, reasons_in)
    sheets = content.texts
    plan = ImportPlan(session.id, source, problems=list(content.problems))
    expected_catalog = f"{session.catalog.entity} {session.catalog.version}"
    if content.validation_id != session.id:
        plan.problems.append(
            Problem(
                sheets.validation,
                None,
                None,
                f"this worksheet is for validation "
                f"{one_line(content.validation_id or '(none)')}, not {session.id}",
            )
        )
    if content.catalog != expected_catalog:
        plan.problems.append(
            Problem(
                sheets.validation,
                None,
                None,
                f"this worksheet uses catalog "
                f"{one_line(content.catalog or '(none)')}, the validation uses {expected_catalog}",
            )
        )
    if session.validation.status is Lifecycle.SIGNED:
        plan.problems.append(
            Problem(
                sheets.worksheet, None, None, "the validation is signed and locked; reopen it first"
            )
        )
    current = {cid: r.finding for cid, r in session.findings().items()}
    for row, from_sheet in content.rows:
        old = current.get(from_sheet.criterion, Finding(from_sheet.criterion))
        # What the workbook has no column for is kept as it is.
        finding = replace(
            from_sheet,
            extension_days=old.extension_days if from_sheet.status is old.status else None,
            extension_reason=old.extension_reason if from_sheet.status is old.status else "",
            response_accepted=old.response_accepted if from_sheet.status is old.status else None,
        )
        criterion = session.catalog.get(finding.criterion)
        assert criterion is not None
        try:
            checked = apply_finding_rules(
                finding,
                criterion,
                frozenset(r.code for r in session.reasons),
                session.validation.date,
                ctx.settings.response_days,
            )
        except RuleError as exc:
            plan.problems.append(
                Problem(sheets.worksheet, row, content.columns.get("status"), str(exc))
            )
            continue
        if checked != old:
            plan.updates.append(FindingUpdate(row, old, checked))
    return plan


def apply_import_plan(ctx: AppContext, plan: ImportPlan) -> None:
    """Apply a plan without problems in one transaction, with an audit event per finding."""
    if plan.problems:
        raise RuleError(f"{plan.source}: {len(plan.problems)} problems; nothing was applied")
    session = ValidationSession(ctx, plan.validation_id)
    session.replace_findings([u.new for u in plan.updates])
    plan.applied = True


def import_worksheet(
    ctx: AppContext, validation_id: str, source: Path, *, dry_run: bool = False
) -> ImportPlan:
    """Plan the import and, unless dry_run or there are problems, apply it."""
    plan = plan_worksheet_import(ctx, validation_id, source)
    if not dry_run and not plan.problems and plan.updates:
        apply_import_plan(ctx, plan)
    return plan
