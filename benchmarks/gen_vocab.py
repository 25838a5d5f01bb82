"""Write the files generated from kg/ontology.ttl: kg/vocab.py (the relations and classes as
``Literal`` types) and the domain and range part of kg/shapes.ttl (after its marker line).

    python benchmarks/gen_vocab.py          # rewrite whichever of the two is out of date
    python benchmarks/gen_vocab.py --check  # exit 1, naming them, if either is out of date

Nothing else needs doing by hand when a relation is added to the ontology: ``kg validate`` makes
its domain and range shapes from the ontology when it loads (``kg.validate.shapes_graph``), and
``tests/test_architecture.py`` rewrites a stale file itself and fails once, naming it, so the
regenerated file is reviewed and committed with the ontology change.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "kg" / "vocab.py"
SHAPES = ROOT / "kg" / "shapes.ttl"
COMMAND = "python benchmarks/gen_vocab.py"


def _literal(name: str, values: list[str]) -> str:
    body = "".join(f'    "{v}",\n' for v in values)
    return f"{name} = Literal[\n{body}]\n"


def render() -> str:
    """The text of kg/vocab.py for the current ontology."""
    sys.path.insert(0, str(ROOT))
    from kg.ontology import CLASSES, RELATIONS

    return (
        '"""The ontology\'s vocabulary as types (generated from kg/ontology.ttl by benchmarks/gen_vocab.py:\n'
        'do not edit; tests/test_architecture.py checks it agrees with the ontology)."""\n\n'
        "from __future__ import annotations\n\n"
        "from typing import Literal\n\n"
        '__all__ = ["ClassName", "RelationName"]\n\n'
        + _literal("RelationName", sorted(RELATIONS))
        + "\n"
        + _literal("ClassName", sorted(CLASSES))
    )


def render_shapes() -> str:
    """The text of kg/shapes.ttl: its hand-written part as it is, the domain and range shapes of the
    current ontology after the marker."""
    sys.path.insert(0, str(ROOT))
    from kg.constraints import SHAPES_MARKER, shapes_turtle

    head = SHAPES.read_text(encoding="utf-8").split(SHAPES_MARKER, 1)[0]
    return head + SHAPES_MARKER + shapes_turtle()


def stale() -> dict[Path, str]:
    """Each generated file that differs from what the ontology gives, with its new text."""
    out = {}
    for path, text in ((TARGET, render()), (SHAPES, render_shapes())):
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            out[path] = text
    return out


def main() -> int:
    found = stale()
    names = ", ".join(str(p.relative_to(ROOT)) for p in found)
    if "--check" in sys.argv[1:]:
        if found:
            print(f"out of date with kg/ontology.ttl: {names}; run {COMMAND}", file=sys.stderr)
            return 1
        return 0
    for path, text in found.items():
        path.write_text(text, encoding="utf-8")
    print(f"wrote {names}" if found else "kg/vocab.py and kg/shapes.ttl are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
