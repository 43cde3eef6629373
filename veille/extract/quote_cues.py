"""Where a quote's speaker is named: the cascade of places a French news text names who speaks.

Each function reads the parse around one quote and returns a `Found` (the token naming the speaker and the
words that name it), or None; `veille.extract.speakers` then says who that token is. In order:
1. `speaker_after`: the incise right after the quote (", a-t-il souligné", ", se désole X", "— X, 26 ans");
2. `speaker_later_in_sentence`: an incise closing the quote's sentence (", a précisé l'officier.");
3. `speaker_before`: the clause before a colon, "Pour X," / "Selon X,", the sentence before that ends on
   its speaker's verb ("X confirme. « ... »"), or the subject of the clause the quote belongs to, when it can
   speak (a reporting verb's subject, or a person subject of any verb: "il veut « ... »");
4. `split_at_incise`: an incise inside the marks ("« A, jure X, B »") makes two quotes of X.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from veille.extract.attributions import AttributionLexicon
from veille.extract.quote_spans import QuoteLexicon, QuoteSpan, is_partitive, make_span, sentence_start
from veille.extract.speakers import SUBJECT_DEPS, Speakers
from veille.lang.fr.phrases import (
    is_nominal,
    lower,
    matched_cue,
    noun_phrase,
    opens_incise,
    reporting_subject,
    source_head_after,
)
from veille.lang.fr.text import normalise
from veille.nlp.sentences import sentences

# Tokens after a closing mark in which the reporting verb of an incise must appear (", a-t-il souligné").
INCISE_WINDOW = 4
# Characters before an opening mark searched for the clause that introduces it.
CLAUSE_WINDOW = 300
# Head-chain steps from the quote up to the verb whose subject speaks.
MAX_CLIMB = 4


@dataclass
class Found:
    """A speaker reading: the token that names the speaker and the words that name it near the quote."""

    token: Token
    text: str
    start: int  # where the speaker is named (for "the last person mentioned")


def find_speaker(
    doc: Doc, text: str, starts: list[int], span: QuoteSpan, lex: QuoteLexicon, speakers: Speakers, floor: int
) -> tuple[Found | None, int]:
    """The speaker cascade: the incise right after the quote, an incise later in its sentence, then the
    clause before it (colon, "selon X", the subject of the clause the quote belongs to)."""
    found, incise_end = speaker_after(doc, text, starts, span, lex)
    if found is None:
        found = speaker_later_in_sentence(doc, starts, span, lex)
    if found is None and not span.orphan:
        found = speaker_before(doc, text, span, lex, speakers, floor)
    if found is None:
        found = speaker_later_in_sentence(doc, starts, span, lex, bare_preposition=True)
    return found, incise_end


def split_at_incise(
    doc: Doc, text: str, starts: list[int], span: QuoteSpan, lex: QuoteLexicon
) -> list[tuple[QuoteSpan, Found | None]]:
    """A quote interrupted by an incise inside its marks ("« A, jure Daniel Hagari, B »") is two quotes of
    the incise's speaker; any other quote is itself, its speaker still to find."""
    first, last = bisect_left(starts, span.start), bisect_left(starts, span.end)
    for c in range(first + 1, last - 2):
        if doc[c].text != ",":
            continue
        verb = doc[c + 1]
        while verb.pos_ == "AUX" and verb.i + 1 < last:
            verb = doc[verb.i + 1]
        if not is_finite(verb) and not is_reporting(verb, lex.attributions):
            continue
        inverted = doc[verb.i + 1] if verb.i + 1 < last else None
        if inverted is None or not (normalise(inverted.text) in lex.pronouns or inverted.ent_type_ == "PER"):
            continue
        close = next((t.i for t in doc[verb.i + 1: min(last, verb.i + INCISE_WINDOW + 2)] if t.text == ","), None)
        if close is None or close + 1 >= last:
            continue
        found = speaker_of_verb(verb, lex, start=doc[c + 1].idx, incise=True, after=doc[c].idx)
        if found is None:
            continue
        head = make_span(text, span.open_at, doc[c].idx, span.start, doc[c].idx)
        tail = make_span(text, doc[close].idx, span.close_end, doc[close].idx + 1, span.end,
                          orphan=span.orphan, continued=span.continued)
        return [(head, found), (tail, found)]
    return [(span, None)]


