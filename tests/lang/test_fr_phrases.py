"""French phrases over the parse (veille.lang.fr.phrases), on sentences written for these tests."""

from __future__ import annotations

from veille.lang.fr.phrases import argument_phrase, cue_tokens, matched_cue, noun_phrase, opens_incise


def word(doc, text: str):
    return next(t for t in doc if t.text == text)


def test_a_source_noun_phrase_keeps_its_complements_and_drops_its_clause(nlp):
    doc = nlp("Selon le comité régional de la Croix-Rouge, qui a visité le camp, la route est coupée.")
    assert noun_phrase(word(doc, "comité")).text == "le comité régional de la Croix-Rouge"


def test_a_name_phrase_stops_at_its_comma(nlp):
    doc = nlp("Selon Marc Dubois, le maire de la ville, la route est coupée.")
    head = word(doc, "Marc")  # the parser heads a name by its first word
    assert noun_phrase(head).text == "Marc Dubois"


def test_an_argument_phrase_takes_the_antecedent_of_a_relative_pronoun(nlp):
    doc = nlp("Les soldats qui gardaient le pont ont été attaqués.")
    relative = word(doc, "qui")
    phrase = [t.text for t in argument_phrase(relative)]
    assert phrase[:2] == ["Les", "soldats"] and "qui" not in phrase


def test_cues_are_matched_as_spacy_splits_them(nlp):
    doc = nlp("D’après la police, le calme est revenu.")
    assert cue_tokens("d'après") == ("d'", "après")
    assert matched_cue(doc[0], {"d'": ("d'après",)}).text == "D’après"


def test_an_incise_opens_after_a_comma(nlp):
    doc = nlp("« Nous partons », a annoncé le capitaine.")
    assert opens_incise(word(doc, "annoncé"))
