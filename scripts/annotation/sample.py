"""Draw the articles the team annotates, and set the blind split aside before anyone reads them.

Deterministic (fixed seed): rerunning gives the same manifest. The draw excludes the articles that
`../shared/eval` already annotates. Each article gets a split (`train` or `blind`) and a batch number;
batches are the units handed to annotators. Run once, before any annotation:

    python scripts/annotation/sample.py ../shared
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

SEED = 20261208
CONFLICT_DRAW = 260
GENERAL_DRAW = 130
BLIND_SHARE = 1 / 3
BATCH_SIZE = 30
# A second draw, for training only (the blind split already holds 130 articles): the first 260 training
# articles hold about 230 firm events, too few per type to learn from, so 240 more were drawn from what was
# left (neither event nor temporal articles), in the same proportions, all `train` (batches 14-21).
SECOND_SEED = 20261210
SECOND_CONFLICT = 160
SECOND_GENERAL = 80
TEMPORAL_DRAW = 90
# Added after the first 90 gave 455 DATE expressions (the target is 600): drawn from what was left.
TEMPORAL_EXTRA = 40
EXTRA_SEED = 20261209


def read_ids(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line)["id"] for line in handle if line.strip()]


def split_blind(ids: list[str], rng: random.Random) -> dict[str, str]:
    shuffled = ids[:]
    rng.shuffle(shuffled)
    cut = round(len(shuffled) * BLIND_SHARE)
    return {article_id: ("blind" if i < cut else "train") for i, article_id in enumerate(shuffled)}


def main(shared: Path, out_dir: Path) -> None:
    rng = random.Random(SEED)
    already = set(read_ids(shared / "eval" / "events-orangesum-60.jsonl"))
    conflict = [i for i in read_ids(shared / "corpus" / "orangesum-conflict-3000.jsonl") if i not in already]
    general = read_ids(shared / "corpus" / "orangesum-2000.jsonl")
    conflict_draw = rng.sample(conflict, CONFLICT_DRAW)
    general_draw = rng.sample(general, GENERAL_DRAW)
    splits = split_blind(conflict_draw, rng) | split_blind(general_draw, rng)
    rows = [{"id": i, "corpus": "orangesum-conflict-3000"} for i in conflict_draw]
    rows += [{"id": i, "corpus": "orangesum-2000"} for i in general_draw]
    rng.shuffle(rows)
    for n, row in enumerate(rows):
        row["split"] = splits[row["id"]]
        row["batch"] = n // BATCH_SIZE + 1
    events_manifest = out_dir / "manifest.jsonl"
    events_manifest.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")

    taken = {r["id"] for r in rows}
    temporal_pool = [i for i in general if i not in taken]
    temporal_draw = rng.sample(temporal_pool, TEMPORAL_DRAW)
    temporal_split = split_blind(temporal_draw, rng)
    temporal_rows = [{"id": i, "corpus": "orangesum-2000", "split": temporal_split[i]} for i in temporal_draw]
    extra_rng = random.Random(EXTRA_SEED)
    extra_draw = extra_rng.sample([i for i in temporal_pool if i not in set(temporal_draw)], TEMPORAL_EXTRA)
    extra_split = split_blind(extra_draw, extra_rng)
    temporal_rows += [{"id": i, "corpus": "orangesum-2000", "split": extra_split[i], "extra": True} for i in extra_draw]
    temporal_manifest = out_dir.parent / "temporal" / "manifest.jsonl"
    temporal_manifest.parent.mkdir(parents=True, exist_ok=True)
    temporal_manifest.write_text("".join(json.dumps(r) + "\n" for r in temporal_rows), encoding="utf-8")
    second_rng = random.Random(SECOND_SEED)
    used = taken | {r["id"] for r in temporal_rows}
    second = [{"id": i, "corpus": "orangesum-conflict-3000"}
              for i in second_rng.sample([i for i in conflict if i not in used], SECOND_CONFLICT)]
    second += [{"id": i, "corpus": "orangesum-2000"}
               for i in second_rng.sample([i for i in general if i not in used], SECOND_GENERAL)]
    second_rng.shuffle(second)
    first_batches = max(r["batch"] for r in rows)
    for n, row in enumerate(second):
        row["split"] = "train"
        row["batch"] = first_batches + n // BATCH_SIZE + 1
    rows += second
    events_manifest.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} event articles ({sum(r['split'] == 'blind' for r in rows)} blind) -> {events_manifest}")
    print(f"{len(temporal_rows)} temporal articles "
          f"({sum(r['split'] == 'blind' for r in temporal_rows)} blind) -> {temporal_manifest}")


if __name__ == "__main__":
    shared_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared")
    main(shared_dir, Path(__file__).resolve().parents[2] / "data" / "annotated")
