"""Switchover's core: detection, briefing, plans, execution and reports, with no Qt."""

__version__ = "0.1.0"
