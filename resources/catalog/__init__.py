"""Bundled catalog data; loaded with importlib.resources."""
