"""Read articles from text, HTML, JSONL and CSV files, directories, feeds (file or URL), URLs and stdin.

Every input either becomes an `Article` or a `Failure` that says where it came from and why: nothing is
dropped silently. Non-French articles become failures of kind "skipped".
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from veille.ingest.fetch import Fetcher, FetchError, FetchOptions, is_url, too_large
from veille.ingest.html import article_from_html
from veille.ingest.language import foreign_language
from veille.ingest.records import MAX_TEXT_CHARS, Failure, SourcedArticle, article_from_mapping, unreadable_bytes

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | FEED_SUFFIXES
# A single page or text file above this is not an article (a 50 MB "page" is a dump or an attack);
# corpora (JSONL, CSV) are streamed and have no file limit, only the per-article MAX_TEXT_CHARS.
MAX_FILE_BYTES = 10 * 2**20

csv.field_size_limit(MAX_TEXT_CHARS * 4)  # the default (128 KiB) would reject long but valid articles

Item = SourcedArticle | Failure


@dataclass
class ReadOptions:
    """How to read: fallback date, accepted languages, size limits and fetching politeness."""

    published: dt.date | None = None  # for .txt and for pages without a date of their own
    languages: frozenset[str] = frozenset({"fr"})
    detect_language: bool = True
    max_file_bytes: int = MAX_FILE_BYTES
    fetch: FetchOptions = field(default_factory=FetchOptions)


class Reader:
    """Turns sources into articles and failures; holds the fetcher so per-host delays span sources."""

    def __init__(self, options: ReadOptions | None = None):
        self.options = options or ReadOptions()
        self.fetcher = Fetcher(self.options.fetch)

    def read(self, sources: Iterable[str]) -> Iterator[Item]:
        for source in sources:
            yield from self.read_source(source)

    def read_source(self, source: str) -> Iterator[Item]:
        """Yield the items of one source: a file, a directory (recursive), a URL, or '-' for stdin (JSONL)."""
        for item in self._dispatch(source):
            yield item if isinstance(item, Failure) else check_article(item, self.options)

    def _dispatch(self, source: str) -> Iterator[Item]:
        if source == "-":
            yield from iter_jsonl_lines(sys.stdin, "<stdin>")
            return
        if is_url(source):
            yield from self.read_url(source)
            return
        path = Path(source)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in KNOWN_SUFFIXES:
                    yield from self.read_file(child)
            return
        if not path.exists():
            yield Failure(source=source, reason="no such file or directory")
            return
        yield from self.read_file(path)

    def read_file(self, path: Path) -> Iterator[Item]:
        source, suffix = str(path), path.suffix.lower()
        if suffix in JSONL_SUFFIXES or suffix in CSV_SUFFIXES:
            yield from read_corpus(path, suffix in CSV_SUFFIXES)
            return
        try:
            size = path.stat().st_size
            if size > self.options.max_file_bytes:
                yield Failure(source=source, reason=f"file {too_large(size, self.options.max_file_bytes)}")
                return
            raw = path.read_bytes()
        except OSError as exc:
            yield Failure(source=source, reason=f"cannot read file: {exc.strerror}")
            return
        if suffix in FEED_SUFFIXES:
            from veille.ingest.feeds import read_feed

            yield from read_feed(raw, source, self)
        elif suffix in HTML_SUFFIXES:
            yield article_from_html(raw, source, path.stem, self.options.published)
        else:
            yield article_from_text(raw, source, path.stem, self.options.published)

    def read_url(self, url: str) -> Iterator[Item]:
        """A URL is a feed (its entries' pages are fetched in turn) or a single HTML page."""
        from veille.ingest.feeds import looks_like_feed, read_feed

        try:
            page = self.fetcher.fetch(url)
        except FetchError as exc:
            yield Failure(source=url, reason=str(exc))
            return
        if looks_like_feed(page.content, page.content_type):
            yield from read_feed(page.content, url, self)
        else:
            yield self.page_article(page.content, page.url, page.content_type)

    def page_article(
        self, raw: bytes, url: str, content_type: str = "", published: dt.date | None = None, title: str | None = None
    ) -> Item:
        charset = content_type.partition("charset=")[2].strip() or None
        return article_from_html(
            raw, url, url, published or self.options.published, url=url, title=title, charset=charset
        )


def iter_source(
    source: str, published: dt.date | None = None, options: ReadOptions | None = None
) -> Iterator[Item]:
    """Yield the articles (and failures) of one source; `published` dates .txt files and undated pages."""
    options = options or ReadOptions()
    if published is not None:
        options = dataclasses.replace(options, published=published)
    yield from Reader(options).read_source(source)


def check_article(article: SourcedArticle, options: ReadOptions) -> Item:
    """Refuse texts spaCy cannot take, and skip articles that are not in an accepted language."""
    where = {"source": article.origin or article.id, "line": article.line, "id": article.id}
    if len(article.text) > MAX_TEXT_CHARS:
        return Failure(reason=f"text too long: {len(article.text):,} characters (limit {MAX_TEXT_CHARS:,})", **where)
    if article.lang and article.lang not in options.languages:
        return Failure(kind="skipped", reason=f"language {article.lang!r} declared by the input", **where)
    if options.detect_language:
        lang = foreign_language(article.text, options.languages)
        if lang is not None:
            return Failure(kind="skipped", reason=f"language detected as {lang!r}, not French", **where)
    return article


def read_corpus(path: Path, is_csv: bool) -> Iterator[Item]:
    """Stream a JSONL or CSV corpus; a decoding error ends the file with a failure at its line."""
    source = str(path)
    try:
        if not is_csv:
            with path.open("rb") as raw_lines:
                yield from iter_jsonl_bytes(raw_lines, source)
            return
        with path.open(encoding="utf-8", errors="strict", newline="") as handle:
            yield from iter_csv_rows(handle, source)
    except UnicodeDecodeError as exc:
        yield Failure(source=source, reason=f"not valid UTF-8: {exc.reason} at byte {exc.start} (rest of file skipped)")
    except OSError as exc:
        yield Failure(source=source, reason=f"cannot read file: {exc.strerror}")


def iter_jsonl_bytes(lines: Iterable[bytes], source: str) -> Iterator[Item]:
    """JSONL read as bytes so that one badly encoded line fails alone, with its line number."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield Failure(source=source, line=number, reason=f"not valid UTF-8: {exc.reason} at byte {exc.start}")
            continue
        yield article_from_json_line(line, source, number)


def iter_jsonl_lines(lines: Iterable[str], source: str) -> Iterator[Item]:
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield article_from_json_line(line, source, number)


def article_from_json_line(line: str, source: str, number: int) -> Item:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return Failure(source=source, line=number, reason=f"line is not JSON: {exc.msg}")
    if not isinstance(data, dict):
        return Failure(source=source, line=number, reason="line is not a JSON object")
    return article_from_mapping(data, source, number, f"{Path(source).stem}-{number}")


def iter_csv_rows(handle: io.TextIOBase, source: str) -> Iterator[Item]:
    """CSV with a header row naming at least `text` and `published`; the delimiter is sniffed."""
    head = handle.read(8192)
    handle.seek(0)
    if not head.strip():
        yield Failure(source=source, reason="empty file")
        return
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(head, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(handle, dialect=dialect)
    names = {(name or "").strip().lower() for name in reader.fieldnames or []}
    if not {"text", "published"} <= names:
        yield Failure(source=source, line=1, reason="CSV header must name 'text' and 'published' columns")
        return
    previous_end = reader.line_num
    try:
        for row in reader:
            start, previous_end = previous_end + 1, reader.line_num
            data = {(key or "").strip().lower(): value for key, value in row.items() if isinstance(key, str)}
            yield article_from_mapping(data, source, start, f"{Path(source).stem}-{start}")
    except csv.Error as exc:
        yield Failure(source=source, line=reader.line_num, reason=f"malformed CSV: {exc} (rest of file skipped)")


def decode_text(raw: bytes, source: str) -> str | Failure:
    if (failure := unreadable_bytes(raw, source)) is not None:
        return failure
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Failure(source=source, reason=f"not valid UTF-8: {exc.reason} at byte {exc.start}")


def article_from_text(raw: bytes, source: str, article_id: str, published: dt.date | None) -> Item:
    text = decode_text(raw, source)
    if isinstance(text, Failure):
        return text
    if published is None:
        return Failure(source=source, id=article_id, reason="no publication date: pass --published YYYY-MM-DD")
    return SourcedArticle(id=article_id, text=text, published=published, origin=source)
