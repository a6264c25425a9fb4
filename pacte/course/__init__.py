"""Course data: loading, schemas and checks, question banks, citations, French formatting."""