def speaker_after(
    doc: Doc, text: str, starts: list[int], span: QuoteSpan, lex: QuoteLexicon
) -> tuple[Found | None, int]:
    """The incise after a quote: ", a-t-il souligné", ", s'indigne Moussa", ", selon X", "— Moussa, 31 ans"."""
    i = bisect_left(starts, span.close_end)  # the first token at or after the closing mark
    if i >= len(doc):
        return None, span.close_end
    dash = doc[i].text in ("—", "–", "-")
    opened = doc[i].text == "," or dash  # ", s'indigne Moussa": an incise needs its comma or dash
    if opened:
        i += 1
    elif doc[i].is_punct:
        return None, span.close_end
    if dash and i < len(doc) and doc[i].text[:1].isupper() and doc[i].pos_ in ("PROPN", "NOUN"):
        head = doc[i]
        return Found(head, noun_phrase(head, with_apposition=True).text, head.idx), _clause_end(doc, head, len(text))
    verbs_seen = 0
    for k in range(i, min(len(doc), i + INCISE_WINDOW)):
        token = doc[k]
        if token.text in lex.marks or token.text in ("«", "»") or (token.is_punct and token.text != "-"):
            break
        if token.pos_ in ("SCONJ", "CCONJ"):
            break  # ", quand le Niger dénonçait ...": a new clause, not an incise
        # In an incise right after a quote any verb reports speech ("relate", "se désole", "jure").
        incise_verb = opened and verbs_seen == 0 and k - i <= 2 and is_finite(token)
        reporting = is_reporting(token, lex.attributions)
        if incise_verb and not reporting and has_subject_before(token, span.open_at):
            return None, span.close_end  # the sentence goes on after the quote: "X, qui « ... », ont procédé"
        if incise_verb or (reporting and token.pos_ in ("VERB", "AUX", "NOUN", "ADJ", "PROPN")):
            found = speaker_of_verb(token, lex, start=doc[i].idx, incise=opened, after=span.close_end)
            if found is not None or opened:
                return found, _clause_end(doc, token, len(text))
        verbs_seen += token.pos_ == "VERB"
        cue = matched_cue(token, lex.attributions.prepositions)
        if cue is not None:
            source = source_head_after(cue)
            if source is not None:
                found = Found(source, noun_phrase(source, with_apposition=True).text, source.idx)
                return found, _clause_end(doc, source, len(text))
    return None, span.close_end


def is_reporting(token: Token, lex: AttributionLexicon) -> bool:
    """A reporting verb of attributions.yaml ("indiqué", "affirme"), as written."""
    return lower(token) in lex.reporting_verbs


def has_subject_before(verb: Token, at: int) -> bool:
    """True when the verb's subject stands before character `at`: no inversion, so no incise."""
    return any(c.dep_ in SUBJECT_DEPS and c.idx < at for c in verb.children)


def is_finite(token: Token) -> bool:
    """A conjugated verb ("relate", "a conclu"), not a participle clause (", rejetant le terme")."""
    if token.pos_ != "VERB":
        return False
    form = token.morph.get("VerbForm", [])
    if "Fin" in form:
        return True
    return "Part" in form and token.i > 0 and token.doc[token.i - 1].pos_ == "AUX"


