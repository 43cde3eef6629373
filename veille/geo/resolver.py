"""Resolve a place name to one gazetteer entry, using the article's context, or abstain.

A wrong point is worse than no point: a name is resolved to a place only when its best reading beats every
different reading by a clear margin; when the rivals all lie in one country, the answer is that country
(precision "country"); otherwise there is no answer.
"""

from __future__ import annotations

import math
import os
import sqlite3
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from rapidfuzz import fuzz

from veille.geo.build import ensure_gazetteer
from veille.geo.index import NameIndex
from veille.geo.normalize import name_key, sound_key, without_particles
from veille.geo.store import (
    ADMIN1,
    COUNTRY,
    KIND_ALTERNATE,
    KIND_CURATED,
    KIND_MAIN,
    KIND_STRIPPED,
    connect,
    gazetteer_path,
)

# Score of a reading (log10 units: +1 is worth a tenfold population). Calibrated on hand-made cases
# (Homs, Tripoli, Paris, Tillabéri) so that context or a curated French name outweighs a 1000x population gap.
KIND_BONUS = {KIND_CURATED: 3.0, KIND_MAIN: 0.5, KIND_ALTERNATE: 0.0, KIND_STRIPPED: -1.0}
FUZZY_PENALTY = -2.0
COUNTRY_PRIOR = 8.0  # a country outranks any town of the same name
UNKNOWN_POPULATION = 5000  # GeoNames writes 0 for "unknown": such a place is not assumed to be tiny
ADMIN1_PRIOR = 4.5  # a region weighs like a town of ~30,000 people
CONTEXT_COUNTRY_BONUS = 3.0  # the country is named or resolved elsewhere in the article
DATELINE_BONUS = 1.0  # ... and it is the dateline's country
NEAR_POINT_BONUS = 2.0  # within NEAR_POINT_KM of a place already resolved in the article
NEAR_POINT_KM = 150.0
# A reading must beat every different reading by this much (a tenfold population, or context).
MIN_MARGIN = 1.0
SAME_PLACE_KM = 25.0  # two entries closer than this are one place for the margin test
# Near-misses in spelling: the sound key must agree and the spellings be this similar (rapidfuzz ratio).
FUZZY_MIN_RATIO = 80.0
FUZZY_MIN_POPULATION = 20000  # without the country in context, a fuzzy match must be a sizeable town
# Even with its country known, a near-miss must not be a village: the gazetteer lacks most places under 500
# people, so a small namesake one letter away is often another real place ("Tarnac" is not "Tornac").
FUZZY_MIN_POPULATION_KNOWN_COUNTRY = 5000
# A town abroad (its country not named in the article) named by an alternate name only: kept when it is a
# metropolis, whose exonyms the news uses without naming the country ("Pékin"); set by hand, not tuned.
FOREIGN_ALTERNATE_MIN_POPULATION = 2_000_000
PRECISION = {COUNTRY: "country", ADMIN1: "admin1", "place": "exact"}
MATCH = {KIND_CURATED: "curated French name", KIND_MAIN: "main name", KIND_ALTERNATE: "alternate name",
         KIND_STRIPPED: "name without its article"}


class Candidate(NamedTuple):
    """One reading of a name: a gazetteer entry and how the name matched it (a tuple: cheap to make)."""

    pid: int
    geonameid: int | None
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    level: str
    kind: int
    fuzzy: bool = False


@dataclass(frozen=True)
class Resolution:
    """The answer for a name, with the score (0-1) and the reason it was chosen."""

    geonameid: int | None
    gazetteer_name: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: str
    score: float
    reason: str
    level: str
    population: int = 0
    weak_name: bool = False  # matched only by a near-miss spelling or a foreign alternate name

    def fields(self) -> dict:
        """The output fields shared by `places`, `location` and `veille geocode`."""
        return {"geonameid": self.geonameid, "gazetteer_name": self.gazetteer_name, "country": self.country,
                "admin1": self.admin1, "lat": self.lat, "lon": self.lon, "precision": self.precision,
                "score": self.score}


@dataclass
class ResolveContext:
    """What the article already says about where it is: countries, the dateline's country, resolved points."""

    countries: Counter = field(default_factory=Counter)
    dateline_country: str | None = None
    points: list[tuple[float, float]] = field(default_factory=list)

    def add(self, resolution: Resolution) -> None:
        if resolution.country:
            self.countries[resolution.country] += 1
        if resolution.lat is not None and resolution.lon is not None:
            self.points.append((resolution.lat, resolution.lon))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


_COLUMNS = "p.pid, p.geonameid, p.name, p.country, p.admin1, p.lat, p.lon, p.population, p.level, n.kind"


