"""Write the annotators' input batches: each drawn article with its text split into numbered sentences.

Sentences come from veille's spaCy pipeline (line breaks end sentences). Annotators label every sentence
by its number; the offsets let the labels be mapped onto any later segmentation by overlap.

    .venv/bin/python scripts/annotation/prepare.py ../shared
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from veille.nlp import load_nlp

ROOT = Path(__file__).resolve().parents[2]


def corpus_articles(shared: Path) -> dict[str, dict]:
    articles = {}
    for name in ("orangesum-conflict-3000.jsonl", "orangesum-2000.jsonl"):
        with (shared / "corpus" / name).open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                articles[row["id"]] = row
    return articles


def sentence_spans(doc) -> list[dict]:
    spans = []
    for sent in doc.sents:
        text = sent.text.strip()
        if not text:
            continue
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        spans.append({"i": len(spans), "start": start, "end": start + len(text), "text": text})
    return spans


def main(shared: Path) -> None:
    articles = corpus_articles(shared)
    manifest = [json.loads(line) for line in (ROOT / "data/annotated/manifest.jsonl").open()]
    out_dir = ROOT / "data/annotated/batches"
    out_dir.mkdir(parents=True, exist_ok=True)
    nlp = load_nlp()
    by_batch: dict[int, list[dict]] = {}
    manifest = [row for row in manifest if not (out_dir / f"batch-{row['batch']:02d}.jsonl").exists()]
    texts = [articles[row["id"]]["text"] for row in manifest]
    for row, doc in zip(manifest, nlp.pipe(texts, batch_size=32), strict=True):
        article = articles[row["id"]]
        by_batch.setdefault(row["batch"], []).append({
            "id": article["id"], "published": article["published"], "title": article["title"],
            "text": article["text"], "sentences": sentence_spans(doc),
        })
    for batch, rows in sorted(by_batch.items()):
        path = out_dir / f"batch-{batch:02d}.jsonl"
        if path.exists():  # annotations index its sentences: a written batch never changes
            continue
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    total = sum(len(a["sentences"]) for rows in by_batch.values() for a in rows)
    print(f"{len(manifest)} articles, {total} sentences, {len(by_batch)} batches -> {out_dir}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
