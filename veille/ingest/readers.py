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
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from veille.ingest.feeds import FeedEntry, looks_like_feed, parse_feed
from veille.ingest.fetch import Fetcher, FetchError, FetchOptions, is_url, too_large
from veille.ingest.html import article_from_html
from veille.ingest.language import foreign_language
from veille.ingest.records import (
    MAX_TEXT_CHARS,
    Failure,
    SourcedArticle,
    article_from_mapping,
    content_id,
    make_article,
    unreadable_bytes,
    with_distinct_id,
)

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
    encoding: str | None = None  # of .txt, .csv and .jsonl inputs that are not valid UTF-8 (cp1252, latin-1)
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
        """The items of every source, in order; an id met twice is made distinct (see `with_distinct_id`)."""
        seen: set[str] = set()
        for source in sources:
            for item in self.read_source(source):
                if isinstance(item, SourcedArticle):
                    item = with_distinct_id(item, seen)
                    seen.add(item.id)
                yield item

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
            yield from self.read_directory(path)
            return
        if not path.exists():
            yield Failure(source=source, reason="no such file or directory")
            return
        yield from self.read_file(path, path.parent)

    def read_directory(self, root: Path) -> Iterator[Item]:
        """Every file under `root`, symbolic links to folders followed (each real folder once); a file that
        is not an article format is a "skipped" row, never silently left out."""
        found = False
        for path in walk_files(root):
            found = True
            if path.suffix.lower() in KNOWN_SUFFIXES:
                yield from self.read_file(path, root)
            else:
                kind = path.suffix.lower() or "no extension"
                yield Failure(source=str(path), kind="skipped",
                              reason=f"not an article file ({kind}); veille reads {', '.join(sorted(KNOWN_SUFFIXES))}")
        if not found:
            yield Failure(source=str(root), reason="directory holds no files")

    def read_file(self, path: Path, root: Path) -> Iterator[Item]:
        """One file; its articles' ids come from its path relative to `root` (the folder given, or the
        file's own folder), unless the page names its own URL."""
        source, suffix = str(path), path.suffix.lower()
        if suffix in JSONL_SUFFIXES or suffix in CSV_SUFFIXES:
            yield from read_corpus(path, suffix in CSV_SUFFIXES, self.options.encoding)
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
        article_id = path.relative_to(root).as_posix()
        if suffix in FEED_SUFFIXES:
            yield from self.read_feed(raw, source)
        elif suffix in HTML_SUFFIXES:
            yield article_from_html(raw, source, article_id, self.options.published, encoding=self.options.encoding)
        else:
            yield article_from_text(raw, source, article_id, self.options.published, self.options.encoding)

    def read_url(self, url: str) -> Iterator[Item]:
        """A URL is a feed (its entries' pages are fetched in turn) or a single HTML page."""
        try:
            page = self.fetcher.fetch(url)
        except FetchError as exc:
            yield Failure(source=url, reason=str(exc))
            return
        if looks_like_feed(page.content, page.content_type):
            yield from self.read_feed(page.content, url)
        else:
            yield self.page_article(page.content, page.url, page.content_type)

    def read_feed(self, raw: bytes, source: str) -> Iterator[Item]:
        for entry in parse_feed(raw, source):
            yield entry if isinstance(entry, Failure) else self.read_entry(entry, source)

    def read_entry(self, entry: FeedEntry, source: str) -> Item:
        """The entry's linked page (robots.txt permitting); the entry's own content when the page cannot be
        fetched or read, or when there is no link."""
        if entry.link is None:
            return entry_article(entry, source)
        try:
            page = self.fetcher.fetch(entry.link, robots=True)
        except FetchError as exc:
            problem = f"{exc} (entry {entry.number} of feed {source})"
        else:
            item = self.page_article(page.content, entry.link, page.content_type, entry.published, entry.title)
            if not isinstance(item, Failure):
                return item
            problem = f"{item.reason} (entry {entry.number} of feed {source})"
        if entry.content:
            return entry_article(entry, source)
        return Failure(source=entry.link, id=entry.link, reason=problem)

    def page_article(
        self, raw: bytes, url: str, content_type: str = "", published: dt.date | None = None, title: str | None = None
    ) -> Item:
        charset = content_type.partition("charset=")[2].strip() or None
        return article_from_html(
            raw, url, url, published or self.options.published, url=url, title=title, charset=charset
        )


