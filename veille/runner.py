"""`veille run`: read sources, extract in worker processes, store each article exactly once.

The main process reads, deduplicates and writes (the only writer, one transaction per article); workers
each load the model once and extract chunks of articles. Killed at any moment, a batch started again skips
what is stored (same URL or same normalised text) and finishes the rest.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from itertools import islice

from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError, SQLAlchemyError

from veille.ingest.readers import Item, Reader, ReadOptions
from veille.ingest.records import Failure, SourcedArticle, with_distinct_id
from veille.model import ArticleRecord
from veille.store.store import Store
from veille.store.writer import text_hash, url_hash

# Articles sent to a worker at once: enough for nlp.pipe batching, small enough to keep workers even.
CHUNK_SIZE = 16
# Items read and checked against the store with one query.
READ_BLOCK = 64
# Chunks queued per worker: keeps every worker busy while bounding memory on huge corpora.
CHUNKS_PER_WORKER = 3
# Failures kept in the summary for display (all of them are in the store).
SUMMARY_FAILURES = 20
# A store error message longer than this is cut in the failure row.
MAX_REASON_CHARS = 500

# Store errors of the server or the connection, not of an article: they stop the batch (the run is then
# "interrupted" and a rerun resumes it). Any other store error fails its article only.
CONNECTION_ERRORS = (OperationalError, InterfaceError, DisconnectionError)

Keys = tuple[str | None, str]
Outcome = tuple[ArticleRecord | None, str | None]  # a record, or the reason extraction failed


@dataclass
class RunOptions:
    """What `veille run` should do; built once by the CLI."""

    workers: int = 1
    chunk_size: int = CHUNK_SIZE
    read: ReadOptions = field(default_factory=ReadOptions)


@dataclass
class RunSummary:
    """What a run did, for the final message and for tests."""

    run_id: int
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    events_by_type: dict[str, int] = field(default_factory=dict)
    events_by_country: dict[str, int] = field(default_factory=dict)
    worker_peak_rss_mb: dict[int, float] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {"read": self.read, "stored": self.stored, "duplicates": self.duplicates,
                "skipped": self.skipped, "failed": self.failed}

    @property
    def processed(self) -> int:
        """Inputs dealt with: stored, found already stored, or deliberately skipped (not French)."""
        return self.stored + self.duplicates + self.skipped


def run_batch(
    sources: Iterable[str],
    store: Store,
    options: RunOptions | None = None,
    progress: Callable[[int], None] | None = None,
) -> RunSummary:
    """Ingest, extract and store `sources`; returns the run's summary (also saved in `runs`)."""
    options = options or RunOptions()
    sources = list(sources)
    summary = RunSummary(run_id=store.start_run(sources, options.workers))
    batch = _Batch(store, summary, progress or (lambda _n: None))
    started = time.perf_counter()
    status = "interrupted"
    try:
        tasks = chunked(batch.new_articles(Reader(options.read).read(sources)), options.chunk_size)
        if options.workers <= 1:
            extract_in_process(tasks, batch)
        else:
            extract_in_workers(tasks, batch, options.workers)
        status = "done"
    finally:
        summary.seconds = time.perf_counter() - started
        store.finish_run(summary.run_id, summary.counts(), status)
    summary.events_by_type, summary.events_by_country = store.event_breakdown(summary.run_id)
    return summary


