"""An infobox person's bracket that gives only a death ("Spouse: Liisa Kask (d. 1938)") dates that
person's death; a marriage's bracket ("(m. 1950; died 1975)") does not; invented people."""

from __future__ import annotations

from tests.extracted import fact_triples

ARTICLE = """= Jaan Tamberg =

Infobox
- Birth Date: 2 May 1913
- Spouse: Liisa Kask (d. 1938), Maret Saar (died 12 March 1946), Anu Pärn (m. 1950; died 1975)

Jaan Tamberg (2 May 1913 – 4 May 2005) was an Estonian politician.
"""


def test_a_bracket_death_dates_the_person_it_follows():
    got = fact_triples(ARTICLE)
    assert ("Liisa Kask", "deathDate", "1938") in got
    assert ("Maret Saar", "deathDate", "1946-03-12") in got
    assert not any(s == "Anu Pärn" and r == "deathDate" for s, r, _ in got)
