"""Polite and safe HTTP fetching for feeds and the pages they link to.

Polite: timeout, size limit, user agent, retries, a delay between requests to one host, and robots.txt for
pages a feed links to. Safe: only http and https, and never a loopback, link-local, private or reserved
address (a feed must not make veille read `file://` or an intranet into the store) unless the user allows
private addresses; every redirect and every connection is checked again.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import time
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from veille import __version__

USER_AGENT = f"veille/{__version__} (French news event extraction; polite fetcher)"
# Status codes worth retrying: the server is busy or briefly failing; a 404 will not get better.
RETRYABLE_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
SCHEMES = ("http", "https")
# Redirects followed for one request (urllib's own limit is 10; a news page needs two or three).
MAX_REDIRECTS = 5
# robots.txt files larger than this are read no further (Google reads 500 KiB).
ROBOTS_MAX_BYTES = 512 * 1024


@dataclass
class FetchOptions:
    """How politely and how far to fetch; one object passed down from the CLI."""

    timeout: float = 15.0  # seconds per request (connect + each read)
    max_bytes: int = 10 * 2**20  # a news page is well under 1 MB; 10 MB leaves room for inline images
    retries: int = 2  # extra attempts after a network error or a retryable status
    backoff: float = 1.0  # seconds before the first retry, doubled each time
    delay: float = 1.0  # minimum seconds between two requests to the same host
    max_seconds: float = 60.0  # for a whole response: a server that drips bytes is cut off
    user_agent: str = USER_AGENT
    allow_private: bool = False  # loopback and private addresses (an intranet feed, tests)
    robots: bool = True  # obey robots.txt for pages linked from feeds


@dataclass
class Page:
    """A fetched resource: the final URL after redirects, its bytes and its content type."""

    url: str
    content: bytes
    content_type: str = ""


class FetchError(Exception):
    """A URL could not be fetched; the message is the reason recorded in `failures`."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status  # the HTTP status, when the server answered one


@dataclass
class Fetcher:
    """Fetches URLs one at a time, waiting `delay` between requests to the same host."""

    options: FetchOptions = field(default_factory=FetchOptions)
    _last_request: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)

    def fetch(self, url: str, robots: bool = False) -> Page:
        """The page at `url`, or FetchError with a clear reason once the retries are spent. With `robots`,
        a page the site's robots.txt disallows to veille is refused."""
        check_url(url, self.options.allow_private)
        if robots and self.options.robots and (refusal := self.robots_refusal(url)):
            raise FetchError(refusal)
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

    def robots_refusal(self, url: str) -> str | None:
        """Why the site's robots.txt keeps veille from `url` (None: allowed); read once per site. A missing
        robots.txt allows everything; one that answers 401 or 403 forbids everything; one that cannot be
        fetched (server error, timeout) forbids for now, as the robots exclusion standard (RFC 9309) asks."""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        if site not in self._robots:
            self._robots[site] = self._read_robots(site)
        parser = self._robots[site]
        if parser is None:
            return f"refused: {site}/robots.txt could not be read (server error or timeout)"
        if not parser.can_fetch(self.options.user_agent, url):
            return f"refused: disallowed by {site}/robots.txt"
        return None

    def _read_robots(self, site: str) -> urllib.robotparser.RobotFileParser | None:
        parser = urllib.robotparser.RobotFileParser(site + "/robots.txt")
        try:
            page = self._fetch_once(site + "/robots.txt", max_bytes=ROBOTS_MAX_BYTES, truncate=True)
        except FetchError as exc:
            status = getattr(exc, "status", None)
            if status in (401, 403):
                parser.disallow_all = True
            elif status is not None and 400 <= status < 500:
                parser.allow_all = True
            else:
                return None
            return parser
        except _Retryable:
            return None
        parser.parse(page.content.decode("utf-8", errors="replace").splitlines())
        return parser

    def _fetch_once(self, url: str, max_bytes: int | None = None, truncate: bool = False) -> Page:
        self._wait_for_host(url)
        limit = max_bytes or self.options.max_bytes
        request = urllib.request.Request(url, headers={"User-Agent": self.options.user_agent, "Accept": "*/*"})
        try:
            with _opener(self.options.allow_private).open(request, timeout=self.options.timeout) as response:
                declared = response.headers.get("Content-Length")
                if not truncate and declared and declared.isdigit() and int(declared) > limit:
                    raise FetchError(too_large(int(declared), limit))
                content = read_limited(response, limit + 1, self.options.max_seconds)
                if len(content) > limit and not truncate:
                    raise FetchError(too_large(len(content), limit))
                return Page(response.geturl(), content[:limit], response.headers.get("Content-Type", ""))
        except urllib.error.HTTPError as exc:
            if exc.code in RETRYABLE_STATUS:
                raise _Retryable(f"HTTP {exc.code} {exc.reason}") from None
            raise FetchError(f"HTTP {exc.code} {exc.reason}", status=exc.code) from None
        except (urllib.error.URLError, TimeoutError, ConnectionError, http.client.HTTPException) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, FetchError):  # refused by a check during a redirect or the connection
                raise reason from None
            raise _Retryable(f"cannot fetch: {reason}") from None

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last_request.get(host)
        if last is not None:
            pause = self.options.delay - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)
        self._last_request[host] = time.monotonic()


