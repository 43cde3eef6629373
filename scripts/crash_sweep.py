"""Crash sweep: the full pipeline (read, extract, store) over a real corpus; every exception is counted.

Run from the repository root: .venv/bin/python scripts/crash_sweep.py [--corpus PATH ...] [--workers 2]
Default corpus: ../shared/corpus/orangesum-2000.jsonl (2,000 real French news articles; VEILLE_SHARED moves
../shared). An exception in any layer or in the store becomes its article's failure row (the batch policy);
this script lists them by layer and exits 1 when there is any, 0 when there is none.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VEILLE_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus" / "orangesum-2000.jsonl"
# Failure reasons that are exceptions of veille, not inputs it refused on purpose.
EXCEPTION_PREFIXES = ("extraction failed", "store failed")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", nargs="+", default=[str(CORPUS)])
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--db", help="Store to write (default: a temporary SQLite file)")
    args = parser.parse_args()
    missing = [path for path in args.corpus if not Path(path).exists()]
    if missing:
        print(f"corpus not found: {', '.join(missing)} (set VEILLE_SHARED): nothing to sweep")
        return 0

    from veille.runner import RunOptions, run_batch
    from veille.store import Store

    with tempfile.TemporaryDirectory() as folder:
        db = args.db or str(Path(folder) / "sweep.db")
        started = time.perf_counter()
        with Store.open(db) as store:
            summary = run_batch(args.corpus, store, RunOptions(workers=args.workers))
            failures = store.failures(run_id=summary.run_id)
        seconds = time.perf_counter() - started
    exceptions = [f for f in failures if f["reason"].startswith(EXCEPTION_PREFIXES)]
    refused = Counter(f["reason"].split(":")[0] for f in failures if f not in exceptions)
    print(f"{summary.read} articles read from {', '.join(args.corpus)} in {seconds:.0f} s: {summary.stored} stored, "
          f"{summary.duplicates} already stored, {summary.skipped} skipped, {summary.failed} failed")
    for reason, count in refused.most_common():
        print(f"  input refused ({count}): {reason}")
    by_layer = Counter(f["reason"].split(":")[0] for f in exceptions)
    for layer, count in by_layer.most_common():
        print(f"  EXCEPTION ({count}): {layer}")
    for failure in exceptions[:20]:
        print(f"    {failure['source']}:{failure['line']}: {failure['reason']}")
    print(f"exceptions: {len(exceptions)}")
    return 1 if exceptions else 0


if __name__ == "__main__":
    sys.exit(main())
