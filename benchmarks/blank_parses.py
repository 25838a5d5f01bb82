"""Does blanking footnote markers with spaces (same offsets) hurt spaCy's parse?

    python benchmarks/blank_parses.py [--data DIR] [--limit N] [--rate R] [--seed S]

kg's reader replaces ``[1]``, ``[citation needed]``, ``{{efn|…}}`` by spaces of the same length,
so every offset still indexes the file. This measures what the extra spaces cost. For the
paragraphs of clean articles (default: the Re-DocRED dev texts, which carry no markers) it
inserts markers after a fraction ``--rate`` of the words, the way pasted Wikipedia text has
them (``Regionalism[2],``, ``1990.[3]``, ``Marten[a] in``), and parses three versions:

- ``clean``: the paragraph as it was (what perfect removal would give);
- ``blanked``: markers replaced by spaces, parsed as they are;
- ``closed-up``: markers replaced by spaces, parsed with the blanks closed up and the
  annotations carried back to the blanked text's offsets (``kg.nlp.pipe_texts``: what kg does);
- ``kept``: markers left in (what kg did before).

For each it prints the share of the clean parse's named entities found with the
same text and label, and the share of the clean text's tokens with the same tag, dependency
label and head (space tokens skipped, offsets mapped back). Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT = ROOT.parent / "shared" / "eval" / "redocred-dev"

MARKERS = ["[1]", "[12]", "[a]", "[note 3]", "[citation needed]", "[when?]", "[23]:45", "[4][5]"]


def with_markers(text: str, rng: random.Random, rate: float, blank: bool) -> tuple[str, list[int]]:
    """``text`` with markers after some words; and for each character of the result the index of
    the clean character it came from (-1 for a marker's)."""
    out: list[str] = []
    where: list[int] = []
    for i, c in enumerate(text):
        out.append(c)
        where.append(i)
        nxt = text[i + 1] if i + 1 < len(text) else " "
        word_end = (c.isalnum() or c in ".,;)") and (nxt.isspace() or nxt in ".,;")
        if word_end and rng.random() < rate:
            m = rng.choice(MARKERS)
            out.append(" " * len(m) if blank else m)
            where.extend([-1] * len(m))
    return "".join(out), where


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--rate", type=float, default=0.08)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    from kg.documents import read_article
    from kg.nlp import load_nlp, pipe_texts

    nlp = load_nlp()
    paras = [b.text for p in sorted(args.data.glob("*.txt"))[: args.limit] for b in read_article(p).blocks]
    score = {m: [0, 0, 0, 0] for m in ("blanked", "closed-up", "kept")}  # ents same, ents, tokens same, tokens
    for n, para in enumerate(paras):
        clean = nlp(para)
        ref_ents = {(e.start_char, e.end_char, e.label_) for e in clean.ents}
        ref_tok = {t.idx: (t.tag_, t.dep_, t.head.idx) for t in clean if not t.is_space}
        for mode in score:
            rng = random.Random(args.seed * 100_003 + n)
            text, where = with_markers(para, rng, args.rate, mode != "kept")
            doc = pipe_texts(nlp, [text])[0] if mode == "closed-up" else nlp(text)

            def back(i: int, where: list[int] = where, size: int = len(para)) -> int:
                return where[i] if i < len(where) else size

            ents = {(back(e.start_char), back(e.end_char - 1) + 1, e.label_) for e in doc.ents}
            s = score[mode]
            s[0] += len(ref_ents & ents)
            s[1] += len(ref_ents)
            for t in doc:
                if t.is_space or back(t.idx) < 0 or back(t.idx) not in ref_tok:
                    continue
                s[2] += ref_tok[back(t.idx)] == (t.tag_, t.dep_, back(t.head.idx))
            s[3] += len(ref_tok)
    print(f"{len(paras)} paragraphs of {args.data} (first {args.limit} files), markers after {args.rate:.0%} of words")
    for mode, (es, en, ts, tn) in score.items():
        print(
            f"{mode:9s}  entities as in the clean parse {es / max(en, 1):.3f}"
            f"   tokens (tag, dep, head) {ts / max(tn, 1):.3f}"
        )


if __name__ == "__main__":
    main()
