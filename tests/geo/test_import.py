"""`veille gazetteer import` with small files in GeoNames' own format (made for these tests)."""

import shutil
from pathlib import Path

import pytest

from veille.errors import GazetteerError

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def private_gazetteer(gazetteer, tmp_path, monkeypatch):
    monkeypatch.setenv("VEILLE_DATA_DIR", str(tmp_path))
    path = tmp_path / "gazetteer.sqlite"
    shutil.copy(gazetteer, path)
    return path


def test_import_places_and_alternate_names(private_gazetteer):
    from veille.geo.geonames_import import import_geonames
    from veille.geo.resolver import Resolver

    assert import_geonames(FIXTURES / "XX.txt", private_gazetteer) == 2  # the mountain is not a place
    assert import_geonames(FIXTURES / "alternateNamesV2.txt", private_gazetteer) == 2  # the IATA code is not
    resolver = Resolver(private_gazetteer)
    res = resolver.resolve("Zorvalle")
    assert res.geonameid == 9990001 and res.precision == "exact" and res.lat == pytest.approx(45.1)
    assert resolver.resolve("Zorvalle-sur-Mer").geonameid == 9990001
    assert resolver.resolve("Kasr le Fictif").geonameid == 9990002
    assert resolver.resolve("Mont Inventé") is None
    assert resolver.resolve("ZRV") is None


def test_import_zip(private_gazetteer, tmp_path):
    import zipfile

    from veille.geo.geonames_import import import_geonames

    archive = tmp_path / "XX.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(FIXTURES / "XX.txt", "XX.txt")
        zf.writestr("readme.txt", "not data")
    assert import_geonames(archive, private_gazetteer) == 2


def test_import_rejects_other_formats(private_gazetteer, tmp_path):
    from veille.geo.geonames_import import import_geonames

    bad = tmp_path / "bad.txt"
    bad.write_text("name,lat,lon\nParis,48.8,2.3\n", encoding="utf-8")
    with pytest.raises(GazetteerError):
        import_geonames(bad, private_gazetteer)
    with pytest.raises(GazetteerError):
        import_geonames(tmp_path / "missing.zip", private_gazetteer)
