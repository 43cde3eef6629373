"""Event scoring against gold data, exactly as DESIGN.md's "How quality is measured" defines it.

A predicted event matches a gold event when (1) the ACLED event_type is the same (for a gold event without
ACLED type: the PLOVER code is the same), (2) the places agree (within 50 km, or the same country when either
side is only country/admin1 precise, or the gold has no place) and (3) the dates agree (within one day when
the gold precision is "day"; for a coarser gold precision, the prediction falls inside the gold week, month
or year; a gold date of unknown precision agrees with any date). Pairs are matched one-to-one, closest
first, firm gold events before borderline ones.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

PLACE_MATCH_KM = 50.0
PLACE_FIELD_KM = 25.0
COARSE_PRECISIONS = {"country", "admin1"}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    rlat1, rlat2 = math.radians(lat1), math.radians(lat2)
    dlat, dlon = rlat2 - rlat1, math.radians(lon2 - lon1)
    a = math.sin(dlat / 2) ** 2 + math.cos(rlat1) * math.cos(rlat2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _loc(event: dict) -> dict | None:
    loc = event.get("location")
    if not loc or not any(loc.get(k) for k in ("name", "country", "lat")):
        return None
    return loc


def _has_point(loc: dict | None) -> bool:
    return loc is not None and loc.get("lat") is not None and loc.get("lon") is not None


def place_distance(gold: dict, pred: dict) -> float | None:
    """0 or a distance in km when the places agree for matching, None when they do not."""
    gloc, ploc = _loc(gold), _loc(pred)
    if gloc is None:
        return 0.0
    if ploc is None:
        return None
    coarse = gloc.get("precision") in COARSE_PRECISIONS or ploc.get("precision") in COARSE_PRECISIONS
    if _has_point(gloc) and _has_point(ploc) and not coarse:
        km = haversine_km(gloc["lat"], gloc["lon"], ploc["lat"], ploc["lon"])
        return km if km <= PLACE_MATCH_KM else None
    if (coarse or not _has_point(gloc) or not _has_point(ploc)) and gloc.get("country"):
        if gloc.get("country") == ploc.get("country"):
            # a coarse agreement is a weaker match than a point within range
            return PLACE_MATCH_KM
        return None
    return None


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def date_distance(gold: dict, pred: dict) -> float | None:
    """Days between the dates when they agree for matching, None when they do not."""
    gdate, pdate = _date(gold.get("date")), _date(pred.get("date"))
    precision = gold.get("date_precision") or "unknown"
    if gdate is None or precision == "unknown":
        return 0.0 if pdate is None or gdate is None else abs((pdate - gdate).days) / 1000.0
    if pdate is None:
        return None
    days = abs((pdate - gdate).days)
    agree = {
        "day": days <= 1,
        "week": 0 <= (pdate - gdate).days <= 6 or days <= 1,
        "month": (pdate.year, pdate.month) == (gdate.year, gdate.month),
        "year": pdate.year == gdate.year,
    }.get(precision, True)
    return float(days) if agree else None


def types_agree(gold: dict, pred: dict) -> bool:
    gacled, pacled = gold.get("acled"), pred.get("acled")
    if gacled:
        return bool(pacled) and _event_type(pacled) == _event_type(gacled)
    return pred.get("plover") == gold.get("plover")


def _event_type(acled: Any) -> str | None:
    if isinstance(acled, dict):
        return acled.get("event_type")
    if isinstance(acled, list | tuple) and acled:
        return acled[0]
    return None


def _sub_event_type(acled: Any) -> str | None:
    if isinstance(acled, dict):
        return acled.get("sub_event_type")
    if isinstance(acled, list | tuple) and len(acled) > 1:
        return acled[1]
    return None


def pair_cost(gold: dict, pred: dict) -> float | None:
    """How far apart a compatible pair is (smaller is closer), or None if they cannot match."""
    if not types_agree(gold, pred):
        return None
    km = place_distance(gold, pred)
    if km is None:
        return None
    days = date_distance(gold, pred)
    if days is None:
        return None
    return km + 10.0 * days


def match_events(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index): closest first, firm gold events before borderline ones."""
    pairs: list[tuple[int, int]] = []
    used_pred: set[int] = set()
    for borderline in (False, True):
        candidates = []
        for gi, gevent in enumerate(gold):
            if bool(gevent.get("borderline")) != borderline:
                continue
            for pi, pevent in enumerate(pred):
                cost = pair_cost(gevent, pevent)
                if cost is not None:
                    candidates.append((cost, gi, pi))
        used_gold: set[int] = set()
        for _cost, gi, pi in sorted(candidates):
            if gi in used_gold or pi in used_pred:
                continue
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return pairs


