"""Direct quotations and their speakers.

A cascade, each step a small function:
1. `find_quote_spans`: the quoted passages of the text (« », “ ”, " ", ‹ ›), one per paragraph, and a closing
   mark with no opening one ("... secteur », a affirmé") read back to its sentence start;
2. `is_title`: quoted names and titles ("l'opération « Bouclier de l'Euphrate »") are dropped;
3. the speaker, tried in order: the incise after the quote (", a-t-il souligné"), the clause before a colon
   ("X a déclaré : « ... »"), an incise between two parts of one quote, a "selon X" / "pour X" before it, the
   subject of the clause the quote belongs to ("Washington avait accusé Moscou d'avoir « fait marche
   arrière »"), and finally the speaker of the quote just before when nothing separates them;
4. `Speakers.resolve`: pronouns and role descriptions go to the last person named, partial names are
   completed from fuller mentions ("Obama" -> "Barack Obama"). Quotes with no speaker are dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from veille.errors import ResourceError
from veille.extract.attributions import (
    attribution_lexicon,
    is_nominal,
    is_reporting_verb,
    matched_cue,
    noun_phrase,
    reporting_subject,
    source_head_after,
)
from veille.extract.numbers import normalise
from veille.model import EntityMention, Quote
from veille.resources import load_yaml

QUOTES_FILE = "fr/quotes.yaml"
# Tokens after a closing mark in which the reporting verb of an incise must appear (", a-t-il souligné").
INCISE_WINDOW = 4
# Characters before an opening mark searched for the clause that introduces it.
CLAUSE_WINDOW = 300
# Head-chain steps from the quote up to the verb whose subject speaks.
MAX_CLIMB = 4
_SENTENCE_END = re.compile(r"[.!?…]\s+(?=\S)")
DEFINITE = {"le", "la", "l'", "les"}


@dataclass(frozen=True)
class QuoteLexicon:
    """quotes.yaml, checked once at load."""

    marks: dict[str, str]
    paragraph_marks: frozenset[str]
    title_nouns: frozenset[str]
    pronouns: frozenset[str]
    speaker_prepositions: dict[str, tuple[str, ...]]
    titles: frozenset[str]
    person_roles: frozenset[str]


def _words(data: dict, key: str) -> frozenset[str]:
    items = data.get(key)
    if not isinstance(items, list) or not items or not all(isinstance(w, str) and w for w in items):
        raise ResourceError(f"{QUOTES_FILE}: '{key}' must be a non-empty list of strings")
    return frozenset(normalise(w) for w in items)


@cache
def quote_lexicon() -> QuoteLexicon:
    """Load and validate quotes.yaml (once per process)."""
    data = load_yaml(QUOTES_FILE)
    if not isinstance(data, dict):
        raise ResourceError(f"{QUOTES_FILE}: top level must be a mapping")
    marks = data.get("marks")
    if not isinstance(marks, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and len(k) == 1 and len(v) == 1 for k, v in marks.items()
    ):
        raise ResourceError(f"{QUOTES_FILE}: 'marks' must map one opening character to one closing character")
    prepositions: dict[str, list[str]] = {}
    for cue in sorted(_words(data, "speaker_prepositions"), key=len, reverse=True):
        first = cue.split(" ")[0]
        prepositions.setdefault(first[: first.index("'") + 1] if "'" in first else first, []).append(cue)
    return QuoteLexicon(
        marks=marks,
        paragraph_marks=_words(data, "paragraph_marks"),
        title_nouns=_words(data, "title_nouns"),
        pronouns=_words(data, "pronouns"),
        speaker_prepositions={k: tuple(v) for k, v in prepositions.items()},
        titles=_words(data, "titles"),
        person_roles=_words(data, "person_roles"),
    )


@dataclass(frozen=True)
class QuoteSpan:
    """A quoted passage: its marks (open_at..close_end) and its words (start..end)."""

    open_at: int
    close_end: int
    start: int
    end: int
    orphan: bool = False  # a closing mark whose opening is missing: the start is the sentence start
    continued: bool = False  # ends at a paragraph break: the next paragraph goes on with the quote


def find_quote_spans(text: str, lex: QuoteLexicon | None = None) -> list[QuoteSpan]:
    """The quoted passages of `text`, one per paragraph, in order (a single pass over the characters)."""
    lex = lex or quote_lexicon()
    closers = {v for k, v in lex.marks.items() if k != v}
    spans: list[QuoteSpan] = []
    opener: str | None = None
    opened = 0
    last_end = 0
    for i, char in enumerate(text):
        if opener is None:
            if char in lex.marks:
                opener, opened = char, i
            elif char in closers:
                start = _sentence_start(text, max(last_end, text.rfind("\n", 0, i) + 1), i)
                spans.append(_make_span(text, start, i + 1, start, i, orphan=True))
                last_end = i + 1
        elif char == lex.marks[opener]:
            spans.append(_make_span(text, opened, i + 1, opened + 1, i))
            opener, last_end = None, i + 1
        elif char == "\n":
            if opener in lex.paragraph_marks:
                spans.append(_make_span(text, opened, i, opened + 1, i, continued=True))
            opener, last_end = None, i
    if opener is not None and opener in lex.paragraph_marks:
        spans.append(_make_span(text, opened, len(text), opened + 1, len(text), continued=True))
    return [s for s in spans if s.end > s.start]


def _make_span(text: str, open_at: int, close_end: int, start: int, end: int, **flags: bool) -> QuoteSpan:
    """Trim the spaces inside the marks so `text[start:end]` is the quote as the gold writes it."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(open_at, close_end, start, end, **flags)


