"""Casualty phrases: how many were killed or injured, with bounds ("faisant 11 morts et 45 blessés").

Four readings, each a small function over the parse, tried from the trigger words of casualties.yaml:
1. a casualty noun counted by the number before it ("11 morts", "une dizaine de victimes", "aucun blessé");
2. a participle whose subject or head noun is counted ("trois soldats ont été tués", "grièvement blessé");
3. an active verb whose object is counted ("tuant ses deux passagers");
4. a death expression followed or preceded by the victims ("a causé la mort de 43 personnes").
Spans are character offsets into doc.text covering the number, the victims and the trigger.
Coordinated victims add up ("six militaires et neuf rebelles"); a member named in an aside is not the group's
count ("neuf civils, dont une fillette"); deaths from hunger or disease are no casualties ("morts de faim").
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from veille.extract.mentions import Casualty
from veille.extract.numbers import Number, NumberLexicon, number_before
from veille.lang.fr.text import normalise
from veille.lang.fr.words import DE_FORMS, with_typographic
from veille.nlp.sentences import sentences
from veille.nlp.tokens import trigger_positions, word_hashes
from veille.resources import load_data
from veille.resources.schemas import CasualtiesFile

# How far after a casualty verb with no object of its own its stray object may stand ("en blessant au moins
# huit autres": five tokens); set by reading French coordinated gerunds, not tuned.
STRAY_OBJECT_WINDOW = 6

CASUALTIES_FILE = "fr/casualties.yaml"
KINDS = ("killed", "injured")
# How far (tokens) a death noun may be from its victims: "la mort, samedi, de 17 villageois".
DEATH_WINDOW = 8
# Words before a casualty noun looked at for a negation ("n'a pas fait de victime").
NEGATION_WINDOW = 5
# Marks around an aside between a subject and its verb ("19 personnes - dont des écoliers - ont été tuées"),
# and how many tokens such an aside may hold.
ASIDE_MARKS = {"-", "–", "—", ")", ","}
ASIDE_WINDOW = 10
SUBJECT_DEPS = ("nsubj", "nsubj:pass")
ADJECTIVAL_DEPS = ("acl", "amod", "acl:relcl", "appos")
# The longest cue, in words, that introduces a part of a group of victims ("parmi lesquels").
INCLUSION_WORDS = 3
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
    toll_nouns: frozenset[str]
    toll_links: frozenset[str]
    total_nouns: frozenset[str]
    inclusions: frozenset[str]
    natural_causes: frozenset[str]
    fatal_adverbs: frozenset[str]
    numbers: NumberLexicon  # the number words the counts are read with
    triggers: frozenset[int]  # spaCy hashes of every word that may start a casualty reading


def build_casualty_lexicon(data: CasualtiesFile, numbers: NumberLexicon) -> CasualtyLexicon:
    """Index validated casualties.yaml: words normalised, kinds per word, negations longest first."""

    def words(items: list[str]) -> list[str]:
        return [normalise(w) for w in items]

    def by_kind(table) -> dict[str, str]:
        return {word: kind for kind in KINDS for word in words(getattr(table, kind))}

    nouns, participles, active = by_kind(data.nouns), by_kind(data.participles), by_kind(data.active)
    death_nouns, toll_nouns = frozenset(words(data.death_nouns)), frozenset(words(data.toll_nouns))
    return CasualtyLexicon(
        nouns=nouns,
        participles=participles,
        active=active,
        needs_subject=frozenset(words(data.needs_subject)),
        death_nouns=death_nouns,
        death_verbs=frozenset(words(data.death_verbs)),
        death_subject_verbs=frozenset(words(data.death_subject_verbs)),
        negations=tuple(sorted(words(data.negations), key=len, reverse=True)),
        provisional=tuple(words(data.provisional)),
        skippable=frozenset(words(data.skippable)),
        toll_nouns=toll_nouns,
        toll_links=frozenset(words(data.toll_links)),
        total_nouns=frozenset(words(data.total_nouns)),
        inclusions=frozenset(words(data.inclusions)),
        natural_causes=frozenset(words(data.natural_causes)),
        fatal_adverbs=frozenset(words(data.fatal_adverbs)),
        numbers=numbers,
        triggers=word_hashes(nouns.keys() | death_nouns | active.keys() | participles.keys() | toll_nouns),
    )


def load_casualty_lexicon(numbers: NumberLexicon) -> CasualtyLexicon:
    """casualties.yaml, validated and indexed."""
    return build_casualty_lexicon(load_data(CASUALTIES_FILE, CasualtiesFile), numbers)


def find_casualties(doc: Doc, lex: CasualtyLexicon) -> list[Casualty]:
    """Find killed/injured figures in `doc`, in text order, at most one per trigger word."""
    found: list[Casualty] = []
    totals: list[tuple[Casualty, int, int]] = []  # "victimes" figures, with their sentence's tokens
    used: set[int] = set()  # trigger and number tokens already read, so one phrase gives one record
    for i in trigger_positions(doc, lex.triggers):
        token = doc[i]
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
        if reading is None and word in lex.toll_nouns:
            reading = read_toll(token, lex)
        if reading is None or natural_death(token, lex):
            continue
        casualty, tokens = reading
        if used.intersection(tokens) - {token.i}:
            continue
        used.update(tokens)
        found.append(casualty)
        if casualty.negated and casualty.kind == "injured":
            # "sans faire de blessé": nobody hurt, so nobody killed either.
            found.append(replace(casualty, kind="killed"))
        if is_total(token, casualty, lex):
            totals.append((casualty, sentence_start(token), sentence_end(token)))
    return drop_totals(sorted(found, key=lambda c: c.start), totals, doc)


# How far after a death word its cause may stand ("morts hier de faim"), and how many words a cause holds.
CAUSE_WINDOW = 3
CAUSE_WORDS = 2
CAUSE_LINKS = with_typographic(DE_FORMS)


def natural_death(token: Token, lex: CasualtyLexicon) -> bool:
    """ "morts de faim", "décédés du choléra": a death from hunger or disease, not a casualty of violence."""
    doc = token.doc
    for j in range(token.i + 1, min(len(doc) - 1, token.i + CAUSE_WINDOW + 1)):
        if doc[j].is_punct:
            return False
        if doc[j].lower_ in CAUSE_LINKS:
            j += doc[j + 1].lower_ in ("la", "l'", "l’") and j + 2 < len(doc)
            causes = (normalise(doc[j + 1:j + 1 + size].text) for size in range(1, CAUSE_WORDS + 1))
            return any(cause in lex.natural_causes for cause in causes)
    return False


def is_total(token: Token, casualty: Casualty, lex: CasualtyLexicon) -> bool:
    """A "victimes" figure that may be a total of killed and injured."""
    return not casualty.negated and token.lower_ in lex.total_nouns


def drop_totals(found: list[Casualty], totals: list[tuple[Casualty, int, int]], doc: Doc) -> list[Casualty]:
    """ "30 victimes, dont 12 morts et 18 blessés": the victims are a total when their sentence gives other
    figures; they stay the killed figure otherwise."""
    dropped = set()
    for total, first, last in totals:
        start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
        if any(c is not total and start <= c.start < end and not c.negated for c in found):
            dropped.add(id(total))
    return [c for c in found if id(c) not in dropped]


def read_toll(noun: Token, lex: CasualtyLexicon) -> Reading | None:
    """ "le bilan s'est alourdi à 20", "le bilan atteint 112": a figure with no casualty noun is a death toll."""
    doc = noun.doc
    end = min(sentence_end(noun), noun.i + DEATH_WINDOW + 1)
    for token in doc[noun.i + 1:end]:
        if not (token.like_num or token.pos_ == "NUM"):
            continue
        found = number_before(doc, token.i + 1, noun.i + 1, lex.numbers)
        if found is None:
            return None
        number, first = found
        following = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
        if following in lex.nouns or following in lex.skippable or following in ("personnes", "%", "ans"):
            return None  # "le bilan est de 20 morts" is read by its noun
        if doc[first - 1].lower_ not in lex.toll_links or _looks_like_year(number):
            return None
        return make_casualty("killed", number, _span_tokens(doc, noun.i, token), None, lex)
    return None


def _looks_like_year(number: Number) -> bool:
    return isinstance(number.value, int) and 1900 <= number.value <= 2100


Reading = tuple[Casualty, set[int]]


def sentence_start(token: Token) -> int:
    """The first token of the clause the casualty readers read around `token` (`Sentences.clause_start`)."""
    return sentences(token.doc).clause_start(token.i)


def sentence_end(token: Token) -> int:
    """One past the last token of that clause (`Sentences.clause_end`)."""
    return sentences(token.doc).clause_end(token.i)


def _after_auxiliary(token: Token) -> bool:
    """ "sont morts" tagged as a noun is still a participle."""
    return token.i > 0 and token.doc[token.i - 1].pos_ == "AUX"


def read_number_of(noun: Token, floor: int, lex: CasualtyLexicon) -> tuple[Number, int] | None:
    """The number counting `noun`: "43 personnes", "une dizaine de soldats", "dix autres blessés"."""
    doc, numbers = noun.doc, lex.numbers
    if normalise(noun.text) in numbers.approximations:
        found = number_before(doc, noun.i + 1, floor, numbers)  # "une vingtaine (de soldats)": not "une" alone
        if found is not None:
            return found
    if _is_count(noun) or noun.lower_ in numbers.units:
        found = number_before(doc, noun.i + 1, floor, numbers)  # the subject is the number: "deux sont mortes"
        if found is not None:
            return found
    found = number_before(doc, noun.i, floor, numbers)
    if found is None and noun.i - 1 > floor and doc[noun.i - 1].lower_ in lex.skippable:
        found = number_before(doc, noun.i - 1, floor, numbers)
    if found is None and noun.i - 2 >= floor and doc[noun.i - 1].lower_ in ("de", "d'", "d’"):
        previous = normalise(doc[noun.i - 2].text)
        if previous in numbers.approximations or previous in numbers.multipliers:
            found = number_before(doc, noun.i - 1, floor, numbers)
    return found


def negation_start(token: Token, lex: CasualtyLexicon) -> int | None:
    """The first token of the words just before `token` that deny any casualty ("aucun blessé",
    "pas fait de victime"), or None."""
    for start in range(max(sentence_start(token), token.i - NEGATION_WINDOW), token.i):
        if normalise(token.doc[start:token.i].text) in lex.negations:
            return start
    return None


def is_provisional(token: Token, lex: CasualtyLexicon) -> bool:
    """A "bilan provisoire" in the same sentence: the figure may still rise."""
    sentence = token.doc[sentence_start(token):sentence_end(token)].text.lower()
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
    value: int | None
    low: int | None
    high: int | None
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
    found = read_number_of(noun, sentence_start(noun), lex)
    if found is None:
        return None
    number, first = found
    return make_casualty(kind, number, _span_tokens(noun.doc, first, noun), None, lex)


def subject_of(verb: Token) -> Token | None:
    """The verb's subject; of several (a parse gone wrong on a long sentence: "crie X, un habitant de Y, où 20
    personnes ont été massacrées"), the nearest one before the verb."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    before = [c for c in subjects if c.i < verb.i]
    return before[-1] if before else subjects[0] if subjects else None


