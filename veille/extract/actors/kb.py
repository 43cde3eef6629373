"""The actor knowledge base: YAML entries, country names and demonyms, generic agents, indexed once per process."""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Generic, TypeVar

import pycountry

from veille.errors import ResourceError
from veille.lang.fr.text import fold
from veille.resources import load_data, resource_path
from veille.resources.schemas import ActorsFile, ActorSpec, AgentsFile, DemonymsFile, TitlesFile

ACTORS_DIR = "actors"
DEMONYMS_FILE = "fr/actor_demonyms.yaml"
AGENTS_FILE = "fr/actor_agents.yaml"
TITLES_FILE = "fr/actor_titles.yaml"

# Tokens dropped before matching, so that "Tel-Aviv" and "Tel Aviv" are one key.
SKIPPED_TOKENS = frozenset({"-", "–", "—"})

T = TypeVar("T")


def case_constraint(token: str, single: bool) -> str:
    """How a text token must be written to match this alias token: "U" capitals, "C" capitalised, "" any."""
    letters = [ch for ch in token if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return "U"
    if single and letters and token[0].isupper():
        return "C"
    return ""


def case_matches(constraints: tuple[str, ...], texts: Iterable[str]) -> bool:
    """Whether text tokens satisfy an alias' case constraints (acronyms in capitals, names capitalised)."""
    for rule, text in zip(constraints, texts, strict=False):
        if rule == "U" and not (text.isupper() or text[:1].isdigit()):
            return False
        if rule == "C" and not text[:1].isupper():
            return False
    return True


class PhraseIndex(Generic[T]):
    """Token-sequence dictionary with longest-match lookup, indexed by first token."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, ...], list[T]] = {}
        self.lengths: dict[str, list[int]] = {}

    def add(self, key: tuple[str, ...], value: T) -> None:
        values = self.entries.setdefault(key, [])
        if value not in values:
            values.append(value)
        lengths = self.lengths.setdefault(key[0], [])
        if len(key) not in lengths:
            lengths.append(len(key))
            lengths.sort(reverse=True)

    def match_at(self, keys: list[str], i: int) -> tuple[int, list[T]] | None:
        """The longest phrase starting at keys[i]: (length, values), or None."""
        for length in self.lengths.get(keys[i], ()):
            if i + length <= len(keys):
                values = self.entries.get(tuple(keys[i : i + length]))
                if values:
                    return length, values
        return None

    def __len__(self) -> int:
        return len(self.entries)


@dataclass(frozen=True)
class ActorEntry:
    """One actor of the knowledge base."""

    name: str
    type: str
    country: str | None
    operates: frozenset[str] = frozenset()
    label: str = "ORG"
    aliases: tuple[str, ...] = ()
    shared_aliases: tuple[str, ...] = ()
    source: str = ""

    def active_in(self, country: str | None) -> bool:
        return country is not None and (country == self.country or country in self.operates)


@dataclass(frozen=True)
class AliasTarget:
    entry: ActorEntry
    case: tuple[str, ...]
    shared: bool


@dataclass(frozen=True)
class Country:
    code: str
    en: str
    the: bool


@dataclass
class ActorKB:
    """Every index the resolver needs; build it with `load_kb()`."""

    entries: list[ActorEntry] = field(default_factory=list)
    named: PhraseIndex[AliasTarget] = field(default_factory=PhraseIndex)
    countries: dict[str, Country] = field(default_factory=dict)
    country_names: PhraseIndex[str] = field(default_factory=PhraseIndex)
    capitals: PhraseIndex[str] = field(default_factory=PhraseIndex)
    demonyms: dict[str, str] = field(default_factory=dict)
    roles: dict[str, tuple[str, str]] = field(default_factory=dict)
    agents: PhraseIndex[str] = field(default_factory=PhraseIndex)
    titles: PhraseIndex[str] = field(default_factory=PhraseIndex)
    collectives: frozenset[str] = frozenset()
    home_territories: dict[str, frozenset[str]] = field(default_factory=dict)

    @cached_property
    def person_words(self) -> dict[str, frozenset[str]]:
        """The persons of the knowledge base: canonical name -> every folded word of their names and aliases."""
        return {
            entry.name: frozenset(fold(w) for n in (entry.name, *entry.aliases) for w in n.replace("-", " ").split())
            for entry in self.entries if entry.label == "PER"
        }

    def is_state(self, name: str, country: str | None) -> bool:
        """Whether a canonical name is a country's government or its armed forces ("Government of Mali")."""
        return country is not None and name in (self.role_name("government", country),
                                                self.role_name("military", country))

    @cached_property
    def organisation_names(self) -> frozenset[str]:
        """Canonical names of the entries that are not persons ("Palestinian Authority")."""
        return frozenset(e.name for e in self.entries if e.label != "PER")

    def country_label(self, code: str, with_article: bool) -> str:
        """English country name for canonical names ("the United States" after "of")."""
        country = self.countries.get(code)
        if country is None:
            return code
        return f"the {country.en}" if with_article and country.the else country.en

    def role_name(self, role: str, code: str | None) -> str:
        """The canonical name of a generic role for a country ("Civilians (Mali)"), or without country."""
        template = self.roles[role][0]
        if code is None:
            return template.replace(" of {country}", "").replace(" ({country})", "").strip()
        return template.format(country=self.country_label(code, with_article="of {country}" in template))

    def is_home(self, forces_country: str | None, article_country: str | None) -> bool:
        """Whether forces of `forces_country` act at home (state) rather than abroad (external)."""
        if forces_country is None or article_country is None or forces_country == article_country:
            return True
        return article_country in self.home_territories.get(forces_country, frozenset())


# Word parts: a run of letters/digits with its elision apostrophe ("l'", "qu'"), or one punctuation sign.
PART_PATTERN = re.compile(r"[^\W_]+'|[^\W_]+|[^\w\s]|_")
APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})