def _sentence_start(text: str, floor: int, at: int) -> int:
    """Where the sentence holding position `at` starts (not before `floor`)."""
    start = floor
    for match in _SENTENCE_END.finditer(text, floor, at):
        start = match.end()
    return start


@dataclass
class Found:
    """A speaker reading: the token that names the speaker and the words that name it near the quote."""

    token: Token
    text: str
    start: int  # where the speaker is named (for "the last person mentioned")


@dataclass
class Speakers:
    """The people of one article: named persons in text order, and roles they were given."""

    doc: Doc
    lex: QuoteLexicon
    quoted: list[QuoteSpan]
    entities: list[EntityMention] = field(default_factory=list)
    persons: list[tuple[int, str]] = field(default_factory=list)  # (start, name) of PER mentions
    roles: dict[str, str] = field(default_factory=dict)  # role word -> person last given that role
    last: tuple[int, str] | None = None  # the last resolved person speaker

    def __post_init__(self) -> None:
        inside = [(q.open_at, q.close_end) for q in self.quoted]
        for ent in self.doc.ents:
            if ent.label_ == "PER" and not any(a <= ent.start_char < b for a, b in inside):
                name = self.strip_titles(ent)
                if name:
                    self.persons.append((ent.start_char, name))

    def strip_titles(self, span: Span) -> str:
        """ "M. Caldwell" -> "Caldwell", "le président Moubarak" -> "Moubarak"."""
        tokens = [t for t in span if not t.is_punct or t.text == "-"]
        while tokens and (normalise(tokens[0].text) in self.lex.titles or tokens[0].pos_ == "DET"):
            tokens = tokens[1:]
        return " ".join(t.text for t in tokens).replace(" - ", "-")

    def complete(self, name: str) -> str:
        """The fullest mention of the same person: "Obama" -> "Barack Obama"."""
        surname = name.split()[-1].lower()
        fuller = [n for _, n in self.persons if n.lower().endswith(" " + surname) and len(n) > len(name)]
        return max(fuller, key=len) if fuller else name

    def last_person(self, before: int) -> str | None:
        """The last person named before `before`, or the last person speaker if more recent."""
        named = [(s, n) for s, n in self.persons if s < before]
        candidates = named[-1:] + ([self.last] if self.last and self.last[0] < before else [])
        if not candidates:
            return None
        return self.complete(max(candidates)[1])

    def resolve(self, found: Found, quote: QuoteSpan) -> str | None:
        """The speaker's normalised name for a speaker reading."""
        token = found.token
        if normalise(token.text) in self.lex.pronouns:
            return self.last_person(quote.open_at)
        phrase = noun_phrase(token, with_apposition=True)
        names = [e for e in self.doc.ents if e.label_ == "PER" and phrase.start <= e.start and e.end <= phrase.end]
        name = self.strip_titles(max(names, key=len)) if names else ""
        if name:
            name = self.complete(name)
            self._remember_role(phrase, name)
            self.last = (found.start, name)
            return name
        head = normalise(phrase.root.text)
        determiner = next((normalise(c.text) for c in phrase.root.children if c.dep_ == "det"), "")
        if head in self.lex.person_roles and determiner in DEFINITE:
            person = self.roles.get(head) or self.last_person(quote.open_at)
            if person:
                return person
        return self._actor_name(phrase) or phrase.text

    def _remember_role(self, phrase: Span, name: str) -> None:
        for token in phrase:
            word = normalise(token.text)
            if word in self.lex.person_roles:
                self.roles[word] = name

    def _actor_name(self, phrase: Span) -> str | None:
        for mention in self.entities:
            if mention.actor and mention.start < phrase.end_char and phrase.start_char < mention.end:
                return mention.actor.name
        from veille.extract import actors

        resolve = getattr(actors, "resolve_actor_text", None)
        actor = resolve(phrase.text) if resolve else None
        return getattr(actor, "name", None)


