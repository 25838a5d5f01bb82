"""``kg push``: load the graph into any SPARQL 1.1 store over the Graph Store HTTP Protocol.

Each named graph of the store (one per article, and the ontology's) is sent with one
``PUT <graph-store>?graph=<graph IRI>`` (N-Triples), which replaces that graph on the server and
leaves every other graph alone. With ``prune``, the server's article graphs (graphs that declare
themselves a ``kg:Article``) under the same document base that the local store no longer has are
deleted (``DELETE ?graph=``). With an ``endpoint``, the server is then asked how many triples each
pushed graph holds, and any difference from the local store is reported.

Our queries read the union of the named graphs as the default graph: start Oxigraph's server with
``--union-default-graph`` (Fuseki: ``tdb2:unionDefaultGraph true``).

Oxigraph server: ``--endpoint http://host:7878/query --graph-store http://host:7878/store``;
Fuseki: ``--endpoint http://host:3030/ds/sparql --graph-store http://host:3030/ds/data``;
GraphDB: ``…/repositories/R`` and ``…/repositories/R/rdf-graphs/service``.
"""

from __future__ import annotations

import base64
import contextlib
import http.client
import json
import re
import socket
import threading
import time
import urllib.parse
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.errors import PushError
from kg.ontology import KG_NS

__all__ = [
    "Credentials",
    "PushReport",
    "mask_url",
    "origin",
    "push_store",
    "remote_articles",
    "remote_counts",
    "split_userinfo",
]


@dataclass
class PushReport:
    pushed: dict[str, int] = field(default_factory=dict)  # graph → triples sent
    deleted: list[str] = field(default_factory=list)
    mismatched: dict[str, tuple[int, int]] = field(default_factory=dict)  # graph → (local, remote)
    verified: bool = False


MAX_RESPONSE_BYTES = 64_000_000  # no answer of a graph store or endpoint that push reads comes near this
_REDIRECTS = 5


@dataclass(frozen=True)
class Credentials:
    """Basic-auth credentials, sent only to the origins the user gave (never after a redirect elsewhere)."""

    user: str
    password: str

    @property
    def header(self) -> str:
        return "Basic " + base64.b64encode(f"{self.user}:{self.password}".encode()).decode()

    def secrets(self) -> list[str]:
        """Every spelling of the password a message might carry."""
        if not self.password:
            return []
        return [self.password, urllib.parse.quote(self.password, safe=""), self.header.split()[1]]


def split_userinfo(url: str) -> tuple[str, Credentials | None]:
    """``url`` without any ``user:password@`` part, and those credentials (percent-decoded)."""
    parts = urllib.parse.urlsplit(url)
    if parts.username is None and parts.password is None:
        return url, None
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = host + (f":{parts.port}" if parts.port is not None else "")
    bare = urllib.parse.urlunsplit(parts._replace(netloc=netloc))
    user = urllib.parse.unquote(parts.username or "")
    return bare, Credentials(user, urllib.parse.unquote(parts.password or ""))


def mask_url(url: str) -> str:
    """``url`` with the password of its ``user:password@`` part (if any) replaced by ``***``.

    >>> mask_url("https://me:s3cret@example.org/store")
    'https://me:***@example.org/store'
    """
    return _USERINFO.sub(r"\1***@", url)


_USERINFO = re.compile(r"(//[^/?#@\s:]*:)[^/?#\s]*@")


def origin(url: str) -> str:
    """``scheme://host:port`` of a URL (the port made explicit)."""
    parts = urllib.parse.urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port or {"http": 80, "https": 443}.get(scheme, 0)
    except ValueError:
        port = 0
    return f"{scheme}://{host}:{port}"