@dataclass
class FieldScore:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.right += int(ok)

    @property
    def accuracy(self) -> float | None:
        return self.right / self.total if self.total else None


@dataclass
class ArticleReport:
    id: str
    hits: int = 0
    misses: list[dict] = field(default_factory=list)
    false_alarms: list[dict] = field(default_factory=list)
    field_errors: list[dict] = field(default_factory=list)


@dataclass
class Scores:
    hits: int = 0
    misses: int = 0
    false_alarms: int = 0
    fields: dict[str, FieldScore] = field(default_factory=dict)
    articles: list[ArticleReport] = field(default_factory=list)
    empty_gold_articles: int = 0
    empty_gold_articles_with_predictions: int = 0

    @property
    def precision(self) -> float:
        denominator = self.hits + self.false_alarms
        return self.hits / denominator if denominator else 0.0

    @property
    def recall(self) -> float:
        denominator = self.hits + self.misses
        return self.hits / denominator if denominator else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {
            "events": {
                "precision": round(self.precision, 4),
                "recall": round(self.recall, 4),
                "f1": round(self.f1, 4),
                "hits": self.hits,
                "misses": self.misses,
                "false_alarms": self.false_alarms,
            },
            "fields": {
                name: {"accuracy": None if s.accuracy is None else round(s.accuracy, 4), "right": s.right,
                       "total": s.total}
                for name, s in self.fields.items()
            },
            "empty_gold_articles": self.empty_gold_articles,
            "empty_gold_articles_with_predictions": self.empty_gold_articles_with_predictions,
            "articles": [
                {"id": a.id, "hits": a.hits, "misses": a.misses, "false_alarms": a.false_alarms,
                 "field_errors": a.field_errors}
                for a in self.articles
            ],
        }


FIELD_NAMES = ("sub_event_type", "place_25km", "date_exact", "fatalities", "injured", "actor1_type")


def _field_values(gold: dict, pred: dict) -> dict[str, tuple[Any, Any, bool]]:
    """Each scored field of a matched pair: (gold value, predicted value, right)."""
    values: dict[str, tuple[Any, Any, bool]] = {}
    if gold.get("acled"):
        gold_sub, pred_sub = _sub_event_type(gold["acled"]), _sub_event_type(pred.get("acled"))
        values["sub_event_type"] = (gold_sub, pred_sub, gold_sub == pred_sub)
    gloc, ploc = _loc(gold), _loc(pred)
    if gloc is not None and _has_point(gloc):
        ok = ploc is not None and _has_point(ploc) and haversine_km(
            gloc["lat"], gloc["lon"], ploc["lat"], ploc["lon"]) <= PLACE_FIELD_KM
        pred_place = (ploc or {}).get("name") or (ploc or {}).get("gazetteer_name")
        values["place_25km"] = (gloc.get("name"), pred_place, ok)
    values["date_exact"] = (gold.get("date"), pred.get("date"), gold.get("date") == pred.get("date"))
    for name in ("fatalities", "injured"):
        if gold.get(name) is not None:
            values[name] = (gold[name], pred.get(name), pred.get(name) == gold[name])
    if gold.get("actor1") and gold["actor1"].get("type"):
        pred_actor = pred.get("actor1") or {}
        values["actor1_type"] = (
            f"{gold['actor1']['type']}: {gold['actor1'].get('name')}",
            f"{pred_actor.get('type')}: {pred_actor.get('name')}",
            pred_actor.get("type") == gold["actor1"]["type"],
        )
    return values


