"""RSS/Atom feeds with feedparser: the entries of a feed, each with its link and its own content.

Like trafilatura's `feeds`, this module only reads the feed and hands back its entries; the caller decides
what to fetch (`veille.ingest.readers`), so feeds know nothing of fetching or of readers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from veille.ingest.records import Failure

_FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")


@dataclass
class FeedEntry:
    """One entry of a feed: where it links to, and what the feed itself says of it."""

    number: int  # 1-based position in the feed
    link: str | None
    title: str | None
    published: dt.date | None
    entry_id: str | None  # the feed's own id (guid) of the entry
    content: str  # the entry's own text (full content, else summary), markup stripped; may be empty


def looks_like_feed(content: bytes, content_type: str = "") -> bool:
    """An RSS/Atom document by its declared type or by its opening tags (servers often say text/xml)."""
    kind = content_type.lower()
    if "rss" in kind or "atom" in kind:
        return True
    head = content[:1024].lstrip().lower()
    return any(marker in head for marker in _FEED_MARKERS)


def parse_feed(raw: bytes, source: str) -> Iterator[FeedEntry | Failure]:
    """The feed's entries, in feed order; a feed that cannot be parsed is one failure (entries recovered from
    a damaged feed follow it)."""
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
        yield FeedEntry(
            number=number,
            link=(entry.get("link") or "").strip() or None,
            title=entry.get("title"),
            published=entry_date(entry),
            entry_id=str(entry["id"]) if entry.get("id") else None,
            content=entry_text(entry),
        )


def entry_date(entry) -> dt.date | None:
    """The entry's publication (or update) date; feedparser has already normalised it to UTC."""
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def entry_text(entry) -> str:
    """The entry's full content when the feed carries it, else its summary, stripped of markup."""
    import lxml.etree
    import lxml.html

    contents = entry.get("content") or []
    html = contents[0].get("value") if contents else entry.get("summary")
    if not html or not html.strip():
        return ""
    try:
        return lxml.html.fromstring(html).text_content().strip()
    except (lxml.etree.ParserError, ValueError):  # markup lxml cannot read: no usable text
        return ""
