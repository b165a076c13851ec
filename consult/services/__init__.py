"""Use cases: every write to the database happens in a function of this package."""
