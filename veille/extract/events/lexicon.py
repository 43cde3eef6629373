"""The event lexicons (triggers, type refinements, scope cues): YAML data, validated strictly, indexed once."""

from __future__ import annotations

from dataclasses import dataclass, field

from veille.lang.fr.text import normalise, stem
from veille.resources import load_data
from veille.resources.schemas import RefinementSpec, ScopeFile, TriggersFile, TriggerSpec

TRIGGERS_FILE = "fr/triggers.yaml"
SCOPE_FILE = "fr/event_scope.yaml"


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


def load_event_lexicon() -> Lexicon:
    """Load, validate and index the event lexicons (read-only afterwards)."""
    return compile_lexicon(load_data(TRIGGERS_FILE, TriggersFile), load_data(SCOPE_FILE, ScopeFile))
