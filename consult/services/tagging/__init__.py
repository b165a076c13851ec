"""Themes on text answers: storing the analysis, the partnership's taxonomy, and officers' tag review."""
