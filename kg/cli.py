"""The ``kg`` command: thin wrappers that parse options and call library functions."""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.cli_io import (
    _STDOUT_NQ,
    _build_stdio,
    _constraint_summary,
    _export_to_stdout,
    _names,
    _Progress,
    _store,
    _store_line,
    _store_option,
    _warn_invalid,
)
from kg.cli_server import push, serve
from kg.errors import ExportError, KgError, QueryError

if TYPE_CHECKING:
    pass

__all__ = ["main"]

_DEBUG = {"on": False}
UNMAPPED_SHOWN = 30  # unmapped infobox keys named in the build summary; the rest are counted


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.version_option("0.1.0", prog_name="kg")
def cli(debug: bool) -> None:
    """Build and use a knowledge graph of encyclopedic articles.

    \b
    kg build seeds -o graph.trig     read articles, write the store and a dump
    kg query leaders                 run a query from queries/ (or a file, or inline SPARQL)
    kg stats                         counts, central entities, communities
    kg path "A" "B"                  the shortest explained path between two entities
    kg serve                         a read-only SPARQL endpoint on 127.0.0.1:7878
    kg validate                      check the graph against kg/shapes.ttl (SHACL)
    kg export gexf -o graph.gexf     open it in Gephi
    kg push --graph-store URL        load it into a SPARQL server (Graph Store Protocol)
    kg extract SHARD --store S       extract a shard in parallel with others, then kg build
    kg rules                         the prose rules: scope, relations, needs, example
    """
    _DEBUG["on"] = debug


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_store_option
@click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Dump file; format from the extension (.trig .nq .ttl .nt .jsonld); - for N-Quads on stdout. Repeatable.",
)
@click.option("--base", default=None, help="Base IRI of minted resources.")
@click.option("--jobs", default=1, show_default=True, type=click.IntRange(1, 64), help="Worker processes for NLP.")
@click.option("--no-inference", is_flag=True, help="Do not add inferred facts.")
@click.option("--min-confidence", default=0.0, type=click.FloatRange(0, 1), help="Drop facts below this.")
@click.option(
    "--max-bytes",
    default=5_000_000,
    show_default=True,
    type=click.IntRange(1),
    help="Reject article files larger than this.",
)
@click.option("--prune", is_flag=True, help="Remove the graphs of articles not given in PATHS.")
@click.option("--no-cache", is_flag=True, help="Annotate every article again (ignore <store>-cache/).")
@click.option("--explain-drops", is_flag=True, help="List each fact dropped or kept by retyping for domain/range.")
@click.option("--no-validate", is_flag=True, help="Do not check the store against kg/shapes.ttl after the build.")
@click.option("-q", "--quiet", is_flag=True, help="No progress line (shown only when stderr is a terminal).")
@click.option(
    "--dask",
    "dask_address",
    default=None,
    metavar="ADDRESS",
    help="Annotate and extract on a Dask cluster: a scheduler (tcp://host:8786) or local:N worker processes.",
)
@click.option("--dask-batch", default=None, type=click.IntRange(1, 1000),
              help="Articles per Dask task (default: up to 32, at least 4 tasks per worker).")
