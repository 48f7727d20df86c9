"""What the ban means and what to use instead: facts, briefing, catalog, recommendations, signed updates."""