def score_fields(scores: Scores, gold: dict, pred: dict) -> list[dict]:
    """Count each field of a matched pair; return the wrong ones so a report can show them."""
    errors = []
    for name, (gold_value, pred_value, ok) in _field_values(gold, pred).items():
        scores.fields[name].add(ok)
        if not ok:
            errors.append({"field": name, "gold": gold_value, "pred": pred_value, "evidence": pred.get("evidence")})
    return errors


def summarise_event(event: dict) -> dict:
    """The few fields a developer needs to read a miss or a false alarm."""
    loc = _loc(event) or {}
    return {
        "type": _sub_event_type(event.get("acled")) or event.get("plover"),
        "plover": event.get("plover"),
        "date": event.get("date"),
        "date_precision": event.get("date_precision"),
        "place": loc.get("name") or loc.get("gazetteer_name"),
        "country": loc.get("country"),
        "actor1": (event.get("actor1") or {}).get("name"),
        "fatalities": event.get("fatalities"),
        "evidence": event.get("evidence"),
    }


def score(gold_articles: Iterable[dict], pred_articles: Iterable[dict]) -> Scores:
    """Score predicted article records against gold ones (joined on `id`; a missing prediction is empty)."""
    predictions = {p["id"]: p for p in pred_articles}
    scores = Scores(fields={name: FieldScore() for name in FIELD_NAMES})
    for gold_article in gold_articles:
        gold = gold_article.get("events") or []
        pred = (predictions.get(gold_article["id"]) or {}).get("events") or []
        report = ArticleReport(id=gold_article["id"])
        pairs = match_events(gold, pred)
        matched_gold = {gi for gi, _ in pairs}
        matched_pred = {pi for _, pi in pairs}
        for gi, pi in pairs:
            if gold[gi].get("borderline"):
                continue
            report.hits += 1
            report.field_errors.extend(score_fields(scores, gold[gi], pred[pi]))
        report.misses = [
            summarise_event(g) for gi, g in enumerate(gold) if gi not in matched_gold and not g.get("borderline")
        ]
        report.false_alarms = [summarise_event(p) for pi, p in enumerate(pred) if pi not in matched_pred]
        scores.hits += report.hits
        scores.misses += len(report.misses)
        scores.false_alarms += len(report.false_alarms)
        if not gold:
            scores.empty_gold_articles += 1
            scores.empty_gold_articles_with_predictions += bool(pred)
        scores.articles.append(report)
    return scores


def read_jsonl(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def format_report(scores: Scores, show_articles: bool = True) -> str:
    """A plain-text report: the headline scores, field accuracies, then each article's errors."""
    lines = [
        f"events  precision {scores.precision:.3f}  recall {scores.recall:.3f}  F1 {scores.f1:.3f}  "
        f"(hits {scores.hits}, misses {scores.misses}, false alarms {scores.false_alarms})",
        f"articles with no gold event: {scores.empty_gold_articles}, "
        f"of which with a predicted event: {scores.empty_gold_articles_with_predictions}",
        "over matched events:",
    ]
    for name, field_score in scores.fields.items():
        accuracy = "n/a" if field_score.accuracy is None else f"{field_score.accuracy:.3f}"
        lines.append(f"  {name:<15} {accuracy:>6}  ({field_score.right}/{field_score.total})")
    if show_articles:
        lines.append("")
        lines.append(f"{'article':<44} {'hits':>4} {'miss':>4} {'f.a.':>4}")
        for report in scores.articles:
            if not (report.misses or report.false_alarms or report.field_errors):
                continue
            lines.append(f"{report.id:<44} {report.hits:>4} {len(report.misses):>4} {len(report.false_alarms):>4}")
            for kind, events in (("MISS", report.misses), ("FALSE", report.false_alarms)):
                for event in events:
                    lines.append(
                        f"    {kind:<5} {event['type']} | {event['date']} ({event['date_precision']}) | "
                        f"{event['place']} [{event['country']}] | {event['actor1']} | killed={event['fatalities']}"
                    )
                    lines.append(f"          « {(event['evidence'] or '')[:160]} »")
            for error in report.field_errors:
                lines.append(f"    FIELD {error['field']}: gold {error['gold']} | predicted {error['pred']}")
                lines.append(f"          « {(error['evidence'] or '')[:160]} »")
    return "\n".join(lines)