@click.option(
    "--scorer",
    type=click.Choice(["rules", "model"]),
    default="rules",
    show_default=True,
    help="Who decides the facts: the rules' constant confidences, or the trained model (kg/data/scorer.json).",
)
@click.option("--rules-only", is_flag=True, help="The rules alone decide (same as --scorer rules).")
def build(
    paths: tuple[Path, ...],
    store: Path | None,
    outputs: tuple[Path, ...],
    base: str | None,
    jobs: int,
    no_inference: bool,
    min_confidence: float,
    max_bytes: int,
    prune: bool,
    no_cache: bool,
    explain_drops: bool,
    no_validate: bool,
    quiet: bool,
    dask_address: str | None,
    dask_batch: int | None,
    scorer: str,
    rules_only: bool,
) -> None:
    """Read articles (files or folders of *.txt, or - for one article on stdin) and build the graph into the store.

    A rebuild reuses the extraction of every article whose text (and kg's rules) did not
    change; each article's graph is replaced atomically; a second writer is refused.
    """
    from kg.pipeline import build_graph
    from kg.rdf import DEFAULT_BASE, BaseIriError, check_base

    try:
        check_base(base or DEFAULT_BASE)
    except BaseIriError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    if dask_address is not None:
        from kg.distributed import require

        require(dask_address)  # a bad address or no Dask installed: one line, before the store is opened
    from kg.score.model import load_scorer

    model = load_scorer() if scorer == "model" and not rules_only else None  # a bad artefact stops here
    paths, outputs = _build_stdio(paths, outputs, max_bytes)
    where = _store(store)
    bar = _Progress(quiet)
    try:
        report = build_graph(
            paths,
            where,
            outputs,
            base or DEFAULT_BASE,
            jobs,
            not no_inference,
            min_confidence,
            max_bytes,
            bar,
            prune=prune,
            use_cache=not no_cache,
            dask=dask_address,
            dask_batch=dask_batch,
            scorer=model,
        )
    finally:  # an error ends the progress line first, so it stands on its own line
        bar.done()
    for problem in report.failures:
        click.echo(f"error: {problem}", err=True)
    if not report.articles:
        click.echo(f"Nothing built: no article could be read. {_store_line(report)}", err=True)
        sys.exit(1)
    reused = f"; {report.reused} unchanged, reused" if report.reused else ""
    click.echo(f"Built {len(report.articles)} article(s) into {where} ({report.quads} quads written{reused}).")
    click.echo(_store_line(report))
    if report.pruned:
        click.echo(f"Pruned {len(report.pruned)} article(s) no longer given: " + ", ".join(report.pruned))
    if report.kept:
        click.echo(
            f"{len(report.kept)} stored article(s) were not in this build: kept (use --prune to remove them): "
            + _names(report.kept)
        )
    ents = sum(report.entities_by_type.values())
    click.echo(f"Entities: {ents}  " + ", ".join(f"{k} {v}" for k, v in report.entities_by_type.most_common() if v))
    facts = sum(report.facts_by_relation.values())
    click.echo(f"Facts: {facts}  " + ", ".join(f"{k} {v}" for k, v in report.facts_by_relation.most_common()))
    if report.unmapped_keys:
        shown = report.unmapped_keys.most_common(UNMAPPED_SHOWN)
        more = len(report.unmapped_keys) - len(shown)
        click.echo(
            "Unmapped infobox keys (kept as kg:infoboxValue): "
            + ", ".join(f"{k} {v}" for k, v in shown)
            + (f" and {more} more" if more else "")
        )
    if report.cache_rejected:
        click.echo(
            f"warning: {report.cache_rejected} cache entr{'y was' if report.cache_rejected == 1 else 'ies were'} "
            f"corrupt, tampered or foreign; ignored and recomputed",
            err=True,
        )
    if report.skipped_sections:
        click.echo(
            f"Sections not read as prose: {sum(report.skipped_sections.values())}  "
            + ", ".join(f"{k} {v}" for k, v in report.skipped_sections.most_common())
        )
    _constraint_summary(report, explain_drops)
    for w in report.warnings:
        click.echo(f"warning: {w}", err=True)
    if not no_validate and report.articles:
        _warn_invalid(where)
    for out in report.outputs:
        click.echo(f"Wrote {'standard output' if Path(out).name == _STDOUT_NQ else out}")
    if report.failures:
        click.echo(f"{len(report.failures)} article(s) failed; the others were built.", err=True)
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_store_option
@click.option("--jobs", default=1, show_default=True, type=click.IntRange(1, 64), help="Worker processes.")
@click.option("--max-bytes", default=5_000_000, show_default=True, type=click.IntRange(1), help="Reject larger files.")
@click.option("-q", "--quiet", is_flag=True, help="No progress line (shown only when stderr is a terminal).")
@click.option("--scorer", type=click.Choice(["rules", "model"]), default="rules", help="For 'kg build --scorer'.")
def extract(paths: tuple[Path, ...], store: Path | None, jobs: int, max_bytes: int, quiet: bool, scorer: str) -> None:
    """Extract articles into the store's extraction cache only (no lock, nothing written to the store).

    Run it on shards of a corpus in parallel, on one machine or many sharing the folder, then
    'kg build' the whole corpus: it reuses every extraction and only resolves, infers and writes.
    """
    from kg.pipeline import extract_to_cache

    where = _store(store)
    bar = _Progress(quiet)
    report = extract_to_cache(paths, where, jobs, max_bytes, bar, candidates=scorer == "model")
    bar.done()
    for problem in report.failures:
        click.echo(f"error: {problem}", err=True)
    fresh = len(report.articles) - report.reused
    click.echo(
        f"Extracted {fresh} article(s) into {where}-cache ({report.reused} already there); "
        f"'kg build' the corpus with --store {where} to resolve, infer and write."
    )
    if report.failures:
        click.echo(f"{len(report.failures)} article(s) failed; the others were extracted.", err=True)
        sys.exit(1)


