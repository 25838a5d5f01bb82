"""The learned scorer: candidates and features, the artefact's loader, the evaluator, the build stage."""

from __future__ import annotations

import json
import math
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from kg.annotate import _annotate
from kg.cache import decode_extraction, encode_extraction
from kg.cli import main
from kg.constraints import constraint, fits
from kg.documents import read_article
from kg.extract import extract_article
from kg.model import DateValue, Mention
from kg.ontology import RELATIONS
from kg.pipeline import build_graph
from kg.score import candidates as candidates_module
from kg.score import model as sm
from kg.score.candidates import (
    MAX_SENT_GAP,
    PAIR_RULE,
    Candidate,
    Candidates,
    allowed_date_relations,
    feature_fingerprint,
)
from kg.score.features import CATEGORICAL, NUMERIC, relation_features, rule_name
from kg.score.stage import score_facts

DATA = Path(__file__).resolve().parent / "data"
ARTICLE = DATA / "score" / "velliros.txt"


@pytest.fixture(scope="module")
def extraction():
    a = read_article(ARTICLE)
    blocks, lead = next(_annotate([a], 1))
    return extract_article(a, blocks, lead)


def _cand(ex, s: str, o: str) -> Candidate:
    hits = [c for c in ex.candidates.items if c.subject.text == s and getattr(c.object, "text", None) == o]
    assert hits, f"no candidate {s} → {o}"
    return hits[0]


def test_rule_facts_are_candidates_with_their_rules_and_features(extraction):
    c = _cand(extraction, "Orren", "Lisbon")
    rels = {rel: rules for rel, rules, _ in c.relations}
    assert "birthPlace" in rels and any(r.startswith("verb:born") for r, _ in rels["birthPlace"])
    assert rels["deathPlace"] == ()  # allowed by the ontology, proposed by no rule
    cats, nums = dict(c.cats), dict(c.nums)
    assert "bear" in cats["path"] and cats["trigger"] == "bear"
    assert cats["between"] == "be bear in" and nums["path_len"] == 3 and nums["s_first"] == 1.0
    assert nums["s_is_subject"] == 0.0 and cats["section"] == "body"
    ev = extraction.candidates.evidence[c.evidence]
    assert ev.sentence == "Orren was born in Lisbon." and ARTICLE.read_text()[ev.start : ev.end] == ev.sentence


def test_pairs_cover_sentences_and_the_subject_and_respect_domain_and_range(extraction):
    c = _cand(extraction, "Velliros", "University of Gradisca")  # two mentions of one sentence
    assert {"employer", "educatedAt"} <= {rel for rel, _, _ in c.relations}
    subj = [c for c in extraction.candidates.items if c.subject.subject and getattr(c.object, "text", "") == "Lisbon"]
    assert subj and dict(subj[0].cats)["s_ner"] == "absent"  # the subject, unnamed in "Orren was born in Lisbon."
    for c in extraction.candidates.items:
        assert not (isinstance(c.object, Mention) and c.object.text == c.subject.text)
        for rel, rules, _ in c.relations:
            if not rules and isinstance(c.object, Mention):  # a pair: only what the ontology allows
                assert fits(c.subject.cls, constraint(rel).domain) and fits(c.object.cls, constraint(rel).range)
        assert {k for k, _ in c.cats} <= set(CATEGORICAL) and {k for k, _ in c.nums} <= set(NUMERIC)


def test_names_in_nearby_sentences_pair_across_them_within_one_block(extraction):
    c = _cand(extraction, "Tomas Orren", "Lisbon")  # "… with Tomas Orren. Orren was born in Lisbon."
    cats, nums = dict(c.cats), dict(c.nums)
    assert nums["sent_dist"] == 1.0 and cats["path"] == "cross" and cats["trigger"] == "bear"
    assert {"birthPlace", "residence"} <= {rel for rel, _, _ in c.relations}
    ev = extraction.candidates.evidence[c.evidence]
    assert ev.sentence.startswith("Velliros worked at") and ev.sentence.endswith("Orren was born in Lisbon.")
    assert ARTICLE.read_text()[ev.start : ev.end] == ev.sentence
    texts = {(c.subject.text, getattr(c.object, "text", None)) for c in extraction.candidates.items}
    assert ("Ruvania", "Tomas Orren") not in texts  # the lead and the Career section: two blocks
    for c in extraction.candidates.items:
        assert dict(c.nums).get("sent_dist", 0.0) <= MAX_SENT_GAP


