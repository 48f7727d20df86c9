"""The texts of removal plans and of their runs, by id, one file per language (core/messages.py)."""
