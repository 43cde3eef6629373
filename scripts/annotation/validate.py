"""Check an annotation file against its input batch and the guidelines' closed vocabularies.

    .venv/bin/python scripts/annotation/validate.py data/annotated/batches/batch-01.jsonl \
        data/annotated/raw/batch-01.a.jsonl

Prints one line per problem and exits 1 when there is any; prints the counts and exits 0 otherwise.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

ACLED = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
ACTOR_TYPES = {"state", "rebel", "political_militia", "identity_militia", "rioters", "protesters", "civilians",
               "external", "government", "political_party", "organisation", "person", "unknown"}
DATE_PRECISIONS = {"day", "week", "month", "year", "unknown"}
PLACE_PRECISIONS = {"exact", "near", "admin1", "country"}
SENTENCE_EVENT = {"firm", "borderline", "no"}
REALIS = {"happened", "ongoing", "hypothetical", "future", "generic", "negated", "none"}


def check_acled(value, where: str, problems: list[str]) -> None:
    if value is None:
        return
    if not (isinstance(value, list) and len(value) == 2 and value[1] in ACLED.get(value[0], ())):
        problems.append(f"{where}: acled {value!r} is not one of the guidelines' pairs")


def check_date(event: dict, published: str, where: str, problems: list[str]) -> None:
    precision = event.get("date_precision")
    if precision not in DATE_PRECISIONS:
        problems.append(f"{where}: date_precision {precision!r}")
        return
    try:
        date = dt.date.fromisoformat(event.get("date") or "")
    except ValueError:
        problems.append(f"{where}: date {event.get('date')!r} is not YYYY-MM-DD")
        return
    if date > dt.date.fromisoformat(published):
        problems.append(f"{where}: date {date} is after publication {published}")
    if precision == "unknown" and date.isoformat() != published:
        problems.append(f"{where}: precision unknown must carry the publication date")
    if precision == "week" and date.weekday() != 0:
        problems.append(f"{where}: a week-precise date must be a Monday")
    if precision == "month" and date.day != 1:
        problems.append(f"{where}: a month-precise date must be the 1st")
    if precision == "year" and (date.month, date.day) != (1, 1):
        problems.append(f"{where}: a year-precise date must be 1 January")


def check_location(location, where: str, problems: list[str]) -> None:
    if location is None:
        return
    if location.get("precision") not in PLACE_PRECISIONS:
        problems.append(f"{where}: location precision {location.get('precision')!r}")
    country = location.get("country")
    if country is not None and not (isinstance(country, str) and len(country) == 2 and country.isupper()):
        problems.append(f"{where}: country {country!r} is not an ISO-2 code")
    if location.get("geonameid") is not None and (location.get("lat") is None or location.get("lon") is None):
        problems.append(f"{where}: a geonameid needs lat and lon")
    if location.get("precision") == "country" and location.get("lat") is not None:
        problems.append(f"{where}: a country-level place has no coordinates")


def check_actor(actor, where: str, problems: list[str]) -> None:
    if actor is None:
        return
    if actor.get("type") not in ACTOR_TYPES:
        problems.append(f"{where}: actor type {actor.get('type')!r}")
    if not actor.get("name"):
        problems.append(f"{where}: actor without a name")


def check_substring(value, text: str, where: str, problems: list[str]) -> None:
    if value is not None and value not in text:
        problems.append(f"{where}: {value[:60]!r} is not verbatim in the text")


def check_event(event: dict, article: dict, where: str, problems: list[str]) -> None:
    text = article["text"]
    check_acled(event.get("acled"), where, problems)
    if event.get("plover") not in PLOVER:
        problems.append(f"{where}: plover {event.get('plover')!r}")
    check_date(event, article["published"], where, problems)
    check_substring(event.get("date_text"), text, f"{where} date_text", problems)
    check_location(event.get("location"), where, problems)
    for role in ("actor1", "actor2"):
        check_actor(event.get(role), f"{where} {role}", problems)
        if event.get(role):
            check_substring(event[role].get("text"), text, f"{where} {role}.text", problems)
    for count in ("fatalities", "injured"):
        value = event.get(count)
        if value is not None and (not isinstance(value, int) or value < 0):
            problems.append(f"{where}: {count} {value!r} is not a count")
    if not isinstance(event.get("sources"), list):
        problems.append(f"{where}: sources must be a list")
    if not isinstance(event.get("borderline"), bool):
        problems.append(f"{where}: borderline must be true or false")
    if not event.get("evidence"):
        problems.append(f"{where}: no evidence")
    check_substring(event.get("evidence"), text, f"{where} evidence", problems)


def check_sentences(labels: list, article: dict, where: str, problems: list[str]) -> None:
    expected = {s["i"] for s in article["sentences"]}
    seen = [label.get("i") for label in labels]
    if sorted(seen) != sorted(expected):
        problems.append(f"{where}: sentence labels cover {len(set(seen))} of {len(expected)} sentences "
                        f"(missing {sorted(expected - set(seen))[:8]}, extra {sorted(set(seen) - expected)[:8]})")
    for label in labels:
        at = f"{where} sentence {label.get('i')}"
        if label.get("event") not in SENTENCE_EVENT:
            problems.append(f"{at}: event {label.get('event')!r}")
        if label.get("realis") not in REALIS:
            problems.append(f"{at}: realis {label.get('realis')!r}")
        for entry in label.get("types") or []:
            if not (isinstance(entry, list) and len(entry) == 3 and entry[2] in PLOVER):
                problems.append(f"{at}: type {entry!r} is not [event_type|null, sub_event_type|null, PLOVER]")
            elif entry[0] is not None:
                check_acled(entry[:2], at, problems)
        if label.get("event") in ("firm", "borderline") and not label.get("types"):
            problems.append(f"{at}: an event sentence needs its types")
        if label.get("event") in ("firm", "borderline") and label.get("realis") not in ("happened", "ongoing"):
            problems.append(f"{at}: an event sentence reports something that happened or is ongoing")


def check_evidence_sentences(article: dict, annotation: dict, where: str, problems: list[str]) -> None:
    """Every firm event's evidence lies in a sentence labelled as reporting an event."""
    labels = {label.get("i"): label.get("event") for label in annotation.get("sentences", [])}
    for n, event in enumerate(annotation.get("events", [])):
        start = article["text"].find(event.get("evidence") or "\0")
        if start < 0 or event.get("borderline"):
            continue
        covering = [s["i"] for s in article["sentences"] if s["start"] < start + len(event["evidence"])
                    and start < s["end"]]
        if covering and all(labels.get(i) == "no" for i in covering):
            problems.append(f"{where} event {n}: its evidence sentence(s) {covering} are labelled 'no'")


