"""RSS/Atom feeds with feedparser: each entry's linked page is fetched politely and read as HTML."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from veille.ingest.fetch import FetchError
from veille.ingest.records import Failure, SourcedArticle

if TYPE_CHECKING:
    from veille.ingest.readers import Item, Reader

_FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")


def looks_like_feed(content: bytes, content_type: str = "") -> bool:
    """An RSS/Atom document by its declared type or by its opening tags (servers often say text/xml)."""
    kind = content_type.lower()
    if "rss" in kind or "atom" in kind:
        return True
    head = content[:1024].lstrip().lower()
    return any(marker in head for marker in _FEED_MARKERS)


def read_feed(raw: bytes, source: str, reader: Reader) -> Iterator[Item]:
    """The articles of a feed's entries, in feed order; a feed that cannot be parsed is one failure."""
    import feedparser  # only when a feed is read

    parsed = feedparser.parse(raw)
    entries = parsed.get("entries") or []
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    benign = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
    if problem is not None and not isinstance(problem, benign):
        recovered = f"; {len(entries)} entries recovered and read below" if entries else ""
        yield Failure(source=source, reason=f"malformed feed: {problem}{recovered}")
        if not entries:
            return
    if not entries:
        yield Failure(source=source, kind="skipped", reason="feed has no entries")
        return
    for number, entry in enumerate(entries, start=1):
        yield read_entry(entry, number, source, reader)


def read_entry(entry, number: int, source: str, reader: Reader) -> Item:
    """Fetch the entry's page; without a link, the entry's own content is the text."""
    published = entry_date(entry)
    title = entry.get("title")
    link = entry.get("link")
    if not link:
        return article_from_entry_content(entry, number, source, published)
    try:
        page = reader.fetcher.fetch(link)
    except FetchError as exc:
        return Failure(source=link, id=link, reason=f"{exc} (entry {number} of feed {source})")
    return reader.page_article(page.content, link, page.content_type, published=published, title=title)


def entry_date(entry) -> dt.date | None:
    """The entry's publication (or update) date; feedparser has already normalised it to UTC."""
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def article_from_entry_content(entry, number: int, source: str, published: dt.date | None) -> Item:
    """Feeds that carry the full text and no link: the entry's content, stripped of its markup."""
    import lxml.html

    contents = entry.get("content") or []
    html = contents[0].get("value") if contents else entry.get("summary")
    text = lxml.html.fromstring(html).text_content().strip() if html and html.strip() else ""
    entry_id = str(entry.get("id") or f"{source}#{number}")
    if not text:
        return Failure(source=source, line=number, id=entry_id, reason="feed entry has neither a link nor text")
    if published is None:
        return Failure(source=source, line=number, id=entry_id, reason="feed entry has no publication date")
    return SourcedArticle(
        id=entry_id, text=text, published=published, title=entry.get("title"), origin=source, line=number
    )
