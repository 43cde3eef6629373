"""The entity mentions of an article: spaCy's named entities, knowledge-base names spaCy missed, generic agents."""

from __future__ import annotations

from typing import cast

from spacy.tokens import Doc, Span, Token

from veille.extract.actors.kb import ActorKB, word_parts
from veille.extract.actors.resolve import (
    Resolution,
    agent_matches,
    entry_resolution,
    named_matches,
    resolve_span,
    token_words,
    words_of,
)
from veille.model import ActorType, EntityActor, EntityMention

# Dependencies of a country or capital name that make it an actor ("Moscou a dénoncé"), not a place.
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "csubj"})


def find_entities(kb: ActorKB, doc: Doc, country: str | None = None) -> list[EntityMention]:
    """Every entity mention of `doc`, in text order, each with its resolved actor or None when unknown."""
    mentions = [mention_of_entity(kb, ent, country) for ent in doc.ents]
    taken = [False] * len(doc)
    for ent in doc.ents:
        taken[ent.start : ent.end] = [True] * (ent.end - ent.start)
    mentions += find_missed_names(kb, doc, taken, country)
    mentions += find_agents(kb, doc, taken, country)
    mentions.sort(key=lambda m: (m.start, -m.end))
    return mentions


def mention_of_entity(kb: ActorKB, ent: Span, country: str | None) -> EntityMention:
    """A spaCy entity resolved by name only: places become actors only as subjects (capital metonymy)."""
    words, root = words_of(ent)
    resolution: Resolution | None = None
    named = named_matches(kb, words, country)
    if named:
        best = max(named, key=lambda m: m.end - m.start)
        resolution = entry_resolution(kb, best.value, country)
    elif ent.label_ in ("ORG", "MISC") or (ent.label_ == "LOC" and ent.root.dep_ in SUBJECT_DEPS):
        # an organisation described rather than named ("ministère turc des Affaires étrangères");
        # places become actors only as subjects (capital metonymy)
        resolution = resolve_span(kb, ent, country)
    return EntityMention(text=ent.text, start=ent.start_char, end=ent.end_char, label=ent.label_,
                         actor=entity_actor(resolution))


def entity_actor(resolution: Resolution | None) -> EntityActor | None:
    if resolution is None or resolution.type == "unknown":
        return None
    return EntityActor(name=resolution.name, type=cast(ActorType, resolution.type), country=resolution.country)


def find_missed_names(kb: ActorKB, doc: Doc, taken: list[bool], country: str | None) -> list[EntityMention]:
    """Knowledge-base names outside spaCy's entities ("les FAMa", "le JNIM", "wazalendo"): one pass of lookups
    over the folded word parts; annotated words are built only where an alias starts."""
    keys: list[str] = []
    owners: list[int] = []  # token index of each part
    for token in doc:
        for _, key, _ in word_parts(token.text):
            keys.append(key)
            owners.append(token.i)
    found: list[EntityMention] = []
    i = 0
    while i < len(keys):
        hit = kb.named.match_at(keys, i) if keys[i] in kb.named.lengths else None
        if hit is None:
            i += 1
            continue
        length = hit[0]
        first, last = owners[i], owners[i + length - 1]
        if any(taken[first : last + 1]) or not token_aligned(owners, i, i + length):
            i += 1
            continue
        window = token_words(doc[first : last + 1])
        named = named_matches(kb, window, country)
        if named and named[0].end - named[0].start == length:
            resolution = entry_resolution(kb, named[0].value, country)
            start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
            found.append(EntityMention(text=doc[first : last + 1].text,
                                       start=start, end=end, label=resolution.label,
                                       actor=entity_actor(resolution)))
            taken[first : last + 1] = [True] * (last + 1 - first)
        i += length
    return found


def token_aligned(owners: list[int], start: int, end: int) -> bool:
    """Whether parts [start:end) begin and end at token boundaries (not "Hamas" inside "anti-Hamas");
    `owners` gives the token of each part."""
    return (start == 0 or owners[start - 1] != owners[start]) and (
        end == len(owners) or owners[end] != owners[end - 1])


def find_agents(kb: ActorKB, doc: Doc, taken: list[bool], country: str | None) -> list[EntityMention]:
    """Generic agents ("des hommes armés", "la foule", "les policiers") as AGENT mentions with their actor."""
    found: list[EntityMention] = []
    for token in doc:
        if taken[token.i] or token.pos_ not in ("NOUN", "PROPN"):
            continue
        parts = word_parts(token.text)
        if not parts or parts[0][1] not in kb.agents.lengths:
            continue
        words = token_words(doc[token.i : token.i + 8])
        matches = agent_matches(kb, words)
        if not matches or matches[0].start != 0:
            continue
        phrase = agent_phrase(token, words[matches[0].end - 1].i + 1)
        resolution = resolve_span(kb, phrase, country)
        if resolution is None:
            continue
        found.append(EntityMention(text=phrase.text, start=phrase.start_char, end=phrase.end_char, label="AGENT",
                                   actor=entity_actor(resolution)))
        for t in phrase:
            taken[t.i] = True
    return found


# Right-hand dependents kept in a generic agent's phrase ("des hommes armés non identifiés", "l'armée turque").
AGENT_RIGHT_DEPS = frozenset({"amod", "nummod", "fixed", "flat", "flat:name"})


def agent_phrase(head: Token, end: int) -> Span:
    """The noun phrase of an agent phrase ending before `end`: determiners, numbers, adjectives on the right."""
    start = min([head.i] + [c.left_edge.i for c in head.lefts if c.dep_ in ("det", "nummod", "amod")])
    for child in head.rights:
        if child.dep_ in AGENT_RIGHT_DEPS and child.i == end:
            end = child.right_edge.i + 1
        elif child.i == end and child.dep_ == "punct" and not word_parts(child.text):
            end = child.i + 1
    return head.doc[start:end]
