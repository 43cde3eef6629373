"""Readers: every input becomes an article or a failure with its source, line and a clear reason."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from veille.ingest.readers import Failure, ReadOptions, iter_source
from veille.ingest.records import SourcedArticle, parse_published

FR = "Des centaines de manifestants ont défilé samedi dans les rues de Lyon pour protester contre la réforme."
EN = "Hundreds of protesters marched on Saturday through the streets of London against the new pension reform."
DAY = dt.date(2024, 3, 2)
PAGE = """<html><head><title>Manifestation à Lyon</title>
<meta property="article:published_time" content="2024-03-02T10:00:00+01:00">
<link rel="canonical" href="https://exemple.fr/lyon-manif"></head>
<body><article><h1>Manifestation à Lyon</h1><p>{text}</p><p>{text}</p></article></body></html>"""


def read(source, **options) -> list:
    return list(iter_source(str(source), options=ReadOptions(**options)))


def only_failure(items) -> Failure:
    assert len(items) == 1 and isinstance(items[0], Failure), items
    return items[0]


def test_text_file_with_fallback_date(tmp_path):
    path = tmp_path / "depeche.txt"
    path.write_text(FR, encoding="utf-8")
    [article] = read(path, published=DAY)
    assert isinstance(article, SourcedArticle)
    assert (article.text, article.published, article.origin) == (FR, DAY, str(path))


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("vide.txt", b"", "empty file"),
        ("blancs.txt", b"  \n\n ", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("latin1.txt", "Un défilé à Besançon, déjà.".encode("latin-1"), "not valid UTF-8"),
    ],
)
def test_bad_files_fail_with_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    failure = only_failure(read(path, published=DAY))
    assert reason in failure.reason and failure.source == str(path)


def test_huge_html_page_fails_without_being_parsed(tmp_path):
    path = tmp_path / "enorme.html"
    with path.open("wb") as handle:
        handle.write(b"<html><body><p>" + b"bla " * (50 * 2**20 // 4) + b"</p></body></html>")
    failure = only_failure(read(path))
    assert "too large" in failure.reason and "50.0 MB" in failure.reason


def test_html_page_gives_text_date_title_and_url(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(text=FR), encoding="utf-8")
    [article] = read(path)
    assert isinstance(article, SourcedArticle), article
    assert FR in article.text
    assert article.published == DAY
    assert article.title == "Manifestation à Lyon"
    assert article.url == "https://exemple.fr/lyon-manif"


def test_jsonl_bad_lines_each_fail_with_their_line(tmp_path):
    path = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"id": "a", "published": "2024-03-02", "text": FR}),
        "{pas du json",
        json.dumps({"id": "b", "published": "2024-03-02"}),
        json.dumps({"id": "c", "published": "samedi dernier", "text": FR}),
        json.dumps({"id": "d", "published": "2024-03-02T08:00:00Z", "text": FR + " Suite."}),
    ]
    raw = ("\n".join(lines) + "\n").encode("utf-8") + b'{"id": "e", "text": "caf\xe9"}\n'
    path.write_bytes(raw)
    items = read(path)
    assert [type(i).__name__ for i in items] == ["SourcedArticle", "Failure", "Failure", "Failure", "SourcedArticle",
                                                 "Failure"]
    assert [i.line for i in items] == [1, 2, 3, 4, 5, 6]
    assert "not JSON" in items[1].reason
    assert "'text'" in items[2].reason
    assert "unparseable 'published'" in items[3].reason
    assert items[4].published == DAY
    assert "UTF-8" in items[5].reason


def test_csv_corpus_with_multiline_text_keeps_line_numbers(tmp_path):
    path = tmp_path / "corpus.csv"
    path.write_text(
        'id;published;title;text\n'
        f'x1;2024-03-02;Lyon;"{FR}\nDeuxième paragraphe."\n'
        f'x2;;Lyon;"{FR}"\n'
        f'x3;Sat, 02 Mar 2024 09:00:00 +0100;Lyon;"{FR} Encore."\n',
        encoding="utf-8",
    )
    items = read(path)
    assert isinstance(items[0], SourcedArticle) and items[0].text.endswith("Deuxième paragraphe.")
    assert isinstance(items[1], Failure) and items[1].line == 4 and "published" in items[1].reason
    assert isinstance(items[2], SourcedArticle) and items[2].published == DAY and items[2].line == 5


def test_csv_without_text_column_fails(tmp_path):
    path = tmp_path / "corpus.csv"
    path.write_text("id,date,body\n1,2024-03-02,bonjour\n", encoding="utf-8")
    assert "text" in only_failure(read(path)).reason


def test_directory_is_read_recursively_and_ignores_other_files(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "un.txt").write_text(FR, encoding="utf-8")
    (tmp_path / "a" / "b" / "deux.txt").write_text(FR + " Bis.", encoding="utf-8")
    (tmp_path / "a" / "b" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    items = read(tmp_path, published=DAY)
    assert sorted(i.id for i in items) == ["deux", "un"]


def test_non_french_article_is_skipped_with_language(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        json.dumps({"id": "fr", "published": "2024-03-02", "text": FR}) + "\n"
        + json.dumps({"id": "en", "published": "2024-03-02", "text": EN}) + "\n"
        + json.dumps({"id": "short", "published": "2024-03-02", "text": "OK."}) + "\n",
        encoding="utf-8",
    )
    items = read(path)
    assert isinstance(items[0], SourcedArticle) and isinstance(items[2], SourcedArticle)
    assert items[1].kind == "skipped" and "'en'" in items[1].reason
    assert isinstance(read(path, detect_language=False)[1], SourcedArticle)


def test_missing_source_fails():
    failure = only_failure(read("/nonexistent/veille/input.jsonl"))
    assert "no such file" in failure.reason


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2024-03-02", DAY), ("2024-03-02T23:10:00+01:00", DAY), ("Sat, 02 Mar 2024 09:00:00 GMT", DAY)],
)
def test_parse_published_formats(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["2024-13-45", "hier", "02/03/2024x"])
def test_parse_published_refuses_garbage(value):
    with pytest.raises(ValueError, match="unparseable"):
        parse_published(value)
