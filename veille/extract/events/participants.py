"""Who acts in an event: actor1 (the initiator) and actor2 (the target), from the parse and the actor layer.

The agent phrase is read first (subject, `par X` of a passive); a pronoun subject ("Ils ont pris ...") is
resolved to the nearest earlier actor mention; a noun trigger's own modifiers name the attacker ("des tirs
d'artillerie turcs", "les frappes israéliennes"). What the text leaves implicit is filled after merging by
`default_actor1`, from the ACLED coding conventions (a protest's actor is its protesters, an unattributed
attack's is the unidentified armed group of the country).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from veille.extract.actors import ActorKB, actor_for_span, armed_forces_of, role_actor
from veille.extract.events.classify import agent_phrases, patient_phrases
from veille.extract.events.lexicon import Lexicon
from veille.extract.events.scope import is_anaphoric
from veille.extract.mentions import Mentions
from veille.lang.fr.phrases import argument_phrase
from veille.lang.fr.text import normalise, stem
from veille.lang.fr.words import DE_FORMS, SUBJECT_PRONOUNS
from veille.model import Actor
from veille.nlp.sentences import sentences

# ACLED event types whose initiator is an armed actor: a government named as attacker stands for its forces.
ARMED_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# Subject pronouns that refer back to an actor named before ("Ils ont pris le contrôle de ...").
# Actor types a pronoun may stand for in an event (not a person's relative, not a civilian victim).
ANTECEDENT_TYPES = frozenset({"state", "rebel", "political_militia", "identity_militia", "external", "government",
                              "political_party", "organisation", "person", "rioters", "protesters"})
# How many characters back a pronoun's antecedent may be (about two sentences).
ANTECEDENT_REACH = 400
# Verbs climbed at most to find the subject an infinitive, a coordinated verb or a gerund shares.
MAX_SUBJECT_CLIMB = 4
# Prepositions of a noun trigger's complement that may name its author ("l'offensive de l'armée").
AUTHOR_CASES = DE_FORMS
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
    trigger: Token, acled: tuple[str, str] | None, mentions: Mentions, kb: ActorKB, lexicon: Lexicon
) -> tuple[Actor | None, Actor | None]:
    """actor1 and actor2 of the event the trigger announces."""
    country = mentions.country
    armed = acled is not None and acled[0] in ARMED_TYPES
    actor1 = _first_actor(_agent_phrases(trigger, lexicon), country, armed, mentions, kb)
    if actor1 is None and trigger.pos_ in ("NOUN", "PROPN"):
        remote = acled is not None and acled[0] == "Explosions/Remote violence"
        actor1 = _author_of_noun(trigger, country, armed, remote, kb)
    if actor1 is None and _has_possessive(trigger):  # "X s'est déclaré satisfait de ses discussions avec Y"
        actor1 = _first_actor(_governing_subjects(trigger), country, armed, mentions, kb)
    if actor1 is None:  # "en menant des attaques ..., les jihadistes ont ...", "a reconnu ... retenir en otages"
        actor1 = _first_actor(_shared_subjects(trigger, lexicon), country, armed, mentions, kb)
    actor2 = _first_actor(patient_phrases(trigger), country, False, mentions, kb)
    if actor2 is None and armed:  # "ont attaqué le village, tuant douze civils": the victims of the gerund
        actor2 = _first_actor(_gerund_victims(trigger), country, False, mentions, kb)
    if actor1 is None and trigger.pos_ == "NOUN":  # "des pourparlers entre X et Y", "des combats entre X et Y"
        first, second = _parties(trigger)
        actor1 = _first_actor(first, country, armed, mentions, kb)
        actor2 = actor2 or (_first_actor(second, country, armed, mentions, kb) if actor1 is not None else None)
    if actor2 is not None and actor1 is not None and actor2.name == actor1.name:
        actor2 = None
    return actor1, actor2


def _agent_phrases(trigger: Token, lexicon: Lexicon) -> list[list[Token]]:
    """The agent phrases of `classify.agent_phrases`, corrected for two cases of a noun trigger:
    a "par X" the parser hung on the verb rather than on the noun ("condamne le ciblage par les forces X"),
    and a statement about the event ("Paris condamne l'offensive"): who condemns did not attack."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return agent_phrases(trigger)
    stray = _stray_agent(trigger)
    if stray is not None:
        return [argument_phrase(stray)]
    phrases = agent_phrases(trigger)
    if _is_statement_topic(trigger, lexicon):
        phrases = [p for p in phrases if any(t.head is trigger for t in p)]
    return phrases


