"""Speed benchmark: the whole extraction (Extractor) against bare spaCy fr_core_news_md, side by side.

Run from the repository root:  .venv/bin/python benchmarks/speed.py [N_ARTICLES]  (corpus: $VEILLE_SHARED or ../shared)
Prints articles/s for bare spaCy and for the whole extraction, their ratio (target >= 0.80), the time the
event layer alone takes, and the peak memory of the process.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

SHARED = Path(os.environ.get("VEILLE_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))
CORPUS = SHARED / "corpus" / "orangesum-2000.jsonl"
DEFAULT_ARTICLES = 300
TARGET_RATIO = 0.80
CHUNK = 25  # articles per interleaved timing chunk
LAYER_SAMPLE = 100  # articles on which the mention and event layers are timed alone


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

    # Interleaved chunks, alternating which side goes first: on a shared machine the load drifts, and
    # timing both sides chunk by chunk cancels it. Parsed docs are discarded on both sides (retaining them
    # would slow the garbage collector on one side only).
    bare = whole = 0.0
    events_found = 0
    for n_chunk, first in enumerate(range(0, len(articles), CHUNK)):
        chunk = articles[first:first + CHUNK]
        for side in ("bare", "whole") if n_chunk % 2 == 0 else ("whole", "bare"):
            start = time.perf_counter()
            if side == "bare":
                for _doc in nlp.pipe((a.text for a in chunk), batch_size=BATCH_SIZE):
                    pass
                bare += time.perf_counter() - start
            else:
                events_found += sum(len(r.events) for r in extractor.extract(chunk))
                whole += time.perf_counter() - start

    # The layers alone, on a sample parsed outside the timings.
    sample = articles[:LAYER_SAMPLE]
    docs = list(nlp.pipe((a.text for a in sample), batch_size=BATCH_SIZE))
    start = time.perf_counter()
    all_mentions = [extractor.find_mentions(doc, a.published) for doc, a in zip(docs, sample, strict=True)]
    mentions_only = time.perf_counter() - start
    start = time.perf_counter()
    for mentions, article in zip(all_mentions, sample, strict=True):
        extract_events(mentions, article.id, extractor.knowledge)
    events_only = time.perf_counter() - start
    bare_sample = bare * len(sample) / len(articles)  # the parse time of the sample, from the side-by-side run

    n = len(articles)
    ratio = bare / whole
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {n} from {CORPUS.name}  (events found: {events_found})")
    print(f"bare spaCy fr_core_news_md : {n / bare:7.2f} articles/s  ({bare:.1f} s)")
    print(f"whole extraction (Extractor): {n / whole:7.2f} articles/s  ({whole:.1f} s)")
    print(f"throughput ratio            : {ratio:7.3f}  (target >= {TARGET_RATIO:.2f}: "
          f"{'met' if ratio >= TARGET_RATIO else 'NOT met'})")
    print(f"mention layers alone ({len(sample)} articles): {mentions_only:.2f} s "
          f"({100 * mentions_only / bare_sample:.1f}% of their parse time)")
    print(f"event layer alone ({len(sample)} articles)   : {events_only:.2f} s "
          f"({100 * events_only / bare_sample:.1f}% of their parse time)")
    print(f"peak memory (max RSS)       : {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
