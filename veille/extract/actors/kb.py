"""The actor knowledge base: YAML entries, country names and demonyms, generic agents, indexed once per process."""

from __future__ import annotations

import gettext
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from typing import Generic, TypeVar

import pycountry
import yaml

from veille.errors import ResourceError
from veille.model import ACTOR_TYPES
from veille.resources import resource_path

ACTORS_DIR = "actors"
DEMONYMS_FILE = "fr/actor_demonyms.yaml"
AGENTS_FILE = "fr/actor_agents.yaml"
TITLES_FILE = "fr/actor_titles.yaml"

ENTRY_TYPES = frozenset(ACTOR_TYPES) - {"unknown"}
ENTRY_KEYS = frozenset({"name", "type", "country", "operates", "aliases", "shared_aliases", "label"})
COUNTRY_KEYS = frozenset({"names", "adj", "capitals", "en", "the"})
# Tokens dropped before matching, so that "Tel-Aviv" and "Tel Aviv" are one key.
SKIPPED_TOKENS = frozenset({"-", "–", "—"})

T = TypeVar("T")
# libyaml's parser when installed: the actor files are the largest resources, and the pure-Python parser
# spent ~2 s on them (most of the knowledge base's loading time).
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(relative_path: str):
    """A YAML file of veille/resources, parsed strictly (missing, malformed or empty is an error)."""
    try:
        text = resource_path(relative_path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ResourceError(f"missing resource file: {relative_path}") from exc
    try:
        data = yaml.load(text, Loader=YAML_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise ResourceError(f"malformed YAML in {relative_path}: {exc}") from exc
    if data is None:
        raise ResourceError(f"empty resource file: {relative_path}")
    return data


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lowercase, accent-free, straight-apostrophe form of a word: the key every lookup uses."""
    text = text.replace("’", "'").replace("ʼ", "'").lower()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


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


def parse_entry(raw: object, where: str, codes: frozenset[str]) -> ActorEntry:
    """Validate one YAML actor entry strictly and return it."""
    _require(isinstance(raw, dict), where, "an actor entry must be a mapping")
    assert isinstance(raw, dict)
    unknown = set(raw) - ENTRY_KEYS
    _require(not unknown, where, f"unknown keys {sorted(unknown)}")
    name = raw.get("name")
    _require(isinstance(name, str) and name.strip() != "", where, "missing name")
    where = f"{where} ({name})"
    _require(raw.get("type") in ENTRY_TYPES, where, f"invalid type {raw.get('type')!r}")
    country = raw.get("country")
    _require(country is None or country in codes, where, f"invalid country code {country!r}")
    operates = raw.get("operates") or []
    _require(isinstance(operates, list) and all(c in codes for c in operates), where, f"invalid operates {operates}")
    aliases = raw.get("aliases")
    _require(isinstance(aliases, list) and aliases and all(isinstance(a, str) and a.strip() for a in aliases),
             where, "aliases must be a non-empty list of strings")
    shared = raw.get("shared_aliases") or []
    _require(isinstance(shared, list) and set(shared) <= set(aliases), where, "shared_aliases must be aliases")
    _require(raw.get("label", "ORG") in ("ORG", "PER"), where, "label must be ORG or PER")
    return ActorEntry(name=name, type=raw["type"], country=country, operates=frozenset(operates),
                      label=raw.get("label", "ORG"), aliases=tuple(aliases), shared_aliases=tuple(shared),
                      source=where)


def load_entries(codes: frozenset[str]) -> tuple[list[ActorEntry], dict[str, frozenset[str]]]:
    """Every entry of veille/resources/actors/*.yaml, and the home territories they declare."""
    entries: list[ActorEntry] = []
    territories: dict[str, frozenset[str]] = {}
    files = sorted(p.name for p in resource_path(ACTORS_DIR).iterdir() if p.name.endswith(".yaml"))
    _require(bool(files), ACTORS_DIR, "no actor files")
    for filename in files:
        path = f"{ACTORS_DIR}/{filename}"
        data = load_yaml(path)
        _require(isinstance(data, dict) and set(data) <= {"actors", "home_territories"}, path,
                 "top level must be a mapping with `actors` (and optionally `home_territories`)")
        _require(isinstance(data.get("actors"), list), path, "`actors` must be a list")
        entries.extend(parse_entry(raw, path, codes) for raw in data["actors"])
        for forces, places in (data.get("home_territories") or {}).items():
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


def french_country_name(country) -> str:
    """pycountry's French name, short form first ("Russie, Fédération de" -> "Russie")."""
    translation = french_countries()
    name = getattr(country, "common_name", None) or country.name
    french = translation.gettext(name)
    return french.split(",")[0].strip()


@cache
def french_countries() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)


def english_country_name(country) -> str:
    name = getattr(country, "common_name", None) or country.name
    return name.split(",")[0].strip()


def load_countries(kb: ActorKB, codes: frozenset[str]) -> None:
    """Country names, demonyms and capitals: pycountry for every country, the YAML file for French usage."""
    data = load_yaml(DEMONYMS_FILE)
    _require(isinstance(data, dict) and isinstance(data.get("countries"), dict), DEMONYMS_FILE,
             "top level must be `countries:` mapping ISO codes to entries")
    curated: dict[str, dict] = data["countries"]
    for code, info in curated.items():
        where = f"{DEMONYMS_FILE} ({code})"
        _require(code in codes, where, "unknown country code")
        _require(isinstance(info, dict) and set(info) <= COUNTRY_KEYS, where,
                 f"keys must be among {sorted(COUNTRY_KEYS)}")
        for key in ("names", "adj", "capitals"):
            value = info.get(key, [])
            _require(isinstance(value, list) and all(isinstance(v, str) for v in value), where, f"{key} must be a list")
    for country in pycountry.countries:
        code = country.alpha_2
        info = curated.get(code, {})
        kb.countries[code] = Country(code, info.get("en") or english_country_name(country), bool(info.get("the")))
        kb.country_names.add(phrase_key(french_country_name(country)), code)
    curated_keys: dict[tuple[str, ...], str] = {}
    for code, info in curated.items():
        if code not in kb.countries:
            kb.countries[code] = Country(code, info.get("en") or code, bool(info.get("the")))
        for index, key in [(kb.country_names, phrase_key(n)) for n in info.get("names", [])] + [
            (kb.capitals, phrase_key(c)) for c in info.get("capitals", [])
        ]:
            owner = curated_keys.setdefault(key, code)
            _require(owner == code, DEMONYMS_FILE, f"{' '.join(key)!r} given to both {owner} and {code}")
            index.entries[key] = [code]  # a curated name wins over pycountry's generated one
            index.add(key, code)
        for adjective in info.get("adj", []):
            for form in inflect_demonym(adjective):
                owner = kb.demonyms.setdefault(form, code)
                _require(owner == code, DEMONYMS_FILE, f"demonym {form!r} belongs to {owner} and {code}")


def load_lexicons(kb: ActorKB) -> None:
    """Generic agents (roles and their phrases), titles and collective nouns."""
    agents = load_yaml(AGENTS_FILE)
    _require(isinstance(agents, dict) and set(agents) == {"roles", "phrases", "collectives"}, AGENTS_FILE,
             "top level must have exactly `roles`, `phrases` and `collectives`")
    for role, spec in agents["roles"].items():
        _require(isinstance(spec, dict) and set(spec) == {"name", "type"} and spec["type"] in ENTRY_TYPES
                 and "{country}" in spec["name"], AGENTS_FILE,
                 f"role {role!r} needs a name with {{country}} and a type")
        kb.roles[role] = (spec["name"], spec["type"])
    for role, phrases in agents["phrases"].items():
        _require(role in kb.roles, AGENTS_FILE, f"phrases for unknown role {role!r}")
        _require(isinstance(phrases, list) and all(isinstance(p, str) for p in phrases), AGENTS_FILE,
                 f"phrases of {role!r} must be a list of strings")
        for phrase in phrases:
            key = phrase_key(phrase)
            existing = kb.agents.entries.get(key)
            _require(not existing or existing == [role], AGENTS_FILE, f"phrase {phrase!r} in two roles")
            kb.agents.add(key, role)
    kb.collectives = frozenset(fold(w) for w in agents["collectives"])
    titles = load_yaml(TITLES_FILE)
    _require(isinstance(titles, dict) and isinstance(titles.get("titles"), dict), TITLES_FILE, "needs `titles:`")
    for kind, phrases in titles["titles"].items():
        _require(kind in ENTRY_TYPES and isinstance(phrases, list), TITLES_FILE, f"invalid title kind {kind!r}")
        for phrase in phrases:
            kb.titles.add(phrase_key(phrase), kind)


@cache
def load_kb() -> ActorKB:
    """Build the knowledge base once per process (read-only afterwards)."""
    codes = valid_country_codes()
    kb = ActorKB()
    kb.entries, kb.home_territories = load_entries(codes)
    kb.named = index_entries(kb.entries)
    load_countries(kb, codes)
    load_lexicons(kb)
    return kb
