"""Every mention layer on one parsed article, in the order each needs the others' results.

The layers talk only through `veille.extract.mentions`: the geoparser's places give the article's main
country, which the actor layer needs; the quote layer reads the actor layer's entities; the event extractor
reads the whole `Mentions` bundle.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from veille.extract.actors import find_entities
from veille.extract.attributions import find_attributions
from veille.extract.casualties import find_casualties
from veille.extract.dates import find_dates
from veille.extract.knowledge import Knowledge
from veille.extract.mentions import Mentions
from veille.extract.places import find_places
from veille.extract.quotes import find_quotes
from veille.geo.resolver import Resolver
from veille.model import PlaceMention


def find_mentions(doc: Doc, published: dt.date, knowledge: Knowledge, resolver: Resolver) -> Mentions:
    """Every mention of one parsed article: places first (they give the main country), then the others."""
    places = find_places(doc, resolver, knowledge.places, knowledge.landmarks)
    return text_mentions(doc, published, knowledge, places, country=main_country(places))


def text_mentions(
    doc: Doc, published: dt.date, knowledge: Knowledge, places: list[PlaceMention] | None = None,
    country: str | None = None,
) -> Mentions:
    """Every mention layer but the geoparser, for places and a main country already known (a caller with its
    own gazetteer, or a test without one): dates, entities, casualties, attributions and quotes."""
    mentions = Mentions(doc=doc, published=published, places=list(places or []), country=country)
    mentions.dates = find_dates(doc, published, knowledge.temporal)
    mentions.entities = find_entities(knowledge.actors, doc, country=country)
    mentions.casualties = find_casualties(doc, knowledge.casualties)
    mentions.attributions = find_attributions(doc, knowledge.attributions)
    mentions.quotes = find_quotes(doc, mentions.entities, knowledge.quotes)
    return mentions


def main_country(places: list[PlaceMention]) -> str | None:
    """The country most places of the article resolve to (ties: the first mentioned)."""
    counts: dict[str, int] = {}
    for place in places:
        if place.country:
            counts[place.country] = counts.get(place.country, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None
