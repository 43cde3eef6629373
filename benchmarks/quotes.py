"""Quotes, casualties and attributions on the development data: recall, precision, speaker accuracy, cost.

Run from the repository root: .venv/bin/python benchmarks/quotes.py [--errors]
Reads ../shared/eval/events-dev.jsonl (or $VEILLE_SHARED/eval/...); prints a message and exits 0 when absent.

- A gold quote is found when a predicted quote overlaps one of its occurrences in the text by at least 80% of
  the shorter of the two; pairs are matched one to one, in text order.
- Speaker right: the gold speaker's surname (last word, parentheses dropped, accents and case ignored) is in
  the predicted speaker. "lenient" also accepts a predicted speaker_text that names the gold speaker_text.
- Casualties (a proxy until events land): for each gold event with fatalities / injured, whether a casualty
  phrase inside its evidence sentence gives the gold number.
- Sources (proxy): for each gold event source, whether an attribution in the evidence sentence writes it.

Quotes get the actor layer's entity mentions, as in the pipeline (`veille.extract.layers.find_mentions`):
"les autorités" is the government of the article's country only with them. The speaker accuracy with no
entities (the measure before this input was given) is printed too, for comparison.
"""

from __future__ import annotations

import json
import os
import sys
import time
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VEILLE_SHARED", REPO.parent / "shared"))
DEV = SHARED / "eval" / "events-dev.jsonl"
MIN_OVERLAP = 0.8


def fold(text: str) -> str:
    """Lowercase without accents, for surname comparison."""
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(c) != "Mn")


def surname(speaker: str) -> str:
    words = fold(speaker.split("(")[0]).replace("-", " ").split()
    return words[-1] if words else ""


def occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    """Every span where the gold quote occurs in the text (its first 60 characters if not whole)."""
    spans, probe = [], quote if quote in text else quote[:60]
    start = text.find(probe)
    while probe and start >= 0:
        spans.append((start, start + len(quote)))
        start = text.find(probe, start + 1)
    return spans


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared >= MIN_OVERLAP * min(a[1] - a[0], b[1] - b[0])


def score_quotes(text: str, gold: list[dict], predicted, errors: list[str]) -> dict[str, int]:
    counts = {"gold": len(gold), "pred": len(predicted), "found": 0, "speaker": 0, "lenient": 0}
    used: set[int] = set()
    for quote in gold:
        spans = occurrences(text, quote["quote"])
        match = next(
            (i for i, p in enumerate(predicted) if i not in used and any(overlaps(tuple(p.span), s) for s in spans)),
            None,
        )
        if match is None:
            errors.append(f"  MISSED  {quote['speaker']!r}: {quote['quote'][:90]!r}")
            continue
        used.add(match)
        counts["found"] += 1
        pred = predicted[match]
        right = surname(quote["speaker"]) in fold(pred.speaker or "")
        lenient = right or (pred.speaker_text and fold(quote.get("speaker_text") or "x") in fold(pred.speaker_text))
        counts["speaker"] += right
        counts["lenient"] += bool(lenient)
        if not right:
            errors.append(f"  SPEAKER gold {quote['speaker']!r} / pred {pred.speaker!r} ({pred.speaker_text!r})")
    for i, pred in enumerate(predicted):
        if i not in used:
            errors.append(f"  EXTRA   {pred.speaker!r}: {pred.quote[:90]!r}")
    return counts


def score_figures(text: str, events: list[dict], casualties, attributions) -> dict[str, int]:
    counts = {"fig_gold": 0, "fig_right": 0, "src_gold": 0, "src_right": 0}
    for event in events:
        start = text.find(event.get("evidence") or "\0")
        if start < 0:
            continue
        end = start + len(event["evidence"])
        inside = [c for c in casualties if start <= c.start and c.end <= end]
        for field, kind in (("fatalities", "killed"), ("injured", "injured")):
            if event.get(field) is not None:
                counts["fig_gold"] += 1
                counts["fig_right"] += any(c.kind == kind and c.value == event[field] for c in inside)
        written = {fold(a.source) for a in attributions if start <= a.start and a.end <= end}
        for source in event.get("sources") or []:
            counts["src_gold"] += 1
            counts["src_right"] += fold(source) in written
    return counts


def main() -> int:
    if not DEV.exists():
        print(f"development data not found at {DEV}; nothing to measure")
        return 0
    from veille.extract.actors import find_entities
    from veille.extract.attributions import find_attributions
    from veille.extract.casualties import find_casualties
    from veille.extract.knowledge import load_knowledge
    from veille.extract.layers import main_country
    from veille.extract.places import find_places
    from veille.extract.quotes import find_quotes
    from veille.geo.resolver import get_resolver
    from veille.nlp import load_nlp

    show_errors = "--errors" in sys.argv
    articles = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = load_nlp()
    # The lexicons and the actor knowledge base are built once, outside the timing (as the Extractor does).
    knowledge, resolver = load_knowledge(), get_resolver()
    started = time.perf_counter()
    docs = list(nlp.pipe((a["text"] for a in articles), batch_size=32))
    parse_time = time.perf_counter() - started
    totals: dict[str, int] = {}
    layer_time = 0.0
    for article, doc in zip(articles, docs, strict=True):
        places = find_places(doc, resolver, knowledge.places, knowledge.landmarks)
        entities = find_entities(knowledge.actors, doc, country=main_country(places))  # as the pipeline does
        started = time.perf_counter()
        quotes = find_quotes(doc, entities, knowledge.quotes)
        casualties = find_casualties(doc, knowledge.casualties)
        attributions = find_attributions(doc, knowledge.attributions)
        layer_time += time.perf_counter() - started
        errors: list[str] = []
        counts = score_quotes(article["text"], article.get("quotes") or [], quotes, errors)
        bare = score_quotes(article["text"], article.get("quotes") or [], find_quotes(doc, [], knowledge.quotes), [])
        counts |= {"bare_found": bare["found"], "bare_speaker": bare["speaker"]}
        counts |= score_figures(article["text"], article.get("events") or [], casualties, attributions)
        for key, value in counts.items():
            totals[key] = totals.get(key, 0) + value
        if show_errors and errors:
            print(article["id"], *errors, sep="\n")

    def ratio(a: str, b: str) -> str:
        return f"{totals[a] / totals[b]:.3f} ({totals[a]}/{totals[b]})" if totals[b] else "n/a"

    print(f"articles: {len(articles)}   gold quotes: {totals['gold']}   predicted quotes: {totals['pred']}")
    print(f"quote recall:      {ratio('found', 'gold')}")
    print(f"quote precision:   {ratio('found', 'pred')}")
    print(f"speaker accuracy:  {ratio('speaker', 'found')}   lenient: {ratio('lenient', 'found')}")
    print(f"speaker accuracy with no entity mentions: {ratio('bare_speaker', 'bare_found')}")
    print(f"casualty figure in evidence sentence: {ratio('fig_right', 'fig_gold')}")
    print(f"gold source written by an attribution in the evidence sentence: {ratio('src_right', 'src_gold')}")
    print(f"time: parse {parse_time:.2f}s, quotes+casualties+attributions {layer_time:.2f}s "
          f"({100 * layer_time / parse_time:.1f}% of parse)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
