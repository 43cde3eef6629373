"""Actor mentions: named entities and generic agents, normalised against the actor knowledge base."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from veille.model import Actor, EntityMention


def find_entities(doc: Doc, country: str | None = None) -> list[EntityMention]:
    """Find the entity mentions of `doc` and resolve them to actors (not implemented yet: finds none)."""
    return []


def actor_for_span(span: Span, country: str | None = None) -> Actor | None:
    """The actor a noun phrase denotes ("l'armée israélienne", "des hommes armés"); not implemented yet."""
    return None
