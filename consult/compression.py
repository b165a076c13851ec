"""Gzip for text responses: residents on weak rural signal download a third of the bytes."""
import gzip

from flask import request

COMPRESSIBLE = {"text/html", "text/css", "application/javascript", "application/json", "image/svg+xml", "text/csv"}
MIN_SIZE = 500


def init_app(app):
    @app.after_request
    def compress(response):
        # Read from the header list as it is: Werkzeug parses the content type for .mimetype and
        # raises (and catches) an exception for every header a response lacks, which together
        # cost every page about 6 µs.
        names = {}
        for name, value in response.headers.items():
            names.setdefault(name.lower(), value)
        mimetype = names.get("content-type", "").split(";", 1)[0].strip().lower()
        if (
            mimetype not in COMPRESSIBLE
            or response.status_code < 200
            or response.status_code in (204, 206, 304)
            or "content-encoding" in names
            or response.is_streamed and not response.direct_passthrough
        ):
            return response
        if "vary" in names:
            response.vary.add("Accept-Encoding")
        else:
            response.headers["Vary"] = "Accept-Encoding"  # the usual case, without parsing a header set
        # Most requests without gzip say nothing of it; the full parse (q=0 refuses) is for the rest.
        this_request = request._get_current_object()
        accepted = this_request.environ.get("HTTP_ACCEPT_ENCODING", "").lower()
        if "gzip" not in accepted and "*" not in accepted or this_request.accept_encodings["gzip"] <= 0:
            return response
        response.direct_passthrough = False
        body = response.get_data()
        if len(body) < MIN_SIZE:
            return response
        response.set_data(gzip.compress(body, compresslevel=6, mtime=0))
        response.headers["Content-Encoding"] = "gzip"
        if "etag" in names:
            # A compressed body is a different representation from the plain one.
            etag, weak = response.get_etag()
            response.set_etag(etag + "-gzip", weak=weak)
        return response