def validate(batch_path: Path, annotation_path: Path) -> list[str]:
    articles = {}
    for line in batch_path.open(encoding="utf-8"):
        row = json.loads(line)
        articles[row["id"]] = row
    problems: list[str] = []
    seen: set[str] = set()
    for n, line in enumerate(annotation_path.open(encoding="utf-8"), 1):
        if not line.strip():
            continue
        try:
            annotation = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"line {n}: not JSON ({exc})")
            continue
        article_id = annotation.get("id")
        if article_id not in articles:
            problems.append(f"line {n}: id {article_id!r} is not in the batch")
            continue
        if article_id in seen:
            problems.append(f"line {n}: id {article_id} annotated twice")
        seen.add(article_id)
        article = articles[article_id]
        for k, event in enumerate(annotation.get("events", [])):
            check_event(event, article, f"{article_id} event {k}", problems)
        for k, claim in enumerate(annotation.get("aggregate_claims", [])):
            check_substring(claim.get("text"), article["text"], f"{article_id} aggregate {k}", problems)
        for k, quote in enumerate(annotation.get("quotes", [])):
            check_substring(quote.get("quote"), article["text"], f"{article_id} quote {k}", problems)
            check_substring(quote.get("speaker_text"), article["text"], f"{article_id} quote {k} speaker_text",
                            problems)
            if not quote.get("speaker"):
                problems.append(f"{article_id} quote {k}: no speaker")
        check_sentences(annotation.get("sentences", []), article, article_id, problems)
        check_evidence_sentences(article, annotation, article_id, problems)
    for missing in sorted(set(articles) - seen):
        problems.append(f"{missing}: not annotated")
    return problems


def main() -> None:
    batch_path, annotation_path = Path(sys.argv[1]), Path(sys.argv[2])
    problems = validate(batch_path, annotation_path)
    for problem in problems:
        print(problem)
    if problems:
        sys.exit(1)
    rows = [json.loads(line) for line in annotation_path.open(encoding="utf-8") if line.strip()]
    events = [e for r in rows for e in r.get("events", [])]
    firm = sum(not e["borderline"] for e in events)
    print(f"ok: {len(rows)} articles, {firm} firm and {len(events) - firm} borderline events, "
          f"{sum(len(r.get('quotes', [])) for r in rows)} quotes, "
          f"{sum(len(r.get('sentences', [])) for r in rows)} sentence labels")


if __name__ == "__main__":
    main()