def test_no_sentence_gap_means_no_cross_sentence_pairs(monkeypatch):
    monkeypatch.setattr(candidates_module, "MAX_SENT_GAP", 0)
    a = read_article(ARTICLE)
    blocks, lead = next(_annotate([a], 1))
    ex = extract_article(a, blocks, lead)
    assert ex.candidates.items and all(dict(c.nums).get("sent_dist") == 0.0 for c in ex.candidates.items
                                       if not any(rules for _, rules, _ in c.relations))  # fmt: skip


def test_dates_pair_with_the_subject_and_the_names_of_their_sentence(extraction):
    founded = [c for c in extraction.candidates.items
               if c.subject.text == "Ruvanian Chemical Society" and c.object == DateValue("1981")]  # fmt: skip
    assert founded and "inception" in {rel for rel, _, _ in founded[0].relations}
    assert "birthDate" not in {rel for rel, _, _ in founded[0].relations}  # an organisation is not born
    born = [c for c in extraction.candidates.items if c.subject.subject and c.object == DateValue("1950-05-04")]
    assert born and "birthDate" in {rel for rel, _, _ in born[0].relations}
    for c in extraction.candidates.items:
        if isinstance(c.object, DateValue):
            for rel, rules, _ in c.relations:
                assert rules or rel in allowed_date_relations(c.subject.cls)


def test_the_rule_feature_names_the_rule_and_its_family_backs_it_off():
    """The first rule by its registry name (an infobox key as the key table matches it, numbered
    keys as one), its family apart; the second rule by its family."""
    assert rule_name("infobox:Term_Start2") == rule_name("infobox:term start") == "infobox:termstart"
    assert rule_name("infobox:Founder") == "infobox:founder" != rule_name("infobox:Leader")
    assert rule_name("phrase:influencedBy") == "phrase:influencedby" != rule_name("phrase:namedAfter")
    assert rule_name("lead-location") == "lead-location"
    cats, nums = relation_features("founder", (("verb:found", 0.7), ("infobox:Founders", 0.9)))
    assert cats == {"rel": "founder", "rule": "infobox:founders", "rule_family": "infobox", "rule2": "verb"}
    assert nums == {"n_rules": 2.0, "max_conf": 0.9, "sum_conf": 0.7 + 0.9}
    cats, _ = relation_features("founder", ())
    assert cats["rule"] == cats["rule_family"] == cats["rule2"] == "none"


def test_a_rule_name_of_too_few_articles_reads_as_unseen_but_its_family_stays():
    """Category codes keep a value only when it stands in MIN_DOCS articles: a rule that fired in
    one article is no category (missing), its family, seen in enough, is."""
    ts = _train_scorer()
    c = Candidate(Mention("a", 0, 1, "A", "Person"), Mention("a", 2, 3, "B", "City"), 0, (), (), ())
    rows = [(f"d{k}", c, "birthPlace", (("verb:born-in", 0.8),), 1) for k in range(ts.MIN_DOCS)]
    rows += [("d0", c, "birthPlace", (("verb:rare-row", 0.8),), 1)] * 5  # five rows of one article
    rows += [("d1", c, "birthPlace", (("verb:other-row", 0.8),), 0)] * 2
    codes = ts.codes_of(rows)
    assert "verb:born-in" in codes["rule"] and "verb:rare-row" not in codes["rule"]
    assert "verb:other-row" not in codes["rule"] and "verb" in codes["rule_family"]
    x, _ = ts.matrix([(*r, "", "") for r in rows], codes)
    col = (*CATEGORICAL, *NUMERIC).index
    assert math.isnan(x[-1, col("rule")]) and not math.isnan(x[-1, col("rule_family")])


