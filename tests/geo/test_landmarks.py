"""geo_landmarks.yaml: strict loading, and how an institution finds its country."""

from collections import Counter

import pytest

from veille.errors import ResourceError
from veille.geo import landmarks
from veille.geo.landmarks import LandmarkMatch, institution_country, landmark_town, load_landmarks, split_words


def _entry(name):
    lexicon = load_landmarks()
    words = split_words(name)
    return next(e for e in lexicon.by_first_word[words[0][0]] if e.words == tuple(w for w, _ in words))


def test_split_words_folds_spelling_and_splits_elisions():
    assert split_words("palais de l'Élysée") == (("palais", False), ("de", False), ("l", False), ("elysee", True))
    assert [w for w, _ in split_words("Palais-Royal")] == ["palais", "royal"]


def test_every_town_of_the_file_is_in_the_gazetteer(resolver):
    lexicon = load_landmarks()
    towns = {(t.town, t.country) for es in lexicon.by_first_word.values() for e in es for t in e.readings}
    towns |= {(town, code) for code, town in lexicon.seats.items()}
    missing = [t for t in towns if (r := resolver.resolve(t[0], country=t[1])) is None or r.level != "place"]
    assert not missing


@pytest.mark.parametrize("bad, message", [
    ({"landmarks": {"Kremlin": {"town": "Moscou"}}, "institutions": {}, "seats": {}}, "Kremlin"),
    ({"landmarks": {}, "institutions": {"Sénat": {"countries": ["France"]}}, "seats": {}}, "ISO-2"),
    ({"landmarks": {}, "institutions": {"Sénat": {"countries": ["FR"], "default": "US"}}, "seats": {}}, "default"),
    ({"landmarks": {}, "institutions": {}}, "exactly the keys"),
])
def test_malformed_file_is_a_clear_error(monkeypatch, bad, message):
    monkeypatch.setattr(landmarks, "load_yaml", lambda name: bad)
    load_landmarks.cache_clear()
    try:
        with pytest.raises(ResourceError, match=message):
            load_landmarks()
    finally:
        load_landmarks.cache_clear()


def test_institution_country_from_qualifier_then_article_then_default():
    match = LandmarkMatch(0, 2, _entry("Assemblée nationale"))
    assert institution_country(LandmarkMatch(0, 2, match.landmark, "ML"), Counter({"FR": 5}))[0] == "ML"
    assert institution_country(match, Counter({"NE": 3, "FR": 1}))[0] == "NE"
    assert institution_country(match, Counter({"SY": 4, "FR": 1}))[0] == "FR"  # default, named in the article
    assert institution_country(match, Counter({"SY": 4}))[0] is None
    assert institution_country(LandmarkMatch(0, 2, match.landmark, "européen"), Counter({"FR": 5}))[0] is None


def test_landmark_with_several_towns_needs_the_article():
    entry = _entry("place Tahrir")
    match = LandmarkMatch(0, 2, entry)
    assert landmark_town(match, load_landmarks(), Counter())[0] is None
    town, reason = landmark_town(match, load_landmarks(), Counter({"IQ": 2}))
    assert town.country == "IQ" and "Tahrir" in reason
