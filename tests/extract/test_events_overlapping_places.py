"""Places that overlap in the text (a town inside a longer place name) never break the list of coordinated
towns: the event layer used to ask spaCy for the gap between them and crash (IndexError E035)."""

from __future__ import annotations

import datetime as dt

from veille.extract.events.arguments import coordinated_places
from veille.extract.mentions import Mentions
from veille.model import PlaceMention

TEXT = "Des obus sont tombés sur Lambaréné, Oyem et Mouila dimanche."


def town(text: str, name: str, lat: float) -> PlaceMention:
    start = text.index(name)
    return PlaceMention(text=name, start=start, end=start + len(name), country="GA", lat=lat, lon=11.0,
                        precision="exact")


def test_overlapping_place_mentions_do_not_crash_the_list(nlp):
    doc = nlp(TEXT)
    # an over-long mention that swallows the next town, then that town on its own
    places = [town(TEXT, "Lambaréné, Oyem", -0.7), town(TEXT, "Oyem", 1.6), town(TEXT, "Mouila", -1.9)]
    mentions = Mentions(doc=doc, published=dt.date(2024, 3, 3), places=places)
    found = coordinated_places(mentions, places[0], places)
    assert [p.text for p in found] == ["Oyem", "Mouila"]  # overlapping mentions: one stretch of text


def test_towns_listed_with_commas_and_et_are_coordinated(nlp):
    doc = nlp(TEXT)
    places = [town(TEXT, "Lambaréné", -0.7), town(TEXT, "Oyem", 1.6), town(TEXT, "Mouila", -1.9)]
    mentions = Mentions(doc=doc, published=dt.date(2024, 3, 3), places=places)
    assert [p.text for p in coordinated_places(mentions, places[0], places)] == ["Oyem", "Mouila"]
