"""Golden-dump check for refactoring: build fixed inputs and compare the N-Quads byte for byte.

    python benchmarks/golden_dump.py record [--sets seeds,tests,redocred] [--dir /tmp/golden]
    python benchmarks/golden_dump.py check  [--sets ...] [--dir /tmp/golden]

``record`` builds each input set with the current code (``kg build --no-cache``, a fresh store)
into ``DIR/<set>.nq``; ``check`` builds them again into ``DIR/new/`` and reports, per set, whether
the dump is byte-identical, and if not the first differing lines.  The exit status is 1 when any
set differs.  Sets: ``seeds`` (seeds/), ``tests`` (tests/data/), ``redocred`` (the first 100
Re-DocRED dev articles of ../shared/eval/redocred-dev, copied with the others into ``DIR/input/``),
``redocred500`` (all 500 dev articles: about 15-20 CPU minutes; run it under ``nice -n 10``).
"""

from __future__ import annotations

import argparse
import difflib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REDOCRED = ROOT.parent / "shared" / "eval" / "redocred-dev"
REDOCRED_N = 100
SIZES = {"redocred": REDOCRED_N, "redocred500": 500}


def _input(name: str, golden: Path) -> Path:
    """The set's articles, copied once into ``DIR/input/<set>/`` so every build reads the same paths."""
    sources = {"seeds": ROOT / "seeds", "tests": ROOT / "tests" / "data", "redocred": REDOCRED, "redocred500": REDOCRED}
    if name not in sources:
        raise SystemExit(f"error: unknown set {name!r} (seeds, tests, redocred, redocred500)")
    folder = golden / "input" / name
    if not folder.exists():
        files = sorted(sources[name].glob("*.txt"))
        folder.mkdir(parents=True)
        for src in files[: SIZES[name]] if name in SIZES else files:
            shutil.copyfile(src, folder / src.name)
    return folder


def build(name: str, golden: Path, out: Path) -> None:
    """Build one input set with a fresh store into ``out`` (N-Quads)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kg-golden-") as tmp:
        cmd = [
            sys.executable,
            "-c",
            "from kg.cli import main; main()",
            "build",
            str(_input(name, golden)),
            "--store",
            f"{tmp}/store",
        ]
        cmd += ["--no-cache", "--no-validate", "-o", str(out)]
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
        if not out.exists():
            raise SystemExit(f"error: building {name} wrote no dump:\n{proc.stderr[-2000:]}")


def compare(old: Path, new: Path) -> list[str]:
    """The first differing lines of two dumps (empty when byte-identical)."""
    a, b = old.read_bytes(), new.read_bytes()
    if a == b:
        return []
    diff = difflib.unified_diff(a.decode().splitlines(), b.decode().splitlines(), str(old), str(new), n=0, lineterm="")
    return [line for _, line in zip(range(40), diff, strict=False)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["record", "check"])
    ap.add_argument("--sets", default="seeds,tests,redocred", help="comma-separated: seeds, tests, redocred(500)")
    ap.add_argument("--dir", type=Path, default=Path("/tmp/golden"))
    args = ap.parse_args()
    status = 0
    for name in args.sets.split(","):
        gold = args.dir / f"{name}.nq"
        if args.mode == "record":
            build(name, args.dir, gold)
            print(f"{name}: recorded {gold} ({gold.stat().st_size} bytes)")
            continue
        if not gold.exists():
            raise SystemExit(f"error: {gold} not recorded (run 'record' with the old code first)")
        new = args.dir / "new" / f"{name}.nq"
        build(name, args.dir, new)
        diff = compare(gold, new)
        print(f"{name}: {'identical' if not diff else 'DIFFERS'} ({new.stat().st_size} bytes)")
        for line in diff:
            print("   ", line)
        status |= bool(diff)
    return status


if __name__ == "__main__":
    sys.exit(main())
