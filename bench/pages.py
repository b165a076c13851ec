"""Page weight: bytes and requests for the first question page, as served (gzip), against the target.

Run: .venv/bin/python bench/pages.py   (target: at most 15 KB and 3 requests, no JavaScript needed)
"""
import gzip
import os
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("CONSULT_ENV", "testing")

from flask_migrate import upgrade  # noqa: E402

from consult import create_app  # noqa: E402
from consult.services.demo.seed import seed_demo  # noqa: E402

TARGET_BYTES = 15 * 1024
TARGET_REQUESTS = 3


class Subresources(HTMLParser):
    """Everything a browser would fetch to show the page: stylesheets, scripts, images, icons."""

    def __init__(self):
        super().__init__()
        self.urls, self.scripts = [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts += 1
            if attrs.get("src"):
                self.urls.append(attrs["src"])
        elif tag == "link" and attrs.get("rel") in ("stylesheet", "icon", "preload") and not attrs.get("href", "").startswith("data:"):
            self.urls.append(attrs["href"])
        elif tag in ("img", "source", "iframe") and attrs.get("src") and not attrs["src"].startswith("data:"):
            self.urls.append(attrs["src"])


def measure(client, path):
    rows = []
    page = client.get(path, headers={"Accept-Encoding": "gzip"})
    html = gzip.decompress(page.data) if page.headers.get("Content-Encoding") == "gzip" else page.data
    rows.append((path, len(page.data), len(html)))
    found = Subresources()
    found.feed(html.decode())
    for url in found.urls:
        asset = client.get(url, headers={"Accept-Encoding": "gzip"})
        plain = gzip.decompress(asset.data) if asset.headers.get("Content-Encoding") == "gzip" else asset.data
        rows.append((url, len(asset.data), len(plain)))
    return rows, found.scripts


def main():
    with tempfile.TemporaryDirectory() as folder:
        app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/pages.db"})
        with app.app_context():
            upgrade()
            seed_demo()
            client = app.test_client()
            for path in ("/c/community-safety-survey/q/1", "/c/community-safety-survey/q/8", "/"):
                rows, scripts = measure(client, path)
                total = sum(sent for _url, sent, _plain in rows)
                print(f"\n{path}")
                print(f"  {'resource':<52}{'gzip bytes':>12}{'plain bytes':>13}")
                for url, sent, plain in rows:
                    print(f"  {url[:52]:<52}{sent:>12,}{plain:>13,}")
                verdict = "meets" if total <= TARGET_BYTES and len(rows) <= TARGET_REQUESTS else "MISSES"
                print(f"  total {total:,} bytes in {len(rows)} requests, {scripts} scripts: {verdict} the target "
                      f"({TARGET_BYTES:,} bytes, {TARGET_REQUESTS} requests)")


if __name__ == "__main__":
    main()
