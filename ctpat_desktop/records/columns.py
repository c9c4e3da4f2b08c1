"""A declared kind's table as SQLAlchemy columns (store/tables.py; migrations must match)."""

from typing import Any

import sqlalchemy as sa

from ctpat_desktop.records.declare import Declaration, Field, Type

_UUID = sa.String(36)
_STAMP = sa.String(32)


def field_column(f: Field) -> "sa.Column[object]":
    """The column of one declared field."""
    if f.type is Type.TEXT:
        kind: sa.types.TypeEngine[Any] = (
            sa.String(f.max_length) if f.max_length <= 255 and not f.multiline else sa.Text()
        )
        if f.nullable:
            return sa.Column(f.name, kind, nullable=True)
        return sa.Column(f.name, kind, nullable=False, server_default=f.empty())
    if f.type in (Type.DATES, Type.CODES, Type.NAMES):
        return sa.Column(f.name, sa.Text, nullable=False, server_default="[]")
    types: dict[Type, sa.types.TypeEngine[Any]] = {
        Type.INT: sa.Integer(),
        Type.BOOL: sa.Boolean(),
        Type.DATE: sa.String(10),
        Type.MOMENT: sa.String(16),
        Type.REF: _UUID,
    }
    if f.nullable:
        return sa.Column(f.name, types[f.type], nullable=True)
    default = f.empty()
    server_default = (sa.true() if default else sa.false()) if f.type is Type.BOOL else str(default)
    return sa.Column(f.name, types[f.type], nullable=False, server_default=server_default)


def field_columns(kind: Declaration) -> list["sa.Column[object]"]:
    """A column for each declared field (the finding's table adds its own around them)."""
    return [field_column(f) for f in kind.fields]


def table_columns(kind: Declaration) -> list["sa.Column[object]"]:
    """id, the validation, each field, who changed it last and when, and sync's columns."""
    return [
        sa.Column("id", _UUID, primary_key=True),
        sa.Column(kind.scope, _UUID, sa.ForeignKey("validations.id"), nullable=False, index=True),
        *field_columns(kind),
        sa.Column("updated_at", _STAMP, nullable=False),
        sa.Column("updated_by", sa.String(120), nullable=False),
        sa.Column("rev", sa.Integer, nullable=False, server_default="1"),
        sa.Column("server_seq", sa.Integer, nullable=True),
        sa.Column("deleted", sa.Boolean, nullable=False, server_default=sa.false()),
    ]
