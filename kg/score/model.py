"""The trained scorer: a data-only artefact (JSON, never a pickle) and its pure-Python evaluator.

The artefact (``kg/data/scorer.json``, written by ``make train``) holds gradient-boosted
trees exported from scikit-learn's ``HistGradientBoostingClassifier``, the category codes of
every categorical feature, an isotonic calibration map learned on held-out folds, the
F1-maximising threshold found in cross-validation, and the data, commit and feature-code
fingerprint it was trained with. Candidates fall into groups by where they come from
(:func:`group_of`: a rule proposed the relation or only the ontology allows it; an
encyclopedic article, with an infobox or sections, or a bare passage): a group with enough
held-out rows has its own calibration map and threshold, the others use the global ones. It
is checked (format, fingerprint, checksum, shape of every node) when loaded; any problem is
one :class:`ScorerError` line that says to run ``make train``. Evaluation needs neither
scikit-learn nor numpy, and is deterministic.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import math
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from kg.errors import BuildError
from kg.ontology import RELATIONS
from kg.score.candidates import Candidate, feature_fingerprint
from kg.score.features import CATEGORICAL, NUMERIC, relation_features, rule_name

__all__ = [
    "FORMAT", "GROUPS", "Scorer", "ScorerError", "artefact_path", "feature_row", "group_of", "load_scorer",
    "read_scorer", "seal",
]  # fmt: skip

FORMAT = "kg-scorer/2"
MAX_BYTES = 20_000_000
_NODE_LEN = 8  # [feature, threshold, missing_left, left, right, leaf, value, categories]


class ScorerError(BuildError):
    """The scorer's artefact is missing, damaged, foreign or trained for other features."""


def artefact_path() -> Path:
    """Where the shipped artefact lives."""
    return Path(str(resources.files("kg").joinpath("data", "scorer.json")))


def seal(body: dict[str, Any]) -> dict[str, Any]:
    """``body`` with the SHA-256 of its canonical JSON (what :func:`load_scorer` checks)."""
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return {**body, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}


Node = tuple[int, float, bool, int, int, bool, float, frozenset[int]]
GROUPS = ("rule/article", "rule/passage", "pair/article", "pair/passage")


def group_of(n_rules: float, doc_box: float, doc_blocks: float) -> str:
    """A candidate relation's group: ``rule`` if some rule proposed it, else ``pair``; ``article``
    if its article has an infobox or more than one block (an encyclopedic article), else ``passage``
    (a bare paragraph, as Re-DocRED's documents are)."""
    src = "rule" if n_rules > 0 else "pair"
    kind = "article" if doc_box > 0 or doc_blocks > 1 else "passage"
    return f"{src}/{kind}"


