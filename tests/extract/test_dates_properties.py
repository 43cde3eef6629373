"""Property tests: any text and any publication date give valid, resolvable TIMEX3 values, never a crash."""

from __future__ import annotations

import datetime as dt

import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veille.extract.dates import find_dates
from veille.extract.events.view import DocView
from veille.extract.events.when import event_date
from veille.extract.mentions import Mentions
from veille.extract.temporal.calendar import TIMEX_VALUE, first_day
from veille.extract.temporal.lexicon import load_temporal_lexicon

BLANK = spacy.blank("fr")  # tokenizer and sentencizer only: fast, and exercises the no-parse paths
BLANK.add_pipe("sentencizer")
LEXICON = load_temporal_lexicon()
WORDS = sorted({form for table in LEXICON.words.values() for form in table}) + [
    "le", "la", "du", "au", "et", "à", "de", "il y a", "dans", "ces", "heures", "ont", "attaqué", "sera",
]
NUMBERS = st.integers(min_value=0, max_value=3000).map(str)
DATE_LIKE = st.lists(st.one_of(st.sampled_from(WORDS), NUMBERS, st.sampled_from([",", ".", "/", "-", "'"])),
                     max_size=14).map(" ".join)
PUBLISHED = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9998, 12, 31))


def check(doc, published: dt.date) -> None:
    mentions = find_dates(doc, published, LEXICON)
    for mention in mentions:
        assert doc.text[mention.start:mention.end] == mention.text
        assert TIMEX_VALUE.match(mention.value)
        first_day(mention.value)
        if mention.end_value is not None:
            assert first_day(mention.end_value) >= first_day(mention.value)
    if len(doc):
        date = event_date(Mentions(doc=doc, published=published, dates=mentions), DocView(doc), doc[len(doc) // 2])
        dt.date.fromisoformat(date.value)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200), published=PUBLISHED)
def test_arbitrary_text_never_crashes(text, published):
    check(BLANK(text), published)


@settings(max_examples=400, deadline=None)
@given(text=DATE_LIKE, published=PUBLISHED)
def test_date_like_text_gives_valid_values(text, published):
    check(BLANK(text), published)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=DATE_LIKE, published=PUBLISHED)
def test_date_like_text_with_the_parse(nlp, text, published):
    check(nlp(text), published)
