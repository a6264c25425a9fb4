"""Live sessions: the answer protocol, validation, the store, the HTTP API and the aggregates."""
