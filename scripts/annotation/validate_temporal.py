"""Check the temporal-expression annotations against the manifest, the corpus and TIMEX3 value formats.

    python scripts/annotation/validate_temporal.py \
        [data/temporal/annotations.jsonl] [data/temporal/manifest.jsonl] [corpus.jsonl]

Checks: every manifest article present once, in manifest order, nothing else; `published` and `text` equal to
the corpus; each expression's offsets slice `text` to its `text`, no surrounding blank, spans sorted and not
overlapping; `type` one of DATE/TIME/DURATION/SET and `value` in a format valid for that type (ISO-TimeML as
the French TimeBank uses it); real calendar dates and ISO weeks; `anchor` one of dct/narrative/none with an
`anchor_text` for (and only for) narrative anchors; and, where the span itself names a weekday, a day of a
month or a year, that the value agrees with it.

Prints one line per problem and exits 1 when there is any; prints the counts and exits 0 otherwise.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_ANN = ROOT / "data/temporal/annotations.jsonl"
DEFAULT_MANIFEST = ROOT / "data/temporal/manifest.jsonl"
DEFAULT_CORPUS = ROOT.parent / "shared/corpus/orangesum-2000.jsonl"

TYPES = {"DATE", "TIME", "DURATION", "SET"}
ANCHORS = {"dct", "narrative", "none"}
KEYS = {"start", "end", "text", "type", "value", "anchor", "anchor_text"}
REFS = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}

Y = r"(?:\d{4}|XXXX)"
CAL = (
    rf"{Y}"                                   # 2004, XXXX
    rf"|\d{{3}}X|\d{{2}}XX"                   # decade 197X, century 19XX
    rf"|{Y}-(?:\d{{2}}|XX)(?:-(?:\d{{2}}|XX))?"  # 2004-03, 2004-03-12, XXXX-06, XXXX-XX-XX
    rf"|{Y}-W(?:\d{{2}}|XX)(?:-(?:WE|[1-7]))?"  # 2004-W11, 2004-W11-WE, XXXX-WXX-3
    rf"|{Y}-(?:SP|SU|FA|WI)"                  # seasons
    rf"|{Y}-(?:Q[1-4]|H[12])"                 # quarters, halves
)
DATE_RE = re.compile(rf"^(?:{CAL})$")
TIME_RE = re.compile(
    rf"^(?:{Y}-(?:\d{{2}}|XX)-(?:\d{{2}}|XX))?T(?:(?:[01]\d|2[0-4]):[0-5]\d(?::[0-5]\d)?|MO|MI|AF|EV|NI|DT)$")
NUM = r"(?:\d+(?:\.\d+)?|X)"
DURATION_RE = re.compile(
    rf"^P(?=.)(?:{NUM}Y)?(?:{NUM}M)?(?:{NUM}W)?(?:{NUM}D)?(?:T(?=.)(?:{NUM}H)?(?:{NUM}M)?(?:{NUM}S)?)?$"
)

WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTHS = {m: i + 1 for i, m in enumerate(
    ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
     "novembre", "décembre"])}
MONTHS["févier"] = 2  # a misspelling found in the corpus text, kept verbatim


def value_ok(typ: str, value: str) -> bool:
    if typ == "DATE":
        return value in REFS or bool(DATE_RE.match(value))
    if typ == "TIME":
        return value in REFS or bool(TIME_RE.match(value))
    if typ == "DURATION":
        return bool(DURATION_RE.match(value))
    if typ == "SET":
        return bool(DURATION_RE.match(value) or DATE_RE.match(value) or TIME_RE.match(value))
    return False


def calendar_problems(value: str) -> list[str]:
    """Impossible dates, months, hours or ISO weeks inside a well-formed value."""
    out = []
    m = re.match(r"^(\d{4})-(\d{2})(?:-(\d{2}))?", value)
    if m:
        year, month = int(m.group(1)), int(m.group(2))
        if not 1 <= month <= 12:
            out.append(f"month {month} out of range")
        elif m.group(3):
            try:
                dt.date(year, month, int(m.group(3)))
            except ValueError:
                out.append("not a calendar date")
    m = re.match(r"^XXXX-(\d{2})(?:-(\d{2}))?", value)
    if m:
        try:
            dt.date(2000, int(m.group(1)), int(m.group(2) or 1))  # leap year: 02-29 allowed
        except ValueError:
            out.append("not a calendar month/day")
    m = re.match(r"^(\d{4})-W(\d{2})", value)
    if m:
        try:
            dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            out.append("not an ISO week")
    m = re.search(r"T(\d{2}):(\d{2})", value)
    if m and (int(m.group(1)), int(m.group(2))) > (24, 0):
        out.append("hour out of range")
    return out


# Spans whose own words contradict each other in the source text (a wrong weekday beside a right date): the
# value follows the date the rest of the article confirms, and the weekday check is waived for them alone.
SOURCE_CONTRADICTIONS = {("orangesum-35393", "mardi 2 septembre")}


def agreement_problems(span: str, typ: str, value: str) -> list[str]:
    """Where the words themselves give a weekday, a day of month or a year, the value must agree."""
    if typ not in {"DATE", "TIME"} or value in REFS:
        return []
    out = []
    low = span.lower()
    full = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    for i, name in enumerate(WEEKDAYS):
        # a weekday named in the span, when the value is a full date (the night "de mardi à mercredi" names both)
        if re.search(rf"\b{name}\b", low) and full and " à " not in low and " au " not in low:
            day = dt.date(int(full.group(1)), int(full.group(2)), int(full.group(3)))
            if day.weekday() != i:
                out.append(f"span says {name} but {value} is a {WEEKDAYS[day.weekday()]}")
    m = re.search(r"\b(\d{1,2})(?:er)?\s+(" + "|".join(MONTHS) + r")\b", low)
    if m and " au " not in low and " à " not in low:
        vm = re.match(r"^(?:\d{4}|XXXX)-(\d{2})-(\d{2})", value)
        if not vm or (int(vm.group(1)), int(vm.group(2))) != (MONTHS[m.group(2)], int(m.group(1))):
            out.append(f"span says {m.group(1)} {m.group(2)} but value is {value}")
    m = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", span)
    if m and not value.startswith(m.group(1)) and "années" not in low and "plus" not in low:
        out.append(f"span says {m.group(1)} but value is {value}")
    return out


def main(argv: list[str]) -> int:
    ann_path = Path(argv[1]) if len(argv) > 1 else DEFAULT_ANN
    manifest_path = Path(argv[2]) if len(argv) > 2 else DEFAULT_MANIFEST
    corpus_path = Path(argv[3]) if len(argv) > 3 else DEFAULT_CORPUS
    problems: list[str] = []

    manifest = [json.loads(line) for line in manifest_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted = [m["id"] for m in manifest]
    corpus = {}
    with corpus_path.open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d["id"] in set(wanted):
                corpus[d["id"]] = d
    for aid in wanted:
        if aid not in corpus:
            problems.append(f"manifest article {aid} is not in the corpus {corpus_path}")

    lines = [line for line in ann_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = []
    for n, line in enumerate(lines, 1):
        try:
            docs.append(json.loads(line))
        except json.JSONDecodeError as e:
            problems.append(f"line {n}: not JSON ({e})")
    ids = [d.get("id") for d in docs]
    if ids != wanted:
        missing = [i for i in wanted if i not in ids]
        extra = [i for i in ids if i not in wanted]
        dup = [i for i, c in Counter(ids).items() if c > 1]
        problems.append(f"articles differ from the manifest order: missing {missing}, extra {extra}, duplicated {dup}"
                        if (missing or extra or dup) else "articles are not in manifest order")

    types, anchors = Counter(), Counter()
    for d in docs:
        aid = d.get("id")
        where = f"{aid}"
        if set(d) != {"id", "published", "text", "timexes"}:
            problems.append(f"{where}: keys {sorted(d)}")
        src = corpus.get(aid)
        if src is not None:
            if d.get("text") != src["text"]:
                problems.append(f"{where}: text differs from the corpus")
            if d.get("published") != src["published"]:
                problems.append(f"{where}: published differs from the corpus")
        text = d.get("text") or ""
        prev_end, prev_start = -1, -1
        for k, t in enumerate(d.get("timexes") or []):
            w = f"{where} #{k} {t.get('text')!r}"
            if set(t) != KEYS:
                problems.append(f"{w}: keys {sorted(t)}")
                continue
            s, e = t["start"], t["end"]
            if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
                problems.append(f"{w}: bad offsets {s}-{e}")
                continue
            if text[s:e] != t["text"]:
                problems.append(f"{w}: text[{s}:{e}] is {text[s:e]!r}")
            if t["text"] != t["text"].strip():
                problems.append(f"{w}: span has surrounding blanks")
            if s < prev_start:
                problems.append(f"{w}: not sorted by start")
            if s < prev_end:
                problems.append(f"{w}: overlaps the previous expression")
            prev_start, prev_end = s, max(prev_end, e)
            typ, value = t["type"], t["value"]
            if typ not in TYPES:
                problems.append(f"{w}: type {typ!r}")
            elif not isinstance(value, str) or not value_ok(typ, value):
                problems.append(f"{w}: value {value!r} is not a valid {typ} value")
            else:
                problems.extend(f"{w}: {p}" for p in calendar_problems(value))
                if (aid, t["text"]) not in SOURCE_CONTRADICTIONS:
                    problems.extend(f"{w}: {p}" for p in agreement_problems(t["text"], typ, value))
            if t["anchor"] not in ANCHORS:
                problems.append(f"{w}: anchor {t['anchor']!r}")
            elif t["anchor"] == "narrative":
                at = t["anchor_text"]
                if not isinstance(at, str) or not at or at not in text:
                    problems.append(f"{w}: narrative anchor_text {at!r} is not words of the text")
            elif t["anchor_text"] is not None:
                problems.append(f"{w}: anchor_text must be null when the anchor is {t['anchor']}")
            if t["anchor"] == "dct" and (typ in {"DURATION", "SET"} or value in REFS):
                problems.append(f"{w}: a {typ} {value} is not resolved against the DCT")
            types[typ] += 1
            anchors[t["anchor"]] += 1

    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s)")
        return 1
    total = sum(types.values())
    print(f"OK: {len(docs)} articles, {total} expressions")
    print("by type:", ", ".join(f"{k} {types[k]}" for k in sorted(types)))
    print("by anchor:", ", ".join(f"{k} {anchors[k]}" for k in sorted(anchors)))
    print(f"DATE expressions: {types['DATE']}" + ("" if types["DATE"] >= 600 else " (fewer than the 600 wanted)"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
