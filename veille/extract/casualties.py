"""Casualty phrases: how many were killed or injured, with bounds ("faisant 11 morts et 45 blessés").

Four readings, each a small function over the parse, tried from the trigger words of casualties.yaml:
1. a casualty noun counted by the number before it ("11 morts", "une dizaine de victimes", "aucun blessé");
2. a participle whose subject or head noun is counted ("trois soldats ont été tués", "grièvement blessé");
3. an active verb whose object is counted ("tuant ses trois occupants");
4. a death expression followed or preceded by the victims ("a causé la mort de 43 personnes").
Spans are character offsets into doc.text covering the number, the victims and the trigger.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from veille.errors import ResourceError
from veille.extract.mentions import Casualty
from veille.extract.numbers import Number, normalise, number_before, number_lexicon
from veille.resources import load_yaml

CASUALTIES_FILE = "fr/casualties.yaml"
KINDS = ("killed", "injured")
# How far (tokens) a death noun may be from its victims: "la mort, hier, de 43 personnes".
DEATH_WINDOW = 8
# Words before a casualty noun looked at for a negation ("n'a pas fait de victime").
NEGATION_WINDOW = 5
SUBJECT_DEPS = ("nsubj", "nsubj:pass")
ADJECTIVAL_DEPS = ("acl", "amod", "acl:relcl", "appos")
RELATIVE_PRONOUNS = {"qui", "que", "dont", "lequel", "laquelle", "lesquels", "lesquelles"}


@dataclass(frozen=True)
class CasualtyLexicon:
    """casualties.yaml, checked once at load; every word set is lowercase."""

    nouns: dict[str, str]  # form -> kind
    participles: dict[str, str]
    active: dict[str, str]
    needs_subject: frozenset[str]
    death_nouns: frozenset[str]
    death_verbs: frozenset[str]
    death_subject_verbs: frozenset[str]
    negations: tuple[str, ...]
    provisional: tuple[str, ...]
    skippable: frozenset[str]


def _words(data: dict, key: str) -> list[str]:
    words = data.get(key)
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
        raise ResourceError(f"{CASUALTIES_FILE}: '{key}' must be a non-empty list of strings")
    return [normalise(w) for w in words]


def _by_kind(data: dict, key: str) -> dict[str, str]:
    table = data.get(key)
    if not isinstance(table, dict) or set(table) != set(KINDS):
        raise ResourceError(f"{CASUALTIES_FILE}: '{key}' must have exactly the keys {KINDS}")
    return {word: kind for kind in KINDS for word in _words(table, kind)}


@cache
def casualty_lexicon() -> CasualtyLexicon:
    """Load and validate casualties.yaml (once per process)."""
    data = load_yaml(CASUALTIES_FILE)
    if not isinstance(data, dict):
        raise ResourceError(f"{CASUALTIES_FILE}: top level must be a mapping")
    return CasualtyLexicon(
        nouns=_by_kind(data, "nouns"),
        participles=_by_kind(data, "participles"),
        active=_by_kind(data, "active"),
        needs_subject=frozenset(_words(data, "needs_subject")),
        death_nouns=frozenset(_words(data, "death_nouns")),
        death_verbs=frozenset(_words(data, "death_verbs")),
        death_subject_verbs=frozenset(_words(data, "death_subject_verbs")),
        negations=tuple(sorted(_words(data, "negations"), key=len, reverse=True)),
        provisional=tuple(_words(data, "provisional")),
        skippable=frozenset(_words(data, "skippable")),
    )


def find_casualties(doc: Doc) -> list[Casualty]:
    """Find killed/injured figures in `doc`, in text order, at most one per trigger word."""
    lex = casualty_lexicon()
    found: list[Casualty] = []
    used: set[int] = set()  # trigger and number tokens already read, so one phrase gives one record
    for token in doc:
        if token.i in used:
            continue
        word = token.lower_
        reading = None
        if word in lex.nouns and token.pos_ in ("NOUN", "PROPN", "ADJ", "VERB"):
            reading = read_counted_noun(token, lex)
        if reading is None and word in lex.death_nouns:
            reading = read_death_expression(token, lex)
        if reading is None and word in lex.active and token.pos_ in ("VERB", "AUX"):
            reading = read_active_verb(token, lex)
        if reading is None and word in lex.participles and (token.pos_ in ("VERB", "ADJ") or _after_auxiliary(token)):
            reading = read_participle(token, lex)
        if reading is None:
            continue
        casualty, tokens = reading
        if used.intersection(tokens) - {token.i}:
            continue
        used.update(tokens)
        found.append(casualty)
    return sorted(found, key=lambda c: c.start)


Reading = tuple[Casualty, set[int]]


def _after_auxiliary(token: Token) -> bool:
    """ "sont morts" tagged as a noun is still a participle."""
    return token.i > 0 and token.doc[token.i - 1].pos_ == "AUX"


def read_number_of(noun: Token, floor: int) -> tuple[Number, int] | None:
    """The number counting `noun`: "43 personnes", "une dizaine de soldats", "dix autres blessés"."""
    doc = noun.doc
    found = number_before(doc, noun.i, floor)
    if found is None and noun.i - 1 > floor and doc[noun.i - 1].lower_ in casualty_lexicon().skippable:
        found = number_before(doc, noun.i - 1, floor)
    if found is None and noun.i - 2 >= floor and doc[noun.i - 1].lower_ in ("de", "d'", "d’"):
        lex = number_lexicon()
        previous = normalise(doc[noun.i - 2].text)
        if previous in lex.approximations or previous in lex.multipliers:
            found = number_before(doc, noun.i - 1, floor)
    if found is None and normalise(noun.text) in number_lexicon().approximations:
        found = number_before(doc, noun.i + 1, floor)  # the subject is the quantity: "des dizaines ont été..."
    return found


def negation_start(token: Token, lex: CasualtyLexicon) -> int | None:
    """The first token of the words just before `token` that deny any casualty ("aucun blessé",
    "pas fait de victime"), or None."""
    for start in range(max(token.sent.start, token.i - NEGATION_WINDOW), token.i):
        if normalise(token.doc[start:token.i].text) in lex.negations:
            return start
    return None


def is_provisional(token: Token, lex: CasualtyLexicon) -> bool:
    """A "bilan provisoire" in the same sentence: the figure may still rise."""
    sentence = token.sent.text.lower()
    return any(cue in sentence for cue in lex.provisional)


def make_casualty(
    kind: str, number: Number | None, tokens: list[Token], victims: Token | None, lex: CasualtyLexicon,
    negated: bool = False, count_one: bool = False,
) -> Reading:
    """Build the record spanning `tokens` (first to last in text order)."""
    doc = tokens[0].doc
    first = min(t.i for t in tokens)
    last = max(t.i for t in tokens)
    phrase = doc[first:last + 1]  # Span.text is cheap; doc.text rebuilds the whole text
    start, end = phrase.start_char, phrase.end_char
    if negated:
        value, low, high, approx = 0, 0, 0, False
    elif number is not None:
        value, low, high, approx = _as_int(number.value), _as_int(number.low), _as_int(number.high), number.approx
    elif count_one:
        value, low, high, approx = 1, 1, 1, False
    else:
        value, low, high, approx = None, None, None, True
    casualty = Casualty(
        kind=kind,  # type: ignore[arg-type]
        value=value,
        low=low,
        high=high,
        approx=approx,
        start=start,
        end=end,
        text=phrase.text,
        victims=victims.text if victims is not None else None,
        negated=negated,
        provisional=is_provisional(tokens[0], lex),
    )
    return casualty, {t.i for t in tokens}


def _as_int(value: int | float | None) -> int | None:
    return None if value is None else int(value)


def _span_tokens(doc: Doc, first: int, *others: Token) -> list[Token]:
    indices = [first] + [t.i for t in others]
    return list(doc[min(indices): max(indices) + 1])


def read_counted_noun(noun: Token, lex: CasualtyLexicon) -> Reading | None:
    """ "11 morts", "au moins 43 victimes", "une dizaine de blessés", "aucun mort", "un blessé"."""
    kind = lex.nouns[noun.lower_]
    negation = negation_start(noun, lex)
    if negation is not None:
        return make_casualty(kind, None, [noun.doc[negation], noun], None, lex, negated=True)
    found = read_number_of(noun, noun.sent.start)
    if found is None:
        return None
    number, first = found
    return make_casualty(kind, number, _span_tokens(noun.doc, first, noun), None, lex)


def victim_of(participle: Token) -> Token | None:
    """The noun a participle is about: its (passive) subject, or the noun it qualifies."""
    subject = next((c for c in participle.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        # Coordinated participles share the first one's subject: "ont été tués et dix blessés".
        if participle.dep_ == "conj" and participle.head.pos_ in ("VERB", "ADJ"):
            subject = next((c for c in participle.head.children if c.dep_ in SUBJECT_DEPS), None)
        elif participle.dep_ in ADJECTIVAL_DEPS and participle.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            return participle.head
    if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and participle.dep_ == "acl:relcl":
        return participle.head
    return subject if subject is not None else noun_before_verb_group(participle)


def noun_before_verb_group(participle: Token) -> Token | None:
    """The noun just before "sont mortes", "ont été tués" when the parser missed the subject."""
    doc = participle.doc
    i = participle.i - 1
    while i >= participle.sent.start and doc[i].pos_ in ("AUX", "ADV"):
        i -= 1
    if i < participle.i - 1 and i >= participle.sent.start and doc[i].pos_ in ("NOUN", "PROPN"):
        return doc[i]
    return None


def read_participle(participle: Token, lex: CasualtyLexicon) -> Reading | None:
    """ "trois soldats ont été tués", "deux policiers blessés", "il a été grièvement blessé" (1)."""
    kind = lex.participles[participle.lower_]
    if any(c.dep_ == "obj" for c in participle.children):
        return None  # active use ("a tué trois soldats"): read by read_active_verb
    victim = victim_of(participle)
    if victim is None:
        if participle.lower_ in lex.needs_subject or participle.pos_ == "NOUN":
            return None
        return make_casualty(kind, None, [participle], None, lex, count_one=_is_singular(participle))
    found = read_number_of(victim, participle.sent.start)
    if found is not None:
        number, first = found
        return make_casualty(kind, number, _span_tokens(participle.doc, first, victim, participle), victim, lex)
    if victim.pos_ == "PRON" and victim.lower_ not in ("il", "elle", "ils", "elles", "qui"):
        return None
    tokens = _span_tokens(participle.doc, _left_edge(victim), victim, participle)
    return make_casualty(kind, None, tokens, victim, lex, count_one=_is_singular(victim))


def _left_edge(noun: Token) -> int:
    """The first token of the noun phrase's determiner and adjectives ("le jeune soldat")."""
    left = [c.i for c in noun.children if c.i < noun.i and c.dep_ in ("det", "amod", "nummod")]
    return min(left, default=noun.i)


