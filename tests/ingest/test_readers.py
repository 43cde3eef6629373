"""Readers: every input becomes an article or a failure with its source, line and a clear reason."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

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


def test_directory_is_read_recursively_with_ids_from_relative_paths(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "un.txt").write_text(FR, encoding="utf-8")
    (tmp_path / "a" / "b" / "deux.txt").write_text(FR + " Bis.", encoding="utf-8")
    items = read(tmp_path, published=DAY)
    assert sorted(i.id for i in items) == ["a/b/deux.txt", "a/un.txt"]


def test_other_files_in_a_directory_are_skipped_rows_not_silence(tmp_path):
    (tmp_path / "un.txt").write_text(FR, encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "LISEZMOI").write_text("notes", encoding="utf-8")
    items = read(tmp_path, published=DAY)
    skipped = {Path(i.source).name: i.reason for i in items if isinstance(i, Failure)}
    assert set(skipped) == {"photo.jpg", "LISEZMOI"}
    assert all(i.kind == "skipped" for i in items if isinstance(i, Failure))
    assert ".jpg" in skipped["photo.jpg"] and "no extension" in skipped["LISEZMOI"]


def test_symlinked_folders_are_followed_once(tmp_path):
    real = tmp_path / "archives"
    real.mkdir()
    (real / "un.txt").write_text(FR, encoding="utf-8")
    root = tmp_path / "racine"
    root.mkdir()
    (root / "lien").symlink_to(real, target_is_directory=True)
    (real / "boucle").symlink_to(root, target_is_directory=True)  # a loop back up
    items = read(root, published=DAY)
    assert [i.id for i in items] == ["lien/un.txt"]


def test_empty_directory_is_a_failure(tmp_path):
    assert "no files" in only_failure(read(tmp_path)).reason


def test_two_pages_with_one_file_name_get_distinct_ids(tmp_path):
    for folder in ("lyon", "gao"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.html").write_text(
            PAGE.replace('<link rel="canonical" href="https://exemple.fr/lyon-manif">', "")
            .format(text=f"{FR} ({folder})"), encoding="utf-8")
    ids = [i.id for i in read(tmp_path)]
    assert sorted(ids) == ["gao/index.html", "lyon/index.html"]


def test_page_with_its_own_url_takes_it_as_id(tmp_path):
    path = tmp_path / "index.html"
    path.write_text(PAGE.format(text=FR), encoding="utf-8")
    [article] = read(path)
    assert article.id == "https://exemple.fr/lyon-manif"


def test_jsonl_line_without_id_takes_its_url_then_its_place(tmp_path):
    path = tmp_path / "fil.jsonl"
    path.write_text(json.dumps({"published": "2024-03-02", "text": FR, "url": "https://exemple.fr/a"}) + "\n"
                    + json.dumps({"published": "2024-03-02", "text": FR + " Bis."}) + "\n", encoding="utf-8")
    assert [i.id for i in read(path)] == ["https://exemple.fr/a", "fil-2"]


def test_empty_jsonl_is_a_failure(tmp_path):
    for content in ("", "\n\n  \n"):
        path = tmp_path / "vide.jsonl"
        path.write_text(content, encoding="utf-8")
        assert "empty" in only_failure(read(path)).reason


def test_csv_with_an_unclosed_quote_fails_instead_of_merging_rows(tmp_path):
    path = tmp_path / "corpus.csv"
    path.write_text(
        "id,published,text\n"
        f'x1,2024-03-02,"{FR}"\n'
        f'x2,2024-03-02,"{FR} Sans fin.\n'
        f"x3,2024-03-02,{FR} Autre.\n"
        f"x4,2024-03-02,{FR} Encore.\n",
        encoding="utf-8",
    )
    items = read(path)
    assert isinstance(items[0], SourcedArticle) and items[0].id == "x1"
    assert not any(isinstance(i, SourcedArticle) and "x3," in i.text for i in items)
    assert isinstance(items[-1], Failure) and items[-1].line == 3 and "malformed CSV" in items[-1].reason


def test_csv_row_with_a_stray_delimiter_fails_alone(tmp_path):
    path = tmp_path / "corpus.csv"
    path.write_text(f"id,published,text\nx1,2024-03-02,{FR},en trop\nx2,2024-03-02,\"{FR}\"\n", encoding="utf-8")
    first, second = read(path)
    assert isinstance(first, Failure) and first.line == 2 and "4 fields" in first.reason
    assert isinstance(second, SourcedArticle) and second.id == "x2"


def test_control_characters_are_replaced_one_for_one(tmp_path):
    text = FR[:20] + "\u0000" + FR[20:40] + "\x07" + FR[40:60] + "\ud800" + FR[60:]
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps({"id": "nul", "published": "2024-03-02", "text": text, "title": "a\u0000b"}) + "\n",
                    encoding="utf-8")
    [article] = read(path)
    assert article.text == FR[:20] + " " + FR[20:40] + " " + FR[40:60] + "\ufffd" + FR[60:]  # offsets kept
    assert article.title == "a b"


def test_nul_byte_after_the_first_8_kb_of_a_text_file_is_cleaned(tmp_path):
    path = tmp_path / "long.txt"
    path.write_bytes((FR + "\n").encode() * 100 + b"\x00" + FR.encode())
    [article] = read(path, published=DAY)
    assert isinstance(article, SourcedArticle) and "\x00" not in article.text


@pytest.mark.parametrize("published", ["2099-12-31", "0001-01-01", "1850-06-01"])
def test_implausible_publication_dates_fail(tmp_path, published):
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps({"id": "x", "published": published, "text": FR}) + "\n", encoding="utf-8")
    failure = only_failure(read(path))
    assert "published" in failure.reason and "plausible" in failure.reason


def test_cp1252_text_needs_and_accepts_an_encoding(tmp_path):
    path = tmp_path / "ancien.txt"
    path.write_bytes("Un défilé à Besançon, déjà ; l’œuvre « citée ».".encode("cp1252"))
    assert "--encoding" in only_failure(read(path, published=DAY)).reason
    [article] = read(path, published=DAY, encoding="cp1252")
    assert article.text == "Un défilé à Besançon, déjà ; l’œuvre « citée »."


def test_cp1252_csv_with_encoding(tmp_path):
    path = tmp_path / "corpus.csv"
    path.write_bytes(f"id,published,text\nx1,2024-03-02,{FR} Déjà.\n".encode("cp1252"))
    assert "--encoding" in only_failure(read(path)).reason
    [article] = read(path, encoding="cp1252")
    assert article.text.endswith("Déjà.")


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


def test_count_items_gives_the_progress_bar_a_total(tmp_path):
    from veille.ingest.readers import count_items

    (tmp_path / "un.txt").write_text(FR, encoding="utf-8")
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("{}\n\n{}\n{}\n", encoding="utf-8")
    assert count_items([str(tmp_path)]) == 4
    assert count_items([str(corpus), "-"]) is None  # stdin: unknown until read
