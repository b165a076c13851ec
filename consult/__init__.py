"""Consult: a community consultation and survey platform."""
