"""What the article around a phrase tells about its actor: the country of its sentence, a person's title.

A phrase alone often under-determines its actor: "Michel Dupuis" is a deputy because the article introduced
him as "le député LR Michel Dupuis" two paragraphs earlier; "des hommes armés" belong to the country named in
their sentence when the article's country is unknown. These lookups read only a few tokens around the phrase
(and the other mentions of a surname), so they cost nothing measurable next to the parse.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from veille.extract.actors.kb import ActorKB
from veille.extract.actors.resolve import (
    Match,
    Resolution,
    Word,
    entry_resolution,
    named_matches,
    phrase_country,
    scan,
    token_words,
)
from veille.lang.fr.words import DE_FORMS, DEFINITE_ARTICLES
from veille.nlp.sentences import sentences

# Words that cut the link between a title and the name after it ("le ministre a reçu Jean X").
TITLE_GAP_POS = frozenset({"VERB", "AUX", "PRON", "SCONJ", "CCONJ"})
TITLE_GAP_KEYS = frozenset({";", ":", "(", ")", "«", "»", '"', "qui", "que", "qu'", "et", ".", "!", "?", "a", "au",
                            "aux", "avec", "pour", "par", "contre", "selon", "chez", "sur", "vers", "entre", "dans"})
# Words between a title and its name: "le ministre des Affaires étrangères de l'Ukraine, X" has 6.
MAX_TITLE_GAP = 7
# Tokens read before a name for its title, and after it for an apposition (", député de la Somme,").
LEFT_WINDOW = 12
RIGHT_WINDOW = 8
# Words allowed between the comma of an apposition and its title ("X, l'ancien ministre").
APPOSITION_LEAD = frozenset({"le", "la", "l'", "un", "une", "ancien", "ancienne", "nouveau", "nouvelle", "actuel",
                             "actuelle", "alors", "premier", "premiere", "futur", "future", "puissant", "puissante"})
# Words that tie a title to the organisation it heads ("le président du RN", "le chef de l'EI").
OF_WORDS = DE_FORMS | DEFINITE_ARTICLES
# Other mentions of a surname examined at most (an article names a person a handful of times).
MAX_MENTIONS = 8


def sentence_country(kb: ActorKB, span: Span) -> str | None:
    """A country named or designated by its capital in the span's sentence, outside the span."""
    doc = span.doc
    if not doc.has_annotation("SENT_START") or not len(span):
        return None
    sent = sentences(doc).around(span)
    for part in (doc[sent.start : span.start], doc[span.end : sent.end]):
        words = token_words(part)
        matches = scan(kb.country_names, words) + scan(kb.capitals, words)
        if matches:
            return min(matches, key=lambda m: m.start).value[0]
    return None


def person_in_context(kb: ActorKB, span: Span, resolution: Resolution, country: str | None) -> Resolution:
    """An unknown named person typed by a title found around one of their mentions, else unchanged."""
    doc = span.doc
    if resolution.label != "PER" or resolution.type != "person" or not doc.has_annotation("DEP"):
        return resolution
    surname = resolution.name.split()[-1] if resolution.name.split() else ""
    for start, end in name_mentions(doc, span, surname):
        found = title_before(kb, doc, start, country) or title_after(kb, doc, end, country)
        if found is not None:
            kind, code = found
            return Resolution(resolution.name, kind, code, "PER")
    return resolution


def name_mentions(doc: Doc, span: Span, surname: str) -> list[tuple[int, int]]:
    """Token ranges of the mentions of a surname: the one in `span` first, then the others in text order."""
    if not surname:
        return []
    inside: list[tuple[int, int]] = []
    others: list[tuple[int, int]] = []
    for token in doc:
        if token.text != surname:
            continue
        start = token.i
        while start > 0 and start > token.i - 4 and is_name_token(doc[start - 1]):
            start -= 1
        target = inside if span.start <= token.i < span.end else others
        target.append((start, token.i + 1))
        if len(others) >= MAX_MENTIONS:
            break
    return inside + others


def is_name_token(token) -> bool:
    return token.ent_type_ == "PER" or (token.pos_ == "PROPN" and token.text[:1].isupper())


def title_before(kb: ActorKB, doc: Doc, start: int, country: str | None) -> tuple[str, str | None] | None:
    """The capacity a title right before a name gives ("le député LR Michel X", "le ministre de l'Intérieur, X")."""
    sent_start = sentences(doc).of(doc[start]).start if start < len(doc) else 0
    words = token_words(doc[max(sent_start, start - LEFT_WINDOW) : start])
    titles = scan(kb.titles, words)
    if not titles:
        return None
    title = titles[-1]
    gap = words[title.end :]
    if gap and gap[-1].key == ",":
        gap = gap[:-1]
    if len(gap) > MAX_TITLE_GAP or any(w.pos in TITLE_GAP_POS or w.key in TITLE_GAP_KEYS or w.key == ","
                                       or w.ent == "PER" for w in gap):
        return None
    return capacity(kb, words, title, country)


def title_after(kb: ActorKB, doc: Doc, end: int, country: str | None) -> tuple[str, str | None] | None:
    """The capacity an apposition gives ("X, ministre des Armées,", "X (LR)")."""
    if end >= len(doc):
        return None
    words = token_words(doc[end : min(sentences(doc).of(doc[end]).end, end + RIGHT_WINDOW)])
    if not words or words[0].key not in (",", "("):
        return None
    lead = 1
    while lead < len(words) and words[lead].key in APPOSITION_LEAD:
        lead += 1
    titles = [m for m in scan(kb.titles, words) if m.start == lead]
    if titles:
        return capacity(kb, words, titles[0], country)
    if words[0].key == "(":
        named = [m for m in named_matches(kb, words, country) if m.start == 1 and m.value.label != "PER"]
        if named:
            resolution = entry_resolution(kb, named[0].value, country)
            return resolution.type, resolution.country
    return None


def capacity(kb: ActorKB, words: list[Word], title: Match, country: str | None) -> tuple[str, str | None]:
    """The type and country of a titled person: the organisation a title heads gives its type ("le président
    du RN"); otherwise the title's own kind, with a party label only when the title is not an office."""
    kind = title.value[0]
    after = words[title.end :]
    organisations = [m for m in named_matches(kb, after, country) if m.value.label != "PER"]
    code = phrase_country(kb, words[title.start :], [])
    if organisations:
        org = organisations[0]
        heads = all(w.key in OF_WORDS for w in after[: org.start])
        if heads or kind != "government":
            resolution = entry_resolution(kb, org.value, country)
            return resolution.type, resolution.country or code
    if kind == "government":
        return kind, code or country
    return kind, code
