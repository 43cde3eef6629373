"""A per-document view of token forms (lowercase, lemma, stem), so every lexicon check is a set lookup."""

from __future__ import annotations

from functools import lru_cache

from spacy.attrs import LEMMA, ORTH
from spacy.tokens import Doc, Span, Token

from veille.extract.events.lexicon import Cues
from veille.lang.fr.text import normalise, stem
from veille.nlp.sentences import sentences

SKIPPED_IN_PHRASES = frozenset({"-", "‑"})


@lru_cache(maxsize=65536)
def _forms(text: str, lemma: str) -> tuple[str, str, str]:
    """Normalised form, lemma and stem of a token; words repeat across articles, so this is cached."""
    lower = normalise(text)
    return lower, normalise(lemma), stem(lower.replace("'", ""))


class DocView:
    """Token forms computed once per document, and its sentences (`veille.nlp.sentences`): every later check
    is a lookup."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token on each access
        strings = doc.vocab.strings
        # to_array reads the C structs directly: far cheaper than building a Token object per word
        ids = doc.to_array([ORTH, LEMMA]).tolist() if len(doc) else []
        forms = [_forms(strings[orth], strings[lemma]) for orth, lemma in ids]
        self.lower = [f[0] for f in forms]
        self.lemma = [f[1] for f in forms]
        self.stem = [f[2] for f in forms]
        self.sentences = sentences(doc)

    def sentence(self, token: Token) -> Span:
        """The sentence of a token of this document."""
        return self.sentences.of(token)

    def keys(self, i: int) -> tuple[str, str]:
        return self.lower[i], self.lemma[i]

    def token_has(self, cues: Cues, i: int) -> bool:
        """Whether token i is one of the single-word cues (by form, lemma or stem)."""
        words = cues.words
        return self.lower[i] in words or self.lemma[i] in words or self.stem[i] in words

    def phrase_at(self, cues: Cues, i: int, end: int) -> bool:
        """Whether a multiword cue starts at token i (hyphen tokens skipped, stems compared)."""
        for phrase in cues.phrases.get(self.stem[i], ()):
            j, k = i + 1, 1
            while k < len(phrase) and j < end:
                if self.lower[j] in SKIPPED_IN_PHRASES:
                    j += 1
                    continue
                if self.stem[j] != phrase[k] and self.lemma[j] != phrase[k]:
                    break
                j, k = j + 1, k + 1
            if k == len(phrase):
                return True
        return False

    def find(self, cues: Cues, start: int, end: int, phrase_end: int | None = None) -> int | None:
        """The first token index in [start, end) where a cue (word or phrase) occurs, else None. A phrase must
        start before `end` and may run on to `phrase_end` (default `end`)."""
        start, end = max(start, 0), min(end, len(self.lower))
        limit = end if phrase_end is None else min(max(phrase_end, end), len(self.lower))
        for i in range(start, end):
            if self.token_has(cues, i) or (cues.phrases and self.phrase_at(cues, i, limit)):
                return i
        return None

    def has(self, cues: Cues, start: int, end: int) -> bool:
        return self.find(cues, start, end) is not None

    def in_tokens(self, cues: Cues, tokens: list[Token]) -> bool:
        """Whether any of these (not necessarily contiguous) tokens is a single-word cue or starts a phrase."""
        end = len(self.lower)
        return any(self.token_has(cues, t.i) or (cues.phrases and self.phrase_at(cues, t.i, end)) for t in tokens)

    def count(self, cues: Cues, span: Span | Doc) -> int:
        start, end = (span.start, span.end) if isinstance(span, Span) else (0, len(span))
        return sum(1 for i in range(start, end) if self.token_has(cues, i))
