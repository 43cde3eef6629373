"""The event lexicons: the shipped files load, and malformed data fails loudly at load."""

from __future__ import annotations

import pytest

from veille.errors import ResourceError
from veille.extract.events.lexicon import load_event_lexicon, make_cues, split_words, stem
from veille.model import EVENT_TYPES, PLOVER_CODES
from veille.resources import load_yaml, validate
from veille.resources.schemas import ScopeFile, TriggersFile

GOOD = {"id": "attack", "words": ["attaque"], "family": "violence", "acled": ["Battles", "Armed clash"],
        "plover": "ASSAULT", "confidence": 0.7}


def test_shipped_lexicons_load_and_are_consistent():
    lexicon = load_event_lexicon()
    triggers = [t for entries in lexicon.by_word.values() for t in entries]
    assert triggers
    for trigger in triggers:
        spec = trigger.spec
        assert spec.plover in PLOVER_CODES
        assert spec.acled is None or spec.acled[1] in EVENT_TYPES[spec.acled[0]]
    families = {t.spec.family for t in triggers}
    for rule in lexicon.refinements:
        assert set(rule.families) <= families, f"refinement for unknown family: {rule.families}"


@pytest.mark.parametrize(
    "bad",
    [
        {**GOOD, "acled": ["Battles", "Suicide bomb"]},  # sub-type of another event type
        {**GOOD, "plover": "ATTACK"},  # not a PLOVER code
        {**GOOD, "gates": ["weather"]},  # unknown gate
        {**GOOD, "colour": "red"},  # unknown field (a typo must not pass silently)
        {**GOOD, "words": []},  # no words
        {**GOOD, "words": ["frappe aérienne"]},  # phrases go in `with`
        {**GOOD, "confidence": 1.5},  # not a probability
    ],
)
def test_malformed_trigger_entry_is_a_resource_error(bad):
    with pytest.raises(ResourceError, match="invalid triggers.yaml"):
        validate({"triggers": [bad]}, TriggersFile, "triggers.yaml")


def test_duplicate_trigger_ids_are_rejected():
    with pytest.raises(ResourceError, match="duplicated trigger id"):
        validate({"triggers": [GOOD, GOOD]}, TriggersFile, "triggers.yaml")


def test_scope_file_needs_its_context_lists():
    data = dict(load_yaml("fr/event_scope.yaml"))
    data["context"] = {"conflict": ["armée"]}
    with pytest.raises(ResourceError, match="context must define"):
        validate(data, ScopeFile, "event_scope.yaml")


@pytest.mark.parametrize(
    ("a", "b"),
    [("aériennes", "aérienne"), ("tirs", "tir"), ("roquettes", "roquette"), ("Frappes", "frappe")],
)
def test_stem_joins_inflections(a, b):
    assert stem(a) == stem(b)


def test_phrases_are_indexed_by_first_stem():
    cues = make_cues(["tirs d'obus", "kamikaze"])
    assert stem("kamikaze") in cues.words
    assert cues.phrases[stem("tir")] == (split_words("tir d'obus"),)
