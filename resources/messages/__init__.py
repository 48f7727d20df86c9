"""Translations of the sentences core builds, one file per language (core/messages.py)."""
