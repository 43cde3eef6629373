"""spaCy token utilities shared by the layers: word hashes, and the positions of tokens among a set of words."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.attrs import LOWER
from spacy.strings import hash_string  # type: ignore[attr-defined]  # a Cython function without a stub
from spacy.tokens import Doc


def word_hashes(words: Iterable[str]) -> frozenset[int]:
    """spaCy's hashes of lowercase words, with typographic and straight apostrophes."""
    return frozenset(hash_string(v) for w in words for v in (w, w.replace("'", "’")))


def trigger_positions(doc: Doc, hashes: frozenset[int]) -> list[int]:
    """The indices of the tokens whose lowercase form is one of `hashes`: a scan of one numpy column instead
    of a Python object per token."""
    return [i for i, h in enumerate(doc.to_array(LOWER).tolist()) if h in hashes]
