"""Counting log-ins, password checks, reset requests and plan copies, so guessing and flooding are slow.

The counters live in a table of their own (ThrottleCounter), never in a cache: Django's DatabaseCache
deletes a third of its keys once it holds 300, so junk traffic used to unlock locked accounts (issue 14).
Every app server behind a load balancer shares the table. Keys are an HMAC of the username or address with
the project's SECRET_KEY, so the table never holds a username or an IP in clear.

Each rule is a fixed window: the first attempt starts a window of `window` seconds. An attempt is counted
BEFORE it is made (`attempt`, one atomic UPDATE ... SET hits = hits + 1), and only the first `limit` in a
window go ahead: however many arrive together, at most `limit` passwords are ever checked. An attempt that
did not count against the person (a refusal, a successful log-in from the address) is handed back (`refund`).
"""

import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.crypto import salted_hmac

from core.models import ThrottleCounter


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
# Sign-ups: at most 10 from one address per quarter of an hour, and 3 e-mails to one mailbox per hour.
SIGNUP_ADDRESS = Rule("signup-address", 10, FIFTEEN_MINUTES)
SIGNUP_EMAIL = Rule("signup-email", 3, 60 * 60)


def now() -> float:
    """The clock the counters use (tests move it forward)."""
    return time.time()


def _key(rule: Rule, value: str) -> str:
    # The salt keeps the name the module had before it moved to core, so counters live across the move.
    digest = salted_hmac("mealplanner.throttle", f"{rule.name}:{value}", algorithm="sha256").hexdigest()
    return f"throttle:{rule.name}:{digest}"


def _window(rule: Rule, value: str) -> tuple[int, float] | None:
    """(hits, window end) for a window still open, else None."""
    return ThrottleCounter.objects.filter(key=_key(rule, value), until__gt=now()).values_list("hits", "until").first()


def wait_seconds(rule: Rule, value: str) -> int:
    """Seconds until `value` may try again under `rule`; 0 when it may try now."""
    data = _window(rule, value)
    if data is None or data[0] < rule.limit:
        return 0
    return max(1, math.ceil(data[1] - now()))


def attempt(rule: Rule, value: str) -> int:
    """Count one attempt, atomically, before it is made; returns the attempts in the window counting this
    one. The caller goes ahead only when the answer is at most rule.limit."""
    key, moment = _key(rule, value), now()
    while True:
        with transaction.atomic():
            counters = ThrottleCounter.objects.filter(key=key)
            # The UPDATE locks the row until commit, so the count read back is exactly ours.
            if counters.filter(until__gt=moment).update(hits=F("hits") + 1):
                return counters.values_list("hits", flat=True).get()
            if counters.filter(until__lte=moment).update(hits=1, until=moment + rule.window):
                return 1
            try:
                with transaction.atomic():
                    ThrottleCounter.objects.create(key=key, hits=1, until=moment + rule.window)
                # Windows over for an hour are of no use: a new key tidies them, so the table stays small.
                ThrottleCounter.objects.filter(until__lte=moment - 3600).delete()
                return 1
            except IntegrityError:
                pass  # another request created it at the same moment: count on that row instead


def hit(rule: Rule, value: str) -> int:
    """Count one attempt (after the fact); returns the attempts in the window."""
    return attempt(rule, value)


def refund(rule: Rule, value: str) -> None:
    """Hand back one attempt that turned out not to count (atomic, never below zero)."""
    ThrottleCounter.objects.filter(key=_key(rule, value), hits__gt=0).update(hits=F("hits") - 1)


def clear(rule: Rule, value: str) -> None:
    ThrottleCounter.objects.filter(key=_key(rule, value)).delete()


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


# Log-in (and every other check of a password): the two rules together.


def login_attempt(*, username: str, address: str) -> int:
    """Count a password check before it is made. Returns 0 when it may go ahead, else the seconds to
    wait (the attempt is then handed back: it checked nothing)."""
    user_key = normal_username(username)
    user_hits = attempt(LOGIN_USERNAME, user_key)
    address_hits = attempt(LOGIN_ADDRESS, address)
    if user_hits <= LOGIN_USERNAME.limit and address_hits <= LOGIN_ADDRESS.limit:
        return 0
    refund(LOGIN_USERNAME, user_key)
    refund(LOGIN_ADDRESS, address)
    return max(login_wait(username=username, address=address), 1)


def login_wait(*, username: str, address: str) -> int:
    return max(wait_seconds(LOGIN_USERNAME, normal_username(username)), wait_seconds(LOGIN_ADDRESS, address))


def login_succeeded(*, username: str, address: str = "") -> None:
    # The username's count starts again; the address only gets this attempt back, so one person logging
    # in does not wipe out an attacker's count from the same address.
    clear(LOGIN_USERNAME, normal_username(username))
    if address:
        refund(LOGIN_ADDRESS, address)
