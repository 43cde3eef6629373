"""The French temporal lexicon (resources/fr/temporal.yaml): validated strictly, compiled into patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from veille.errors import ResourceError
from veille.lang.fr.text import normalise
from veille.resources import load_data
from veille.resources.schemas import TemporalFile

RESOURCE = "fr/temporal.yaml"

# Word classes: surface form -> value. The value type each class must have.
WORD_CLASSES: dict[str, type] = {
    "months": int,
    "weekdays": int,
    "relative_days": int,
    "anchored_days": int,
    "directions": int,
    "current": int,
    "units": str,
    "parts_of_day": str,
    "boundaries": str,
    "numbers": int,
    "hours": int,
    "month_leads": int,
    "year_blockers": int,
    "future_governors": int,
    "planning_verbs": int,
}
UNIT_PRECISIONS = {"day", "week", "month", "year"}
SECTIONS = set(WORD_CLASSES) | {"fragments", "patterns"}
# The named groups the resolver knows; a pattern naming another group is a data error.
KNOWN_GROUPS = {
    "lead", "day", "month", "year", "weekday", "direction", "day_end", "month_end", "year_end", "weekday_end",
    "month_digits", "boundary", "month_word", "current", "part", "relative_day", "anchored_day", "unit", "ago",
    "later", "hours",
}
PLACEHOLDER = re.compile(r"\{([a-z_][a-z_0-9]*)\}")
APOSTROPHES = "['’]"
HYPHENS = "[-‐‑]"


@dataclass(frozen=True)
class Lexicon:
    """Word classes (lower-case form -> value) and the compiled patterns, in file order."""

    words: dict[str, dict[str, Any]]
    patterns: dict[str, re.Pattern[str]]

    def time_words(self) -> frozenset[str]:
        """Days and parts of days ("mercredi", "hier", "soir"): words that date, whatever they stand next to."""
        return frozenset(w for kind in ("weekdays", "relative_days", "parts_of_day") for w in self.words[kind])

    def value(self, word_class: str, form: str) -> Any:
        """The value of `form` (as matched in text) in `word_class`, whatever its case or apostrophe."""
        return self.words[word_class][normalise(form)]


def form_regex(form: str) -> str:
    """A regex for one surface form: apostrophes and hyphens match their typographic variants."""
    parts = []
    for char in normalise(form):
        if char == "'":
            parts.append(APOSTROPHES)
        elif char == "-":
            parts.append(HYPHENS)
        elif char == " ":
            parts.append(r"\s+")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def class_regex(forms: list[str]) -> str:
    """An alternation of the forms, longest first so that "après-midi" wins over "midi"."""
    return "(?:" + "|".join(form_regex(f) for f in sorted(forms, key=len, reverse=True)) + ")"


def validate_words(name: str, table: Any) -> dict[str, Any]:
    """Check one word class (a non-empty mapping of forms to values of the right type) and normalise it."""
    expected = WORD_CLASSES[name]
    if not isinstance(table, dict) or not table:
        raise ResourceError(f"{RESOURCE}: '{name}' must be a non-empty mapping of forms to values")
    words = {}
    for form, value in table.items():
        if not isinstance(form, str | int) or not str(form).strip():
            raise ResourceError(f"{RESOURCE}: '{name}' has an empty or non-text form: {form!r}")
        if not isinstance(value, expected) or isinstance(value, bool):
            raise ResourceError(f"{RESOURCE}: '{name}': {form!r} must map to a {expected.__name__}, got {value!r}")
        words[normalise(str(form))] = value
    if name == "units" and not set(words.values()) <= UNIT_PRECISIONS:
        raise ResourceError(f"{RESOURCE}: 'units' values must be among {sorted(UNIT_PRECISIONS)}")
    return words


def compile_pattern(name: str, template: Any, pieces: dict[str, str]) -> re.Pattern[str]:
    """Expand {placeholders}, compile (verbose: layout spaces are ignored) and check the group names."""
    if not isinstance(template, str) or not template.strip():
        raise ResourceError(f"{RESOURCE}: pattern '{name}' must be a non-empty string")
    unknown = set(PLACEHOLDER.findall(template)) - set(pieces)
    if unknown:
        raise ResourceError(f"{RESOURCE}: pattern '{name}' uses unknown classes {sorted(unknown)}")
    regex = PLACEHOLDER.sub(lambda m: pieces[m.group(1)], template)
    try:
        pattern = re.compile(rf"(?<!\w)(?:{regex})(?!\w)", re.IGNORECASE | re.VERBOSE)
    except re.error as exc:
        raise ResourceError(f"{RESOURCE}: pattern '{name}' does not compile: {exc}") from exc
    bad_groups = set(pattern.groupindex) - KNOWN_GROUPS
    if bad_groups:
        raise ResourceError(f"{RESOURCE}: pattern '{name}' names unknown groups {sorted(bad_groups)}")
    return pattern


def build_lexicon(data: Any) -> Lexicon:
    """Validate the parsed YAML and compile it; any problem is a ResourceError naming the file and the key."""
    if not isinstance(data, dict):
        raise ResourceError(f"{RESOURCE}: top level must be a mapping")
    missing, extra = SECTIONS - set(data), set(data) - SECTIONS
    if missing or extra:
        raise ResourceError(f"{RESOURCE}: missing sections {sorted(missing)}, unknown sections {sorted(extra)}")
    words = {name: validate_words(name, data[name]) for name in WORD_CLASSES}
    fragments = data["fragments"]
    if not isinstance(fragments, dict) or not all(isinstance(v, str) for v in fragments.values()):
        raise ResourceError(f"{RESOURCE}: 'fragments' must map names to regex strings")
    pieces = {name: class_regex(list(table)) for name, table in words.items()}
    pieces.update({name: f"(?:{regex})" for name, regex in fragments.items()})
    if not isinstance(data["patterns"], dict) or not data["patterns"]:
        raise ResourceError(f"{RESOURCE}: 'patterns' must be a non-empty mapping of names to regexes")
    patterns = {name: compile_pattern(name, tpl, pieces) for name, tpl in data["patterns"].items()}
    return Lexicon(words=words, patterns=patterns)


def load_temporal_lexicon() -> Lexicon:
    """The French temporal lexicon: temporal.yaml checked against its schema, then compiled (read-only)."""
    return build_lexicon(load_data(RESOURCE, TemporalFile).model_dump())
