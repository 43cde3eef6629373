"""Scope rules: negated, future, hypothetical, denied or out-of-domain triggers are not events.

Each check returns the reason a candidate is out of scope (a short string, kept for debugging and tests),
or None. The order of `scope_reason` is a cascade: the cheapest and most certain checks first.
"""

from __future__ import annotations

from spacy.tokens import Token

from veille.extract.events.classify import agent_phrases
from veille.extract.events.detect import Candidate
from veille.extract.events.lexicon import Lexicon
from veille.extract.events.view import DocView

# Dependency relations through which a governing verb's modality reaches the trigger.
GOVERNED_DEPS = frozenset({"xcomp", "ccomp", "obj", "obl:arg", "obl", "obl:mod", "acl", "advcl", "csubj"})
# How far up the head chain a blocking governor is looked for ("menace de vouloir attaquer": 2 steps).
GOVERNOR_DEPTH = 2
# Tokens before/after a noun trigger searched for blocking words ("menace d'attentat", "manif prévue").
NOUN_WINDOW_BEFORE = 4
NOUN_WINDOW_AFTER = 2
# Tokens before an infinitive trigger searched for a purpose or condition ("pour déloger", "afin d'y manifester").
VERB_WINDOW_BEFORE = 3
VIOLENT_PLOVER = frozenset({"ASSAULT", "COERCE"})


def scope_reason(cand: Candidate, view: DocView, lexicon: Lexicon, article_conflict: int) -> str | None:
    """Why this candidate is not an event, or None when it is one (the scope cascade)."""
    token = cand.token
    if cand.trigger.spec.when_negated and is_negated(token, view, lexicon):
        return "negated"  # a negated concession is a rejection: judged as such by the caller
    checks = (
        lambda: gate_reason(cand, view, lexicon, article_conflict),
        lambda: domain_reason(cand, view, lexicon),
        lambda: "negated" if is_negated(token, view, lexicon) else None,
        lambda: tense_reason(cand),
        lambda: governor_reason(token, view, lexicon, cand.plover),
        lambda: noun_context_reason(token, view, lexicon),
        lambda: infinitive_reason(token, view, lexicon),
        lambda: generic_reason(token, view, lexicon),
        lambda: general_clause_reason(token, view, lexicon),
        lambda: descriptive_reason(cand),
        lambda: instrument_reason(token, view, lexicon),
        lambda: person_reason(token, view, lexicon),
        lambda: equipment_reason(token, view, lexicon),
        lambda: membership_reason(cand, view, lexicon),
        lambda: period_reason(cand, view, lexicon),
    )
    for check in checks:
        reason = check()
        if reason:
            return reason
    return None


def gate_reason(cand: Candidate, view: DocView, lexicon: Lexicon, article_conflict: int) -> str | None:
    """The trigger entry's gates: conflict context, political context, political actor."""
    sent = cand.sent
    for gate in cand.trigger.spec.gates:
        if gate == "conflict":
            # Calibrated on the dev articles' local news: 3 conflict words make a conflict article.
            if not view.has(lexicon.cues["ctx:conflict"], sent.start, sent.end) and article_conflict < 3:
                return "no conflict context"
        elif gate == "political":
            # the sentence, or the one before or after it: "Des milliers ont manifesté ... Le ministère a indiqué
            # que 42 personnes avaient été interpellées"; "Un homme a été interpellé. Il préparait un attentat."
            start = view.sentence(view.doc[sent.start - 1]).start if sent.start > 0 else sent.start
            end = view.sentence(view.doc[sent.end]).end if sent.end < len(view.doc) else sent.end
            if not view.has(lexicon.cues["ctx:political"], start, end):
                return "no political context"
        elif gate == "political_actor" and not has_political_actor(cand.token, view, lexicon):
            return "no political actor"
        elif gate == "armed_agent" and not has_armed_agent(cand.token, view, lexicon):
            return "no armed agent"
    return None