@lru_cache(maxsize=200_000)
def word_parts(text: str) -> tuple[tuple[str, str, int], ...]:
    """The parts of a token or phrase as (text, folded key, offset in `text`), hyphens dropped.

    Aliases and document tokens are both cut into these parts, so matching does not depend on how spaCy
    tokenised a hyphen or an apostrophe ("Tel-Aviv" = "Tel - Aviv", "d'État" = "d' État"), and no second
    spaCy tokenizer has to be built to index the knowledge base (it took seconds)."""
    text = text.translate(APOSTROPHES)
    return tuple((m.group(), fold(m.group()), m.start()) for m in PART_PATTERN.finditer(text)
                 if m.group() not in SKIPPED_TOKENS)


def phrase_tokens(text: str) -> list[str]:
    """The parts of a phrase as written (for case rules)."""
    return [part for part, _, _ in word_parts(text)]


def phrase_key(text: str) -> tuple[str, ...]:
    return tuple(key for _, key, _ in word_parts(text))


def valid_country_codes() -> frozenset[str]:
    codes = {c.alpha_2 for c in pycountry.countries}
    codes |= {c.alpha_2 for c in pycountry.historic_countries if hasattr(c, "alpha_2")}
    return frozenset(codes | {"XK"})


def _require(condition: bool, where: str, message: str) -> None:
    if not condition:
        raise ResourceError(f"{where}: {message}")


def to_entry(spec: ActorSpec, where: str, codes: frozenset[str]) -> ActorEntry:
    """A validated actor entry, its country codes checked against ISO 3166."""
    where = f"{where} ({spec.name})"
    _require(spec.country is None or spec.country in codes, where, f"invalid country code {spec.country!r}")
    _require(all(c in codes for c in spec.operates), where, f"invalid operates {spec.operates}")
    return ActorEntry(name=spec.name, type=spec.type, country=spec.country, operates=frozenset(spec.operates),
                      label=spec.label, aliases=tuple(spec.aliases), shared_aliases=tuple(spec.shared_aliases),
                      source=where)


def load_entries(codes: frozenset[str]) -> tuple[list[ActorEntry], dict[str, frozenset[str]]]:
    """Every entry of veille/resources/actors/*.yaml, and the home territories they declare."""
    entries: list[ActorEntry] = []
    territories: dict[str, frozenset[str]] = {}
    files = sorted(p.name for p in resource_path(ACTORS_DIR).iterdir() if p.name.endswith(".yaml"))
    _require(bool(files), ACTORS_DIR, "no actor files")
    for filename in files:
        path = f"{ACTORS_DIR}/{filename}"
        data = load_data(path, ActorsFile)
        entries.extend(to_entry(spec, path, codes) for spec in data.actors)
        for forces, places in data.home_territories.items():
            _require(forces in codes and all(p in codes for p in places), path, "invalid home_territories")
            territories[forces] = frozenset(places)
    names = [e.name for e in entries]
    duplicates = {n for n in names if names.count(n) > 1}
    _require(not duplicates, ACTORS_DIR, f"duplicate actor names {sorted(duplicates)}")
    return entries, territories


