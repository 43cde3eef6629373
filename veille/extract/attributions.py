"""Attributions of reports and figures ("selon Sana", "a indiqué une source militaire")."""

from __future__ import annotations

from spacy.tokens import Doc


def find_attributions(doc: Doc) -> list:
    """Find who each statement of `doc` is attributed to (not implemented yet: finds none)."""
    return []