class _Client:
    """HTTP requests with credentials only for the given origins, no redirect to another origin,
    and a deadline for each whole request (connect, send, headers, body), not per socket read."""

    def __init__(self, credentials: Credentials | None, origins: set[str], timeout: float) -> None:
        self.credentials = credentials
        self.origins = origins
        self.timeout = timeout

    def redact(self, text: str) -> str:
        """``text`` with every password spelling masked, and the password of any URL in it."""
        text = mask_url(text)
        for secret in self.credentials.secrets() if self.credentials else []:
            text = text.replace(secret, "***")
        return text

    def request(self, url: str, method: str, body: bytes | None, headers: dict[str, str]) -> bytes:
        deadline = time.monotonic() + self.timeout
        shown = mask_url(url)
        for _ in range(_REDIRECTS + 1):
            status, reason, location, data = self._once(url, method, body, headers, deadline, shown)
            if status in (301, 302, 303, 307, 308) and location is not None:
                target = urllib.parse.urljoin(url, location)
                if origin(target) != origin(url) or origin(target) not in self.origins:
                    raise PushError(self.redact(
                        f"{method} {shown}: the server redirects to another origin, {origin(target)} "
                        f"({mask_url(target)}); kg push does not follow it (credentials go only to the URLs given)"
                    ))
                if status == 303 or (status in (301, 302) and method == "POST"):
                    method, body = "GET", None  # as browsers do; the body is not resent
                url, shown = target, mask_url(target)
                continue
            if status >= 300:
                detail = data[:300].decode("utf-8", "replace").strip()
                tail = f": {detail}" if detail else ""
                raise PushError(self.redact(f"{method} {shown}: HTTP {status} {reason}{tail}"))
            return data
        raise PushError(f"{method} {shown}: more than {_REDIRECTS} redirects")

    def _once(
        self, url: str, method: str, body: bytes | None, headers: dict[str, str], deadline: float, shown: str
    ) -> tuple[int, str, str | None, bytes]:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise PushError(f"{shown}: not an http(s) URL")
        h = dict(headers)
        if self.credentials is not None and origin(url) in self.origins:
            h["Authorization"] = self.credentials.header
        remaining = deadline - time.monotonic()
        cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        try:
            conn = cls(parts.hostname, parts.port, timeout=max(0.001, remaining))
        except ValueError as exc:
            raise PushError(f"{shown}: bad URL ({exc})") from None
        fired = threading.Event()
        watchdog: threading.Timer | None = None
        path = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
        try:
            conn.connect()  # bounded by the socket timeout; then the watchdog holds the socket itself
            # (http.client lets go of conn.sock once a response that closes the connection begins)
            watchdog = threading.Timer(max(0.0, deadline - time.monotonic()), _shut, (conn.sock, fired))
            watchdog.daemon = True
            watchdog.start()
            conn.request(method, path, body=body, headers=h)
            r = conn.getresponse()
            chunks: list[bytes] = []
            size = 0
            while chunk := r.read1(65536):
                size += len(chunk)
                if size > MAX_RESPONSE_BYTES:
                    raise PushError(f"{method} {shown}: the answer is larger than {MAX_RESPONSE_BYTES} bytes")
                chunks.append(chunk)
            if fired.is_set():  # the socket was shut at the deadline: what was read is cut short
                raise TimeoutError
            return r.status, r.reason, r.getheader("Location"), b"".join(chunks)
        except (OSError, http.client.HTTPException) as exc:
            if fired.is_set() or time.monotonic() >= deadline:
                raise PushError(f"{method} {shown}: no complete answer within {self.timeout:g} s (--timeout)") from None
            raise PushError(self.redact(f"{method} {shown}: cannot reach the server ({exc})")) from None
        finally:
            if watchdog is not None:
                watchdog.cancel()
            conn.close()


def _shut(sock: socket.socket | None, fired: threading.Event) -> None:
    """At the deadline: shut the socket down, which wakes any read or write blocked on it."""
    fired.set()
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


