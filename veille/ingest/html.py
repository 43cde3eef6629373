"""HTML pages to articles: main text with trafilatura, date, title and URL from the page's own metadata."""

from __future__ import annotations

import datetime as dt
import re

from veille.ingest.records import Failure, SourcedArticle, make_article, parse_published, unreadable_bytes
from veille.model import check_published

_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_html(raw: bytes, source: str, declared: str | None = None, fallback: str | None = None) -> str | Failure:
    """UTF-8 first, then the charset the server or the page declares, then the user's --encoding; anything
    else is a failure."""
    if (failure := unreadable_bytes(raw, source)) is not None:
        return failure
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    match = _CHARSET.search(raw[:4096])
    charset = declared or (match.group(1).decode("ascii") if match else None)
    for candidate in (charset, fallback):
        if candidate and candidate.lower().replace("-", "") != "utf8":
            try:
                return raw.decode(candidate)
            except (LookupError, UnicodeDecodeError):
                pass
    return Failure(
        source=source, reason=f"not valid UTF-8 and no usable declared charset: byte {utf8_error.start}"
    )


def article_from_html(
    raw: bytes,
    source: str,
    article_id: str,
    published: dt.date | None,
    *,
    url: str | None = None,
    title: str | None = None,
    charset: str | None = None,
    encoding: str | None = None,
) -> SourcedArticle | Failure:
    """The page's main text as an article; the page's own date wins over `published` (a fallback), and
    its own URL over `article_id` as the article's id."""
    import trafilatura  # heavy import, only when HTML is read

    html = decode_html(raw, source, charset, encoding)
    if isinstance(html, Failure):
        return html
    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, url=url)
    text = getattr(document, "text", None) if document is not None else None
    if not text:
        return Failure(source=source, id=article_id, reason="no main text found in the HTML page")
    page_date = page_published(document)
    published = page_date or published
    if published is None:
        return Failure(source=source, id=article_id, reason="no publication date in the page: pass --published")
    page_url = getattr(document, "url", None) or url
    return make_article(
        id=page_url or article_id,
        text=text,
        published=published,
        title=getattr(document, "title", None) or title,
        url=page_url,
        source=getattr(document, "sitename", None),
        origin=source,
    )


def page_published(document) -> dt.date | None:
    """The publication date trafilatura/htmldate found in the page's metadata, if it is a real date."""
    value = getattr(document, "date", None)
    if not value:
        return None
    try:
        return check_published(parse_published(str(value)))
    except ValueError:  # not a date, or not a plausible one: the fallback date applies
        return None
