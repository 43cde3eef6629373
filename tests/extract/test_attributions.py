"""Attributions: who a statement or a figure is attributed to, written as the gold data write sources."""

from __future__ import annotations

import pytest

from tests.support import knowledge
from veille.extract.actors.anaphora import group_antecedent
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
    found = find_attributions(nlp(text), knowledge().attributions)
    assert [(a.source, a.cue) for a in found] == [(source, cue)]


def test_spans_and_scope(nlp):
    doc = nlp("Le bilan est lourd. Trois morts ont été recensés, selon la police locale. Rien d'autre.")
    (attribution,) = find_attributions(doc, knowledge().attributions)
    assert doc.text[attribution.start:attribution.end] == "la police locale"
    assert doc.text[attribution.scope_start:attribution.scope_end].startswith("Trois morts")
    assert attribution.scope_end <= doc.text.index("Rien")


def test_pronoun_subjects_are_not_sources(nlp):
    assert find_attributions(nlp("Il a indiqué que la route était coupée."), knowledge().attributions) == []


def test_each_source_covers_its_own_part_of_a_sentence(nlp):
    text = "Onze civils sont morts à Hama selon la radio locale, et quatorze à Idleb selon la police."
    doc = nlp(text)
    first, second = find_attributions(doc, knowledge().attributions)
    assert (first.source, second.source) == ("la radio locale", "la police")
    assert text[first.scope_start:first.scope_end].startswith("Onze civils sont morts à Hama")
    assert "Idleb" not in text[first.scope_start:first.scope_end]
    assert "Idleb" in text[second.scope_start:second.scope_end]
    assert "Hama" not in text[second.scope_start:second.scope_end]


# A category noun refers back to the group named before it; a capitalised short name is kept as written.
ANAPHORA_CASES = [
    ("Le rapport d'Amnesty International a été publié lundi. Onze détenus sont morts, selon l'ONG.",
     "Amnesty International"),
    ("Boko Haram a revendiqué l'attaque. Trois soldats ont été tués, a affirmé le groupe.", "Boko Haram"),
    ("Médecins sans frontières soigne les blessés. Vingt blessés sont arrivés, selon l'Organisation.",
     "l'Organisation"),
    # Nothing named before: the noun stays as written.
    ("Onze détenus sont morts, selon l'ONG.", "ONG"),
]


@pytest.mark.parametrize(("text", "source"), ANAPHORA_CASES)
def test_category_nouns_take_the_name_of_the_group_named_before(nlp, text, source):
    found = find_attributions(nlp(text), knowledge().attributions)
    assert [a.source for a in found][-1:] == [source]


def test_a_named_category_noun_is_not_an_anaphor(nlp):
    doc = nlp("Boko Haram a attaqué le village. Deux morts, selon l'organisation Amnesty International.")
    noun = next(t for t in doc if t.lower_ == "organisation")
    lex = knowledge().attributions
    assert group_antecedent(noun, lex.group_anaphora, lex.actors) is None


def test_an_inverted_pronoun_source_is_the_person_named_before(nlp):
    doc = nlp("Le porte-parole de la police, Jonas Ferrand, a confirmé l'attaque. "
              "Le suspect a été arrêté, a-t-il ajouté.")
    sources = [(a.source, a.cue) for a in find_attributions(doc, knowledge().attributions)]
    assert ("Jonas Ferrand", "ajouté") in sources


def test_a_toll_is_attributed_to_whoever_counted_it(nlp):
    text = "Trente policiers ont été blessés, selon un bilan provisoire de la préfecture du Rhône."
    found = find_attributions(nlp(text), knowledge().attributions)
    assert [a.source for a in found] == ["la préfecture du Rhône"]


def test_a_named_group_keeps_its_determiner_when_an_anaphor_names_it(nlp):
    doc = nlp("Lundi, le Hezbollah a tiré des roquettes. Deux civils sont morts, selon le mouvement chiite.")
    assert [a.source for a in find_attributions(doc, knowledge().attributions)][-1] == "le Hezbollah"


def test_the_same_source_is_the_previous_one(nlp):
    doc = nlp("Selon Paul Kabongo, député provincial, six civils ont été tués. "
              "A en croire la même source, les assaillants ont fui vers la forêt.")
    assert [a.source for a in find_attributions(doc, knowledge().attributions)] == ["Paul Kabongo", "Paul Kabongo"]


@pytest.mark.parametrize("text", [
    "Des émeutiers ont lancé des pierres sur la préfecture samedi.",
    "Le gouvernement a accusé les rebelles de violer la trêve.",
    "Les syndicats exigent le retrait de la réforme.",
])
def test_a_political_act_is_no_report(nlp, text):
    # The subject of "accuser", "exiger", "lancer" acts; it is not the source of a report.
    assert find_attributions(nlp(text), knowledge().attributions) == []


def test_an_act_verb_in_an_incise_reports_what_was_said(nlp):
    doc = nlp("« C'est une provocation », a dénoncé le porte-parole du gouvernement.")
    found = find_attributions(doc, knowledge().attributions)
    assert [a.source for a in found] == ["le porte-parole du gouvernement"]