@dataclass(frozen=True)
class Group:
    """A group's own calibration map and threshold, and the thresholds of the relations that
    had enough held-out rows in the group to have their own."""

    threshold: float
    cal_x: tuple[float, ...]
    cal_y: tuple[float, ...]
    relations: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Scorer:
    """A loaded model: ``probability`` of a candidate, ``threshold`` to accept it."""

    name: str
    threshold: float
    columns: tuple[str, ...]
    codes: dict[str, dict[str, int]]
    baseline: float
    trees: tuple[tuple[Node, ...], ...]
    cal_x: tuple[float, ...]
    cal_y: tuple[float, ...]
    groups: dict[str, Group]
    rules_seen: dict[str, frozenset[str]] = field(default_factory=dict)  # kind → rule names trained on

    def group(self, c: Candidate, rules: tuple[tuple[str, float], ...]) -> str:
        """The group of one relation of a candidate (:func:`group_of`)."""
        nums = dict(c.nums)
        return group_of(len(rules), nums.get("doc_box", 0.0), nums.get("doc_blocks", 0.0))

    def threshold_of(self, group: str, rel: str | None = None) -> float:
        """The threshold candidates of ``group`` (of relation ``rel``) must reach: the relation's
        own in the group if it has one, else the group's, else the global one."""
        g = self.groups.get(group)
        if g is None:
            return self.threshold
        return g.relations.get(rel, g.threshold) if rel is not None else g.threshold

    def unseen(self, rules: tuple[tuple[str, float], ...], group: str | None = None) -> bool:
        """Whether rules proposed this and the model saw none of them in training: by name in
        this kind of document (``group``'s second half: the artefact's ``rules_seen``, the
        rules that proposed candidates in at least MIN_DOCS training documents of the kind),
        or, in an artefact without that record, by family (no ``rule_family`` category code)."""
        if not rules:
            return False
        kind = group.split("/")[1] if group is not None and "/" in group else None
        if self.rules_seen and kind is not None:
            seen = self.rules_seen.get(kind, frozenset())
            return all(rule_name(r) not in seen for r, _ in rules)
        known = self.codes.get("rule_family", {})
        return all(r.split(":")[0] not in known for r, _ in rules)

    def row(self, c: Candidate, rel: str, rules: tuple[tuple[str, float], ...]) -> list[float]:
        """The feature vector of one relation of a candidate (NaN for missing or unseen values)."""
        return feature_row(c, rel, rules, self.columns, self.codes)

    def raw(self, x: list[float]) -> float:
        """The model's raw score (log-odds) of a feature vector."""
        total = self.baseline
        for tree in self.trees:
            k = 0
            while True:
                feat, thr, miss_left, left, right, leaf, value, cats = tree[k]
                if leaf:
                    total += value
                    break
                v = x[feat]
                if math.isnan(v):
                    k = left if miss_left else right
                elif cats:
                    k = left if int(v) in cats else right
                else:
                    k = left if v <= thr else right
        return total

    def uncalibrated(self, c: Candidate, rel: str, rules: tuple[tuple[str, float], ...]) -> float:
        """The model's probability before calibration."""
        return sigmoid(self.raw(self.row(c, rel, rules)))

    def probability(self, c: Candidate, rel: str, rules: tuple[tuple[str, float], ...]) -> float:
        """The calibrated probability that the candidate's relation holds (rounded to 3 places),
        by its group's calibration map if it has one."""
        g = self.groups.get(self.group(c, rules))
        xs, ys = (g.cal_x, g.cal_y) if g is not None else (self.cal_x, self.cal_y)
        return round(calibrate(self.uncalibrated(c, rel, rules), xs, ys), 3)


def sigmoid(z: float) -> float:
    """The logistic function, safe for any z."""
    return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


def feature_row(
    c: Candidate,
    rel: str,
    rules: tuple[tuple[str, float], ...],
    columns: tuple[str, ...],
    codes: dict[str, dict[str, int]],
) -> list[float]:
    """The feature vector of one relation of a candidate, by ``columns``; a categorical value
    is its code in ``codes`` (NaN, "missing", when unseen in training or absent)."""
    rc, rn = relation_features(rel, rules)
    cats = {**dict(c.cats), **rc}
    nums = {**dict(c.nums), **rn}
    out = []
    for col in columns:
        if col in codes:
            code = codes[col].get(cats.get(col, ""))
            out.append(float(code) if code is not None else math.nan)
        else:
            out.append(float(nums[col]) if col in nums else math.nan)
    return out


def calibrate(p: float, xs: tuple[float, ...], ys: tuple[float, ...]) -> float:
    """The isotonic map (piecewise linear through ``xs``/``ys``, flat beyond them) at ``p``."""
    if not xs:
        return p
    if p <= xs[0]:
        return ys[0]
    if p >= xs[-1]:
        return ys[-1]
    i = bisect.bisect_right(xs, p)
    x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
    return y0 if x1 == x0 else y0 + (y1 - y0) * (p - x0) / (x1 - x0)


def _fail(path: Path, problem: str) -> ScorerError:
    return ScorerError(f"{path}: {problem}; run 'make train' to build the scorer (or build with --rules-only)")


