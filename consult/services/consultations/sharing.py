"""Sharing a consultation: its public address, and a QR code as SVG or PNG made in Python (segno)."""
import io

import segno


def public_url(path, address_here, public_base_url=""):
    """The absolute address residents open: `path` on `public_base_url` (PUBLIC_BASE_URL) when one is
    set, so posters printed from an internal address still point at the public site, or else
    `address_here`, the address on the host the officer is using."""
    base = (public_base_url or "").rstrip("/")
    return base + path if base else address_here


def short_url(url):
    """The address as people type it: no scheme, no 'www.'."""
    text = url.split("://", 1)[-1]
    return text.removeprefix("www.")


def _qr(url):
    # Level M survives a smudged or folded poster and keeps the code small enough to scan.
    return segno.make(url, error="m", micro=False)


def qr_svg(url, title=""):
    """An SVG QR code that scales to any size, with a title for screen readers."""
    buffer = io.BytesIO()
    _qr(url).save(buffer, kind="svg", scale=10, border=4, xmldecl=False, svgns=True, title=title or url, nl=False)
    return buffer.getvalue()


def qr_png(url, scale=12):
    """A PNG QR code, for documents and social media; about 500 pixels square."""
    buffer = io.BytesIO()
    _qr(url).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()
