import pytest

from veille.errors import ResourceError
from veille.geo import build
from veille.geo.store import read_meta


def test_built_file_is_current(gazetteer):
    assert build.is_current(gazetteer)
    assert read_meta(gazetteer)["version"] == build.expected_version()


def test_stale_when_sources_change(gazetteer, monkeypatch):
    monkeypatch.setattr(build, "expected_version", lambda: "another version")
    assert not build.is_current(gazetteer)


def test_malformed_country_file_is_a_clear_error(monkeypatch):
    from veille.geo import sources

    monkeypatch.setattr(sources, "load_yaml", lambda name: {"countries": {"SYR": ["Syrie"]}})
    with pytest.raises(ResourceError, match="bad country code"):
        sources.load_french_countries()


def test_place_lexicon_loads():
    from veille.geo.lexicon import load_place_lexicon

    lexicon = load_place_lexicon()
    assert "camp" in lexicon.sites and "région" in lexicon.regions and ("près", "de") in lexicon.links
