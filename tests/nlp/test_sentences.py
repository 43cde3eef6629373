"""The one sentence view (veille.nlp.sentences) on French text written for these tests."""

from __future__ import annotations

import spacy

from veille.nlp import line_breaks
from veille.nlp.sentences import CLAUSE_WINDOW, sentences


def split_doc(text: str, starts: list[str]):
    """A doc without parse whose sentences start at the given words (the parser's splits, simulated) and
    after each line break (the pipeline's `veille_line_breaks` component)."""
    doc = spacy.blank("fr")(text)
    for token in doc:
        token.is_sent_start = token.i == 0 or token.text in starts
    return line_breaks(doc)


def test_the_view_is_the_pipelines_sentences_and_is_built_once(nlp):
    doc = nlp("La pluie a cessé. Les routes ont rouvert lundi.")
    view = sentences(doc)
    assert view.bounds == [(s.start, s.end) for s in doc.sents]
    assert sentences(doc) is view
    assert view.of(doc[-2]).text == "Les routes ont rouvert lundi."
    assert view.index_at(0) == 1 and view.index_at(len(doc.text) - 1) == 2


def test_a_line_break_ends_the_sentence_and_the_segment_drops_surrounding_space(nlp):
    doc = nlp("Crue soudaine dans la vallée\n\n  Trois ponts ont été emportés mardi.  ")
    view = sentences(doc)
    first, last = view.segment(doc[0]), view.segment(doc[-2])
    assert doc.text[first[0]:first[1]] == "Crue soudaine dans la vallée"
    assert doc.text[last[0]:last[1]] == "Trois ponts ont été emportés mardi."


def test_the_written_sentence_joins_a_split_without_final_punctuation():
    doc = split_doc("En mai, dix fermes - dont deux écoles - ont brûlé. Les pompiers sont arrivés.", ["-", "Les"])
    view = sentences(doc)
    burned = next(t for t in doc if t.text == "brûlé")
    start, end = view.written(burned)
    assert doc.text[start:end].strip() == "En mai, dix fermes - dont deux écoles - ont brûlé."


def test_the_written_sentence_never_crosses_a_line_break():
    doc = split_doc("Le ministre a reçu son homologue à Lyon\nLe traité avait été signé à Genève.", ["Le"])
    start, end = sentences(doc).written(doc[2])
    assert doc.text[start:end].strip() == "Le ministre a reçu son homologue à Lyon"


def test_a_clause_ends_at_a_semicolon_and_within_a_window():
    doc = spacy.blank("fr")("Deux maisons ont brûlé ; trois granges aussi.")
    view = sentences(doc)
    granges = next(t for t in doc if t.text == "granges")
    assert doc[view.clause_start(granges.i):view.clause_end(granges.i)].text == "trois granges aussi"
    long = spacy.blank("fr")(" ".join(["mot"] * (3 * CLAUSE_WINDOW)))
    middle = len(long) // 2
    assert view.clause_start(0) == 0
    assert sentences(long).clause_start(middle) == middle - CLAUSE_WINDOW + 1
    assert sentences(long).clause_end(middle) == middle + CLAUSE_WINDOW
