"""The mention types handed from the mention layers to the event extractor, and their bundle.

This module is the contract between layers: the date, place, actor, casualty, attribution and quote layers
fill a `Mentions`; `veille.extract.events` reads it, never the reverse. Offsets are character offsets into
the article text (`doc.text`), as everywhere in veille.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc

from veille.model import DateMention, EntityMention, PlaceMention, Quote


@dataclass(frozen=True)
class Casualty:
    """A killed or injured figure ("faisant 11 morts", "trois soldats ont été tués", "aucune victime")."""

    kind: Literal["killed", "injured"]
    value: int | None  # best estimate; None for vague counts ("des dizaines")
    low: int | None
    high: int | None
    approx: bool  # "au moins 43", "une dizaine", "plus de 100"
    start: int  # span of the whole casualty phrase
    end: int
    text: str
    victims: str | None = None  # the victim noun as written ("soldats", "civils"), if any
    negated: bool = False  # "n'a pas fait de victime": value 0
    provisional: bool = False  # "bilan provisoire" in the same sentence: the figure may rise


@dataclass(frozen=True)
class Attribution:
    """Who a statement or a figure is attributed to ("selon Sana", "a indiqué une source militaire")."""

    source: str  # the source as written, normalised a little ("Sana", "une source militaire")
    start: int  # span of the source mention
    end: int
    cue: str  # the cue: "selon", "d'après", "a indiqué", ...
    scope_start: int  # the text the attribution covers (usually its sentence or clause)
    scope_end: int


@dataclass(frozen=True)
class EventDate:
    """The date an event gets: from the expression governing it, or the publication date (precision unknown)."""

    value: str  # YYYY-MM-DD (for week/month/year precision: the first day of the period)
    precision: Literal["day", "week", "month", "year", "unknown"]
    text: str | None  # the words that give the date, or None when falling back to the publication date
    mention: DateMention | None = None


@dataclass
class Mentions:
    """Everything the mention layers found in one article."""

    doc: Doc
    published: dt.date
    dates: list[DateMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    casualties: list[Casualty] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    country: str | None = None  # the article's main country (ISO-2), from its resolved places
