"""make serve's set-up keeps answering while slow clients hold connections open (issue 15).

Fifty sockets each start a 200,000-byte answer, send two bytes and wait; against gunicorn alone
they hold every worker thread and a normal page times out. Run by `make load-test`; loopback
only, and every socket is closed before the server is stopped.
"""
import contextlib
import gzip
import socket
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from bench.serving import prepare_database, serve, wait_until_settled
from config import Config

pytestmark = pytest.mark.load
SLOW_UPLOADS = 50
SLOW_UPLOAD = (
    b"POST /c/community-safety-survey/q/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 200000\r\n\r\nab"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("slow-clients")
    url = f"sqlite:///{folder / 'slow.db'}"
    prepare_database(url)
    with serve(env={"DATABASE_URL": url}, log=folder / "serve.log") as (base, process):
        # As in production: all workers up. One still starting would take the page while the
        # others hold the uploads, and gunicorn alone would pass by luck.
        wait_until_settled(process.pid)
        yield base


@contextlib.contextmanager
def slow_uploads(base, count):
    """`count` connections, each two bytes into a 200,000-byte answer and then silent."""
    parts = urllib.parse.urlsplit(base)
    sockets = []
    try:
        for _ in range(count):
            connection = socket.create_connection((parts.hostname, parts.port), timeout=5)
            sockets.append(connection)
            connection.sendall(SLOW_UPLOAD)
        time.sleep(1)  # long enough for the server to hand each one to whatever will read its body
        yield
    finally:
        for connection in sockets:
            connection.close()


def _get(base, path, headers=None, timeout=5):
    """(status, headers, body, seconds) for a GET; a timeout counts as the whole `timeout`."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(urllib.request.Request(base + path, headers=headers or {}), timeout=timeout) as reply:
            return reply.status, reply.headers, reply.read(), time.monotonic() - started
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read(), time.monotonic() - started
    except (TimeoutError, urllib.error.URLError):
        return None, {}, b"", timeout


def test_a_normal_page_answers_within_a_second_while_fifty_uploads_stall(site):
    with slow_uploads(site, SLOW_UPLOADS):
        status, _headers, body, seconds = _get(site, "/privacy")
    assert seconds < 1.0, f"/privacy took {seconds:.2f} s (or timed out) with {SLOW_UPLOADS} stalled uploads open"
    assert status == 200 and b"<h1" in body


def test_pages_are_sent_compressed(site):
    status, headers, body, _seconds = _get(site, "/privacy", {"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert b"<h1" in gzip.decompress(body)


def test_a_clients_own_forwarded_scheme_and_request_id_are_not_believed(site):
    status, headers, _body, _seconds = _get(
        site, "/privacy", {"X-Forwarded-Proto": "https", "X-Forwarded-Ssl": "on", "X-Request-ID": "chosen-by-client"},
    )
    assert status == 200
    assert "Strict-Transport-Security" not in headers  # the app still knows the request came over http
    assert headers["X-Request-ID"] != "chosen-by-client"


def test_an_answer_larger_than_the_apps_limit_is_refused_before_the_app_in_plain_words(site):
    parts = urllib.parse.urlsplit(site)
    with socket.create_connection((parts.hostname, parts.port), timeout=5) as connection:
        connection.sendall(
            b"POST /c/community-safety-survey/q/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            + f"Content-Length: {Config.MAX_CONTENT_LENGTH + 1}\r\n\r\n".encode()
        )
        reply = b""
        # nginx keeps the connection a moment to drain the body never sent: read the page only.
        while b"</html>" not in reply and (chunk := connection.recv(4096)):
            reply += chunk
    assert reply.startswith(b"HTTP/1.1 413")
    assert b"Your answer is too long to send" in reply and b"Nothing you saved before has been lost" in reply
