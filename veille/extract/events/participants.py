"""Who acts in an event: actor1 (the initiator) and actor2 (the target), from the parse and the actor layer.

The agent phrase is read first (subject, `par X` of a passive); a pronoun subject ("Ils ont pris ...") is
resolved to the nearest earlier actor mention; a noun trigger's own modifiers name the attacker ("des tirs
d'artillerie turcs", "les frappes israéliennes"). What the text leaves implicit is filled after merging by
`default_actor1`, from the ACLED coding conventions (a protest's actor is its protesters, an unattributed
attack's is the unidentified armed group of the country).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from veille.extract.actors import actor_for_span, armed_forces_of, role_actor
from veille.extract.events.classify import agent_phrases, noun_phrase, patient_phrases
from veille.extract.events.scope import is_anaphoric
from veille.extract.mentions import Mentions
from veille.model import Actor

# ACLED event types whose initiator is an armed actor: a government named as attacker stands for its forces.
ARMED_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# Subject pronouns that refer back to an actor named before ("Ils ont pris le contrôle de ...").
SUBJECT_PRONOUNS = frozenset({"il", "ils", "elle", "elles"})
# Actor types a pronoun may stand for in an event (not a person's relative, not a civilian victim).
ANTECEDENT_TYPES = frozenset({"state", "rebel", "political_militia", "identity_militia", "external", "government",
                              "political_party", "organisation", "person", "rioters", "protesters"})
# How many characters back a pronoun's antecedent may be (about two sentences).
ANTECEDENT_REACH = 400
# Prepositions of a noun trigger's complement that may name its author ("l'offensive de l'armée").
AUTHOR_CASES = frozenset({"de", "du", "des", "d'"})
# The implicit actor1 of an event type, by ACLED event type or sub-event type (a role of actor_agents.yaml).
DEFAULT_ROLES = {
    "Government regains territory": "military",
    "Protests": "protesters",
    "Riots": "rioters",
    "Arrests": "police",
    "Violence against civilians": "armed_group",
    "Battles": "armed_group",
    "Explosions/Remote violence": "armed_group",
}
# Actor types that never initiate armed violence in ACLED coding: a civilian reading of the agent phrase
# ("un tireur déguisé en femme"), an NGO or a UN office quoted as a source ("selon l'OSDH").
NOT_ARMED_INITIATORS = frozenset({"civilians", "organisation"})
# A protest's or riot's actor1 is always its crowd, whatever demonym the parse found ("des Palestiniens").
AIR_TYPES = frozenset({"Air/drone strike"})
CROWD_ROLES = {"Protests": ("protesters", "protesters"), "Riots": ("rioters", "rioters")}


def event_actors(
    trigger: Token, acled: tuple[str, str] | None, mentions: Mentions
) -> tuple[Actor | None, Actor | None]:
    """actor1 and actor2 of the event the trigger announces."""
    country = mentions.country
    armed = acled is not None and acled[0] in ARMED_TYPES
    actor1 = _first_actor(agent_phrases(trigger), country, armed, mentions)
    if actor1 is None and trigger.pos_ in ("NOUN", "PROPN"):
        remote = acled is not None and acled[0] == "Explosions/Remote violence"
        actor1 = _author_of_noun(trigger, country, armed, remote)
    if actor1 is None and _has_possessive(trigger):  # "X s'est déclaré satisfait de ses discussions avec Y"
        actor1 = _first_actor(_governing_subjects(trigger), country, armed, mentions)
    actor2 = _first_actor(patient_phrases(trigger), country, False, mentions)
    if actor2 is not None and actor1 is not None and actor2.name == actor1.name:
        actor2 = None
    return actor1, actor2


def _first_actor(phrases: list[list[Token]], country: str | None, armed: bool, mentions: Mentions) -> Actor | None:
    for tokens in phrases:
        if not tokens:
            continue
        if len(tokens) == 1 and tokens[0].lower_ in SUBJECT_PRONOUNS:
            actor = antecedent_actor(tokens[0], mentions)
            actor = armed_forces_of(actor, country) if armed and actor is not None else actor
        else:
            actor = actor_for_span(_span(tokens), country, armed=armed)
        if actor is not None and armed and actor.type in NOT_ARMED_INITIATORS:
            continue
        if actor is not None:
            return actor
    return None


def antecedent_actor(pronoun: Token, mentions: Mentions) -> Actor | None:
    """The actor a subject pronoun stands for: the nearest earlier resolved mention, within two sentences,
    whose number agrees (plural pronoun, plural or collective antecedent are both accepted)."""
    start = pronoun.idx
    for entity in reversed(mentions.entities):
        if entity.end > start:
            continue
        if start - entity.end > ANTECEDENT_REACH:
            break
        actor = entity.actor
        if actor is None or actor.type not in ANTECEDENT_TYPES:
            continue
        if pronoun.lower_ in ("ils", "elles") and (actor.type == "person" or entity.label == "PER"):
            continue  # a plural pronoun stands for a group, not for one named person
        return Actor(name=actor.name, text=entity.text, type=actor.type, country=actor.country)
    return None


def _has_possessive(token: Token) -> bool:
    return token.pos_ == "NOUN" and any(c.dep_ == "det" and "Yes" in c.morph.get("Poss") for c in token.children)


def _governing_subjects(token: Token) -> list[list[Token]]:
    """The subject phrases of the nearest verb above a noun (through at most three words): a possessive
    ("ses discussions", "leur offensive") refers to that subject."""
    current = token
    for _ in range(3):
        if current.head is current:
            break
        current = current.head
        if current.pos_ in ("VERB", "AUX", "ADJ"):
            subjects = [noun_phrase(c) for c in current.children if c.dep_ == "nsubj"]
            if subjects or current.pos_ != "ADJ":
                return subjects
    return []


def _author_of_noun(trigger: Token, country: str | None, armed: bool, remote: bool) -> Actor | None:
    """The author a noun trigger names: a participle's agent ("des massacres perpétrés par X"), or the noun
    phrase with its `de` complements ("l'offensive de l'armée"), not its targets ("l'attaque contre le camp").
    A nationality adjective names the author only of remote violence (`remote`): "des tirs d'artillerie
    turcs" are the Turkish army's, "une attaque palestinienne" is not the Palestinian state's.
    A civilian or unknown reading is no author."""
    for child in trigger.children:
        if child.dep_ == "acl":
            agents = [g for g in child.children if g.dep_ == "obl:agent"]
            if agents:  # "perpétrés par X"; "confirmées par l'Observatoire" names a source, not an author
                actor = actor_for_span(_span(noun_phrase(agents[0])), country, armed=armed)
                if actor is not None and not (armed and actor.type in NOT_ARMED_INITIATORS):
                    return actor
    tokens = [trigger]
    for child in trigger.children:
        if (child.dep_ == "amod" and remote) or (
            child.dep_ == "nmod" and any(c.dep_ == "case" and c.lower_ in AUTHOR_CASES for c in child.children)
        ):
            tokens.extend(child.subtree)
    if len(tokens) == 1:
        return None
    actor = actor_for_span(_span(sorted(tokens, key=lambda t: t.i)), country, armed=armed)
    return actor if actor is not None and actor.type not in ("civilians", "person", "unknown") else None


def _span(tokens: list[Token]) -> Span:
    return Span(tokens[0].doc, tokens[0].i, tokens[-1].i + 1)


def default_actor1(
    acled: tuple[str, str] | None, actor1: Actor | None, mentions: Mentions, claimant: Actor | None = None
) -> Actor | None:
    """actor1 where the text leaves it implicit or names only the crowd's nationality, by ACLED convention.
    An air strike with no named author is the article's most mentioned armed state (only states fly); other
    violence with no named author is the group that claimed it (`claimant`), else the unidentified armed group."""
    country = mentions.country
    if acled is None:
        return actor1
    crowd = CROWD_ROLES.get(acled[0])
    if crowd is not None and (actor1 is None or actor1.type != crowd[1]):
        return role_actor(crowd[0], country, actor1.text if actor1 is not None else None)
    unidentified = actor1 is None or actor1.name.startswith(UNIDENTIFIED)
    if claimant is not None and acled[0] in ARMED_TYPES and unidentified:  # "des hommes armés ... l'EI a revendiqué"
        return claimant.model_copy(update={"text": actor1.text if actor1 is not None else None})
    if actor1 is not None:
        return actor1
    if acled[1] in AIR_TYPES:
        forces = dominant_forces(mentions)
        if forces is not None:
            return forces
    role = DEFAULT_ROLES.get(acled[1]) or DEFAULT_ROLES.get(acled[0])
    return role_actor(role, country) if role else None


UNIDENTIFIED = "Unidentified Armed Group"
# Verbs by which a group takes responsibility for violence ("l'EI a revendiqué l'attaque").
CLAIM_VERBS = frozenset({"revendiquer"})


def claimant_of(mentions: Mentions, is_violence) -> Actor | None:
    """The one group the article says claimed its violence: the subject of "revendiquer" (or its "par X" in
    the passive) when what is claimed is violence (`is_violence(token)`: "l'attaque", "l'attentat", "l'a
    revendiqué"); None when nobody, or several groups, claimed anything ("revendiquer des droits" is no claim)."""
    found: dict[str, Actor] = {}
    for token in mentions.doc:
        if token.lemma_ not in CLAIM_VERBS or token.pos_ != "VERB":
            continue
        claimed = [c for c in token.children if c.dep_ in ("obj", "nsubj:pass")]
        if token.dep_ == "acl":  # "trois attaques, revendiquées par le groupe EI"
            claimed.append(token.head)
        # the event just reported ("l'attaque", "cet attentat", "l'a revendiqué"), not a set of earlier ones
        if not any((is_violence(c) and is_anaphoric(c)) or (c.pos_ == "PRON" and c.dep_ == "obj") for c in claimed):
            continue
        agents = [c for c in token.children if c.dep_ == "nsubj" or c.dep_ == "obl:agent"]
        actor = _first_actor([noun_phrase(a) for a in agents], mentions.country, True, mentions)
        if actor is not None and actor.type not in ("civilians", "unknown", "person", "political_militia"):
            found[actor.name] = actor
    return next(iter(found.values())) if len(found) == 1 else None


def dominant_forces(mentions: Mentions) -> Actor | None:
    """The state or foreign forces the article mentions most often (ties: the first named), if any."""
    counts: dict[str, int] = {}
    first: dict[str, Actor] = {}
    for entity in mentions.entities:
        actor = entity.actor
        if actor is None or actor.type not in ("state", "external"):
            continue  # forces named as such; a government named in diplomacy is no evidence of air power
        forces = armed_forces_of(Actor(name=actor.name, text=entity.text, type=actor.type, country=actor.country),
                                 mentions.country)
        if forces.type not in ("state", "external"):
            continue
        counts[forces.name] = counts.get(forces.name, 0) + 1
        first.setdefault(forces.name, forces)
    if not counts:
        return None
    return first[max(counts, key=lambda name: counts[name])]
