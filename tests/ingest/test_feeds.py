"""Feeds and URLs, served by a local HTTP server on 127.0.0.1 started by the test."""

from __future__ import annotations

import datetime as dt
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from veille.ingest.fetch import FetchOptions
from veille.ingest.readers import Failure, Reader, ReadOptions
from veille.ingest.records import SourcedArticle

TEXT = "Des centaines de manifestants ont défilé samedi dans les rues de Lyon pour protester contre la réforme."
PAGE = "<html><head><title>{title}</title></head><body><article><p>{text}</p><p>{text}</p></article></body></html>"
FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Fil</title><link>{base}/</link>
<item><title>Lyon</title><link>{base}/lyon.html</link><pubDate>Sat, 02 Mar 2024 09:00:00 GMT</pubDate></item>
<item><title>Disparue</title><link>{base}/absente.html</link><pubDate>Sat, 02 Mar 2024 10:00:00 GMT</pubDate></item>
<item><title>Lourde</title><link>{base}/lourde.html</link><pubDate>Sat, 02 Mar 2024 11:00:00 GMT</pubDate></item>
</channel></rss>"""


class Site(BaseHTTPRequestHandler):
    pages: dict[str, tuple[str, bytes]] = {}
    agents: list[str] = []

    def do_GET(self):  # noqa: N802 - the name http.server calls
        Site.agents.append(self.headers.get("User-Agent", ""))
        if self.path not in self.pages:
            self.send_error(404, "Not Found")
            return
        kind, body = self.pages[self.path]
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    Site.pages = {
        "/fil.xml": ("application/rss+xml", FEED.format(base=base).encode()),
        "/casse.xml": ("application/rss+xml", b"<?xml version='1.0'?><rss><channel><item><title>x</ti"),
        "/lyon.html": ("text/html; charset=utf-8", PAGE.format(title="Lyon", text=TEXT).encode()),
        "/lourde.html": ("text/html", b"<html>" + b"x" * 300_000 + b"</html>"),
    }
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()


def reader() -> Reader:
    fetch = FetchOptions(timeout=5, max_bytes=200_000, retries=0, delay=0, allow_private=True)
    return Reader(ReadOptions(fetch=fetch))


def test_feed_url_fetches_each_entry_page(site):
    items = list(reader().read_source(f"{site}/fil.xml"))
    assert len(items) == 3
    article, missing, heavy = items
    assert isinstance(article, SourcedArticle), article
    assert TEXT in article.text and article.published == dt.date(2024, 3, 2) and article.url == f"{site}/lyon.html"
    assert isinstance(missing, Failure) and "404" in missing.reason and missing.source == f"{site}/absente.html"
    assert isinstance(heavy, Failure) and "too large" in heavy.reason
    assert all(agent.startswith("veille/") for agent in Site.agents)


def test_malformed_feed_is_a_failure(site):
    failure = next(iter(reader().read_source(f"{site}/casse.xml")))
    assert isinstance(failure, Failure) and "malformed feed" in failure.reason


def test_feed_file_with_unreachable_link_fails_per_entry(tmp_path, site):
    path = tmp_path / "fil.rss"
    path.write_text(FEED.format(base=site), encoding="utf-8")
    items = list(reader().read_source(str(path)))
    assert [isinstance(i, SourcedArticle) for i in items] == [True, False, False]


def test_single_page_url_without_date_needs_the_fallback(site):
    [failure] = list(reader().read_source(f"{site}/lyon.html"))
    assert isinstance(failure, Failure) and "no publication date" in failure.reason
    dated = reader()
    dated.options.published = dt.date(2024, 3, 1)
    [article] = list(dated.read_source(f"{site}/lyon.html"))
    assert isinstance(article, SourcedArticle) and article.title == "Lyon"
    assert article.published == dt.date(2024, 3, 1) and article.url == f"{site}/lyon.html"


def test_unreachable_host_fails_after_retries():
    options = ReadOptions(fetch=FetchOptions(timeout=1, retries=1, backoff=0, delay=0, allow_private=True))
    [failure] = list(Reader(options).read_source("http://127.0.0.1:9/none"))
    assert isinstance(failure, Failure) and "after 2 attempts" in failure.reason