def _graph_url(graph_store: str, graph: str) -> str:
    sep = "&" if "?" in graph_store else "?"
    return f"{graph_store}{sep}{urllib.parse.urlencode({'graph': graph})}"


ARTICLE_GRAPHS = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?g a <{KG_NS}Article> }} }}"


def _prefix(graph: str) -> str:
    return graph.rsplit("/", 1)[0] + "/"


def _select(client: _Client, endpoint: str, query: str) -> list[dict[str, str]]:
    body = urllib.parse.urlencode({"query": query}).encode()
    h = {"User-Agent": "kg-push", "Content-Type": "application/x-www-form-urlencoded",
         "Accept": "application/sparql-results+json"}
    raw = client.request(endpoint, "POST", body, h)
    try:
        return [{k: v["value"] for k, v in row.items()} for row in json.loads(raw)["results"]["bindings"]]
    except (ValueError, KeyError, AttributeError, TypeError) as exc:
        raise PushError(f"{mask_url(endpoint)}: not a SPARQL JSON answer ({exc})") from None


def remote_counts(client: _Client, endpoint: str, graphs: list[str]) -> dict[str, int]:
    """Triples in each of ``graphs`` on the server (absent graphs are left out)."""
    values = " ".join(f"<{g}>" for g in graphs)
    q = f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g"
    return {r["g"]: int(r["n"]) for r in _select(client, endpoint, q)}


def remote_articles(client: _Client, endpoint: str, prefixes: set[str]) -> set[str]:
    """The server's article graphs whose IRI starts with one of ``prefixes``."""
    cond = " || ".join(f"STRSTARTS(STR(?g), {json.dumps(p)})" for p in sorted(prefixes)) or "false"
    q = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?g a <{KG_NS}Article> }} FILTER({cond}) }}"
    return {r["g"] for r in _select(client, endpoint, q)}


def push_store(
    store: ox.Store,
    graph_store: str,
    endpoint: str | None = None,
    prune: bool = False,
    user: str | None = None,
    password: str | None = None,
    timeout: float = 60.0,
) -> PushReport:
    """Send every named graph of ``store`` to ``graph_store``, each replacing its namesake.

    Credentials (``user``/``password``, or a ``user:password@`` in a URL) are sent only to the
    origins of ``graph_store`` and ``endpoint``; a redirect to any other origin is an error naming
    it; no message shows the password; ``timeout`` bounds each whole request."""
    if prune and endpoint is None:
        raise PushError("--prune needs --endpoint to list the server's graphs")
    graph_store, in_url = split_userinfo(graph_store)
    if endpoint is not None:
        endpoint, in_endpoint = split_userinfo(endpoint)
        in_url = in_url or in_endpoint
    creds = Credentials(user, password or "") if user is not None else in_url
    if creds is not None and user is not None and in_url is not None and not password:
        creds = Credentials(user, in_url.password)
    origins = {origin(graph_store)} | ({origin(endpoint)} if endpoint else set())
    client = _Client(creds, origins, timeout)
    headers = {"User-Agent": "kg-push"}
    articles = {str(r["g"].value) for r in store.query(ARTICLE_GRAPHS)}  # type: ignore[union-attr]
    graphs = sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))  # articles and ontology
    report = PushReport()
    for g in graphs:
        body = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(g)) or b""
        n = body.count(b"\n")
        client.request(_graph_url(graph_store, g), "PUT", body, {**headers, "Content-Type": "application/n-triples"})
        report.pushed[g] = n
    if endpoint is None:
        return report
    if prune:
        for g in sorted(remote_articles(client, endpoint, {_prefix(a) for a in articles}) - articles):
            client.request(_graph_url(graph_store, g), "DELETE", None, headers)
            report.deleted.append(g)
    remote = remote_counts(client, endpoint, graphs) if graphs else {}
    report.mismatched = {g: (n, remote.get(g, 0)) for g, n in report.pushed.items() if remote.get(g, 0) != n}
    report.verified = True
    return report