@cli.command()
@click.argument("query", required=False)
@_store_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json"]),
    default=None,
    help="Output format (default: table on a terminal, csv otherwise).",
)
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind ?NAME to VALUE (a literal; <iri> for an IRI). Repeatable.",
)
@click.option("--list", "list_", is_flag=True, help="List the query library: names, titles, parameters.")
@click.option("--limit", type=click.IntRange(1, 1_000_000), default=None, metavar="N", help="Print at most N rows.")
@click.option("--offset", type=click.IntRange(0, 1_000_000_000), default=0, metavar="N", help="Skip the first N rows.")
def query(query: str | None, store: Path | None, fmt: str | None, params: tuple[str, ...], list_: bool,
          limit: int | None, offset: int) -> None:  # fmt: skip
    """Run a SPARQL query: a name from the library (--list), a .rq path, inline SPARQL, or - (stdin)."""
    from kg.graph import KnowledgeGraph
    from kg.query import bind_params, format_results, library, query_spec
    from kg.query_page import answer
    from kg.query_summary import summary_fallback

    if list_:
        for q in library():
            click.echo(f"{q.name:18} {q.title}\n{'':18} parameters: {q.describe_params()}")
        return
    if query is None:
        raise click.UsageError("give a QUERY (a library name, a .rq file, inline SPARQL or -), or --list")
    spec = query_spec(query)
    kg = KnowledgeGraph.open(_store(store))
    spec = summary_fallback(kg.store, _store(store), spec, lambda note: click.echo(f"note: {note}", err=True))
    binds = bind_params(kg, spec, params)
    try:
        result, limit, offset = answer(kg, spec, limit, offset, binds)  # a listing pages from its keys
    except QueryError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    click.echo(format_results(result, fmt or ("table" if sys.stdout.isatty() else "csv"), limit, offset), nl=False)


