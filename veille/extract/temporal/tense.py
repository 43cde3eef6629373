"""The tense of the clause a date belongs to, from spaCy's parse and morphology (past, future or unknown)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from veille.extract.temporal.calendar import Tense
from veille.extract.temporal.lexicon import Lexicon
from veille.nlp.sentences import sentences

# How far up the dependency tree a date may sit below its predicate ("samedi" -> "Auxerre" -> "venue" -> ...).
MAX_CLIMB = 4
VERBAL = {"VERB", "AUX"}


def is_predicate(token: Token) -> bool:
    """A clause head: a verb, or an adjective/noun with a copula ("sont incertains")."""
    return token.pos_ in VERBAL or any(child.dep_ == "cop" for child in token.children)


def clause_verb(token: Token) -> Token | None:
    """The predicate of the clause `token` belongs to: itself if it is one, else its nearest such ancestor."""
    for _ in range(MAX_CLIMB + 1):
        if is_predicate(token):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def lemma(token: Token) -> str:
    """The lemma, or the lower-case form when the pipeline has no lemmatizer."""
    return (token.lemma_ or token.lower_).lower()


def aux_tenses(verb: Token, dep: str) -> list[str]:
    """The Tense values of the auxiliaries (or copulas) of `verb` attached with relation `dep`."""
    return [t for child in verb.children if child.dep_ == dep for t in child.morph.get("Tense", [])]


def verb_tense(verb: Token, lex: Lexicon) -> Tense:
    """Past or future from a predicate's morphology and auxiliaries; None for the present or when unknown."""
    if verb.pos_ not in VERBAL:  # copular predicate: the copula carries the tense
        cops = [child for child in verb.children if child.dep_ == "cop"]
        return finite_tense(cops[0]) if cops else None
    verb_form = verb.morph.get("VerbForm", [])
    if "Part" in verb_form:
        return participle_tense(verb, lex)
    if "Inf" in verb_form:
        return infinitive_tense(verb, lex)
    return finite_tense(verb)


def finite_tense(verb: Token) -> Tense:
    """A finite verb: future and conditional -> future; imperfect and simple past -> past; present -> None."""
    tense, mood = verb.morph.get("Tense", []), verb.morph.get("Mood", [])
    if "Fut" in tense:
        return "future"
    if "Imp" in tense or "Past" in tense:
        return "past"
    if "Cnd" in mood:
        return "future"
    return None


def participle_tense(verb: Token, lex: Lexicon) -> Tense:
    """"a manifesté", "a été tué", "tué": past; "sera reçu": future; "est fixé" (present passive): None."""
    tense_aux, passive_aux = aux_tenses(verb, "aux:tense"), aux_tenses(verb, "aux:pass")
    if "Fut" in tense_aux + passive_aux:
        return "future"
    if tense_aux:
        return "past"
    if lemma(verb) in lex.words["planning_verbs"]:
        return "future"
    if passive_aux:
        return "past" if ("Imp" in passive_aux or "Past" in passive_aux) else None
    return "past"


def infinitive_tense(verb: Token, lex: Lexicon) -> Tense:
    """An infinitive is future after "aller/devoir ..." or a future verb ("va manifester dimanche")."""
    governors = lex.words["future_governors"]
    candidates = [verb.head] if verb.head is not verb else []
    candidates += [c for c in verb.children if c.dep_.startswith("aux")]
    for candidate in candidates:
        if candidate.pos_ in VERBAL and (lemma(candidate) in governors or "Fut" in candidate.morph.get("Tense", [])):
            return "future"
    return None


def nearest_verb(span: Span) -> Token | None:
    """The closest main verb of the sentence: the fallback when the parse leaves a date without a predicate.
    A sentence with no verb is a fragment the parser cut off ("Samedi" | ", des heurts ont éclaté"): the
    verbs of the next sentence are read then."""
    doc = span.doc
    sents = sentences(doc)
    sentence = sents.around(span)
    verbs = main_verbs(sentence)
    if not verbs and sentence.end < len(doc) and "\n" not in sentence.text:
        verbs = main_verbs(sents.of(doc[sentence.end]))
    return min(verbs, key=lambda t: min(abs(t.i - span.start), abs(t.i - span.end + 1)), default=None)


def main_verbs(sentence: Span) -> list[Token]:
    return [t for t in sentence if t.pos_ in VERBAL and not t.dep_.startswith(("aux", "cop"))]


def span_tense(span: Span, lex: Lexicon) -> Tense:
    """The tense of the clause the date `span` attaches to, or None without a parse or a telling verb."""
    if not span.doc.has_annotation("DEP") or len(span) == 0:
        return None
    verb = clause_verb(span.root) or nearest_verb(span)
    return verb_tense(verb, lex) if verb is not None else None
