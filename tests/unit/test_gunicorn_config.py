"""make serve's gunicorn settings: one worker per core, and an access log with the path and status only."""
import datetime
import runpy
from pathlib import Path
from types import SimpleNamespace

from gunicorn.config import Config
from gunicorn.glogging import Logger, SafeAtoms

CONF = runpy.run_path(str(Path(__file__).resolve().parents[2] / "gunicorn.conf.py"))


def test_access_log_line_has_method_path_status_size_and_time_only():
    logger = Logger(Config())
    environ = {
        "REQUEST_METHOD": "POST", "PATH_INFO": "/c/survey/q/8", "QUERY_STRING": "name=Jo+Bloggs",
        "RAW_URI": "/c/survey/q/8?name=Jo+Bloggs", "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "203.0.113.9",
        "HTTP_USER_AGENT": "Phone", "HTTP_COOKIE": "session=secret",
    }
    response = SimpleNamespace(status="302 FOUND", sent=231, headers=[("Set-Cookie", "session=secret")])
    atoms = logger.atoms(response, SimpleNamespace(headers=[]), environ, datetime.timedelta(milliseconds=12))
    line = CONF["access_log_format"] % SafeAtoms(atoms)
    assert line.endswith('"POST /c/survey/q/8" 302 231 12ms')
    for private in ("Jo", "Bloggs", "203.0.113.9", "secret", "Phone"):
        assert private not in line


def test_one_worker_per_core_at_least_two():
    assert CONF["workers"] >= 2
    assert CONF["worker_class"] == "gthread"
