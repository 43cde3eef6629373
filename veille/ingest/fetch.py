"""Polite HTTP fetching for feeds and the pages they link to: timeout, size limit, user agent, retries, delay."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from veille import __version__

USER_AGENT = f"veille/{__version__} (French news event extraction; polite fetcher)"
# Status codes worth retrying: the server is busy or briefly failing; a 404 will not get better.
RETRYABLE_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


@dataclass
class FetchOptions:
    """How politely and how far to fetch; one object passed down from the CLI."""

    timeout: float = 15.0  # seconds per request (connect + each read)
    max_bytes: int = 10 * 2**20  # a news page is well under 1 MB; 10 MB leaves room for inline images
    retries: int = 2  # extra attempts after a network error or a retryable status
    backoff: float = 1.0  # seconds before the first retry, doubled each time
    delay: float = 1.0  # minimum seconds between two requests to the same host
    user_agent: str = USER_AGENT


@dataclass
class Page:
    """A fetched resource: the final URL after redirects, its bytes and its content type."""

    url: str
    content: bytes
    content_type: str = ""


class FetchError(Exception):
    """A URL could not be fetched; the message is the reason recorded in `failures`."""


@dataclass
class Fetcher:
    """Fetches URLs one at a time, waiting `delay` between requests to the same host."""

    options: FetchOptions = field(default_factory=FetchOptions)
    _last_request: dict[str, float] = field(default_factory=dict)

    def fetch(self, url: str) -> Page:
        """The page at `url`, or FetchError with a clear reason once the retries are spent."""
        attempts = self.options.retries + 1
        wait = self.options.backoff
        for attempt in range(1, attempts + 1):
            try:
                return self._fetch_once(url)
            except _Retryable as exc:
                if attempt == attempts:
                    raise FetchError(f"{exc} (after {attempts} attempts)") from None
                time.sleep(wait)
                wait *= 2
        raise AssertionError("unreachable")

    def _fetch_once(self, url: str) -> Page:
        self._wait_for_host(url)
        request = urllib.request.Request(url, headers={"User-Agent": self.options.user_agent, "Accept": "*/*"})
        try:
            with urllib.request.urlopen(request, timeout=self.options.timeout) as response:
                declared = response.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > self.options.max_bytes:
                    raise FetchError(too_large(int(declared), self.options.max_bytes))
                content = response.read(self.options.max_bytes + 1)
                if len(content) > self.options.max_bytes:
                    raise FetchError(too_large(len(content), self.options.max_bytes))
                return Page(response.geturl(), content, response.headers.get("Content-Type", ""))
        except urllib.error.HTTPError as exc:
            if exc.code in RETRYABLE_STATUS:
                raise _Retryable(f"HTTP {exc.code} {exc.reason}") from None
            raise FetchError(f"HTTP {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
            reason = getattr(exc, "reason", exc)
            raise _Retryable(f"cannot fetch: {reason}") from None

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last_request.get(host)
        if last is not None:
            pause = self.options.delay - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)
        self._last_request[host] = time.monotonic()


class _Retryable(Exception):
    """A failure that may go away: a network error or a busy server."""


def too_large(size: int, limit: int) -> str:
    return f"too large: {size / 2**20:.1f} MB (limit {limit / 2**20:.0f} MB)"


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))
