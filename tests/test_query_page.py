"""Listings that page from their keys (``# Page:``, :mod:`kg.query_page`) give the rows the plain
query gives, every page a slice of one sequence; a name many entities share is answered with a
bounded, ordered list and their number (issue 19, item 4)."""

from __future__ import annotations

import time
from collections import Counter

import pyoxigraph as ox
import pytest

from kg.errors import KgError, QueryError
from kg.graph import AMBIGUOUS_SHOWN, KnowledgeGraph
from kg.ontology import PREFIXES
from kg.query import QuerySpec, library
from kg.query_page import MAX_RANKS, page, page_plan
from tests.answers import concat_columns

PAGED = [s for s in library() if s.page]


def _rows(spec: QuerySpec, solutions: object, names: list[str]) -> list[tuple[object, ...]]:
    concat = concat_columns(spec.text)
    out = []
    for sol in solutions:  # type: ignore[attr-defined]
        row = []
        for n in names:
            v = None if sol[n] is None else str(sol[n].value)
            row.append(frozenset(v.split("; ")) if n in concat and v is not None else v)
        out.append(tuple(row))
    return out


def test_the_listings_that_group_the_whole_graph_page_from_keys():
    assert {s.name for s in PAGED} >= {"people", "places", "aliases", "multi_source"}
    for spec in PAGED:
        assert page_plan(spec) is not None


