"""gunicorn (and so make serve) will not start production with several workers counting rate limits apart."""
import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
GUNICORN = Path(sys.executable).with_name("gunicorn")


def test_production_with_two_workers_and_no_redis_url_refuses_to_start_and_says_why(tmp_path):
    environment = {key: value for key, value in os.environ.items()
                   if key not in {"REDIS_URL", "RATELIMIT_ENABLED", "GUNICORN_CMD_ARGS"}}
    environment.update(CONSULT_ENV="production", SECRET_KEY="f" * 16 + "9e8d7c6b5a4f3e2d1c0b", WEB_CONCURRENCY="2",
                       DATABASE_URL=f"sqlite:///{tmp_path / 'refused.db'}")
    process = subprocess.Popen([str(GUNICORN), "-c", str(ROOT / "gunicorn.conf.py"), "--bind", "127.0.0.1:0", "wsgi:app"],
                               cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True)
    try:
        output, _ = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output, _ = process.communicate()
        raise AssertionError(f"gunicorn started anyway:\n{output}") from None
    assert process.returncode == 1
    assert "Error: REDIS_URL must be set in production with 2 workers" in output
