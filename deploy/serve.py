"""`make serve`: gunicorn on a unix socket behind nginx on HOST:PORT, started and stopped together.

nginx (deploy/nginx.conf) reads each request whole before gunicorn sees it, so a client that
sends slowly or stalls holds a little of nginx's memory instead of one of gunicorn's few
threads. CONSULT_PROXY=none runs gunicorn alone on HOST:PORT, for a site behind its own nginx.

Run: .venv/bin/python deploy/serve.py [--bind HOST:PORT] [APP]   (APP defaults to wsgi:app)
"""
import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jinja2 import Environment, FileSystemLoader, StrictUndefined  # noqa: E402

from config import Config  # noqa: E402

GUNICORN = Path(sys.executable).with_name("gunicorn")
NGINX_MISSING = (
    "make serve runs nginx in front of gunicorn, and nginx is not installed.\n"
    "Install it with: apt-get install nginx   (Debian or Ubuntu; as root)\n"
    "Or run gunicorn alone behind your own proxy: CONSULT_PROXY=none make serve (README: Serving in production)."
)
STARTUP_SECONDS = 60
STOP_SECONDS = 25


def nginx_binary():
    """nginx's path, or None. Debian puts it in /usr/sbin, which is not on every user's PATH."""
    found = shutil.which("nginx")
    if found:
        return found
    return "/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None


def listen_address(bind):
    """nginx's `listen` value for gunicorn-style HOST:PORT (an IPv6 host gets its brackets)."""
    host, _, port = bind.rpartition(":")
    if not host or not port.isdigit():
        raise SystemExit(f"--bind must be HOST:PORT, not {bind!r}")
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"{host}:{port}"


def nginx_config(listen, upstream, runtime):
    """deploy/nginx.conf filled in: listening on `listen`, passing to `upstream`, files in `runtime`."""
    templates = Environment(loader=FileSystemLoader(ROOT / "deploy"), undefined=StrictUndefined,
                            keep_trailing_newline=True, autoescape=False)  # nosec B701: not HTML
    return templates.get_template("nginx.conf").render(
        listen=listen, upstream=upstream, runtime=runtime, max_body_size=Config.MAX_CONTENT_LENGTH, pages=ROOT / "deploy",
    )


def trusted_proxies_behind_nginx(environ):
    """TRUSTED_PROXIES for the app behind our nginx: the proxies in front of make serve, plus ours."""
    value = environ.get("TRUSTED_PROXIES", "").strip() or "0"
    if not value.isdigit():
        raise SystemExit(f"TRUSTED_PROXIES must be a whole number, not {value!r}")
    return str(int(value) + 1)


def _wait_for_socket(path, process):
    deadline = time.monotonic() + STARTUP_SECONDS
    while process.poll() is None and time.monotonic() < deadline:
        try:
            with socket.socket(socket.AF_UNIX) as probe:
                probe.connect(str(path))
            return True
        except OSError:
            time.sleep(0.1)
    return False


def _stop(process, first_signal):
    if process is None or process.poll() is not None:
        return
    process.send_signal(first_signal)
    try:
        process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def serve_behind_nginx(bind, app):
    """Run gunicorn and nginx until a signal (exit 0) or until either stops by itself (exit 1)."""
    nginx = nginx_binary()
    if nginx is None:
        raise SystemExit(NGINX_MISSING)
    environment = {**os.environ, "TRUSTED_PROXIES": trusted_proxies_behind_nginx(os.environ)}
    stopping = []

    def stop_on(signum, _frame):
        stopping.append(signum)

    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, stop_on)
    runtime = Path(tempfile.mkdtemp(prefix="consult-serve-"))
    # As root, nginx's workers run as nobody: they must reach the socket and their temp folders.
    runtime.chmod(0o755)
    app_server = proxy = None
    try:
        upstream = runtime / "gunicorn.sock"
        app_server = subprocess.Popen([str(GUNICORN), "-c", str(ROOT / "gunicorn.conf.py"),
                                       "--bind", f"unix:{upstream}", app], cwd=ROOT, env=environment)
        if not _wait_for_socket(upstream, app_server):
            print("make serve: gunicorn did not start (its messages are above)", file=sys.stderr)
            return 1
        config = runtime / "nginx.conf"
        config.write_text(nginx_config(listen_address(bind), f"unix:{upstream}", runtime))
        proxy = subprocess.Popen([nginx, "-p", str(runtime), "-c", str(config), "-e", "stderr"], cwd=runtime)
        print(f"make serve: http://{bind} (nginx, passing to gunicorn on {upstream})", flush=True)
        while not stopping:
            for name, process in (("gunicorn", app_server), ("nginx", proxy)):
                if process.poll() is not None:
                    print(f"make serve: {name} stopped (exit {process.returncode}), so the other stops too",
                          file=sys.stderr)
                    return 1
            time.sleep(0.2)
        return 0
    finally:
        # nginx first, so it finishes what it has in hand before gunicorn goes.
        _stop(proxy, signal.SIGQUIT)
        _stop(app_server, signal.SIGTERM)
        shutil.rmtree(runtime, ignore_errors=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
    parser.add_argument("--bind", default=default_bind, help="HOST:PORT to serve on (default: $HOST:$PORT)")
    parser.add_argument("app", nargs="?", default="wsgi:app", help="the WSGI app (default: wsgi:app)")
    args = parser.parse_args(argv)
    proxy = os.environ.get("CONSULT_PROXY", "nginx").strip().lower()
    if proxy == "none":
        command = [str(GUNICORN), "-c", str(ROOT / "gunicorn.conf.py"), "--bind", args.bind, args.app]
        os.chdir(ROOT)
        os.execv(command[0], command)
    if proxy != "nginx":
        raise SystemExit(f"CONSULT_PROXY must be nginx or none, not {proxy!r}")
    return serve_behind_nginx(args.bind, args.app)


if __name__ == "__main__":
    sys.exit(main())