def index_entries(entries: list[ActorEntry]) -> PhraseIndex[AliasTarget]:
    """Index every alias; an alias of two entries is an error unless every owner declares it shared."""
    index: PhraseIndex[AliasTarget] = PhraseIndex()
    owners: dict[tuple[str, ...], list[tuple[ActorEntry, bool]]] = {}
    for entry in entries:
        for alias in entry.aliases:
            tokens = phrase_tokens(alias)
            key = tuple(fold(t) for t in tokens)
            _require(bool(key), entry.source, f"alias {alias!r} has no words")
            shared = alias in entry.shared_aliases
            case = tuple(case_constraint(t, len(tokens) == 1) for t in tokens)
            index.add(key, AliasTarget(entry, case, shared))
            if all(o is not entry for o, _ in owners.get(key, [])):
                owners.setdefault(key, []).append((entry, shared))
    for key, owned in owners.items():
        if len(owned) > 1 and not all(shared for _, shared in owned):
            names = ", ".join(e.name for e, _ in owned)
            raise ResourceError(f"alias {' '.join(key)!r} belongs to several actors ({names}); "
                                "declare it in `shared_aliases` of each to allow this")
    return index


def inflect_demonym(adjective: str) -> set[str]:
    """The four forms of a French demonym adjective from its masculine singular ("israélien" -> ...)."""
    word = fold(adjective)
    if word.endswith("e"):
        feminine = word
    elif word.endswith(("en", "on")):
        feminine = word + "ne"
    else:
        feminine = word + "e"
    forms = {word, feminine, feminine + "s"}
    forms.add(word if word.endswith(("s", "x")) else word + "s")
    return forms


def french_country_name(country, translation: gettext.NullTranslations) -> str:
    """pycountry's French name, short form first ("Russie, Fédération de" -> "Russie")."""
    name = getattr(country, "common_name", None) or country.name
    french = translation.gettext(name)
    return french.split(",")[0].strip()


def french_countries() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)


def english_country_name(country) -> str:
    name = getattr(country, "common_name", None) or country.name
    return name.split(",")[0].strip()


def load_countries(kb: ActorKB, codes: frozenset[str]) -> None:
    """Country names, demonyms and capitals: pycountry for every country, the YAML file for French usage."""
    curated = load_data(DEMONYMS_FILE, DemonymsFile).countries
    for code in curated:
        _require(code in codes, f"{DEMONYMS_FILE} ({code})", "unknown country code")
    translation = french_countries()
    for country in pycountry.countries:
        code = country.alpha_2
        info = curated.get(code)
        en = info.en if info is not None else None
        kb.countries[code] = Country(code, en or english_country_name(country), bool(info is not None and info.the))
        kb.country_names.add(phrase_key(french_country_name(country, translation)), code)
    curated_keys: dict[tuple[str, ...], str] = {}
    for code, usage in curated.items():
        if code not in kb.countries:
            kb.countries[code] = Country(code, usage.en or code, usage.the)
        for index, key in [(kb.country_names, phrase_key(n)) for n in usage.names] + [
            (kb.capitals, phrase_key(c)) for c in usage.capitals
        ]:
            owner = curated_keys.setdefault(key, code)
            _require(owner == code, DEMONYMS_FILE, f"{' '.join(key)!r} given to both {owner} and {code}")
            index.entries[key] = [code]  # a curated name wins over pycountry's generated one
            index.add(key, code)
        for adjective in usage.adj:
            for form in inflect_demonym(adjective):
                owner = kb.demonyms.setdefault(form, code)
                _require(owner == code, DEMONYMS_FILE, f"demonym {form!r} belongs to {owner} and {code}")


def load_lexicons(kb: ActorKB) -> None:
    """Generic agents (roles and their phrases), titles and collective nouns."""
    agents = load_data(AGENTS_FILE, AgentsFile)
    for role, spec in agents.roles.items():
        kb.roles[role] = (spec.name, spec.type)
    for role, phrases in agents.phrases.items():
        for phrase in phrases:
            key = phrase_key(phrase)
            existing = kb.agents.entries.get(key)
            _require(not existing or existing == [role], AGENTS_FILE, f"phrase {phrase!r} in two roles")
            kb.agents.add(key, role)
    kb.collectives = frozenset(fold(w) for w in agents.collectives)
    for kind, phrases in load_data(TITLES_FILE, TitlesFile).titles.items():
        for phrase in phrases:
            kb.titles.add(phrase_key(phrase), kind)


def load_kb() -> ActorKB:
    """Build the knowledge base (read-only afterwards): the Extractor does it once and passes it down."""
    codes = valid_country_codes()
    kb = ActorKB()
    kb.entries, kb.home_territories = load_entries(codes)
    kb.named = index_entries(kb.entries)
    load_countries(kb, codes)
    load_lexicons(kb)
    return kb