@cli.command()
@_store_option
@click.option("--top", default=10, show_default=True, help="How many central entities to list.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stats(store: Path | None, top: int, as_json: bool) -> None:
    """Counts by type and relation, components, PageRank, betweenness, communities."""
    from kg.graph import KnowledgeGraph
    from kg.netx import graph_stats
    from kg.store import interrupted_build

    if interrupted_build(_store(store)) is not None:
        click.echo(
            f"warning: the last build into {_store(store)} was interrupted before it finished; "
            "these figures are partial (run the same 'kg build' again to complete it)",
            err=True,
        )
    s = graph_stats(KnowledgeGraph.open(_store(store)).to_networkx(), top)
    if as_json:
        click.echo(json.dumps(s, indent=1, ensure_ascii=False))
        return
    click.echo(f"{s['nodes']} entities, {s['edges']} relations, {s['components']} connected components")
    click.echo("Types: " + ", ".join(f"{k} {v}" for k, v in s["types"]))
    click.echo("Relations: " + ", ".join(f"{k} {v}" for k, v in s["relations"]))
    click.echo("Top by PageRank: " + ", ".join(f"{k} ({v})" for k, v in s["pagerank"]))
    click.echo("Top by betweenness: " + ", ".join(f"{k} ({v})" for k, v in s["betweenness"]))
    for i, c in enumerate(s["communities"], 1):
        click.echo(f"Community {i}: " + ", ".join(c))


@cli.command()
@click.argument("source")
@click.argument("target")
@_store_option
def path(source: str, target: str, store: Path | None) -> None:
    """The shortest path between two entities, each hop with its evidence."""
    from kg.graph import KnowledgeGraph

    hops = KnowledgeGraph.open(_store(store)).shortest_path(source, target)
    for frm, rel, to, direction, sentence in hops:
        arrow = f"--{rel}-->" if direction == "->" else f"<--{rel}--"
        click.echo(f"{frm} {arrow} {to}\n    “{sentence}”")


@cli.command()
@click.argument("fmt", metavar="FORMAT")
@click.option(
    "-o", "--output", required=True, type=click.Path(path_type=Path), help="Output file (folder for csv; - for stdout)."
)
@_store_option
@click.option("--types", default="", help="Keep these classes (and subclasses), comma-separated: Person,Place.")
@click.option("--relations", default="", help="Keep these relations, comma-separated: leader,foundedBy.")
@click.option("--min-confidence", default=0.0, type=click.FloatRange(0, 1), help="Drop weaker relations.")
@click.option("--article", default=None, help="Keep the entities of one article (file stem).")
@click.option("--around", default=None, help="Keep the neighbourhood of this entity.")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(1, 10), help="Hops for --around.")
@click.option("--open", "open_", is_flag=True, help="Open the exported page (html) in the default browser.")
def export(
    fmt: str,
    output: Path,
    store: Path | None,
    types: str,
    relations: str,
    min_confidence: float,
    article: str | None,
    around: str | None,
    depth: int,
    open_: bool,
) -> None:
    """Export: gexf (Gephi), graphml, csv (nodes.csv + edges.csv), html (an interactive page that works
    offline), or an RDF dump (nq, nt, trig, ttl, jsonld with a schema.org context).

    The filters apply to gexf, graphml, csv and html; RDF dumps are the whole store.
    """
    from kg.export import EXPORT_FORMATS, ExportFilter, check_output
    from kg.graph import KnowledgeGraph

    def split(s: str) -> frozenset[str]:
        return frozenset(x.strip() for x in s.split(",") if x.strip())

    fmt = fmt.lower().lstrip(".")
    if fmt not in EXPORT_FORMATS:
        raise click.UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    flt = ExportFilter(split(types), split(relations), min_confidence, article, around, depth)
    if open_ and fmt != "html":
        raise click.UsageError("--open works with the html format")
    to_stdout = str(output) == "-"
    if to_stdout and (fmt == "csv" or open_):
        raise click.UsageError("-o - (standard output) takes one text file: not csv (a folder) nor --open")
    if not to_stdout:
        try:
            check_output(fmt, output)
        except ExportError as exc:  # a usage error: one line, exit 2
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)
        KnowledgeGraph.open(_store(store)).export(fmt, output, flt)
        click.echo(f"Wrote {output}")
    else:
        _export_to_stdout(KnowledgeGraph.open(_store(store)), fmt, flt)
    if open_:
        import webbrowser

        if not webbrowser.open(output.resolve().as_uri()):
            click.echo("No browser found; open the file yourself.", err=True)


@cli.command()
@_store_option
@click.option("--limit", default=50, show_default=True, help="Violations to print.")
def validate(store: Path | None, limit: int) -> None:
    """Check the store against the graph contract (SHACL shapes in kg/shapes.ttl)."""
    from kg.validate import validate_store

    found = validate_store(_store(store))
    if not found:
        click.echo("The graph conforms to kg/shapes.ttl.")
        return
    for v in found[:limit]:
        click.echo(v.line())
    more = f" (first {limit} shown)" if len(found) > limit else ""
    click.echo(f"{len(found)} violation(s){more}", err=True)
    sys.exit(1)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def rules(as_json: bool) -> None:
    """List the prose rules in the order they run: scope, relations, needs and an example."""
    from kg.extract.relations.rules import describe_rules

    click.echo(describe_rules(as_json))


cli.add_command(serve)
cli.add_command(push)


def main() -> None:
    """Entry point: run the CLI; a KgError prints one line and exits 1 (2 for a bad query)."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except QueryError as exc:
        if _DEBUG["on"]:
            traceback.print_exc()
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    except KgError as exc:
        if _DEBUG["on"]:
            traceback.print_exc()
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except Exception as exc:  # a bug of ours: one line, and the traceback only with --debug
        if _DEBUG["on"]:
            traceback.print_exc()
        click.echo(f"internal error: {type(exc).__name__}: {exc} (rerun with --debug for details)", err=True)
        sys.exit(3)