def speaker_later_in_sentence(
    doc: Doc, starts: list[int], span: QuoteSpan, lex: QuoteLexicon, bare_preposition: bool = False
) -> Found | None:
    """An incise closing the quote's sentence: 'C'était "la dernière opportunité" pour ..., a indiqué le
    officier.'; with `bare_preposition`, a "selon X" with no comma ('... des décapitations selon l'ONU.')."""
    i = bisect_left(starts, span.close_end)
    if i >= len(doc):
        return None
    end = sentences(doc).of(doc[i]).end
    for k in range(i + 1, end):
        token = doc[k]
        if token.is_space and "\n" in token.text:
            return None  # a paragraph ends the sentence, even with no full stop
        if doc[k - 1].text != ",":
            if bare_preposition and token.lower_ in ("selon", "d'après", "d’après"):
                head = source_head_after(doc[k:k + 1])
                if head is not None:
                    return Found(head, noun_phrase(head, with_apposition=True).text, head.idx)
            continue
        verb = token
        while verb.pos_ == "AUX" and verb.i + 1 < end and not is_reporting(verb, lex.attributions):
            verb = doc[verb.i + 1]
        if is_reporting(verb, lex.attributions) and is_finite(verb):
            found = speaker_of_verb(verb, lex, start=token.idx, incise=True, after=span.close_end)
            if found is not None and not quoted_since(doc, i, found.token, lex):
                return found
        cue = matched_cue(token, lex.attributions.prepositions) if bare_preposition else None
        if cue is not None:
            head = source_head_after(cue)
            if head is not None:
                return Found(head, noun_phrase(head, with_apposition=True).text, head.idx)
    return None


def quoted_since(doc: Doc, first: int, token: Token, lex: QuoteLexicon) -> bool:
    """True when `token` stands inside a later quote ('"A", "Honte à vous", ont crié ...': the parser took
    "Honte" for the subject), reading the marks from token `first` on."""
    closer = None
    for t in doc[first:token.i]:
        if closer is None and t.text in lex.marks:
            closer = lex.marks[t.text]
        elif closer is not None and t.text == closer:
            closer = None
    return closer is not None


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


def speaker_of_verb(
    verb: Token, lex: QuoteLexicon, start: int, incise: bool = False, after: int = 0
) -> Found | None:
    """Who speaks with a reporting verb: an inverted pronoun ("a-t-il"), its subject (not a word of the quote,
    which ends at `after`), or in an incise the noun after it (", confie au Quotidien le photographe")."""
    doc = verb.doc
    for token in doc[max(0, verb.i - 2): min(len(doc), verb.i + 3)]:
        if token.text.startswith("-") and normalise(token.text) in lex.pronouns:
            first = min(verb.i, token.i, _token_index(doc, start))
            return Found(token, doc[first: max(verb.i, token.i) + 1].text, start)
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None and not incise:
        subject = reporting_subject(verb)
    if subject is not None and subject.idx < after:
        subject = None  # the parser took a word of the quote for the subject of the verb after it
    if subject is not None and subject.i < verb.i:
        subject = person_between(subject, verb) or subject
    if subject is not None and (is_nominal(subject) or is_pronoun(subject, lex)):
        if is_pronoun(subject, lex):
            return Found(subject, subject.text, subject.idx)
        if subject.i < verb.i or incise:
            return Found(subject, noun_phrase(subject, with_apposition=True).text, subject.idx)
    if not incise:
        return None
    skip_to = verb.i + 1
    for token in doc[verb.i + 1: min(len(doc), verb.i + INCISE_WINDOW + 3)]:
        if token.is_punct:
            break
        if token.lower_ in ("à", "au", "aux", "en"):
            # ", confie au Quotidien le photographe", ", résume en somme la note": a complement, not the speaker
            skip_to = max(skip_to, token.head.i + 1 if token.head.i > token.i else token.i + 2)
            continue
        if token.i < skip_to or is_time_word(token, lex):
            continue  # ", a déclaré mercredi soir la ministre"
        if is_partitive(token, lex):
            return Found(token, token.text, token.idx)  # ", ont crié certains"
        if token.pos_ in ("NOUN", "PROPN"):
            head = token
            while head.dep_ in ("flat", "flat:name", "amod") and head.head.i > verb.i:
                head = head.head
            return Found(head, noun_phrase(head, with_apposition=True).text, head.idx)
    return None