def victim_of(participle: Token) -> Token | None:
    """The noun a participle is about: its (passive) subject, or the noun it qualifies."""
    subject = subject_of(participle)
    if subject is None:
        # Coordinated participles share the first one's subject: "ont été tués et dix blessés".
        if participle.dep_ == "conj" and participle.head.pos_ in ("VERB", "ADJ"):
            subject = subject_of(participle.head)
        elif participle.dep_ in ADJECTIVAL_DEPS and participle.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            return participle.head
    if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and participle.dep_ == "acl:relcl":
        return participle.head
    return subject if subject is not None else noun_before_verb_group(participle)


def noun_before_verb_group(participle: Token) -> Token | None:
    """The noun (or number) just before "sont mortes", "ont été tués" when the parser missed the subject,
    over an aside: "19 personnes - dont des écoliers - ont été tuées"."""
    doc = participle.doc
    floor = sentence_start(participle)
    i = participle.i - 1
    while i >= floor and (doc[i].pos_ in ("AUX", "ADV") or doc[i].lower_ in ("ne", "n'", "se", "s'")):
        i -= 1
    if i == participle.i - 1 or i < floor:
        return None
    if doc[i].text in ASIDE_MARKS:
        opener = next((j for j in range(i - 1, max(floor - 1, i - ASIDE_WINDOW), -1)
                       if doc[j].text in ASIDE_MARKS or doc[j].text == "("), None)
        if opener is None:
            return None
        i = opener - 1
    if i >= floor and (doc[i].pos_ in ("NOUN", "PROPN") or _is_count(doc[i])):
        return doc[i]
    return None


