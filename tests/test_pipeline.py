"""The batch policy every entry point shares: one record per input, in order; an exception in any layer or
in the parse fails its own article with the layer and the reason, never the batch."""

from __future__ import annotations

import datetime as dt

import pytest

import veille.extract.dates as dates_layer
from veille.errors import ExtractionError
from veille.ingest.records import Failure
from veille.model import Article
from veille.pipeline import Extractor, extract_article, process

DAY = dt.date(2024, 5, 6)
TEXTS = [
    "Des hommes armés ont attaqué lundi un poste de police à Kidal, tuant deux agents.",
    "PANNE : des manifestants ont défilé lundi à Bamako contre la vie chère.",
    "Une embuscade a visé lundi un convoi militaire près de Gao, selon l'armée.",
]


@pytest.fixture(scope="module")
def extractor(nlp):
    return Extractor(nlp=nlp)


def articles() -> list[Article]:
    return [Article(id=f"a{i}", text=text, published=DAY) for i, text in enumerate(TEXTS)]


@pytest.fixture
def broken_dates(monkeypatch):
    """The date layer raises on one article, as a real bug would."""
    real = dates_layer.find_matches

    def find_matches(text, lex):
        if "PANNE" in text:
            raise RuntimeError("bogus offset")
        return real(text, lex)

    monkeypatch.setattr(dates_layer, "find_matches", find_matches)


def test_an_exception_in_a_layer_fails_its_article_only(extractor, broken_dates):
    outcomes = list(process(articles(), extractor))
    assert [o.record.id for o in outcomes] == ["a0", "a1", "a2"]
    assert [o.status for o in outcomes] == ["ok", "failed", "ok"]
    assert outcomes[1].record.error == "extraction failed in dates: RuntimeError: bogus offset"
    assert outcomes[0].record.events and outcomes[2].record.events


def test_an_exception_in_the_parse_fails_its_article_only(nlp):
    class FlakyParse(Extractor):
        def parse(self, batch):
            for doc, article in super().parse(batch):
                if "PANNE" in article.text:
                    raise ValueError("tokenizer state lost")
                yield doc, article

    outcomes = list(process(articles(), FlakyParse(nlp=nlp)))
    assert [o.status for o in outcomes] == ["ok", "failed", "ok"]
    assert "ValueError: tokenizer state lost" in outcomes[1].record.error


def test_the_api_takes_dicts_and_articles_and_never_drops_one(extractor):
    inputs = [
        {"text": TEXTS[0], "published": "2024-05-06", "url": "https://exemple.ml/kidal"},
        Article(id="objet", text=TEXTS[2], published=DAY),
        {"id": "sans-texte", "published": "2024-05-06"},
        {"text": TEXTS[2] + " Suite.", "published": "2099-01-01"},
        42,
    ]
    records = list(extractor.extract(inputs))
    assert [r.id for r in records][:3] == ["https://exemple.ml/kidal", "objet", "sans-texte"]
    assert records[0].error is None and records[0].events and records[1].error is None
    assert "'text'" in records[2].error
    assert "plausible" in records[3].error
    assert "not an article" in records[4].error


def test_read_failures_keep_their_place_and_kind(extractor):
    inputs = [articles()[0], Failure(source="x.jsonl", line=2, reason="line is not JSON"),
              Failure(source="x.jsonl", line=3, kind="skipped", reason="language 'en'")]
    outcomes = list(process(inputs, extractor))
    assert [o.status for o in outcomes] == ["ok", "failed", "skipped"]
    assert outcomes[1].record.error == "x.jsonl:2: line is not JSON"


def test_extract_article_raises_a_clear_error(broken_dates):
    with pytest.raises(ExtractionError, match="in dates: RuntimeError"):
        extract_article(TEXTS[1], "2024-05-06")
