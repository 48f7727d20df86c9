"""Plain-language briefing texts, one file per language."""