def is_pronoun(token: Token, lex: QuoteLexicon) -> bool:
    """A personal pronoun ("il", "-t-elle") or a partitive one ("certains", "plusieurs") that may speak."""
    return normalise(token.text) in lex.pronouns or is_partitive(token, lex)


def is_time_word(token: Token, lex: QuoteLexicon) -> bool:
    """A day or a part of a day ("mercredi", "hier", "soir"): a time adverbial between a verb and its subject."""
    return normalise(token.text) in lex.time_words


def person_between(subject: Token, verb: Token) -> Token | None:
    """A person named between commas after a group subject: "L'ONU, par la voix de ..., Martin Griffiths,
    avait déploré": the person speaks for the group."""
    doc = subject.doc
    for token in doc[subject.i + 1:verb.i]:
        if token.ent_type_ == "PER" and token.ent_iob_ == "B" and doc[token.i - 1].text == ",":
            return token
    return None


def speaker_before(
    doc: Doc, text: str, span: QuoteSpan, lex: QuoteLexicon, speakers: Speakers, floor: int = 0
) -> Found | None:
    """The speaker named before a quote (not before `floor`, the end of the previous quote): a colon clause,
    "pour X," / "selon X,", or the subject of the clause the quote belongs to."""
    floor = max(floor, span.open_at - CLAUSE_WINDOW, text.rfind("\n", 0, span.open_at) + 1)
    start = sentence_start(text, floor, span.open_at)
    clause = doc.char_span(start, span.open_at, alignment_mode="contract")
    if clause is None or not len(clause):
        return speaker_announced(doc, text, span, lex, floor)
    if text[:span.open_at].rstrip().endswith(":"):
        found = speaker_of_clause(clause, lex, speakers)
        if found is not None:
            return found
    found = speaker_preposition(clause, lex)
    if found is not None:
        return found
    return governing_subject(doc, span, clause, lex, speakers)


def speaker_announced(doc: Doc, text: str, span: QuoteSpan, lex: QuoteLexicon, floor: int) -> Found | None:
    """A quote opening a sentence after one that ends on its speaker's verb: "X, le patron du camping,
    confirme. « ... »"."""
    before = text[floor:span.open_at].rstrip()
    if not before.endswith("."):
        return None
    end = doc.char_span(floor, len(before) + floor, alignment_mode="contract")
    if end is None or len(end) < 2:
        return None
    verb = end[-2]
    while verb.pos_ == "ADV" and verb.i > end.start:
        verb = doc[verb.i - 1]
    if not (is_reporting(verb, lex.attributions) or is_finite(verb)):
        return None
    found = speaker_of_verb(verb, lex, start=verb.idx)
    return found if found is not None and found.token.idx >= floor else None


def speaker_of_clause(clause: Span, lex: QuoteLexicon, speakers: Speakers) -> Found | None:
    """ "X a déclaré :", "Idrissa Badini, porte-parole de ... :": a reporting verb's subject, a person
    subject of another verb, or the first person named."""
    for verb in reversed([t for t in clause if is_reporting(t, lex.attributions) and t.pos_ in ("VERB", "AUX")]):
        found = speaker_of_verb(verb, lex, start=verb.idx)
        if found is not None and clause.start <= found.token.i < clause.end:
            return found
    for verb in reversed([t for t in clause if t.pos_ == "VERB"]):
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and clause.start <= subject.i < clause.end and speakers.is_human(subject):
            return _found_subject(subject, lex)
    for token in clause:
        if token.ent_type_ == "PER" or (token.pos_ == "PROPN" and token.dep_ not in ("flat", "flat:name")):
            return Found(token, noun_phrase(token, with_apposition=True).text, token.idx)
    return None


