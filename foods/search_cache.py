"""A small per-process cache of the Foods page's as-you-type results (the htmx part), and the foods
"generation" that invalidates it.

Why: people type the same few prefixes ("s", "sp", "spi", ...) over and over; rendering the result rows
costs more than finding them. A cached part is keyed by the request's query string and the current
generation, a token in the default cache (shared by every process) that every write to foods replaces:
`food_bulk_upsert` (imports, `load_foods`, the admin's bulk tools) and the admin's save and delete.
Entries also expire after ENTRY_SECONDS, which bounds how stale a part can be if a write ever bypasses
those paths (raw SQL, the shell). The part holds no personal data: only foods and the search's words.
Each process reads the token at most every GENERATION_SECONDS (a query on every keystroke cost as much
as the rest of a cached answer): the process that wrote sees its change at once, the others within that.
"""

import time
import uuid

from django.core.cache import cache
from django.db import transaction

from mealplanner.process_cache import ProcessCache

GENERATION_KEY = "foods:generation"
ENTRY_SECONDS = 60
GENERATION_SECONDS = 2
MAX_ENTRIES = 1024  # a part is 10 to 20 kB, a row under 1 kB: at most ~20 MB per process, typically a few
MAX_KEY_LENGTH = 400  # longer query strings are not worth keeping

_parts = ProcessCache(max_entries=MAX_ENTRIES, seconds=ENTRY_SECONDS)  # results' bytes, rows, the food groups
_token: list = [0.0, None]  # when this process read the generation, and what it was


def generation() -> str:
    read_at, token = _token
    now = time.monotonic()
    if token is not None and now - read_at < GENERATION_SECONDS:
        return token
    token = cache.get(GENERATION_KEY)
    if token is None:
        # First use, or the cache was cleared: a new token, so nothing cached before can match.
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        token = cache.get(GENERATION_KEY)
    _token[:] = [now, token]
    return token


def _new_generation() -> None:
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)
    _token[:] = [0.0, None]  # this process reads it again at once


def foods_changed() -> None:
    """Call after any write to foods or portions: every cached part becomes stale, in every process."""
    _new_generation()
    # Again once the write is committed, for a cache outside the database (a reader between the first
    # token and the commit would have cached the old rows under the new token).
    transaction.on_commit(_new_generation)


def part_key(token: str, query_string: str) -> tuple | None:
    if len(query_string) > MAX_KEY_LENGTH:
        return None
    return (token, query_string)


def get_part(key: tuple | None):
    return None if key is None else _parts.get(key)


def put_part(key: tuple | None, content) -> None:
    if key is not None:
        _parts.set(key, content)


def clear() -> None:
    _parts.clear()
    _token[:] = [0.0, None]
