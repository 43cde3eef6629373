"""What readers produce: articles that remember where they came from, or failures that say why."""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
from collections.abc import Container, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import ValidationError

from veille.model import Article

# spaCy refuses longer texts (nlp.max_length); an article this long is a dump, not a news story.
MAX_TEXT_CHARS = 1_000_000


class SourcedArticle(Article):
    """An article plus its origin (file path or URL) and line number, kept for the store and failures."""

    origin: str | None = None
    line: int | None = None
    lang: str | None = None  # the language the input declares, if any


@dataclass
class Failure:
    """An input that could not become an article (kind "failed") or was left out on purpose ("skipped")."""

    source: str
    reason: str
    line: int | None = None
    id: str | None = None
    kind: Literal["failed", "skipped"] = "failed"

    def label(self) -> str:
        return f"{self.source}:{self.line}" if self.line is not None else self.source


def parse_published(value: Any) -> dt.date:
    """A publication date from YYYY-MM-DD, an ISO datetime or an RFC 2822 date (feeds); else ValueError."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        raise ValueError(f"unparseable 'published': {text[:40]!r} (expected YYYY-MM-DD)") from None


def content_id(text: str) -> str:
    """The id of an article with neither an id, a URL nor a path of its own: a hash of its text."""
    return "sha-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def article_from_mapping(
    data: Mapping[str, Any], source: str, line: int, default_id: str | None
) -> SourcedArticle | Failure:
    """One JSONL line, CSV row or dict (id, published, text, title?, url?, source?, lang?) as an article. Its
    id: the input's own, else its URL, else `default_id` (from the file and line), else a hash of its text."""
    text = data.get("text")
    if data.get("id") not in (None, ""):
        article_id = str(data["id"])
    elif isinstance(data.get("url"), str) and data["url"].strip():
        article_id = data["url"].strip()
    else:
        article_id = default_id or (content_id(text) if isinstance(text, str) else f"{source}:{line}")
    if not isinstance(text, str) or not text.strip():
        return Failure(source=source, line=line, id=article_id, reason="missing or empty 'text'")
    if data.get("published") in (None, ""):
        return Failure(source=source, line=line, id=article_id, reason="missing 'published' (YYYY-MM-DD)")
    try:
        published = parse_published(data["published"])
    except ValueError as exc:
        return Failure(source=source, line=line, id=article_id, reason=str(exc))
    fields = {key: data.get(key) or None for key in ("title", "url", "source", "lang")}
    return make_article(id=article_id, text=text, published=published, origin=source, line=line, **fields)


def make_article(**fields: Any) -> SourcedArticle | Failure:
    """A SourcedArticle, or the failure that says which field is invalid (an implausible date, a title that
    is not text)."""
    try:
        return SourcedArticle(**fields)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        message = str(first["msg"]).removeprefix("Value error, ")
        where = {"source": fields.get("origin") or str(fields.get("id")), "line": fields.get("line")}
        return Failure(id=fields.get("id"), reason=f"invalid '{field}': {message}", **where)


def unreadable_bytes(raw: bytes, source: str) -> Failure | None:
    """An empty or binary input is a failure whatever its format; None when the bytes may be text."""
    if not raw.strip():
        return Failure(source=source, reason="empty file")
    if b"\x00" in raw[:8192]:
        return Failure(source=source, reason="binary file (contains NUL bytes)")
    return None


def with_distinct_id(article: SourcedArticle, taken: Container[str]) -> SourcedArticle:
    """The article, renamed `id~<text hash>` when its id is already taken (two files named `index.html`,
    two corpora numbering their lines alike): one id never names two articles."""
    if article.id not in taken:
        return article
    digest = hashlib.sha256(article.text.encode("utf-8")).hexdigest()[:8]
    return article.model_copy(update={"id": f"{article.id}~{digest}"})
