"""deploy/serve.py, what `make serve` runs: nginx's configuration, and clear messages when it cannot start."""
import os
import subprocess

import pytest

from config import Config
from deploy import serve


def test_without_nginx_make_serve_says_how_to_install_it(monkeypatch):
    monkeypatch.setattr(serve, "nginx_binary", lambda: None)
    with pytest.raises(SystemExit) as stopped:
        serve.serve_behind_nginx("127.0.0.1:8000", "wsgi:app")
    assert "apt-get install nginx" in str(stopped.value)
    assert "CONSULT_PROXY=none" in str(stopped.value)


def test_nginx_takes_bodies_up_to_the_apps_own_limit(tmp_path):
    config = serve.nginx_config("127.0.0.1:8000", "unix:/run/consult.sock", tmp_path)
    assert f"client_max_body_size {Config.MAX_CONTENT_LENGTH};" in config
    assert "listen 127.0.0.1:8000;" in config
    assert "server unix:/run/consult.sock;" in config


def test_rendered_configuration_is_one_nginx_accepts(tmp_path):
    nginx = serve.nginx_binary()
    if nginx is None:
        if os.environ.get("CI"):
            pytest.fail("CI needs nginx: .ci/run installs it")
        pytest.skip("nginx is not installed (apt-get install nginx)")
    (tmp_path / "nginx.conf").write_text(serve.nginx_config("127.0.0.1:8000", "unix:/run/consult.sock", tmp_path))
    checked = subprocess.run([nginx, "-t", "-q", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"), "-e", "stderr"],
                             capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0, checked.stderr


@pytest.mark.parametrize(("bind", "listen"), [("0.0.0.0:80", "0.0.0.0:80"), ("::1:8000", "[::1]:8000"),
                                              ("[::]:8000", "[::]:8000")])
def test_listen_address_follows_gunicorns_bind(bind, listen):
    assert serve.listen_address(bind) == listen


@pytest.mark.parametrize(("given", "behind_nginx"), [(None, "1"), ("0", "1"), ("1", "2")])
def test_the_app_counts_make_serves_nginx_among_its_trusted_proxies(given, behind_nginx):
    environ = {} if given is None else {"TRUSTED_PROXIES": given}
    assert serve.trusted_proxies_behind_nginx(environ) == behind_nginx
