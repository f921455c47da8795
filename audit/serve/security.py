"""The checks every request passes before it reaches the app, and the headers every response gets.

The threat model is docs/serve.md. In short: on loopback the attackers are web pages in the
user's own browser (cross-site requests, DNS rebinding) and other local users; remote, anyone
who can reach the port. So:
- the Host header must name the loopback when serving on it (a rebound domain is refused);
- a request that carries an Origin (every browser POST does) must come from this server's own
  origin, so no other site can make the user's browser call the API (no CSRF, no CORS);
- `/api/` takes `Authorization: Bearer TOKEN` when a token is set (always, when remote),
  compared in constant time; there is no cookie, so nothing is sent on the user's behalf;
- `/api/` POSTs must be `application/json` (a form or `text/plain` post is refused);
- a body larger than the limit is refused (413): by its Content-Length here, and by Starlette's
  limit, inside this guard, as its bytes arrive, whatever the client declared.
Every response is `nosniff`, never framed, never cached when from `/api/`, and has a
Content-Security-Policy allowing nothing unless the route set its own.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
API_PREFIX = "/api/"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
DEFAULT_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
RESPONSE_HEADERS = (
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
    ("x-frame-options", "DENY"),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def host_name(host: str) -> str:
    """`127.0.0.1:8765` -> `127.0.0.1`, `[::1]:8765` -> `::1`, `localhost` -> `localhost`."""
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


@dataclass(frozen=True)
class Access:
    """Who may call the API and with how much: the token (None: anyone who can connect),
    whether the server is on loopback only (then the Host header must say so), and the
    largest request body."""

    token: str | None
    loopback: bool
    max_request_bytes: int


@dataclass(frozen=True)
class Refusal:
    status: int
    detail: str
    headers: tuple[tuple[str, str], ...] = ()


class Guard:
    """ASGI middleware: refuse what `Access` does not allow; add the security headers."""

    def __init__(self, app: ASGIApp, access: Access) -> None:
        self.app = app
        self.access = access

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self.refusal(scope, Headers(scope=scope))
        if refusal is not None:
            response = JSONResponse({"detail": refusal.detail}, refusal.status, headers=dict(refusal.headers))
            await response(scope, receive, _with_headers(send, api=True))
            return
        await self.app(scope, receive, _with_headers(send, api=scope["path"].startswith(API_PREFIX)))

    def refusal(self, scope: Scope, headers: Headers) -> Refusal | None:
        host = headers.get("host", "")
        if self.access.loopback and host_name(host).lower() not in LOOPBACK_NAMES:
            return Refusal(
                400, f"Host {host!r} is not this machine's loopback; open http://127.0.0.1 with the server's port"
            )
        api = scope["path"].startswith(API_PREFIX)
        if api or scope["method"] not in SAFE_METHODS:
            origin = headers.get("origin")
            own = f"{scope.get('scheme', 'http')}://{host}"
            if origin is not None and origin != own:
                return Refusal(403, f"cross-origin request from {origin!r} refused; use the page this server serves")
            if headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
                return Refusal(403, "cross-site request refused; use the page this server serves")
        if not api:
            return None
        if self.access.token is not None and not _authorized(headers.get("authorization", ""), self.access.token):
            return Refusal(
                401,
                "missing or wrong token: send Authorization: Bearer TOKEN (the token `mt-audit serve` printed)",
                (("www-authenticate", "Bearer"),),
            )
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.access.max_request_bytes:
            return Refusal(
                413,
                f"the request is {int(declared):,} bytes; this server takes at most {self.access.max_request_bytes:,} "
                "(mt-audit serve --max-request-mb)",
            )
        if scope["method"] == "POST":
            media_type = headers.get("content-type", "").split(";", 1)[0].strip().lower()
            if media_type != "application/json":
                return Refusal(
                    415, f"send JSON (Content-Type: application/json), not {media_type or 'no content type'}"
                )
        return None


def _authorized(header: str, token: str) -> bool:
    scheme, _, given = header.partition(" ")
    return scheme.lower() == "bearer" and secrets.compare_digest(given.strip().encode(), token.encode())


def _with_headers(send: Send, *, api: bool) -> Send:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = MutableHeaders(scope=message)
            for name, value in RESPONSE_HEADERS:
                headers.setdefault(name, value)
            headers.setdefault("content-security-policy", DEFAULT_POLICY)
            if api:
                headers.setdefault("cache-control", "no-store")
        await send(message)

    return sending