def _parties(trigger: Token) -> tuple[list[list[Token]], list[list[Token]]]:
    """The two parties of a noun trigger's "entre X et Y" (a meeting, talks, clashes): coders give the first
    as actor1, the second as actor2."""
    for child in trigger.children:
        if any(c.dep_ == "case" and c.lower_ == "entre" for c in child.children):
            first = argument_phrase(child)
            others = [c for c in child.children if c.dep_ == "conj"]
            # the parser often hangs "et Y" on the trigger itself ("les négociations entre X et Y ont repris")
            others = others or [c for c in trigger.children if c.dep_ == "conj" and c.i == first[-1].i + 2
                                and c.nbor(-1).lower_ == "et"]
            return [first], [argument_phrase(c) for c in others[:1]]
    return [], []


def _stray_agent(trigger: Token) -> Token | None:
    """The head of a "par X" right after a noun trigger, its complements and adjectives ("le bombardement
    meurtrier du marché par les forces X"), that the parser attached elsewhere (to the governing verb)."""
    doc = trigger.doc
    own = {t.i for t in trigger.subtree}
    i = trigger.i + 1
    while i < len(doc) and (i in own or doc[i].pos_ == "ADJ"):
        i += 1
    if i >= len(doc) or doc[i].lower_ != "par" or doc[i].dep_ != "case":
        return None
    head = doc[i].head
    if head.head is trigger or head.pos_ not in ("NOUN", "PROPN"):
        return None  # attached to the trigger: `agent_phrases` reads it already
    return head


def _is_statement_topic(trigger: Token, lexicon: Lexicon) -> bool:
    """Whether a noun trigger is the object of a statement verb ("condamne l'offensive", "exige l'arrêt")."""
    head = trigger.head
    cues = lexicon.cues["statement_governors"]
    return trigger.dep_ == "obj" and head.pos_ == "VERB" and (
        normalise(head.lemma_) in cues.words or stem(head.lemma_) in cues.words)


