"""Place-name keys: the same key for the spellings of one name (case, accents, hyphens, apostrophes, articles).

Two keys are computed from a name. The exact key (`name_key`) folds only what never changes a name's identity:
case, accents, ligatures, hyphens, apostrophes and spacing ("Ras al-Aïn" -> "ras al ain"). The sound key
(`sound_key`) folds transliteration habits as well (French "ou"/"ch"/"dj" against English "u"/"sh"/"j", the
Arabic article, vowels) so that "Qamichli" and "Qamishli" meet; matches on it are near-misses and are only
accepted under a strict bar by the resolver.
"""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

# Apostrophe-like marks inside a word (ʿayn, hamza, typographic quotes) are dropped: "Ra’s" -> "ras".
_MARKS = re.compile(r"[’‘`´ʼʻʿʾ'\"]")
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_./,;:()\[\]]+")
_NON_ALNUM = re.compile(r"[^a-z0-9 ]+")
# Latin script only (with the Latin-1/Extended/Additional blocks): names in other scripts are not indexed.
_LATIN = re.compile(r"^[\x20-\x7e\u00c0-\u024f\u1e00-\u1eff\u2018\u2019\u02bb-\u02bf]+$")

# The Arabic article as French and English texts write it (al-, el-, ad-, ar-, as-, ash-, az-, ...).
ARABIC_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "er", "es", "esh", "et",
                             "ez", "en", "ul", "ud", "ur", "us"})

# Transliteration folds for the sound key, applied in this order (digraphs before single letters).
_SOUND_FOLDS = (
    ("dj", "j"), ("dh", "d"), ("kh", "k"), ("gh", "g"), ("sch", "s"), ("sh", "s"), ("ch", "s"), ("ph", "f"),
    ("th", "t"), ("ou", "u"), ("q", "k"), ("ck", "k"), ("c", "k"), ("x", "ks"), ("w", "u"), ("y", "i"),
)
_VOWELS_AND_H = re.compile(r"(?<!^)[aeiouh]")
_REPEATS = re.compile(r"(.)\1+")


def is_latin(name: str) -> bool:
    """True when a name is written in Latin script (the only names a French text can contain)."""
    return bool(_LATIN.match(name))


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The exact key: lower case, no accents, hyphens/apostrophes/punctuation folded, single spaces."""
    text = unidecode(_MARKS.sub("", name)).lower()
    text = _SEPARATORS.sub(" ", text)
    text = _NON_ALNUM.sub("", text)
    # one spelling for the Arabic article inside names: "Ras el Ain" = "Ras al-Aïn"
    return " ".join("al" if word in ARABIC_ARTICLES else word for word in text.split())


def strip_article(key: str) -> str | None:
    """The key without a leading Arabic article ("al hasakah" -> "hasakah"), or None when there is none."""
    head, _, rest = key.partition(" ")
    if head == "al" and rest:
        return rest
    return None


def _sound_word(word: str) -> str:
    if word == "al":
        return "l"
    for old, new in _SOUND_FOLDS:
        word = word.replace(old, new)
    word = _VOWELS_AND_H.sub("", word)
    return _REPEATS.sub(r"\1", word)


@lru_cache(maxsize=65536)
def sound_key(key: str) -> str:
    """The near-miss key of an exact key: transliteration variants folded, vowels dropped after each initial."""
    return " ".join(_sound_word(word) for word in key.split() if word)


# French particles that introduce a name in running text ("à Alep", "d'Alep", "aux Comores", "en Syrie").
_LEADING_PARTICLE = re.compile(r"^(?:(?:d|l|jusqu)['’]\s*|(?:à|a|au|aux|de|du|des|en|la|le|les|dans|vers)\s+)",
                               re.IGNORECASE)


def without_particles(name: str) -> str:
    """The name without the French prepositions/articles in front of it ("d'Alep" -> "Alep")."""
    stripped = name.strip()
    while True:
        shorter = _LEADING_PARTICLE.sub("", stripped, count=1)
        if shorter == stripped or not shorter:
            return stripped
        stripped = shorter
