"""Alembic migrations of the desktop store."""