def find_quotes(doc: Doc, entities: list[EntityMention] | None = None) -> list[Quote]:
    """Find the quotations of `doc` with their speakers; quotes with no determinable speaker are dropped."""
    lex = quote_lexicon()
    text = doc.text  # built once: Doc.text joins every token on each access
    starts = [t.idx for t in doc]
    spans = find_quote_spans(text, lex)
    speakers = Speakers(doc=doc, lex=lex, quoted=spans, entities=list(entities or []))
    quotes: list[Quote] = []
    previous: tuple[QuoteSpan, str, str, int] | None = None  # span, speaker, speaker_text, incise end
    for index, span in enumerate(spans):
        if is_title(text, span, lex):
            continue
        found, incise_end = speaker_after(doc, text, starts, span, lex)
        if found is None and not span.orphan:
            found = speaker_before(doc, text, span, lex, spans[index - 1].close_end if index else 0)
        if found is not None:
            speaker = speakers.resolve(found, span)
            speaker_text = found.text
        elif previous is not None and follows(text, previous, span):
            speaker, speaker_text = previous[1], previous[2]
        else:
            speaker = None
        if not speaker:
            continue
        quotes.append(Quote(speaker=speaker, speaker_text=speaker_text, quote=text[span.start:span.end],
                            span=(span.start, span.end)))
        previous = (span, speaker, speaker_text, max(incise_end, span.close_end))
    return quotes


def follows(text: str, previous: tuple[QuoteSpan, str, str, int], span: QuoteSpan) -> bool:
    """True when only spaces, an incise or a paragraph break separate `span` from the previous quote."""
    gap = text[previous[3]:span.open_at]
    return previous[0].continued or not gap.strip(" \n,;:—–-")


def is_title(text: str, span: QuoteSpan, lex: QuoteLexicon) -> bool:
    """A quoted name or title: the word before the marks is "opération", "baptisée", "le film"..."""
    before = text[max(0, span.open_at - 40):span.open_at].split()
    words = [normalise(w) for w in before[-3:]]
    words = [w for w in words if w not in DEFINITE and w not in ("de", "d'", "du", "des", "un", "une")]
    return bool(words) and words[-1].split("'")[-1] in lex.title_nouns


def speaker_after(
    doc: Doc, text: str, starts: list[int], span: QuoteSpan, lex: QuoteLexicon
) -> tuple[Found | None, int]:
    """The incise after a quote: ", a-t-il souligné", ", a affirmé une source militaire", ", selon X"."""
    i = bisect_left(starts, span.close_end)  # the first token at or after the closing mark
    if i >= len(doc):
        return None, span.close_end
    if doc[i].text in (",", "—", "–", "-"):
        i += 1
    elif doc[i].is_punct:
        return None, span.close_end
    for k in range(i, min(len(doc), i + INCISE_WINDOW)):
        token = doc[k]
        if token.text in lex.marks or token.text in ("«", "»") or (token.is_punct and token.text != "-"):
            break
        if is_reporting_verb(token) and token.pos_ in ("VERB", "AUX", "NOUN", "ADJ", "PROPN"):
            found = speaker_of_verb(token, lex, start=doc[i].idx)
            return found, _clause_end(doc, token, len(text))
        cue = matched_cue(token, attribution_lexicon().prepositions)
        if cue is not None:
            head = source_head_after(cue)
            if head is not None:
                found = Found(head, noun_phrase(head, with_apposition=True).text, head.idx)
                return found, _clause_end(doc, head, len(text))
    return None, span.close_end


def _clause_end(doc: Doc, token: Token, text_length: int) -> int:
    """The end of the incise holding `token`: the next punctuation or quote mark."""
    for t in doc[token.i + 1:]:
        if t.is_punct and t.text not in ("-", "'"):
            return t.idx
    return text_length