def parse_scorer(raw: bytes, path: Path) -> Scorer:
    """Check and load an artefact's bytes; :class:`ScorerError` naming ``path`` if anything is off."""
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise _fail(path, "not a scorer artefact (not JSON; truncated?)") from None
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise _fail(path, f"not a scorer artefact (format is not {FORMAT!r})")
    sealed = body.pop("sha256", None)
    if seal(body).get("sha256") != sealed:
        raise _fail(path, "checksum does not match its content (damaged or edited)")
    if body.get("feature_fingerprint") != feature_fingerprint():
        raise _fail(path, "trained for other features (the feature code changed since)")
    try:
        return _scorer(body)
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise _fail(path, f"malformed ({exc})") from None


def _scorer(body: dict[str, Any]) -> Scorer:
    columns = tuple(str(c) for c in body["columns"])
    if columns != (*CATEGORICAL, *NUMERIC):
        raise ValueError("columns differ from the feature code's")
    codes = {str(k): {str(a): int(b) for a, b in v.items()} for k, v in body["codes"].items()}
    trees = []
    for t in body["trees"]:
        nodes: list[Node] = []
        for n in t:
            if not isinstance(n, list) or len(n) != _NODE_LEN:
                raise ValueError("a tree node of the wrong shape")
            feat, thr, ml, left, right, leaf, value, cats = n
            if not leaf and not (0 <= int(feat) < len(columns) and 0 <= left < len(t) and 0 <= right < len(t)):
                raise ValueError("a tree node pointing outside its tree")
            if not leaf and (left <= len(nodes) or right <= len(nodes)):
                raise ValueError("a tree that loops")
            nodes.append((int(feat), float(thr), bool(ml), int(left), int(right), bool(leaf), float(value),
                          frozenset(int(c) for c in cats)))  # fmt: skip
        trees.append(tuple(nodes))
    xs, ys = _calibration(body["calibration"])
    groups = {}
    given = body.get("groups", {})  # none: every candidate by the global map and threshold
    if not isinstance(given, dict) or not all(isinstance(g, dict) for g in given.values()):
        raise ValueError("groups is not a map of group → threshold and calibration")
    for name, g in given.items():
        if name not in GROUPS:
            raise ValueError(f"unknown group {name!r}")
        rels = g.get("relations", {})  # none: every relation of the group by its threshold
        if not isinstance(rels, dict) or not all(r in RELATIONS for r in rels):
            raise ValueError(f"group {name!r}: relations is not a map of ontology relation → threshold")
        groups[name] = Group(float(g["threshold"]), *_calibration(g["calibration"]),
                             {str(r): float(t) for r, t in sorted(rels.items())})  # fmt: skip
    seen = body.get("rules_seen", {})  # none: a rule counts as seen when its family has a code
    if not isinstance(seen, dict) or not all(k in ("article", "passage") and isinstance(v, list)
                                             for k, v in seen.items()):  # fmt: skip
        raise ValueError("rules_seen is not a map of article/passage → rule names")
    return Scorer(str(body["name"]), float(body["threshold"]), columns, codes, float(body["baseline"]),
                  tuple(trees), xs, ys, groups, {k: frozenset(str(r) for r in v) for k, v in seen.items()})  # fmt: skip


def _calibration(cal: dict[str, Any]) -> tuple[tuple[float, ...], tuple[float, ...]]:
    xs = tuple(float(v) for v in cal["x"])
    ys = tuple(float(v) for v in cal["y"])
    if len(xs) != len(ys) or list(xs) != sorted(xs):
        raise ValueError("calibration map is not increasing")
    return xs, ys


def read_scorer(path: Path) -> Scorer:
    """The artefact at ``path``, checked."""
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise _fail(path, "no scorer artefact") from None
    except OSError as exc:
        raise _fail(path, f"cannot be read ({exc.strerror})") from None
    if len(raw) > MAX_BYTES:
        raise _fail(path, f"larger than {MAX_BYTES} bytes")
    return parse_scorer(raw, path)


@cache
def load_scorer() -> Scorer:
    """The shipped artefact (loaded once per process)."""
    return read_scorer(artefact_path())