def _is_count(token: Token) -> bool:
    """A number standing for the victims: "deux sont mortes", "11 ont été blessés"."""
    return token.like_num or (token.pos_ == "NUM" and token.lower_ not in ("un", "une"))


def read_participle(participle: Token, lex: CasualtyLexicon) -> Reading | None:
    """ "trois soldats ont été tués", "deux policiers blessés", "il a été grièvement blessé" (1)."""
    kind = lex.participles[participle.lower_]
    if kind == "injured" and any(c.lower_ in lex.fatal_adverbs for c in participle.children):
        kind = "killed"  # "mortellement blessé": the wound killed
    if any(c.dep_ == "obj" for c in participle.children):
        return None  # active use ("a tué trois soldats"): read by read_active_verb
    victim = victim_of(participle)
    if victim is not None and victim.is_punct:
        victim = noun_before_verb_group(participle)
    if victim is not None and is_aside(victim, participle):
        victim = whole_of(victim, lex)
    if victim is None:
        if participle.lower_ in lex.needs_subject or participle.pos_ == "NOUN":
            return None
        return make_casualty(kind, None, [participle], None, lex, count_one=_is_singular(participle))
    found = read_number_of(victim, sentence_start(participle), lex) or count_before_verb_group(participle, victim, lex)
    if found is not None:
        number, first = found
        number = add_coordinated(victim, number, lex)
        return make_casualty(kind, number, _span_tokens(participle.doc, first, victim, participle), victim, lex)
    if victim.pos_ == "PRON" and victim.lower_ not in ("il", "elle", "ils", "elles", "qui"):
        return None
    tokens = _span_tokens(participle.doc, _left_edge(victim), victim, participle)
    listed = named_victims(victim)
    if listed > 1:  # "Cédric de Pierrepont et Alain Bertoncello ont été tués": a list of names
        return make_casualty(kind, Number(listed, listed, listed), tokens, victim, lex)
    return make_casualty(kind, None, tokens, victim, lex, count_one=_is_singular(victim))