@pytest.mark.parametrize("which", ["seed_graph", "data_graph"])
@pytest.mark.parametrize("spec", PAGED, ids=lambda s: s.name)
def test_a_paged_listing_has_the_plain_query_s_rows(which: str, spec: QuerySpec, request: pytest.FixtureRequest):
    g: KnowledgeGraph = request.getfixturevalue(which)
    plain = g.query(spec.text)
    names = [v.value for v in plain.variables]
    want = _rows(spec, plain, names)
    whole = page(g, spec, MAX_RANKS)  # more rows than either store has
    assert whole is not None and [v.value for v in whole.variables] == names
    got = _rows(spec, whole, names)
    assert Counter(got) == Counter(want)
    if spec.page.endswith("by rank"):  # the summary's order is the query's own
        assert got == want
    # every page, whatever its size, is a slice of the one sequence
    n = max(1, len(got) // 3)
    for limit, offset in ((n, 0), (n, n), (2 * n, 0), (n + 1, n - 1), (3, len(got) - 2)):
        part = page(g, spec, limit, offset)
        assert part is not None and _rows(spec, part, names) == got[offset : offset + limit]


@pytest.mark.parametrize("spec", [s for s in PAGED if not s.page.endswith("by rank")], ids=lambda s: s.name)
def test_small_batches_give_the_same_rows_and_the_same_pages(data_graph: KnowledgeGraph, spec: QuerySpec,
                                                              monkeypatch: pytest.MonkeyPatch):
    """Many batches of two keys: the rows are still the plain query's, each key's rows together,
    and pages are slices of the one sequence."""
    import kg.query_page

    plain = data_graph.query(spec.text)
    names = [v.value for v in plain.variables]
    want = _rows(spec, plain, names)
    monkeypatch.setattr(kg.query_page, "KEYS", 2)
    got = _rows(spec, page(data_graph, spec, None) or [], names)
    assert len(want) > 2 * 2 and Counter(got) == Counter(want)
    var, _, until = page_plan(spec)  # type: ignore[misc]
    if until:  # an ordered listing keeps its order: the same sequence of sort keys as the plain query
        at = [names.index(k) for k in ("start", "event")]
        assert [tuple(r[i] for i in at) for r in got] == [tuple(r[i] for i in at) for r in want]
    else:  # a key's rows come together
        keys = [r[names.index(var)] for r in got]
        assert all(keys.index(k) == i or keys[i - 1] == k for i, k in enumerate(keys))
    assert _rows(spec, page(data_graph, spec, 3, 2) or [], names) == got[2:5]


def test_a_listing_with_parameters_or_no_plan_pages_the_plain_way(seed_graph: KnowledgeGraph):
    spec = next(s for s in PAGED if s.name == "people")
    assert page(seed_graph, spec, 5, 0, {"x": "y"}) is None
    ranked = next(s for s in PAGED if s.page.endswith("by rank"))
    assert page(seed_graph, ranked, None) is None and page(seed_graph, ranked, MAX_RANKS + 1) is None
    assert page(seed_graph, ranked, MAX_RANKS) is not None
    assert page(seed_graph, QuerySpec("SELECT ?x WHERE { ?x a kg:Person }"), 5) is None


@pytest.mark.parametrize(
    "line", ["?x", "?x by", "?x by ../../etc/passwd.rq", "?x by keys/nothing_here.rq", "x by rank"]
)
def test_a_bad_page_line_is_one_clear_error(line: str):
    with pytest.raises(QueryError, match=r"Page|key query"):
        page_plan(QuerySpec("SELECT ?x WHERE { ?x ?p ?o }", name="bad", page=line))


def test_an_empty_store_gives_the_listing_s_head(tmp_path):
    g = KnowledgeGraph(ox.Store(), tmp_path)
    spec = next(s for s in PAGED if s.name == "people")
    empty = page(g, spec, 10)
    assert empty is not None and empty.solutions == []
    assert [v.value for v in empty.variables] == ["person", "roles"]


def test_a_key_no_values_block_can_name_falls_back_to_the_plain_query():
    """Data loaded from elsewhere may label a person with a blank node: the page is then the plain
    query's (None: the caller slices it), never a query that does not parse."""
    prefixes = "".join(f"@prefix {k}: <{v}> .\n" for k, v in PREFIXES.items())
    store = ox.Store()
    store.load((prefixes + "<https://kg.example.org/doc/x> { _:p a kg:Person ; rdfs:label _:l . }\n").encode(),
               format=ox.RdfFormat.TRIG)
    g = KnowledgeGraph(store, ":memory:")
    spec = next(s for s in PAGED if s.name == "people")
    assert page(g, spec, 10) is None
    assert len(list(g.query(spec.text))) == 1


def test_a_deep_page_keeps_only_its_own_rows(data_graph: KnowledgeGraph):
    spec = next(s for s in PAGED if s.name == "people")
    whole = page(data_graph, spec, MAX_RANKS)
    assert whole is not None and len(whole.solutions) > 12
    deep = page(data_graph, spec, 5, len(whole.solutions) - 7)
    assert deep is not None and [str(s["person"]) for s in deep.solutions] == [
        str(s["person"]) for s in whole.solutions[-7:-2]
    ]


# --- a name many entities share ---

def _shared_name_store(n: int) -> KnowledgeGraph:
    prefixes = "".join(f"@prefix {k}: <{v}> .\n" for k, v in PREFIXES.items())
    r = "https://kg.example.org/resource/"
    body = "".join(
        f'<https://kg.example.org/doc/a{i}> {{ <{r}Lake_{i:03d}> a kg:Landform ; rdfs:label "Blue Lake {i}" ; '
        f'skos:altLabel "Blue Lake" ; kg:nameKey "blue lake {i}", "blue lake" . }}\n'
        for i in range(n)
    )
    store = ox.Store()
    store.load((prefixes + body).encode(), format=ox.RdfFormat.TRIG)
    return KnowledgeGraph(store, ":memory:")


def test_a_name_many_entities_share_lists_the_first_few_and_counts_them():
    g = _shared_name_store(AMBIGUOUS_SHOWN + 15)
    t0 = time.perf_counter()
    with pytest.raises(KgError) as err:
        g.resolve("BLUE lake")
    assert time.perf_counter() - t0 < 5
    message = str(err.value)
    r = "https://kg.example.org/resource/"
    shown = [f"Blue Lake {i} <{r}Lake_{i:03d}>" for i in range(AMBIGUOUS_SHOWN)]
    assert message == f"'BLUE lake' is ambiguous: {', '.join(shown)} and 15 more ({AMBIGUOUS_SHOWN + 15} entities)"
    assert g.resolve("blue lake 12") == f"{r}Lake_012"


def test_a_name_a_few_entities_share_lists_them_all():
    g = _shared_name_store(3)
    r = "https://kg.example.org/resource/"
    with pytest.raises(KgError) as err:
        g.resolve("Blue Lake")
    assert str(err.value) == (f"'Blue Lake' is ambiguous: Blue Lake 0 <{r}Lake_000>, Blue Lake 1 <{r}Lake_001>, "
                              f"Blue Lake 2 <{r}Lake_002>")