def _is_singular(token: Token) -> bool:
    return "Sing" in token.morph.get("Number")


def read_active_verb(verb: Token, lex: CasualtyLexicon) -> Reading | None:
    """ "tuant ses trois occupants", "l'attaque a blessé cinq personnes"."""
    victim = next((c for c in verb.children if c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN", "NUM", "ADJ")), None)
    if victim is None:
        return None
    kind = lex.active[verb.lower_]
    found = read_number_of(victim, verb.i + 1)
    if found is not None:
        number, first = found
        return make_casualty(kind, number, _span_tokens(verb.doc, first, victim, verb), victim, lex)
    return make_casualty(kind, None, _span_tokens(verb.doc, verb.i, victim), victim, lex,
                         count_one=_is_singular(victim))


def read_death_expression(noun: Token, lex: CasualtyLexicon) -> Reading | None:
    """ "a causé la mort de 43 personnes", "coûté la vie à trois soldats", "cinq civils ont trouvé la mort"."""
    doc = noun.doc
    verb = _verb_before(noun, lex.death_verbs | lex.death_subject_verbs)
    if verb is None:
        return None
    if verb.lower_ in lex.death_subject_verbs:
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None:
            return None
        found = read_number_of(subject, noun.sent.start)
        number, first = found if found is not None else (None, _left_edge(subject))
        return make_casualty("killed", number, _span_tokens(doc, first, subject, noun), subject, lex,
                             count_one=_is_singular(subject))
    if verb.lower_ not in lex.death_verbs:
        return None
    last = min(noun.sent.end, noun.i + DEATH_WINDOW + 1)
    for candidate in doc[noun.i + 1:last]:
        if candidate.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        found = read_number_of(candidate, noun.i + 1)
        if found is not None:
            number, _ = found
            return make_casualty("killed", number, _span_tokens(doc, verb.i, candidate), candidate, lex)
    return None


def _verb_before(noun: Token, verbs: frozenset[str]) -> Token | None:
    """The verb of "causé la mort", "trouvé la mort": two or three tokens before the noun."""
    doc = noun.doc
    for i in (noun.i - 2, noun.i - 3):
        if i >= noun.sent.start and doc[i].lower_ in verbs:
            return doc[i]
    return None
