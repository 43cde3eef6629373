"""Direct quotations and their speakers."""

from __future__ import annotations

from spacy.tokens import Doc

from veille.model import EntityMention, Quote


def find_quotes(doc: Doc, entities: list[EntityMention] | None = None) -> list[Quote]:
    """Find the quotations of `doc` with their speakers (not implemented yet: finds none)."""
    return []