def _shared_subjects(trigger: Token, lexicon: Lexicon) -> list[list[Token]]:
    """The subject a trigger shares with the clause it depends on, up a chain of infinitives, coordinated
    verbs and gerunds ("ont reconnu avoir abattu un avion et retenir en otages", "en menant des attaques,
    les jihadistes ont"); a noun trigger starts from its verb ("ont pris en otage", "ont mené une attaque").
    French infinitive and gerund clauses have no subject of their own: it is the governing clause's (through
    an adjective too: "s'est dit prêt à coopérer")."""
    verb = trigger
    if trigger.pos_ in ("NOUN", "PROPN"):
        if not _is_object(trigger) or _is_statement_topic(trigger, lexicon):
            return []
        verb = trigger.head
    gerund: Token | None = None
    for _ in range(MAX_SUBJECT_CLIMB):
        if verb.pos_ not in ("VERB", "AUX", "ADJ"):  # an adjective: "s'est dit prêt à coopérer"
            break
        subjects = [argument_phrase(c) for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects
        gerund = gerund or (verb if _is_gerund(verb) else None)
        if not _has_no_subject_of_its_own(verb) or verb.head is verb:
            break
        verb = verb.head
    if gerund is not None and _opens_sentence(gerund):  # "En menant des attaques ..., les jihadistes ont ..."
        # the subject after the gerund, however it was parsed
        after = [t for t in sentences(gerund.doc).of(gerund) if t.i > gerund.i and _is_subject(t)]
        return [argument_phrase(after[0])] if after else []
    return []


def _opens_sentence(verb: Token) -> bool:
    """Whether no finite verb comes before `verb` in its sentence: an opening gerund's subject follows it."""
    return not any("Fin" in t.morph.get("VerbForm", []) for t in verb.doc[sentences(verb.doc).of(verb).start : verb.i])


def _is_object(noun: Token) -> bool:
    """An object, an idiom's complement ("prendre en otage", not a topic: "parler d'un attentat"), or a bare
    noun the parser took for an adjunct ("a lancé mercredi une offensive": no preposition, so an object)."""
    if noun.dep_ == "obj":
        return True
    if noun.dep_ == "obl:arg":  # "prendre en otage", "passer à tabac"; not "parler d'un attentat"
        return not any(c.dep_ == "case" and c.lower_ in AUTHOR_CASES for c in noun.children)
    return noun.dep_ == "obl:mod" and not any(c.dep_ == "case" for c in noun.children) and any(
        c.dep_ == "det" for c in noun.children)


def _has_no_subject_of_its_own(verb: Token) -> bool:
    """An infinitive complement, a verb coordinated with the one before, or a gerund/infinitive adjunct."""
    if verb.dep_ in ("xcomp", "conj"):
        return True
    return verb.dep_ == "advcl" and ("Inf" in verb.morph.get("VerbForm", []) or _is_gerund(verb))


def _is_gerund(verb: Token) -> bool:
    """"en menant": a present participle after "en"."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    return ("Part" in verb.morph.get("VerbForm", []) and "Pres" in verb.morph.get("Tense", [])
            and before is not None and before.lower_ == "en")


def _first_actor(
    phrases: list[list[Token]], country: str | None, armed: bool, mentions: Mentions, kb: ActorKB
) -> Actor | None:
    for tokens in phrases:
        if not tokens:
            continue
        if len(tokens) == 1 and tokens[0].lower_ in SUBJECT_PRONOUNS:
            actor = antecedent_actor(tokens[0], mentions, kb)
            actor = armed_forces_of(kb, actor, country) if armed and actor is not None else actor
        else:
            actor = actor_for_span(kb, _span(_with_apposed_name(tokens)), country, armed=armed)
        if actor is not None and armed and actor.type in NOT_ARMED_INITIATORS:
            continue
        if actor is not None:
            return actor
    return None


def _with_apposed_name(tokens: list[Token]) -> list[Token]:
    """A common-noun phrase with the person's name in apposition to it ("le président russe Vladimir Poutine",
    "le secrétaire d'État américain, John Kerry,"): the phrase denotes that person, in that capacity."""
    heads = [t for t in tokens if t.head not in tokens or t.head is t]
    if len(heads) != 1 or heads[0].pos_ != "NOUN":
        return tokens
    names = [c for c in heads[0].children if c.dep_ == "appos" and c.ent_type_ == "PER" and c.i > heads[0].i]
    if not names:
        return tokens
    return sorted(set(tokens) | set(names[0].subtree), key=lambda t: t.i)


def antecedent_actor(pronoun: Token, mentions: Mentions, kb: ActorKB) -> Actor | None:
    """The actor a subject pronoun stands for: the subject of its own sentence (before it) or of the
    previous one ("Les Brigades ... ont indiqué qu'elles ..."; "Le régime cible l'opposition. Ils ont ..."),
    a subject being the likelier antecedent of a subject pronoun than a complement; else the nearest earlier
    resolved mention, within two sentences, whose number agrees (plural pronoun, plural or collective
    antecedent are both accepted)."""
    actor = _subject_antecedent(pronoun, mentions.country, kb)
    if actor is not None:
        return actor
    start = pronoun.idx
    for entity in reversed(mentions.entities):
        if entity.end > start:
            continue
        if start - entity.end > ANTECEDENT_REACH:
            break
        known = entity.actor
        if known is None or known.type not in ANTECEDENT_TYPES:
            continue
        if pronoun.lower_ in ("ils", "elles") and (known.type == "person" or entity.label == "PER"):
            continue  # a plural pronoun stands for a group, not for one named person
        return Actor(name=known.name, text=entity.text, type=known.type, country=known.country)
    return None


def _subject_antecedent(pronoun: Token, country: str | None, kb: ActorKB) -> Actor | None:
    """The nearest clause subject before the pronoun in its sentence, else in the previous sentence (its
    main clause's first), that names an actor a pronoun of this number may stand for."""
    sents = sentences(pronoun.doc)
    sent = sents.of(pronoun)
    candidates = [t for t in reversed(sent[: pronoun.i - sent.start]) if _is_subject(t)]
    if sent.start > 0:
        previous = sents.of(pronoun.doc[sent.start - 1])
        subjects = [t for t in previous if _is_subject(t)]
        candidates += sorted(subjects, key=lambda t: (t.head.dep_ != "ROOT", -t.i))
    plural = pronoun.lower_ in ("ils", "elles")
    for subject in candidates:
        if not plural and "Plur" in subject.morph.get("Number", []):
            continue
        actor = actor_for_span(kb, _span(argument_phrase(subject)), country)
        if actor is None or actor.type not in ANTECEDENT_TYPES or (plural and actor.type == "person"):
            continue
        return actor
    return None


def _is_subject(token: Token) -> bool:
    return token.dep_ == "nsubj" and token.pos_ in ("NOUN", "PROPN")


def _has_possessive(token: Token) -> bool:
    return token.pos_ == "NOUN" and any(c.dep_ == "det" and "Yes" in c.morph.get("Poss", []) for c in token.children)


def _governing_subjects(token: Token) -> list[list[Token]]:
    """The subject phrases of the nearest verb above a noun (through at most three words): a possessive
    ("ses discussions", "leur offensive") refers to that subject."""
    current = token
    for _ in range(3):
        if current.head is current:
            break
        current = current.head
        if current.pos_ in ("VERB", "AUX", "ADJ"):
            subjects = [argument_phrase(c) for c in current.children if c.dep_ == "nsubj"]
            if subjects or current.pos_ != "ADJ":
                return subjects
    return []


def _author_of_noun(trigger: Token, country: str | None, armed: bool, remote: bool, kb: ActorKB) -> Actor | None:
    """The author a noun trigger names: a participle's agent ("des massacres perpétrés par X"), or the noun
    phrase with its `de` complements ("l'offensive de l'armée"), not its targets ("l'attaque contre le camp").
    A nationality adjective names the author only of remote violence (`remote`): "des tirs d'artillerie
    turcs" are the Turkish army's, "une attaque palestinienne" is not the Palestinian state's.
    A civilian or unknown reading is no author."""
    for child in trigger.children:
        if child.dep_ == "acl":
            agents = [g for g in child.children if g.dep_ == "obl:agent"]
            if agents:  # "perpétrés par X"; "confirmées par l'Observatoire" names a source, not an author
                actor = actor_for_span(kb, _span(argument_phrase(agents[0])), country, armed=armed)
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
    actor = actor_for_span(kb, _span(sorted(tokens, key=lambda t: t.i)), country, armed=armed)
    return actor if actor is not None and actor.type not in ("civilians", "person", "unknown") else None


# How far a bracket opened at the end of a phrase may close ("des Brigades unies du fleuve (BUF)").
BRACKET_REACH = 8


# Present participles that name the victims of the violence they follow ("..., tuant douze civils").
VICTIM_GERUNDS = frozenset({"tuer", "blesser", "massacrer", "enlever", "kidnapper", "exécuter", "abattre"})


def _gerund_victims(trigger: Token) -> list[list[Token]]:
    """The objects of a killing or wounding present participle later in the trigger's sentence, however the
    parser attached it (often to the nearest noun, not to the verb)."""
    sent = sentences(trigger.doc).of(trigger)
    for token in sent[trigger.i - sent.start + 1:]:
        if token.lemma_.lower() in VICTIM_GERUNDS and "Part" in token.morph.get("VerbForm", []) and (
                "Pres" in token.morph.get("Tense", [])):
            return [argument_phrase(c) for c in token.children if c.dep_ == "obj"]
    return []


def _span(tokens: list[Token]) -> Span:
    """The phrase's span; a bracket it opens is closed ("... alliées (ADF)") or dropped, never left open."""
    doc, start, end = tokens[0].doc, tokens[0].i, tokens[-1].i + 1
    if doc[end - 1].text in ("(", "["):
        closing = ")" if doc[end - 1].text == "(" else "]"
        close = next((t.i for t in doc[end:end + BRACKET_REACH] if t.text == closing), None)
        end = close + 1 if close is not None else end - 1
    return Span(doc, start, max(end, start + 1))


def default_actor1(
    acled: tuple[str, str] | None, actor1: Actor | None, mentions: Mentions, kb: ActorKB,
    claimant: Actor | None = None, authors: dict[str, Actor] | None = None,
) -> Actor | None:
    """actor1 where the text leaves it implicit or names only the crowd's nationality, by ACLED convention.
    Violence with no author at all is the group that claimed it (`claimant`), else the one author the article
    names for its other events of the same type (`authors`, see `named_authors`: "les rebelles du M23 ont
    attaqué X ... Cette nouvelle attaque"); else an air strike is the article's most mentioned armed state
    (only states fly), other violence the unidentified armed group."""
    country = mentions.country
    if acled is None:
        return actor1
    crowd = CROWD_ROLES.get(acled[0])
    if crowd is not None and (actor1 is None or actor1.type != crowd[1]):
        return role_actor(kb, crowd[0], country, actor1.text if actor1 is not None else None)
    unidentified = actor1 is None or actor1.name.startswith(UNIDENTIFIED)
    if claimant is not None and acled[0] in ARMED_TYPES and unidentified:  # "des hommes armés ... l'EI a revendiqué"
        return claimant.model_copy(update={"text": actor1.text if actor1 is not None else None})
    if actor1 is not None:
        return actor1
    author = (authors or {}).get(acled[1]) or (authors or {}).get(acled[0])
    if author is not None:
        return author.model_copy(update={"text": None})
    if acled[1] in AIR_TYPES:
        forces = dominant_forces(mentions, kb)
        if forces is not None:
            return forces
    role = DEFAULT_ROLES.get(acled[1]) or DEFAULT_ROLES.get(acled[0])
    return role_actor(kb, role, country) if role else None


UNIDENTIFIED = "Unidentified Armed Group"
# Verbs by which a group takes responsibility for violence ("l'EI a revendiqué l'attaque").
CLAIM_VERBS = frozenset({"revendiquer"})
# Non-state armed actors: an article's one named group is the author of its unattributed violence.
ARMED_GROUP_TYPES = frozenset({"rebel", "political_militia", "identity_militia"})
# State forces are that author only of the violence of heavy weapons (an air strike, shelling): forces named
# for an arrest or for killing an attacker did not commit the attack ("l'assaillant a été abattu par la police").
STATE_TYPES = frozenset({"state", "external"})
STATE_WEAPON_TYPES = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})


