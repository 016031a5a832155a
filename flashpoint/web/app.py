"""The app factory: settings, security headers, body limit, error pages, static files.

``create_app(WebSettings(db=...))`` returns a FastAPI app; ``flashpoint serve``
runs it with uvicorn. Safe by default: the store is opened read-only, request
bodies are capped (413, FP061), queries stop at a time limit (FP060), every
response carries a Content Security Policy without inline scripts, static files
come only from this package, and errors answer with their one-line code, never
a stack trace.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2_fragments.fastapi import Jinja2Blocks
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from flashpoint.errors import (
    BadParameter,
    CrossSiteRequest,
    FlashpointError,
    NotFound,
    QueryTimeout,
    RequestTooLarge,
    StoreError,
)
from flashpoint.web.corpus import WebCorpus

DEFAULT_PORT = 8765
HERE = Path(__file__).parent
log = logging.getLogger("flashpoint.web")

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
    " connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none';"
    " frame-ancestors 'none'"
)
_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


@dataclass(frozen=True, slots=True)
class WebSettings:
    """Every setting of the web app, with its default."""

    db: Path
    allow_ingest: bool = False  # /extract may store what it extracts
    time_limit: float = 2.0  # seconds a database query may run
    max_body: int = 1_000_000  # bytes of a request body (/extract)
    max_page_size: int = 200  # incidents per listing page
    max_csv_rows: int = 100_000
    max_search_hits: int = 100
    # Host headers accepted (DNS-rebinding guard); None accepts any. `serve` on loopback
    # sets the loopback names.
    allowed_hosts: tuple[str, ...] | None = None


class SecurityHeaders:
    """Adds the CSP and friends to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *_HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)


class BodyLimit:
    """Refuses request bodies over ``limit`` bytes: by Content-Length, or while reading."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            error = RequestTooLarge(limit=self.limit)
            await PlainTextResponse(str(error), status_code=413)(scope, receive, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise RequestTooLarge(limit=self.limit)
            return message

        await self.app(scope, limited, send)


LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


def same_site(request: Request) -> bool:
    """False for a request a browser marks as sent from another site (a forged form)."""
    if request.headers.get("sec-fetch-site") == "cross-site":
        return False
    origin = request.headers.get("origin")
    if origin and origin != "null":
        from urllib.parse import urlsplit

        return urlsplit(origin).netloc == request.headers.get("host", "")
    return True


def wants_json(request: Request) -> bool:
    """A ``.json`` path, an ``/api/`` path, or an Accept header preferring JSON."""
    path = request.url.path
    if path.endswith(".json") or path.startswith("/api/"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


_STATUS: list[tuple[type[FlashpointError], int]] = [
    (NotFound, 404),
    (CrossSiteRequest, 403),
    (RequestTooLarge, 413),
    (QueryTimeout, 503),
]


def _status_of(err: FlashpointError) -> int:
    return next((code for kind, code in _STATUS if isinstance(err, kind)), 400)


def create_app(settings: WebSettings) -> FastAPI:
    """The web app over the corpus at ``settings.db`` (which must exist)."""
    from flashpoint import __version__
    from flashpoint.web import views

    corpus = WebCorpus(settings.db, time_limit=settings.time_limit)
    app = FastAPI(
        title="Flashpoint",
        version=__version__,
        description="A sourced, time-resolved record of a news corpus: incidents, documents"
        " with their evidence, timelines and search. Every page has a JSON twin.",
        docs_url=None,  # the interactive page loads its assets from a CDN
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    templates = Jinja2Blocks(directory=str(HERE / "templates"))
    templates.env.globals["allow_ingest"] = settings.allow_ingest
    app.state.settings = settings
    app.state.corpus = corpus
    app.state.templates = templates
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(views.router)
    app.add_middleware(BodyLimit, limit=settings.max_body)
    if settings.allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts))
    app.add_middleware(SecurityHeaders)

    def error_response(request: Request, status: int, code: str, message: str) -> Response:
        if wants_json(request):
            return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)
        return templates.TemplateResponse(
            request, "error.html", {"status": status, "message": message}, status_code=status
        )

    @app.exception_handler(FlashpointError)
    async def on_flashpoint_error(request: Request, err: FlashpointError) -> Response:
        status = 400 if isinstance(err, StoreError) else _status_of(err)
        return error_response(request, status, err.code, str(err))

    @app.exception_handler(RequestValidationError)
    async def on_bad_request(request: Request, err: RequestValidationError) -> Response:
        problems = []
        for item in err.errors():
            where = ".".join(str(p) for p in item.get("loc", ()) if p not in ("query", "body"))
            problems.append(f"{where}: {item.get('msg', 'invalid')}")
        bad = BadParameter(detail=f" ({'; '.join(problems)})" if problems else "")
        return error_response(request, 422, bad.code, str(bad))

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, err: StarletteHTTPException) -> Response:
        if err.status_code == 404:
            missing = NotFound(kind="page", key=request.url.path)
            return error_response(request, 404, missing.code, str(missing))
        return error_response(request, err.status_code, f"HTTP{err.status_code}", str(err.detail))

    @app.exception_handler(Exception)
    async def on_crash(request: Request, err: Exception) -> Response:
        log.exception("error on %s", request.url.path)
        return error_response(
            request, 500, "FP000", "FP000: Internal error; the server log has the details."
        )

    return app


def jsonable(value: Any) -> Any:
    """Pydantic models, dataclasses, dates: plain JSON data (faster than jsonable_encoder)."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Path):
        return str(value)
    return str(value)
