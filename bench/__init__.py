"""`make bench`: measurements written to docs/PERFORMANCE.md (a report, never a test)."""
