"""Typing by context: refinements retype a candidate from the words around it (weapons, targets, agents)."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from veille.extract.events.detect import Candidate
from veille.extract.events.lexicon import Lexicon
from veille.extract.events.view import DocView
from veille.lang.fr.phrases import argument_phrase
from veille.lang.fr.text import normalise, stem

# Confidence added when the type comes from a context cue, not only from the trigger's default.
REFINED_BONUS = 0.1
AGENT_DEPS = ("nsubj",)


def refine(cand: Candidate, view: DocView, lexicon: Lexicon) -> None:
    """Apply the first matching refinement of the candidate's family (file order = priority)."""
    family = cand.trigger.spec.family
    for rule, cues in zip(lexicon.refinements, lexicon.refinement_cues, strict=True):
        if family not in rule.families:
            continue
        if rule.where == "sentence":  # a range check, without building Token objects
            if not view.has(cues, cand.sent.start, cand.sent.end):
                continue
        else:
            tokens = context_tokens(cand.token, rule.where, cand.sent)
            if not tokens or not view.in_tokens(cues, tokens):
                continue
        if rule.acled is not None:
            cand.acled = rule.acled
        if rule.plover is not None:
            cand.plover = rule.plover
        cand.refined = True
        cand.confidence = min(1.0, cand.confidence + REFINED_BONUS)
        return


# The types victims decide for a generic attack: civilians killed -> an attack on civilians.
CIVILIAN_TARGET = ("Violence against civilians", "Attack")
ARMED_TARGET = ("Battles", "Armed clash")


def type_by_victims(cand: Candidate, victims: list[str], lexicon: Lexicon) -> bool:
    """Retype a generic attack not typed by its context from who it killed or wounded ("trois personnes ont
    été tuées dans une attaque" -> Attack; "deux soldats tués" -> Armed clash). True when retyped."""
    if cand.refined or cand.trigger.spec.family != "violence" or cand.acled is None or not victims:
        return False
    words = {w for victim in victims for w in (normalise(victim), stem(victim))}
    armed = bool(words & lexicon.cues["ctx:armed"].words)
    civilian = bool(words & lexicon.cues["ctx:civilian"].words)
    if civilian == armed:
        return False  # none, or both: soldiers and civilians, a clash with collateral deaths
    cand.acled = CIVILIAN_TARGET if civilian else ARMED_TARGET
    cand.refined = True
    return True


def context_tokens(token: Token, where: str, sent: Span) -> list[Token]:
    """The tokens a refinement looks at: the sentence, the trigger's clause, its patient or its agent."""
    if where == "sentence":
        return list(sent)
    if where == "clause":
        return list(_clause_head(token).subtree)
    if where == "target":
        return [t for phrase in patient_phrases(token) for t in phrase]
    return [t for phrase in agent_phrases(token) for t in phrase]


def _clause_head(token: Token) -> Token:
    """The verb a noun trigger depends on, or the trigger verb itself, widened to its governor for xcomp."""
    head = token if token.pos_ in ("VERB", "AUX") else token.head
    return head.head if head.dep_ == "xcomp" else head


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj:pass", "aux:pass") for c in verb.children) or "Pass" in verb.morph.get("Voice", [])


def _case(token: Token) -> str | None:
    cases = [c.lower_ for c in token.children if c.dep_ == "case"]
    return cases[0] if cases else None


def agent_phrases(token: Token) -> list[list[Token]]:
    """The noun phrases acting in the event: subject, 'par X' of a passive, subject of a light verb."""
    phrases: list[list[Token]] = []
    if token.pos_ in ("VERB", "AUX"):
        passive = _is_passive(token)
        for child in token.children:
            if (child.dep_ == "nsubj" and not passive) or (_case(child) == "par" and passive):
                phrases.append(argument_phrase(child))
        if not phrases and token.dep_ == "xcomp":
            phrases = [argument_phrase(c) for c in token.head.children if c.dep_ == "nsubj"]
    else:
        phrases = [argument_phrase(c) for c in token.children if _case(c) == "par"]
        if not phrases and token.dep_ == "obj":
            verb = token.head  # a light verb, or its governor: "ont tenté de prendre le contrôle de X"
            phrases = [argument_phrase(c) for c in verb.children if c.dep_ == "nsubj"]
            if not phrases and verb.dep_ in ("xcomp", "conj"):  # "... ont réussi à assiéger X et y ont pris"
                phrases = [argument_phrase(c) for c in verb.head.children if c.dep_ == "nsubj"]
    return phrases


def patient_phrases(token: Token) -> list[list[Token]]:
    """The noun phrases undergoing the event: object, subject of a passive, 'contre X', 'sur X'."""
    phrases: list[list[Token]] = []
    if token.pos_ in ("VERB", "AUX"):
        passive = _is_passive(token)
        for child in token.children:
            if child.dep_ == "obj" or (child.dep_ == "nsubj:pass" and passive) or _case(child) in ("contre", "sur"):
                phrases.append(argument_phrase(child))
        if not phrases and is_past_participle_of_noun(token):  # "plusieurs lycées visés", "des otages capturés"
            phrases.append(argument_phrase(token.head))
    else:
        phrases = [argument_phrase(c) for c in token.children if _case(c) in ("contre", "sur")]
        if not phrases and token.dep_ == "nsubj":
            phrases = [argument_phrase(c) for c in token.head.children if c.dep_ == "obj"]
        if not phrases and token.dep_ == "obj":  # a light verb: "ont ouvert le feu sur un véhicule"
            phrases = [argument_phrase(c) for c in token.head.children if _case(c) in ("contre", "sur")]
    return phrases


def is_past_participle_of_noun(token: Token) -> bool:
    """A past participle qualifying a noun ("les élèves enlevés"): the noun is what underwent the action."""
    morph = token.morph
    return (token.dep_ in ("acl", "amod") and token.head.pos_ in ("NOUN", "PROPN")
            and "Part" in morph.get("VerbForm", []) and "Past" in morph.get("Tense", []))


def split_by_initiator(cands: list[Candidate]) -> list[list[Candidate]]:
    """Political interactions of one sentence with different named initiators are different events ("l'Arabie
    saoudite condamnant ..., quand le Qatar dénonçait ..."); a candidate naming none joins the first group.
    Violence is not split: its several verbs usually tell one event."""
    if not cands or cands[0].acled is not None:
        return [cands]
    groups: dict[str, list[Candidate]] = {}
    unnamed: list[Candidate] = []
    for cand in cands:
        subject = _named_subject(cand.token)
        if subject is None:
            unnamed.append(cand)
        else:
            groups.setdefault(subject, []).append(cand)
    if len(groups) < 2:
        return [cands]
    result = list(groups.values())
    result[0] = sorted(result[0] + unnamed, key=lambda c: c.token.i)
    return result


def _named_subject(token: Token) -> str | None:
    """The lemma of a verb trigger's own subject when it is a noun or a name (not a pronoun), else None."""
    if token.pos_ not in ("VERB", "AUX"):
        return None
    subjects = _nouns(c for c in token.children if c.dep_ == "nsubj")
    return subjects[0].lemma_ if subjects else None


def _nouns(tokens: Iterable[Token]) -> list[Token]:
    return [t for t in tokens if t.pos_ in ("NOUN", "PROPN")]


