"""Fetch a recipe page from the web, safely: http(s) only, public addresses only, small and quick.

The server must never be made to reach its own network (SSRF): the host name is resolved here, every
address it resolves to must be public (not loopback, private, link-local, multicast or reserved), and the
connection goes to the address that was checked, so a second DNS answer cannot point it elsewhere.
Redirects are followed a few times, each checked the same way.
"""

import http.client
import ipaddress
import socket
import ssl
import time
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

MAX_BYTES = 2_000_000  # a recipe page is HTML; 2 MB holds any real one
TIMEOUT_SECONDS = 10  # for the whole fetch, redirects included
MAX_REDIRECTS = 3
USER_AGENT = "MagnesiumMealPlanner/1.0 (reads one recipe page a person asked for)"


class FetchRefused(ValueError):
    """A page that is not fetched; the message is shown to the person."""


def is_public_address(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchRefused("That web address's site could not be found.") from None
    return sorted({str(info[4][0]) for info in infos})


def _checked(url: str, resolve: Callable[[str, int], list[str]], allowed: Callable[[str], bool]):
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchRefused("Only http and https web addresses can be read.")
    if not parts.hostname:
        raise FetchRefused("That web address has no site name.")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchRefused("That web address's port is not a number.") from None
    addresses = resolve(parts.hostname, port)
    if not addresses or not all(allowed(address) for address in addresses):
        raise FetchRefused("That web address is not on the public internet, so it is not read.")
    path = parts.path or "/"
    return parts, port, addresses[0], path + (f"?{parts.query}" if parts.query else "")


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self):
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host, port, address, timeout, context):
        super().__init__(host, port, timeout=timeout, context=context)
        self._address = address

    def connect(self):
        sock = socket.create_connection((self._address, self.port), self.timeout)
        # The certificate is checked against the host name, while the socket goes to the checked address.
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def fetch_page(
    url: str,
    *,
    resolve: Callable[[str, int], list[str]] = _resolve,
    allowed: Callable[[str], bool] = is_public_address,
    ssl_context: ssl.SSLContext | None = None,
    max_bytes: int = MAX_BYTES,
    timeout: float = TIMEOUT_SECONDS,
) -> str:
    """The page's HTML. Raises FetchRefused for a refused address, a failure, a non-HTML answer or a page
    over `max_bytes`. `resolve` and `allowed` are parameters so tests never need the network."""
    deadline = time.monotonic() + timeout
    for _ in range(MAX_REDIRECTS + 1):
        parts, port, address, target = _checked(url, resolve, allowed)
        left = deadline - time.monotonic()
        if left <= 0:
            raise FetchRefused("The site took too long to answer.")
        connection: http.client.HTTPConnection
        if parts.scheme == "https":
            connection = _PinnedHTTPSConnection(
                parts.hostname, port, address, left, ssl_context or ssl.create_default_context()
            )
        else:
            connection = _PinnedHTTPConnection(parts.hostname, port, address, left)
        try:
            connection.request("GET", target, headers={"User-Agent": USER_AGENT, "Accept": "text/html"})
            response = connection.getresponse()
            if response.status in (301, 302, 303, 307, 308) and response.getheader("Location"):
                url = urljoin(url, response.getheader("Location"))
                continue
            if response.status != 200:
                raise FetchRefused(f"The site answered {response.status}, not the page.")
            kind = (response.getheader("Content-Type") or "").split(";")[0].strip().lower()
            if kind not in ("text/html", "application/xhtml+xml", ""):
                raise FetchRefused("That address is not a web page.")
            body = bytearray()
            while len(body) <= max_bytes:
                if time.monotonic() > deadline:
                    raise FetchRefused("The site took too long to answer.")
                chunk = response.read(65536)
                if not chunk:
                    break
                body += chunk
            if len(body) > max_bytes:
                raise FetchRefused("That page is too large to be a recipe page.")
            charset = response.headers.get_content_charset() or "utf-8"
            try:
                return bytes(body).decode(charset, "replace")
            except LookupError:
                return bytes(body).decode("utf-8", "replace")
        except (OSError, http.client.HTTPException):
            raise FetchRefused("The site could not be reached just now.") from None
        finally:
            connection.close()
    raise FetchRefused("The site sent the page elsewhere too many times.")
