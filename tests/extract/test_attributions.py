"""Attributions: who a statement or a figure is attributed to, written as the gold data write sources."""

from __future__ import annotations

import pytest

from veille.extract.attributions import find_attributions

CASES = [
    ("Le marché a été bombardé, selon l'agence officielle Petra.", "Petra", "selon"),
    ("D'après l'Observatoire national des droits humains (ONDH), six civils sont morts.", "ONDH", "D'après"),
    ("Les discussions ont échoué, a indiqué un diplomate canadien.", "un diplomate canadien", "indiqué"),
    ("Deux gendarmes ont été tués, de source sécuritaire.", "une source sécuritaire", "de"),
    ("Le convoi a été attaqué selon des sources concordantes.", "des sources concordantes", "selon"),
    ("Selon le ministère de la Santé du Hezbollah, neuf personnes ont péri.",
     "le ministère de la Santé du Hezbollah", "Selon"),
    # A hyphenated compound stays whole; an acronym is written without its elided article.
    ("Deux dépôts ont été détruits, selon l'état-major.", "l'état-major", "selon"),
    ("Quatre civils ont été blessés, a précisé l'ONDH.", "ONDH", "précisé"),
    # The "à" complement of the verb is who was told, not who tells.
    ("Le pont a été détruit, a confié à la radio une source militaire.", "une source militaire", "confié"),
    # A report relayed by someone: the source is who relayed it.
    ("Selon une information révélée par TF1, le suspect a été arrêté.", "TF1", "Selon"),
]


@pytest.mark.parametrize(("text", "source", "cue"), CASES)
def test_finds_the_source_as_written(nlp, text, source, cue):
    found = find_attributions(nlp(text))
    assert [(a.source, a.cue) for a in found] == [(source, cue)]


def test_spans_and_scope(nlp):
    doc = nlp("Le bilan est lourd. Trois morts ont été recensés, selon la police locale. Rien d'autre.")
    (attribution,) = find_attributions(doc)
    assert doc.text[attribution.start:attribution.end] == "la police locale"
    assert doc.text[attribution.scope_start:attribution.scope_end].startswith("Trois morts")
    assert attribution.scope_end <= doc.text.index("Rien")


def test_pronoun_subjects_are_not_sources(nlp):
    assert find_attributions(nlp("Il a indiqué que la route était coupée.")) == []


def test_each_source_covers_its_own_part_of_a_sentence(nlp):
    text = "Onze civils sont morts à Hama selon la radio locale, et quatorze à Idleb selon la police."
    doc = nlp(text)
    first, second = find_attributions(doc)
    assert (first.source, second.source) == ("la radio locale", "la police")
    assert text[first.scope_start:first.scope_end].startswith("Onze civils sont morts à Hama")
    assert "Idleb" not in text[first.scope_start:first.scope_end]
    assert "Idleb" in text[second.scope_start:second.scope_end]
    assert "Hama" not in text[second.scope_start:second.scope_end]
