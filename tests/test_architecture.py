"""The code's shape: no import cycle between kg's modules, no module too long to read at once, and
every name one module takes from another in the other's ``__all__``."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

KG = Path(__file__).resolve().parent.parent / "kg"
MAX_LINES = 450


def _modules() -> dict[str, Path]:
    out = {}
    for p in KG.rglob("*.py"):
        parts = list(p.relative_to(KG.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = p
    return out


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The kg modules ``name`` imports, at the top or inside a function (not under TYPE_CHECKING)."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            if isinstance(child, ast.Import):
                out.update(a.name for a in child.names if a.name in modules)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    up = package.split(".")[: len(package.split(".")) - child.level + 1]
                    base = ".".join([*up, *([child.module] if child.module else [])])
                for a in child.names:
                    full = f"{base}.{a.name}"
                    out.add(full if full in modules else base)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return {m for m in out if m in modules and m != name}


def import_graph() -> nx.DiGraph:
    modules = _modules()
    g = nx.DiGraph()
    g.add_nodes_from(modules)
    for name, path in modules.items():
        g.add_edges_from((name, m) for m in _imports(name, path, modules))
    return g


def test_the_import_graph_has_no_cycle():
    g = import_graph()
    assert g.number_of_edges() > 100  # the graph is really read
    assert ("kg.pipeline", "kg.extract") in g.edges and ("kg.store", "kg.atomic") in g.edges
    cycles = list(nx.simple_cycles(g))
    assert not cycles, [" -> ".join(c) for c in cycles[:5]]


def test_a_cycle_would_be_found(tmp_path):
    """The check itself: two modules that import each other (one inside a function) are a cycle."""
    (tmp_path / "a.py").write_text("import kg.b\n")
    (tmp_path / "b.py").write_text("def f():\n    from kg.a import x\n")
    modules = {"kg.a": tmp_path / "a.py", "kg.b": tmp_path / "b.py"}
    g = nx.DiGraph((n, m) for n, p in modules.items() for m in _imports(n, p, modules))
    assert list(nx.simple_cycles(g))


def test_no_module_is_over_450_lines():
    long = {}
    for p in KG.rglob("*.py"):
        n = len(p.read_text(encoding="utf-8").splitlines())
        if n > MAX_LINES:
            long[str(p.relative_to(KG))] = n
    assert not long, long


def test_every_error_class_is_exported():
    import kg.errors

    classes = {n for n, v in vars(kg.errors).items() if isinstance(v, type) and issubclass(v, kg.errors.KgError)}
    assert classes == set(kg.errors.__all__)


def _generator():
    import importlib.util

    spec = importlib.util.spec_from_file_location("gen_vocab", KG.parent / "benchmarks" / "gen_vocab.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    return gen


def test_the_files_generated_from_the_ontology_are_current():
    """kg/vocab.py and the generated part of kg/shapes.ttl follow kg/ontology.ttl. A stale one is
    rewritten here, and the test fails once naming it, so the new text is reviewed and committed
    with the ontology change: no command to remember."""
    gen = _generator()
    found = gen.stale()
    for path, text in found.items():
        path.write_text(text, encoding="utf-8")
    names = ", ".join(str(p.relative_to(KG.parent)) for p in found)
    assert not found, f"{names} did not follow kg/ontology.ttl: rewritten now ({gen.COMMAND}); review and commit"
    from typing import get_args

    from kg.ontology import CLASSES, RELATIONS
    from kg.vocab import ClassName, RelationName

    assert list(get_args(RelationName)) == sorted(RELATIONS)
    assert list(get_args(ClassName)) == sorted(CLASSES)


def test_a_stale_generated_file_is_found(tmp_path, monkeypatch):
    """The check itself: a vocab file that lacks a relation is stale, and only it."""
    gen = _generator()
    old = tmp_path / "vocab.py"
    old.write_text(gen.render().replace('    "leader",\n', ""), encoding="utf-8")
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(gen.render_shapes(), encoding="utf-8")
    monkeypatch.setattr(gen, "TARGET", old)
    monkeypatch.setattr(gen, "SHAPES", shapes)
    assert list(gen.stale()) == [old]


def _exports(path: Path) -> set[str] | None:
    """A module's ``__all__`` (None when it has none)."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets) and node.value is not None:
                names = ast.walk(node.value)
                return {e.value for e in names if isinstance(e, ast.Constant) and isinstance(e.value, str)}
    return None


def _public_imports() -> list[tuple[str, str, str]]:
    """(importer, module, name) for every public name a kg module imports from another kg module."""
    modules = _modules()
    out = []
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and not node.level and (node.module or "") in modules:
                for a in node.names:
                    if not a.name.startswith("_") and f"{node.module}.{a.name}" not in modules:
                        out.append((name, node.module or "", a.name))
    return out


def _not_exported(found: list[tuple[str, str, str]]) -> list[str]:
    modules = _modules()
    return sorted({f"{mod}.{n} (by {imp})" for imp, mod, n in found if n not in (_exports(modules[mod]) or set())})


def test_every_public_name_a_module_takes_or_gives_is_in_its_all():
    """``__all__`` says what a module offers: a public name one kg module imports from another is in
    the other's ``__all__``, so a module others take a name from declares one (a private name,
    ``_arg_tokens``, is a known shortcut and not held to it)."""
    found = _public_imports()
    assert len(found) > 500  # the imports really are read
    assert {("kg.graph", "kg.query", "closest"), ("kg.cli", "kg.pipeline", "extract_to_cache")} <= set(found)
    missing = _not_exported(found)
    assert not missing, missing


def test_a_name_missing_from_all_would_be_found(tmp_path, monkeypatch):
    """The check itself: a module without ``__all__``, and one whose ``__all__`` lacks the name taken."""
    (tmp_path / "a.py").write_text('__all__ = ["f"]\n\ndef f(): ...\n\ndef g(): ...\n')
    (tmp_path / "b.py").write_text("def h(): ...\n")
    monkeypatch.setitem(globals(), "_modules", lambda: {"kg.a": tmp_path / "a.py", "kg.b": tmp_path / "b.py"})
    found = [("kg.c", "kg.a", "f"), ("kg.c", "kg.a", "g"), ("kg.c", "kg.b", "h")]
    assert _not_exported(found) == ["kg.a.g (by kg.c)", "kg.b.h (by kg.c)"]
