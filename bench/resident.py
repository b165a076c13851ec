"""A simulated resident: answers the demo survey over HTTP like a browser without JavaScript.

Used by bench/submit.py (throughput) and tests/load/ (durability under faults). Standard library
only; every request has a timeout, and errors are retried on the same draft, as a person would.
"""
import html
import random
import re
import socket
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
    """One keep-alive HTTP/1.1 connection with its own cookies, as a phone's browser keeps one.

    A minimal client on a socket: http.client parses every reply's headers with the email
    package, which cost the simulated residents more CPU than some pages cost the server, on
    the same two cores. A connection the server closed (a worker restarted or killed) is opened
    again by the next request; any failure mid-reply raises ConnectionError, and the caller
    decides whether to retry.
    """

    def __init__(self, base_url, timeout=30, fallback_urls=()):
        self.servers = [_address(url) for url in (base_url, *fallback_urls)]
        (self.host, self.port), self.timeout = self.servers[0], timeout
        self.cookies = {}
        self.sock = None
        self.buffer = b""

    def request(self, path, data=None):
        """(status, headers, body text) for a GET, or a form POST when `data` is given.

        `headers` is a dict of lower-case names; Set-Cookie values are kept in self.cookies.
        """
        try:
            if self.sock is None:
                self.sock = self._connect()
                self.buffer = b""
            lines = [f"{'GET' if data is None else 'POST'} {path} HTTP/1.1", f"Host: {self.host}:{self.port}"]
            if self.cookies:
                lines.append("Cookie: " + "; ".join(f"{name}={value}" for name, value in self.cookies.items()))
            body = b""
            if data is not None:
                body = urllib.parse.urlencode(data, doseq=True).encode()
                lines += ["Content-Type: application/x-www-form-urlencoded", f"Content-Length: {len(body)}"]
            self.sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
            status, headers, content = self._read_reply()
        except Exception:
            self.close()
            raise
        if headers.get("connection", "").lower() == "close":
            self.close()
        return status, headers, content.decode(errors="replace")

    def _connect(self):
        """A connection to the server in use, or, when it refuses, to the next of `fallback_urls`
        that accepts (as a reverse proxy stops sending to an app server that has gone)."""
        for _ in range(len(self.servers)):
            try:
                return socket.create_connection((self.host, self.port), timeout=self.timeout)
            except ConnectionRefusedError:
                if len(self.servers) == 1:
                    raise
                self.servers.append(self.servers.pop(0))
                self.host, self.port = self.servers[0]
        raise ConnectionRefusedError(f"no server of {self.servers} accepts connections")

    def _read_reply(self):
        while b"\r\n\r\n" not in self.buffer:
            self._fill()
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        status = int(status_line.split(" ", 2)[1])
        headers = {}
        for line in header_lines:
            name, _, value = line.partition(":")
            name, value = name.strip().lower(), value.strip()
            if name == "set-cookie":
                self._keep_cookie(value)
            headers[name] = value
        if headers.get("transfer-encoding", "").lower() == "chunked":
            return status, headers, self._read_chunked()
        length = int(headers.get("content-length", "0"))
        while len(self.buffer) < length:
            self._fill()
        content, self.buffer = self.buffer[:length], self.buffer[length:]
        return status, headers, content

    def _read_chunked(self):
        content = b""
        while True:
            while b"\r\n" not in self.buffer:
                self._fill()
            size_line, self.buffer = self.buffer.split(b"\r\n", 1)
            size = int(size_line.split(b";")[0], 16)
            while len(self.buffer) < size + 2:
                self._fill()
            content, self.buffer = content + self.buffer[:size], self.buffer[size + 2:]
            if size == 0:
                return content

    def _fill(self):
        chunk = self.sock.recv(65536)
        if not chunk:
            raise ConnectionError("the server closed the connection mid-reply")
        self.buffer += chunk

    def _keep_cookie(self, value):
        name, _, rest = value.partition("=")
        kept = rest.split(";", 1)[0]
        if kept and "expires=thu, 01 jan 1970" not in value.lower():
            self.cookies[name.strip()] = kept
        else:
            self.cookies.pop(name.strip(), None)

    def close(self):
        if self.sock is not None:
            self.sock.close()
            self.sock = None


@dataclass
class Outcome:
    receipt: str = ""
    requests: int = 0
    errors: int = 0
    latencies: list = field(default_factory=list)


class Resident:
    """One resident with their own cookies, answering the survey at `base_url`."""

    def __init__(self, base_url, slug="community-safety-survey", seed=None, timeout=30, retries=8, fallback_urls=()):
        self.slug = slug
        self.rng = random.Random(seed)
        self.retries = retries
        self.browser = Browser(base_url, timeout=timeout, fallback_urls=fallback_urls)
        self.outcome = Outcome()
        self.csrf = ""  # the thank-you page's, for what a resident does after sending

    def _request(self, path, data=None):
        """(status, location, body), retrying connection errors and 5xx on the same draft."""
        for attempt in range(self.retries + 1):
            started = time.perf_counter()
            try:
                self.outcome.requests += 1
                status, headers, body = self.browser.request(path, data)
                location = headers.get("location")
            except (ConnectionError, TimeoutError, OSError, ValueError, IndexError):
                # Includes a reply cut off half-way when a worker dies mid-response.
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
                    self.outcome.receipt, self.csrf = form.receipt, form.csrf
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


    def ask_for_results_email(self, email):
        """After sending: give `email` on the thank-you page to be told when the results are out.
        Returns the reply's status (200 when the address was taken)."""
        try:
            status, _location, _body = self._request(f"/c/{self.slug}/results-email", {"csrf_token": self.csrf, "email": email})
            return status
        finally:
            self.browser.close()


def _address(url):
    parts = urllib.parse.urlsplit(url)
    return parts.hostname, parts.port or 80


def _local(location):
    """The path of a redirect's Location, which may be a full URL."""
    parts = urllib.parse.urlsplit(location)
    return parts.path + (f"?{parts.query}" if parts.query else "")
