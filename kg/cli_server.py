"""The ``kg serve`` and ``kg push`` commands (registered on the ``kg`` group by :mod:`kg.cli`)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli_io import _store, _store_option

__all__ = ["push", "serve"]


@click.command()
@_store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="IPv4 address to bind (loopback by default).")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535))
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(0.1), help="Seconds per query.")
@click.option("--max-results", default=10_000, show_default=True, type=click.IntRange(1), help="Rows per answer.")
@click.option("--max-body", default=100_000, show_default=True, type=click.IntRange(1), help="Bytes per request.")
@click.option(
    "--max-response-bytes", default=50_000_000, show_default=True, type=click.IntRange(1000), help="Bytes per answer."
)
@click.option("--max-query-memory", default=1000, show_default=True, type=click.IntRange(50), help="MB per query.")
@click.option("--workers", default=4, show_default=True, type=click.IntRange(1, 64), help="Query worker processes.")
@click.option("--cors", multiple=True, metavar="ORIGIN", help="Answer browsers on this origin (repeatable).")
def serve(
    store: Path | None,
    host: str,
    port: int,
    timeout: float,
    max_results: int,
    max_body: int,
    max_response_bytes: int,
    max_query_memory: int,
    workers: int,
    cors: tuple[str, ...],
) -> None:
    """A read-only SPARQL 1.1 endpoint at /sparql, with a query page at /."""
    import ipaddress

    from kg.serve import ServeError, ServeOptions
    from kg.serve import serve as run

    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    options = ServeOptions(
        timeout, max_results, max_body, max_response_bytes, workers, max_query_memory * 1_000_000, tuple(cors)
    )

    def announce(url: str) -> None:
        if not loopback:
            click.echo(
                f"warning: serving on {host}, reachable from other machines; the endpoint is read-only "
                "but has no authentication",
                err=True,
            )
        click.echo(f"SPARQL endpoint on {url}/sparql (query page: {url}/); Ctrl-C stops")

    try:
        run(_store(store), host, port, options, announce)
    except ServeError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)


@click.command()
@click.option("--endpoint", default=None, help="The server's SPARQL query endpoint (to verify, and for --prune).")
@click.option("--graph-store", default=None, help="The server's Graph Store Protocol URL (default: --endpoint).")
@_store_option
@click.option("--prune", is_flag=True, help="Delete the server's article graphs that the local store no longer has.")
@click.option("--user", default=None, help="HTTP basic-auth user; the password comes from $KG_PUSH_PASSWORD.")
@click.option(
    "--timeout", default=60.0, show_default=True, type=click.FloatRange(min=0.001), help="Seconds per whole request."
)
def push(
    endpoint: str | None, graph_store: str | None, store: Path | None, prune: bool, user: str | None, timeout: float
) -> None:
    """Load the graph into a SPARQL 1.1 store over the Graph Store HTTP Protocol.

    Each article's named graph replaces its namesake on the server (PUT ?graph=); other graphs are
    untouched. With --endpoint, the server's triple count per graph is checked against the local store.
    Oxigraph server: --endpoint http://HOST:7878/query --graph-store http://HOST:7878/store.
    """
    import os

    from kg.push import mask_url, push_store
    from kg.store import open_store

    target = graph_store or endpoint
    if target is None:
        raise click.UsageError("give --graph-store URL (and --endpoint URL to verify)")
    ox_store = open_store(_store(store), read_only=True)
    report = push_store(
        ox_store,
        target,
        endpoint=endpoint,
        prune=prune,
        user=user,
        password=os.environ.get("KG_PUSH_PASSWORD"),
        timeout=timeout,
    )
    triples = sum(report.pushed.values())
    click.echo(f"Pushed {len(report.pushed)} named graph(s), {triples} triples, to {mask_url(target)}")
    for g in report.deleted:
        click.echo(f"Deleted {g} (no longer in the local store)")
    if report.mismatched:
        for g, (mine, theirs) in sorted(report.mismatched.items()):
            click.echo(f"{g}: {mine} triples here, {theirs} on the server", err=True)
        click.echo(f"{len(report.mismatched)} graph(s) differ on the server", err=True)
        sys.exit(1)
    if report.verified:
        click.echo(f"Verified through {mask_url(endpoint or '')}: every graph holds the same number of triples.")
