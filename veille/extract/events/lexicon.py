"""The event lexicons (triggers, type refinements, scope cues): YAML data, validated strictly, indexed once."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from veille.errors import ResourceError
from veille.model import EVENT_TYPES, PLOVER_CODES
from veille.resources import load_yaml

TRIGGERS_FILE = "fr/triggers.yaml"
SCOPE_FILE = "fr/event_scope.yaml"
GATES = ("conflict", "political", "political_actor", "armed_agent")
WHERES = ("sentence", "target", "agent", "clause")


def normalise(word: str) -> str:
    """Lowercase, typographic apostrophes made plain: the form every lexicon word and token is compared in."""
    return unicodedata.normalize("NFC", word.strip().lower().replace("\u2019", "'"))


def stem(word: str) -> str:
    """A crude French inflection stripper ("aériennes" -> "aérien", "tirs" -> "tir"), used on both sides."""
    word = normalise(word)
    if len(word) > 3 and word[-1] in "sx":
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word.endswith(("nn", "ll", "tt")):
        word = word[:-1]
    return word


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


class TriggerSpec(BaseModel):
    """One trigger family entry of triggers.yaml (see docs/events.md)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

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


class RefinementSpec(BaseModel):
    """A context rule that retypes a candidate: the first matching rule of its family wins."""

    model_config = ConfigDict(extra="forbid", frozen=True)

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


class TriggersFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    triggers: list[TriggerSpec] = Field(min_length=1)
    refinements: list[RefinementSpec] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_ids(self) -> TriggersFile:
        ids = [t.id for t in self.triggers]
        duplicated = {i for i in ids if ids.count(i) > 1}
        if duplicated:
            raise ValueError(f"duplicated trigger id(s): {sorted(duplicated)}")
        return self


class ScopeFile(BaseModel):
    """Scope cues: what makes a trigger not an event (negation, modality, out-of-scope domains)."""

    model_config = ConfigDict(extra="forbid")

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


def split_words(phrase: str) -> tuple[str, ...]:
    """The stems of a phrase's words, split on spaces, hyphens and apostrophes ("tirs d'obus")."""
    parts = normalise(phrase).replace("-", " ").replace("'", " ").split()
    return tuple(stem(p) for p in parts)


@dataclass(frozen=True)
class Cues:
    """A cue list: single words (as forms and stems) and multiword phrases indexed by their first stem."""

    words: frozenset[str]
    phrases: dict[str, tuple[tuple[str, ...], ...]]

    def __bool__(self) -> bool:
        return bool(self.words or self.phrases)


def make_cues(entries: list[str]) -> Cues:
    """Compile a cue list; an entry with a space, hyphen or apostrophe is a phrase matched on stems."""
    words: set[str] = set()
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for entry in entries:
        parts = split_words(entry)
        if len(parts) > 1:
            phrases.setdefault(parts[0], []).append(parts)
        else:
            words.update({normalise(entry), stem(entry)})
    return Cues(frozenset(words), {k: tuple(v) for k, v in phrases.items()})


@dataclass(frozen=True)
class Trigger:
    """A compiled trigger entry: the spec with its companion words as a normalised set."""

    spec: TriggerSpec
    with_cues: Cues


@dataclass
class Lexicon:
    """Everything the event extractor knows about French, indexed for O(1) lookups per token."""

    by_word: dict[str, list[Trigger]]
    by_stem: dict[str, list[Trigger]]
    refinements: list[RefinementSpec]
    refinement_cues: list[Cues]
    scope: ScopeFile
    cues: dict[str, Cues] = field(default_factory=dict)

    def triggers_for(self, keys: tuple[str, ...], stem_key: str) -> list[Trigger]:
        """The trigger entries a token may start (by lowercase form or lemma, then by stem)."""
        found: list[Trigger] = []
        for key in keys:
            found.extend(self.by_word.get(key, ()))
        if not found:
            found.extend(self.by_stem.get(stem_key, ()))
        return found


def parse_file(model: type[BaseModel], data: Any, name: str) -> Any:
    """Validate one lexicon file's data against its schema; a malformed file is a clear ResourceError."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ResourceError(f"invalid {name}: {exc}") from exc


def compile_lexicon(triggers: TriggersFile, scope: ScopeFile) -> Lexicon:
    """Index the validated files: by word and by stem for triggers, word sets for every cue list."""
    by_word: dict[str, list[Trigger]] = {}
    by_stem: dict[str, list[Trigger]] = {}
    for spec in triggers.triggers:
        compiled = Trigger(spec=spec, with_cues=make_cues(spec.with_))
        for word in spec.words:
            by_word.setdefault(normalise(word), []).append(compiled)
            by_stem.setdefault(stem(word), []).append(compiled)
    # every list of the scope file is a cue list, looked up by its key ("negation_adverbs", "months", ...)
    cues = {name: make_cues(words) for name, words in scope if isinstance(words, list)}
    for name, words in scope.out_of_scope.items():
        cues[f"out:{name}"] = make_cues(words)
    for name, words in scope.context.items():
        cues[f"ctx:{name}"] = make_cues(words)
    return Lexicon(
        by_word=by_word,
        by_stem=by_stem,
        refinements=list(triggers.refinements),
        refinement_cues=[make_cues(r.any) for r in triggers.refinements],
        scope=scope,
        cues=cues,
    )


@cache
def load_lexicon() -> Lexicon:
    """Load, validate and index the event lexicons once per process (read-only afterwards)."""
    triggers = parse_file(TriggersFile, load_yaml(TRIGGERS_FILE), TRIGGERS_FILE)
    scope = parse_file(ScopeFile, load_yaml(SCOPE_FILE), SCOPE_FILE)
    return compile_lexicon(triggers, scope)
