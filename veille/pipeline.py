"""From articles to article records: the spaCy parse once, then each mention layer, then events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from veille.extract.actors import find_entities
from veille.extract.attributions import find_attributions
from veille.extract.casualties import find_casualties
from veille.extract.dates import find_dates
from veille.extract.events import extract_events
from veille.extract.mentions import Mentions
from veille.extract.places import find_places
from veille.extract.quotes import find_quotes
from veille.geo.resolver import get_resolver
from veille.model import Article, ArticleRecord, PlaceMention
from veille.nlp import load_nlp

# Documents per nlp.pipe batch: larger batches stopped helping beyond 32 on 2 cores.
BATCH_SIZE = 32


@dataclass
class Options:
    """What a run of extraction should do; built once and passed down."""

    include_text: bool = False
    batch_size: int = BATCH_SIZE


class Extractor:
    """Holds the heavy, read-only resources (model, gazetteer, lexicons), loaded once per process."""

    def __init__(self, options: Options | None = None, nlp: Language | None = None):
        self.options = options or Options()
        self.nlp = nlp or load_nlp()
        self.resolver = get_resolver()  # the gazetteer, built on first use, shared by places and events

    def extract(self, articles: Iterable[Article]) -> Iterator[ArticleRecord]:
        """Yield one record per article, in input order; documents go through nlp.pipe in batches."""
        pairs = ((article.text, article) for article in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.options.batch_size):
            yield self.extract_doc(doc, article)

    def extract_doc(self, doc: Doc, article: Article) -> ArticleRecord:
        """Run every mention layer on one parsed article, then the event extractor."""
        mentions = self.find_mentions(doc, article.published)
        events, aggregates = extract_events(mentions, article.id)
        return ArticleRecord(
            id=article.id,
            published=article.published.isoformat(),
            title=article.title,
            url=article.url,
            source=article.source,
            text=article.text if self.options.include_text else None,
            events=events,
            aggregate_claims=aggregates,
            quotes=mentions.quotes,
            dates=mentions.dates,
            places=mentions.places,
            entities=mentions.entities,
        )

    def find_mentions(self, doc: Doc, published: dt.date) -> Mentions:
        places = find_places(doc, self.resolver)
        return text_mentions(doc, published, places, country=main_country(places))


def text_mentions(
    doc: Doc, published: dt.date, places: list[PlaceMention] | None = None, country: str | None = None
) -> Mentions:
    """Every mention layer but the geoparser, for places and a main country already known (a caller with its
    own gazetteer, or a test without one): dates, entities, casualties, attributions and quotes."""
    mentions = Mentions(doc=doc, published=published, places=list(places or []), country=country)
    mentions.dates = find_dates(doc, published)
    mentions.entities = find_entities(doc, country=country)
    mentions.casualties = find_casualties(doc)
    mentions.attributions = find_attributions(doc)
    mentions.quotes = find_quotes(doc, mentions.entities)
    return mentions


def main_country(places: list[PlaceMention]) -> str | None:
    """The country most places of the article resolve to (ties: the first mentioned)."""
    counts: dict[str, int] = {}
    for place in places:
        if place.country:
            counts[place.country] = counts.get(place.country, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def extract_article(
    text: str, published: dt.date | str, article_id: str = "article", title: str | None = None
) -> ArticleRecord:
    """Extract one article from its text: the simplest entry point of the Python API."""
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    article = Article(id=article_id, text=text, published=published, title=title)
    return next(Extractor().extract([article]))
