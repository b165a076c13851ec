"""A simulated resident: answers the demo survey over HTTP like a browser without JavaScript.

Used by bench/submit.py (throughput) and tests/load/ (durability under faults). Standard library
only; every request has a timeout, and errors are retried on the same draft, as a person would.
"""
import html
import http.client
import random
import re
import time
import urllib.parse
from dataclasses import dataclass, field

WORRIES = [
    "Boy racers on the main road every night.",
    "Drug dealing by the bus station.",
    "Teenagers drinking in the park and shouting.",
    "Fly-tipping down the back lane.",
    "I do not feel safe walking home after dark.",
]

# The pages are our own templates, so a few patterns read them: a full HTML parser cost the
# simulated residents more CPU than a survey page costs the server, on the same two cores.
_TAG = re.compile(r"<(form|input|textarea)\b([^>]*)>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.DOTALL)
_RECEIPT = re.compile(r'<strong class="[^"]*receipt[^"]*"[^>]*>(.*?)</strong>', re.DOTALL)


class _Form:
    """The page's POST form: its action, CSRF token and the choices on offer."""

    def __init__(self, page):
        self.action, self.csrf, self.radios, self.checkboxes, self.texts = None, "", [], [], []
        for tag, attributes in _TAG.findall(page):
            attrs = {name.lower(): html.unescape(value) for name, value in _ATTRIBUTE.findall(attributes)}
            tag = tag.lower()
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
        h1 = _H1.search(page)
        self.h1 = re.sub(r"<[^>]+>", "", h1.group(1)).strip() if h1 else ""
        receipt = _RECEIPT.search(page)
        self.receipt = receipt.group(1).strip() if receipt else ""


class Browser:
    """One keep-alive HTTP connection with its own cookies, as a phone's browser keeps one.

    Standard library only. A connection the server closed (a worker restarted or killed) is
    opened again by the next request; the caller decides whether to retry.
    """

    def __init__(self, base_url, timeout=30):
        parts = urllib.parse.urlsplit(base_url)
        self.host, self.port, self.timeout = parts.hostname, parts.port or 80, timeout
        self.cookies = {}
        self.connection = None

    def request(self, path, data=None):
        """(status, headers, body text) for a GET, or a form POST when `data` is given."""
        if self.connection is None:
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.connection.request("POST" if data is not None else "GET", path, body=body, headers=headers)
            reply = self.connection.getresponse()
            text = reply.read().decode(errors="replace")
        except Exception:
            self.close()
            raise
        for cookie in reply.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            value = rest.split(";", 1)[0]
            if value and "expires=thu, 01 jan 1970" not in cookie.lower():
                self.cookies[name.strip()] = value
            else:
                self.cookies.pop(name.strip(), None)
        if reply.will_close:
            self.close()
        return reply.status, reply.headers, text

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None


@dataclass
class Outcome:
    receipt: str = ""
    requests: int = 0
    errors: int = 0
    latencies: list = field(default_factory=list)


class Resident:
    """One resident with their own cookies, answering the survey at `base_url`."""

    def __init__(self, base_url, slug="community-safety-survey", seed=None, timeout=30, retries=8):
        self.slug = slug
        self.rng = random.Random(seed)
        self.retries = retries
        self.browser = Browser(base_url, timeout=timeout)
        self.outcome = Outcome()

    def _request(self, path, data=None):
        """(status, location, body), retrying connection errors and 5xx on the same draft."""
        for attempt in range(self.retries + 1):
            started = time.perf_counter()
            try:
                self.outcome.requests += 1
                status, headers, body = self.browser.request(path, data)
                location = headers.get("Location")
            except (http.client.HTTPException, ConnectionError, TimeoutError, OSError):
                # Includes a reply cut off half-way (IncompleteRead) when a worker dies mid-response.
                status, location, body = 599, None, ""
            self.outcome.latencies.append(time.perf_counter() - started)
            if status < 500 and status != 429:
                return status, location, body
            self.outcome.errors += 1
            time.sleep(min(2.0, 0.1 * 2**attempt) * (0.5 + self.rng.random()))
        raise RuntimeError(f"{path} kept failing ({status}) after {self.retries} retries")

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
        try:
            for _ in range(40):
                status, location, body = self._request(path)
                if status in (301, 302, 303):
                    path = _local(location)
                    continue
                form = _Form(body)
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
                path = _local(location)
            raise RuntimeError("the survey did not finish in 40 steps")
        finally:
            self.browser.close()


def _local(location):
    """The path of a redirect's Location, which may be a full URL."""
    parts = urllib.parse.urlsplit(location)
    return parts.path + (f"?{parts.query}" if parts.query else "")
