"""Serve the site on loopback as `make serve` does (nginx in front of gunicorn) for benchmarks and load tests."""
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare_database(url, responses=0):
    """Migrate and seed the demo into `url` (a fresh SQLite file or an emptied PostgreSQL database)."""
    env = {**os.environ, "DATABASE_URL": url, "CONSULT_ENV": "development", "SECRET_KEY": "x" * 40}
    flask = [str(Path(sys.executable).with_name("flask")), "--app", "wsgi"]
    subprocess.run([*flask, "db", "upgrade"], cwd=ROOT, env=env, check=True, capture_output=True)
    command = [*flask, "seed-demo", "--reset"] + (["--responses", str(responses)] if responses else [])
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, stdin=subprocess.DEVNULL)


@contextlib.contextmanager
def serve(app="wsgi:app", env=None, workers=None, threads=None, log=None):
    """Serve `app` as `make serve` does (deploy/serve.py: nginx in front of gunicorn) on a free
    loopback port; yields (base_url, process), the process being deploy/serve.py's.

    Workers and threads are gunicorn.conf.py's (as `make serve` runs) unless given.
    """
    port = free_port()
    options = ["--access-logfile", "/dev/null"]
    if workers:
        options += ["--workers", str(workers)]
    if threads:
        options += ["--threads", str(threads)]
    command = [sys.executable, str(ROOT / "deploy" / "serve.py"), "--bind", f"127.0.0.1:{port}", app]
    environment = {**os.environ, "CONSULT_ENV": "development", "SECRET_KEY": "x" * 40,
                   "RATELIMIT_ENABLED": "false", "MIN_COMPLETION_SECONDS": "0", "CONSULT_PROXY": "nginx",
                   "GUNICORN_CMD_ARGS": " ".join(options), **(env or {})}
    output = open(log, "w") if log else subprocess.DEVNULL
    # Its own process group, so that the stop below reaches nginx and gunicorn even if serve.py is stuck.
    process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=output, stderr=output,
                               start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120  # workers import the app at once, slowly on a busy machine
        while True:
            try:
                urllib.request.urlopen(base + "/", timeout=2).read()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"make serve's set-up did not start (see {log or 'its output'})") from None
                time.sleep(0.2)
        yield base, process
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            pass
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # anything left of the group
        process.wait()
        if log:
            output.close()


def redis_binary():
    """Debian's redis-server, or None when it is not installed."""
    return shutil.which("redis-server") or ("/usr/bin/redis-server" if os.access("/usr/bin/redis-server", os.X_OK) else None)


@contextlib.contextmanager
def redis_server(folder):
    """A throwaway Redis on a free loopback port, keeping nothing on disk; yields its URL."""
    port = free_port()
    command = [redis_binary(), "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no",
               "--dir", str(folder)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as probe:
                    probe.sendall(b"PING\r\n")
                    if probe.recv(16).startswith(b"+PONG"):
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def worker_pids(server_pid):
    """The gunicorn workers serving under `server_pid` (deploy/serve.py's process), read from /proc."""
    if b"gunicorn" in _command_line(server_pid):
        masters = [server_pid]  # CONSULT_PROXY=none: serve.py became gunicorn's master
    else:
        masters = [pid for pid in _children(server_pid) if b"gunicorn" in _command_line(pid)]
    return [worker for master in masters for worker in _children(master)]


def cpu_seconds(server_pid):
    """CPU time (user and system) of the whole server so far: nginx and gunicorn, their workers,
    and through each parent's children's times, workers that exited (gunicorn restarts each
    after max_requests)."""
    ticks = 0
    for pid in process_tree(server_pid):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # a worker that exited a moment ago
        ticks += sum(int(value) for value in fields[11:15])
    return ticks / os.sysconf("SC_CLK_TCK")


def wait_until_settled(server_pid, quiet_seconds=1.0, limit=90):
    """Wait until the server has been all but idle for `quiet_seconds` (every worker has finished
    importing the app, not only the first to answer), or `limit` seconds have passed."""
    deadline = time.monotonic() + limit
    last, quiet_since = cpu_seconds(server_pid), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.2)
        now = cpu_seconds(server_pid)
        if now - last > 0.02:  # more than the clock tick or two of idle poll loops
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since >= quiet_seconds:
            return
        last = now


def process_tree(root_pid):
    """`root_pid` and every process under it (nginx's and gunicorn's masters and workers)."""
    tree, unseen = [], [root_pid]
    while unseen:
        pid = unseen.pop()
        tree.append(pid)
        unseen += _children(pid)
    return tree


def _children(parent_pid):
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == parent_pid:
                children.append(int(entry.name))
    return children


def _command_line(pid):
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""
