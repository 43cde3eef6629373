"""French numbers: digits with French separators, number words, approximations and bounds.

`parse_quantity("au moins 43")` -> Number(value=43, low=43, high=None, approx=True). The words come from
`resources/fr/numbers.yaml`; the reader is strict (the whole text must be a number phrase), so callers can
try growing token windows and keep the longest one that reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from veille.lang.fr.text import normalise
from veille.resources import load_data
from veille.resources.schemas import NumbersFile

NUMBERS_FILE = "fr/numbers.yaml"

# Thousands grouped by spaces or dots ("2 600", "3.453.510"), optionally with a decimal comma.
_GROUPED = re.compile(r"^\d{1,3}(?:([ .])\d{3})(?:\1\d{3})*(?:,\d+)?$")
_PLAIN = re.compile(r"^\d+(?:,\d+)?$")
# A dot followed by one or two digits is a decimal point ("1.5"); three digits are a thousands group.
_DOT_DECIMAL = re.compile(r"^\d+\.\d{1,2}$")


@dataclass(frozen=True)
class Number:
    """A number as the text gives it: best value, bounds, and whether it is rounded or bounded."""

    value: int | float | None  # None only for vague counts ("des dizaines"), see parse_quantity
    low: int | float | None = None
    high: int | float | None = None
    approx: bool = False


@dataclass(frozen=True)
class NumberLexicon:
    """The number words of numbers.yaml, checked once at load."""

    units: dict[str, int]
    multipliers: dict[str, int]
    approximations: dict[str, int]
    definite_determiners: frozenset[str]
    vague_determiners: tuple[str, ...]
    lower: tuple[str, ...]
    upper: tuple[str, ...]
    about: tuple[str, ...]
    ranges: tuple[tuple[str, str], ...]


def build_number_lexicon(data: NumbersFile) -> NumberLexicon:
    """Index validated numbers.yaml: words lowercase, bound phrases longest first (so "au moins" wins over a
    shorter phrase it contains)."""

    def longest_first(phrases: list[str]) -> tuple[str, ...]:
        return tuple(sorted((normalise(p) for p in phrases), key=len, reverse=True))

    return NumberLexicon(
        units={w.lower(): v for w, v in data.units.items()},
        multipliers={w.lower(): v for w, v in data.multipliers.items()},
        approximations={w.lower(): v for w, v in data.approximations.items()},
        definite_determiners=frozenset(longest_first(data.approximation_determiners.definite)),
        vague_determiners=longest_first(data.approximation_determiners.vague),
        lower=longest_first(data.bounds.lower),
        upper=longest_first(data.bounds.upper),
        about=longest_first(data.bounds.about),
        ranges=tuple((normalise(a), normalise(b)) for a, b in data.ranges),
    )


def load_number_lexicon() -> NumberLexicon:
    """numbers.yaml, validated and indexed."""
    return build_number_lexicon(load_data(NUMBERS_FILE, NumbersFile))



def _tidy(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def read_digits(text: str) -> int | float | None:
    """Digits with French separators: "2 600", "3.453.510", "1,4", "1.5"; None if `text` is not that."""
    if _GROUPED.match(text):
        integer, _, decimals = text.partition(",")
        digits = integer.replace(" ", "").replace(".", "")
        return _tidy(float(f"{digits}.{decimals}")) if decimals else int(digits)
    if _PLAIN.match(text):
        return _tidy(float(text.replace(",", ".")))
    if _DOT_DECIMAL.match(text):
        return _tidy(float(text))
    return None


def read_words(words: list[str], lex: NumberLexicon) -> int | None:
    """Number words, already split: ["quatre", "vingt", "douze"] -> 92; None if a word is not a number."""
    if not words or words[0] == "et" or words[-1] == "et":
        return None
    words = [w for w in words if w != "et"]
    total = current = 0
    previous = ""
    last_unit = float("inf")  # units of one group come in decreasing order: "vingt et un", not "un trente"
    for word in words:
        if word in lex.units:
            value = lex.units[word]
            if value == 20 and previous == "quatre":  # quatre-vingt(s) = 4 x 20
                current += 80 - 4
            elif value < last_unit:
                current += value
            else:
                return None
            last_unit = value
        elif word in lex.multipliers:
            factor = lex.multipliers[word]
            if factor == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * factor
                current = 0
            last_unit = float("inf")
        else:
            return None
        previous = word
    return total + current


def read_plain(text: str, lex: NumberLexicon) -> int | float | None:
    """A number with no bound: digits, words, or digits with a multiplier word ("1,4 million")."""
    value = read_digits(text)
    if value is not None:
        return value
    words = re.split(r"[ -]+", text)
    value = read_words(words, lex)
    if value is not None:
        return value
    # Digits followed by multiplier words: "2 millions", "1,4 milliard".
    cut = len(words)
    while cut > 0 and words[cut - 1] in lex.multipliers:
        cut -= 1
    if 0 < cut < len(words):
        head = read_digits(" ".join(words[:cut]))
        factor = read_words(words[cut:], lex)
        if head is not None and factor:
            return _tidy(head * factor)
    return None


def read_approximation(text: str, lex: NumberLexicon) -> Number | None:
    """ "une dizaine" -> 10 (approx); "trois centaines" -> 300; "des dizaines", "plusieurs centaines" -> vague."""
    words = text.split(" ")
    noun = words[-1]
    if noun not in lex.approximations:
        return None
    base = lex.approximations[noun]
    determiner = " ".join(words[:-1])
    if determiner in lex.definite_determiners:
        return Number(value=base, low=None, high=None, approx=True)
    if determiner in lex.vague_determiners or not determiner:
        return Number(value=None, low=None, high=None, approx=True)
    count = read_plain(determiner, lex)
    if count is not None and not noun.endswith("s") and count != 1:
        return None
    return Number(value=_tidy(count * base), approx=True) if count is not None else None


def read_core(text: str, lex: NumberLexicon) -> Number | None:
    """A number or an approximation, with no bound word."""
    value = read_plain(text, lex)
    if value is not None:
        return Number(value=value, low=value, high=value, approx=False)
    return read_approximation(text, lex)


def _strip_prefix(text: str, phrase: str) -> str | None:
    """The rest of `text` after `phrase` as a whole word (or after an elided "d'" / "jusqu'")."""
    if phrase.endswith("'") and text.startswith(phrase):
        return text[len(phrase):].strip()
    if text.startswith(phrase + " "):
        return text[len(phrase) + 1:]
    return None


def read_range(text: str, lex: NumberLexicon) -> Number | None:
    """ "entre 10 et 15", "de 10 à 15", "10 à 15" -> value 10 (the conservative figure), low 10, high 15."""
    for opening, joint in lex.ranges:
        rest = _strip_prefix(text, opening) if opening else text
        if rest is None:
            continue
        parts = rest.split(f" {joint} ")
        for cut in range(1, len(parts)):
            low = read_plain(f" {joint} ".join(parts[:cut]), lex)
            high = read_plain(f" {joint} ".join(parts[cut:]), lex)
            if low is not None and high is not None and low < high:
                return Number(value=low, low=low, high=high, approx=True)
    return None


def read_bounded(text: str, lex: NumberLexicon) -> Number | None:
    """A number after a bound word: "au moins 43", "jusqu'à 30", "près de 50"."""
    for phrases, kind in ((lex.lower, "lower"), (lex.upper, "upper"), (lex.about, "about")):
        for phrase in phrases:
            rest = _strip_prefix(text, phrase)
            if not rest:
                continue
            core = read_core(rest, lex)
            if core is None or core.value is None:
                continue
            if kind == "lower":
                return Number(value=core.value, low=core.value, high=None, approx=True)
            if kind == "upper":
                return Number(value=core.value, low=None, high=core.value, approx=True)
            return Number(value=core.value, low=None, high=None, approx=True)
    return None


def parse_quantity(text: str, lex: NumberLexicon) -> Number | None:
    """Read a French number phrase; a vague count ("des dizaines") gives a Number whose value is None."""
    text = normalise(text)
    if not text:
        return None
    return read_range(text, lex) or read_bounded(text, lex) or read_core(text, lex)


# How many tokens a number phrase may span ("pas moins de deux cent trente et un").
MAX_NUMBER_TOKENS = 8


def number_before(doc: Doc, end: int, floor: int, lex: NumberLexicon) -> tuple[Number, int] | None:
    """The longest number phrase made of the tokens just before token `end` (not before `floor`).

    Returns the number and the index of its first token. Used to read "au moins 43" before "morts".
    """
    last = doc[end - 1] if end > floor else None
    if last is None or not (last.like_num or _is_number_word(last.lower_, lex)):
        return None
    for start in range(max(floor, end - MAX_NUMBER_TOKENS), end):
        if doc[start].is_punct:
            continue
        number = parse_quantity(doc[start:end].text, lex)
        if number is not None:
            return number, start
    return None


def _is_number_word(word: str, lex: NumberLexicon) -> bool:
    word = normalise(word)
    parts = re.split(r"[ -]+", word)
    return all(p in lex.units or p in lex.multipliers or p in lex.approximations or p == "et" for p in parts)
