"""The bundle of mentions found in one analysed article, handed from the mention layers to events."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc

from veille.model import DateMention, EntityMention, PlaceMention, Quote


@dataclass
class Mentions:
    """Everything the mention layers found in one article; the event extractor reads it, never the reverse."""

    doc: Doc
    published: dt.date
    dates: list[DateMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    casualties: list = field(default_factory=list)  # list[veille.extract.casualties.Casualty]
    attributions: list = field(default_factory=list)  # list[veille.extract.attributions.Attribution]
    quotes: list[Quote] = field(default_factory=list)
    country: str | None = None  # the article's main country (ISO-2), from its resolved places
