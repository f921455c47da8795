"""The FastAPI app: the workspace page, the JSON API and its OpenAPI docs.

Routes (all POSTs take and give JSON; see /docs):
- `GET /`: the workspace page; `GET /docs`: Swagger UI, served from the package, offline;
- `POST /api/audit`: the `mt-audit check --format json` report;
- `POST /api/fix`: one finding's suggestion, or every unambiguous fix (`mt-audit fix`);
- `POST /api/report?format=sarif`: the report in any CLI format, as a file to download;
- `POST /api/read`: an uploaded file's documents, read by the CLI's readers;
- `POST /api/workspace`: the page's view: the JSON report and the report's panels.

The endpoints are plain functions, so Starlette runs them in its thread pool: one slow
audit never stalls the others, and model re-translation waits in `RetranslationQueue`.
Errors are one line in `{"detail": ...}`: 400 malformed JSON, 401 token, 403 origin,
409 a finding that is gone, 413 too large, 415 not JSON, 422 invalid (unknown fields
included), 503 re-translation queue full.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.body_limit import RequestBodyLimitMiddleware

from audit import __version__
from audit.errors import AuditError
from audit.report import FORMATS
from audit.report.html import script_hash
from audit.serve.page import Workspace
from audit.serve.schemas import (
    AuditReport,
    AuditRequest,
    FixRequest,
    FixResponse,
    Problem,
    ReadRequest,
    ReadResponse,
    WorkspaceResponse,
)
from audit.serve.security import Access, Guard
from audit.serve.service import AuditService, Busy, Conflict, read_upload

DOCS_ASSETS = "/docs-assets"
# Media type and file extension of each report format.
REPORT_TYPES = {
    "json": ("application/json", "json"),
    "jsonl": ("application/x-ndjson", "jsonl"),
    "sarif": ("application/sarif+json", "sarif"),
    "html": ("text/html; charset=utf-8", "html"),
    "junit": ("application/xml", "xml"),
    "text": ("text/plain; charset=utf-8", "txt"),
    "github": ("text/plain; charset=utf-8", "txt"),
}
ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "description": description}
    for status, description in (
        (400, "Malformed JSON, or a Host that is not this server"),
        (401, "Missing or wrong token"),
        (403, "A request from another origin"),
        (413, "The request is larger than the server's limit"),
        (415, "Not application/json"),
        (422, "An invalid field, an unknown field, or a bad config value or input"),
    )
}
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def create_app(service: AuditService, access: Access) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        service.close()

    app = FastAPI(
        title="mt-audit",
        version=__version__,
        summary="Audit machine-translated English wire copy: quotes, names, numbers, divergence.",
        description=(
            "The JSON API behind `mt-audit serve`. Documents are the CLI's JSONL records; reports are the CLI's. "
            "Send `Content-Type: application/json`, and `Authorization: Bearer TOKEN` when the server has a token."
        ),
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    # Starlette counts the bytes of every body; the guard, outside it, refuses by Content-Length first.
    app.add_middleware(RequestBodyLimitMiddleware, max_body_size=access.max_request_bytes)
    app.add_middleware(Guard, access=access)
    app.state.service = service
    workspace = Workspace(
        {
            "auth": access.token is not None,
            "mode": service.config.translate.mode,
            "maxRequestBytes": access.max_request_bytes,
        }
    )
    _errors(app)
    _docs(app, bearer=access.token is not None)

    @app.get("/", include_in_schema=False)
    def page() -> HTMLResponse:
        return HTMLResponse(workspace.page.html, headers={"content-security-policy": workspace.page.policy})

    @app.post(
        "/api/audit",
        response_class=Response,
        responses={200: {"model": AuditReport}, 503: {"model": Problem}, **ERRORS},
    )
    def audit(request: AuditRequest) -> Response:
        """Audit documents: the report of `mt-audit check --format json`, from the same pipeline and config."""
        return Response(service.audit(request).write("json"), media_type="application/json")

    @app.post("/api/workspace", responses={200: {"model": WorkspaceResponse}, 503: {"model": Problem}, **ERRORS})
    def view(request: AuditRequest) -> JSONResponse:
        """The workspace page's view: the JSON report, and its first document's panels as the HTML report draws them."""
        return JSONResponse(workspace.response(service.audit(request)))

    @app.post("/api/fix", response_model=FixResponse, responses={409: {"model": Problem}, **ERRORS})
    def fix(request: FixRequest) -> FixResponse:
        """Apply one finding's suggestion, or (without `finding`) every unambiguous fix, as `mt-audit fix` does."""
        return service.fix(request)

    @app.post(
        "/api/report",
        response_class=Response,
        responses={
            200: {"description": "The report file", "content": {t: {} for t, _ in REPORT_TYPES.values()}},
            **ERRORS,
        },
    )
    def report(request: AuditRequest, format: str = Query("json", description=", ".join(REPORT_TYPES))) -> Response:
        """The report in any of the CLI's formats (json, jsonl, sarif, html, junit, text, github), to download."""
        if format not in FORMATS or format not in REPORT_TYPES:
            raise AuditRequestError(f"format {format!r}: unknown (allowed: {', '.join(REPORT_TYPES)})")
        media_type, extension = REPORT_TYPES[format]
        body = service.audit(request).write(format)
        return Response(
            body,
            media_type=media_type,
            headers={"content-disposition": f'attachment; filename="mt-audit-report.{extension}"'},
        )

    @app.post("/api/read", response_model=ReadResponse, responses=ERRORS)
    def read(request: ReadRequest) -> ReadResponse:
        """Read an uploaded file (.txt, .jsonl, XLIFF, TMX, PO) into documents, with the CLI's readers."""
        documents, errors = read_upload(request)
        return ReadResponse.model_validate(
            {
                "documents": [
                    {
                        "id": d.id,
                        "text": d.text,
                        "source": d.source,
                        "source_lang": d.source_lang,
                        "retranslations": list(d.retranslations),
                        "line": d.line,
                    }
                    for d in documents
                ],
                "errors": errors,
            }
        )

    return app