def add_coordinated(victim: Token, number: Number, lex: CasualtyLexicon) -> Number:
    """The victims of one verb add up: "huit soldats et 15 assaillants ont été tués" is 23 killed. A group with
    no number ("deux soldats et des civils") makes the sum a lower bound; a vague first count stays vague."""
    others = [c for c in victim.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "ADJ")]
    if not others or number.value is None:
        return number
    total, low, high, approx = number.value, number.low, number.high, number.approx
    for other in others:
        found = read_number_of(other, victim.i + 1, lex)
        if found is None or found[0].value is None:
            low, high, approx = None if low is None else low, None, True
            continue
        extra = found[0]
        total += extra.value  # type: ignore[operator]  # checked not None just above
        low = None if low is None or extra.low is None else low + extra.low
        high = None if high is None or extra.high is None else high + extra.high
        approx = approx or extra.approx
    return Number(value=total, low=low, high=high, approx=approx)


def is_aside(victim: Token, participle: Token) -> bool:
    """Whether the victim may be a part named in an aside, not the subject: the aside is closed before the
    verb ("douze civils, dont une femme, ont été tués") or the verb does not agree with it ("dix policiers
    dont le commandant ont été tués"). "Les assaillants, dont trois ont été tués" is a relative clause."""
    doc = participle.doc
    between = doc[victim.i + 1:participle.i]
    if any(t.text in ASIDE_MARKS for t in between):
        return True
    return _is_singular(victim) and "Plur" in participle.morph.get("Number", [])


def whole_of(victim: Token, lex: CasualtyLexicon) -> Token:
    """The group a named part belongs to: in "douze civils, dont une femme, ont été tués" or "huit villageois
    parmi lesquels un enseignant", the parser may take the part for the subject; the toll counts the group."""
    doc = victim.doc
    floor = sentence_start(victim)
    left = _left_edge(victim)
    for size in range(1, INCLUSION_WORDS + 1):
        start = left - size
        if start <= floor or normalise(doc[start:left].text) not in lex.inclusions:
            continue
        i = start - 1
        while i >= floor and doc[i].text in ASIDE_MARKS | {"("}:
            i -= 1
        if i >= floor and (doc[i].pos_ in ("NOUN", "PROPN") or _is_count(doc[i]) or _counted_adjective(doc[i])):
            return doc[i]
    return victim


def _counted_adjective(token: Token) -> bool:
    """An adjective used as a noun by its number ("6 civils", tagged ADJ by the parser)."""
    return token.pos_ == "ADJ" and token.i > 0 and _is_count(token.doc[token.i - 1])


def count_before_verb_group(participle: Token, victim: Token, lex: CasualtyLexicon) -> tuple[Number, int] | None:
    """A number right before the verb group when the parser took an earlier noun for the subject ("Parmi les
    victimes, deux sont mortes": "deux", not "victimes", counts the dead)."""
    doc = participle.doc
    i = participle.i - 1
    while i > victim.i and doc[i].pos_ in ("AUX", "ADV"):
        i -= 1
    if i <= victim.i or not _is_count(doc[i]):
        return None
    return number_before(doc, i + 1, victim.i + 1, lex.numbers)


def named_victims(victim: Token) -> int:
    """How many names a coordinated victim lists ("X, Y et Z"): 1 when it is not a list of names."""
    if victim.pos_ != "PROPN":
        return 1
    return 1 + sum(1 for c in victim.children if c.dep_ == "conj" and c.pos_ == "PROPN")


