"""The build: read → annotate → extract → resolve → assemble → store → dump."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.documents import DEFAULT_MAX_BYTES, Article, read_article
from kg.errors import ReadError
from kg.extract import Extraction, extract_article
from kg.gazetteer import gazetteer
from kg.model import DateValue, Entity, Mention
from kg.ontology import RELATIONS, ontology_graph
from kg.rdf import DEFAULT_BASE, Iris, ResolvedFact, article_quads, statement_id
from kg.resolve import Resolution, resolve_mentions
from kg.store import dump_store, open_store, write_graph

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["BuildReport", "build_graph", "collect_paths", "resolve_facts"]

Progress = Callable[[str, int, int], None]


@dataclass
class BuildReport:
    """What a build did: counts for the summary and every problem met."""

    store: str
    articles: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    entities_by_type: Counter[str] = field(default_factory=Counter)
    facts_by_relation: Counter[str] = field(default_factory=Counter)
    unmapped_keys: Counter[str] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    quads: int = 0
    outputs: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every article built."""
        return not self.failures


def collect_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[str]]:
    """Files to read (folders searched recursively for ``*.txt``, sorted) and problems with the paths."""
    files: list[Path] = []
    problems: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(q for q in p.rglob("*.txt") if q.is_file())
            if not found:
                problems.append(f"{p}: folder holds no *.txt articles")
            files.extend(found)
        elif p.is_file():
            files.append(p)
        else:
            problems.append(f"{p}: no such file or folder")
    seen: set[Path] = set()
    unique = []
    for f in files:
        r = f.resolve()
        if r not in seen:
            seen.add(r)
            unique.append(f)
    return unique, problems


def _annotate(articles: Sequence[Article], jobs: int) -> list[tuple[list[Doc], Doc | None]]:
    """spaCy docs of every block, plus each article's lead paragraph with its brackets blanked."""
    from kg.extract.subject import blank_parentheses
    from kg.nlp import load_nlp

    nlp = load_nlp()
    texts: list[str] = []
    for a in articles:
        texts.extend(b.text for b in a.blocks)
        if a.blocks:
            texts.append(blank_parentheses(a.blocks[0].text))
    docs = list(nlp.pipe(texts, batch_size=64, n_process=max(1, jobs)))
    out: list[tuple[list[Doc], Doc | None]] = []
    i = 0
    for a in articles:
        n = len(a.blocks)
        out.append((docs[i : i + n], docs[i + n] if n else None))
        i += n + (1 if n else 0)
    return out


def resolve_facts(extractions: Sequence[Extraction], res: Resolution) -> list[ResolvedFact]:
    """Facts keyed by entity, self-loops and dropped mentions removed, duplicates merged."""
    out: dict[tuple[object, ...], ResolvedFact] = {}
    for ex in extractions:
        for f in ex.facts:
            s = res.of.get(f.subject)
            if s is None:
                continue
            o: object
            if isinstance(f.object, Mention):
                o = res.of.get(f.object)
                if o is None or o == s:
                    continue
            else:
                o = f.object
            rf = ResolvedFact(s, f.relation, o, f.evidence, f.qualifiers, f.inferred_by)
            key = (s, f.relation, o, f.evidence.article, f.evidence.start, f.evidence.extractor, f.qualifiers)
            prev = out.get(key)
            if prev is None or prev.evidence.confidence < f.evidence.confidence:
                out[key] = rf
    return sorted(_sharpen_dates(out.values()), key=lambda r: (r.evidence.article, r.evidence.start, statement_id(r)))


def _sharpen_dates(facts: Iterable[ResolvedFact]) -> list[ResolvedFact]:
    """A date that a more precise date of the same subject and relation refines ("1994" and
    "1994-03-12") becomes that date: one value, with both sentences as its evidence."""
    facts = list(facts)
    precise: dict[tuple[str, str], list[DateValue]] = defaultdict(list)
    for f in facts:
        if isinstance(f.object, DateValue):
            precise[(f.subject, f.relation)].append(f.object)
    out = []
    for f in facts:
        if isinstance(f.object, DateValue):
            finer = [d for d in precise[(f.subject, f.relation)] if d.iso.startswith(f.object.iso + "-")]
            if finer:
                f = replace(f, object=max(finer, key=lambda d: (len(d.iso), d.iso)))
        out.append(f)
    return out


