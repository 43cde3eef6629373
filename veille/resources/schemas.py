"""One pydantic schema per language-knowledge file: the shape a domain expert must keep when editing one.

`veille.resources.load_data(path, Schema)` parses a file and validates it against its schema; each layer then
compiles the validated data into its lookup tables (`veille.extract.knowledge` builds them all once). Files
of `veille/geo` (geo_*.yaml) are validated by the geo package. `SCHEMAS` lists every file with its schema:
tests load each one through it, so a file without a schema, or a malformed one, fails there too.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictInt, field_validator, model_validator

from veille.model import ACTOR_TYPES, EVENT_TYPES, PLOVER_CODES


def _not_blank(word: str) -> str:
    if not word.strip():
        raise ValueError("an empty word")
    return word


Word = Annotated[str, AfterValidator(_not_blank)]
Words = Annotated[list[Word], Field(min_length=1)]  # a non-empty list of non-empty strings
ENTRY_TYPES = frozenset(ACTOR_TYPES) - {"unknown"}


class Strict(BaseModel):
    """Unknown keys are errors: a misspelt key must not be silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- fr/numbers.yaml --------------------------------------------------------------------------------------

class ApproximationDeterminers(Strict):
    definite: Words
    vague: Words


class Bounds(Strict):
    lower: Words
    upper: Words
    about: Words


class NumbersFile(Strict):
    """Number words: units, multipliers, approximations ("dizaine"), bound and range words."""

    units: Annotated[dict[str, StrictInt], Field(min_length=1)]
    multipliers: Annotated[dict[str, StrictInt], Field(min_length=1)]
    approximations: Annotated[dict[str, StrictInt], Field(min_length=1)]
    approximation_determiners: ApproximationDeterminers
    bounds: Bounds
    ranges: list[tuple[str, Word]]  # [opening word or "", joining word]: ["entre", "et"], ["", "à"]


# --- fr/casualties.yaml -----------------------------------------------------------------------------------

class ByKind(Strict):
    killed: Words
    injured: Words


class CasualtiesFile(Strict):
    """Casualty cues: counted nouns, participles, active verbs, death expressions and what blocks them."""

    nouns: ByKind
    participles: ByKind
    active: ByKind
    needs_subject: Words
    death_nouns: Words
    death_verbs: Words
    death_subject_verbs: Words
    negations: Words
    provisional: Words
    skippable: Words
    toll_nouns: Words
    toll_links: Words
    total_nouns: Words
    inclusions: Words
    natural_causes: Words
    fatal_adverbs: Words


# --- fr/attributions.yaml ---------------------------------------------------------------------------------

class AttributionsFile(Strict):
    """Attribution cues: prepositions ("selon"), "de source(s) X", reporting verbs, and how sources are named."""

    prepositions: Words
    source_nouns: dict[str, str]  # "sources" -> "des sources"
    reporting_verbs: Words
    name_carriers: Words
    report_nouns: Words
    relaying_participles: Words
    same_source: Words
    toll_nouns: Words
    group_anaphora: Annotated[dict[str, Words], Field(min_length=1)]  # "ong" -> actor types it may refer to
    act_verbs: Words

    @field_validator("reporting_verbs")
    @classmethod
    def _single_words(cls, verbs: list[str]) -> list[str]:
        if any(" " in v.strip() for v in verbs):
            raise ValueError("reporting verbs must be single words")
        return verbs


# --- fr/quotes.yaml ---------------------------------------------------------------------------------------

class QuotesFile(Strict):
    """Quote marks, words that make a quote a title, and the words that name or refer to speakers."""

    marks: dict[str, str]  # one opening character -> one closing character
    paragraph_marks: Words
    title_nouns: Words
    pronouns: Words
    partitive_pronouns: Words
    speaker_prepositions: Words
    titles: Words
    person_roles: Words
    speaking_nouns: Words
    document_nouns: Words
    generic_documents: Words
    named_texts: Words
    feminine_cues: Words
    masculine_cues: Words
    masculine_first_names: Words
    feminine_first_names: Words

    @field_validator("marks")
    @classmethod
    def _one_character_each(cls, marks: dict[str, str]) -> dict[str, str]:
        if not all(len(k) == 1 and len(v) == 1 for k, v in marks.items()):
            raise ValueError("marks must map one opening character to one closing character")
        return marks


# --- fr/temporal.yaml -------------------------------------------------------------------------------------

WordTable = Annotated[dict[str | int, int | str], Field(min_length=1)]


