"""One notion of a sentence for every layer: the `doc.sents` of the pipeline, viewed once per document.

The pipeline sets the sentences: the parser, with a line break always ending one (`veille_line_breaks`, run
before it). `sentences(doc)` builds the view every layer reads (and keeps it with the document):
- `of(token)` / `index_at(char)`: a token's sentence, the sentence holding a character (cached bounds:
  spaCy's `token.sent` walks the document at each call);
- `segment(token)`: the character span of a token's sentence without its surrounding whitespace, the
  evidence of an event;
- `written(token)`: the sentence as written: the parser's sentences joined where it split one without final
  punctuation ("En septembre, 35 personnes - dont des enfants - | ont été tuées"), never across a line break;
- `clause_start(i)` / `clause_end(i)`: the clause around a token, bounded by . ! ? ; or a line break within a
  window of tokens: the casualty readers' unit, because the parser also cuts "11 soldats ont été | tués".
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span, Token

# A sentence ends at one of these (closing quotes and brackets after it aside); a parser split elsewhere is a
# split inside a sentence.
FINAL_PUNCTUATION = frozenset(".!?…")
CLOSERS = "»\"”’')] \u00a0"
# At most this many parser sentences are joined on each side (a dash-broken sentence makes two or three).
MAX_JOINED = 3
# Tokens that end a clause, and how many tokens a clause may reach on each side of a token.
CLAUSE_ENDS = frozenset({".", "!", "?", ";", "\n", "\n\n"})
CLAUSE_WINDOW = 60
VIEW_KEY = "veille.sentences"


def sentences(doc: Doc) -> Sentences:
    """The sentence view of a parsed document, built on first use and kept in `doc.user_data` (it holds no
    reference to the document, so the document is freed as soon as its last user drops it)."""
    view = doc.user_data.get(VIEW_KEY)
    if view is None:
        view = Sentences(doc)
        doc.user_data[VIEW_KEY] = view
    return view


class Sentences:
    """The sentences of one document (see the module docstring), with every bound computed once; sentences
    are returned as spans of the document the caller's token belongs to."""

    def __init__(self, doc: Doc):
        self.text = doc.text  # Doc.text joins every token on each access
        self.length = len(doc)
        # a document no pipeline split (a blank tokenizer in a test) is one sentence
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        self.bounds = [(s.start, s.end) for s in sents]
        self.chars = [(s.start_char, s.end_char) for s in sents]
        self.starts = [start for start, _ in self.chars]
        self._of: list[int] = [0] * len(doc)
        for n, (start, end) in enumerate(self.bounds):
            self._of[start:end] = [n] * (end - start)
        self._clause_ends = [t.i for t in doc if t.text in CLAUSE_ENDS or t.is_space]

    def of(self, token: Token) -> Span:
        """The sentence of a token of this document."""
        start, end = self.bounds[self._of[token.i]]
        return token.doc[start:end]

    def around(self, span: Span) -> Span:
        """The sentence(s) holding a span: from the start of its first token's to the end of its last's."""
        return span.doc[self.bounds[self._of[span[0].i]][0]:self.bounds[self._of[span[-1].i]][1]]

    def index_at(self, char: int) -> int:
        """How many sentences start at or before character `char` (the first sentence is 1)."""
        return bisect_right(self.starts, char)

    def segment(self, token: Token) -> tuple[int, int]:
        """The character span of the token's sentence, cut at line breaks, without surrounding whitespace."""
        text = self.text
        start, end = self.chars[self._of[token.i]]
        line_start = text.rfind("\n", start, token.idx) + 1
        line_end = text.find("\n", token.idx, end)
        start, end = max(start, line_start), end if line_end == -1 else line_end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end

    def written(self, token: Token) -> tuple[int, int]:
        """Character bounds of the token's sentence as written: its parser sentence, joined with the
        neighbouring ones where the split is not after final punctuation, never across a line break."""
        own = self._of[token.i]
        first = last = own
        while first > 0 and own - first < MAX_JOINED and self._runs_on(first - 1):
            first -= 1
        while last + 1 < len(self.chars) and last - own < MAX_JOINED and self._runs_on(last):
            last += 1
        return self.chars[first][0], self.chars[last][1]

    def _runs_on(self, n: int) -> bool:
        """Whether parser sentence n goes on into the next one: no final punctuation, no line break."""
        start, end = self.chars[n]
        tail = self.text[start:end]
        if "\n" in self.text[end - 1:end + 1] or not tail.strip():
            return False
        return tail.rstrip(CLOSERS)[-1:] not in FINAL_PUNCTUATION

    def clause_start(self, i: int) -> int:
        """The first token of the clause of token i (at most CLAUSE_WINDOW tokens back)."""
        k = bisect_left(self._clause_ends, i) - 1
        if k >= 0 and self._clause_ends[k] > i - CLAUSE_WINDOW:
            return self._clause_ends[k] + 1
        return max(0, i - CLAUSE_WINDOW + 1)

    def clause_end(self, i: int) -> int:
        """One past the last token of the clause of token i (at most CLAUSE_WINDOW tokens ahead)."""
        k = bisect_right(self._clause_ends, i)
        if k < len(self._clause_ends) and self._clause_ends[k] < i + CLAUSE_WINDOW:
            return self._clause_ends[k]
        return min(self.length, i + CLAUSE_WINDOW)
