"""The French text keys every lookup uses: `normalise` (case, apostrophes, hyphens, spaces) and `fold` (and accents).

Why one module: the lexicons hold words as a domain expert types them ("d'après", "État"), texts write them
in many ways ("D’après", "Etat", "d’ après"); a word matches only when both sides are reduced the same way.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Typographic apostrophes and non-breaking hyphens to their plain forms.
PLAIN_MARKS = str.maketrans({"’": "'", "ʼ": "'", "\u2010": "-", "\u2011": "-"})
SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Lowercase, plain apostrophes and hyphens, one space between words, no surrounding space (NFC)."""
    text = SPACES.sub(" ", text.translate(PLAIN_MARKS)).strip().lower()
    return text if text.isascii() else unicodedata.normalize("NFC", text)


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """A word's `normalise` key without accents ("État" -> "etat"): the key of names, which texts write with
    or without them. Cached: the actor layer folds every word of every article."""
    text = text.translate(PLAIN_MARKS).lower()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


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
