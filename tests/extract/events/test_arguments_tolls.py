"""Tolls of events: which figure belongs to which event, totals, tolls told through an anaphor, merging."""

from __future__ import annotations

import datetime as dt

from tests.support import knowledge
from veille.extract.events import extract_events
from veille.extract.events.arguments import Toll, casualties_in, toll_from
from veille.extract.events.merge import merge_toll
from veille.extract.layers import text_mentions
from veille.extract.mentions import Casualty, Mentions

PUBLISHED = dt.date(2022, 6, 15)


def extract(nlp, text: str, country: str = "ML"):
    """Every mention layer but places (no gazetteer in unit tests)."""
    mentions = text_mentions(nlp(text), PUBLISHED, knowledge(), country=country)
    return extract_events(mentions, "t", knowledge())


def killed(value: int, start: int, end: int) -> Casualty:
    return Casualty(kind="killed", value=value, low=value, high=value, approx=False, start=start, end=end,
                    text="x" * (end - start))


def test_a_figure_cut_by_a_sentence_boundary_counts_in_both_pieces(nlp):
    mentions = Mentions(doc=nlp("Texte."), published=PUBLISHED, casualties=[killed(35, 10, 60)])
    assert casualties_in(mentions, 40, 90) and casualties_in(mentions, 0, 20)
    assert not casualties_in(mentions, 60, 90)


def test_the_figure_nearest_the_trigger_is_measured_from_its_nearer_end():
    # "19 personnes - dont des écoliers - ont été tuées par l'explosion ... et 11 soldats": the long phrase
    # ends just before the trigger, the short one starts further after it.
    long, short = killed(35, 0, 48), killed(11, 80, 90)
    assert toll_from([long, short], 55, []).fatalities == 35


def test_with_a_total_cue_only_the_figure_near_it_is_the_total(nlp):
    text = ("Deux soldats ont été tués samedi dans une embuscade près de Kati, a précisé l'armée, "
            "qui annonce un bilan total de 14 morts depuis lundi.")
    events, aggregates = extract(nlp, text)
    assert [e.fatalities for e in events] == [2]
    assert [a.fatalities for a in aggregates] == [14]


def test_a_lone_figure_with_a_total_cue_is_an_aggregate(nlp):
    text = "Des attentats à la bombe ont fait au total 30 morts samedi dans le centre du pays."
    events, aggregates = extract(nlp, text)
    assert [a.fatalities for a in aggregates] == [30]
    assert all(e.fatalities is None for e in events)


def test_a_toll_told_through_an_anaphor_goes_to_the_event_it_refers_to(nlp):
    # Far after the riot, "en marge du rassemblement" refers back to it: the injured are the riot's.
    text = ("Des manifestants ont lancé des pierres et des cocktails Molotov sur les gendarmes samedi. Le préfet a "
            "dénoncé une violence inouïe, qui selon lui dépasse tout ce que le département avait connu jusqu'ici. "
            "Les organisateurs, eux, ont appelé au calme et demandé l'ouverture d'une enquête indépendante sur les "
            "méthodes employées. Le ministre de l'Intérieur s'exprimera lundi devant les députés de la commission "
            "des lois. Les syndicats agricoles ont fait savoir qu'ils soutenaient le projet contesté. Au total, "
            "30 gendarmes ont été blessés en marge du rassemblement, selon la préfecture.")
    events, _ = extract(nlp, text, country="FR")
    riots = [e for e in events if e.acled and e.acled.event_type == "Riots"]
    assert riots and riots[0].injured == 30 and "la préfecture" in riots[0].sources


def test_an_exact_figure_far_below_a_rounded_one_counts_something_else():
    toll = Toll(fatalities=50, fatalities_approx=True)
    merge_toll(toll, Toll(fatalities=1, fatalities_low=1, fatalities_high=1))
    assert (toll.fatalities, toll.fatalities_approx) == (50, True)
    merge_toll(toll, Toll(fatalities=48))
    assert (toll.fatalities, toll.fatalities_approx) == (48, False)


def test_a_total_told_apart_from_any_event_is_an_aggregate_not_the_previous_event_toll(nlp):
    text = ("Des soldats ont pris samedi le contrôle du village de Boni. Par ailleurs, une série d'attaques a "
            "causé la mort de 25 personnes dans au moins trois localités du centre, selon la radio nationale.")
    events, aggregates = extract(nlp, text)
    assert all(e.fatalities is None for e in events)
    assert [(a.fatalities, a.sources) for a in aggregates] == [(25, ["la radio nationale"])]