class Resolver:
    """Lookups in the gazetteer: exact names in memory (loaded on first use), near-misses in the read-only file."""

    def __init__(self, path: Path | None = None):
        self.path = ensure_gazetteer(path) if path is None or not Path(path).exists() else Path(path)
        self._conn: sqlite3.Connection | None = None
        self._pid = -1
        self._index: NameIndex | None = None
        self.candidates = lru_cache(maxsize=50_000)(self._candidates)
        self.near_candidates = lru_cache(maxsize=20_000)(self._near_candidates)

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None or self._pid != os.getpid():  # a forked worker opens its own connection
            self._conn = connect(self.path, readonly=True)
            self._pid = os.getpid()
        return self._conn

    @property
    def index(self) -> NameIndex:
        """The in-memory name index, read from the file once (a forked worker shares the parent's copy)."""
        if self._index is None:
            self._index = NameIndex.load(self.path, self.conn)
        return self._index

    def _candidates(self, key: str) -> tuple[Candidate, ...]:
        """Every entry with exactly this name key (best match kind per entry)."""
        index = self.index
        return _best_per_entry(Candidate(*index.entry(pid), kind) for pid, kind in index.matches(key))

    def _near_candidates(self, key: str) -> tuple[Candidate, ...]:
        """Entries whose name sounds like `key` and is spelt almost alike (near-misses), marked fuzzy."""
        skey = sound_key(key)
        if len(skey.replace(" ", "")) < 3:
            return ()
        rows = self.conn.execute(
            f"SELECT {_COLUMNS}, n.key FROM names n JOIN places p ON p.pid = n.pid WHERE n.skey = ?", (skey,)
        ).fetchall()
        kept = (Candidate(*row[:-1], fuzzy=True) for row in rows if fuzz.ratio(key, row[-1]) >= FUZZY_MIN_RATIO)
        return _best_per_entry(kept)

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        """The readings of a name as written: exact keys first (with and without leading particles)."""
        key = name_key(name)
        if key and (found := self.candidates(key)):
            return found
        bare = without_particles(name)
        if bare != name and (key := name_key(bare)):
            return self.candidates(key)
        return ()

    def resolve(self, name: str, country: str | None = None, context: ResolveContext | None = None,
                prefer: str | None = None) -> Resolution | None:
        """The entry `name` most likely means, or its country when only that is sure, or None.

        `country` (ISO-2) restricts the readings to that country; `context` favours readings in the
        article's countries and near its resolved places; `prefer="admin1"` favours a region ("région de X").
        """
        context = context or ResolveContext()
        found = self.lookup(name)
        fuzzy = False
        if not any(_allowed(c, country) for c in found):
            key = name_key(without_particles(name))
            found = self.near_candidates(key) if key else ()
            fuzzy = True
        readings = [c for c in found if _allowed(c, country)]
        if fuzzy:
            readings = [c for c in readings if c.population >= FUZZY_MIN_POPULATION or (
                (country or c.country in context.countries) and c.population >= FUZZY_MIN_POPULATION_KNOWN_COUNTRY)]
        if country is None and context.countries:
            readings = [c for c in readings if not _unlikely_abroad(c, context)]
        if not readings:
            return None
        return decide(readings, context, prefer, given_country=country)

    def country(self, code: str) -> Resolution | None:
        """The country entry of an ISO-2 code (precision "country", no coordinates)."""
        row = self.conn.execute(
            f"SELECT {_COLUMNS.replace('n.kind', '0')} FROM places p WHERE p.level = ? AND p.country = ?",
            (COUNTRY, code.upper()),
        ).fetchone()
        return _resolution(Candidate(*row), 1.0, "country code") if row else None

    def context_from_text(self, text: str) -> ResolveContext:
        """Countries named in a free text (for `veille geocode --context`): capitalised words and pairs."""
        context = ResolveContext()
        words = [w.strip(".,;:!?()«»\"") for w in text.split()]
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                phrase = " ".join(words[i:i + size])
                if phrase[:1].isupper():
                    for cand in self.lookup(phrase):
                        if cand.level == COUNTRY and cand.kind == KIND_CURATED:
                            context.countries[cand.country] += 1
        return context


def _unlikely_abroad(cand: Candidate, context: ResolveContext) -> bool:
    """A reading in a country the article never names, reached only by a near-miss spelling or by one of the
    many foreign-language alternate names, is more often a local place missing from the gazetteer
    ("Sévaré" near Mopti is not Sèvres; "Mambasa" in Ituri is not Mombasa) than a trip abroad."""
    if cand.country in context.countries or cand.level != "place":
        return False
    if cand.fuzzy:
        return True
    return cand.kind == KIND_ALTERNATE and (cand.population or 0) < FOREIGN_ALTERNATE_MIN_POPULATION


def _allowed(candidate: Candidate, country: str | None) -> bool:
    return country is None or candidate.country == country.upper()


def _best_per_entry(candidates) -> tuple[Candidate, ...]:
    best: dict[int, Candidate] = {}
    for cand in candidates:
        if cand.pid not in best or _kind_rank(cand.kind) > _kind_rank(best[cand.pid].kind):
            best[cand.pid] = cand
    return tuple(best.values())


def _kind_rank(kind: int) -> float:
    return KIND_BONUS.get(kind, 0.0)


