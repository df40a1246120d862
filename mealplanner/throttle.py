"""Counting failed log-ins and password-reset requests, so guessing passwords is slow.

The counters live in Django's default cache, which settings.CACHES makes the DatabaseCache: every app
server behind a load balancer reads and writes the same counters. Keys are an HMAC of the username or
address with the project's SECRET_KEY, so the cache table never holds a username or an IP in clear.

Each rule is a fixed window: the first hit starts a window of `window` seconds; after `limit` hits within
it the caller must wait until the window ends. The counters are not atomic across servers (the database
cache has no atomic increment), so two servers racing may each let one extra guess through: good enough
to turn millions of guesses into a handful.
"""

import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac


@dataclass(frozen=True)
class Rule:
    name: str
    limit: int
    window: int  # seconds


FIFTEEN_MINUTES = 15 * 60
# At most 5 wrong passwords for one username, and 20 from one address, per quarter of an hour.
LOGIN_USERNAME = Rule("login-username", 5, FIFTEEN_MINUTES)
LOGIN_ADDRESS = Rule("login-address", 20, FIFTEEN_MINUTES)
# Password-reset e-mails: at most 5 requests from one address per quarter of an hour (stops mail bombing).
RESET_ADDRESS = Rule("reset-address", 5, FIFTEEN_MINUTES)
# ...and at most 3 e-mails to one mailbox per quarter of an hour, whoever asks from wherever.
RESET_EMAIL = Rule("reset-email", 3, FIFTEEN_MINUTES)


def now() -> float:
    """The clock the counters use (tests move it forward)."""
    return time.time()


def _key(rule: Rule, value: str) -> str:
    digest = salted_hmac("mealplanner.throttle", f"{rule.name}:{value}", algorithm="sha256").hexdigest()
    return f"throttle:{rule.name}:{digest}"


def _window(rule: Rule, value: str) -> tuple[int, float] | None:
    """(hits, window end) for a window still open, else None."""
    data = cache.get(_key(rule, value))
    if not data or data[1] <= now():
        return None
    return data


def wait_seconds(rule: Rule, value: str) -> int:
    """Seconds until `value` may try again under `rule`; 0 when it may try now."""
    data = _window(rule, value)
    if data is None or data[0] < rule.limit:
        return 0
    return max(1, math.ceil(data[1] - now()))


def hit(rule: Rule, value: str) -> int:
    """Count one attempt; returns the hits in the current window."""
    data = _window(rule, value)
    hits, until = (data[0] + 1, data[1]) if data else (1, now() + rule.window)
    cache.set(_key(rule, value), (hits, until), timeout=max(1, math.ceil(until - now())))
    return hits


def clear(rule: Rule, value: str) -> None:
    cache.delete(_key(rule, value))


def normal_username(username: str) -> str:
    # "Alice" and "alice " count as the same target, so changing case does not buy more guesses.
    return username.strip().casefold()


def client_address(request) -> str:
    """The client's IP address. Behind our own proxy (DJANGO_BEHIND_PROXY) the proxy appends the real
    address last to X-Forwarded-For; anything before it was written by the client and is not trusted."""
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if forwarded and forwarded[-1]:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def minutes(seconds: int) -> str:
    count = max(1, math.ceil(seconds / 60))
    return f"{count} minute{'s' if count != 1 else ''}"


# Log-in: the two rules together.

def login_wait(*, username: str, address: str) -> int:
    return max(wait_seconds(LOGIN_USERNAME, normal_username(username)), wait_seconds(LOGIN_ADDRESS, address))


def login_failed(*, username: str, address: str) -> None:
    hit(LOGIN_USERNAME, normal_username(username))
    hit(LOGIN_ADDRESS, address)


def login_succeeded(*, username: str) -> None:
    # Only the username's count: one person logging in must not wipe out an attacker's address count.
    clear(LOGIN_USERNAME, normal_username(username))
