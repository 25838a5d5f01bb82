"""SPARQL 1.1 Protocol details beyond the W3C manifest (issue 20): the dataset, malformed requests,
methods, HEAD, the base IRI, content negotiation with q-values, and strict UTF-8 bodies."""

from __future__ import annotations

import json
import urllib.parse
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph

from kg.serve import ServeOptions, Server
from tests.serve_helpers import EX, request, small_store


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = small_store(tmp_path_factory.mktemp("standards") / "store")
    s = Server(store, "127.0.0.1", 0, ServeOptions(timeout=20, workers=2)).start()
    yield s.url
    s.stop()


def _get(
    url: str,
    params: list[tuple[str, str]],
    headers: dict[str, str] | None = None,
    method: str = "GET",
    path: str = "/sparql",
) -> tuple[int, dict[str, str], bytes]:
    return request(url, method, path + "?" + urllib.parse.urlencode(params), headers=headers)


def _count(body: bytes) -> int:
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def test_dataset_parameters_and_from_are_honoured(url: str):
    assert _count(_get(url, [("query", COUNT)])[2]) == 60  # no dataset: the union of every graph
    assert _count(_get(url, [("query", COUNT), ("default-graph-uri", EX + "g1")])[2]) == 20
    two = [("query", COUNT), ("default-graph-uri", EX + "g1"), ("default-graph-uri", EX + "g2")]
    assert _count(_get(url, two)[2]) == 40
    assert _count(_get(url, [("query", f"SELECT (COUNT(*) AS ?n) FROM <{EX}g0> WHERE {{ ?s ?p ?o }}")])[2]) == 20
    named = f"SELECT (COUNT(*) AS ?n) FROM NAMED <{EX}g2> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    assert _count(_get(url, [("query", named)])[2]) == 20
    # the protocol's dataset wins over the query's own FROM
    both = [
        ("query", f"SELECT (COUNT(*) AS ?n) FROM <{EX}g0> WHERE {{ ?s ?p ?o }}"),
        ("default-graph-uri", EX + "nope"),
    ]
    assert _count(_get(url, both)[2]) == 0
    ask = [("query", f"ASK {{ <{EX}s2> ?p ?o }}"), ("default-graph-uri", EX + "g1")]  # s2 lives in g2
    assert json.loads(_get(url, ask)[2])["boolean"] is False


def test_malformed_requests_are_400(url: str):
    assert _get(url, [("query", "ASK {}"), ("query", "ASK {}")])[0] == 400
    form = urllib.parse.urlencode([("query", "ASK {}"), ("query", "SELECT * {}")]).encode()
    assert request(url, "POST", body=form, headers={"Content-Type": "application/x-www-form-urlencoded"})[0] == 400
    assert _get(url, [("query", "ASK {}"), ("update", "CLEAR ALL")])[0] == 400
    body = urllib.parse.urlencode([("query", "ASK {}"), ("update", "CLEAR ALL")]).encode()
    assert request(url, "POST", body=body, headers={"Content-Type": "application/x-www-form-urlencoded"})[0] == 400


@pytest.mark.parametrize("method", ["PUT", "DELETE", "OPTIONS", "PATCH"])
def test_other_methods_are_405_with_allow(url: str, method: str):
    status, headers, _ = _get(url, [("query", "ASK {}")], method=method)
    assert status == 405 and headers["allow"] == "GET, HEAD, POST"


def test_both_paths_and_head(url: str):
    for path in ("/sparql", "/sparql/"):
        status, headers, body = _get(url, [("query", "ASK {}")], path=path)
        assert status == 200 and json.loads(body)["boolean"] is True
        status, head_headers, head_body = _get(url, [("query", "ASK {}")], path=path, method="HEAD")
        assert status == 200 and head_body == b"" and head_headers["content-length"] == headers["content-length"]


def test_base_iri_is_the_endpoint_url(url: str):
    status, _, body = _get(url, [("query", "CONSTRUCT { <s> <p> 1 } WHERE {}")], {"Accept": "application/n-triples"})
    assert status == 200 and body.decode().startswith(f"<{url}/s> <{url}/p> ")


def test_q_values_decide(url: str):
    q = [("query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1")]
    accept = "application/sparql-results+xml;q=0.1, application/sparql-results+json"
    assert _get(url, q, {"Accept": accept})[1]["content-type"].startswith("application/sparql-results+json")
    accept = "application/sparql-results+json;q=0.2, text/csv;q=0.9"
    assert _get(url, q, {"Accept": accept})[1]["content-type"].startswith("text/csv")
    status, headers, body = _get(url, q, {"Accept": "application/xml"})
    assert status == 200 and headers["content-type"].startswith("application/sparql-results+xml")
    assert ET.fromstring(body).tag == "{http://www.w3.org/2005/sparql-results#}sparql"
    assert _get(url, q, {"Accept": "application/sparql-results+json;q=0"})[0] == 406
    assert _get(url, q, {"Accept": "image/png"})[0] == 406


def test_ask_is_never_csv_unless_asked(url: str):
    q = [("query", "ASK {}")]
    for accept in ("text/*", "*/*", "text/*, application/*;q=0.1", "application/sparql-results+xml, */*"):
        assert not _get(url, q, {"Accept": accept})[1]["content-type"].startswith("text/csv"), accept
    assert _get(url, q, {"Accept": "text/csv"})[1]["content-type"].startswith("text/csv")


@pytest.mark.parametrize(
    ("mime", "fmt"),
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
    ],
)
def test_construct_in_every_rdf_format(url: str, mime: str, fmt: str):
    q = [("query", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")]
    status, headers, body = _get(url, q, {"Accept": mime})
    assert status == 200 and headers["content-type"].startswith(mime)
    assert len(Graph().parse(data=body.decode("utf-8"), format=fmt)) == 60


def test_construct_in_an_unknown_format_is_406(url: str):
    assert _get(url, [("query", "DESCRIBE <http://example.org/s1>")], {"Accept": "text/html"})[0] == 406


def test_bodies_must_be_utf8(url: str):
    latin1 = 'ASK { ?s ?p "é" }'.encode("latin-1")
    assert request(url, "POST", body=latin1, headers={"Content-Type": "application/sparql-query"})[0] == 400
    utf8 = 'SELECT ?o WHERE { BIND("é" AS ?o) }'.encode()
    status, _, body = request(url, "POST", body=utf8, headers={"Content-Type": "application/sparql-query"})
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["o"]["value"] == "é"
    form = b"query=ASK%20%7B%20%3Fs%20%3Fp%20%22%E9%22%20%7D"  # %E9: Latin-1 é, not UTF-8
    assert request(url, "POST", body=form, headers={"Content-Type": "application/x-www-form-urlencoded"})[0] == 400
    utf16 = "ASK {}".encode("utf-16")
    headers = {"Content-Type": "application/sparql-query; charset=UTF-16"}
    assert request(url, "POST", body=utf16, headers=headers)[0] == 400


def test_every_library_query_passes_the_parse_check(url: str):
    from kg.query import queries_dir

    for path in sorted(queries_dir().glob("*.rq")):
        status, _, body = request(
            url, "POST", body=path.read_bytes(), headers={"Content-Type": "application/sparql-query"}
        )
        assert status == 200, (path.name, body)


def test_store_helpers_are_small_and_honest(tmp_path: Path):
    from kg.store import store_generation, writer_active

    store = small_store(tmp_path / "s", 3)
    assert not writer_active(store)
    assert store_generation(store) == store_generation(store)
