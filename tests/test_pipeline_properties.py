"""Property test: `extract_article` on random French-like text never raises, and every offset it returns
indexes the text exactly. Runs in CI with a fixed number of examples (EXAMPLES)."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veille.pipeline import extract_article

# Examples per run: about 0.2 s each on 2 cores, so the test stays under a minute in CI.
EXAMPLES = 150

WORDS = [
    "Des", "hommes", "armés", "ont", "attaqué", "le", "village", "de", "la", "les", "un", "une", "dimanche",
    "hier", "soir", "tuant", "au", "moins", "personnes", "soldats", "civils", "selon", "l'armée", "a", "déclaré",
    "manifestants", "défilé", "contre", "gouvernement", "explosion", "blessés", "morts", "président", "ministre",
    "accord", "signé", "entre", "et", "à", "dans", "près", "du", "nord", "frappe", "aérienne", "enlevés",
    "kamikaze", "s'est", "fait", "exploser", "mardi", "12", "mars", "2024", "dizaine", "Bamako", "Mopti", "Gao",
    "Kidal", "Goma", "Bunia", "Homs", "Alep", "Tartous", "Port-au-Prince", "Niamey", "Ouagadougou", "Kiev",
    "Syrie", "Mali", "Niger", "Haïti", "FARDC", "M23", "JNIM", "ONU", "AFP", "Reuters", "M.", "Mme", "ex-",
]
PUNCTUATION = [".", ",", ";", ":", "!", "?", "…", "...", "!!!", "?!", "(", ")", "[", "]", "-", "–", "—", "/", "%"]
QUOTES = ["«", "»", "« ", " »", "“", "”", "‘", "’", '"', "'", "‹", "›", "„"]
ODD = ["\n", "\n\n", "\n\n\n", "\t", " ", "  ", "\u00a0", "\u202f", "😀", "🇲🇱", "🔥", "شكرا", "سوريا", "שלום",
       "\u200f", "\u200e", "Ω", "ß", "İ", "ǅ", "\ufeff", "0", "007", "1 000", "3,5", "10e", "XXIe", "1er"]
TOKEN = st.one_of(st.sampled_from(WORDS), st.sampled_from(PUNCTUATION), st.sampled_from(QUOTES),
                  st.sampled_from(ODD), st.integers(0, 100_000).map(str))
SENTENCE = st.lists(TOKEN, min_size=1, max_size=40).map(" ".join)
PLACE_LIST = st.lists(st.sampled_from(["Bamako", "Mopti", "Gao", "Homs", "Alep", "Goma", "Kidal", "Niamey"]),
                      min_size=2, max_size=12).map(lambda names: "Des combats à " + ", ".join(names) + ".")
LONG_SENTENCE = st.lists(st.sampled_from(WORDS), min_size=300, max_size=600).map(" ".join)
TEXT = st.lists(st.one_of(SENTENCE, PLACE_LIST, LONG_SENTENCE, st.just(""), st.text(max_size=30)),
                min_size=1, max_size=6).map("\n".join)


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=TEXT, published=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2025, 12, 31)))
def test_random_french_like_text_never_raises(text, published):
    record = extract_article(text, published)
    assert record.error is None
    for mention in (*record.dates, *record.places, *record.entities):
        assert text[mention.start:mention.end] == mention.text
    for event in record.events:
        start, end = event.evidence_span
        assert text[start:end] == event.evidence
    for quote in record.quotes:
        assert 0 <= quote.span[0] <= quote.span[1] <= len(text)