def _left_edge(noun: Token) -> int:
    """The first token of the noun phrase's determiner and adjectives ("le jeune soldat")."""
    left = [c.i for c in noun.children if c.i < noun.i and c.dep_ in ("det", "amod", "nummod")]
    return min(left, default=noun.i)


def _is_singular(token: Token) -> bool:
    return "Sing" in token.morph.get("Number", [])


def read_active_verb(verb: Token, lex: CasualtyLexicon) -> Reading | None:
    """ "tuant ses deux passagers", "l'attaque a blessé cinq personnes"."""
    victim = next((c for c in verb.children if c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN", "NUM", "ADJ")), None)
    victim = victim or stray_object_after(verb)
    if victim is None:
        return None
    kind = lex.active[verb.lower_]
    found = read_number_of(victim, verb.i + 1, lex)
    if found is not None:
        number, first = found
        number = add_coordinated(victim, number, lex)
        return make_casualty(kind, number, _span_tokens(verb.doc, first, victim, verb), victim, lex)
    return make_casualty(kind, None, _span_tokens(verb.doc, verb.i, victim), victim, lex,
                         count_one=_is_singular(victim))


def stray_object_after(verb: Token) -> Token | None:
    """The object the parser hung on an earlier verb: in "tuant douze civils et en blessant au moins huit
    autres", "autres" is parsed as a second object of "tuant"; it belongs to the coordinated "blessant"."""
    doc = verb.doc
    for token in doc[verb.i + 1:min(len(doc), verb.i + STRAY_OBJECT_WINDOW + 1)]:
        if token.is_punct:
            return None
        if token.dep_ == "obj" and token.head.i < verb.i and token.pos_ in ("NOUN", "PROPN", "NUM", "ADJ"):
            return token
    return None


def read_death_expression(noun: Token, lex: CasualtyLexicon) -> Reading | None:
    """ "a causé la mort de 43 personnes", "coûté la vie à trois soldats", "cinq civils ont trouvé la mort"."""
    doc = noun.doc
    verb = _verb_before(noun, lex.death_verbs | lex.death_subject_verbs)
    if verb is None:
        return read_death_of(noun, lex)
    if verb.lower_ in lex.death_subject_verbs:
        subject = subject_of(verb)
        if subject is None:
            return None
        found = read_number_of(subject, sentence_start(noun), lex)
        number, first = found if found is not None else (None, _left_edge(subject))
        return make_casualty("killed", number, _span_tokens(doc, first, subject, noun), subject, lex,
                             count_one=_is_singular(subject))
    if verb.lower_ not in lex.death_verbs:
        return None
    last = min(sentence_end(noun), noun.i + DEATH_WINDOW + 1)
    for candidate in doc[noun.i + 1:last]:
        if candidate.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        found = read_number_of(candidate, noun.i + 1, lex)
        if found is not None:
            number, _ = found
            return make_casualty("killed", number, _span_tokens(doc, verb.i, candidate), candidate, lex)
    return None


def read_death_of(noun: Token, lex: CasualtyLexicon) -> Reading | None:
    """ "la mort d'un chef de milice" (1), "la mort de 17 villageois": a counted death with no verb."""
    doc = noun.doc
    if noun.lower_ != "mort" or noun.i == 0 or doc[noun.i - 1].lower_ not in ("la", "sa", "leur"):
        return None
    if noun.i + 2 >= len(doc) or doc[noun.i + 1].lower_ not in ("de", "d'", "d’"):
        return None
    end = min(sentence_end(noun), noun.i + DEATH_WINDOW + 1)
    for candidate in doc[noun.i + 2:end]:
        if candidate.pos_ not in ("NOUN", "PROPN"):
            continue
        if doc[candidate.i - 1].lower_ in ("un", "une") or doc[noun.i + 2].lower_ in ("un", "une"):
            return make_casualty("killed", None, _span_tokens(doc, noun.i, candidate), candidate, lex, count_one=True)
        found = read_number_of(candidate, noun.i + 2, lex)
        if found is not None:
            return make_casualty("killed", found[0], _span_tokens(doc, noun.i, candidate), candidate, lex)
        return None
    return None


def _verb_before(noun: Token, verbs: frozenset[str]) -> Token | None:
    """The verb of "causé la mort", "trouvé la mort": two or three tokens before the noun."""
    doc = noun.doc
    for i in (noun.i - 2, noun.i - 3):
        if i >= sentence_start(noun) and doc[i].lower_ in verbs:
            return doc[i]
    return None
