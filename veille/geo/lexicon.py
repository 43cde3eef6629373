"""The French words around place names (site nouns, regions, directions, links), loaded once and validated."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from veille.errors import ResourceError
from veille.resources import load_yaml

PLACE_TYPES_FILE = "fr/geo_place_types.yaml"
NOT_PLACES_FILE = "fr/geo_not_places.yaml"
_WORD_LISTS = ("sites", "regions", "towns", "roads", "directions", "modifiers", "named_after", "unnamed_sites")


@dataclass(frozen=True)
class PlaceLexicon:
    """Lower-case word sets, and link phrases as token tuples (longest first)."""

    sites: frozenset[str]
    regions: frozenset[str]
    towns: frozenset[str]
    roads: frozenset[str]
    directions: frozenset[str]
    modifiers: frozenset[str]
    named_after: frozenset[str]
    unnamed_sites: frozenset[str]
    links: tuple[tuple[str, ...], ...]
    not_places: frozenset[str]


def _word_list(data: dict, key: str, source: str) -> list[str]:
    words = data.get(key)
    if not (isinstance(words, list) and words and all(isinstance(w, str) and w.strip() for w in words)):
        raise ResourceError(f"{source}: '{key}' must be a non-empty list of words")
    return [w.strip() for w in words]


@cache
def load_place_lexicon() -> PlaceLexicon:
    """Read geo_place_types.yaml and geo_not_places.yaml (a missing or malformed list is an error)."""
    data = load_yaml(PLACE_TYPES_FILE)
    if not isinstance(data, dict) or set(data) != {*_WORD_LISTS, "links"}:
        raise ResourceError(f"{PLACE_TYPES_FILE}: expected exactly the keys {sorted({*_WORD_LISTS, 'links'})}")
    lists = {key: frozenset(w.lower() for w in _word_list(data, key, PLACE_TYPES_FILE)) for key in _WORD_LISTS}
    links = sorted((tuple(phrase.lower().split()) for phrase in _word_list(data, "links", PLACE_TYPES_FILE)),
                   key=len, reverse=True)
    not_places = load_yaml(NOT_PLACES_FILE)
    if not isinstance(not_places, dict) or set(not_places) != {"not_places"}:
        raise ResourceError(f"{NOT_PLACES_FILE}: expected exactly the key 'not_places'")
    words = frozenset(_word_list(not_places, "not_places", NOT_PLACES_FILE))
    return PlaceLexicon(links=tuple(links), not_places=words, **lists)
