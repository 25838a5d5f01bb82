"""Write kg/vocab.py: the ontology's relations and classes as ``Literal`` types, from kg/ontology.ttl.

    python benchmarks/gen_vocab.py          # rewrite kg/vocab.py
    python benchmarks/gen_vocab.py --check  # exit 1 if kg/vocab.py is out of date

tests/test_architecture.py runs the check, so a relation added to the ontology without
regenerating fails the suite.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "kg" / "vocab.py"


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


def main() -> int:
    text = render()
    if "--check" in sys.argv[1:]:
        if not TARGET.exists() or TARGET.read_text(encoding="utf-8") != text:
            print(f"{TARGET} is out of date: run python benchmarks/gen_vocab.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
