"""The first steps of the event cascade, each on its own: trigger detection (detect), typing and argument
phrases (classify), scope rules (scope); on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.support import knowledge
from veille.extract.events.classify import agent_phrases, patient_phrases, refine, type_by_victims
from veille.extract.events.detect import find_candidates
from veille.extract.events.scope import scope_reason
from veille.extract.events.view import DocView


def candidates(nlp, text: str):
    view = DocView(nlp(text))
    return view, find_candidates(view, knowledge().events)


def candidate(nlp, text: str, word: str):
    view, found = candidates(nlp, text)
    return view, next(c for c in found if c.token.text == word)


def test_a_trigger_word_is_a_candidate_with_its_default_type(nlp):
    _, found = candidates(nlp, "Des soldats ont attaqué le poste frontière.")
    attacked = [c for c in found if c.token.text == "attaqué"]
    assert attacked and attacked[0].plover == "ASSAULT" and attacked[0].acled is not None


def test_a_word_that_needs_a_companion_is_no_candidate_alone(nlp):
    _, found = candidates(nlp, "Il a pris le train pour Dakar.")
    assert not any(c.token.text == "pris" for c in found)


def test_agent_and_patient_phrases_of_a_verb(nlp):
    _, cand = candidate(nlp, "Les rebelles ont attaqué le poste de police.", "attaqué")
    assert [[t.text for t in p] for p in agent_phrases(cand.token)] == [["Les", "rebelles"]]
    assert [[t.text for t in p] for p in patient_phrases(cand.token)] == [["le", "poste", "de", "police"]]


def test_the_victims_type_a_generic_attack(nlp):
    _, cand = candidate(nlp, "Une attaque a visé le village.", "attaque")
    if cand.refined:
        pytest.skip("typed by context already")
    assert type_by_victims(cand, ["civils"], knowledge().events)
    assert cand.acled == ("Violence against civilians", "Attack")


def test_a_weapon_in_the_sentence_refines_the_type(nlp):
    view, cand = candidate(nlp, "Des drones ont bombardé mardi un dépôt d'armes.", "bombardé")
    refine(cand, view, knowledge().events)
    assert cand.acled is not None and cand.acled[0] == "Explosions/Remote violence"


@pytest.mark.parametrize(
    ("text", "word", "reason"),
    [
        ("Les rebelles n'ont pas attaqué le village.", "attaqué", "negated"),
        ("Les rebelles attaqueront le village demain.", "attaqueront", "future"),
    ],
)
def test_scope_rules_give_their_reason(nlp, text, word, reason):
    view, cand = candidate(nlp, text, word)
    refine(cand, view, knowledge().events)
    assert scope_reason(cand, view, knowledge().events, article_conflict=3) == reason


def test_a_reported_attack_is_in_scope(nlp):
    view, cand = candidate(nlp, "Les rebelles ont attaqué le village dimanche.", "attaqué")
    refine(cand, view, knowledge().events)
    assert scope_reason(cand, view, knowledge().events, article_conflict=3) is None