def walk_files(root: Path) -> Iterator[Path]:
    """The files under `root` in a stable order, following links to folders but entering each real folder
    once (a link back to a parent cannot loop)."""
    seen: set[str] = set()
    for folder, subfolders, files in os.walk(root, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            subfolders[:] = []
            continue
        seen.add(real)
        subfolders.sort()
        for name in sorted(files):
            yield Path(folder) / name


def entry_article(entry: FeedEntry, source: str) -> Item:
    """A feed entry's own content as the article (feeds that carry the full text, or a page out of reach)."""
    entry_id = entry.link or entry.entry_id or (content_id(entry.content) if entry.content else None)
    where = {"source": source, "line": entry.number, "id": entry_id}
    if not entry.content:
        return Failure(reason="feed entry has neither a link nor text", **where)
    if entry.published is None:
        return Failure(reason="feed entry has no publication date", **where)
    return make_article(id=entry_id, text=entry.content, published=entry.published, title=entry.title,
                        url=entry.link, origin=source, line=entry.number)


def count_items(sources: list[str]) -> int | None:
    """How many items reading `sources` gives (one per file or corpus line), for a progress bar's total;
    None when it cannot be known without reading them (feeds, URLs, stdin)."""
    total = 0
    for source in sources:
        if source == "-" or is_url(source):
            return None
        path = Path(source)
        paths = list(walk_files(path)) if path.is_dir() else [path]
        for file in paths:
            suffix = file.suffix.lower()
            if suffix in FEED_SUFFIXES:
                return None
            total += count_corpus_lines(file) if suffix in JSONL_SUFFIXES | CSV_SUFFIXES else 1
    return total


def count_corpus_lines(path: Path) -> int:
    """Non-blank lines of a corpus (a CSV row that spans lines counts more than once: an estimate)."""
    try:
        with path.open("rb") as handle:
            return max(1, sum(1 for line in handle if line.strip()) - (path.suffix.lower() in CSV_SUFFIXES))
    except OSError:
        return 1


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


def read_corpus(path: Path, is_csv: bool, encoding: str | None = None) -> Iterator[Item]:
    """Stream a JSONL or CSV corpus; an empty one is a failure, not nothing."""
    source = str(path)
    try:
        if not is_csv:
            with path.open("rb") as raw_lines:
                yield from iter_jsonl_bytes(raw_lines, source, encoding)
            return
        csv_encoding = "utf-8" if is_utf8(path) else encoding
        if csv_encoding is None:
            yield Failure(source=source, reason=f"not valid UTF-8 {ENCODING_HINT}")
            return
        with path.open(encoding=csv_encoding, errors="strict", newline="") as handle:
            yield from iter_csv_rows(handle, source)
    except UnicodeDecodeError as exc:
        yield Failure(source=source, reason=f"{undecodable(exc, encoding)} (rest of file skipped)")
    except OSError as exc:
        yield Failure(source=source, reason=f"cannot read file: {exc.strerror}")


ENCODING_HINT = "(pass --encoding, for example --encoding cp1252)"


def is_utf8(path: Path) -> bool:
    """Whether the whole file decodes as UTF-8, read in blocks (corpora can be large)."""
    import codecs

    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as handle:
            while block := handle.read(2**20):
                decoder.decode(block)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def undecodable(exc: UnicodeDecodeError, encoding: str | None) -> str:
    """The reason for a text that does not decode, with the way out when no encoding was given."""
    tried = f"UTF-8 nor {encoding}" if encoding else "UTF-8"
    hint = "" if encoding else f" {ENCODING_HINT}"
    return f"not valid {tried}: {exc.reason} at byte {exc.start}{hint}"


def decode(raw: bytes, encoding: str | None) -> str:
    """UTF-8, else the user's --encoding; UnicodeDecodeError when neither fits."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        if encoding is None:
            raise
        return raw.decode(encoding)


def iter_jsonl_bytes(lines: Iterable[bytes], source: str, encoding: str | None = None) -> Iterator[Item]:
    """JSONL read as bytes so that one badly encoded line fails alone, with its line number."""
    empty = True
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        empty = False
        try:
            line = decode(raw, encoding)
        except UnicodeDecodeError as exc:
            yield Failure(source=source, line=number, reason=undecodable(exc, encoding))
            continue
        yield article_from_json_line(line, source, number)
    if empty:
        yield Failure(source=source, reason="empty file: no articles")


def iter_jsonl_lines(lines: Iterable[str], source: str) -> Iterator[Item]:
    """JSONL from a text stream (stdin): articles without an id or a URL get a hash of their text."""
    empty = True
    for number, line in enumerate(lines, start=1):
        if line.strip():
            empty = False
            yield article_from_json_line(line, source, number, with_path=False)
    if empty:
        yield Failure(source=source, reason="empty input: no articles")


def article_from_json_line(line: str, source: str, number: int, with_path: bool = True) -> Item:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return Failure(source=source, line=number, reason=f"line is not JSON: {exc.msg}")
    if not isinstance(data, dict):
        return Failure(source=source, line=number, reason="line is not a JSON object")
    return article_from_mapping(data, source, number, f"{Path(source).stem}-{number}" if with_path else None)


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
    reader = csv.reader(handle, dialect=dialect, strict=True)
    start = 1
    try:
        header = [(name or "").strip().lower() for name in next(reader)]
        if not {"text", "published"} <= set(header):
            yield Failure(source=source, line=1, reason="CSV header must name 'text' and 'published' columns")
            return
        start = reader.line_num + 1
        for row in reader:
            if len(row) != len(header):
                reason = f"row has {len(row)} fields, the header {len(header)} (a stray delimiter or quote?)"
                yield Failure(source=source, line=start, reason=reason)
            elif any(value.strip() for value in row):
                yield article_from_mapping(dict(zip(header, row, strict=True)), source, start,
                                           f"{Path(source).stem}-{start}")
            start = reader.line_num + 1
    except csv.Error as exc:
        yield Failure(source=source, line=start,
                      reason=f"malformed CSV row: {exc} (an unclosed quote?); rest of file skipped")


def decode_text(raw: bytes, source: str, encoding: str | None = None) -> str | Failure:
    if (failure := unreadable_bytes(raw, source)) is not None:
        return failure
    try:
        return decode(raw, encoding)
    except UnicodeDecodeError as exc:
        return Failure(source=source, reason=undecodable(exc, encoding))


def article_from_text(
    raw: bytes, source: str, article_id: str, published: dt.date | None, encoding: str | None = None
) -> Item:
    text = decode_text(raw, source, encoding)
    if isinstance(text, Failure):
        return text
    if published is None:
        return Failure(source=source, id=article_id, reason="no publication date: pass --published YYYY-MM-DD")
    return make_article(id=article_id, text=text, published=published, origin=source)
