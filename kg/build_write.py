"""The build's write stage: the ontology's graph and each article's graph into the store, each
counted into the store's tally (:mod:`kg.store_tally`).

Each article's quads are made (:func:`kg.rdf.article_quads`) and tallied in the build's thread
while :class:`kg.store_writer.GraphWriter` stores the graphs before it in a thread of its own, one
transaction a graph, in article order (Oxigraph's insert releases Python's lock, so on a free core
the two overlap). The store is flushed, and the tally committed, every ``flush_quads`` quads, once
every graph before is written.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kg.model import Entity
from kg.ontology import RELATIONS, ontology_graph
from kg.rdf import Iris, ResolvedFact, article_quads
from kg.store import ox_quads
from kg.store_tally import Tally, quad_triples
from kg.store_writer import GraphWriter

if TYPE_CHECKING:
    from kg.annotate import Progress
    from kg.extract import Extraction
    from kg.pipeline import BuildReport
    from kg.resolve import Resolution

__all__ = ["write_articles"]


def write_articles(
    report: BuildReport,
    ox_store: ox.Store,
    base: str,
    extractions: Sequence[Extraction],
    res: Resolution,
    facts: Sequence[ResolvedFact],
    hashes: dict[str, str],
    progress: Progress | None,
    tally: Tally,
    write: Callable[[ox.Store, Any, Sequence[ox.Quad]], int],
    flush_quads: int,
) -> None:
    """Write the ontology's graph and every article's with ``write`` (:func:`kg.store.write_graph`);
    ``report`` counts the quads written and lists each article once its graph is in the store."""
    from kg.gazetteer_link import link_places

    iris = Iris(base)
    by_article: dict[str, list[ResolvedFact]] = defaultdict(list)
    for f in facts:
        by_article[f.evidence.article].append(f)
    gaz_ids = link_places(res.entities, facts)
    with GraphWriter(ox_store, write, partial(_written, report)) as writer:
        onto = [(s, p, o, iris.ontology_graph) for s, p, o in ontology_graph()]
        writer.put(None, iris.ontology_graph, list(ox_quads(onto)))
        unflushed = 0
        for n, ex in enumerate(extractions, 1):
            if progress:
                progress("write", n, len(extractions))
            stem = ex.article.stem
            keys = {res.of[m] for m in ex.mentions if m in res.of}
            art_facts = by_article.get(stem, [])
            for f in art_facts:
                keys.add(f.subject)
                if isinstance(f.object, str):
                    keys.add(f.object)
            ents: list[Entity] = [res.entities[k] for k in sorted(keys) if k in res.entities]
            meta = {"title": ex.article.title, "file": Path(ex.article.path).name, "hash": hashes[stem]}
            subj = res.of.get(ex.subject)
            if subj:
                meta["about"] = subj
            quads = list(article_quads(iris, stem, meta, ents, art_facts, gaz_ids))
            writer.put(stem, iris.article(stem), quads)
            tally.replace(str(iris.article(stem)), quad_triples(quads))
            unflushed += len(quads)
            if unflushed >= flush_quads:  # Oxigraph keeps what it wrote in memory until a flush
                writer.drain()
                ox_store.flush()
                tally.commit()
                unflushed = 0
            report.unmapped_keys.update(ex.unmapped_keys)
            for e in ents:  # the classes in the order the articles name them (the summary's order)
                report.entities_by_type[e.cls] += 0
        writer.drain()
    for e in res.entities.values():
        report.entities_by_type[e.cls] += 1
    for f in facts:
        report.facts_by_relation[RELATIONS[f.relation].name] += 1


def _written(report: BuildReport, stem: str | None, written: int) -> None:
    """A graph is in the store (called in the writer's thread): its quads counted, an article listed."""
    report.quads += written
    if stem is not None:
        report.articles.append(stem)
