"""Running the app: a socket bound here (so a taken port is one clear error), then uvicorn on it."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

from audit.errors import InputError

# How long --open waits for the server to start before giving up on the browser.
OPEN_WAIT_S = 30.0


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on host:port (port 0: any free one); InputError naming the option."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as exc:
        raise InputError(
            f"--host {host}: cannot resolve it ({exc.strerror}); give an address such as 127.0.0.1"
        ) from None
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise InputError(
            f"--port {port}: cannot listen on {host}:{port} ({exc.strerror}); choose another --port"
        ) from None
    sock.set_inheritable(True)
    return sock


def serve(
    app: Any,
    sock: socket.socket,
    *,
    certificate: tuple[str, str] | None = None,
    on_started: Callable[[], object] | None = None,
) -> None:
    """Serve `app` on `sock` until interrupted (HTTPS with `certificate`: cert file, key file);
    `on_started` runs once it accepts connections."""
    import uvicorn

    certfile, keyfile = certificate or (None, None)
    config = uvicorn.Config(
        app,
        log_level="warning",
        access_log=False,
        server_header=False,
        ssl_certfile=certfile,
        ssl_keyfile=keyfile,
        # An open browser tab keeps connections alive: Ctrl+C waits for requests, not for tabs.
        timeout_graceful_shutdown=5,
    )
    server = uvicorn.Server(config)
    if on_started is not None:
        threading.Thread(target=_when_started, args=(server, on_started), daemon=True).start()
    server.run(sockets=[sock])


def _when_started(server: Any, action: Callable[[], object]) -> None:
    deadline = time.monotonic() + OPEN_WAIT_S
    while not server.started:
        if time.monotonic() > deadline or server.should_exit:
            return
        time.sleep(0.05)
    action()
