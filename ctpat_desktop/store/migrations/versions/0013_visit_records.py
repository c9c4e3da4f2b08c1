"""The records around the checklist: sites, document requests, participants with roles,
interviews, the tour log, the team (co-SCSSs), the site of a finding, the proposed outcome
and its decision.

New tables only: existing data folders start with none of them, and a validation's
participants stay the names it had until its first participant record is made
(services/visit.py). The columns are written out here as they were at this revision; the
declarations (records/kinds.py) describe the current ones, and a test checks that the
migrations produce exactly those.

Revision ID: 0013_visit_records
Revises: 0012_followups
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_visit_records"
down_revision = "0012_followups"
branch_labels = None
depends_on = None

_TABLES = (
    "visit_sites",
    "visit_participants",
    "visit_team",
    "visit_document_requests",
    "visit_interviews",
    "visit_tour_stops",
    "visit_finding_sites",
    "visit_outcomes",
    "visit_decisions",
)


def _text(name: str, length: int | None = None, default: str = "") -> sa.Column[object]:
    kind = sa.String(length) if length else sa.Text()
    return sa.Column(name, kind, nullable=False, server_default=default)


def _optional(name: str, length: int) -> sa.Column[object]:
    return sa.Column(name, sa.String(length), nullable=True)


def _create(table: str, *columns: sa.Column[object]) -> None:
    op.create_table(
        table,
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column(
            "validation_id",
            sa.String(36),
            sa.ForeignKey("validations.id", name=f"fk_{table}_validation_id_validations"),
            nullable=False,
        ),
        *columns,
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("updated_by", sa.String(120), nullable=False),
        sa.Column("rev", sa.Integer, nullable=False, server_default="1"),
        sa.Column("server_seq", sa.Integer, nullable=True),
        sa.Column("deleted", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
    )
    op.create_index(f"ix_{table}_validation_id", table, ["validation_id"])


def upgrade() -> None:
    """Create the visit's tables."""
    _create(
        "visit_sites",
        _text("name", 200),
        _text("type", 16),
        _text("address"),
        _text("country", 2),
    )
    _create(
        "visit_participants",
        _text("name", 200),
        _text("role", 200),
        _text("organisation", 16, "member"),
        _text("days", default="[]"),
    )
    _create("visit_team", _text("name", 120), _text("role", 16))
    _create(
        "visit_document_requests",
        _text("what"),
        _optional("requested_on", 10),
        _optional("received_on", 10),
        _optional("evidence_id", 36),
    )
    _create(
        "visit_interviews",
        _text("topic", 200),
        _optional("participant_id", 36),
        _optional("held_at", 16),
        _text("notes"),
    )
    _create(
        "visit_tour_stops",
        _text("area", 200),
        _optional("at", 16),
        _optional("site_id", 36),
        _optional("evidence_id", 36),
        _text("note"),
    )
    _create("visit_finding_sites", _text("criterion", 8), _optional("site_id", 36))
    _create("visit_outcomes", _text("result", 32), _text("reason"))
    _create(
        "visit_decisions",
        _text("decision", 16),
        _text("result", 32),
        _optional("decided_on", 10),
        _text("note"),
    )


def downgrade() -> None:
    """Drop the visit's tables."""
    for table in reversed(_TABLES):
        op.drop_index(f"ix_{table}_validation_id", table)
        op.drop_table(table)
