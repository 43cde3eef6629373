"""Cost of the places layer against the spaCy parse, on real French news (the OrangeSum sample).

Run from the repo root: .venv/bin/python benchmarks/places_cost.py [N]   (N articles, default 300)
Prints the parse time, the places layer time (index and word lists loaded beforehand: a per-process cost,
printed apart), and how many mentions each source gave (spaCy names, landmarks, named sites, untagged names).
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VEILLE_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus" / "orangesum-2000.jsonl"


def main() -> int:
    if not CORPUS.exists():
        print(f"places cost: skipped, {CORPUS} not found (set VEILLE_SHARED)")
        return 0
    from veille.extract.places import find_places
    from veille.geo.landmarks import load_landmarks
    from veille.geo.lexicon import load_place_lexicon
    from veille.geo.resolver import get_resolver
    from veille.nlp import load_nlp

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    texts = [json.loads(line)["text"] for _, line in zip(range(n), CORPUS.open(encoding="utf-8"), strict=False)]
    nlp = load_nlp()
    started = time.perf_counter()
    resolver = get_resolver()
    landmarks, lexicon = load_landmarks(), load_place_lexicon()
    resolver.index  # noqa: B018 - loads the name index before the timing
    print(f"index and word lists loaded once per process in {time.perf_counter() - started:.2f} s")
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    parse = time.perf_counter() - started
    kinds: Counter = Counter()
    started = time.perf_counter()
    for doc in docs:
        for m in find_places(doc, resolver, lexicon, landmarks):
            reason = m.reason or ""
            kind = ("landmark" if reason.startswith(("landmark", "institution")) else
                    "named site" if reason.startswith("named site") else
                    "unplaced" if m.precision is None else "placed")
            kinds[kind] += 1
    places = time.perf_counter() - started
    print(f"{len(docs)} articles: parse {parse:.1f} s, places layer {places:.2f} s ({places / parse:.1%} of parse)")
    print("mentions:", dict(kinds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
