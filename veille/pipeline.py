"""From articles to article records: the spaCy parse once, then each mention layer, then events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from veille.extract.events import extract_events
from veille.extract.knowledge import load_knowledge
from veille.extract.layers import find_mentions
from veille.extract.mentions import Mentions
from veille.geo.resolver import get_resolver
from veille.model import Article, ArticleRecord
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
        self.knowledge = load_knowledge()  # every lexicon, compiled once and passed to the layers

    def extract(self, articles: Iterable[Article]) -> Iterator[ArticleRecord]:
        """Yield one record per article, in input order; documents go through nlp.pipe in batches."""
        pairs = ((article.text, article) for article in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.options.batch_size):
            yield self.extract_doc(doc, article)

    def extract_doc(self, doc: Doc, article: Article) -> ArticleRecord:
        """Run every mention layer on one parsed article, then the event extractor."""
        mentions = self.find_mentions(doc, article.published)
        events, aggregates = extract_events(mentions, article.id, self.knowledge)
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
        return find_mentions(doc, published, self.knowledge, self.resolver)


def extract_article(
    text: str, published: dt.date | str, article_id: str = "article", title: str | None = None
) -> ArticleRecord:
    """Extract one article from its text: the simplest entry point of the Python API."""
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    article = Article(id=article_id, text=text, published=published, title=title)
    return next(Extractor().extract([article]))
