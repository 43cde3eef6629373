from veille.evaluate import match_events, score

TARTOUS = {"name": "Tartous", "country": "SY", "lat": 34.889, "lon": 35.887, "precision": "near"}
HOMS = {"name": "Homs", "country": "SY", "lat": 34.727, "lon": 36.723, "precision": "exact"}


def event(place=TARTOUS, date="2016-09-05", precision="day", acled=("Explosions/Remote violence", "Suicide bomb"),
          plover="ASSAULT", borderline=False, fatalities=None):
    return {"acled": list(acled) if acled else None, "plover": plover, "location": place, "date": date,
            "date_precision": precision, "borderline": borderline, "fatalities": fatalities,
            "actor1": {"name": "X", "type": "political_militia"}}


def test_same_event_matches_and_scores_fields():
    gold = [{"id": "a", "events": [event(fatalities=11)]}]
    pred = [{"id": "a", "events": [event(fatalities=11)]}]
    scores = score(gold, pred)
    assert (scores.hits, scores.misses, scores.false_alarms) == (1, 0, 0)
    assert scores.fields["fatalities"].accuracy == 1.0


def test_place_beyond_50_km_does_not_match():
    homs_far = dict(HOMS, lat=36.2, lon=37.15)  # Aleppo, ~180 km away
    assert match_events([event(place=HOMS)], [event(place=homs_far)]) == []


def test_country_level_prediction_matches_same_country():
    country = {"name": "Syrie", "country": "SY", "lat": None, "lon": None, "precision": "country"}
    assert match_events([event()], [event(place=country)]) == [(0, 0)]


def test_day_precision_allows_one_day():
    assert match_events([event()], [event(date="2016-09-06")]) == [(0, 0)]
    assert match_events([event()], [event(date="2016-09-07")]) == []


def test_gold_without_acled_matches_on_plover():
    gold = event(acled=None, plover="ACCUSE", place=None, precision="unknown")
    assert match_events([gold], [event(acled=None, plover="ACCUSE", place=None)]) == [(0, 0)]
    assert match_events([gold], [event(acled=None, plover="CONSULT", place=None)]) == []


def test_closest_pair_wins_and_matching_is_one_to_one():
    gold = [event(place=TARTOUS), event(place=HOMS)]
    pred = [event(place=HOMS)]
    assert match_events(gold, pred) == [(1, 0)]


def test_borderline_match_is_neither_hit_nor_false_alarm():
    gold = [{"id": "a", "events": [event(borderline=True)]}]
    pred = [{"id": "a", "events": [event()]}]
    scores = score(gold, pred)
    assert (scores.hits, scores.misses, scores.false_alarms) == (0, 0, 0)


def test_firm_gold_is_matched_before_borderline():
    gold = [event(borderline=True), event(date="2016-09-06")]
    pred = [event()]
    assert match_events(gold, pred) == [(1, 0)]


def test_prediction_on_empty_gold_article_is_counted():
    scores = score([{"id": "a", "events": []}], [{"id": "a", "events": [event()]}])
    assert scores.false_alarms == 1 and scores.empty_gold_articles_with_predictions == 1
