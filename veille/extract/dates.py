"""French temporal expressions, resolved against the publication date (TIMEX3 values)."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from veille.model import DateMention


def find_dates(doc: Doc, published: dt.date) -> list[DateMention]:
    """Detect and normalise the temporal expressions of `doc` (not implemented yet: finds none)."""
    return []