def has_armed_agent(token: Token, view: DocView, lexicon: Lexicon) -> bool:
    """An agent phrase with a conflict or armed-actor word, or a named organisation ("tué par les ADF")."""
    conflict, armed = lexicon.cues["ctx:conflict"], lexicon.cues["ctx:armed"]
    for phrase in agent_phrases(token):
        if view.in_tokens(conflict, phrase) or view.in_tokens(armed, phrase):
            return True
        if any(t.ent_type_ == "ORG" for t in phrase):
            return True
        if len(phrase) == 1 and phrase[0].lower_ in ("ils", "elles"):  # "où ils ont tué": who, said just before
            sent = view.sentence(token)
            previous = view.sentence(doc_token(token, sent.start - 1)) if sent.start > 0 else sent
            start, end = previous.start, token.i
            if view.has(armed, start, end) or view.has(lexicon.cues["ctx:conflict"], start, end):
                return True
    return False


def doc_token(token: Token, i: int) -> Token:
    return token.doc[i]


def has_political_actor(token: Token, view: DocView, lexicon: Lexicon) -> bool:
    """A named entity or a political noun as the subject of the trigger or of its governing verb."""
    cues = lexicon.cues["ctx:political_actor"]
    heads = [token] if token.pos_ == "VERB" else [token, token.head]
    if token.pos_ != "VERB" and token.head.dep_ in ("xcomp", "ccomp"):
        heads.append(token.head.head)
    for _ in range(GOVERNOR_DEPTH):  # "elles ne céderont pas", "a fait savoir qu'il entendait": the main subject
        if heads[-1].dep_ not in ("xcomp", "ccomp") or heads[-1].head is heads[-1]:
            break
        heads.append(heads[-1].head)
    for head in heads:
        for child in head.children:
            if not (child.dep_.startswith("nsubj") or (token.pos_ == "NOUN" and child.dep_ == "nmod")):
                continue
            if child.pos_ == "PRON" and child.dep_.startswith("nsubj"):
                continue  # a pronoun says nothing: look at the governing clause
            phrase = [t for t in child.subtree if t.i <= child.i + 6]
            if any(t.ent_type_ in ("PER", "ORG", "LOC") or t.pos_ == "PROPN" for t in phrase):
                return True
            if view.in_tokens(cues, phrase):
                return True
    return False


def domain_reason(cand: Candidate, view: DocView, lexicon: Lexicon) -> str | None:
    """Sports, crime, accidents, disasters, verdicts, exercises: out of scope unless conflict words say else."""
    sent = cand.sent
    for name, cues in lexicon.cues.items():
        if not name.startswith("out:"):
            continue
        if view.has(cues, sent.start, sent.end) and (
            name == "out:court" or not view.has(lexicon.cues["ctx:conflict"], sent.start, sent.end)
        ):
            return f"out of scope: {name[4:]}"
    return None


def is_negated(token: Token, view: DocView, lexicon: Lexicon) -> bool:
    """'n'a pas attaqué', 'aucune attaque', 'sans affrontement', 'n'a pas pu attaquer'."""
    cues = lexicon.cues
    if token.pos_ == "NOUN":
        for child in token.children:
            if child.dep_ == "det" and view.token_has(cues["negation_determiners"], child.i):
                return True
            if child.dep_ == "case" and view.token_has(cues["negation_prepositions"], child.i):
                return True
        return token.dep_ == "obj" and _has_negation_adverb(token.head, view, lexicon)
    if _has_negation_adverb(token, view, lexicon):
        return True
    if any(c.dep_ == "mark" and view.token_has(cues["negation_prepositions"], c.i) for c in token.children):
        return True
    return token.dep_ == "xcomp" and _has_negation_adverb(token.head, view, lexicon)


def _has_negation_adverb(verb: Token, view: DocView, lexicon: Lexicon) -> bool:
    cues = lexicon.cues["negation_adverbs"]
    return any(c.dep_ == "advmod" and view.token_has(cues, c.i) for c in verb.children)


