"""French temporal expressions, resolved against the publication date (TIMEX3 values)."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from veille.extract.mentions import EventDate
from veille.model import DateMention


def find_dates(doc: Doc, published: dt.date) -> list[DateMention]:
    """Detect and normalise the temporal expressions of `doc` (not implemented yet: finds none)."""
    return []


def date_for_event(doc: Doc, trigger_i: int, dates: list[DateMention], published: dt.date) -> EventDate:
    """The date of the event whose trigger is token `trigger_i` (not implemented yet: publication date)."""
    return EventDate(value=published.isoformat(), precision="unknown", text=None)
