"""Extraction over the development articles: one schema-valid record per article, in input order."""

import json

import jsonschema
import pytest

from veille.cli import app
from veille.model import article_json_schema

pytestmark = pytest.mark.eval


@pytest.fixture(scope="module")
def dev_records(events_dev, tmp_path_factory):
    from typer.testing import CliRunner

    out = tmp_path_factory.mktemp("dev") / "pred.jsonl"
    result = CliRunner().invoke(app, ["extract", str(events_dev), "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_one_valid_record_per_dev_article(events_dev, dev_records):
    gold_ids = [json.loads(line)["id"] for line in events_dev.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in dev_records] == gold_ids
    schema = article_json_schema()
    for record in dev_records:
        jsonschema.validate(record, schema)
        assert record["error"] is None


def test_offsets_index_the_input_text(events_dev, dev_records):
    texts = {json.loads(line)["id"]: json.loads(line)["text"] for line in events_dev.read_text().splitlines()}
    for record in dev_records:
        text = texts[record["id"]]
        for event in record["events"]:
            start, end = event["evidence_span"]
            assert text[start:end] == event["evidence"]
        for mention in record["dates"] + record["places"] + record["entities"]:
            assert text[mention["start"]:mention["end"]] == mention["text"]
        for quote in record["quotes"]:
            start, end = quote["span"]
            assert text[start:end] == quote["quote"]