def tense_reason(cand: Candidate) -> str | None:
    """Future or present conditional on the trigger (or on the verb a noun trigger depends on)."""
    verb = governing_verb(cand.token)
    if verb is None:
        return None
    auxes = [c for c in verb.children if c.dep_.startswith("aux")]
    for form in [verb, *auxes]:
        if "Fut" in form.morph.get("Tense", []):
            return "future"
    if "Cnd" in verb.morph.get("Mood", []):
        return "hypothetical (conditional)"
    if any("Cnd" in aux.morph.get("Mood", []) for aux in auxes):
        cand.reported = True  # "aurait été interpellé": reported, kept with a lower confidence
    return None


# How many nouns and prepositions a noun trigger's verb may be above it ("tiendra ... une réunion").
NOUN_TO_VERB_STEPS = 3


def governing_verb(token: Token) -> Token | None:
    """The trigger itself when a verb, else the nearest verb above a noun trigger (through nouns only)."""
    current = token
    for _ in range(NOUN_TO_VERB_STEPS + 1):
        if current.pos_ in ("VERB", "AUX"):
            return current
        if current.head is current or current.dep_ in ("conj", "parataxis", "appos"):
            return None
        current = current.head
    return None


def governor_reason(token: Token, view: DocView, lexicon: Lexicon, plover: str) -> str | None:
    """A governing verb that makes the trigger planned, requested, hypothetical or denied."""
    cues = lexicon.cues
    current = token
    while current.dep_ == "conj" and current.head is not current:  # "va rester ensemble et combattre"
        current = current.head
        if view.token_has(cues["modal_governors"], current.i) and _future_or_conditional(current):
            return f"hypothetical ({current.lemma_})"
    for _ in range(GOVERNOR_DEPTH):
        if current.dep_ not in GOVERNED_DEPS or current.head is current:
            return None
        if any(c.dep_ == "mark" and view.token_has(cues["hypothetical_marks"], c.i) for c in current.children):
            return "hypothetical (si/pour)"
        governor = current.head
        if governor.pos_ not in ("VERB", "AUX", "NOUN", "ADJ"):  # the tagger often mistakes "menace" for a noun
            return None
        if view.token_has(cues["denial_governors"], governor.i):
            return f"denied ({governor.lemma_})"
        clause_verb = next((t for t in (token, current) if t.pos_ in ("VERB", "AUX")), current)
        if view.token_has(cues["claim_governors"], governor.i) and is_claimed_behaviour(clause_verb):
            return f"claimed ({governor.lemma_})"
        if view.token_has(cues["blocking_governors"], governor.i) or (
            governor.pos_ == "NOUN" and view.token_has(cues["blocking_before_noun"], governor.i)
        ):  # "menace d'attaquer", "avec l'objectif de lancer une attaque"
            return f"not happened ({governor.lemma_})"
        if view.token_has(cues["modal_governors"], governor.i) and _future_or_conditional(governor):
            return f"hypothetical ({governor.lemma_})"
        current = governor
    return None


def is_claimed_behaviour(complement: Token) -> bool:
    """The complement of an accusation is a claimed behaviour when it is a simple infinitive ("accuse Kiev de
    bloquer"); a perfect infinitive ("d'avoir bombardé") reports a past act, a noun ("d'une attaque") an event."""
    if complement.pos_ not in ("VERB", "AUX") or "Inf" not in complement.morph.get("VerbForm", []):
        return False
    return not any(c.dep_ in ("aux", "aux:tense") and c.lemma_ in ("avoir", "être") for c in complement.children)


def _future_or_conditional(verb: Token) -> bool:
    morph_tense, morph_mood = verb.morph.get("Tense", []), verb.morph.get("Mood", [])
    if "Fut" in morph_tense or "Cnd" in morph_mood:
        return True
    # "va attaquer": aller in the present is a near future
    return verb.lemma_ == "aller" and "Pres" in morph_tense


