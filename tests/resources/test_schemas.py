"""Every language-knowledge file has one schema, the shipped files pass it, and a malformed file fails loudly."""

from __future__ import annotations

import copy

import pytest

from veille.errors import ResourceError
from veille.resources import load_data, load_yaml, resource_path, validate
from veille.resources.schemas import SCHEMAS, AttributionsFile, CasualtiesFile, QuotesFile


def resource_files() -> list[str]:
    """Every YAML file of veille/resources, as a path relative to it."""
    return sorted(f"{folder}/{p.name}" for folder in ("fr", "actors") for p in resource_path(folder).iterdir()
                  if p.name.endswith(".yaml"))


@pytest.mark.parametrize("path", resource_files())
def test_every_file_has_a_schema_and_passes_it(path):
    schema = SCHEMAS.get("actors/" if path.startswith("actors/") else path)
    if path.startswith("fr/geo_"):
        assert schema is None  # validated by the geo package, which reads them
        return
    assert schema is not None, f"{path} has no schema in veille/resources/schemas.py"
    load_data(path, schema)


def without(path: str, key: str) -> dict:
    data = copy.deepcopy(load_yaml(path))
    del data[key]
    return data


@pytest.mark.parametrize(
    ("schema", "path", "data", "message"),
    [
        (CasualtiesFile, "casualties.yaml", {"nouns": {"killed": ["morts"]}}, "nouns"),
        (QuotesFile, "quotes.yaml", without("fr/quotes.yaml", "feminine_cues"), "feminine_cues"),
        (AttributionsFile, "attributions.yaml", {**load_yaml("fr/attributions.yaml"),
                                                 "group_anaphora": {"ong": "organisation"}}, "group_anaphora"),
        (AttributionsFile, "attributions.yaml", {**load_yaml("fr/attributions.yaml"), "group_anaphora": {}},
         "group_anaphora"),
        (AttributionsFile, "attributions.yaml", {**load_yaml("fr/attributions.yaml"),
                                                 "reporting_verbs": ["a indiqué"]}, "single words"),
        (CasualtiesFile, "casualties.yaml", {**load_yaml("fr/casualties.yaml"), "colour": ["red"]}, "colour"),
    ],
)
def test_malformed_file_is_a_clear_error(schema, path, data, message):
    with pytest.raises(ResourceError, match=f"(?s)invalid {path}.*{message}"):
        validate(data, schema, path)


def test_missing_file_is_a_clear_error():
    with pytest.raises(ResourceError, match="missing resource file"):
        load_yaml("fr/no_such_file.yaml")