def _found_subject(subject: Token, lex: QuoteLexicon) -> Found:
    if is_pronoun(subject, lex):
        return Found(subject, subject.text, subject.idx)
    return Found(subject, noun_phrase(subject, with_apposition=False).text, subject.idx)


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


def governing_subject(
    doc: Doc, span: QuoteSpan, clause: Span, lex: QuoteLexicon, speakers: Speakers
) -> Found | None:
    """The subject of the clause a quote is part of, when it can speak: the subject of a reporting verb
    ("Washington avait accusé Moscou d'avoir « ... »"), or a person subject of any verb ("il veut « ... »")."""
    inside = doc.char_span(span.start, span.end, alignment_mode="expand")
    if inside is None:
        return None
    heads = [t.head for t in inside if not (inside.start <= t.head.i < inside.end) and t.head.i < inside.start]
    if not heads:
        heads = [t for t in inside if t.head.i == t.i or not (inside.start <= t.head.i < inside.end)]
    if not heads:
        return None
    found = climb_to_subject(heads[0], inside, clause, lex, speakers)
    if found is None:
        found = person_of_headless_clause(heads[0], inside, clause)
    return found


def person_of_headless_clause(node: Token, inside: Span, clause: Span) -> Found | None:
    """The parser left the quote's verb with no subject ("X, qui s'occupait de ..., a avancé des « raisons
    personnelles »"): the last person named in the clause before it, not after a preposition, is its subject."""
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i and node.head.i < inside.start:
        node = node.head
    if not is_finite(node) and "Fin" not in node.morph.get("VerbForm", []):
        return None
    if any(c.dep_ in SUBJECT_DEPS for c in node.children):
        return None
    for token in reversed(clause.doc[clause.start:min(node.i, clause.end)]):
        if token.ent_type_ == "PER" and token.ent_iob_ == "B":
            before = token.doc[token.i - 1] if token.i else None
            if before is not None and before.pos_ == "ADP":
                return None  # "selon X", "avec X": no subject
            return Found(token, noun_phrase(token, with_apposition=False).text, token.idx)
    return None


def climb_to_subject(node: Token, inside: Span, clause: Span, lex: QuoteLexicon, speakers: Speakers) -> Found | None:
    """Up the head chain from the quote to the first subject that can speak (see `governing_subject`)."""
    participle = False  # climbed from a reporting participle: its clause's subject speaks with any verb
    for _ in range(MAX_CLIMB):
        subject = next((c for c in node.children if c.dep_ in SUBJECT_DEPS and c.i < inside.start), None)
        if subject is not None:
            if subject.i < clause.start:
                return None
            reporting = participle or is_reporting(node, lex.attributions) or any(
                is_reporting(c, lex.attributions) for c in node.children if c.dep_ == "xcomp")
            named = is_nominal(subject) or subject.text[:1].isupper() or is_pronoun(subject, lex)
            if reporting and named:
                return _found_subject(person_between(subject, node) or subject, lex)
            if speakers.is_human(subject):
                return _found_subject(subject, lex)
        elif is_reporting(node, lex.attributions) and is_finite(node) and opens_incise(node):
            # "..., a alerté l'ONU vendredi, en pointant « ... »": the subject comes after its verb
            subject = reporting_subject(node)
            if subject is not None and subject.i < inside.start:
                return _found_subject(subject, lex)
        if node.head is node:
            return None
        participle = is_present_participle(node) and is_reporting(node, lex.attributions)
        if participle and node.head.dep_ == "ccomp":
            node = node.head  # "X a démenti que Y soit malade, indiquant « ... »": X indicates, not Y
        node = node.head
    return None


def is_present_participle(token: Token) -> bool:
    """ "indiquant", "ajoutant": a participial clause whose implied subject is the main clause's."""
    return token.pos_ == "VERB" and "Part" in token.morph.get("VerbForm", []) and "Pres" in token.morph.get("Tense", [])
