"""Place mentions in French sentences written for these tests."""

import pytest

from tests.support import knowledge
from veille.extract.places import find_places
from veille.geo.resolver import Resolver, distance_km


@pytest.fixture(scope="module")
def places(nlp, tmp_path_factory):
    from veille.geo.build import ensure_gazetteer

    # the same temporary file as tests/geo's `gazetteer` fixture: built once per session, never in the user dir
    resolver = Resolver(ensure_gazetteer(tmp_path_factory.getbasetemp() / "veille-data" / "gazetteer.sqlite"))

    def run(text):
        return find_places(nlp(text), resolver, knowledge().places, knowledge().landmarks)

    return run


def _by_text(mentions):
    return {m.text: m for m in mentions}


def test_offsets_index_the_text(places):
    text = "Des obus sont tombés sur Alep et à Damas, en Syrie, selon une ONG."
    for m in places(text):
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("text, phrase, country, lat, lon", [
    ("Sur le pont Zarqa, à l'entrée de Tartous, une voiture piégée a explosé en Syrie.",
     "pont Zarqa, à l'entrée de Tartous", "SY", 34.89, 35.89),
    ("L'armée a bombardé le camp de réfugiés de Jabalia, dans la bande de Gaza.",
     "camp de réfugiés de Jabalia", "PS", 31.53, 35.50),
    ("Des détenus se sont évadés d'une prison de Kandahar, en Afghanistan.",
     "prison de Kandahar", "AF", 31.61, 65.71),
    ("Des heurts ont éclaté dans la banlieue de Lyon dimanche.", "banlieue de Lyon", "FR", 45.75, 4.85),
])
def test_site_phrase_is_near_the_town(places, text, phrase, country, lat, lon):
    found = _by_text(places(text))
    assert phrase in found, sorted(found)
    m = found[phrase]
    assert m.precision == "near" and m.country == country
    assert abs(m.lat - lat) < 0.3 or distance_km(m.lat, m.lon, lat, lon) < 25


def test_country_mention_has_no_point(places):
    found = _by_text(places("Le président s'est rendu au Niger puis dans le nord de la Syrie."))
    assert found["Niger"].precision == "country" and found["Niger"].lat is None
    assert found["nord de la Syrie"].precision == "country" and found["nord de la Syrie"].country == "SY"


def test_region_phrase_is_admin1(places):
    found = _by_text(places("Des combats ont eu lieu dans la province du Nord-Kivu, en RDC."))
    m = next(m for text, m in found.items() if "Nord-Kivu" in text)
    assert m.precision == "admin1" and m.country == "CD" and m.lat is None


def test_article_context_disambiguates(places):
    found = _by_text(places("En Libye, des milices se sont affrontées à Tripoli. La Libye reste divisée."))
    assert found["Tripoli"].country == "LY"
    found = _by_text(places("Au Liban, une manifestation a eu lieu à Tripoli, dans le nord du Liban."))
    assert found["Tripoli"].country == "LB"


def test_common_words_are_not_places(places):
    texts = {m.text for m in places("Le ministre de l'Intérieur a parlé à la Presse devant le Conseil.")}
    assert not texts & {"Intérieur", "Presse", "Conseil"}


def test_mentions_carry_score_and_reason(places):
    for m in places("Une explosion a secoué Bagdad, en Irak."):
        assert m.reason
        if m.precision:
            assert 0 < m.score <= 1


PARIS = (48.85, 2.35)


@pytest.mark.parametrize("text, phrase", [
    ("Le ministre a été entendu devant l'Assemblée nationale mardi, à Paris, en France.", "Assemblée nationale"),
    ("Le président a reçu les syndicats dans les jardins de l'Élysée lundi.", "jardins de l'Élysée"),
    ("Des manifestants se sont rassemblés près du Palais-Royal samedi.", "Palais-Royal"),
])
def test_landmarks_are_near_their_town(places, text, phrase):
    found = _by_text(places(text))
    assert phrase in found, sorted(found)
    m = found[phrase]
    assert m.precision == "near" and m.country == "FR" and distance_km(m.lat, m.lon, *PARIS) < 25
    assert "landmark" in m.reason or "institution" in m.reason


def test_institution_sits_in_the_country_the_text_names(places):
    found = _by_text(places("Le texte a été adopté par l'Assemblée nationale du Mali, à Bamako, jeudi."))
    m = found["Assemblée nationale"]
    assert m.country == "ML" and distance_km(m.lat, m.lon, 12.65, -8.0) < 25


def test_institution_of_no_clear_country_is_not_placed(places):
    texts = [m.text for m in places("Le Parlement européen a voté une résolution sur le climat.")]
    assert not any("Parlement" in t for t in texts)
    texts = [m.text for m in places("L'Assemblée nationale a voté le budget.")]  # no country in the article
    assert "Assemblée nationale" not in texts


def test_named_site_of_a_town(places):
    found = _by_text(places("Un incendie a ravagé Notre-Dame de Paris. Lyon et Marseille ont envoyé des "
                            "pompiers en France."))
    m = found["Notre-Dame de Paris"]
    assert m.precision == "near" and distance_km(m.lat, m.lon, *PARIS) < 25


@pytest.mark.parametrize("text, wrong", [
    ("Un café de la rue de Rome, à Marseille, a fermé ; la France compte d'autres cafés.", "Rome"),
    ("Le Brésil est le plus grand pays d'Amérique du Sud.", "Sud"),
])
def test_names_of_elsewhere_are_not_sites_there(places, text, wrong):
    for m in places(text):
        assert not (m.gazetteer_name or "").startswith(wrong) or m.precision == "country", m


def test_dateline_in_capitals_is_a_place(places):
    found = _by_text(places("BAMAKO (AFP) - Des soldats ont été tués lors d'une attaque dans le centre du pays."))
    assert found["BAMAKO"].country == "ML" and found["BAMAKO"].precision == "exact"


def test_person_name_opening_the_text_is_no_dateline(places):
    texts = {m.text for m in places("Chris Stevens, la mère de la victime, a témoigné devant le tribunal.")}
    assert "Stevens" not in texts


def test_french_department_is_a_region_not_a_namesake_town(places):
    found = _by_text(places("Un incendie a détruit une ferme dans l'Ain, en France, jeudi."))
    m = next(m for text, m in found.items() if text.endswith("Ain"))
    assert m.country == "FR" and m.precision == "admin1" and m.lat is None


def test_site_named_by_its_noun_alone_is_near_the_town_just_named(places):
    found = _by_text(places("Un convoi de vivres est arrivé à Kidal, au Mali, mardi. "
                            "Des mines avaient été désamorcées sur le trajet."))
    m = found["trajet"]
    assert m.precision == "near" and m.country == "ML" and distance_km(m.lat, m.lon, 18.44, 1.41) < 25


def test_site_noun_alone_is_not_placed_when_two_towns_were_named(places):
    texts = {m.text for m in places("Des combats ont eu lieu à Gao et à Tombouctou, au Mali. "
                                    "Des mines ont été trouvées sur le trajet.")}
    assert "trajet" not in texts