def test_thresholds_per_relation_where_a_relation_has_enough_held_out_rows():
    """Two relations of one group need different cuts (A's true rows score 0.3, B's false ones
    0.3-0.5): one threshold for the group must lose A or accept B's errors; a threshold per
    relation keeps both right. A relation with too few rows keeps the group's."""
    np = pytest.importorskip("numpy")
    ts = _train_scorer()
    many, few = ts.MIN_REL_ROWS, 10
    cal = np.array([0.3] * many + [0.2] * many + [0.6] * many + [0.4] * many + [0.9] * few)
    y = np.array([1] * many + [0] * many + [1] * many + [0] * many + [1] * few)
    rels = np.array(["A"] * 2 * many + ["B"] * 2 * many + ["C"] * few)
    grp = np.array(["pair/passage"] * len(y))
    n = np.ones(len(y))
    fact = np.array([f"s{i}" for i in range(len(y))])
    gkey = np.array([f"g{i}" if y[i] else "" for i in range(len(y))])
    gold = {"passage": int(y.sum())}
    keys = ts.relation_keys(grp, rels, y)
    assert set(keys.tolist()) == {"pair/passage|A", "pair/passage|B", "pair/passage"}  # C: too few rows
    per_rel, figs = ts.choose_thresholds(cal, y, n, fact, gkey, keys, gold)
    _, figs_g = ts.choose_thresholds(cal, y, n, fact, gkey, grp.astype(object), gold)
    assert per_rel["pair/passage|A"] == 0.3 and per_rel["pair/passage|B"] == 0.6
    assert figs["f1"] == 1.0 and figs_g["f1"] < 0.9
    assert ts.accepted(cal, n, y, fact, gkey, keys, per_rel) == (2 * many + few, 2 * many + few)


def test_a_relation_threshold_in_a_group_overrides_the_group_threshold(tmp_path: Path, extraction):
    body = _tiny_body()
    identity = {"x": [0.0, 1.0], "y": [0.0, 1.0]}
    body["groups"] = {"rule/article": {"threshold": 0.95, "calibration": identity, "relations": {"birthPlace": 0.5}}}
    scorer = sm.read_scorer(_write(tmp_path, body))
    c = _cand(extraction, "Orren", "Lisbon")
    born = dict((r, rules) for r, rules, _ in c.relations)
    assert scorer.threshold_of("rule/article", "birthPlace") == 0.5
    assert scorer.threshold_of("rule/article", "deathPlace") == scorer.threshold_of("rule/article") == 0.95
    assert scorer.threshold_of("pair/passage", "birthPlace") == 0.5  # no such group: the global threshold
    facts = {(f.subject.text, f.relation, getattr(f.object, "text", None)) for f in score_facts(extraction, scorer)}
    assert scorer.probability(c, "birthPlace", born["birthPlace"]) < 0.95
    assert ("Orren", "birthPlace", "Lisbon") in facts  # 0.881 >= its relation's 0.5, below its group's 0.95
    body["groups"]["rule/article"]["relations"] = {"notARelation": 0.5}
    with pytest.raises(sm.ScorerError, match="relations"):
        sm.read_scorer(_write(tmp_path, body, "other.json"))


def test_exported_trees_send_known_codes_right_of_a_split_that_parts_only_missing_values():
    """A categorical split whose left set is empty (missing values apart from every known
    category) sends every known code right; kg's evaluator read it as 'code <= 0 goes left'."""
    pytest.importorskip("sklearn")
    np = pytest.importorskip("numpy")
    from sklearn.ensemble import HistGradientBoostingClassifier

    ts = _train_scorer()
    rng = np.random.default_rng(0)
    x = rng.integers(0, 3, size=(600, 2)).astype(float)
    x[:200, 0] = np.nan
    y = np.isnan(x[:, 0]).astype(int)
    clf = HistGradientBoostingClassifier(max_iter=3, categorical_features=[0], min_samples_leaf=5).fit(x, y)
    baseline, trees = ts.export_trees(clf)
    assert any(not n[5] and n[0] == 0 and not n[7] for t in trees for n in t)  # such a split is there
    nodes = tuple(tuple((n[0], n[1], n[2], n[3], n[4], n[5], n[6], frozenset(n[7])) for n in t) for t in trees)
    scorer = sm.Scorer("t", 0.5, ("a", "b"), {}, baseline, nodes, (), (), {})
    ours = [scorer.raw(list(r)) for r in x]
    assert np.allclose(ours, clf.decision_function(x), atol=1e-9)


