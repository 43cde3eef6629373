"""Actor mentions: named entities and generic agents, normalised against the actor knowledge base.

Public API (the other layers call only these):
- `find_entities(doc, country)`: the article's entity mentions, each with its resolved actor or None;
- `actor_for_span(span, country)`: the actor a noun phrase denotes (subjects and objects of event triggers);
- `resolve_actor_text(text, country)`: the same for a plain string (speakers, sources).
"""

from __future__ import annotations

from spacy.tokens import Span

from veille.extract.actors.entities import find_entities
from veille.extract.actors.kb import load_kb
from veille.extract.actors.resolve import Resolution, resolve_span, text_span
from veille.model import Actor

__all__ = ["actor_for_span", "find_entities", "load_kb", "resolve_actor_text"]


def actor_for_span(span: Span, country: str | None = None) -> Actor | None:
    """The actor a noun phrase denotes ("l'armée israélienne", "des hommes armés"), or None (a pronoun,
    "une source militaire"). `country` is the article's main country (ISO-2)."""
    return as_actor(resolve_span(span, country), span.text)


def resolve_actor_text(text: str, country: str | None = None) -> Actor | None:
    """`actor_for_span` for a plain string ("le ministère de la Santé du Hamas", "Tsahal")."""
    text = text.strip()
    if not text:
        return None
    return as_actor(resolve_span(text_span(text), country), text)


def as_actor(resolution: Resolution | None, text: str) -> Actor | None:
    if resolution is None:
        return None
    return Actor(name=resolution.name, text=text, type=resolution.type, country=resolution.country)
