"""Build the corpus files every tool reads from the reviewed annotations and the manifest.

    python scripts/annotation/assemble.py

Writes `data/annotated/events-train.jsonl` and `data/annotated/events-blind.jsonl`: one line per article in
the format of `../shared/eval/events-*.jsonl` (`id`, `published`, `source`, `url`, `title`, `text`, `events`,
`aggregate_claims`, `quotes`, `notes`) plus `sentences` (each label with its `start`/`end` offsets in
`text`). Only reviewed batches are taken; a batch not yet reviewed is reported and left out.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "data" / "annotated"
SOURCE = "Tixierae/OrangeSum"


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def assembled(article: dict, annotation: dict) -> dict:
    bounds = {s["i"]: s for s in article["sentences"]}
    sentences = [{"start": bounds[label["i"]]["start"], "end": bounds[label["i"]]["end"], **label}
                 for label in annotation["sentences"]]
    return {
        "id": article["id"], "published": article["published"], "source": SOURCE, "url": None,
        "title": article["title"], "text": article["text"], "events": annotation["events"],
        "aggregate_claims": annotation.get("aggregate_claims", []), "quotes": annotation.get("quotes", []),
        "notes": annotation.get("notes", ""), "sentences": sentences,
    }


def main() -> None:
    split = {row["id"]: row["split"] for row in read_jsonl(ROOT / "manifest.jsonl")}
    out: dict[str, list[dict]] = {"train": [], "blind": []}
    for batch_path in sorted((ROOT / "batches").glob("batch-*.jsonl")):
        reviewed = ROOT / "reviewed" / batch_path.name
        if not reviewed.exists():
            print(f"{batch_path.name}: not reviewed yet, left out")
            continue
        articles = {a["id"]: a for a in read_jsonl(batch_path)}
        for annotation in read_jsonl(reviewed):
            out[split[annotation["id"]]].append(assembled(articles[annotation["id"]], annotation))
    for name, rows in out.items():
        path = ROOT / f"events-{name}.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(f"{len(rows)} articles -> {path.relative_to(ROOT.parent.parent)}")


if __name__ == "__main__":
    main()
