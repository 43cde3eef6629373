"""Actor knowledge base and resolution figures (issue 5): coverage, gold-actor accuracy, cost.

Run from the repository root: .venv/bin/python benchmarks/actors.py [--errors] [--docs N]
Reads ../shared/eval/events-dev.jsonl and ../shared/corpus/orangesum-2000.jsonl (or $VEILLE_SHARED/...);
prints a message and skips a part whose data is absent.

- coverage: knowledge-base entries (by type), aliases, countries, country names, capitals, demonym forms;
- gold actors: every gold actor1/actor2 with a `text`, resolved with the article's country (the most frequent
  country of its gold event places). "span" resolves the phrase where it occurs in the parsed article (as the
  event extractor does, with the parse); "text" resolves the plain string. Type accuracy counts a None answer
  as type "unknown"; name accuracy compares canonical names exactly;
  The attacker (actor1) of a violent event (Battles, Explosions/Remote violence, Violence against civilians)
  is resolved with `armed=True`, as the event extractor should ("Ankara" -> Military Forces of Turkey);
- pipeline (--pipeline): actor1 of the events `veille evaluate` matches, split into errors of resolution
  (the predicted phrase is the gold phrase, or contains it) and errors of phrase choice (another phrase, or
  none: the event extractor's part);
- cost: find_entities time as a share of the spaCy parse time on N corpus articles.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VEILLE_SHARED", REPO.parent / "shared"))
DEV = SHARED / "eval" / "events-dev.jsonl"
CORPUS = SHARED / "corpus" / "orangesum-2000.jsonl"


def coverage() -> None:
    from veille.extract.actors import load_kb

    start = time.perf_counter()
    kb = load_kb()
    elapsed = time.perf_counter() - start
    aliases = sum(len(set(e.aliases)) for e in kb.entries)
    types = Counter(e.type for e in kb.entries)
    print(f"knowledge base: {len(kb.entries)} entries, {aliases} aliases ({len(kb.named)} distinct keys), "
          f"loaded in {elapsed:.2f} s")
    print("  by type: " + ", ".join(f"{t} {n}" for t, n in types.most_common()))
    print(f"  countries {len(kb.countries)}, country names {len(kb.country_names)}, capitals/seats "
          f"{len(kb.capitals)}, demonym forms {len(kb.demonyms)}")
    print(f"  generic agents: {len(kb.agents)} phrases in {len(kb.roles)} roles; titles {len(kb.titles)}")


def article_country(article: dict) -> str | None:
    counts = Counter((e.get("location") or {}).get("country") for e in article.get("events", []))
    counts.pop(None, None)
    return counts.most_common(1)[0][0] if counts else None


def gold_actors(show_errors: bool) -> None:
    from veille.extract.actors import actor_for_span, armed_forces_of, load_kb, resolve_actor_text
    from veille.nlp import load_nlp

    kb = load_kb()

    articles = [json.loads(line) for line in DEV.open(encoding="utf-8")]
    nlp = load_nlp()
    scores = {"span": Counter(), "text": Counter()}
    errors = []
    for article, doc in zip(articles, nlp.pipe(a["text"] for a in articles), strict=True):
        country = article_country(article)
        for event in article.get("events", []):
            for role in ("actor1", "actor2"):
                gold = event.get(role)
                if not gold or not gold.get("text"):
                    continue
                start = article["text"].find(gold["text"])
                span = doc.char_span(start, start + len(gold["text"]), alignment_mode="expand") if start >= 0 else None
                armed = role == "actor1" and ((event.get("acled") or [None])[0] in VIOLENT
                                              or event.get("plover") == "ASSAULT")
                predictions = {"text": resolve_actor_text(kb, gold["text"], country)}
                if armed and predictions["text"] is not None:
                    predictions["text"] = armed_forces_of(kb, predictions["text"], country)
                if span is not None:
                    predictions["span"] = actor_for_span(kb, span, country, armed=armed)
                for mode, actor in predictions.items():
                    right = (actor.type if actor else "unknown") == gold["type"]
                    scores[mode]["n"] += 1
                    scores[mode]["type"] += right
                    scores[mode]["name"] += (actor.name if actor else None) == gold["name"]
                    if role == "actor1":
                        scores[mode]["n1"] += 1
                        scores[mode]["type1"] += right
                actor = predictions.get("span", predictions["text"])
                if (actor.type if actor else "unknown") != gold["type"]:
                    errors.append((gold["text"], gold["name"], gold["type"], actor.name if actor else None,
                                   actor.type if actor else None, country))
    for mode, score in scores.items():
        n = score["n"] or 1
        print(f"gold actors ({mode}): {score['n']} with text; type accuracy {score['type'] / n:.3f}, "
              f"name accuracy {score['name'] / n:.3f}; actor1 only: {score['n1']}, type accuracy "
              f"{score['type1'] / (score['n1'] or 1):.3f}")
    if show_errors:
        for text, name, kind, got_name, got_type, country in errors:
            print(f"  [{country}] {text!r}: gold {name} ({kind}) | got {got_name} ({got_type})")


def pipeline(show_errors: bool) -> None:
    import datetime as dt

    from veille.evaluate import match_events, read_jsonl
    from veille.model import Article
    from veille.pipeline import Extractor

    gold_articles = read_jsonl(str(DEV))
    articles = [Article(id=a["id"], text=a["text"], published=dt.date.fromisoformat(a["published"]),
                        title=a.get("title")) for a in gold_articles]
    records = {r.id: r.model_dump(mode="json") for r in Extractor().extract(articles)}
    counts = Counter()
    errors = []
    for article in gold_articles:
        gold, pred = article.get("events") or [], records[article["id"]].get("events") or []
        for gi, pi in match_events(gold, pred):
            gold_actor, pred_actor = gold[gi].get("actor1") or {}, pred[pi].get("actor1") or {}
            if gold[gi].get("borderline") or not gold_actor.get("type"):
                continue
            gold_text, pred_text = (gold_actor.get("text") or "").lower(), (pred_actor.get("text") or "").lower()
            same = bool(gold_text and pred_text and gold_text in pred_text)
            right = pred_actor.get("type") == gold_actor["type"]
            counts["n"] += 1
            counts["right"] += right
            counts["same"] += same
            counts["same_right"] += same and right
            if not right:
                errors.append(("resolution" if same else "phrase", article["id"], gold_actor, pred_actor))
    n = counts["n"] or 1
    print(f"pipeline actor1 over matched events: type accuracy {counts['right'] / n:.3f} ({counts['right']}/"
          f"{counts['n']}); with the gold phrase found: {counts['same_right']}/{counts['same']} right; errors of "
          f"resolution {sum(e[0] == 'resolution' for e in errors)}, of phrase choice "
          f"{sum(e[0] == 'phrase' for e in errors)}")
    if show_errors:
        for kind, article_id, gold_actor, pred_actor in errors:
            print(f"  {kind:10} [{article_id}] gold {gold_actor.get('text')!r} {gold_actor.get('name')} "
                  f"({gold_actor['type']}) | got {pred_actor.get('text')!r} {pred_actor.get('name')} "
                  f"({pred_actor.get('type')})")


def cost(docs: int) -> None:
    from veille.extract.actors import find_entities, load_kb

    kb = load_kb()  # built before the timing, as the Extractor does
    from veille.nlp import load_nlp

    nlp = load_nlp()
    texts = []
    with CORPUS.open(encoding="utf-8") as lines:
        for line in lines:
            texts.append(json.loads(line)["text"])
            if len(texts) >= docs:
                break
    start = time.perf_counter()
    parsed = list(nlp.pipe(texts, batch_size=32))
    parse = time.perf_counter() - start
    start = time.perf_counter()
    mentions = sum(len(find_entities(kb, doc, country="FR")) for doc in parsed)
    actors = time.perf_counter() - start
    print(f"cost on {len(parsed)} corpus articles: parse {parse:.1f} s, find_entities {actors:.2f} s "
          f"({100 * actors / parse:.1f}% of the parse), {mentions} mentions")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the gold actors whose type is wrong")
    parser.add_argument("--pipeline", action="store_true", help="also run the whole extraction (slower)")
    parser.add_argument("--docs", type=int, default=200, help="corpus articles for the cost figure (0: skip)")
    args = parser.parse_args()
    coverage()
    if DEV.exists():
        gold_actors(args.errors)
        if args.pipeline:
            pipeline(args.errors)
    else:
        print(f"development data not found at {DEV}: gold-actor accuracy skipped")
    if not CORPUS.exists():
        print(f"corpus not found at {CORPUS}: cost skipped")
    elif args.docs > 0:
        cost(args.docs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
