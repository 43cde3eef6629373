"""Read articles from JSONL, text and HTML files, directories, and stdin.

Every input either becomes an `Article` or a `Failure` that says where it came from and why it failed:
nothing is dropped silently.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from veille.model import Article

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass
class Failure:
    """An input that could not become an article, with its origin and the reason."""

    source: str
    reason: str
    line: int | None = None
    id: str | None = None

    def label(self) -> str:
        return f"{self.source}:{self.line}" if self.line is not None else self.source


def iter_source(source: str, published: dt.date | None = None) -> Iterator[Article | Failure]:
    """Yield the articles of one source: a file, a directory (recursive) or '-' for stdin (JSONL)."""
    if source == "-":
        yield from iter_jsonl_lines(sys.stdin, "<stdin>")
        return
    path = Path(source)
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if child.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES:
                yield from iter_file(child, published)
        return
    if not path.exists():
        yield Failure(source=source, reason="no such file or directory")
        return
    yield from iter_file(path, published)


def iter_file(path: Path, published: dt.date | None) -> Iterator[Article | Failure]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        try:
            with path.open(encoding="utf-8", errors="strict") as handle:
                yield from iter_jsonl_lines(handle, str(path))
        except UnicodeDecodeError as exc:
            yield Failure(source=str(path), reason=f"not valid UTF-8: {exc.reason} at byte {exc.start}")
        return
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield Failure(source=str(path), reason=f"cannot read file: {exc.strerror}")
        return
    if suffix in HTML_SUFFIXES:
        yield article_from_html(raw, str(path), path.stem, published)
    else:
        yield article_from_text(raw, str(path), path.stem, published)


def iter_jsonl_lines(lines, source: str) -> Iterator[Article | Failure]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        yield article_from_json_line(line, source, number)


def article_from_json_line(line: str, source: str, number: int) -> Article | Failure:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return Failure(source=source, line=number, reason=f"line is not JSON: {exc.msg}")
    if not isinstance(data, dict):
        return Failure(source=source, line=number, reason="line is not a JSON object")
    article_id = str(data["id"]) if data.get("id") is not None else f"{Path(source).stem}-{number}"
    if not isinstance(data.get("text"), str) or not data["text"].strip():
        return Failure(source=source, line=number, id=article_id, reason="missing or empty 'text'")
    if data.get("published") in (None, ""):
        return Failure(source=source, line=number, id=article_id, reason="missing 'published' (YYYY-MM-DD)")
    data["id"] = article_id
    try:
        return Article.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        return Failure(source=source, line=number, id=article_id, reason=f"invalid '{field}': {first['msg']}")


def decode_text(raw: bytes, source: str) -> str | Failure:
    if not raw.strip():
        return Failure(source=source, reason="empty file")
    if b"\x00" in raw[:8192]:
        return Failure(source=source, reason="binary file (contains NUL bytes)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Failure(source=source, reason=f"not valid UTF-8: {exc.reason} at byte {exc.start}")


def article_from_text(raw: bytes, source: str, article_id: str, published: dt.date | None) -> Article | Failure:
    text = decode_text(raw, source)
    if isinstance(text, Failure):
        return text
    if published is None:
        return Failure(source=source, id=article_id, reason="no publication date: pass --published YYYY-MM-DD")
    return Article(id=article_id, text=text, published=published)


def article_from_html(raw: bytes, source: str, article_id: str, published: dt.date | None) -> Article | Failure:
    import trafilatura  # heavy import, only when HTML is read

    html = decode_text(raw, source)
    if isinstance(html, Failure):
        return html
    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = getattr(document, "text", None) if document is not None else None
    if not text:
        return Failure(source=source, id=article_id, reason="no main text found in the HTML page")
    page_date = getattr(document, "date", None)
    if published is None and page_date:
        try:
            published = dt.date.fromisoformat(str(page_date)[:10])
        except ValueError:
            published = None
    if published is None:
        return Failure(source=source, id=article_id, reason="no publication date in the page: pass --published")
    return Article(
        id=article_id,
        text=text,
        published=published,
        title=getattr(document, "title", None),
        url=getattr(document, "url", None),
    )
