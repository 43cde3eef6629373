"""Casualty phrases: how many were killed or injured, with bounds."""

from __future__ import annotations

from spacy.tokens import Doc


def find_casualties(doc: Doc) -> list:
    """Find killed/injured figures in `doc` (not implemented yet: finds none)."""
    return []