def reading_score(cand: Candidate, context: ResolveContext, prefer: str | None) -> float:
    """How plausible one reading is (log10 units), before comparing it with its rivals."""
    if cand.level == COUNTRY:
        score = COUNTRY_PRIOR
    elif cand.level == ADMIN1:
        score = ADMIN1_PRIOR + (2.0 if prefer == ADMIN1 else 0.0)
    else:
        score = math.log10((cand.population or UNKNOWN_POPULATION) + 10)
    score += KIND_BONUS.get(cand.kind, 0.0) + (FUZZY_PENALTY if cand.fuzzy else 0.0)
    if cand.country and cand.country in context.countries:
        score += CONTEXT_COUNTRY_BONUS
        if cand.country == context.dateline_country:
            score += DATELINE_BONUS
    if cand.lat is not None and cand.level != COUNTRY and any(
        distance_km(cand.lat, cand.lon, lat, lon) <= NEAR_POINT_KM for lat, lon in context.points
    ):
        score += NEAR_POINT_BONUS
    return score


def _same_place(a: Candidate, b: Candidate) -> bool:
    if a.pid == b.pid:
        return True
    if a.level != b.level or a.country != b.country:
        # a town and the region of the same name in the same country: the town is inside it
        return a.country == b.country and {a.level, b.level} == {ADMIN1, "place"}
    if a.lat is None or b.lat is None:
        return a.level == COUNTRY
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM


def decide(readings: list[Candidate], context: ResolveContext, prefer: str | None,
           given_country: str | None = None) -> Resolution | None:
    """Pick the best reading if it clearly beats every different one; else the shared country, else None."""
    if len(readings) == 1:  # nothing to compare (most names): no scores needed
        only = readings[0]
        score = (1.0 - 0.5 * math.exp(-3.0)) * (0.7 if only.fuzzy else 1.0)
        return _resolution(only, score, _reason(only, context, 3.0, []))
    scored = sorted(((reading_score(c, context, prefer), c) for c in readings), key=lambda sc: -sc[0])
    best_score, best = scored[0]
    if best.level == ADMIN1 and prefer != ADMIN1:
        # a town named like its region ("Tillabéri") is meant unless the text says "région de"
        town = next((sc for sc in scored if sc[1].level == "place" and sc[1].country == best.country), None)
        if town is not None:
            best_score, best = town
            scored = [town, *(sc for sc in scored if sc is not town)]
    rivals = [(s, c) for s, c in scored[1:] if not _same_place(best, c)]
    margin = best_score - rivals[0][0] if rivals else 3.0
    if margin >= MIN_MARGIN:
        score = 1.0 - 0.5 * math.exp(-margin)
        if best.fuzzy:
            score *= 0.7
        reason = _reason(best, context, margin, rivals)
        return _resolution(best, score, reason)
    close = [c for s, c in rivals if best_score - s < MIN_MARGIN]
    countries = {best.country, *(c.country for c in close)}
    if len(countries) == 1 and best.country and best.level != COUNTRY:
        reason = (f"ambiguous: {len(close) + 1} places named so in {best.country} "
                  f"(margin {margin:.1f} < {MIN_MARGIN}); only the country is sure")
        return Resolution(None, None, best.country, None, None, None, "country",
                          round(0.4 + 0.1 * margin, 2), reason, COUNTRY)
    return None


def _reason(best: Candidate, context: ResolveContext, margin: float, rivals) -> str:
    parts = [("near-miss spelling of " if best.fuzzy else "") + MATCH.get(best.kind, "name"),
             best.level if best.level != "place" else f"population {best.population}"]
    if best.country in context.countries:
        parts.append(f"{best.country} in the article")
    if rivals:
        rival = rivals[0][1]
        parts.append(f"margin {margin:.1f} over {rival.name} ({rival.country}) and {len(rivals) - 1} other(s)")
    else:
        parts.append("only reading")
    return "; ".join(parts)


def _resolution(cand: Candidate, score: float, reason: str) -> Resolution:
    keep_point = cand.level == "place"
    return Resolution(
        geonameid=cand.geonameid, gazetteer_name=cand.name, country=cand.country, admin1=cand.admin1,
        lat=cand.lat if keep_point else None, lon=cand.lon if keep_point else None,
        precision=PRECISION[cand.level], score=round(score, 3), reason=reason, level=cand.level,
        population=cand.population, weak_name=cand.fuzzy or cand.kind == KIND_ALTERNATE,
    )


def as_near(resolution: Resolution, reason: str) -> Resolution:
    """The same town, for a site inside or near it (precision "near")."""
    precision = "near" if resolution.level == "place" else resolution.precision
    return replace(resolution, precision=precision, reason=f"{reason}; {resolution.reason}")


_RESOLVERS: dict[Path, Resolver] = {}


def get_resolver(path: Path | None = None) -> Resolver:
    """The process's resolver for the gazetteer file (built first if missing or stale; checked once)."""
    path = Path(path) if path is not None else gazetteer_path()
    if path not in _RESOLVERS:
        _RESOLVERS[path] = Resolver(ensure_gazetteer(path))
    return _RESOLVERS[path]
