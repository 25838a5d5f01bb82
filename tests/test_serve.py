"""The SPARQL endpoint over real HTTP on 127.0.0.1, with a standard client (SPARQLWrapper)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest
from SPARQLWrapper import CSV, JSON, XML, SPARQLWrapper

from kg.serve import ServeOptions, Server


@pytest.fixture(scope="module")
def endpoint(seed_build) -> Iterator[str]:
    _, store, _ = seed_build
    server = Server(store, "127.0.0.1", 0, ServeOptions(timeout=5, max_results=3, max_body=2000)).start()
    yield server.url
    server.stop()


def _client(url: str, fmt: str) -> SPARQLWrapper:
    c = SPARQLWrapper(url + "/sparql")
    c.setReturnFormat(fmt)
    return c


def test_select_in_json_xml_csv(endpoint: str):
    q = "SELECT ?l WHERE { ?o kg:leader ?x . ?x rdfs:label ?l }"
    c = _client(endpoint, JSON)
    c.setQuery(q)
    data = c.query().convert()
    assert [b["l"]["value"] for b in data["results"]["bindings"]] == ["Antauro Humala"]
    c = _client(endpoint, XML)
    c.setQuery(q)
    doc = c.query().convert()
    assert doc.getElementsByTagName("literal")[0].firstChild.data == "Antauro Humala"
    c = _client(endpoint, CSV)
    c.setQuery(q)
    assert c.query().convert().decode().splitlines() == ["l", "Antauro Humala"]


def test_post_and_ask(endpoint: str):
    c = _client(endpoint, JSON)
    c.setMethod("POST")
    c.setQuery("ASK { ?x kg:foundedBy ?y }")
    assert c.query().convert()["boolean"] is True


def test_result_cap_marks_truncation(endpoint: str):
    req = urllib.request.Request(
        endpoint + "/sparql?query=" + urllib.request.quote("SELECT ?s WHERE { ?s ?p ?o }"),
        headers={"Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(req) as r:
        assert r.headers["X-KG-Truncated"] == "true"
        assert len(json.load(r)["results"]["bindings"]) == 3


@pytest.mark.parametrize(
    ("data", "ctype", "status"),
    [
        (b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update", 403),
        (b"query=DELETE+WHERE+%7B+%3Fs+%3Fp+%3Fo+%7D", "application/x-www-form-urlencoded", 403),
        (b"SELECT * WHERE { SERVICE <http://example.com/sparql> { ?s ?p ?o } }", "application/sparql-query", 403),
        (b"SELECT * WHERE { ?s ?p ", "application/sparql-query", 400),
        (b"x" * 5000, "application/sparql-query", 413),
        (b"hello", "text/plain", 400),
    ],
)
def test_hostile_requests_are_refused_and_server_stays_up(endpoint: str, data: bytes, ctype: str, status: int):
    req = urllib.request.Request(endpoint + "/sparql", data=data, headers={"Content-Type": ctype}, method="POST")
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req)
    assert err.value.code == status
    with urllib.request.urlopen(endpoint + "/") as r:  # still serving
        assert b"kg SPARQL endpoint" in r.read()


def test_query_page_lists_examples(endpoint: str):
    with urllib.request.urlopen(endpoint + "/") as r:
        page = r.read().decode()
    assert "<textarea" in page and "leaders" in page