def _train_scorer():
    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root / "benchmarks"))
    try:
        import train_scorer
    except FileNotFoundError as missing:  # it loads the shared scorer beside the worktree
        pytest.skip(f"no shared eval folder: {missing}")
    finally:
        sys.path.remove(str(root / "benchmarks"))
    return train_scorer


def test_candidates_survive_the_json_cache(extraction):
    text = encode_extraction(extraction)
    assert decode_extraction(text, extraction.article) == extraction
    assert extraction.candidates.items and '"Candidate"' in text


def _tiny_body() -> dict:
    """A hand-made model: rel == birthPlace (code 0) and path_len <= 3 → +2, else -2; calibration 0→0.1, 1→0.9."""
    cols = [*CATEGORICAL, *NUMERIC]
    rel, plen = cols.index("rel"), cols.index("path_len")
    tree = [
        [rel, 0.0, False, 1, 4, False, 0.0, [0]],
        [plen, 3.0, False, 2, 3, False, 0.0, []],
        [0, 0.0, False, 0, 0, True, 2.0, []],
        [0, 0.0, False, 0, 0, True, -2.0, []],
        [0, 0.0, False, 0, 0, True, -2.0, []],
    ]
    return {
        "format": sm.FORMAT,
        "name": "tiny",
        "feature_fingerprint": feature_fingerprint(),
        "commit": "0" * 40,
        "data": {},
        "threshold": 0.5,
        "columns": cols,
        "codes": {"rel": {"birthPlace": 0, "deathPlace": 1}, "rule_family": {"verb": 0}},
        "baseline": 0.0,
        "trees": [tree],
        "calibration": {"x": [0.0, 1.0], "y": [0.1, 0.9]},
        "groups": {},
    }


def _write(tmp_path: Path, body: dict, name: str = "scorer.json") -> Path:
    p = tmp_path / name
    p.write_text(json.dumps(sm.seal(body)), encoding="utf-8")
    return p


def test_the_evaluator_walks_categorical_and_numeric_splits(tmp_path: Path, extraction):
    scorer = sm.read_scorer(_write(tmp_path, _tiny_body()))
    c = _cand(extraction, "Orren", "Lisbon")  # path length 3
    born = dict((r, rules) for r, rules, _ in c.relations)
    z = 1 / (1 + math.exp(-2))
    assert scorer.probability(c, "birthPlace", born["birthPlace"]) == round(0.1 + 0.8 * z, 3)
    assert scorer.probability(c, "deathPlace", ()) == round(0.1 + 0.8 * (1 - z), 3)
    facts = score_facts(extraction, scorer)
    mine = [f for f in facts if f.subject.text == "Orren" and f.relation == "birthPlace"]
    assert mine and mine[0].evidence.extractor.startswith("tiny:verb:born")
    assert not [f for f in facts if f.relation == "deathPlace"]  # below the threshold
    assert all(f.evidence.extractor.startswith("tiny:") for f in facts if f.relation == "birthPlace")
    assert any(f.evidence.extractor == f"tiny:{PAIR_RULE}" for f in facts) or all(
        any(rules for _, rules, _ in c.relations) for c in extraction.candidates.items if c.relations
    )


def test_a_rule_the_model_never_saw_keeps_its_facts_at_its_confidence(tmp_path: Path, extraction):
    """Below the threshold, a fact of a rule family the model knows ('verb') is dropped; one whose
    rules it never saw in training (no category code) stands, at the rules' confidence."""
    scorer = sm.read_scorer(_write(tmp_path, _tiny_body()))
    facts = {(f.subject, f.relation, f.object): f for f in score_facts(extraction, scorer)}
    seen = unseen = 0
    for c in extraction.candidates.items:
        for rel, rules, _ in c.relations:
            if not rules or RELATIONS[rel].wikidata is None or scorer.probability(c, rel, rules) >= 0.5:
                continue
            fact = facts.get((c.subject, rel, c.object))
            if any(r.startswith("verb") for r, _ in rules):
                seen += 1
                assert fact is None or fact.evidence.confidence >= 0.5  # (another candidate may state it)
            else:
                unseen += 1
                assert fact is not None and fact.evidence.confidence == round(max(x for _, x in rules), 3)
    assert seen and unseen


