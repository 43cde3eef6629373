"""The actor knowledge base is consistent: valid entries, aliases that resolve to their own entry, no silent clash."""

from __future__ import annotations

import pytest

from veille.errors import ResourceError
from veille.extract.actors import load_kb, resolve_actor_text
from veille.extract.actors.kb import ActorEntry, index_entries, inflect_demonym, to_entry, valid_country_codes
from veille.resources import validate
from veille.resources.schemas import ENTRY_TYPES, ActorSpec

KB = load_kb()  # built once for this module's checks

CODES = valid_country_codes()


def test_every_entry_has_a_valid_type_and_country():
    kb = KB
    assert len(kb.entries) > 150
    for entry in kb.entries:
        assert entry.type in ENTRY_TYPES, entry.name
        assert entry.country is None or entry.country in CODES, entry.name
        assert entry.operates <= CODES, entry.name


def alias_cases():
    return [(entry, alias) for entry in KB.entries for alias in entry.aliases]


def test_every_alias_resolves_to_its_own_entry():
    wrong = []
    for entry, alias in alias_cases():
        country = entry.country or (sorted(entry.operates)[0] if entry.operates else None)
        actor = resolve_actor_text(KB, alias, country)
        if actor is None or actor.name != entry.name:
            wrong.append((alias, entry.name, actor.name if actor else None))
    assert wrong == []


def test_an_alias_of_two_entries_is_refused_unless_declared_shared():
    first = ActorEntry(name="A", type="rebel", country="ML", aliases=("Groupe X",))
    second = ActorEntry(name="B", type="rebel", country="NE", aliases=("groupe x",))
    with pytest.raises(ResourceError, match="several actors"):
        index_entries([first, second])
    first = ActorEntry(name="A", type="rebel", country="ML", aliases=("GX",), shared_aliases=("GX",))
    second = ActorEntry(name="B", type="rebel", country="NE", aliases=("GX",), shared_aliases=("GX",))
    assert len(index_entries([first, second]).entries[("gx",)]) == 2


@pytest.mark.parametrize(
    "raw, message",
    [
        ({"name": "X", "type": "militia", "country": "ML", "aliases": ["X"]}, "invalid type"),
        ({"name": "X", "type": "rebel", "country": "ZZ", "aliases": ["X"]}, "invalid country"),
        ({"name": "X", "type": "rebel", "country": "ML", "aliases": []}, "aliases"),
        ({"name": "X", "type": "rebel", "country": "ML", "aliases": ["X"], "alias": ["Y"]}, "(?s)alias.*Extra inputs"),
        ({"name": "X", "type": "rebel", "country": "ML", "aliases": ["X"], "shared_aliases": ["Y"]}, "shared"),
    ],
)
def test_a_malformed_entry_is_a_clear_error(raw, message):
    with pytest.raises(ResourceError, match=message):
        to_entry(validate(raw, ActorSpec, "test.yaml"), "test.yaml", CODES)


@pytest.mark.parametrize(
    "adjective, forms",
    [
        ("israélien", {"israelien", "israelienne", "israeliens", "israeliennes"}),
        ("russe", {"russe", "russes"}),
        ("français", {"francais", "francaise", "francaises"}),
        ("américain", {"americain", "americaine", "americains", "americaines"}),
    ],
)
def test_demonyms_are_inflected(adjective, forms):
    assert inflect_demonym(adjective) == forms


def test_every_country_has_a_government_name_and_demonyms_are_unique():
    kb = KB
    assert len(kb.countries) >= 249
    assert kb.role_name("military", "CD") == "Military Forces of the Democratic Republic of Congo"
    assert kb.role_name("civilians", "CD") == "Civilians (Democratic Republic of Congo)"
    assert kb.role_name("government", "TR") == "Government of Turkey"
    assert kb.demonyms["turques"] == "TR"


@pytest.mark.parametrize(
    "text, parts",
    [
        ("l’armée", ["l'", "armee"]),
        ("Al-Qaïda", ["al", "qaida"]),
        ("Tel - Aviv", ["tel", "aviv"]),
        ("George W. Bush", ["george", "w", ".", "bush"]),
        ("M23", ["m23"]),
    ],
)
def test_word_parts_are_the_matching_keys(text, parts):
    from veille.extract.actors.kb import phrase_key

    assert list(phrase_key(text)) == parts


def test_the_knowledge_base_covers_leaders_and_groups():
    kb = KB
    people = [e for e in kb.entries if e.label == "PER"]
    assert len(people) >= 300
    assert sum(len(e.aliases) for e in kb.entries) >= 1500
    types = {e.type for e in people}
    assert {"government", "political_party", "rebel", "organisation"} <= types