def build_graph(
    paths: Iterable[str | Path],
    store: str | Path,
    outputs: Sequence[str | Path] = (),
    base: str = DEFAULT_BASE,
    jobs: int = 1,
    inference: bool = True,
    min_confidence: float = 0.0,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
) -> BuildReport:
    """Build the graph of ``paths`` into ``store`` and write each dump in ``outputs``."""
    report = BuildReport(str(store))
    files, problems = collect_paths(paths)
    report.failures.extend(problems)
    articles: list[Article] = []
    hashes: dict[str, str] = {}
    for n, f in enumerate(files, 1):
        if progress:
            progress("read", n, len(files))
        try:
            a = read_article(f, max_bytes=max_bytes)
        except ReadError as exc:
            report.failures.append(str(exc))
            continue
        if any(a.stem == b.stem for b in articles):
            report.failures.append(f"{f}: another article has the same file name {a.stem!r}; rename one")
            continue
        articles.append(a)
        hashes[a.stem] = hashlib.sha256(f.read_bytes()).hexdigest()
    gazetteer()
    docs = _annotate(articles, jobs) if articles else []
    extractions = []
    for n, (a, d) in enumerate(zip(articles, docs, strict=True), 1):
        if progress:
            progress("extract", n, len(articles))
        extractions.append(extract_article(a, d[0], d[1]))
    mentions = [m for ex in extractions for m in ex.mentions]
    same_as = [p for ex in extractions for p in ex.same_as]
    res = resolve_mentions(mentions, same_as)
    facts = [f for f in resolve_facts(extractions, res) if f.evidence.confidence >= min_confidence]
    if inference:
        from kg.infer import infer_facts

        facts = facts + [f for f in infer_facts(facts, res.entities) if f.evidence.confidence >= min_confidence]
    ox_store = open_store(store, create=True)
    try:
        _write(report, ox_store, base, extractions, res, facts, hashes, progress)
        for out in outputs:
            dump_store(ox_store, out)
            report.outputs.append(str(out))
    finally:
        del ox_store
    return report


def _write(
    report: BuildReport,
    ox_store: ox.Store,
    base: str,
    extractions: Sequence[Extraction],
    res: Resolution,
    facts: Sequence[ResolvedFact],
    hashes: dict[str, str],
    progress: Progress | None,
) -> None:
    from kg.gazetteer_link import link_places

    iris = Iris(base)
    onto = [(s, p, o, iris.ontology_graph) for s, p, o in ontology_graph()]
    report.quads += write_graph(ox_store, iris.ontology_graph, onto)
    by_article: dict[str, list[ResolvedFact]] = defaultdict(list)
    for f in facts:
        by_article[f.evidence.article].append(f)
    gaz_ids = link_places(res.entities)
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
        used = _used_entities(keys, art_facts, res, ex)
        ents: list[Entity] = [res.entities[k] for k in sorted(used)]
        meta = {"title": ex.article.title, "file": Path(ex.article.path).name, "hash": hashes[stem]}
        subj = res.of.get(ex.subject)
        if subj:
            meta["about"] = subj
        quads = list(article_quads(iris, stem, meta, ents, art_facts, gaz_ids))
        report.quads += write_graph(ox_store, iris.article(stem), quads)
        report.articles.append(stem)
        report.unmapped_keys.update(ex.unmapped_keys)
        for e in ents:
            report.entities_by_type[e.cls] += 0
    for e in res.entities.values():
        report.entities_by_type[e.cls] += 1
    for f in facts:
        report.facts_by_relation[RELATIONS[f.relation].name] += 1
    ox_store.flush()


def _used_entities(keys: set[str], facts: Sequence[ResolvedFact], res: Resolution, ex: Extraction) -> set[str]:
    """Entities an article's graph describes: those it mentions by name (not only via a dropped mention)."""
    return {k for k in keys if k in res.entities}
