"""Calendar arithmetic and the strict loading of the temporal lexicon (no spaCy model needed)."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from veille.errors import ResourceError
from veille.extract.temporal import calendar as cal
from veille.extract.temporal.lexicon import RESOURCE, build_lexicon, load_temporal_lexicon
from veille.resources import load_yaml

WEDNESDAY = dt.date(2016, 9, 7)


@pytest.mark.parametrize(
    ("weekday", "tense", "direction", "expected"),
    [
        (6, "past", 0, dt.date(2016, 9, 4)),
        (6, "future", 0, dt.date(2016, 9, 11)),
        (2, "past", 0, WEDNESDAY),  # the day of publication itself
        (2, None, -1, dt.date(2016, 8, 31)),  # "mercredi dernier": a week before
        (2, None, 1, dt.date(2016, 9, 14)),  # "mercredi prochain"
        (0, None, 0, dt.date(2016, 9, 5)),  # no tense: the closest (2 days back, 5 ahead)
        (4, None, 0, dt.date(2016, 9, 9)),  # no tense: the closest (2 days ahead)
    ],
)
def test_weekday_near(weekday, tense, direction, expected):
    assert cal.weekday_near(WEDNESDAY, weekday, tense, direction) == expected


def test_choose_day_year():
    assert cal.choose_day_year(dt.date(2017, 1, 3), 12, 28, None) == dt.date(2016, 12, 28)
    assert cal.choose_day_year(dt.date(2016, 3, 1), 3, 15, "past") == dt.date(2016, 3, 15)  # too far back
    assert cal.choose_day_year(dt.date(2016, 7, 1), 12, 15, "past") == dt.date(2015, 12, 15)
    assert cal.choose_day_year(dt.date(2016, 7, 1), 2, 29, None) == dt.date(2016, 2, 29)
    assert cal.choose_day_year(dt.date(2016, 7, 1), 2, 31, None) is None
    assert cal.choose_day_year(dt.date(2016, 7, 1), 5, 6, None, direction=1) == dt.date(2017, 5, 6)


def test_choose_month_year():
    assert cal.choose_month_year(dt.date(2003, 2, 23), 5, "past") == 2002
    assert cal.choose_month_year(dt.date(1999, 7, 24), 8, "future") == 1999
    assert cal.choose_month_year(dt.date(1999, 7, 24), 7, None, direction=-1) == 1998


@pytest.mark.parametrize(
    ("value", "day"),
    [("2016-09-05", dt.date(2016, 9, 5)), ("2016-W35", dt.date(2016, 8, 29)), ("2016-09", dt.date(2016, 9, 1)),
     ("2016", dt.date(2016, 1, 1))],
)
def test_first_day(value, day):
    assert cal.first_day(value) == day


@pytest.mark.parametrize("value", ["2016-13", "XXXX-SU", "2016-W35-WE", "PRESENT_REF", ""])
def test_first_day_rejects_non_calendar_values(value):
    with pytest.raises(ValueError):
        cal.first_day(value)


def test_shifts_out_of_range_give_none():
    assert cal.add_days(dt.date(9998, 12, 31), 5) is None
    assert cal.add_months(dt.date(1000, 1, 1), -1) is None


def test_the_shipped_lexicon_loads():
    lexicon = load_temporal_lexicon()
    assert lexicon.value("months", "Août") == 8
    assert lexicon.value("relative_days", "aujourd’hui") == 0


def broken(change) -> dict:
    data = copy.deepcopy(load_yaml(RESOURCE))
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("months"), "missing sections"),
        (lambda d: d.update(extra={"a": 1}), "unknown sections"),
        (lambda d: d["months"].update(brumaire="2"), "must map to a int"),
        (lambda d: d["units"].update(siècle="century"), "'units' values"),
        (lambda d: d["patterns"].update(bad="(?P<day>{nowhere})"), "unknown classes"),
        (lambda d: d["patterns"].update(bad="(?P<day>{day}"), "does not compile"),
        (lambda d: d["patterns"].update(bad="(?P<hour>{day})"), "unknown groups"),
    ],
)
def test_malformed_lexicon_is_a_clear_error(change, message):
    with pytest.raises(ResourceError, match=message):
        build_lexicon(broken(change))


def test_without_tense_the_past_is_preferred_for_distant_dates():
    assert cal.choose_day_year(dt.date(2019, 10, 9), 3, 18, None) == dt.date(2019, 3, 18)
    assert cal.choose_day_year(dt.date(2016, 12, 20), 1, 5, None) == dt.date(2017, 1, 5)
    assert cal.choose_month_year(dt.date(2016, 2, 10), 12, None) == 2015
    assert cal.choose_month_year(dt.date(2016, 7, 24), 8, None) == 2016


def test_day_year_near_prefers_the_timeline_going_forward():
    latest = dt.date(2021, 10, 8)
    assert cal.day_year_near(dt.date(2018, 12, 30), 1, 6, latest) == dt.date(2019, 1, 6)
    assert cal.day_year_near(dt.date(2019, 2, 4), 1, 30, latest) == dt.date(2019, 1, 30)  # just before: back
    assert cal.day_year_near(dt.date(2021, 9, 1), 12, 1, latest) == dt.date(2020, 12, 1)  # never after publication
    assert cal.day_year_near(dt.date(2019, 2, 4), 2, 12, latest, weekday=3) is None  # no Thursday 12 Feb nearby
