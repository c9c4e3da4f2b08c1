"""Side panels of the validation workspace: evidence, live session and follow-up."""