def test_a_rule_the_model_never_saw_in_this_kind_of_document_keeps_its_facts(tmp_path: Path, extraction):
    """With the artefact's record of the rules it trained on per kind of document, a rule seen
    only in bare passages has no say against its facts in an article: they stand, at the rule's
    confidence; a rule seen in articles is judged by the model."""
    from kg.score.features import rule_name as name

    ex = extraction
    verbs = sorted({name(r) for c in ex.candidates.items for _, rules, _ in c.relations for r, _ in rules
                    if r.startswith("verb:")})  # fmt: skip
    assert verbs
    body = _tiny_body()
    body["rules_seen"] = {"article": verbs, "passage": ["lead-location"]}
    scorer = sm.read_scorer(_write(tmp_path, body))
    facts = {(f.subject, f.relation, f.object): f for f in score_facts(ex, scorer)}
    judged = stood = 0
    for c in ex.candidates.items:
        for rel, rules, _ in c.relations:
            if not rules or RELATIONS[rel].wikidata is None or scorer.probability(c, rel, rules) >= 0.5:
                continue
            assert scorer.group(c, rules) == "rule/article"
            fact = facts.get((c.subject, rel, c.object))
            if any(name(r) in verbs for r, _ in rules):
                judged += 1
                assert fact is None or fact.evidence.confidence >= 0.5
            else:
                stood += 1
                assert fact is not None and fact.evidence.confidence == round(max(x for _, x in rules), 3)
    assert judged and stood
    assert scorer.unseen((("verb:anything-else", 0.9),), "rule/article")
    assert not scorer.unseen(((verbs[0], 0.9),), "rule/article") and scorer.unseen(((verbs[0], 0.9),), "rule/passage")
    body["rules_seen"] = {"elsewhere": []}
    with pytest.raises(sm.ScorerError, match="rules_seen"):
        sm.read_scorer(_write(tmp_path, body, "other.json"))


def test_groups_tell_rule_facts_from_pairs_and_articles_from_passages():
    assert sm.group_of(2, 1.0, 1.0) == "rule/article"  # an infobox
    assert sm.group_of(1, 0.0, 3.0) == "rule/article"  # sections
    assert sm.group_of(0, 0.0, 1.0) == "pair/passage"  # one bare paragraph, as Re-DocRED's
    assert set(sm.GROUPS) == {f"{a}/{b}" for a in ("rule", "pair") for b in ("article", "passage")}


def test_a_group_has_its_own_calibration_and_threshold(tmp_path: Path, extraction):
    """The rule facts of an article (here: two blocks) by their group's map and threshold, the
    pairs of the article by theirs; what no group covers by the global ones."""
    body = _tiny_body()
    identity = {"x": [0.0, 1.0], "y": [0.0, 1.0]}
    body["groups"] = {
        "rule/article": {"threshold": 0.95, "calibration": identity},
        "pair/article": {"threshold": 0.1, "calibration": identity},
    }
    scorer = sm.read_scorer(_write(tmp_path, body))
    c = _cand(extraction, "Orren", "Lisbon")
    born = dict((r, rules) for r, rules, _ in c.relations)
    assert scorer.group(c, born["birthPlace"]) == "rule/article" and scorer.group(c, ()) == "pair/article"
    z = 1 / (1 + math.exp(-2))
    assert scorer.probability(c, "birthPlace", born["birthPlace"]) == round(z, 3)  # its group's map, not 0.1+0.8z
    assert scorer.probability(c, "deathPlace", ()) == round(1 - z, 3)
    facts = {(f.subject.text, f.relation, getattr(f.object, "text", None)) for f in score_facts(extraction, scorer)}
    assert ("Orren", "birthPlace", "Lisbon") not in facts  # 0.881 < its group's 0.95
    assert ("Orren", "deathPlace", "Lisbon") in facts  # 0.119 >= its group's 0.1 (globally 0.195 < 0.5)
    body["groups"] = {"rule/elsewhere": {"threshold": 0.5, "calibration": identity}}
    with pytest.raises(sm.ScorerError, match="unknown group"):
        sm.read_scorer(_write(tmp_path, body, "other.json"))


