"""Actor mentions: named entities and generic agents, normalised against the actor knowledge base."""

from __future__ import annotations

from spacy.tokens import Doc

from veille.model import EntityMention


def find_entities(doc: Doc, kb=None, country: str | None = None) -> list[EntityMention]:
    """Find the entity mentions of `doc` and resolve them to actors (not implemented yet: finds none)."""
    return []
