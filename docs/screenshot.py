"""Regenerate docs/graph-page.png: the seed graph's page in headless Chromium, with the most
central person selected so the side panel shows facts and their sentences.

    make run && .venv/bin/python docs/screenshot.py
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


def main() -> None:
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
