import json

import jsonschema
import pytest
from pydantic import ValidationError

from veille.model import AcledType, ArticleRecord, Event, article_json_schema


def make_event(**changes) -> Event:
    data = {
        "event_id": "a-1",
        "acled": {"event_type": "Explosions/Remote violence", "sub_event_type": "Suicide bomb"},
        "plover": "ASSAULT",
        "date": "2016-09-05",
        "date_precision": "day",
        "evidence": "Un attentat-suicide a frappé Tartous hier.",
        "evidence_span": [0, 42],
        "confidence": 0.8,
    }
    data.update(changes)
    return Event.model_validate(data)


def test_article_record_round_trips_through_json():
    record = ArticleRecord(id="x", published="2016-09-06", events=[make_event()])
    again = ArticleRecord.model_validate_json(record.model_dump_json())
    assert again == record
    assert again.events[0].evidence_span == (0, 42)


def test_unknown_acled_pair_is_rejected():
    with pytest.raises(ValidationError):
        AcledType(event_type="Battles", sub_event_type="Suicide bomb")


def test_unknown_plover_code_is_rejected():
    with pytest.raises(ValidationError):
        make_event(plover="FIGHT")


def test_record_validates_against_published_schema():
    record = ArticleRecord(id="x", published="2016-09-06", events=[make_event()])
    jsonschema.validate(json.loads(record.model_dump_json()), article_json_schema())


def test_schema_rejects_a_record_missing_its_id():
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"published": "2016-09-06"}, article_json_schema())
