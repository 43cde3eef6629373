"""French closed-class words: articles, the forms of "de", pronouns (resources/fr/function_words.yaml).

These are grammar, not knowledge an expert tunes per domain: they are read once, when this module is first
imported (a file of a few lines), and the rules combine them by name (`DEFINITE_ARTICLES | DE_FORMS`) instead
of retyping "de/du/des/d'" in every module.
"""

from __future__ import annotations

from collections.abc import Iterable

from veille.resources import load_data
from veille.resources.schemas import FunctionWordsFile

FUNCTION_WORDS_FILE = "fr/function_words.yaml"


def load_function_words() -> dict[str, frozenset[str]]:
    """Each class of function_words.yaml as a set of lowercase words."""
    data = load_data(FUNCTION_WORDS_FILE, FunctionWordsFile)
    return {name: frozenset(w.lower() for w in words) for name, words in data.classes.items()}


def with_typographic(words: Iterable[str]) -> frozenset[str]:
    """The words and their forms with a typographic apostrophe ("d'" and "d’"), for rules that compare raw
    token texts."""
    return frozenset(v for w in words for v in (w, w.replace("'", "’")))


_CLASSES = load_function_words()
DEFINITE_ARTICLES = _CLASSES["definite_articles"]  # le, la, l', les
DEMONSTRATIVES = _CLASSES["demonstrative_determiners"]  # ce, cet, cette, ces
DE_FORMS = _CLASSES["de_forms"]  # de, d', du, des
RELATIVE_PRONOUNS = _CLASSES["relative_pronouns"]
SUBJECT_PRONOUNS = _CLASSES["subject_pronouns"]  # il, ils, elle, elles