def infinitive_reason(token: Token, view: DocView, lexicon: Lexicon) -> str | None:
    """An infinitive trigger introduced by a purpose or condition word ("pour déloger", "afin d'y manifester",
    "de crainte d'être tués")."""
    passive_inf = any(c.dep_ == "aux:pass" and "Inf" in c.morph.get("VerbForm", []) for c in token.children)
    if "Inf" not in token.morph.get("VerbForm", []) and not passive_inf:
        return None
    start = max(view.sentence(token).start, token.i - VERB_WINDOW_BEFORE)
    found = view.find(lexicon.cues["hypothetical_marks"], start, token.i)
    return f"purpose or condition ({view.lower[found]} ...)" if found is not None else None


def descriptive_reason(cand: Candidate) -> str | None:
    """A present participle describing a noun ("une opération visant Daech") is a property, not an event."""
    token = cand.token
    if cand.trigger.spec.family != "violence" or token.dep_ != "acl":
        return None
    morph = token.morph
    present_participle = "Part" in morph.get("VerbForm", []) and "Pres" in morph.get("Tense", [])
    return "descriptive participle" if present_participle else None


def continues_event(token: Token, view: DocView, lexicon: Lexicon) -> bool:
    """A trigger that is the subject of a verb of continuation ("les combats se poursuivaient lundi")
    refers to an event already told."""
    return token.dep_.startswith("nsubj") and view.token_has(lexicon.cues["continuation_verbs"], token.head.i)


def is_demonstrative(token: Token) -> bool:
    """A noun trigger with a demonstrative determiner ("ce raid", "ces attentats") points back to an event
    the text has told, even under another word."""
    return token.pos_ == "NOUN" and any(
        c.dep_ == "det" and "Dem" in c.morph.get("PronType", []) for c in token.children)


def is_anaphoric(token: Token) -> bool:
    """A singular noun trigger with a definite, demonstrative or possessive determiner ("l'attaque", "cette
    offensive", "du massacre", "le lancement de son offensive"), or a plural one with a demonstrative ("ces
    attentats"), usually refers back to an event already reported."""
    if token.pos_ != "NOUN":
        return False
    if "Plur" in token.morph.get("Number", []):  # "ces attaques" refers back; "les combats" may be new
        return any(c.dep_ == "det" and "Dem" in c.morph.get("PronType", []) for c in token.children)
    for child in token.children:
        if child.dep_ == "det" and ("Def" in child.morph.get("Definite", []) or "Dem" in child.morph.get("PronType", [])
                                    or "Yes" in child.morph.get("Poss", [])):
            return True
        if child.dep_ == "case" and child.lower_ in ("du", "au"):
            return True
    return False


def generic_reason(token: Token, view: DocView, lexicon: Lexicon) -> str | None:
    """A habitual or generic statement ("sont régulièrement ciblés", "depuis des mois"), when the cue is in the
    trigger's clause or a clause above it, or in a clause describing the trigger ("des attaques qui se répètent
    souvent"); a cue in another clause ("des tirs sur la ville, qui ont provoqué la fuite des civils, parfois à
    pied") is not."""
    sent = view.sentence(token)
    own = clause_of(token)
    start = sent.start
    while (found := view.find(lexicon.cues["generic_cues"], start, sent.end)) is not None:
        clause = clause_of(view.doc[found])
        describes = clause.dep_ in ("acl:relcl", "acl") and clause.head.i in (token.i, token.head.i)
        if clause.i == own.i or clause.is_ancestor(token) or describes:
            return f"generic ({view.lower[found]} ...)"
        start = found + 1
    return None


# Relations that open a clause of their own: a cue below one of them speaks of that clause only.
CLAUSE_DEPS = frozenset({"acl:relcl", "advcl", "ccomp", "csubj", "parataxis", "acl"})


