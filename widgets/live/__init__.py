"""Live sessions: join codes, anonymous participants and their answers (storage layer)."""
