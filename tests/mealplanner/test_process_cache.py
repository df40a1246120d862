"""The per-process cache behind the plan page's pieces and the Foods search: bounded, oldest use first."""

from mealplanner import process_cache
from mealplanner.process_cache import ProcessCache


def test_the_least_recently_used_goes_first_when_it_is_full():
    cache = ProcessCache(max_entries=2, seconds=60)
    cache.set("a", 1)
    cache.set("b", 2)
    assert cache.get("a") == 1  # now "b" is the least recently used
    cache.set("c", 3)
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == (1, None, 3) and len(cache) == 2


def test_an_entry_older_than_its_age_limit_is_gone(monkeypatch):
    cache = ProcessCache(max_entries=10, seconds=60)
    cache.set("a", 1)
    later = process_cache.time.monotonic() + 61
    monkeypatch.setattr(process_cache.time, "monotonic", lambda: later)
    assert cache.get("a") is None and len(cache) == 0
