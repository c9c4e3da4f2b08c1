"""Documents signed after an issued report: renditions of it in the other language and
follow-up letters to the member, each a record written once (sync/letter_rules.py).

New tables: existing data folders start with neither.

Revision ID: 0015_renditions_letters
Revises: 0014_feedback
"""

import sqlalchemy as sa
from alembic import op

revision = "0015_renditions_letters"
down_revision = "0014_feedback"
branch_labels = None
depends_on = None


def _signed_columns(table: str) -> list[sa.Column[object]]:
    """Columns both tables share: the validation, the version followed, the signed file."""
    return [
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column(
            "validation_id",
            sa.String(36),
            sa.ForeignKey("validations.id", name=f"fk_{table}_validation_id_validations"),
            nullable=False,
        ),
        sa.Column("report_version", sa.Integer, nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("signer", sa.String(200), nullable=False),
        sa.Column("signed_at", sa.String(32), nullable=False),
        sa.Column("file_name", sa.String(255), nullable=False),
    ]


def upgrade() -> None:
    """Create renditions and letters."""
    op.create_table(
        "renditions",
        *_signed_columns("renditions"),
        sa.Column("original_language", sa.String(8), nullable=False),
        sa.Column("original_sha256", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_renditions"),
        sa.UniqueConstraint(
            "validation_id", "report_version", "language", name="uq_renditions_validation_id"
        ),
    )
    op.create_index("ix_renditions_validation_id", "renditions", ["validation_id"])
    op.create_table(
        "letters",
        *_signed_columns("letters"),
        sa.Column("report_sha256", sa.String(64), nullable=False),
        sa.Column("letter_type", sa.String(16), nullable=False),
        sa.Column("open_actions", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_letters"),
    )
    op.create_index("ix_letters_validation_id", "letters", ["validation_id"])


def downgrade() -> None:
    """Drop renditions and letters."""
    op.drop_index("ix_letters_validation_id", "letters")
    op.drop_table("letters")
    op.drop_index("ix_renditions_validation_id", "renditions")
    op.drop_table("renditions")
