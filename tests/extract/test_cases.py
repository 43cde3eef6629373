"""The stylised cases of cases.yaml: invented sentences through the whole extraction, against a coder's events."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from tests.support import knowledge
from veille.extract.events import extract_events
from veille.extract.layers import find_mentions

CASES = yaml.safe_load((Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def extract(nlp, tmp_path_factory):
    from veille.geo.build import ensure_gazetteer
    from veille.geo.resolver import Resolver

    # the same temporary gazetteer as tests/geo's fixture: built once per session, never in the user's folder
    resolver = Resolver(ensure_gazetteer(tmp_path_factory.getbasetemp() / "veille-data" / "gazetteer.sqlite"))

    def run(case: dict):
        published = dt.date.fromisoformat(str(case["published"]))
        mentions = find_mentions(nlp(case["text"]), published, knowledge(), resolver)
        return extract_events(mentions, case["id"], knowledge())[0]

    return run


def as_expected(event) -> dict:
    """The fields of an event that cases.yaml may check, in its notation."""
    location = event.location
    return {
        "acled": [event.acled.event_type, event.acled.sub_event_type] if event.acled else None,
        "plover": event.plover, "date": event.date, "place": location.name if location else None,
        "country": location.country if location else None, "fatalities": event.fatalities,
        "injured": event.injured, "actor1_type": event.actor1.type if event.actor1 else None,
    }


@pytest.mark.parametrize("case", [
    pytest.param(c, id=c["id"], marks=[pytest.mark.xfail(reason=c["known_failure"], strict=True)]
                 if c.get("known_failure") else []) for c in CASES
])
def test_stylised_case(extract, case):
    found = [as_expected(e) for e in extract(case)]
    expected = [{k: str(v) if k == "date" else v for k, v in event.items()} for event in case["events"]]
    assert len(found) == len(expected), f"{case['text']}\nexpected {expected}\nfound {found}"
    for want, got in zip(expected, found, strict=True):
        assert {k: got[k] for k in want} == want, f"{case['text']}\nexpected {want}\nfound {got}"
