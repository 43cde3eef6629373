"""Quoted passages of a text: the marks, one span per paragraph, titles and headings that are not speech.

Read by `veille.extract.quotes`; the vocabulary (marks, title nouns, speaker cues) is `resources/fr/quotes.yaml`,
checked against its schema at load (a malformed file is a `ResourceError`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from veille.extract.attributions import AttributionLexicon
from veille.extract.numbers import NumberLexicon
from veille.lang.fr.text import normalise
from veille.lang.fr.words import DE_FORMS, DEFINITE_ARTICLES
from veille.resources import load_data
from veille.resources.schemas import QuotesFile

QUOTES_FILE = "fr/quotes.yaml"
# What may surround a heading or pull-quote on its line: '- "Plus atroces" -'.
PULL_QUOTE_DECORATION = " \t-–—.:"
# A line of at most this many characters with no sentence end is a heading (not the article's first line,
# which may be a title with an attributed quote): its quotes repeat the body's.
HEADING_LENGTH = 90
SENTENCE_ENDS = (".", "!", "?", "…", ":", ";", ",")
QUOTE_CLOSERS = " »”\"›"
_SENTENCE_END = re.compile(r"[.!?…]\s+(?=\S)")
# Little words that stay lowercase inside a name ("Bouclier de l'Euphrate", "Notre-Dame de Paris").
NAME_PARTICLES = {"de", "du", "des", "d'", "la", "le", "les", "l'", "et", "en", "sur", "à", "au", "aux"}
# Words between a title noun and the marks that are no adjective: "mettre un terme aux « violations »".
NOT_ADJECTIVES = {"et", "ou", "en", "à", "au", "aux", "sur"}


@dataclass(frozen=True)
class QuoteLexicon:
    """quotes.yaml, checked once at load."""

    marks: dict[str, str]
    paragraph_marks: frozenset[str]
    title_nouns: frozenset[str]
    pronouns: frozenset[str]
    partitives: frozenset[str]  # "certains", "plusieurs": some of a group just named
    speaker_prepositions: dict[str, tuple[str, ...]]
    titles: frozenset[str]
    person_roles: frozenset[str]
    speaking_nouns: frozenset[str]
    document_nouns: frozenset[str]  # "le communiqué": the document the last speaker issued
    generic_documents: frozenset[str]  # "le texte": any named text before it
    named_texts: frozenset[str]  # "la charte de X": what "le texte" may refer back to
    feminine: frozenset[str]
    masculine: frozenset[str]
    first_names: dict[str, str]  # lowercase first name -> "f" or "m"
    mark_pattern: re.Pattern[str]  # every character the quote scanner reacts to: the marks and line breaks
    attributions: AttributionLexicon  # reporting verbs and "selon X": where speakers are named
    numbers: NumberLexicon  # "une dizaine de délégués": a counted group may speak
    time_words: frozenset[str]  # "a déclaré mercredi soir X": time words between a verb and its speaker


def build_quote_lexicon(
    data: QuotesFile, attributions: AttributionLexicon, numbers: NumberLexicon, time_words: frozenset[str]
) -> QuoteLexicon:
    """Index validated quotes.yaml: words normalised, speaker prepositions by first token, longest first."""

    def words(items: list[str]) -> frozenset[str]:
        return frozenset(normalise(w) for w in items)

    prepositions: dict[str, list[str]] = {}
    for cue in sorted(words(data.speaker_prepositions), key=len, reverse=True):
        first = cue.split(" ")[0]
        prepositions.setdefault(first[: first.index("'") + 1] if "'" in first else first, []).append(cue)
    marks = data.marks
    return QuoteLexicon(
        marks=marks,
        paragraph_marks=words(data.paragraph_marks),
        title_nouns=words(data.title_nouns),
        pronouns=words(data.pronouns),
        partitives=words(data.partitive_pronouns),
        speaker_prepositions={k: tuple(v) for k, v in prepositions.items()},
        titles=words(data.titles),
        person_roles=words(data.person_roles),
        speaking_nouns=words(data.speaking_nouns),
        document_nouns=words(data.document_nouns),
        generic_documents=words(data.generic_documents),
        named_texts=words(data.named_texts),
        feminine=words(data.feminine_cues),
        masculine=words(data.masculine_cues),
        first_names={**{n: "m" for n in words(data.masculine_first_names)},
                     **{n: "f" for n in words(data.feminine_first_names)}},
        mark_pattern=re.compile("[" + re.escape("".join(set(marks) | set(marks.values()))) + "\n]"),
        attributions=attributions,
        numbers=numbers,
        time_words=time_words,
    )


def load_quote_lexicon(attributions: AttributionLexicon, numbers: NumberLexicon,
                       time_words: frozenset[str]) -> QuoteLexicon:
    """quotes.yaml, validated and indexed, with the other layers' words the quote layer reads."""
    return build_quote_lexicon(load_data(QUOTES_FILE, QuotesFile), attributions, numbers, time_words)


