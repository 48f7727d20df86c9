"""Bundled briefing data; loaded with importlib.resources."""
