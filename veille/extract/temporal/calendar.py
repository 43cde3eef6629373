"""Calendar arithmetic for resolving dates: shifts, ISO weeks, tense-aware choice of day and year, TIMEX3 values."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

Tense = Literal["past", "future"] | None
Precision = Literal["day", "week", "month", "year"]

# A day-month date without a year takes the year closest to publication, unless the tense points the other
# way and the date the tense asks for is within this many days (so "reporté au 15 mars", written in February,
# stays next March, while "a eu lieu le 15 décembre", written in July, goes back to last December).
TENSE_YEAR_WINDOW_DAYS = 270
# Without a tense, news dates lie in the past far more often than in the future: a date after publication
# counts this many times its distance when choosing the year ("le 18 mars" written in October is last March).
FUTURE_DISTANCE_WEIGHT = 2
# In a timeline, a day-month date after the last full date is this many times likelier than one before it.
TIMELINE_BACKWARD_WEIGHT = 2
MIN_DATE, MAX_DATE = dt.date(1000, 1, 1), dt.date(9998, 12, 31)
TIMEX_VALUE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-\d{2})?|-W\d{2})?$")


def in_range(day: dt.date | None) -> bool:
    """Whether a computed date is one veille reports (years 1000-9998: leaves room for shifts)."""
    return day is not None and MIN_DATE <= day <= MAX_DATE


def add_days(day: dt.date, days: int) -> dt.date | None:
    """`day` shifted by `days`, or None outside the reportable range."""
    try:
        shifted = day + dt.timedelta(days=days)
    except OverflowError:
        return None
    return shifted if in_range(shifted) else None


def add_months(day: dt.date, months: int) -> dt.date | None:
    """The first day of the month `months` after `day`'s month, or None outside the reportable range."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, 1) if MIN_DATE.year <= year <= MAX_DATE.year else None


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist (31 February) or is out of range."""
    try:
        candidate = dt.date(year, month, day)
    except ValueError:
        return None
    return candidate if in_range(candidate) else None


def weekday_near(published: dt.date, weekday: int, tense: Tense, direction: int = 0) -> dt.date | None:
    """The day named `weekday` that the text means, seen from `published`.

    "dimanche dernier" / a past tense: the last such day on or before publication (news agencies name the day
    of publication itself: "a annoncé lundi" in a Monday dispatch); "lundi prochain" / a future tense: the next
    one on or after it (strictly after for "prochain"); no tense: the closest one, the past winning ties.
    """
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if direction < 0:
        return add_days(published, -(back or 7))
    if direction > 0:
        return add_days(published, ahead or 7)
    if tense == "past":
        return add_days(published, -back)
    if tense == "future":
        return add_days(published, ahead)
    return add_days(published, -back if back <= ahead else ahead)


def choose_day_year(published: dt.date, month: int, day: int, tense: Tense, direction: int = 0,
                    weekday: int | None = None) -> dt.date | None:
    """The year of a day-month date written without one ("le 12 octobre").

    A named weekday ("lundi 30 octobre") picks the year where it matches; otherwise the closest year to
    publication, overridden by the tense or by "dernier/prochain" (see TENSE_YEAR_WINDOW_DAYS).
    """
    candidates = [d for y in (published.year - 1, published.year, published.year + 1)
                  if (d := safe_date(y, month, day)) is not None]
    if not candidates:
        return None
    if weekday is not None:
        matching = [d for d in candidates if d.weekday() == weekday]
        if matching:
            candidates = matching
    want = "past" if direction < 0 else "future" if direction > 0 else tense
    closest = min(candidates, key=lambda d: weighted_distance((d - published).days))
    if want == "past":
        before = [d for d in candidates if d <= published]
        if before and (direction < 0 or (published - max(before)).days <= TENSE_YEAR_WINDOW_DAYS):
            return max(before)
    if want == "future":
        after = [d for d in candidates if d >= published]
        if after and (direction > 0 or (min(after) - published).days <= TENSE_YEAR_WINDOW_DAYS):
            return min(after)
    return closest


def day_year_near(reference: dt.date, month: int, day: int, latest: dt.date,
                  weekday: int | None = None) -> dt.date | None:
    """The year of a day-month date in a passage dated by an earlier full date ("Le 20 janvier 2018, ...
    Le 18 mars, ..."): the candidate closest to `reference`, a timeline going forward more often than back
    (see TIMELINE_BACKWARD_WEIGHT), never after `latest` (publication); None when no candidate fits.
    """
    years = (reference.year - 1, reference.year, reference.year + 1)
    candidates = [d for y in years if (d := safe_date(y, month, day)) is not None and d <= latest]
    if weekday is not None:
        candidates = [d for d in candidates if d.weekday() == weekday]
    return min(candidates, key=lambda d: timeline_distance((d - reference).days), default=None)


def timeline_distance(days: int) -> int:
    """How far a candidate is from the timeline's last date, going back counting more."""
    return days if days >= 0 else -days * TIMELINE_BACKWARD_WEIGHT


def weighted_distance(days: int) -> tuple[int, bool]:
    """How far a candidate date is from publication, the future counting more (ties go to the past)."""
    return (days * FUTURE_DISTANCE_WEIGHT if days > 0 else -days, days > 0)


def choose_month_year(published: dt.date, month: int, tense: Tense, direction: int = 0) -> int:
    """The year of a month named without one ("en mai"): past or future as the tense says, else the closest."""
    want = "past" if direction < 0 else "future" if direction > 0 else tense
    if want == "past" and (month > published.month or (direction < 0 and month == published.month)):
        return published.year - 1
    if want == "future" and (month < published.month or (direction > 0 and month == published.month)):
        return published.year + 1
    if want is not None:
        return published.year
    return min((published.year - 1, published.year, published.year + 1),
               key=lambda y: weighted_distance((y - published.year) * 12 + month - published.month))


def iso_week(day: dt.date) -> str:
    """The TIMEX3 week value of `day` ("2016-W35")."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def timex(day: dt.date, precision: Precision) -> str:
    """The TIMEX3 value of `day` at `precision`."""
    if precision == "week":
        return iso_week(day)
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if precision == "year":
        return f"{day.year:04d}"
    return day.isoformat()


def first_day(value: str) -> dt.date:
    """The first day of the period a TIMEX3 value names (week: its Monday); ValueError if it is not one."""
    if not TIMEX_VALUE.match(value):
        raise ValueError(f"not a calendar TIMEX3 value: {value!r}")
    if "-W" in value:
        year, week = value.split("-W")
        return dt.date.fromisocalendar(int(year), int(week), 1)
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])
