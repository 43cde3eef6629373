"""Where an event happened: the trigger's own clause first, and unnamed sites referring to the site named before."""

from __future__ import annotations

import datetime as dt

from tests.support import knowledge
from veille.extract.events import extract_events
from veille.extract.events.arguments import in_other_clause
from veille.extract.layers import text_mentions
from veille.extract.mentions import Mentions
from veille.model import PlaceMention

PUBLISHED = dt.date(2022, 6, 15)


def place(text: str, name: str, lat: float, lon: float, country: str = "SO", precision: str = "exact",
          occurrence: int = 0) -> PlaceMention:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(name, start + 1)
    return PlaceMention(text=name, start=start, end=start + len(name), lat=lat, lon=lon, country=country,
                        precision=precision, geonameid=abs(hash(name)) % 10**6)


def event_places(nlp, text: str, places: list[PlaceMention]) -> list[str | None]:
    events, _ = extract_events(Mentions(doc=nlp(text), published=PUBLISHED, places=places), "t", knowledge())
    return [e.location.name if e.location else None for e in events if e.acled]


def test_unnamed_site_refers_to_the_site_named_before(nlp):
    text = ("Les miliciens avaient attaqué samedi le grand camp de déplacés installé à Baidoa, dans le sud du pays. "
            "Lundi, pendant que des blessés étaient transférés vers l'hôpital de Mogadiscio, le camp a de nouveau "
            "été bombardé par des drones.")
    places = [place(text, "Baidoa", 3.11, 43.65), place(text, "Mogadiscio", 2.04, 45.34)]
    assert event_places(nlp, text, places)[-1] == "Baidoa"


def test_named_site_in_the_sentence_is_kept(nlp):
    text = ("Des miliciens ont attaqué samedi un camp de déplacés près de Baidoa. "
            "Lundi, le camp de Kismayo a été bombardé par des drones.")
    places = [place(text, "Baidoa", 3.11, 43.65), place(text, "Kismayo", -0.36, 42.54)]
    assert event_places(nlp, text, places)[-1] == "Kismayo"


def test_a_place_in_another_clause_yields_to_the_triggers_clause(nlp):
    doc = nlp("Pendant que les convois quittaient Baidoa, des drones ont bombardé un marché de Kismayo.")
    trigger = next(t for t in doc if t.lemma_ == "bombarder")
    baidoa = next(t for t in doc if t.text == "Baidoa")
    kismayo = next(t for t in doc if t.text == "Kismayo")
    assert in_other_clause(baidoa, trigger)
    assert not in_other_clause(kismayo, trigger)


def test_unknown_village_near_a_known_town_is_placed_near_it(nlp):
    text = "Des hommes armés ont attaqué lundi le hameau de Kalagou, près de Tahoua, tuant quatre bergers."
    unknown = PlaceMention(text="Kalagou", start=text.index("Kalagou"), end=text.index("Kalagou") + 7)
    events, _ = extract_events(
        Mentions(doc=nlp(text), published=PUBLISHED, places=[unknown, place(text, "Tahoua", 14.89, 5.26, "NE")]), "t",
        knowledge())
    location = events[0].location
    assert (location.name, location.precision, location.lat, location.country) == ("Kalagou", "near", 14.89, "NE")


def test_a_distance_landmark_is_not_the_scene(nlp):
    text = "Des jihadistes ont attaqué mardi, à 40 kilomètres de Gorom-Gorom, le marché de bétail de la ville de Dori."
    places = [place(text, "Dori", 14.03, -0.03, "BF"), place(text, "Gorom-Gorom", 14.44, -0.24, "BF")]
    assert event_places(nlp, text, places) == ["Dori"]


def test_an_unknown_name_without_distance_words_keeps_no_point(nlp):
    text = "Des hommes armés ont attaqué le hameau de Kalagou et la ville de Tahoua."
    unknown = PlaceMention(text="Kalagou", start=text.index("Kalagou"), end=text.index("Kalagou") + 7)
    events, _ = extract_events(
        Mentions(doc=nlp(text), published=PUBLISHED, places=[unknown, place(text, "Tahoua", 14.89, 5.26, "NE")]), "t",
        knowledge())
    assert all(e.location is None or e.location.name != "Kalagou" or e.location.lat is None for e in events)


def test_a_region_named_as_a_whole_yields_to_the_town_of_the_sentence(nlp):
    text = ("L'aviation a frappé lundi dans toute la Somalie des dépôts d'armes, des camps d'entraînement "
            "et un entrepôt de munitions à Kismayo.")
    places = [place(text, "Somalie", None, None, precision="country"), place(text, "Kismayo", -0.36, 42.54)]
    assert event_places(nlp, text, places) == ["Kismayo"]


def test_air_sorties_in_a_war_are_air_strikes(nlp):
    text = "L'aviation russe a effectué 120 sorties aériennes ces dernières 24 heures contre les positions rebelles."
    events, _ = extract_events(Mentions(doc=nlp(text), published=PUBLISHED), "t", knowledge())
    assert [e.acled.sub_event_type for e in events if e.acled] == ["Air/drone strike"]
    exit_text = "À la sortie de la réunion, le ministre a salué un climat apaisé."
    events, _ = extract_events(Mentions(doc=nlp(exit_text), published=PUBLISHED), "t", knowledge())
    assert events == []


def test_talks_abroad_keep_their_foreign_venue(nlp):
    text = ("Le ministre soudanais a rencontré son homologue saoudien pour des discussions sur le Soudan, "
            "lundi à Djeddah.")
    places = [place(text, "Soudan", None, None, "SD", precision="country"), place(text, "Djeddah", 21.49, 39.19, "SA")]
    mentions = text_mentions(nlp(text), PUBLISHED, knowledge(), places, country="SD")
    events, _ = extract_events(mentions, "t", knowledge())
    assert [(e.plover, e.location.name, e.location.country) for e in events] == [("CONSULT", "Djeddah", "SA")]


def test_the_topic_and_the_parties_of_an_agreement_are_not_its_venue(nlp):
    text = ("Cet accord pour le règlement du conflit au Soudan avait été élaboré par les ministres des Affaires "
            "étrangères du Tchad et du Niger le 3 mars à Abuja.")
    places = [place(text, "Soudan", None, None, "SD", precision="country"),
              place(text, "Tchad", None, None, "TD", precision="country"),
              place(text, "Niger", None, None, "NE", precision="country"),
              place(text, "Abuja", 9.06, 7.49, "NG")]
    mentions = text_mentions(nlp(text), PUBLISHED, knowledge(), places, country="SD")
    events, _ = extract_events(mentions, "t", knowledge())
    agreements = [e for e in events if e.plover == "AGREE"]
    assert agreements and agreements[0].location.name == "Abuja"