@pytest.mark.parametrize(
    ("damage", "says"),
    [
        (lambda p: p.unlink(), "no scorer artefact"),
        (lambda p: p.write_bytes(p.read_bytes()[:200]), "truncated"),
        (lambda p: p.write_text('{"format": "something-else/3"}'), "not a scorer artefact"),
        (lambda p: p.write_text(p.read_text().replace('"threshold": 0.5', '"threshold": 0.1')), "checksum"),
    ],
)
def test_a_bad_artefact_is_one_line_saying_run_make_train(tmp_path: Path, damage, says):
    p = _write(tmp_path, _tiny_body())
    damage(p)
    with pytest.raises(sm.ScorerError) as err:
        sm.read_scorer(p)
    msg = str(err.value)
    assert says in msg and str(p) in msg and "make train" in msg and "\n" not in msg


@pytest.mark.parametrize(
    ("edit", "says"),
    [
        (lambda b: b.update(feature_fingerprint="0123456789abcdef"), "other features"),
        (lambda b: b["trees"][0][0].__setitem__(3, 0), "loops"),
        (lambda b: b["trees"][0][1].__setitem__(0, 999), "outside"),
        (lambda b: b.update(columns=b["columns"][::-1]), "columns"),
        (lambda b: b["calibration"].update(x=[1.0, 0.0]), "calibration"),
        (lambda b: b.update(groups=[1, 2]), "groups"),
        (lambda b: b.update(groups={"rule/article": 0.5}), "groups"),
    ],
)
def test_a_foreign_or_malformed_artefact_is_refused(tmp_path: Path, edit, says):
    body = _tiny_body()
    edit(body)
    with pytest.raises(sm.ScorerError, match=says):
        sm.read_scorer(_write(tmp_path, body))


def test_the_cli_stops_on_a_missing_artefact_with_one_line(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setattr(sm, "artefact_path", lambda: tmp_path / "nowhere.json")
    monkeypatch.setattr(sys, "argv", ["kg", "build", str(ARTICLE), "--store", str(tmp_path / "s"), "--scorer", "model"])
    sm.load_scorer.cache_clear()
    try:
        with pytest.raises(SystemExit) as stop:
            main()
    finally:
        sm.load_scorer.cache_clear()
    err = capsys.readouterr().err
    assert stop.value.code == 1 and "make train" in err and "Traceback" not in err and err.count("\n") == 1
    assert not (tmp_path / "s").exists()  # stopped before the store was touched


def test_rules_only_ignores_the_candidates(tmp_path: Path, extraction, monkeypatch):
    """The rules' build is the build of extractions with no candidates at all (the candidates change nothing)."""
    import kg.annotate as pl

    plain = build_graph([ARTICLE], tmp_path / "a", [tmp_path / "a.nq"], use_cache=False)
    real = pl.extract_article
    monkeypatch.setattr(pl, "extract_article", lambda *a, **k: replace(real(*a, **k), candidates=Candidates()))
    bare = build_graph([ARTICLE], tmp_path / "b", [tmp_path / "b.nq"], use_cache=False)
    assert plain.ok and bare.ok
    assert (tmp_path / "a.nq").read_bytes() == (tmp_path / "b.nq").read_bytes()


@pytest.mark.skipif(not sm.artefact_path().exists(), reason="no trained artefact committed (make train)")
def test_the_model_build_is_deterministic_and_names_the_model(tmp_path: Path):
    scorer = sm.load_scorer()
    dumps = []
    for k in range(2):
        build_graph([DATA / "score", DATA], tmp_path / f"s{k}", [tmp_path / f"{k}.nq"], scorer=scorer)
        dumps.append((tmp_path / f"{k}.nq").read_bytes())
    assert dumps[0] == dumps[1]
    assert scorer.name.encode() in dumps[0]