def clause_of(token: Token) -> Token:
    """The head word of the clause a token belongs to (its root, or the verb of the relative, adverbial or
    complement clause it is in); xcomp and conjuncts stay in their governor's clause."""
    current = token
    while current.head.i != current.i and current.dep_ not in CLAUSE_DEPS:
        current = current.head
    return current


# How many "de" complements up a noun trigger a blocking noun is looked for ("le caractère systématique de
# certaines des attaques": two steps).
NMOD_STEPS = 2


def noun_context_reason(token: Token, view: DocView, lexicon: Lexicon) -> str | None:
    """'menace d'attentat', 'en cas d'offensive', 'la manifestation prévue jeudi'; a blocking noun may also govern
    the trigger from further away through complements ("le caractère systématique de certaines des attaques")."""
    if token.pos_ != "NOUN":
        return None
    current = token
    for _ in range(NMOD_STEPS):
        if current.dep_ != "nmod" or current.head.i == current.i:
            break
        current = current.head
        if current.pos_ == "NOUN" and view.token_has(lexicon.cues["blocking_before_noun"], current.i):
            return f"not happened ({view.lower[current.i]} ...)"
    sent = view.sentence(token)
    before = view.find(lexicon.cues["blocking_before_noun"], max(sent.start, token.i - NOUN_WINDOW_BEFORE), token.i)
    if before is not None:
        return f"not happened ({view.lower[before]} ...)"
    after = view.find(lexicon.cues["blocking_after_noun"], token.i + 1, min(sent.end, token.i + 1 + NOUN_WINDOW_AFTER))
    if after is not None:
        return f"planned (... {view.lower[after]})"
    return None


def equipment_reason(token: Token, view: DocView, lexicon: Lexicon) -> str | None:
    """A noun trigger naming what equipment or a unit is for ("fusils d'assaut", "char de combat", "unité
    d'attaque") qualifies that noun: it reports no event."""
    if token.pos_ != "NOUN" or token.dep_ != "nmod":
        return None
    if not view.token_has(lexicon.cues["equipment_heads"], token.head.i):
        return None
    of = any(c.dep_ == "case" and c.lower_ in ("de", "d'", "d’") for c in token.children)
    return "equipment name" if of else None


# Tokens after a fighting verb searched for a membership cue ("a combattu pendant deux ans dans les rangs de").
MEMBERSHIP_WINDOW = 5


def membership_reason(cand: Candidate, view: DocView, lexicon: Lexicon) -> str | None:
    """A fighting verb followed by "dans les rangs de", "au sein de" says whose side someone fought on (a
    membership), not that a battle happened."""
    token = cand.token
    if cand.trigger.spec.family != "violence" or token.pos_ not in ("VERB", "AUX"):
        return None
    sent = view.sentence(token)
    end = min(sent.end, token.i + 1 + MEMBERSHIP_WINDOW)
    found = view.find(lexicon.cues["membership_cues"], token.i + 1, end, phrase_end=sent.end)
    return "membership, not an event" if found is not None else None


def period_reason(cand: Candidate, view: DocView, lexicon: Lexicon) -> str | None:
    """Violence qualified by a period of months ("ont tué d'octobre à fin mai au moins 514 civils", "tuées
    depuis octobre") is a cumulative toll over many events: an aggregate, not one event. A sentence that also
    gives days ("depuis février, dont 12 morts à Koro le 3 mars") lists its events: kept."""
    token = cand.token
    if cand.plover not in VIOLENT_PLOVER:
        return None
    verb = governing_verb(token)
    anchors = {token.i} | ({verb.i} if verb is not None else set())
    sent = view.sentence(token)
    months = [i for i in range(sent.start + 1, sent.end) if view.token_has(lexicon.cues["months"], i)]
    if any(view.doc[i - 1].like_num or view.lower[i - 1] == "1er" for i in months):
        return None
    for i in months:
        if view.doc[i].head.i not in anchors:
            continue
        if view.token_has(lexicon.cues["period_marks"], i - 1):
            return f"cumulative ({view.lower[i - 1]} {view.lower[i]} ...)"
    return None


