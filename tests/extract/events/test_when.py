"""The date of an event (veille.extract.events.when) on French sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy

from tests.support import knowledge
from veille.extract.dates import find_dates
from veille.extract.events.view import DocView
from veille.extract.events.when import event_date
from veille.extract.mentions import Mentions
from veille.nlp import line_breaks

TUESDAY = dt.date(2016, 9, 6)


def date_of(doc, word: str) -> tuple[str, str, str | None]:
    mentions = Mentions(doc=doc, published=TUESDAY, dates=find_dates(doc, TUESDAY, knowledge().temporal))
    trigger = next(t for t in doc if t.text == word)
    date = event_date(mentions, DocView(doc), trigger)
    return date.value, date.precision, date.text


def split_doc(text: str, starts: list[str]):
    """A doc without parse whose sentences start at the given words (the parser's splits, simulated) and
    after each line break (the pipeline's `veille_line_breaks` component)."""
    doc = spacy.blank("fr")(text)
    for token in doc:
        token.is_sent_start = token.i == 0 or token.text in starts
    return line_breaks(doc)


def test_a_split_inside_a_sentence_does_not_hide_its_date():
    doc = split_doc("En mars, vingt villageois - dont trois enfants - ont péri sur une mine.", ["-"])
    assert date_of(doc, "péri") == ("2016-03-01", "month", "mars")


def test_a_date_in_the_sentence_before_is_not_taken():
    doc = split_doc("En mars, la route a rouvert. Vingt villageois ont péri sur une mine.", ["Vingt"])
    assert date_of(doc, "péri") == ("2016-09-06", "unknown", None)


def test_a_line_break_ends_the_sentence():
    doc = split_doc("Le ministre a reçu son homologue à Lyon\nLe traité avait été signé le 6 mai à Genève.", [])
    assert date_of(doc, "reçu") == ("2016-09-06", "unknown", None)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # the date of what is said or of a relative clause is not the verb's own
        ("Le gouvernement accuse les rebelles de commettre des massacres depuis 2017.", "accuse", None),
        ("Les soldats ont attaqué le dépôt construit en 2012 par les rebelles.", "attaqué", None),
        # the verb's own date, and a clause describing a noun trigger, still date it
        ("Le gouvernement a accusé dimanche les rebelles de commettre des massacres.", "accusé", "dimanche"),
        ("L'attaque, qui a eu lieu dimanche, a fait dix morts.", "attaque", "dimanche"),
    ],
)
def test_a_date_inside_a_clause_below_a_verb_trigger_is_not_its_date(nlp, text, word, expected):
    assert date_of(nlp(text), word)[2] == expected
