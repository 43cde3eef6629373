"""Actor mentions: named entities and generic agents, normalised against the actor knowledge base.

Public API (the other layers call only these; each takes the knowledge base, built once by `load_kb()`):
- `find_entities(kb, doc, country)`: the article's entity mentions, each with its resolved actor or None;
- `actor_for_span(kb, span, country)`: the actor a noun phrase denotes (subjects and objects of event triggers);
- `resolve_actor_text(kb, text, country)`: the same for a plain string (speakers, sources);
- `armed_forces_of(kb, actor, country)`: a country's government as the forces that fight for it ("Ankara a
  bombardé" -> Military Forces of Turkey), for the event extractor to apply to violent events (or pass
  `armed=True` to `actor_for_span`);
- `role_actor(kb, role, country)`: a generic actor by role ("protesters", "civilians", "armed_group", "police"...)
  for an event whose actor the text leaves implicit (a protest with no named protesters).
"""

from __future__ import annotations

from typing import cast

from spacy.tokens import Span

from veille.extract.actors.context import person_in_context, sentence_country
from veille.extract.actors.entities import find_entities
from veille.extract.actors.kb import ActorKB, load_kb
from veille.extract.actors.resolve import Resolution, resolve_span, resolve_words, words_of_text
from veille.model import Actor, ActorType

__all__ = ["ActorKB", "actor_for_span", "armed_forces_of", "find_entities", "load_kb", "resolve_actor_text",
           "role_actor"]


def actor_for_span(kb: ActorKB, span: Span, country: str | None = None, *, armed: bool = False) -> Actor | None:
    """The actor a noun phrase denotes ("l'armée israélienne", "des hommes armés"), or None (a pronoun,
    "une source militaire"). `country` is the article's main country (ISO-2); when it is unknown, a country
    named in the phrase's sentence stands in. An unknown person is typed by a title found around their
    mentions ("le député LR Michel X"). `armed=True` is for the attacker of a violent event (battle,
    explosion, attack): a government then stands for its armed forces ("Ankara a bombardé")."""
    country = country or sentence_country(kb, span)
    resolution = resolve_span(kb, span, country)
    if resolution is not None:
        resolution = person_in_context(kb, span, resolution, country)
    actor = as_actor(resolution, span.text)
    return armed_forces_of(kb, actor, country) if armed and actor is not None else actor


def resolve_actor_text(kb: ActorKB, text: str, country: str | None = None) -> Actor | None:
    """`actor_for_span` for a plain string ("le ministère de la Santé du Hamas", "Tsahal")."""
    text = text.strip()
    if not text:
        return None
    words, root = words_of_text(text)
    return as_actor(resolve_words(words, root, country, kb), text)


def as_actor(resolution: Resolution | None, text: str) -> Actor | None:
    if resolution is None:
        return None
    return Actor(name=resolution.name, text=text, type=cast(ActorType, resolution.type), country=resolution.country)


def armed_forces_of(kb: ActorKB, actor: Actor, country: str | None = None) -> Actor:
    """The military forces of a "Government of X" actor or of its leader ("Erdogan a lancé une offensive")
    (state at home, external abroad); other actors (a named government body, a party) as is. Conflict coders
    name the forces, not the government, as the actor of an attack or a battle."""
    if actor.type != "government" or actor.country is None:
        return actor
    if actor.name != kb.role_name("government", actor.country) and actor.name in kb.organisation_names:
        return actor
    kind: ActorType = "state" if kb.is_home(actor.country, country) else "external"
    return Actor(name=kb.role_name("military", actor.country), text=actor.text, type=kind, country=actor.country)


def role_actor(kb: ActorKB, role: str, country: str | None = None, text: str | None = None) -> Actor:
    """The generic actor of a role of fr/actor_agents.yaml for a country ("protesters", "FR" -> Protesters
    (France)); raises KeyError for an unknown role. Forces abroad are not decided here (no place is given)."""
    kind = cast(ActorType, kb.roles[role][1])
    return Actor(name=kb.role_name(role, country), text=text, type=kind, country=country)
