"""The web app: ``create_app(db_url)`` serves the pages and the JSON API over one knowledge base.

Safe by default: read-only unless a write token is given, a strict Content-Security-Policy
(scripts and styles only from this server, no inline code), one JSON error shape for the API.
"""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from dossier.store import open_store

HERE = Path(__file__).parent
log = logging.getLogger(__name__)

SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}

_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
          422: "invalid_parameter", 500: "internal_error"}


def create_app(db_url: str, token: str | None = None, *, extract: bool = True) -> FastAPI:
    """The FastAPI application over the knowledge base at ``db_url``; writes need ``token``."""
    from dossier.web import api, pages

    app = FastAPI(title="Dossier", version="1", openapi_url="/api/openapi.json", docs_url="/api/docs",
                  redoc_url=None)
    app.state.token = token or None
    app.state.extract = extract
    app.state.open_store = lambda: open_store(db_url, create=False)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    def error(request: Request, status: int, message: str):
        if request.url.path.startswith("/api"):
            return JSONResponse({"error": {"code": _CODES.get(status, "error"), "message": message}},
                                status_code=status)
        return pages.error_page(request, status, message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        parts = []
        for e in exc.errors():
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
            parts.append(f"{where}: {e.get('msg', 'invalid')}")
        return error(request, 422, "; ".join(parts) or "invalid parameters")

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        log.exception("unhandled error on %s", request.url.path)
        return error(request, 500, "internal error")

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app
