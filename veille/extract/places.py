"""Toponyms in articles, resolved with the offline gazetteer."""

from __future__ import annotations

from spacy.tokens import Doc

from veille.model import PlaceMention


def find_places(doc: Doc, resolver=None) -> list[PlaceMention]:
    """Find and resolve the place names of `doc` (not implemented yet: finds none)."""
    return []
