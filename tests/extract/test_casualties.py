"""Casualty phrases: a table of French phrasings, each giving (kind, value, low, high, negated) in order."""

from __future__ import annotations

import pytest

from tests.support import knowledge
from veille.extract.casualties import find_casualties

CASES = [
    ("Un kamikaze s'est fait exploser, faisant 11 morts et 45 blessés.",
     [("killed", 11, 11, 11, False), ("injured", 45, 45, 45, False)]),
    ("Les frappes ont causé la mort, samedi, de 27 personnes.", [("killed", 27, 27, 27, False)]),
    ("Deux gendarmes ont été tués lors de l'embuscade.", [("killed", 2, 2, 2, False)]),
    ("Un manifestant a été grièvement blessé par un tir.", [("injured", 1, 1, 1, False)]),
    ("L'engin a explosé mais n'a pas fait de victime.", [("killed", 0, 0, 0, True)]),
    # Nobody hurt means nobody killed either: both figures are zero.
    ("La roquette est tombée dans un champ sans faire de blessé.",
     [("injured", 0, 0, 0, True), ("killed", 0, 0, 0, True)]),
    ("Le bus a heurté une mine, tuant ses cinq passagers.", [("killed", 5, 5, 5, False)]),
    ("L'attaque a fait au moins quarante-deux morts.", [("killed", 42, 42, None, False)]),
    ("On compte une vingtaine de blessés.", [("injured", 20, None, None, False)]),
    ("Des dizaines de civils ont été blessés.", [("injured", None, None, None, False)]),
    ("Entre 8 et 12 villageois sont morts dans l'incendie.", [("killed", 8, 8, 12, False)]),
    ("Les bombardements ont coûté la vie à six enfants.", [("killed", 6, 6, 6, False)]),
    ("Quatre rebelles ont trouvé la mort dans les combats.", [("killed", 4, 4, 4, False)]),
    ("Les soldats ont tué 14 assaillants et blessé 3 autres.",
     [("killed", 14, 14, 14, False), ("injured", 3, 3, 3, False)]),
    ("Le ministre a présenté son budget devant les députés.", []),
    # A toll with no casualty noun is a death toll; a year after "bilan" is not.
    ("Le bilan s'est alourdi à 17 dans la soirée.", [("killed", 17, 17, 17, False)]),
    ("Le bilan 2021 de la préfecture reste lourd.", []),
    # A list of names counts its names.
    ("Marc Leroy et Paul Simon ont été tués lors de l'assaut.", [("killed", 2, 2, 2, False)]),
    # The number is the subject itself, or is cut from its verb by an aside.
    ("Parmi les otages, trois sont morts pendant leur détention.", [("killed", 3, 3, 3, False)]),
    ("Douze villageois - dont quatre enfants - ont été tués par les assaillants.", [("killed", 12, 12, 12, False)]),
    # "victimes" alone are the killed; beside killed and injured figures they are their total.
    ("L'attentat a fait une dizaine de victimes selon la police.", [("killed", 10, None, None, False)]),
    ("L'attentat a fait 30 victimes, dont 12 morts et 18 blessés.",
     [("killed", 12, 12, 12, False), ("injured", 18, 18, 18, False)]),
    # A death with no causing verb.
    ("La police a confirmé la mort d'un commandant rebelle.", [("killed", 1, 1, 1, False)]),
    # "une vingtaine" is about 20, not the "une" before it.
    ("Une vingtaine de soldats ont été tués dans l'embuscade.", [("killed", 20, None, None, False)]),
    # A member named in an aside is not the count of the group ("dont", "parmi lesquels").
    ("Neuf civils, dont une fillette, ont été tués par balle.", [("killed", 9, 9, 9, False)]),
    ("Sept villageois parmi lesquels un imam ont été tués.", [("killed", 7, 7, 7, False)]),
    # ... but in a relative clause the part is the victim.
    ("Les ravisseurs, dont deux ont été blessés, ont pris la fuite.", [("injured", 2, 2, 2, False)]),
    # Hunger and disease kill, but they are no casualty of violence; wounds are.
    ("Des dizaines de déplacés sont morts de faim dans le camp.", []),
    ("Quatre enfants sont décédés du paludisme.", []),
    ("Cinq soldats sont morts de leurs blessures.", [("killed", 5, 5, 5, False)]),
    # Coordinated victims of one verb add up; a group without a number makes the sum a lower bound.
    ("Six militaires et neuf rebelles ont été tués lors des combats.", [("killed", 15, 15, 15, False)]),
    ("Deux policiers et des passants ont été blessés.", [("injured", 2, 2, None, False)]),
    # A fatal wound is a death; so is succumbing.
    ("Un gendarme a été mortellement blessé lors du contrôle.", [("killed", 1, 1, 1, False)]),
    ("Un otage a succombé à ses blessures.", [("killed", 1, 1, 1, False)]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_reads_casualty_phrases(nlp, text, expected):
    found = find_casualties(nlp(text), knowledge().casualties)
    assert [(c.kind, c.value, c.low, c.high, c.negated) for c in found] == expected


def test_spans_index_the_text_exactly(nlp):
    doc = nlp("Selon la police, l'explosion a fait trois morts et plus de 20 blessés dans le marché.")
    found = find_casualties(doc, knowledge().casualties)
    assert [doc.text[c.start:c.end] for c in found] == ["trois morts", "plus de 20 blessés"]
    assert all(c.text == doc.text[c.start:c.end] for c in found)
    assert found[1].approx and found[1].low == 20


def test_victims_and_provisional_toll(nlp):
    doc = nlp("Selon un bilan provisoire, sept policiers ont été tués.")
    (casualty,) = find_casualties(doc, knowledge().casualties)
    assert casualty.victims == "policiers" and casualty.provisional


def test_a_number_before_the_verb_group_counts_the_victims(nlp):
    # The parser may take "blessés" for the subject; the number right before the verb counts them.
    found = find_casualties(nlp("Parmi les blessés, trois sont morts à l'hôpital de Mopti."), knowledge().casualties)
    assert [(c.kind, c.value) for c in found if c.kind == "killed"] == [("killed", 3)]


def test_coordinated_gerund_takes_the_object_the_parser_hung_on_the_first_verb(nlp):
    text = "Des hommes armés ont attaqué le village, tuant douze civils et en blessant au moins huit autres."
    found = {(c.kind, c.value, c.approx) for c in find_casualties(nlp(text), knowledge().casualties)}
    assert found == {("killed", 12, False), ("injured", 8, True)}


def test_the_subject_nearest_before_the_verb_is_the_victim(nlp):
    # A long sentence may give a participle several subjects: the one just before the verb group counts.
    from spacy.tokens import Doc

    words = ["Awa", "Diallo", ",", "une", "commerçante", "de", "Kati", ",", "où", "12", "personnes", "ont", "été",
             "abattues", "."]
    heads = [13, 0, 4, 4, 0, 6, 4, 13, 13, 10, 13, 13, 13, 13, 13]
    deps = ["nsubj:pass", "flat:name", "punct", "det", "appos", "case", "nmod", "punct", "obl", "nummod",
            "nsubj:pass", "aux:tense", "aux:pass", "ROOT", "punct"]
    pos = ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "PRON", "NUM", "NOUN", "AUX", "AUX",
           "VERB", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert [(c.kind, c.value) for c in find_casualties(doc, knowledge().casualties)] == [("killed", 12)]
