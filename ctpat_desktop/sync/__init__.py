"""Offline sync: the wire protocol, the client, the local sync state and bundle files."""