def read_limited(response, limit: int, max_seconds: float) -> bytes:
    """At most `limit` bytes of the response, within `max_seconds` for the whole body."""
    deadline = time.monotonic() + max_seconds
    chunks, size = [], 0
    while size < limit:
        chunk = response.read(min(64 * 1024, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if time.monotonic() > deadline:
            raise FetchError(f"too slow: the response took more than {max_seconds:.0f} s")
    return b"".join(chunks)


def check_url(url: str, allow_private: bool) -> None:
    """FetchError unless `url` is http(s) to a host whose every address is public (or private is allowed)."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        raise FetchError(f"refused: only http and https URLs are fetched, not {parts.scheme or 'a bare path'}:")
    if not parts.hostname:
        raise FetchError("refused: the URL names no host")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, type=socket.SOCK_STREAM)
    except ValueError as exc:  # a port that is not a number
        raise FetchError(f"refused: malformed URL ({exc})") from None
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot fetch: unknown host {parts.hostname} ({exc})") from None
    for info in infos:
        check_address(info[4][0], parts.hostname)


def check_address(address: str, host: str) -> None:
    """FetchError when `address` is not a public unicast address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if not ip.is_global or ip.is_multicast:
        raise FetchError(f"refused: {host} is a private, loopback or reserved address ({ip}); "
                         "pass --allow-private to fetch it")


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Every redirect target is checked like the first URL (scheme and address)."""

    max_redirections = MAX_REDIRECTS

    def __init__(self, allow_private: bool):
        self.allow_private = allow_private

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        check_url(newurl, self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _checked_connection(allow_private: bool):
    """socket.create_connection that refuses a non-public peer: the check at connection time defeats a
    host name that resolved to a public address a moment ago and to a private one now."""

    def create_connection(address, *args, **kwargs):
        sock = socket.create_connection(address, *args, **kwargs)
        if not allow_private:
            try:
                check_address(sock.getpeername()[0], str(address[0]))
            except FetchError:
                sock.close()
                raise
        return sock

    return create_connection


class _CheckedHandler(urllib.request.AbstractHTTPHandler):
    """http and https through connections that check their peer (see `_checked_connection`)."""

    http_request = urllib.request.AbstractHTTPHandler.do_request_
    https_request = urllib.request.AbstractHTTPHandler.do_request_

    def __init__(self, allow_private: bool):
        super().__init__()
        self.check = _checked_connection(allow_private)

    def http_open(self, req):
        return self.do_open(self._connection(http.client.HTTPConnection), req)

    def https_open(self, req):
        return self.do_open(self._connection(http.client.HTTPSConnection), req)

    def _connection(self, kind):
        def connect(*args, **kwargs):
            connection = kind(*args, **kwargs)
            connection._create_connection = self.check
            return connection

        return connect


def _opener(allow_private: bool) -> urllib.request.OpenerDirector:
    """An opener with only the http and https handlers (no file:, ftp:, data:), whose redirects and
    connections are checked. Proxies are not used: they would hide the address actually reached."""
    opener = urllib.request.OpenerDirector()
    for handler in (urllib.request.UnknownHandler(), _CheckedHandler(allow_private),
                    urllib.request.HTTPDefaultErrorHandler(), _CheckedRedirects(allow_private),
                    urllib.request.HTTPErrorProcessor()):
        opener.add_handler(handler)
    return opener


class _Retryable(Exception):
    """A failure that may go away: a network error or a busy server."""


def too_large(size: int, limit: int) -> str:
    return f"too large: {size / 2**20:.1f} MB (limit {limit / 2**20:.0f} MB)"


def is_url(source: str) -> bool:
    """A source to fetch rather than a path: any URL with a scheme (only http and https will be fetched;
    others, such as file://, get a clear refusal rather than being read as a missing file)."""
    scheme = urlsplit(source).scheme
    return len(scheme) > 1 and "://" in source
