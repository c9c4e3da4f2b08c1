"""Keys kept inside the (encrypted) database, such as the evidence files' key.

Revision ID: 0007_local_keys
Revises: 0006_sync
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_local_keys"
down_revision = "0006_sync"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the local_keys table."""
    op.create_table(
        "local_keys",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("value", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    """Drop the local_keys table."""
    op.drop_table("local_keys")