class AuditRequestError(AuditError):
    """A request value the schema cannot express (an unknown report format)."""


_STATUS = ((Busy, 503), (Conflict, 409))


def _errors(app: FastAPI) -> None:
    @app.exception_handler(AuditError)
    async def audit_error(request: Request, exc: AuditError) -> JSONResponse:
        status = next((code for kind, code in _STATUS if isinstance(exc, kind)), 422)
        headers = {"retry-after": "30"} if status == 503 else None
        return JSONResponse({"detail": str(exc)}, status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        """Malformed JSON is 400; invalid fields 422, listed without echoing the input back."""
        errors = exc.errors()
        malformed = next((e for e in errors if e.get("type") == "json_invalid"), None)
        if malformed is not None:
            reason = (malformed.get("ctx") or {}).get("error", "JSON decode error")
            return JSONResponse({"detail": f"malformed JSON at character {malformed['loc'][-1]}: {reason}"}, 400)
        listed = [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in errors]
        return JSONResponse({"detail": jsonable_encoder(listed)}, 422)


def _docs(app: FastAPI, *, bearer: bool) -> None:
    """Swagger UI at /docs from fastapi-offline's copy of its files, under a policy that
    allows exactly its one inline script; the OpenAPI schema says when a token is needed."""
    static = Path(str(files("fastapi_offline") / "static"))
    app.mount(DOCS_ASSETS, StaticFiles(directory=static), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        page = get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="mt-audit API",
            swagger_js_url=f"{DOCS_ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{DOCS_ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{DOCS_ASSETS}/favicon.png",
            swagger_ui_parameters={"validatorUrl": None},
        )
        html = bytes(page.body).decode("utf-8")
        hashes = " ".join(f"'{script_hash(script)}'" for script in _INLINE_SCRIPT.findall(html))
        policy = (
            f"default-src 'none'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        )
        return HTMLResponse(html, headers={"content-security-policy": policy})

    if not bearer:
        return

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            from fastapi.openapi.utils import get_openapi

            schema = get_openapi(
                title=app.title,
                version=app.version,
                summary=app.summary,
                description=app.description,
                routes=app.routes,
            )
            schema.setdefault("components", {})["securitySchemes"] = {"token": {"type": "http", "scheme": "bearer"}}
            schema["security"] = [{"token": []}]
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
