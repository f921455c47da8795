"""`mt-audit serve`: the translator's workspace in a browser, and a JSON API, on the CLI's pipeline.

It sits at the end of the data flow, beside `audit.report`: it reads requests with the CLI's
readers, audits them with the CLI's `Auditor` and config, fixes them with `audit.fix`, and
answers with the CLI's reporters and the HTML report's templates and script. Needs the
`serve` extra (FastAPI, uvicorn). The threat model is in docs/serve.md.
"""

from __future__ import annotations

from audit.serve.app import create_app
from audit.serve.security import Access, new_token
from audit.serve.server import bind, is_loopback, serve
from audit.serve.service import AuditService, RetranslationQueue, Startup

__all__ = [
    "Access",
    "AuditService",
    "RetranslationQueue",
    "Startup",
    "bind",
    "create_app",
    "is_loopback",
    "new_token",
    "serve",
]