class TemporalFile(Strict):
    """Temporal words by class (form -> value), regex fragments, and the patterns built from them.

    The value type of each class (a month number, a precision name) is checked when the patterns are
    compiled (`veille.extract.temporal.lexicon`), which knows what each class means.
    """

    months: WordTable
    weekdays: WordTable
    relative_days: WordTable
    anchored_days: WordTable
    directions: WordTable
    current: WordTable
    units: WordTable
    parts_of_day: WordTable
    boundaries: WordTable
    numbers: WordTable
    hours: WordTable
    month_leads: WordTable
    year_blockers: WordTable
    future_governors: WordTable
    planning_verbs: WordTable
    fragments: dict[str, str]
    patterns: Annotated[dict[str, str], Field(min_length=1)]


# --- fr/triggers.yaml and fr/event_scope.yaml --------------------------------------------------------------

GATES = ("conflict", "political", "political_actor", "armed_agent")
WHERES = ("sentence", "target", "agent", "clause")


def _check_acled(value: list[str] | None) -> tuple[str, str] | None:
    if value is None:
        return None
    if len(value) != 2 or value[0] not in EVENT_TYPES or value[1] not in EVENT_TYPES[value[0]]:
        raise ValueError(f"unknown ACLED [event_type, sub_event_type]: {value!r}")
    return (value[0], value[1])


def _check_plover(value: str | None) -> str | None:
    if value is not None and value not in PLOVER_CODES:
        raise ValueError(f"unknown PLOVER code {value!r}; expected one of {', '.join(PLOVER_CODES)}")
    return value


class TriggerSpec(Strict):
    """One trigger family entry of triggers.yaml (see docs/events.md)."""

    id: str
    words: list[str] = Field(min_length=1)
    pos: list[str] = Field(default_factory=list)
    with_: list[str] = Field(default_factory=list, alias="with")
    window: int = Field(default=3, ge=1, le=10)
    family: str
    acled: tuple[str, str] | None = None
    plover: str
    gates: list[str] = Field(default_factory=list)
    confidence: float = Field(ge=0.0, le=1.0)
    when_negated: str | None = None

    _acled = field_validator("acled", mode="before")(classmethod(lambda cls, v: _check_acled(v)))
    _plover = field_validator("plover", "when_negated")(classmethod(lambda cls, v: _check_plover(v)))

    @field_validator("words")
    @classmethod
    def _single_words(cls, words: list[str]) -> list[str]:
        spaced = [w for w in words if " " in w.strip()]
        if spaced:
            raise ValueError(f"trigger words are single tokens; use `with` for phrases: {spaced}")
        return words

    @field_validator("gates")
    @classmethod
    def _known_gates(cls, gates: list[str]) -> list[str]:
        unknown = set(gates) - set(GATES)
        if unknown:
            raise ValueError(f"unknown gate(s) {sorted(unknown)}; expected some of {GATES}")
        return gates


class RefinementSpec(Strict):
    """A context rule that retypes a candidate: the first matching rule of its family wins."""

    families: list[str] = Field(min_length=1)
    any: list[str] = Field(min_length=1)
    where: str = "sentence"
    acled: tuple[str, str] | None = None
    plover: str | None = None
    note: str | None = None

    _acled = field_validator("acled", mode="before")(classmethod(lambda cls, v: _check_acled(v)))
    _plover = field_validator("plover")(classmethod(lambda cls, v: _check_plover(v)))

    @field_validator("where")
    @classmethod
    def _known_where(cls, where: str) -> str:
        if where not in WHERES:
            raise ValueError(f"unknown where {where!r}; expected one of {WHERES}")
        return where


class TriggersFile(Strict):
    model_config = ConfigDict(extra="forbid", frozen=False)

    triggers: list[TriggerSpec] = Field(min_length=1)
    refinements: list[RefinementSpec] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_ids(self) -> TriggersFile:
        ids = [t.id for t in self.triggers]
        duplicated = {i for i in ids if ids.count(i) > 1}
        if duplicated:
            raise ValueError(f"duplicated trigger id(s): {sorted(duplicated)}")
        return self


class ScopeFile(Strict):
    """Scope cues: what makes a trigger not an event (negation, modality, out-of-scope domains)."""

    model_config = ConfigDict(extra="forbid", frozen=False)

    negation_adverbs: list[str] = Field(min_length=1)
    negation_determiners: list[str]
    negation_prepositions: list[str]
    blocking_governors: list[str]
    modal_governors: list[str]
    denial_governors: list[str]
    blocking_before_noun: list[str]
    blocking_after_noun: list[str]
    hypothetical_marks: list[str]
    generic_cues: list[str]
    out_of_scope: dict[str, list[str]]
    context: dict[str, list[str]]
    aggregate_cues: list[str]
    instrument_words: list[str] = Field(min_length=1)
    instrument_heads: list[str] = Field(min_length=1)
    possession_verbs: list[str] = Field(min_length=1)
    threat_governors: list[str] = Field(min_length=1)
    generic_marks: list[str] = Field(min_length=1)
    person_triggers: list[str] = Field(min_length=1)
    statement_governors: list[str] = Field(min_length=1)
    claim_governors: list[str] = Field(min_length=1)
    equipment_heads: list[str] = Field(min_length=1)
    continuation_verbs: list[str] = Field(min_length=1)
    opinion_verbs: list[str] = Field(min_length=1)
    membership_cues: list[str] = Field(min_length=1)
    period_marks: list[str] = Field(min_length=1)
    months: list[str] = Field(min_length=12, max_length=12)

    @field_validator("context")
    @classmethod
    def _needed_contexts(cls, context: dict[str, list[str]]) -> dict[str, list[str]]:
        missing = {"conflict", "political", "civilian", "armed"} - set(context)
        if missing:
            raise ValueError(f"context must define {sorted(missing)}")
        return context


