"""The W3C SPARQL 1.1 Protocol tests (``../shared/spec/sparql11-protocol/manifest.ttl``) against ``kg serve``.

The manifest is read with rdflib; its data files are loaded into a store as the named graphs it
names; ``kg serve`` runs on a free loopback port (a subprocess, as a user starts it); every request
is sent as the manifest writes it, and the status class, content type and answer are checked.
The endpoint is read-only by design, so every update-side test must get a 4xx instead.
"""

from __future__ import annotations

import http.client
import json
import socket
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDF, RDFS, Graph, Namespace, URIRef
from rdflib.collection import Collection

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT.parent / "shared" / "spec" / "sparql11-protocol"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
RESULT_TYPES = {
    "boolean": {"application/sparql-results+json", "application/sparql-results+xml"},
    "tabular": {
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values",
    },
    "RDF": {"application/rdf+xml", "text/turtle", "application/n-triples"},
}
RDFLIB_FORMAT = {"application/rdf+xml": "xml", "text/turtle": "turtle", "application/n-triples": "nt"}


def _manifest() -> Graph:
    path = SUITE / "manifest.ttl"
    assert path.is_file(), f"{path}: the protocol suite is missing (CI places shared/ beside the clone)"
    g = Graph()
    g.parse(path, format="turtle", publicID=SUITE.as_uri() + "/manifest.ttl")
    return g


MANIFEST = _manifest()
ENTRIES = list(Collection(MANIFEST, MANIFEST.value(next(MANIFEST.subjects(RDF.type, MF.Manifest)), MF.entries)))


def _name(test: URIRef) -> str:
    return str(test).rsplit("#", 1)[-1]


QUERY_SIDE = [t for t in ENTRIES if "update" not in _name(t)]
UPDATE_SIDE = [t for t in ENTRIES if "update" in _name(t)]


def _requests(test: URIRef) -> list[dict[str, object]]:
    action = MANIFEST.value(test, MF.action)
    out = []
    for req in Collection(MANIFEST, MANIFEST.value(action, HT.requests)):
        headers = {}
        hl = MANIFEST.value(req, HT.headers)
        if hl is not None:
            for h in Collection(MANIFEST, hl):
                headers[str(MANIFEST.value(h, HT.fieldName))] = str(MANIFEST.value(h, HT.fieldValue))
        body = MANIFEST.value(req, HT.body)
        data = None
        if body is not None:
            enc = str(MANIFEST.value(body, CNT.characterEncoding) or "UTF-8")
            data = str(MANIFEST.value(body, CNT.chars)).encode(enc)
        resp = MANIFEST.value(req, HT.resp)
        out.append(
            {
                "method": str(MANIFEST.value(req, HT.methodName)),
                "path": str(MANIFEST.value(req, HT.absolutePath)),
                "headers": headers,
                "body": data,
                "status": {str(s).rsplit("#StatusCode", 1)[-1][0] for s in MANIFEST.objects(resp, MF.expectedStatus)},
                "format": MANIFEST.value(resp, MF.expectedFormat),
                "boolean": MANIFEST.value(resp, MF.expectedBoolean),
            }
        )
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """``kg serve`` over a store holding every data file the manifest names, as its named graph."""
    store_path = tmp_path_factory.mktemp("protocol") / "store"
    store = ox.Store(str(store_path))
    graphs = {
        (g, str(label))
        for t in ENTRIES
        for d in MANIFEST.objects(t, UT.graphData)
        for g, label in [(MANIFEST.value(d, UT.graph), MANIFEST.value(d, RDFS.label))]
    }
    assert len(graphs) == 3
    for data, label in graphs:
        with open(Path(str(data).removeprefix("file://")), "rb") as f:
            store.load(f, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(label))
    del store
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--store", str(store_path), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert "SPARQL endpoint on" in line, proc.stderr.read() if proc.stderr else line
    yield port
    proc.terminate()
    proc.wait(10)


def _send(port: int, req: dict[str, object]) -> tuple[int, str, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request(str(req["method"]), str(req["path"]), body=req["body"], headers=req["headers"])  # type: ignore[arg-type]
    r = conn.getresponse()
    body = r.read()
    conn.close()
    return r.status, (r.getheader("Content-Type") or "").split(";")[0].strip(), body


def _boolean(mime: str, body: bytes) -> bool:
    if mime == "application/sparql-results+json":
        return bool(json.loads(body)["boolean"])
    el = ET.fromstring(body).find("{http://www.w3.org/2005/sparql-results#}boolean")
    assert el is not None
    return el.text == "true"


@pytest.mark.parametrize("test", QUERY_SIDE, ids=_name)
def test_query_side(endpoint: int, test: URIRef) -> None:
    for req in _requests(test):
        status, mime, body = _send(endpoint, req)
        assert str(status)[0] in req["status"], (status, body)  # type: ignore[operator]
        fmt = str(req["format"]) if req["format"] is not None else None
        if fmt is None:
            continue
        assert mime in RESULT_TYPES[fmt], mime
        if fmt == "boolean":
            answer = _boolean(mime, body)
            if req["boolean"] is not None:
                assert answer is req["boolean"].toPython()  # type: ignore[attr-defined]
        elif fmt == "RDF":
            Graph().parse(data=body.decode("utf-8"), format=RDFLIB_FORMAT[mime])
        elif mime == "application/sparql-results+json":
            assert "bindings" in json.loads(body)["results"]
        else:
            assert body


@pytest.mark.parametrize("test", UPDATE_SIDE, ids=_name)
def test_update_side_is_refused(endpoint: int, test: URIRef) -> None:
    status, _, body = _send(endpoint, _requests(test)[0])
    assert 400 <= status < 500, (status, body)


def test_suite_sizes() -> None:
    assert (len(QUERY_SIDE), len(UPDATE_SIDE)) == (20, 14)
