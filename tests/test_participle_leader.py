"""A present participle after a comma has its clause's subject as its doer ("Roe played a role in the
war, leading the Tesk Front (TF)"); invented people."""

from __future__ import annotations

from tests.extracted import fact_triples

ARTICLE = """= Jaan Tamberg =

Jaan Tamberg (23 June 1936 – 8 November 1976) was an Estonian politician. Tamberg played an important
role during the Estonian war of independence against Russia, leading the Estonian Liberation Front (ELF),
organizing the shipment of foreign weapons. In the early 1990s, Tamberg was the leader of the
Tartu Guerrilla Army.
"""


def test_the_participle_after_a_comma_is_the_clause_subjects_deed():
    assert ("Estonian Liberation Front", "leader", "Tamberg") in fact_triples(ARTICLE)