# --- the actor knowledge base: actors/*.yaml, fr/actor_demonyms.yaml, fr/actor_agents.yaml, fr/actor_titles.yaml

def _actor_type(value: str) -> str:
    if value not in ENTRY_TYPES:
        raise ValueError(f"invalid type {value!r}; expected one of {sorted(ENTRY_TYPES)}")
    return value


ActorType = Annotated[str, AfterValidator(_actor_type)]


class ActorSpec(Strict):
    """One actor: its canonical name, type, home country, where it operates, and the aliases texts use."""

    name: Word
    type: ActorType
    country: str | None = None
    operates: list[str] = Field(default_factory=list)
    aliases: Words
    shared_aliases: list[str] = Field(default_factory=list)
    label: str = "ORG"

    @model_validator(mode="after")
    def _consistent(self) -> ActorSpec:
        if not set(self.shared_aliases) <= set(self.aliases):
            raise ValueError(f"{self.name}: shared_aliases must be aliases")
        if self.label not in ("ORG", "PER"):
            raise ValueError(f"{self.name}: label must be ORG or PER")
        return self


class ActorsFile(Strict):
    """A region's actors, and the territories where its states' forces act at home."""

    actors: list[ActorSpec]
    home_territories: dict[str, list[str]] = Field(default_factory=dict)


class CountryUsage(Strict):
    """How French texts name a country: names, demonym adjectives, capitals; its English name for coders."""

    names: list[str] = Field(default_factory=list)
    adj: list[str] = Field(default_factory=list)
    capitals: list[str] = Field(default_factory=list)
    en: str | None = None
    the: bool = False


class DemonymsFile(Strict):
    countries: dict[str, CountryUsage]


class RoleSpec(Strict):
    name: str  # with "{country}": "Civilians ({country})"
    type: ActorType

    @field_validator("name")
    @classmethod
    def _has_country(cls, name: str) -> str:
        if "{country}" not in name:
            raise ValueError(f"role name {name!r} needs {{country}}")
        return name


class AgentsFile(Strict):
    """Generic agents: roles (canonical name, type), the phrases that denote each, and collective nouns."""

    roles: dict[str, RoleSpec]
    phrases: dict[str, list[str]]
    collectives: list[str]

    @model_validator(mode="after")
    def _known_roles(self) -> AgentsFile:
        unknown = set(self.phrases) - set(self.roles)
        if unknown:
            raise ValueError(f"phrases for unknown roles {sorted(unknown)}")
        return self


class TitlesFile(Strict):
    titles: dict[str, list[str]]  # actor type -> titles ("ministre", "député")

    @field_validator("titles")
    @classmethod
    def _known_kinds(cls, titles: dict[str, list[str]]) -> dict[str, list[str]]:
        for kind in titles:
            _actor_type(kind)
        return titles


# --- fr/function_words.yaml -------------------------------------------------------------------------------

class FunctionWordsFile(Strict):
    """French closed-class words, one set per grammatical class (see `veille.lang.fr.words`)."""

    classes: Annotated[dict[str, Words], Field(min_length=1)]


# Every file of veille/resources outside the geo package's, with its schema ("actors/": every file there).
SCHEMAS: dict[str, type[BaseModel]] = {
    "fr/numbers.yaml": NumbersFile,
    "fr/casualties.yaml": CasualtiesFile,
    "fr/attributions.yaml": AttributionsFile,
    "fr/quotes.yaml": QuotesFile,
    "fr/temporal.yaml": TemporalFile,
    "fr/triggers.yaml": TriggersFile,
    "fr/event_scope.yaml": ScopeFile,
    "fr/actor_demonyms.yaml": DemonymsFile,
    "fr/actor_agents.yaml": AgentsFile,
    "fr/actor_titles.yaml": TitlesFile,
    "fr/function_words.yaml": FunctionWordsFile,
    "actors/": ActorsFile,
}

