"""From the named parts of a matched expression to a date: a cascade of small resolvers, one per kind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from veille.extract.temporal import calendar as cal
from veille.extract.temporal.calendar import Precision, Tense
from veille.extract.temporal.lexicon import Lexicon

Groups = dict[str, str]
# Two-digit years ("le 4 mars 97") are read in the century that puts them at most this far after
# publication.
SHORT_YEAR_FUTURE_SLACK = 10
# Counts beyond this in "il y a N jours" are not dates worth resolving (and would overflow the calendar).
MAX_COUNT = 5000
# A timeline's year does not override a day-month date that, read from publication, falls this close to it: news
# is about recent days ("mis en examen le 21 mars 2018. De retour chez les juges le 4 juin, ..." in June 2019).
RECENT_DAYS = 60


@dataclass(frozen=True)
class Resolved:
    """A resolved expression: its first day, precision, and the last day/period of a range."""

    start: dt.date
    precision: Precision
    end: dt.date | None = None
    year_from_anchor: bool = False  # the year was taken from a full date just before (Context.year_anchor)


@dataclass
class Context:
    """What resolution may look at beyond the words: publication date, the clause's tense, the last date."""

    published: dt.date
    tense: Callable[[], Tense]  # computed only when a resolver needs it (it reads the parse)
    anchor: dt.date  # the last day-precision date mentioned before, else the publication date
    year_anchor: dt.date | None = None  # a full date (with its year) just before, in the same passage


def day_number(text: str) -> int:
    """'1er' / 'premier' / '05' -> int."""
    return 1 if text.lower() in ("1er", "premier") else int(text)


def year_number(text: str, published: dt.date) -> int:
    """A written year; two digits are put in the century that makes sense from publication."""
    year = int(text.lstrip("'’"))
    if len(text.lstrip("'’")) > 2:
        return year
    century = published.year // 100 * 100
    year += century
    return year - 100 if year > published.year + SHORT_YEAR_FUTURE_SLACK else year


def direction_of(groups: Groups, lex: Lexicon) -> int:
    """-1 for "dernier/passé", +1 for "prochain", 0 without one."""
    word = groups.get("direction")
    return lex.value("directions", word) if word else 0


def count_of(text: str, lex: Lexicon) -> int | None:
    """A count written in words or digits, or None if implausibly large."""
    count = int(text) if text.isdigit() else lex.value("numbers", text)
    return count if count <= MAX_COUNT else None


def shift(published: dt.date, count: int, precision: Precision) -> dt.date | None:
    """`published` moved by `count` days, weeks, months (first day) or years (January 1st)."""
    if precision == "day":
        return cal.add_days(published, count)
    if precision == "week":
        return cal.add_days(published, 7 * count)
    if precision == "month":
        return cal.add_months(published, count)
    return cal.safe_date(published.year + count, 1, 1)


