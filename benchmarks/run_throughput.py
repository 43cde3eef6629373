"""Throughput of `veille run` with 1 and 2 workers, peak RSS per worker, and SQLite vs PostgreSQL counts.

Run from the repository root: .venv/bin/python benchmarks/run_throughput.py [--articles 2000] [--no-postgres]
The corpus is generated from ../shared/corpus/orangesum-2000.jsonl (real news), cycled with a numbered suffix
so that every article is distinct; when that file is absent, the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("VEILLE_SHARED", REPO.parent / "shared")) / "corpus" / "orangesum-2000.jsonl"
PG_URL = os.environ.get("VEILLE_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/veille_test")


def generate(count: int, out: Path) -> None:
    """`count` distinct articles from the real corpus (cycled; each copy gets a numbered closing line)."""
    source = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    with out.open("w", encoding="utf-8") as handle:
        for i in range(count):
            article = dict(source[i % len(source)])
            article["id"] = f"bench-{i}"
            if i >= len(source):
                article["text"] += f"\n\n(copie {i})"
            article.pop("url", None)
            handle.write(json.dumps(article, ensure_ascii=False) + "\n")


def timed_run(corpus: Path, db: str, workers: int) -> dict:
    from veille.ingest.readers import ReadOptions
    from veille.runner import RunOptions, run_batch
    from veille.store import Store

    with Store.open(db) as store:
        start = time.perf_counter()
        summary = run_batch([str(corpus)], store, RunOptions(workers=workers, read=ReadOptions()))
        seconds = time.perf_counter() - start
        counts = store.counts()
    return {"workers": workers, "seconds": seconds, "articles_per_s": summary.stored / seconds,
            "stored": summary.stored, "failed": summary.failed, "skipped": summary.skipped,
            "peak_rss_mb": summary.worker_peak_rss_mb, "counts": counts}


def fresh_pg_schema() -> str | None:
    """A new schema on the test server (None when no server answers)."""
    from sqlalchemy import create_engine, text

    from veille.store.database import resolve_db_url

    engine = create_engine(resolve_db_url(PG_URL))
    try:
        with engine.begin() as conn:
            name = f"bench_{int(time.time())}"
            conn.execute(text(f"CREATE SCHEMA {name}"))
    except Exception as exc:  # noqa: BLE001 - any connection problem means: no server
        print(f"PostgreSQL not reachable at {PG_URL}: {exc}")
        return None
    return f"{PG_URL}?options=-csearch_path%3D{name}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"corpus not found at {CORPUS}: nothing to measure")
        return 0
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        generate(args.articles, corpus)
        results = {}
        for workers in args.workers:
            result = timed_run(corpus, str(Path(folder) / f"w{workers}.db"), workers)
            results[workers] = result
            rss = ", ".join(f"{mb:.0f}" for mb in result["peak_rss_mb"].values())
            print(f"{workers} worker(s): {result['stored']} stored in {result['seconds']:.1f} s = "
                  f"{result['articles_per_s']:.2f} articles/s; peak RSS per worker (MB): {rss}", flush=True)
        if 1 in results and 2 in results:
            print(f"speed-up 2 vs 1 worker: {results[2]['articles_per_s'] / results[1]['articles_per_s']:.2f}x")
        if not args.no_postgres and (url := fresh_pg_schema()):
            pg = timed_run(corpus, url, max(args.workers))
            sqlite_counts = results[max(args.workers)]["counts"]
            same = {k: (sqlite_counts[k], pg["counts"][k]) for k in sqlite_counts if k != "runs"}
            print(f"PostgreSQL run: {pg['articles_per_s']:.2f} articles/s; rows SQLite vs PostgreSQL: {same}")
            print("identical counts" if all(a == b for a, b in same.values()) else "COUNTS DIFFER")
    return 0


if __name__ == "__main__":
    sys.exit(main())
