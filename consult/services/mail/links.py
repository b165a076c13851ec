"""Absolute links for e-mails, which are read away from the site."""
from flask import current_app, has_request_context, request

FALLBACK = "http://localhost:5000"


def absolute(path):
    """`path` on PUBLIC_BASE_URL, or on the host of the request being handled, or localhost (a
    command run without PUBLIC_BASE_URL set)."""
    base = current_app.config.get("PUBLIC_BASE_URL")
    if not base and has_request_context():
        # The one place a service looks at the request: a link must name the host people use.
        base = request.host_url
    return (base or FALLBACK).rstrip("/") + path