def resolve_last_hours(g: Groups, lex: Lexicon, ctx: Context) -> Resolved | None:
    """"ces dernières 24 heures": the day before publication (GUIDELINES); 48 h: the two days before."""
    days = max(1, lex.value("hours", g["hours"]) // 24)
    start, end = cal.add_days(ctx.published, -days), cal.add_days(ctx.published, -1)
    return Resolved(start, "day", end if days > 1 else None) if start and end else None


def resolve_offset(g: Groups, lex: Lexicon, ctx: Context) -> Resolved | None:
    """"il y a trois jours" / "dans deux semaines": publication date shifted by a count of units."""
    sign = -1 if g.get("ago") else 1
    count = count_of(g.get("ago") or g["later"], lex)
    precision: Precision = lex.value("units", g["unit"])
    day = shift(ctx.published, sign * count, precision) if count is not None else None
    return Resolved(day, precision) if day else None


def resolve_relative_day(g: Groups, lex: Lexicon, ctx: Context) -> Resolved | None:
    """"hier (soir)", "aujourd'hui", "après-demain": days from publication; the part of the day is dropped."""
    day = cal.add_days(ctx.published, lex.value("relative_days", g["relative_day"]))
    return Resolved(day, "day") if day else None


def resolve_anchored_day(g: Groups, lex: Lexicon, ctx: Context) -> Resolved | None:
    """"la veille", "le lendemain": days from the last date mentioned before (else publication)."""
    day = cal.add_days(ctx.anchor, lex.value("anchored_days", g["anchored_day"]))
    return Resolved(day, "day") if day else None


def resolve_current_part(g: Groups, lex: Lexicon, ctx: Context) -> Resolved | None:
    """"ce matin", "ce soir": the publication day; "cette nuit" told in the past: the night before it."""
    night_before = lex.value("parts_of_day", g["part"]) == "night" and ctx.tense() == "past"
    day = cal.add_days(ctx.published, -1 if night_before else 0)
    return Resolved(day, "day") if day else None


def resolve_period(g: Groups, lex: Lexicon, ctx: Context) -> Resolved | None:
    """"la semaine dernière", "le mois prochain", "cette année", "ce week-end": the period around publication."""
    precision: Precision = lex.value("units", g["unit"])
    if g["unit"].lower().startswith("week"):
        direction = direction_of(g, lex)
        saturday = cal.weekday_near(ctx.published, 5, None if direction else ctx.tense(), direction)
        return Resolved(saturday, "week") if saturday else None
    day = shift(ctx.published, direction_of(g, lex), precision)
    if day is not None and precision == "year" and g.get("boundary"):
        return year_boundary(day.year, lex.value("boundaries", g["boundary"]))
    return Resolved(day, precision) if day else None


def year_from_anchor(g: Groups, lex: Lexicon, ctx: Context, month: int, day: int,
                     weekday: int | None = None) -> dt.date | None:
    """A day-month date placed by the full date stated just before it (a timeline told in the past), or
    None: no anchor, a "dernier/prochain" (they count from publication), a future tense, or a date that read
    from publication is recent (see RECENT_DAYS)."""
    anchor = ctx.year_anchor
    if anchor is None or g.get("direction") or ctx.tense() == "future":
        return None
    from_publication = cal.choose_day_year(ctx.published, month, day, None, 0, weekday)
    if from_publication is not None and abs((ctx.published - from_publication).days) <= RECENT_DAYS:
        return None
    return cal.day_year_near(anchor, month, day, ctx.published, weekday)


def resolve_calendar_day(g: Groups, lex: Lexicon, ctx: Context) -> Resolved | None:
    """"mardi 6 septembre (2016)", "le 9 juin dernier", "12/10/2016", "du 2 au 5 mai": explicit days."""
    if g.get("day_end"):
        return resolve_day_range(g, lex, ctx)
    month = int(g["month_digits"]) if g.get("month_digits") else lex.value("months", g["month"])
    day = day_number(g["day"])
    if g.get("year"):
        found = cal.safe_date(year_number(g["year"], ctx.published), month, day)
        return Resolved(found, "day") if found else None
    weekday = lex.value("weekdays", g["weekday"]) if g.get("weekday") else None
    anchored = year_from_anchor(g, lex, ctx, month, day, weekday)
    if anchored is not None:
        return Resolved(anchored, "day", year_from_anchor=True)
    direction = direction_of(g, lex)
    tense = None if direction else ctx.tense()
    found = cal.choose_day_year(ctx.published, month, day, tense, direction, weekday)
    return Resolved(found, "day") if found else None


def resolve_day_range(g: Groups, lex: Lexicon, ctx: Context) -> Resolved | None:
    """"du 2 au 5 mai", "les 7 et 8 juin": the end is resolved, the start takes its missing parts from it."""
    end_month = lex.value("months", g["month_end"])
    end_day = day_number(g["day_end"])
    anchored = None
    if g.get("year_end"):
        end = cal.safe_date(year_number(g["year_end"], ctx.published), end_month, end_day)
    else:
        anchored = year_from_anchor(g, lex, ctx, end_month, end_day)
        end = anchored or cal.choose_day_year(ctx.published, end_month, end_day, ctx.tense())
    if end is None:
        return None
    start_month = lex.value("months", g["month"]) if g.get("month") else end_month
    start_year = year_number(g["year"], ctx.published) if g.get("year") else end.year
    start = cal.safe_date(start_year, start_month, day_number(g["day"]))
    if start is not None and start > end and not g.get("year"):
        start = cal.safe_date(start_year - 1, start_month, start.day)
    if start is None or start > end:
        return None
    return Resolved(start, "day", end, year_from_anchor=anchored is not None)


def resolve_weekday_range(g: Groups, lex: Lexicon, ctx: Context) -> Resolved | None:
    """"dans la nuit de samedi à dimanche": dated by its first day (as ACLED does); the end is the next such day."""
    first, last = lex.value("weekdays", g["weekday"]), lex.value("weekdays", g["weekday_end"])
    gap = (last - first) % 7 or 7
    direction = direction_of(g, lex)
    tense = None if direction else ctx.tense()
    if direction < 0 or tense == "past":  # the whole range lies before publication: place its end first
        end = cal.weekday_near(ctx.published, last, tense, direction)
        start = cal.add_days(end, -gap) if end else None
    else:
        start = cal.weekday_near(ctx.published, first, tense, direction)
        end = cal.add_days(start, gap) if start else None
    return Resolved(start, "day", end) if start and end else None


def resolve_weekday(g: Groups, lex: Lexicon, ctx: Context) -> Resolved | None:
    """"dimanche", "dimanche dernier", "lundi prochain", "mardi soir": by "dernier/prochain", else by tense."""
    direction = direction_of(g, lex)
    day = cal.weekday_near(ctx.published, lex.value("weekdays", g["weekday"]), None if direction else ctx.tense(),
                           direction)
    return Resolved(day, "day") if day else None


def resolve_month(g: Groups, lex: Lexicon, ctx: Context) -> Resolved | None:
    """"fin août", "en mai dernier", "juin 2016": the month (boundaries keep month precision, GUIDELINES)."""
    month = lex.value("months", g["month"])
    if g.get("year"):
        year = year_number(g["year"], ctx.published)
    else:
        direction = direction_of(g, lex)
        year = cal.choose_month_year(ctx.published, month, None if direction else ctx.tense(), direction)
    day = cal.safe_date(year, month, 1)
    return Resolved(day, "month") if day else None


def year_boundary(year: int, where: str) -> Resolved | None:
    """"début 2018" -> January 2018, "fin 2018" -> December 2018 (precision month); "mi-2018" -> the year."""
    month = {"start": 1, "end": 12}.get(where)
    day = cal.safe_date(year, month or 1, 1)
    return Resolved(day, "month" if month else "year") if day else None


def resolve_year(g: Groups, lex: Lexicon, ctx: Context) -> Resolved | None:
    """"en 2014", "fin 2016", "entre 2014 et 2016": the year (and the last year of a range)."""
    if g.get("boundary") and not g.get("year_end"):
        return year_boundary(int(g["year"]), lex.value("boundaries", g["boundary"]))
    start = cal.safe_date(int(g["year"]), 1, 1)
    end = cal.safe_date(int(g["year_end"]), 1, 1) if g.get("year_end") else None
    if start is None or (end is not None and end <= start):
        return None
    return Resolved(start, "year", end)


Resolver = Callable[[Groups, Lexicon, Context], Resolved | None]
# The first entry whose key group was matched resolves the expression (order matters: most specific first).
CASCADE: tuple[tuple[str, Resolver], ...] = (
    ("hours", resolve_last_hours),
    ("ago", resolve_offset),
    ("later", resolve_offset),
    ("relative_day", resolve_relative_day),
    ("anchored_day", resolve_anchored_day),
    ("unit", resolve_period),
    ("day", resolve_calendar_day),
    ("weekday_end", resolve_weekday_range),
    ("weekday", resolve_weekday),
    ("part", resolve_current_part),
    ("month", resolve_month),
    ("year", resolve_year),
)


def resolve(groups: Groups, lex: Lexicon, ctx: Context) -> Resolved | None:
    """Resolve the matched groups (only those that matched) with the first resolver that applies."""
    for key, resolver in CASCADE:
        if groups.get(key):
            return resolver(groups, lex, ctx)
    return None
