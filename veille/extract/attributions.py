"""Attributions of reports and figures ("selon Sana", "a indiqué une source militaire").

Three cues from attributions.yaml: a preposition ("selon", "d'après") whose object is the source, "de
source(s) X" ("de source sécuritaire" -> "une source sécuritaire"), and a reporting verb whose non-pronoun
subject is the source. The source is written as the gold data write it: the noun phrase without relative
or participial clauses, an agency's own name ("l'agence officielle Sana" -> "Sana"), or the acronym given
in parentheses ("le Comité de vigilance des droits humains (CVDH)" -> "CVDH"). The scope is the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from veille.extract.actors import ActorKB
from veille.extract.actors.anaphora import group_antecedent
from veille.extract.mentions import Attribution
from veille.lang.fr.phrases import (
    NOUNS,
    is_nominal,
    lower,
    matched_cue,
    noun_phrase,
    opens_incise,
    reporting_subject,
    source_head_after,
)
from veille.lang.fr.text import normalise
from veille.lang.fr.words import DE_FORMS
from veille.nlp.sentences import sentences
from veille.nlp.tokens import trigger_positions, word_hashes
from veille.resources import load_data
from veille.resources.schemas import AttributionsFile

ATTRIBUTIONS_FILE = "fr/attributions.yaml"
# Characters back from an inverted "a-t-il ajouté" in which the person it stands for must be named.
PRONOUN_WINDOW = 600
# Characters allowed between a sentence start and a source for the attribution to lead the sentence
# ("Selon le ministère, ..."): the cue and a determiner or two.
LEADING_SLACK = 8


@dataclass(frozen=True)
class AttributionLexicon:
    """attributions.yaml, checked once at load."""

    prepositions: dict[str, tuple[str, ...]]  # first word of the cue -> full cues starting with it
    source_nouns: dict[str, str]  # "sources" -> "des sources"
    reporting_verbs: frozenset[str]
    name_carriers: frozenset[str]
    report_nouns: frozenset[str]
    relaying_participles: frozenset[str]
    same_source: frozenset[str]  # "la même source": the previous attribution's source
    toll_nouns: frozenset[str]  # "selon un bilan du parquet": the source is the complement
    group_anaphora: dict[str, frozenset[str]]  # "ong" -> the actor types an "l'ONG" may refer back to
    act_verbs: frozenset[str]  # reporting verbs that report only in an incise: "a dénoncé X" is an act
    triggers: frozenset[int]  # spaCy hashes of the words that may start an attribution
    actors: ActorKB  # to tell which named group a category noun ("l'ONG") refers back to


def _first_word(cue: str) -> str:
    """The first token of a cue as spaCy splits it: "d'après" -> "d'", "à en croire" -> "à"."""
    head = cue.split(" ")[0]
    return head[: head.index("'") + 1] if "'" in head else head


def build_attribution_lexicon(data: AttributionsFile, actors: ActorKB) -> AttributionLexicon:
    """Index validated attributions.yaml: words normalised, preposition cues by first token, longest first."""

    def words(items: list[str]) -> frozenset[str]:
        return frozenset(normalise(w) for w in items)

    prepositions: dict[str, list[str]] = {}
    for cue in sorted((normalise(w) for w in data.prepositions), key=len, reverse=True):
        prepositions.setdefault(_first_word(cue), []).append(cue)
    source_nouns = {normalise(k): v for k, v in data.source_nouns.items()}
    verbs = words(data.reporting_verbs)
    return AttributionLexicon(
        prepositions={k: tuple(v) for k, v in prepositions.items()},
        source_nouns=source_nouns,
        reporting_verbs=verbs,
        name_carriers=words(data.name_carriers),
        report_nouns=words(data.report_nouns),
        relaying_participles=words(data.relaying_participles),
        same_source=words(data.same_source),
        toll_nouns=words(data.toll_nouns),
        group_anaphora={normalise(str(k)): frozenset(v) for k, v in data.group_anaphora.items()},
        act_verbs=words(data.act_verbs),
        triggers=word_hashes(prepositions.keys() | source_nouns.keys() | verbs),
        actors=actors,
    )


def load_attribution_lexicon(actors: ActorKB) -> AttributionLexicon:
    """attributions.yaml, validated and indexed."""
    return build_attribution_lexicon(load_data(ATTRIBUTIONS_FILE, AttributionsFile), actors)


def find_attributions(doc: Doc, lex: AttributionLexicon) -> list[Attribution]:
    """Find who the statements and figures of `doc` are attributed to, in text order."""
    found: list[Attribution] = []
    seen: set[tuple[int, int]] = set()
    for i in trigger_positions(doc, lex.triggers):
        token = doc[i]
        attribution = (
            read_preposition_cue(token, lex)
            or read_source_noun(token, lex)
            or read_reporting_verb(token, lex)
        )
        if attribution is not None and (attribution.start, attribution.end) not in seen:
            seen.add((attribution.start, attribution.end))
            if found and normalise(attribution.source) in lex.same_source:
                attribution = replace(attribution, source=found[-1].source)
            found.append(attribution)
    return narrow_scopes(found)


def narrow_scopes(found: list[Attribution]) -> list[Attribution]:
    """Several sources in one sentence each cover their own part of it: a leading "Selon X, ..." covers up to
    the next source, a trailing "..., selon Y" covers back to the previous one ("11 morts selon Sana, 14
    selon l'OSDH")."""
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for k, attribution in enumerate(found):
        by_sentence.setdefault((attribution.scope_start, attribution.scope_end), []).append(k)
    narrowed = list(found)
    for (start, end), members in by_sentence.items():
        if len(members) < 2:
            continue
        members.sort(key=lambda k: found[k].start)
        for rank, k in enumerate(members):
            attribution = found[k]
            previous_end = found[members[rank - 1]].end if rank else start
            next_start = found[members[rank + 1]].start if rank + 1 < len(members) else end
            if attribution.start - start <= len(attribution.cue) + LEADING_SLACK:
                narrowed[k] = replace(attribution, scope_start=attribution.start, scope_end=next_start)
            else:
                narrowed[k] = replace(attribution, scope_start=previous_end, scope_end=attribution.end)
    return narrowed


def read_preposition_cue(token: Token, lex: AttributionLexicon) -> Attribution | None:
    """ "selon Sana", "d'après l'OSDH", "selon des sources locales"."""
    cue = matched_cue(token, lex.prepositions)
    if cue is None:
        return None
    head = source_head_after(cue)
    if head is None:
        return None
    return make_attribution(head, cue.text, lex)


def read_source_noun(token: Token, lex: AttributionLexicon) -> Attribution | None:
    """ "de source sécuritaire" -> "une source sécuritaire", "de sources concordantes" -> "des sources ..."."""
    noun = normalise(token.text)
    if noun not in lex.source_nouns or token.i == 0 or normalise(token.doc[token.i - 1].text) not in ("de", "d'"):
        return None
    if any(c.dep_ == "det" for c in token.children):
        return None
    phrase = noun_phrase(token)
    rest = token.doc[token.i + 1: phrase.end].text if phrase.end > token.i + 1 else ""
    source = f"{lex.source_nouns[noun]} {rest}".strip()
    return _attribution(source, phrase, token.doc[token.i - 1].text)


def read_reporting_verb(token: Token, lex: AttributionLexicon) -> Attribution | None:
    """ "a indiqué un diplomate américain", "Obama avait indiqué que ...": a named or described subject."""
    if token.pos_ not in ("VERB", "AUX") or normalise(token.text) not in lex.reporting_verbs:
        return None
    if normalise(token.text) in lex.act_verbs and not (opens_incise(token) or inverted_pronoun(token)):
        return None  # "Washington a accusé Moscou", "la Jordanie a lancé ...": an act, not a report of one
    subject = reporting_subject(token)
    if subject is not None and is_nominal(subject):
        return make_attribution(subject, token.text, lex)
    pronoun = inverted_pronoun(token)
    person = pronoun_person(pronoun) if pronoun is not None else None
    if pronoun is None or person is None:
        return None
    attribution = _attribution(person, token.doc[pronoun.i: pronoun.i + 1], token.text)
    return replace(attribution, start=pronoun.idx, end=pronoun.idx + len(pronoun.text))


def inverted_pronoun(verb: Token) -> Token | None:
    """The inverted subject of an incise ("a-t-il ajouté": "-il"), or None."""
    doc = verb.doc
    for token in doc[max(0, verb.i - 3): verb.i]:
        word = lower(token).removeprefix("-t").removeprefix("-")
        if token.text.startswith("-") and word in ("il", "elle"):
            return token
    return None


def pronoun_person(pronoun: Token) -> str | None:
    """The person an inverted "il" / "elle" stands for, as written: the last person named before it within
    PRONOUN_WINDOW characters (the quote layer's `Speakers` weighs gender and salience; a source needs less)."""
    doc = pronoun.doc
    for ent in reversed(doc.ents):
        if ent.end > pronoun.i or ent.label_ != "PER":
            continue
        if pronoun.idx - ent.start_char > PRONOUN_WINDOW:
            return None
        words = [t.text for t in ent if not t.is_punct and t.pos_ != "DET"]
        if len(words) > 1 or (words and words[0][:1].isupper()):
            return " ".join(words)
    return None


def source_name(phrase: Span, lex: AttributionLexicon) -> str:
    """The source as the gold writes it: an acronym in parentheses, an agency's name, or the phrase."""
    doc = phrase.doc
    after = doc[phrase.end: phrase.end + 3]
    if len(after) == 3 and after[0].text == "(" and after[2].text == ")" and after[1].text.isupper():
        return after[1].text
    head = phrase.root
    relayed = next(
        (c for c in head.children if c.dep_ == "acl" and normalise(c.text) in lex.relaying_participles), None)
    if normalise(head.text) in lex.report_nouns and relayed is not None:
        agent = next((c for c in relayed.children if any(g.lower_ == "par" for g in c.children)), None)
        if agent is not None:  # "selon une information révélée par M6" -> "M6"
            return noun_phrase(agent).text
    if normalise(head.text) in lex.toll_nouns:
        author = next((c for c in head.children if c.dep_ == "nmod" and c.pos_ in NOUNS
                       and any(lower(g) in DE_FORMS for g in c.children if g.dep_ == "case")), None)
        if author is not None:  # "selon un bilan final du parquet de Tulle" -> "parquet de Tulle"
            return noun_phrase(author).text
    if len(phrase) == 2 and phrase[0].lower_ in ("l'", "l’") and phrase[1].text.isupper():
        return phrase[1].text  # "l'OSDH" -> "OSDH": an acronym is written alone
    if normalise(head.text) in lex.name_carriers:
        names = [t for t in phrase if t.i > head.i and (t.pos_ == "PROPN" or t.text[:1].isupper())]
        if names:
            return doc[names[0].i: names[-1].i + 1].text
    return phrase.text


def make_attribution(head: Token, cue: str, lex: AttributionLexicon) -> Attribution:
    """The attribution whose source phrase is headed by `head`; "l'ONG" takes the name of the group it
    refers back to ("OSDH"), as a reader of the sentence alone would need."""
    phrase = noun_phrase(head)
    antecedent = group_antecedent(head, lex.group_anaphora, lex.actors)
    if antecedent is not None and not _short_name(head):
        doc = head.doc
        if antecedent.start and doc[antecedent.start - 1].pos_ == "DET":  # "le Hamas", as written
            antecedent = doc[antecedent.start - 1: antecedent.end]
        return _attribution(source_name(antecedent, lex), phrase, cue)
    return _attribution(source_name(phrase, lex), phrase, cue)


def _short_name(head: Token) -> bool:
    """A capitalised category noun is the group's short name, written as such ("l'Observatoire"); an
    acronym is not ("l'ONG")."""
    return head.text[:1].isupper() and not head.text.isupper()


def _attribution(source: str, phrase: Span, cue: str) -> Attribution:
    sentence = sentences(phrase.doc).of(phrase.root)
    return Attribution(
        source=source.strip(),
        start=phrase.start_char,
        end=phrase.end_char,
        cue=cue,
        scope_start=sentence.start_char,
        scope_end=sentence.end_char,
    )
