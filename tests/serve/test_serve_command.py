"""`mt-audit serve` on the command line: what it refuses before it starts, as one line and exit 2."""

from __future__ import annotations

import socket

import pytest

pytest.importorskip("fastapi")

from click.testing import CliRunner

from audit.cli import cli
from audit.errors import InputError
from audit.serve import bind, is_loopback

OFF = ["--retranslate", "off"]


def serve(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["serve", *args])
    return result.exit_code, result.stderr


def one_line_error(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert lines[-1].startswith("mt-audit: error: "), stderr
    assert "Traceback" not in stderr
    return lines[-1]


def test_serve_refuses_a_remote_host_without_allow_remote() -> None:
    status, stderr = serve("--host", "0.0.0.0", *OFF)
    assert status == 2
    assert "--host 0.0.0.0: not a loopback address; add --allow-remote" in one_line_error(stderr)


def test_serve_refuses_a_taken_port() -> None:
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    try:
        port = taken.getsockname()[1]
        status, stderr = serve("--port", str(port), *OFF)
    finally:
        taken.close()
    assert status == 2
    assert f"--port {port}: cannot listen on 127.0.0.1:{port}" in one_line_error(stderr)


def test_serve_refuses_half_a_certificate(tmp_path: object) -> None:
    status, stderr = serve("--ssl-certfile", __file__, *OFF)
    assert status == 2
    assert "--ssl-certfile and --ssl-keyfile go together" in one_line_error(stderr)


def test_serve_refuses_a_bad_config_before_listening() -> None:
    status, stderr = serve("--select", "Q", "--glossary", "/nonexistent/glossary.tsv", "--port", "0", *OFF)
    assert status == 2
    assert "glossary" in one_line_error(stderr)


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.0.0.2", True), ("localhost", True), ("::1", True), ("[::1]", True),
     ("0.0.0.0", False), ("192.168.1.5", False), ("::", False), ("example.org", False)],
)  # fmt: skip
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_bind_picks_a_free_port_and_names_a_bad_host() -> None:
    sock = bind("127.0.0.1", 0)
    try:
        assert sock.getsockname()[1] > 0
    finally:
        sock.close()
    with pytest.raises(InputError, match="--host no.such.host.invalid: cannot resolve it"):
        bind("no.such.host.invalid", 0)
