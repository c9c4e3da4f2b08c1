"""List the data folder's automatic backups and restore one (undoably)."""

from typing import Any

from ctpat_desktop.app import AppContext
from ctpat_desktop.store import backups
from ctpat_desktop.store.keys import load_key


def list_backups(ctx: AppContext, *, check: bool = False) -> list[dict[str, Any]]:
    """Each backup, newest first: name, created, size, validations (None if unreadable).

    With check, every backup is also read whole (integrity check), which takes longer;
    "problem" then says which ones could not be restored.
    """
    key = load_key(ctx.data_dir, ctx.ask)
    rows = []
    for info in backups.list_backups(ctx.data_dir):
        row: dict[str, Any] = {
            "name": info.name,
            "created": info.created.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "size": info.size,
            "before_restore": info.before_restore,
            "validations": None,
            "problem": None,
        }
        try:
            if check:
                backups.check_backup(info.path, key)
            row["validations"] = backups.validations_in(info.path, key)
        except backups.BackupError as exc:
            row["problem"] = str(exc)
        rows.append(row)
    return rows


def restore_backup(ctx: AppContext, name: str) -> dict[str, Any]:
    """Close the store, put backup `name` in place of the database, say where the old one is.

    Evidence files the backup refers to but the evidence folder lacks are listed under
    "missing_evidence" (the restore still happens: the database is whole without them).
    """
    # The key comes from the key settings, not the open store: a restore is often needed
    # because the live database no longer opens.
    key = load_key(ctx.data_dir, ctx.ask)
    ctx.close()
    safety = backups.restore(ctx.data_dir, key, name)
    missing = backups.missing_evidence(ctx.data_dir, key, name)
    return {
        "restored": name,
        "safety_copy": str(safety) if safety is not None else None,
        "missing_evidence": missing,
    }