def instrument_reason(token: Token, view: DocView, lexicon: Lexicon) -> str | None:
    """A weapon word that nothing uses: no verb governs it and its head is not a firing noun ("un arsenal de
    lance-roquettes", "un véhicule contenant des explosifs")."""
    if token.pos_ not in ("NOUN", "PROPN") or not view.token_has(lexicon.cues["instrument_words"], token.i):
        return None
    if token.dep_ in ("flat:name", "compound", "fixed"):  # part of a name: "lance-roquettes"
        return None if view.token_has(lexicon.cues["instrument_heads"], token.head.i) else "instrument only"
    head = token
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    governor = head.head
    if governor is not head and view.token_has(lexicon.cues["possession_verbs"], governor.i):
        return "instrument only"  # held, found or seized, not used
    if governor is head or head.dep_ in ("nsubj", "nsubj:pass", "obj", "obl:agent", "obl:arg"):
        return None  # the subject or object of a verb: "des obus sont tombés", "ont tiré des roquettes"
    if governor.pos_ in ("VERB", "AUX"):
        return None
    if view.token_has(lexicon.cues["instrument_heads"], governor.i):
        return None
    return "instrument only"


def general_clause_reason(token: Token, view: DocView, lexicon: Lexicon) -> str | None:
    """A trigger in a present-tense clause opened by "quand"/"lorsque": a general statement ("quand on fait
    une simple manifestation, ..."), not a report."""
    verb = governing_verb(token)
    if verb is None or "Pres" not in verb.morph.get("Tense", []):
        return None
    for child in verb.children:
        if child.dep_ == "mark" and view.token_has(lexicon.cues["generic_marks"], child.i):
            return f"general statement ({child.lower_} ...)"
    return None


def threat_governor(token: Token, view: DocView, lexicon: Lexicon) -> Token | None:
    """The verb of intent or threat that governs a violent trigger ("entend poursuivre les attentats"),
    within three steps up the head chain, or None."""
    return head_with_cue(token, view, lexicon.cues["threat_governors"], GOVERNOR_DEPTH + 1)


def head_with_cue(token: Token, view: DocView, cues, steps: int) -> Token | None:
    """The first head up `token`'s chain, within `steps` steps, that is one of `cues`, or None."""
    current = token
    for _ in range(steps):
        if current.head is current:
            return None
        current = current.head
        if view.token_has(cues, current.i):
            return current
    return None


def negated_by_sans(token: Token, view: DocView, lexicon: Lexicon) -> bool:
    """'sans céder', 'sans affrontement': an absence, not a stated refusal."""
    cues = lexicon.cues["negation_prepositions"]
    return any(c.dep_ in ("mark", "case") and view.token_has(cues, c.i) for c in token.children)


AGENT_DEPS = frozenset({"nsubj", "nsubj:pass", "obl:agent"})


def person_reason(token: Token, view: DocView, lexicon: Lexicon) -> str | None:
    """A noun of people ("manifestants", "assaillants") announces an event only as the agent of a verb;
    "côté manifestants" or "les combats contre les assaillants" name a group (the other trigger counts)."""
    if token.pos_ != "NOUN" or not view.token_has(lexicon.cues["person_triggers"], token.i):
        return None
    head = token
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    if head.dep_ in AGENT_DEPS and head.head.pos_ in ("VERB", "AUX"):
        if view.token_has(lexicon.cues["opinion_verbs"], head.head.i):
            return "a group's opinion, not an action"
        return None
    return "a group, not an action"


def is_statement_topic(token: Token, view: DocView, lexicon: Lexicon) -> bool:
    """A violence noun governed, within two steps, by a statement about it ("Paris condamne l'offensive",
    "réclame la fin des bombardements"): it refers to an event reported elsewhere."""
    return token.pos_ == "NOUN" and head_with_cue(
        token, view, lexicon.cues["statement_governors"], GOVERNOR_DEPTH) is not None
