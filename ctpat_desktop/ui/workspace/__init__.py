"""The validation workspace: the checklist walk, the finding editor, saving with undo."""
