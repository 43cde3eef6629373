"""From articles to article records: the spaCy parse once, then each mention layer, then events.

`process` is the one batch policy every entry point uses (`veille extract`, `evaluate` and `run`, the
Python API's `Extractor.extract`, the tests): one record per input, in input order; an input that cannot
be read, or an exception in any layer, becomes that article's error record with the layer and the reason,
and the batch goes on. Only errors of the installation (a broken data file, a missing model or gazetteer)
stop it: they would fail every article the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from typing import Any, Literal

from spacy.language import Language
from spacy.tokens import Doc

from veille.errors import ExtractionError, GazetteerError, ModelError, ResourceError
from veille.extract.events import extract_events
from veille.extract.knowledge import load_knowledge
from veille.extract.layers import find_mentions
from veille.extract.mentions import Mentions
from veille.geo.resolver import get_resolver
from veille.ingest.records import Failure, article_from_mapping
from veille.model import Article, ArticleRecord
from veille.nlp import load_nlp

# Documents per nlp.pipe batch: larger batches stopped helping beyond 32 on 2 cores.
BATCH_SIZE = 32
# Errors of the installation, not of an article: they stop a batch with their message.
SETUP_ERRORS = (ResourceError, ModelError, GazetteerError)
# An error message longer than this is cut in records and failure rows (a reason, not a dump).
MAX_REASON_CHARS = 500

Status = Literal["ok", "failed", "skipped"]
# Modules that only call the layers in turn: an exception passing through them belongs to the layer below.
ORCHESTRATORS = frozenset({"veille.extract.layers"})


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

    def extract(self, articles: Iterable[Article | Mapping[str, Any]]) -> Iterator[ArticleRecord]:
        """Yield one record per article (a `veille.model.Article` or a plain dict with `text`, `published`,
        and optionally `id`, `title`, `url`, `source`), in input order; an article that cannot be processed
        gets a record whose `error` says why, and the others go on."""
        for outcome in process(articles, self):
            yield outcome.record

    def parse(self, articles: list[Article]) -> Iterator[tuple[Doc, Article]]:
        """The articles' spaCy documents, through nlp.pipe in batches."""
        pairs = ((article.text, article) for article in articles)
        return self.nlp.pipe(pairs, as_tuples=True, batch_size=self.options.batch_size)

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
    record = next(Extractor().extract([article]))
    if record.error is not None:
        raise ExtractionError(record.error)
    return record


# the batch policy


@dataclass
class Outcome:
    """What became of one input: its record (with `error` set unless ok) and, when read, its article."""

    record: ArticleRecord
    status: Status
    article: Article | None = None


def process(inputs: Iterable[Article | Mapping[str, Any] | Failure], extractor: Extractor) -> Iterator[Outcome]:
    """One outcome per input, in input order, streamed batch by batch (see the module docstring)."""
    numbered = enumerate(inputs, start=1)
    while chunk := list(islice(numbered, extractor.options.batch_size)):
        prepared = [prepare(item, number) for number, item in chunk]
        articles = [item for item in prepared if isinstance(item, Article)]
        records = iter(extract_isolated(articles, extractor))
        for item in prepared:
            if isinstance(item, Article):
                record = next(records)
                yield Outcome(record, "ok" if record.error is None else "failed", item)
            else:
                yield item


def prepare(item: Article | Mapping[str, Any] | Failure, number: int) -> Article | Outcome:
    """An article ready to extract, or the outcome of an input that is not one (read failures, bad dicts)."""
    if isinstance(item, Article):
        return item
    if isinstance(item, Mapping):
        item = article_from_mapping(item, "<input>", number, None)
        if isinstance(item, Article):
            return item
    if not isinstance(item, Failure):
        item = Failure(source="<input>", line=number,
                       reason=f"not an article: expected veille.model.Article or a dict, got {type(item).__name__}")
    record = ArticleRecord(id=item.id or item.label(), lang=None, error=f"{item.label()}: {item.reason}")
    return Outcome(record, "skipped" if item.kind == "skipped" else "failed")


def extract_isolated(articles: list[Article], extractor: Extractor) -> list[ArticleRecord]:
    """One record per article: an exception in a mention layer fails its article only; one in the parse
    (inside nlp.pipe, which cannot go on after it) makes the batch run again article by article."""
    try:
        return [extract_or_error(extractor, doc, article) for doc, article in extractor.parse(articles)]
    except SETUP_ERRORS:
        raise
    except Exception as exc:  # noqa: BLE001 - any parse error: find the article that causes it
        if len(articles) == 1:
            return [error_record(articles[0], exc)]
    return [record for article in articles for record in extract_isolated([article], extractor)]


def extract_or_error(extractor: Extractor, doc: Doc, article: Article) -> ArticleRecord:
    try:
        return extractor.extract_doc(doc, article)
    except SETUP_ERRORS:
        raise
    except Exception as exc:  # noqa: BLE001 - any error of a layer is this article's failure, not the batch's
        return error_record(article, exc)


def error_record(article: Article, exc: Exception) -> ArticleRecord:
    """The record of an article whose extraction raised: no mentions, and the layer and reason in `error`."""
    reason = " ".join(f"{type(exc).__name__}: {exc}".split())[:MAX_REASON_CHARS]
    return ArticleRecord(
        id=article.id, published=article.published.isoformat(), title=article.title, url=article.url,
        source=article.source, lang=None, error=f"extraction failed in {failing_layer(exc)}: {reason}",
    )


def failing_layer(exc: BaseException) -> str:
    """The layer an exception came from: the outermost `veille.extract` module on its traceback below the
    orchestrator that runs the layers in turn (the layer it called), "places" for the gazetteer, "parse" for
    spaCy, else "pipeline"."""
    modules = []
    tb = exc.__traceback__
    while tb is not None:
        modules.append(str(tb.tb_frame.f_globals.get("__name__", "")))
        tb = tb.tb_next
    for module in modules:
        if module.startswith("veille.extract.") and module not in ORCHESTRATORS:
            return module.split(".")[2]
    if any(module.startswith("veille.geo") for module in modules):
        return "places"
    if any(module.startswith(("spacy", "thinc", "veille.nlp")) for module in modules):
        return "parse"
    return "pipeline"