def is_partitive(token: Token, lex: QuoteLexicon) -> bool:
    """ "certains", "plusieurs", "d'autres", "la plupart": a pronoun for some members of a group (the
    tokenizer cuts "d'autres" and "la plupart" in two: the head is their last word)."""
    word = normalise(token.text)
    if word in lex.partitives:
        return True
    previous = normalise(token.doc[token.i - 1].text) if token.i else ""
    return f"{previous}{word}" in lex.partitives or f"{previous} {word}" in lex.partitives


@dataclass(frozen=True)
class QuoteSpan:
    """A quoted passage: its marks (open_at..close_end) and its words (start..end)."""

    open_at: int
    close_end: int
    start: int
    end: int
    orphan: bool = False  # a closing mark whose opening is missing: the start is the sentence start
    continued: bool = False  # ends at a paragraph break: the next paragraph goes on with the quote


def find_quote_spans(text: str, lex: QuoteLexicon) -> list[QuoteSpan]:
    """The quoted passages of `text`, one per paragraph, in order (a single pass over the characters)."""
    closers = {v for k, v in lex.marks.items() if k != v}
    spans: list[QuoteSpan] = []
    opener: str | None = None
    opened = 0
    last_end = 0
    for match in lex.mark_pattern.finditer(text):
        i, char = match.start(), match.group()
        if opener is None:
            if char in lex.marks:
                opener, opened = char, i
            elif char in closers:
                start = sentence_start(text, max(last_end, text.rfind("\n", 0, i) + 1), i)
                spans.append(make_span(text, start, i + 1, start, i, orphan=True))
                last_end = i + 1
        elif char == lex.marks[opener]:
            spans.append(make_span(text, opened, i + 1, opened + 1, i))
            opener, last_end = None, i + 1
        elif char == "\n":
            if opener in lex.paragraph_marks:
                spans.append(make_span(text, opened, i, opened + 1, i, continued=True))
            opener, last_end = None, i
    if opener is not None and opener in lex.paragraph_marks:
        spans.append(make_span(text, opened, len(text), opened + 1, len(text), continued=True))
    return [s for s in spans if s.end > s.start]


def make_span(text: str, open_at: int, close_end: int, start: int, end: int, **flags: bool) -> QuoteSpan:
    """Trim the spaces inside the marks so `text[start:end]` is the quote as the gold writes it."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(open_at, close_end, start, end, **flags)


def sentence_start(text: str, floor: int, at: int) -> int:
    """Where the sentence holding position `at` starts (not before `floor`)."""
    start = floor
    for match in _SENTENCE_END.finditer(text, floor, min(len(text), at + 1)):
        start = match.end()
    return start


def is_title(text: str, span: QuoteSpan, lex: QuoteLexicon) -> bool:
    """A quoted name or title: the word before the marks is "opération", "baptisée", "le film"..., or the
    quote is itself a name ("paru dans « Le Monde »")."""
    if is_name(text[span.start:span.end]):
        return True
    before = text[max(0, span.open_at - 40):span.open_at].split()
    words = [normalise(w) for w in before[-3:]]
    words = [w for w in words if w not in DEFINITE_ARTICLES and w not in DE_FORMS and w not in ("un", "une")]
    # The noun itself or the noun before an adjective: "l'opération turque « Bouclier de l'Euphrate »".
    if not words:
        return False
    if words[-1].split("'")[-1] in lex.title_nouns:
        # "la mise en place « d'un ordre juste »", "en mission": an idiom with "en" names nothing
        return len(words) < 2 or words[-2] != "en"
    adjective = "'" not in words[-1] and words[-1].isalpha() and words[-1] not in NOT_ADJECTIVES
    return adjective and len(words) > 1 and words[-2].split("'")[-1] in lex.title_nouns


def is_name(quote: str) -> bool:
    """Two or more words, every one capitalised but the little words of names ("Le Monde", "Front de
    libération" is not): a newspaper, a book or an operation, not speech."""
    words = quote.replace("’", "'").split()
    if len(words) < 2 or any(not w.replace("-", "").isalpha() for w in (w.split("'")[-1] for w in words)):
        return False
    content = [w.split("'")[-1] for w in words if w.lower() not in NAME_PARTICLES]
    return bool(content) and all(w[:1].isupper() for w in content)


def is_pull_quote(text: str, span: QuoteSpan) -> bool:
    """A heading or pull-quote: its line holds nothing but the quote and repeats words quoted elsewhere, or
    the line is a short heading with no sentence end ('Réaction syndicale "unanime"')."""
    line_start = text.rfind("\n", 0, span.open_at) + 1
    line_end = text.find("\n", span.close_end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end].strip()
    if line_start > 0 and len(line) <= HEADING_LENGTH and not line.rstrip(QUOTE_CLOSERS).endswith(SENTENCE_ENDS):
        return True
    rest = text[line_start:span.open_at] + text[span.close_end:line_end]
    if rest.strip(PULL_QUOTE_DECORATION):
        return False
    words = text[span.start:span.end].strip(" .!?…").lower()
    return text.lower().count(words) > 1
