"""Speed benchmark: the whole extraction (Extractor) against bare spaCy fr_core_news_md, side by side.

Run from the repository root:  .venv/bin/python benchmarks/speed.py [N_ARTICLES]
Prints articles/s for bare spaCy and for the whole extraction, their ratio (target >= 0.80), the time the
event layer alone takes, and the peak memory of the process.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "orangesum-2000.jsonl"
DEFAULT_ARTICLES = 300
TARGET_RATIO = 0.80
CHUNK = 25  # articles per interleaved timing chunk


def read_articles(path: Path, limit: int) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for _, line in zip(range(limit), handle, strict=False)]


def main() -> int:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ARTICLES
    if not CORPUS.exists():
        print(f"corpus not found at {CORPUS}: nothing to measure")
        return 0
    import datetime as dt

    from veille.extract.events import extract_events
    from veille.model import Article
    from veille.nlp import load_nlp
    from veille.pipeline import BATCH_SIZE, Extractor

    rows = read_articles(CORPUS, limit)
    articles = [Article(id=r["id"], text=r["text"], published=dt.date.fromisoformat(r["published"])) for r in rows]
    nlp = load_nlp()
    extractor = Extractor(nlp=nlp)
    warm = articles[:5]  # load every lazy resource (gazetteer, lexicons) before timing
    list(extractor.extract(warm))

    # Interleaved chunks: on a shared machine the load drifts; timing both sides chunk by chunk cancels it.
    bare = whole = 0.0
    docs, records = [], []
    for first in range(0, len(articles), CHUNK):
        chunk = articles[first:first + CHUNK]
        start = time.perf_counter()
        docs += list(nlp.pipe((a.text for a in chunk), batch_size=BATCH_SIZE))
        bare += time.perf_counter() - start
        start = time.perf_counter()
        records += list(extractor.extract(chunk))
        whole += time.perf_counter() - start

    start = time.perf_counter()
    for doc, article in zip(docs, articles, strict=True):
        extract_events(extractor.find_mentions(doc, article.published), article.id)
    mentions_and_events = time.perf_counter() - start
    start = time.perf_counter()
    all_mentions = [extractor.find_mentions(doc, a.published) for doc, a in zip(docs, articles, strict=True)]
    mentions_only = time.perf_counter() - start
    start = time.perf_counter()
    for mentions, article in zip(all_mentions, articles, strict=True):
        extract_events(mentions, article.id)
    events_only = time.perf_counter() - start

    n = len(articles)
    ratio = bare / whole
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {n} from {CORPUS.name}  (events found: {sum(len(r.events) for r in records)})")
    print(f"bare spaCy fr_core_news_md : {n / bare:7.2f} articles/s  ({bare:.1f} s)")
    print(f"whole extraction (Extractor): {n / whole:7.2f} articles/s  ({whole:.1f} s)")
    print(f"throughput ratio            : {ratio:7.3f}  (target >= {TARGET_RATIO:.2f}: "
          f"{'met' if ratio >= TARGET_RATIO else 'NOT met'})")
    print(f"mention layers alone        : {mentions_only:.2f} s ({100 * mentions_only / bare:.1f}% of parse time)")
    print(f"event layer alone           : {events_only:.2f} s ({100 * events_only / bare:.1f}% of parse time)")
    print(f"mentions + events (sanity)  : {mentions_and_events:.2f} s")
    print(f"peak memory (max RSS)       : {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
