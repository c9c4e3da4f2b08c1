"""The hub's migration scripts, oldest first."""