class _Batch:
    """The main process's side of a run: dedup before extraction, write and count after."""

    def __init__(self, store: Store, summary: RunSummary, progress: Callable[[int], None]):
        self.store, self.summary, self.progress = store, summary, progress
        self.seen: set[str] = set()  # keys submitted in this run (the store only knows finished ones)
        self.ids: set[str] = set()  # article ids submitted in this run

    def new_articles(self, items: Iterator[Item]) -> Iterator[tuple[SourcedArticle, Keys]]:
        """Articles not stored yet and not already queued in this run; failures are recorded on the way."""
        while block := list(islice(items, READ_BLOCK)):
            articles = []
            for item in block:
                self.summary.read += 1
                if isinstance(item, Failure):
                    self.record_failure(item)
                else:
                    articles.append((item, (url_hash(item.url), text_hash(item.text))))
            known = self.store.known_keys([k[0] for _, k in articles if k[0]], [k[1] for _, k in articles])
            taken = self.store.known_ids(article.id for article, _ in articles) | self.ids
            for article, keys in articles:
                if (keys[0] and keys[0] in known | self.seen) or keys[1] in known | self.seen:
                    self.summary.duplicates += 1
                    self.progress(1)
                    continue
                self.seen.update(key for key in keys if key)
                article = with_distinct_id(article, taken)  # another article has this id: never two
                self.ids.add(article.id)
                yield article, keys

    def record_failure(self, failure: Failure) -> None:
        self.store.add_failure(failure, self.summary.run_id)
        if failure.kind == "skipped":
            self.summary.skipped += 1
        else:
            self.summary.failed += 1
        if len(self.summary.failures) < SUMMARY_FAILURES:
            self.summary.failures.append(failure)
        self.progress(1)

    def write(self, chunk: list[tuple[SourcedArticle, Keys]], outcomes: list[Outcome]) -> None:
        for (article, keys), (record, error) in zip(chunk, outcomes, strict=True):
            where = {"source": article.origin or article.id, "line": article.line, "id": article.id}
            if record is None:
                self.record_failure(Failure(reason=str(error), **where))
                continue
            try:
                stored = self.store.add_article(article, record, self.summary.run_id, keys)
            except CONNECTION_ERRORS:
                raise
            except SQLAlchemyError as exc:  # this article's data: its failure, not the batch's
                reason = " ".join(str(getattr(exc, "orig", None) or exc).split())[:MAX_REASON_CHARS]
                self.record_failure(Failure(reason=f"store failed: {type(exc).__name__}: {reason}", **where))
                continue
            if stored:
                self.summary.stored += 1
            else:
                self.summary.duplicates += 1
            self.progress(1)


def chunked(items: Iterator, size: int) -> Iterator[list]:
    while chunk := list(islice(items, size)):
        yield chunk


# extraction, in this process or in workers

_extractor = None  # the worker's Extractor: one per process, loaded by _init_worker


def _init_worker() -> None:
    global _extractor
    from veille.pipeline import Extractor

    _extractor = Extractor()


def extract_chunk(articles: list[SourcedArticle]) -> tuple[int, float, list[Outcome]]:
    """Extract a chunk with this process's extractor, by the pipeline's policy (one bad article fails alone;
    a broken installation stops the batch)."""
    from veille.pipeline import process

    if _extractor is None:
        _init_worker()
    outcomes = [(o.record, None) if o.status == "ok" else (None, o.record.error)
                for o in process(articles, _extractor)]
    return os.getpid(), peak_rss_mb(), outcomes


def peak_rss_mb() -> float:
    """This process's peak resident memory (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def extract_in_process(tasks: Iterator[list[tuple[SourcedArticle, Keys]]], batch: _Batch) -> None:
    for chunk in tasks:
        pid, rss, outcomes = extract_chunk([article for article, _ in chunk])
        batch.summary.worker_peak_rss_mb[pid] = rss
        batch.write(chunk, outcomes)


def extract_in_workers(tasks: Iterator[list[tuple[SourcedArticle, Keys]]], batch: _Batch, workers: int) -> None:
    """Keep every worker fed with a bounded queue of chunks; write results as they come back."""
    context = multiprocessing.get_context("spawn")  # fresh workers: no inherited connections or locks
    pending: dict[Future, list] = {}
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker) as pool:
        try:
            for chunk in tasks:
                pending[pool.submit(extract_chunk, [article for article, _ in chunk])] = chunk
                if len(pending) >= workers * CHUNKS_PER_WORKER:
                    _collect(pending, batch, FIRST_COMPLETED)
            while pending:
                _collect(pending, batch, FIRST_COMPLETED)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _collect(pending: dict[Future, list], batch: _Batch, how: str) -> None:
    done, _ = wait(pending, return_when=how)
    for future in done:
        chunk = pending.pop(future)
        pid, rss, outcomes = future.result()
        batch.summary.worker_peak_rss_mb[pid] = max(rss, batch.summary.worker_peak_rss_mb.get(pid, 0.0))
        batch.write(chunk, outcomes)
