"""Feeds and URLs, served by a local HTTP server on 127.0.0.1 started by the test."""

from __future__ import annotations

import datetime as dt
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from veille.ingest.fetch import FetchError, FetchOptions, _CheckedRedirects, check_url
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


# A feed whose links lead where veille must not go; two entries carry their own text.
TRAPS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Pièges</title><link>{base}/</link>
<item><title>Fichier</title><link>file:///etc/hostname</link><pubDate>Sat, 02 Mar 2024 09:00:00 GMT</pubDate></item>
<item><title>Robots</title><link>{base}/interdit/page.html</link><pubDate>Sat, 02 Mar 2024 10:00:00 GMT</pubDate>
<description>Le texte complet de la dépêche : des manifestants ont défilé samedi à Lyon.</description></item>
<item><title>Redirection</title><link>{base}/vers-fichier</link><pubDate>Sat, 02 Mar 2024 11:00:00 GMT</pubDate>
</item>
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
        if kind == "redirect":
            self.send_response(302)
            self.send_header("Location", body.decode())
            self.end_headers()
            return
        if kind == "drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(8):
                self.wfile.write(body)
                self.wfile.flush()
                time.sleep(0.2)
            return
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
        "/robots.txt": ("text/plain", b"User-agent: *\nDisallow: /interdit/\n"),
        "/interdit/page.html": ("text/html", PAGE.format(title="Interdit", text=TEXT).encode()),
        "/vers-fichier": ("redirect", b"file:///etc/hostname"),
        "/lente.html": ("drip", b"<p>" + b"x" * 100 + b"</p>"),
        "/pieges.xml": ("application/rss+xml", TRAPS.format(base=base).encode()),
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


def test_feed_links_outside_http_and_robots_txt_are_refused_with_the_entry_text_as_fallback(site):
    file_link, robots, redirect = list(reader().read_source(f"{site}/pieges.xml"))
    assert isinstance(file_link, Failure) and "only http and https" in file_link.reason
    assert isinstance(robots, SourcedArticle) and robots.text.startswith("Le texte complet")
    assert robots.id == f"{site}/interdit/page.html"  # the entry's own content, under its link
    assert isinstance(redirect, Failure) and "file:///etc/hostname" in redirect.reason
    assert "not allowed" in redirect.reason or "only http and https" in redirect.reason
    assert not any("hostname" in getattr(i, "text", "") for i in (file_link, robots, redirect))


def test_loopback_and_private_addresses_are_refused_unless_allowed(site):
    closed = Reader(ReadOptions(fetch=FetchOptions(timeout=5, retries=0, delay=0)))
    [failure] = list(closed.read_source(f"{site}/lyon.html"))
    assert isinstance(failure, Failure) and "--allow-private" in failure.reason
    for url in ("http://10.1.2.3/x", "http://169.254.169.254/latest/meta-data", "http://[::1]/", "http://0.0.0.0/"):
        with pytest.raises(FetchError, match="refused"):
            check_url(url, allow_private=False)


def test_a_redirect_is_checked_again():
    handler = _CheckedRedirects(allow_private=False)
    with pytest.raises(FetchError, match="private"):
        handler.redirect_request(None, None, 302, "Found", {}, "http://192.168.1.1/admin")


def test_a_server_that_drips_is_cut_off(site):
    slow = Reader(ReadOptions(fetch=FetchOptions(timeout=5, retries=0, delay=0, allow_private=True, max_seconds=0.5)))
    [failure] = list(slow.read_source(f"{site}/lente.html"))
    assert isinstance(failure, Failure) and "too slow" in failure.reason


def test_the_connection_itself_refuses_a_private_peer(site):
    """A name that resolved to a public address when checked and to a private one at connection time."""
    from veille.ingest.fetch import _checked_connection

    host, port = site.removeprefix("http://").split(":")
    with pytest.raises(FetchError, match="private"):
        _checked_connection(allow_private=False)((host, int(port)), 5)
    _checked_connection(allow_private=True)((host, int(port)), 5).close()
