"""Start gunicorn on loopback for benchmarks and load tests, and stop it cleanly afterwards."""
import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUNICORN = Path(sys.executable).with_name("gunicorn")


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
def gunicorn(app="wsgi:app", env=None, workers=None, threads=None, log=None):
    """Serve `app` with the repo's gunicorn.conf.py on a free loopback port; yields (base_url, process).

    Workers and threads are the config's (as `make serve` runs) unless given.
    """
    port = free_port()
    command = [str(GUNICORN), "-c", str(ROOT / "gunicorn.conf.py"), "--bind", f"127.0.0.1:{port}"]
    if workers:
        command += ["--workers", str(workers)]
    if threads:
        command += ["--threads", str(threads)]
    command += ["--access-logfile", "/dev/null", app]
    environment = {**os.environ, "CONSULT_ENV": "development", "SECRET_KEY": "x" * 40,
                   "RATELIMIT_ENABLED": "false", "MIN_COMPLETION_SECONDS": "0", **(env or {})}
    output = open(log, "w") if log else subprocess.DEVNULL
    process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=output, stderr=output,
                               start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(base + "/", timeout=2).read()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn did not start (see {log or 'its output'})") from None
                time.sleep(0.2)
        yield base, process
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        if log:
            output.close()


def worker_pids(master_pid):
    """The gunicorn workers under `master_pid`, read from /proc."""
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == master_pid:
                children.append(int(entry.name))
    return children
