"""A per-document view of token forms (lowercase, lemma, stem), so every lexicon check is a set lookup."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from veille.extract.events.lexicon import Cues, normalise, stem

SKIPPED_IN_PHRASES = frozenset({"-", "‑"})


class DocView:
    """Token forms computed once per document; cue checks over any token range without re-normalising."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.lower = [normalise(t.text) for t in doc]
        self.lemma = [normalise(t.lemma_) for t in doc]
        self.stem = [stem(text.replace("'", "")) for text in self.lower]

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

    def find(self, cues: Cues, start: int, end: int) -> int | None:
        """The first token index in [start, end) where a cue (word or phrase) occurs, else None."""
        start, end = max(start, 0), min(end, len(self.lower))
        for i in range(start, end):
            if self.token_has(cues, i) or (cues.phrases and self.phrase_at(cues, i, end)):
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
