"""The HTTP side of ``kg serve``: a Starlette request handler under uvicorn.

SPARQL 1.1 Protocol on ``/sparql`` and ``/sparql/`` (GET, HEAD, POST; other methods get 405 with
``Allow``), the dataset parameters, content negotiation with q-values, strict UTF-8 bodies, a Host
check against the bound address (DNS rebinding) and CORS only for the origins given with ``--cors``.
"""

from __future__ import annotations

import asyncio
import html
import ipaddress
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from kg.serve.negotiate import SHORT
from kg.serve.pool import Pool

__all__ = ["HttpLimits", "host_checker", "make_app", "page"]

_ALLOW = "GET, HEAD, POST"
_EXPOSE = "X-KG-Truncated, X-KG-Truncated-By, X-KG-Stale"


@dataclass(frozen=True)
class HttpLimits:
    max_body: int = 100_000
    body_timeout: float = 10.0
    cors: tuple[str, ...] = field(default_factory=tuple)


class _Refused(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


def _text(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return Response(message.rstrip() + "\n", status, headers, media_type="text/plain; charset=utf-8")


def host_checker(host: str, port: int) -> Callable[[str], bool]:
    """Which ``Host`` headers name this server: its bound address (any IP literal when bound to
    every interface), ``localhost`` on loopback; a DNS name an attacker's page resolved to us is not.

    >>> ok = host_checker("127.0.0.1", 7878)
    >>> ok("127.0.0.1:7878"), ok("localhost:7878"), ok("evil.example:7878"), ok("127.0.0.1:80")
    (True, True, False, False)
    """
    ip = ipaddress.ip_address(host) if host != "localhost" else ipaddress.ip_address("127.0.0.1")
    names = {str(ip)}
    if ip.is_loopback:
        names.add("localhost")
    if ip.is_unspecified:
        names.update({"localhost", socket.gethostname().lower(), socket.getfqdn().lower()})

    def ok(value: str) -> bool:
        name, sep, p = value.strip().lower().rpartition(":")
        if not sep:
            name, p = p, "80"
        if p != str(port):
            return False
        if name in names:
            return True
        if ip.is_unspecified:
            try:
                return isinstance(ipaddress.ip_address(name), ipaddress.IPv4Address)
            except ValueError:
                return False
        return False

    return ok


def _params(raw: str, where: str) -> list[tuple[str, str]]:
    try:
        return parse_qsl(raw, keep_blank_values=True, encoding="utf-8", errors="strict")
    except (UnicodeDecodeError, ValueError):
        raise _Refused(400, f"the {where} is not valid UTF-8 once percent-decoded") from None


async def _body(request: Request, limits: HttpLimits) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limits.max_body:
        raise _Refused(413, f"request body over {limits.max_body} bytes")
    chunks: list[bytes] = []
    size = 0

    async def read() -> None:
        nonlocal size
        async for chunk in request.stream():
            size += len(chunk)
            if size > limits.max_body:
                raise _Refused(413, f"request body over {limits.max_body} bytes")
            chunks.append(chunk)

    try:
        await asyncio.wait_for(read(), limits.body_timeout)
    except TimeoutError:
        raise _Refused(
            408, f"the request body did not arrive within {limits.body_timeout:g} s", {"Connection": "close"}
        ) from None
    return b"".join(chunks)


def _utf8(data: bytes, ctype: str) -> str:
    for param in ctype.split(";")[1:]:
        k, _, v = param.partition("=")
        if k.strip().lower() == "charset" and v.strip().strip('"').lower() not in ("utf-8", "utf8"):
            raise _Refused(400, f"charset {v.strip()} refused: send the query in UTF-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _Refused(400, f"the request body is not valid UTF-8 (byte {exc.start})") from None


async def _operation(request: Request, limits: HttpLimits) -> tuple[str, list[tuple[str, str]]]:
    """The query text and every protocol parameter of a GET or POST request."""
    params = _params(request.url.query, "query string")
    direct: str | None = None
    if request.method == "POST":
        ctype = request.headers.get("content-type", "")
        mtype = ctype.split(";")[0].strip().lower()
        body = await _body(request, limits)
        if mtype == "application/sparql-update":
            raise _Refused(403, "this endpoint is read-only: SPARQL UPDATE is refused")
        if mtype == "application/sparql-query":
            direct = _utf8(body, ctype)
        elif mtype == "application/x-www-form-urlencoded":
            params += _params(_utf8(body, ctype), "form body")
        else:
            raise _Refused(400, "send a query as application/sparql-query or a form field 'query'")
    queries = [v for k, v in params if k == "query"] + ([direct] if direct is not None else [])
    updates = [v for k, v in params if k == "update"]
    if queries and updates:
        raise _Refused(400, "a request carries one query or one update, not both")
    if updates:
        raise _Refused(403, "this endpoint is read-only: SPARQL UPDATE is refused")
    if len(queries) > 1:
        raise _Refused(400, f"{len(queries)} queries in one request; send one")
    if not queries:
        raise _Refused(400, "missing 'query' parameter")
    return queries[0], params


def _origin_headers(request: Request, cors: tuple[str, ...]) -> dict[str, str]:
    """CORS headers for an allowed origin; a request from any other foreign origin is refused."""
    origin = request.headers.get("origin")
    if origin is None or origin == f"{request.url.scheme}://{request.headers.get('host', '')}":
        return {}
    if origin in cors:
        return {"Access-Control-Allow-Origin": origin, "Vary": "Origin", "Access-Control-Expose-Headers": _EXPOSE}
    raise _Refused(403, f"requests from {origin} are refused (allow that origin with --cors {origin})")


def make_app(
    pool: Pool, check_host: Callable[[str], bool], limits: HttpLimits, page: bytes
) -> Callable[[Scope, Receive, Send], Awaitable[None]]:
    """The ASGI application."""

    async def sparql(request: Request) -> Response:
        cors = _origin_headers(request, limits.cors)
        if request.method == "OPTIONS" and cors and "access-control-request-method" in request.headers:
            return Response(
                status_code=204,
                headers={
                    **cors,
                    "Access-Control-Allow-Methods": _ALLOW,
                    "Access-Control-Max-Age": "600",
                    "Access-Control-Allow-Headers": "Content-Type, Accept",
                },
            )
        if request.method not in ("GET", "HEAD", "POST"):
            return _text(405, f"{request.method} is not a SPARQL Protocol query method here", {"Allow": _ALLOW, **cors})
        query, params = await _operation(request, limits)
        fmt = next((v for k, v in params if k == "format"), "")
        job: dict[str, Any] = {
            "query": query,
            "accept": SHORT.get(fmt.lower(), "") or request.headers.get("accept", ""),
            "base": str(request.url.replace(query="")),
            "default": [v for k, v in params if k == "default-graph-uri"] or None,
            "named": [v for k, v in params if k == "named-graph-uri"] or None,
        }
        reply = await pool.run(job)
        headers = dict(cors)
        if reply.truncated:
            headers["X-KG-Truncated"] = "true"
            headers["X-KG-Truncated-By"] = reply.truncated
        if reply.stale:
            headers["X-KG-Stale"] = "a build is writing the store; this answer is from the graph before it"
        if reply.status == 503:
            headers["Retry-After"] = "1"
        return Response(reply.body, reply.status, headers, media_type=reply.media_type)

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        request = Request(scope, receive)
        path = scope["path"]
        try:
            if not check_host(request.headers.get("host", "")):
                raise _Refused(421, "this server does not answer for that Host (DNS rebinding?)")
            if path in ("/sparql", "/sparql/"):
                response = await sparql(request)
            elif path in ("/", "/index.html"):
                if request.method not in ("GET", "HEAD"):
                    response = _text(405, f"{request.method} not allowed here", {"Allow": "GET, HEAD"})
                else:
                    response = Response(page, 200, media_type="text/html; charset=utf-8")
            else:
                response = _text(404, "not found: use /sparql or /")
        except _Refused as r:
            response = _text(r.status, r.message, r.headers)
        await response(scope, receive, send)

    return app


def page(examples: dict[str, str]) -> bytes:
    """The query page (``kg/data/query_page.html``) with the example queries in its menu."""
    from importlib import resources
    from string import Template

    opts = "".join(f'<option value="{html.escape(q)}">{html.escape(n)}</option>' for n, q in examples.items())
    first = html.escape(next(iter(examples.values()), "SELECT * WHERE { ?s ?p ?o } LIMIT 10"))
    tmpl = Template(resources.files("kg").joinpath("data", "query_page.html").read_text(encoding="utf-8"))
    return tmpl.substitute(options=opts, first=first).encode("utf-8")
