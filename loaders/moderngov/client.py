"""A polite HTTP client for a council's web service: one request at a time, a delay between requests,
retries with back-off, never a redirect to another host."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from typing import Callable
from urllib.parse import urljoin, urlsplit

import httpx

from graph.errors import FetchError

RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
MAX_REDIRECTS = 5
# A minutes PDF of a long meeting runs to a few MB, a supplementary pack to tens; nothing a service
# answers for one meeting is larger.
MAX_RESPONSE_BYTES = 100 * 1024 * 1024


def user_agent() -> str:
    try:
        own = version("partnership-graph")
    except PackageNotFoundError:        # run from a source tree that was never installed
        own = "0"
    return f"partnership-graph/{own} (pgraph fetch; reads published minutes, one request at a time)"


def check_url(url: str) -> str:
    """An http(s) address with a host, or a FetchError saying what is wrong with it."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"{url}: only http:// and https:// addresses are fetched")
    if not parts.hostname:
        raise FetchError(f"{url}: no host in the address")
    return url


@dataclass
class PoliteClient:
    """GETs one URL at a time, at least `delay` seconds after the previous request ended.

    429 and 5xx answers and network errors are retried `retries` times with a back-off that doubles
    (or what the server's Retry-After asks, up to `max_backoff`); a redirect is followed only within
    the host first asked, so a service cannot send the fetcher elsewhere.
    """

    delay: float = 1.0
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 1.0
    max_backoff: float = 60.0
    sleep: Callable[[float], None] = time.sleep
    requests: int = 0                      # requests sent, retries and redirects included
    _last: float | None = field(default=None, repr=False)
    _http: httpx.Client | None = field(default=None, repr=False)

    def __enter__(self) -> PoliteClient:
        self._http = httpx.Client(headers={"User-Agent": user_agent()}, timeout=self.timeout,
                                  follow_redirects=False)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None

    def get(self, url: str) -> bytes:
        """The body of a 200 answer, or a FetchError naming the URL and what went wrong."""
        check_url(url)
        host = urlsplit(url).hostname
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            response = self._get_with_retries(current)
            if response.is_redirect:
                target = urljoin(current, response.headers.get("Location", ""))
                parts = urlsplit(target)
                if parts.scheme.lower() not in ("http", "https") or parts.hostname != host:
                    raise FetchError(f"{url}: redirected to another host ({parts.hostname or target}); "
                                     "not followed")
                current = target
                continue
            if response.status_code != 200:
                raise FetchError(f"{url}: HTTP {response.status_code} {response.reason_phrase}".rstrip())
            return response.content
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")

    def _get_with_retries(self, url: str) -> httpx.Response:
        assert self._http is not None, "use the client in a with block"
        wait = self.backoff
        for attempt in range(self.retries + 1):
            self._pause()
            try:
                response = self._send(url)
            except httpx.HTTPError as exc:
                if attempt == self.retries:
                    raise FetchError(f"{url}: {_describe(exc)}") from exc
            else:
                if response.status_code not in RETRY_STATUS or attempt == self.retries:
                    return response
                wait = max(wait, _retry_after(response))
            self.sleep(min(wait, self.max_backoff))
            wait *= 2
        raise AssertionError("unreachable")

    def _send(self, url: str) -> httpx.Response:
        self.requests += 1
        try:
            with self._http.stream("GET", url) as response:
                size = 0
                chunks = []
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > MAX_RESPONSE_BYTES:
                        raise FetchError(f"{url}: answer larger than {MAX_RESPONSE_BYTES // 2**20} MB; not read")
                    chunks.append(chunk)
                return httpx.Response(response.status_code, headers=response.headers, content=b"".join(chunks),
                                      request=response.request)
        finally:
            self._last = time.monotonic()

    def _pause(self) -> None:
        if self._last is not None:
            left = self.delay - (time.monotonic() - self._last)
            if left > 0:
                self.sleep(left)


def _retry_after(response: httpx.Response) -> float:
    value = response.headers.get("Retry-After", "")
    try:
        return max(0.0, float(value))
    except ValueError:
        return 0.0          # an HTTP date, or nothing: the client's own back-off


def _describe(exc: httpx.HTTPError) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return "timed out"
    if isinstance(exc, httpx.ConnectError):
        return f"could not connect ({exc})"
    return f"{type(exc).__name__}: {exc}"
