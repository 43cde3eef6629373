"""find_dates and event dates on French sentences (written for these tests), with the real parse."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.support import knowledge
from veille.extract.dates import find_dates
from veille.extract.events.view import DocView
from veille.extract.events.when import event_date
from veille.extract.mentions import Mentions

TUESDAY = dt.date(2016, 9, 6)


def dates_of(nlp, text: str, published: dt.date = TUESDAY) -> list[tuple[str, str, str, str | None]]:
    doc = nlp(text)
    return [(d.text, d.value, d.precision, d.end_value) for d in find_dates(doc, published, knowledge().temporal)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Une bombe a explosé hier à Alep.", ("hier", "2016-09-05", "day")),
        ("Des tirs ont été entendus hier soir.", ("hier soir", "2016-09-05", "day")),
        ("Il a été arrêté avant-hier.", ("avant-hier", "2016-09-04", "day")),
        ("Le ministre a démissionné dimanche dernier.", ("dimanche dernier", "2016-09-04", "day")),
        ("Le président se rendra lundi prochain à Bamako.", ("lundi prochain", "2016-09-12", "day")),
        ("La réunion a eu lieu le 12 août.", ("12 août", "2016-08-12", "day")),
        ("Il est né le 1er mai 1962 à Lyon.", ("1er mai 1962", "1962-05-01", "day")),
        ("Le vote est prévu mardi 6 septembre.", ("mardi 6 septembre", "2016-09-06", "day")),
        ("Les combats ont repris fin août.", ("fin août", "2016-08", "month")),
        ("Ils reviendront à la mi-octobre.", ("mi-octobre", "2016-10", "month")),
        ("Le camp a été attaqué en mars dernier.", ("mars dernier", "2016-03", "month")),
        ("La ville est tombée en 2014.", ("2014", "2014", "year")),
        ("Les violences ont repris l'an dernier.", ("l'an dernier", "2015", "year")),
        ("Les violences ont repris la semaine dernière.", ("la semaine dernière", "2016-W35", "week")),
        ("Le sommet aura lieu le mois prochain.", ("le mois prochain", "2016-10", "month")),
        ("Trois soldats ont été tués il y a trois jours.", ("il y a trois jours", "2016-09-03", "day")),
        ("Au moins dix morts ces dernières 24 heures.", ("ces dernières 24 heures", "2016-09-05", "day")),
        ("Le rapport a été publié le 05/08/2016.", ("05/08/2016", "2016-08-05", "day")),
        ("Ce matin, la police a bouclé le quartier.", ("Ce matin", "2016-09-06", "day")),
        ("Les rebelles ont attaqué aujourd'hui mardi.", ("aujourd'hui mardi", "2016-09-06", "day")),
        ("Il est en grève de la faim depuis 28 jours.", ("depuis 28 jours", "2016-08-09", "day")),
        ("Le chômage baisse depuis début 2015.", ("début 2015", "2015-01", "month")),
        ("La loi entrera en vigueur fin 2017.", ("fin 2017", "2017-12", "month")),
        ("Il est arrivé en fin de semaine dernière.", ("fin de semaine dernière", "2016-W35", "week")),
        ("Ils se retireront à la fin de l'année prochaine.", ("fin de l'année prochaine", "2017-12", "month")),
    ],
)
def test_expressions_are_found_and_resolved(nlp, text, expected):
    found = dates_of(nlp, text)
    assert [f[:3] for f in found] == [expected]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Des milliers de personnes ont manifesté dimanche.", "2016-09-04"),  # past: the last Sunday
        ("Le village fera la fête dimanche.", "2016-09-11"),  # future: the next one
        ("Il va manifester samedi devant la préfecture.", "2016-09-10"),  # aller + infinitive
        ("Le président a annoncé mardi sa démission.", "2016-09-06"),  # the day of publication itself
        ("Le président annoncera mardi sa démission.", "2016-09-06"),
        ("La rencontre, prévue jeudi, est reportée.", "2016-09-08"),  # planning participle
    ],
)
def test_weekdays_follow_the_tense(nlp, text, value):
    assert [f[1] for f in dates_of(nlp, text)] == [value]


def test_day_month_year_follows_the_tense_near_new_year(nlp):
    assert dates_of(nlp, "Le 28 décembre, des rebelles ont attaqué le camp.", dt.date(2017, 1, 3))[0][1] == "2016-12-28"
    assert dates_of(nlp, "Le sommet se tiendra le 5 janvier à Dakar.", dt.date(2016, 12, 20))[0][1] == "2017-01-05"
    assert dates_of(nlp, "Une attaque a eu lieu le 15 décembre.", dt.date(2017, 7, 1))[0][1] == "2016-12-15"


def test_weekday_with_a_date_picks_the_matching_year(nlp):
    assert dates_of(nlp, "Il sera jugé lundi 30 octobre.", dt.date(2017, 9, 1))[0][1] == "2017-10-30"
    assert dates_of(nlp, "Il a été jugé lundi 31 octobre.", dt.date(2017, 2, 1))[0][1] == "2016-10-31"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dans la nuit de samedi à dimanche, des obus sont tombés.", ("2016-09-03", "2016-09-04")),
        ("Les 2 et 3 septembre, des heurts ont éclaté.", ("2016-09-02", "2016-09-03")),
        ("Le festival se tiendra du 28 septembre au 2 octobre.", ("2016-09-28", "2016-10-02")),
        ("La guerre a duré de 2011 à 2014.", ("2011", "2014")),
    ],
)
def test_ranges_start_on_their_first_day(nlp, text, expected):
    found = dates_of(nlp, text)
    assert len(found) == 1
    assert (found[0][1], found[0][3]) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Plus de 2000 manifestants ont défilé.",
        "Mars est la quatrième planète.",
        "Les années 1990 ont été marquées par la guerre.",
        "La veille du scrutin, la tension était forte.",
        "Il a parcouru 1500 kilomètres.",
    ],
)
def test_non_dates_are_not_taken(nlp, text):
    assert dates_of(nlp, text) == []


def test_anchored_days_count_from_the_last_date(nlp):
    found = dates_of(nlp, "Le 2 septembre, des combats ont éclaté. Le lendemain, l'armée a repris la ville.")
    assert [f[1] for f in found] == ["2016-09-02", "2016-09-03"]


def test_offsets_index_the_text(nlp):
    text = "Selon l'agence,  hier soir, une voiture piégée a explosé."
    doc = nlp(text)
    for mention in find_dates(doc, TUESDAY, knowledge().temporal):
        assert text[mention.start:mention.end] == mention.text


def trigger(doc, word: str) -> int:
    return next(t.i for t in doc if t.text == word)


def date_for_event(doc, trigger_i: int, dates, published: dt.date):
    """The event date production gives the trigger (`events.when.event_date`)."""
    mentions = Mentions(doc=doc, published=published, dates=dates)
    return event_date(mentions, DocView(doc), doc[trigger_i])


def test_event_takes_the_date_of_its_clause(nlp):
    doc = nlp("Hier, le ministre a parlé, mais les rebelles ont attaqué la ville dimanche dernier.")
    date = date_for_event(doc, trigger(doc, "attaqué"), find_dates(doc, TUESDAY, knowledge().temporal), TUESDAY)
    assert (date.value, date.precision, date.text) == ("2016-09-04", "day", "dimanche dernier")


def test_event_date_is_not_carried_from_another_sentence(nlp):
    doc = nlp("Une bombe a explosé hier à Homs. Les habitants ont fui la ville.")
    date = date_for_event(doc, trigger(doc, "fui"), find_dates(doc, TUESDAY, knowledge().temporal), TUESDAY)
    assert (date.value, date.precision, date.text, date.mention) == ("2016-09-06", "unknown", None, None)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("Les rebelles ont attaqué la ville la semaine dernière.", "2016-08-29", "week"),
        ("Les rebelles ont attaqué la ville fin août.", "2016-08-01", "month"),
        ("Les rebelles ont attaqué la ville en 2014.", "2014-01-01", "year"),
    ],
)
def test_event_date_is_the_first_day_of_the_period(nlp, text, value, precision):
    doc = nlp(text)
    date = date_for_event(doc, trigger(doc, "attaqué"), find_dates(doc, TUESDAY, knowledge().temporal), TUESDAY)
    assert (date.value, date.precision) == (value, precision)


@pytest.mark.parametrize(
    "text",
    [
        "Elle portait une robe blanche ce soir-là.",
        "Il a été invité à cette soirée par un ami.",
        "Plus de 10.000 nouveaux cas toutes les 24 heures.",
    ],
)
def test_anaphoric_and_non_temporal_uses_are_not_taken(nlp, text):
    assert dates_of(nlp, text) == []


def test_anchored_day_far_from_any_date_counts_from_publication(nlp):
    filler = " Les secours sont restés sur place pendant des heures pour dégager les décombres." * 5
    text = "Le 2 septembre, un immeuble s'est effondré." + filler + " On compte 83 morts depuis la veille."
    found = dates_of(nlp, text)
    assert [f[1] for f in found] == ["2016-09-02", "2016-09-05"]


def test_a_range_follows_the_tense_even_with_a_broken_parse(nlp):
    found = dates_of(nlp, "Dimanche et lundi auront lieu les hommages officiels.", dt.date(2019, 9, 28))
    assert [(f[1], f[3]) for f in found] == [("2019-09-29", "2019-09-30")]


@pytest.mark.parametrize(("word", "value"), [("attaque", "2016-09-04"), ("riposté", "2016-09-05")])
def test_each_event_of_a_sentence_gets_its_own_date(nlp, word, value):
    doc = nlp("Après l'attaque de dimanche, l'armée a riposté lundi.")
    dates = find_dates(doc, TUESDAY, knowledge().temporal)
    assert date_for_event(doc, trigger(doc, word), dates, TUESDAY).value == value


def test_event_date_without_parse_is_the_nearest_in_the_sentence():
    import spacy

    blank = spacy.blank("fr")
    blank.add_pipe("sentencizer")
    doc = blank("Hier la police a arrêté un suspect puis a perquisitionné dimanche.")
    dates = find_dates(doc, TUESDAY, knowledge().temporal)
    assert date_for_event(doc, trigger(doc, "perquisitionné"), dates, TUESDAY).text == "dimanche"


TIMELINE_PUBLISHED = dt.date(2021, 10, 8)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a full date sets the year of the day-month dates of the same passage
        ("Le 4 février 2019, des rebelles ont attaqué un camp. Le 22 février, l'armée a repris la ville.",
         "2019-02-22"),
        # "le lendemain" keeps the passage going; the timeline may cross New Year
        ("Le 30 décembre 2018, un convoi est tombé dans une embuscade. Le lendemain, la route a été fermée. "
         "Le préfet a condamné l'attaque. Le 6 janvier, les soldats ont riposté.", "2019-01-06"),
        # a weekday with the date keeps a matching year
        ("Le 4 février 2019, des rebelles ont attaqué un camp. Mardi 12 février, l'armée a repris la ville.",
         "2019-02-12"),
    ],
)
def test_day_month_takes_the_year_of_a_timeline(nlp, text, value):
    assert dates_of(nlp, text, TIMELINE_PUBLISHED)[-1][1] == value


@pytest.mark.parametrize(
    "text",
    [
        # a date told from publication ends the timeline passage
        "Le 4 février 2019, des rebelles ont attaqué un camp. Hier, la police a arrêté un suspect. "
        "Le 22 février, l'armée a repris la ville.",
        # a new paragraph ends it
        "Le 4 février 2019, des rebelles ont attaqué un camp.\nLe 22 février, l'armée a repris la ville.",
        # a year in passing (not a full date) does not date what follows
        "Les deux pays se sont rapprochés en 2019. Le 22 février, l'armée a repris la ville.",
        "Il est poursuivi depuis février 2019. Le 22 février, l'armée a repris la ville.",
        # an old date (a birth) does not either
        "Né le 4 février 1962 à Goma, il a été arrêté le 22 février.",
        # nor a date that, read from publication, is recent: news is about the last days
        "Le 4 février 2019, il a été mis en examen. De retour chez les juges le 30 septembre, il s'est tu.",
        # nor a future event
        "Le 4 février 2019, des rebelles ont attaqué un camp. Le procès s'ouvrira le 22 février.",
    ],
)
def test_day_month_outside_a_timeline_counts_from_publication(nlp, text):
    assert not dates_of(nlp, text, TIMELINE_PUBLISHED)[-1][1].startswith("2019")


SUNDAY = dt.date(2016, 9, 11)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a bare day name repeats the day of that name placed earlier in the article
        ("Dimanche dernier, des policiers ont défilé. Dimanche, des émeutiers ont incendié une mairie.",
         ["2016-09-04", "2016-09-04"]),
        ("Dimanche 4 septembre, le port a été bloqué. Dimanche, des casseurs ont pillé un entrepôt.",
         ["2016-09-04", "2016-09-04"]),
        # without an earlier one, a Sunday report's "dimanche" is the day itself
        ("Des émeutiers ont incendié une mairie dimanche.", ["2016-09-11"]),
        # a future day of the same name is another day
        ("Dimanche dernier, des policiers ont défilé. Ils manifesteront encore dimanche prochain.",
         ["2016-09-04", "2016-09-18"]),
    ],
)
def test_a_bare_day_name_repeats_the_day_already_named(nlp, text, values):
    assert [f[1] for f in dates_of(nlp, text, SUNDAY)] == values


def test_a_day_cut_off_by_the_parser_takes_the_tense_of_the_next_sentence(nlp):
    # the parser makes "Samedi" a sentence of its own: the verb that dates it is in the next one
    doc = nlp("Samedi, des heurts ont éclaté dans le centre-ville.")
    assert [d.value for d in find_dates(doc, dt.date(2022, 6, 15), knowledge().temporal)] == ["2022-06-11"]
