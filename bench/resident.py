"""A simulated resident: answers the demo survey over HTTP like a browser without JavaScript.

Used by bench/submit.py (throughput) and tests/load/ (durability under faults). Standard library
only; every request has a timeout, and errors are retried on the same draft, as a person would.
"""
import http.client
import http.cookiejar
import random
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser

WORRIES = [
    "Boy racers on the main road every night.",
    "Drug dealing by the bus station.",
    "Teenagers drinking in the park and shouting.",
    "Fly-tipping down the back lane.",
    "I do not feel safe walking home after dark.",
]


class _Form(HTMLParser):
    """The page's POST form: its action, CSRF token and the choices on offer."""

    def __init__(self):
        super().__init__()
        self.action, self.csrf, self.radios, self.checkboxes, self.texts = None, "", [], [], []
        self.h1, self._in_h1, self.receipt, self._in_receipt = "", False, "", False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "").lower() == "post":
            self.action = attrs.get("action")
        elif tag == "input" and attrs.get("name") == "csrf_token":
            self.csrf = attrs.get("value", "")
        elif tag == "input" and attrs.get("type") == "radio":
            self.radios.append((attrs["name"], attrs["value"]))
        elif tag == "input" and attrs.get("type") == "checkbox":
            self.checkboxes.append((attrs["name"], attrs["value"]))
        elif tag == "textarea" or (tag == "input" and attrs.get("type") == "text" and attrs.get("name") != "website"):
            self.texts.append(attrs["name"])
        elif tag == "h1":
            self._in_h1 = True
        elif tag == "strong" and "receipt" in (attrs.get("class") or ""):
            self._in_receipt = True

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False
        if tag == "strong":
            self._in_receipt = False

    def handle_data(self, data):
        if self._in_h1:
            self.h1 += data
        if self._in_receipt:
            self.receipt += data.strip()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@dataclass
class Outcome:
    receipt: str = ""
    requests: int = 0
    errors: int = 0
    latencies: list = field(default_factory=list)


class Resident:
    """One resident with their own cookies, answering the survey at `base_url`."""

    def __init__(self, base_url, slug="community-safety-survey", seed=None, timeout=30, retries=8):
        self.base = base_url.rstrip("/")
        self.slug = slug
        self.rng = random.Random(seed)
        self.timeout = timeout
        self.retries = retries
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect()
        )
        self.outcome = Outcome()

    def _request(self, path, data=None):
        """(status, location, body), retrying connection errors and 5xx on the same draft."""
        url = path if path.startswith("http") else self.base + path
        encoded = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        for attempt in range(self.retries + 1):
            started = time.perf_counter()
            try:
                self.outcome.requests += 1
                with self.opener.open(urllib.request.Request(url, data=encoded), timeout=self.timeout) as reply:
                    body = reply.read().decode()
                    status, location = reply.status, reply.headers.get("Location")
            except urllib.error.HTTPError as error:
                status, location, body = error.code, error.headers.get("Location"), error.read().decode(errors="replace")
            except (urllib.error.URLError, http.client.HTTPException, ConnectionError, TimeoutError, OSError):
                # Includes a reply cut off half-way (IncompleteRead) when a worker dies mid-response.
                status, location, body = 599, None, ""
            self.outcome.latencies.append(time.perf_counter() - started)
            if status < 500 and status != 429:
                return status, location, body
            self.outcome.errors += 1
            time.sleep(min(2.0, 0.1 * 2**attempt) * (0.5 + self.rng.random()))
        raise RuntimeError(f"{url} kept failing ({status}) after {self.retries} retries")

    def _answer(self, form):
        data = {"csrf_token": form.csrf}
        if form.radios:
            name, value = self.rng.choice(form.radios)
            data[name] = value
        if form.checkboxes:
            name, value = self.rng.choice(form.checkboxes[:-1] or form.checkboxes)
            data[name] = value
        for name in form.texts:
            if name == "answer":
                data[name] = self.rng.choice(WORRIES)
        return data

    def complete_survey(self):
        """Answer every question and submit; returns the Outcome with the receipt code."""
        path = f"/c/{self.slug}/q/1"
        for _ in range(40):
            status, location, body = self._request(path)
            if status in (301, 302, 303):
                path = location
                continue
            form = _Form()
            form.feed(body)
            if form.receipt:
                self.outcome.receipt = form.receipt
                return self.outcome
            if form.action is None:
                raise RuntimeError(f"{path}: no form on a {status} page titled {form.h1!r}")
            data = self._answer(form) if "/q/" in path else {"csrf_token": form.csrf}
            status, location, body = self._request(form.action, data)
            if status not in (302, 303):
                # A validation message (e.g. a choice that needed another answer): try the page again.
                continue
            path = location
        raise RuntimeError("the survey did not finish in 40 steps")
