"""The partnership's own settings, edited by admins."""
