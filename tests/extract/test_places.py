"""Place mentions in French sentences written for these tests."""

import pytest

from veille.extract.places import find_places
from veille.geo.resolver import Resolver, distance_km


@pytest.fixture(scope="module")
def places(nlp, tmp_path_factory):
    from veille.geo.build import ensure_gazetteer

    # the same temporary file as tests/geo's `gazetteer` fixture: built once per session, never in the user dir
    resolver = Resolver(ensure_gazetteer(tmp_path_factory.getbasetemp() / "veille-data" / "gazetteer.sqlite"))

    def run(text):
        return find_places(nlp(text), resolver)

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
