"""Switchover's core: detection, briefing, plans, execution and reports, with no Qt."""

__version__ = "0.1.0"
# The project's reverse-DNS prefix: the app id (packaging/release.py), the polkit action, the macOS
# launch agent. A placeholder (the project has no domain of its own yet): set it before the first
# release, here only (docs/packaging.md, "Before a release").
REVERSE_DOMAIN = "org.switchover"