def _token_index(doc: Doc, char: int) -> int:
    """The token that starts at character `char` (or the one holding it)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None and len(span) else 0


def speaker_of_verb(verb: Token, lex: QuoteLexicon, start: int) -> Found | None:
    """Who speaks with a reporting verb: an inverted pronoun ("a-t-il"), its subject, or the noun after it."""
    doc = verb.doc
    for token in doc[max(0, verb.i - 2): min(len(doc), verb.i + 3)]:
        if token.text.startswith("-") and normalise(token.text) in lex.pronouns:
            first = min(verb.i, token.i, _token_index(doc, start))
            return Found(token, doc[first: max(verb.i, token.i) + 1].text, start)
    subject = reporting_subject(verb)
    if subject is not None and (is_nominal(subject) or normalise(subject.text) in lex.pronouns):
        if normalise(subject.text) in lex.pronouns:
            return Found(subject, subject.text, subject.idx)
        return Found(subject, noun_phrase(subject, with_apposition=True).text, subject.idx)
    for token in doc[verb.i + 1: min(len(doc), verb.i + INCISE_WINDOW)]:
        if token.is_punct:
            break
        if is_nominal(token) and token.pos_ != "PRON":
            head = token
            while head.dep_ in ("flat", "flat:name", "amod") and head.head.i > verb.i:
                head = head.head
            return Found(head, noun_phrase(head, with_apposition=True).text, head.idx)
    return None


def speaker_before(doc: Doc, text: str, span: QuoteSpan, lex: QuoteLexicon, floor: int = 0) -> Found | None:
    """The speaker named before a quote (not before `floor`, the end of the previous quote): a colon clause,
    "pour X," / "selon X,", or the subject of the clause the quote belongs to."""
    floor = max(floor, span.open_at - CLAUSE_WINDOW, text.rfind("\n", 0, span.open_at) + 1)
    start = _sentence_start(text, floor, span.open_at)
    clause = doc.char_span(start, span.open_at, alignment_mode="contract")
    if clause is None or not len(clause):
        return None
    if text[:span.open_at].rstrip().endswith(":"):
        found = speaker_of_clause(clause, lex)
        if found is not None:
            return found
    found = speaker_preposition(clause, lex)
    if found is not None:
        return found
    return governing_subject(doc, span, clause, lex)


def speaker_of_clause(clause: Span, lex: QuoteLexicon) -> Found | None:
    """ "X a déclaré :", "Idrissa Badini, porte-parole de ... :": a reporting verb's subject, or the first name."""
    verbs = [t for t in clause if is_reporting_verb(t) or t.pos_ == "VERB"]
    for verb in reversed(verbs):
        found = speaker_of_verb(verb, lex, start=verb.idx)
        if found is not None and found.token.i < clause.end:
            return found
    for token in clause:
        if is_nominal(token) and token.pos_ != "PRON" and token.dep_ not in ("flat", "flat:name"):
            return Found(token, noun_phrase(token, with_apposition=True).text, token.idx)
    return None


def speaker_preposition(clause: Span, lex: QuoteLexicon) -> Found | None:
    """ "Pour lui, « ... »", "Selon le ministre, « ... »": the speaker introduced by a preposition."""
    for token in clause:
        cue = matched_cue(token, lex.speaker_prepositions)
        if cue is None:
            continue
        nxt = clause.doc[cue.end] if cue.end < clause.end else None
        if nxt is not None and normalise(nxt.text) in lex.pronouns:
            return Found(nxt, f"{cue.text} {nxt.text}", nxt.idx)
        head = source_head_after(cue)
        if head is not None and head.i < clause.end:
            return Found(head, noun_phrase(head, with_apposition=True).text, head.idx)
    return None


def governing_subject(doc: Doc, span: QuoteSpan, clause: Span, lex: QuoteLexicon) -> Found | None:
    """The subject of the clause a quote is part of: "Washington avait accusé Moscou d'avoir « ... »"."""
    inside = doc.char_span(span.start, span.end, alignment_mode="expand")
    if inside is None:
        return None
    heads = [t.head for t in inside if not (inside.start <= t.head.i < inside.end) and t.head.i < inside.start]
    if not heads:
        return None
    node = heads[0]
    for _ in range(MAX_CLIMB):
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < inside.start), None)
        if subject is not None:
            if subject.i < clause.start:
                return None
            if normalise(subject.text) in lex.pronouns:
                return Found(subject, subject.text, subject.idx)
            if is_nominal(subject) and subject.pos_ != "PRON" or subject.ent_type_:
                return Found(subject, noun_phrase(subject, with_apposition=False).text, subject.idx)
            return None
        if node.head is node:
            return None
        node = node.head
    return None
