"""The demo partnership: its areas, surveys, staff accounts and synthetic responses."""