def named_authors(events: list[tuple[tuple[str, str] | None, Actor | None]]) -> dict[str, Actor]:
    """The one author the article names for its armed violence, by ACLED event type for armed groups and by
    sub-event type of heavy weapons for state forces ((acled, actor1) pairs); a type whose events name two
    authors ("l'armée a bombardé ... les rebelles ont pilonné ...") has none. A report on one offensive or
    on one group's raids tells some of them without repeating who acts; a coder gives them that author."""
    found: dict[str, dict[str, Actor]] = {}
    for acled, actor in events:
        if acled is None or acled[0] not in ARMED_TYPES or actor is None or actor.name.startswith(UNIDENTIFIED):
            continue
        if actor.type in ARMED_GROUP_TYPES:
            found.setdefault(acled[0], {})[actor.name] = actor
        elif actor.type in STATE_TYPES and acled[1] in STATE_WEAPON_TYPES:
            found.setdefault(acled[1], {})[actor.name] = actor
    return {kind: next(iter(names.values())) for kind, names in found.items() if len(names) == 1}


def claimant_of(mentions: Mentions, is_violence, kb: ActorKB) -> Actor | None:
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
        actor = _first_actor([argument_phrase(a) for a in agents], mentions.country, True, mentions, kb)
        if actor is not None and actor.type not in ("civilians", "unknown", "person", "political_militia"):
            found[actor.name] = actor
    return next(iter(found.values())) if len(found) == 1 else None


def dominant_forces(mentions: Mentions, kb: ActorKB) -> Actor | None:
    """The state or foreign forces the article mentions most often (ties: the first named), if any."""
    counts: dict[str, int] = {}
    first: dict[str, Actor] = {}
    for entity in mentions.entities:
        actor = entity.actor
        if actor is None or actor.type not in ("state", "external"):
            continue  # forces named as such; a government named in diplomacy is no evidence of air power
        forces = armed_forces_of(kb, Actor(name=actor.name, text=entity.text, type=actor.type, country=actor.country),
                                 mentions.country)
        if forces.type not in ("state", "external"):
            continue
        counts[forces.name] = counts.get(forces.name, 0) + 1
        first.setdefault(forces.name, forces)
    if not counts:
        return None
    return first[max(counts, key=lambda name: counts[name])]
