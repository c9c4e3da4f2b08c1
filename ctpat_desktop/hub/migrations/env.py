"""Alembic environment: runs on the connection the hub hands over, in batch mode."""

from alembic import context

from ctpat_desktop.hub.tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
