"""Regenerate docs/graph-page.png: the seed graph's page in headless Chromium, with the most
central person selected so the side panel shows facts and their sentences.

    make run && .venv/bin/python docs/screenshot.py

With a store and an output, the first screen of that graph's page as it opens (no node selected):
docs/graph-page-500.png is the 500 Re-DocRED dev articles of ../shared/eval/redocred-dev,

    kg build ../shared/eval/redocred-dev --store /tmp/rd
    .venv/bin/python docs/screenshot.py /tmp/rd docs/graph-page-500.png
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.graph import KnowledgeGraph  # noqa: E402
from tests.clients import Browser  # noqa: E402


def first_screen(store: Path, out: Path) -> None:
    """The page of the graph in ``store`` as it opens, in a 1400x860 window."""
    page = Path(tempfile.mkdtemp()) / "graph.html"
    KnowledgeGraph.open(store).export("html", page)
    with Browser(width=1400, height=860) as b:
        b.open(page, "document.body.dataset.ready === '1'", timeout=600)
        time.sleep(1)
        b.screenshot(out)
        shown = b.js("document.getElementById('counts').textContent")
    print(f"wrote {out} ({shown})")


def main() -> None:
    if len(sys.argv) == 3:
        first_screen(Path(sys.argv[1]), Path(sys.argv[2]))
        return
    kg = KnowledgeGraph.open(ROOT / ".kg")
    page = Path(tempfile.mkdtemp()) / "seed.html"
    kg.export("html", page)
    data = json.loads(page.read_text(encoding="utf-8").split('id="kg-data">', 1)[1].split("</script>", 1)[0])
    person = max((n for n in data["nodes"] if n["type"] == "Person"), key=lambda n: n["size"])
    with Browser(width=1400, height=860) as b:
        b.open(page, "document.body.dataset.ready === '1'")
        b.js(f"kgPage.focusNode({json.dumps(person['id'])})")
        time.sleep(1)
        b.screenshot(ROOT / "docs" / "graph-page.png")
    print(f"wrote docs/graph-page.png ({person['label']} selected)")


if __name__ == "__main__":
    main()
