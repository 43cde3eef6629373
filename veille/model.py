"""The output records of veille: the fixed contract of DESIGN.md, as typed models.

Field names here are a public contract (tools and people depend on them): add optional fields if needed,
never rename or remove one.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

Plover = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
PLOVER_CODES: tuple[str, ...] = Plover.__args__  # type: ignore[attr-defined]
DatePrecision = Literal["day", "week", "month", "year", "unknown"]
PlacePrecision = Literal["exact", "near", "admin1", "country"]
ActorType = Literal[
    "state", "rebel", "political_militia", "identity_militia", "rioters", "protesters", "civilians",
    "external", "government", "political_party", "organisation", "person", "unknown",
]
ACTOR_TYPES: tuple[str, ...] = ActorType.__args__  # type: ignore[attr-defined]


class Record(BaseModel):
    """Base of every record: strict about unknown fields so a typo never passes silently."""

    model_config = ConfigDict(extra="forbid")


class AcledType(Record):
    event_type: str
    sub_event_type: str

    @field_validator("sub_event_type")
    @classmethod
    def _known_pair(cls, sub: str, info) -> str:
        event_type = info.data.get("event_type")
        if event_type not in EVENT_TYPES or sub not in EVENT_TYPES[event_type]:
            raise ValueError(f"unknown ACLED type pair: {event_type!r} / {sub!r}")
        return sub


class Location(Record):
    name: str | None = None
    geonameid: int | None = None
    gazetteer_name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: PlacePrecision | None = None


class Actor(Record):
    name: str
    text: str | None = None
    type: ActorType = "unknown"
    country: str | None = None


class Claim(Record):
    source: str | None = None
    fatalities: int | None = None
    injured: int | None = None


class Event(Record):
    event_id: str
    acled: AcledType | None = None
    plover: Plover
    date: str
    date_precision: DatePrecision = "unknown"
    date_text: str | None = None
    location: Location | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    fatalities: int | None = None
    injured: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    fatalities_approx: bool = False
    injured_approx: bool = False
    sources: list[str] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    evidence: str
    evidence_span: tuple[int, int]
    confidence: float = Field(ge=0.0, le=1.0)


class AggregateClaim(Record):
    text: str
    fatalities: int | None = None
    injured: int | None = None
    sources: list[str] = Field(default_factory=list)
    span: tuple[int, int] | None = None


class Quote(Record):
    speaker: str | None = None
    speaker_text: str | None = None
    quote: str
    span: tuple[int, int]


class DateMention(Record):
    text: str
    start: int
    end: int
    value: str
    precision: DatePrecision
    end_value: str | None = None  # the last day/period of a range ("du 2 au 5 mai"), else null


class PlaceMention(Record):
    text: str
    start: int
    end: int
    geonameid: int | None = None
    gazetteer_name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: PlacePrecision | None = None
    score: float | None = None
    reason: str | None = None


class EntityActor(Record):
    name: str
    type: ActorType
    country: str | None = None


class EntityMention(Record):
    text: str
    start: int
    end: int
    label: str
    actor: EntityActor | None = None


class ArticleRecord(Record):
    id: str
    published: str | None = None
    lang: str | None = "fr"
    title: str | None = None
    url: str | None = None
    source: str | None = None
    text: str | None = None
    error: str | None = None  # why this article could not be processed; null when it was
    events: list[Event] = Field(default_factory=list)
    aggregate_claims: list[AggregateClaim] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    places: list[PlaceMention] = Field(default_factory=list)
    entities: list[EntityMention] = Field(default_factory=list)


# Control characters no news text holds: NUL breaks PostgreSQL, the others break parsers and terminals. Tab,
# line feed and carriage return are text; the vertical tab, form feed and separators of C0 end a line.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\ud800-\udfff]")
_LINE_CONTROLS = re.compile(r"[\x0b\x0c\x1c-\x1e]")
# Publication dates outside this range are typos or placeholders (0001-01-01, 2099-12-31), not news.
EARLIEST_PUBLISHED = dt.date(1900, 1, 1)


def clean_text(text: str) -> str:
    """`text` with each control character and lone surrogate replaced by one character (a space, a line
    break, or U+FFFD for a surrogate), so every offset into the input is still an offset into the result."""
    if not (_CONTROLS.search(text) or _LINE_CONTROLS.search(text)):
        return text
    text = _LINE_CONTROLS.sub("\n", text)
    return _CONTROLS.sub(lambda m: "\ufffd" if m.group() >= "\ud800" else " ", text)


def check_published(day: dt.date) -> dt.date:
    """A plausible publication date: not before 1900 and not after tomorrow (time zones); else ValueError."""
    latest = dt.date.today() + dt.timedelta(days=1)
    if not EARLIEST_PUBLISHED <= day <= latest:
        raise ValueError(f"publication date {day.isoformat()} is not plausible "
                         f"(expected {EARLIEST_PUBLISHED.isoformat()} to {latest.isoformat()})")
    return day


class Article(BaseModel):
    """One input article, as read by ingest (unknown input fields are ignored). Its text is sanitised here,
    once, whatever the entry point (readers, the Python API): see `clean_text`."""

    model_config = ConfigDict(extra="ignore")

    id: str
    text: str
    published: dt.date
    title: str | None = None
    url: str | None = None
    source: str | None = None

    @field_validator("id", "text", "title", "url", "source")
    @classmethod
    def _clean(cls, value: str | None) -> str | None:
        return clean_text(value) if value is not None else None

    @field_validator("published")
    @classmethod
    def _plausible(cls, value: dt.date) -> dt.date:
        return check_published(value)


def article_json_schema() -> dict:
    """The published JSON Schema of one output line of `veille extract`."""
    schema = ArticleRecord.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "veille article record"
    return schema
