"""Ed25519 public keys that may sign catalog and briefing updates."""
