"""Sync in the GUI: status, Sync now, hub login and conflict resolution."""
