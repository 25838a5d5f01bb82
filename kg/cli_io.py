"""What the ``kg`` commands share: the --store option, progress on stderr, standard input and
output as files, and the parts of the build summary."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from kg.errors import KgError

if TYPE_CHECKING:
    from kg.pipeline import BuildReport

__all__: list[str] = []  # helpers of kg.cli and kg.cli_server

F = TypeVar("F", bound=Callable[..., Any])


def _store_option(f: F) -> F:
    return click.option(
        "--store", type=click.Path(path_type=Path), default=None, help="Store folder (default: $KG_STORE or ./.kg)."
    )(f)


def _store(path: Path | None) -> Path:
    from kg.store import default_store_path

    return path if path is not None else default_store_path()


def _store_line(report: BuildReport) -> str:
    """The whole store's totals after the build (this build's own counts are on the other lines)."""
    t = report.store_totals
    if not t:
        return ""
    return (
        f"Store {report.store} now holds {t['articles']} article(s), {t['entities']} entities, "
        f"{t['facts']} facts, {t['quads']} quads."
    )


def _names(stems: list[str], shown: int = 10) -> str:
    """``a, b, c`` — at most ``shown`` names, then how many more."""
    more = len(stems) - shown
    return ", ".join(stems[:shown]) + (f" and {more} more" if more > 0 else "")


def _constraint_summary(report: BuildReport, explain: bool) -> None:
    """The domain/range line of the build summary, and with ``explain`` every fact behind it."""
    c = report.constraints
    click.echo(
        f"Domain/range: {len(c.dropped)} fact(s) dropped, {len(c.entities_retyped)} entit(ies) retyped "
        f"({len(c.retyped)} fact(s) kept by retyping)"
        + ("" if explain or not (c.dropped or c.retyped) else "; --explain-drops lists them")
    )
    if explain:
        for d in sorted(c.retyped + c.dropped):
            obj = f"{d.object} ({d.object_class})"
            click.echo(
                f"  {d.action:8} {d.article}@{d.start}  {d.subject} ({d.subject_class}) --{d.relation}--> {obj}"
                f"  [{d.reason}; rule {d.rule}]  “{d.sentence[:160]}”"
            )


def _warn_invalid(where: Path) -> None:
    """Warn when the store holds anything ``kg validate`` would reject."""
    from kg.validate import validate_store

    found = validate_store(where)
    if found:
        click.echo(
            f"warning: the store has {len(found)} violation(s) of kg/shapes.ttl; 'kg validate' lists them", err=True
        )


_STDOUT_NQ = "kg-stdout.nq"


def _build_stdio(paths: tuple[Path, ...], outputs: tuple[Path, ...], max_bytes: int) -> tuple[Any, Any]:
    """``kg build -`` and ``-o -``: standard input saved as one article in a temporary folder, named
    after its title (its first line); ``-o -`` written to a temporary N-Quads file that is copied to
    stdout when the command ends, the summary going to stderr meanwhile."""
    import contextlib
    import shutil
    import tempfile

    if not any(str(p) == "-" for p in (*paths, *outputs)):
        return paths, outputs
    ctx = click.get_current_context()
    tmp = Path(ctx.with_resource(tempfile.TemporaryDirectory(prefix="kg-build-")))
    paths = tuple(_stdin_article(tmp, max_bytes) if str(p) == "-" else p for p in paths)
    if any(str(o) == "-" for o in outputs):
        nquads = tmp / _STDOUT_NQ
        outputs = tuple(nquads if str(o) == "-" else o for o in outputs)

        def copy() -> None:
            if nquads.exists():
                with nquads.open("rb") as fh:
                    shutil.copyfileobj(fh, sys.stdout.buffer)
                sys.stdout.flush()

        ctx.call_on_close(copy)
        ctx.with_resource(contextlib.redirect_stdout(sys.stderr))
    return paths, outputs


def _stdin_article(folder: Path, max_bytes: int) -> Path:
    """Standard input as one article file, named after its title."""
    import re
    import unicodedata

    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise KgError(f"standard input: larger than --max-bytes ({max_bytes})")
    first = data.decode("utf-8-sig", errors="replace").lstrip().split("\n", 1)[0]
    title = unicodedata.normalize("NFKD", first.strip().strip("=").strip())
    stem = re.sub(r"[^a-z0-9]+", "_", "".join(c for c in title if not unicodedata.combining(c)).lower()).strip("_")
    if not stem:
        raise KgError("standard input: no article (its first line should be its title, '= Title =')")
    path = folder / f"{stem[:80]}.txt"
    path.write_bytes(data)
    return path


class _Progress:
    """A progress line on stderr, only when stderr is a terminal (never in a log or a pipe): the
    stage, articles done of all, the rate and the time left, redrawn in place at most 10 times a
    second and at every stage's last article."""

    def __init__(self, quiet: bool = False, stream: Any = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.on = not quiet and _isatty(self.stream)
        self.shown = False
        self.stage = ""
        self.t0 = self.last = 0.0
        self.n0 = 0

    def __call__(self, stage: str, n: int, total: int) -> None:
        if not self.on:
            return
        import time

        now = time.monotonic()
        if stage != self.stage:
            if self.shown:
                self.stream.write("\n")
            self.stage, self.t0, self.n0, self.last = stage, now, n - 1, 0.0
        if n != total and now - self.last < 0.1:
            return
        self.last = now
        self.stream.write("\r\x1b[K" + progress_line(stage, n, total, n - self.n0, now - self.t0))
        self.stream.flush()
        self.shown = True

    def done(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def progress_line(stage: str, n: int, total: int, done: int, seconds: float) -> str:
    """One progress line: ``done`` articles took ``seconds`` in this stage.

    >>> progress_line("extract", 50, 200, 50, 10.0)
    'extract   50/200  5.0 articles/s  0:30 left'
    >>> progress_line("read", 1, 200, 0, 0.0)
    'read       1/200'
    """
    width = len(str(total))
    line = f"{stage:8} {n:>{width}}/{total}"
    if done <= 0 or seconds <= 0:
        return line
    rate = done / seconds
    left = round((total - n) / rate)
    return line + f"  {rate:.1f} articles/s  {left // 60}:{left % 60:02d} left"


def _export_to_stdout(kg: Any, fmt: str, flt: Any) -> None:
    """Write the export to a temporary file, then copy it to standard output."""
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory(prefix="kg-export-") as tmp:
        out = Path(tmp) / f"export.{fmt}"
        kg.export(fmt, out, flt)
        with out.open("rb") as fh:
            shutil.copyfileobj(fh, sys.stdout.buffer)
        sys.stdout.flush()
