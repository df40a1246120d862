"""A bounded least-recently-used map with an age limit, kept in this process's memory.

The plan page's rendered pieces and day figures (mealplanner.views.plan_render, selectors.plan_page) and
the Foods search's results (foods.search_cache) keep what they computed here, each under a key that says
everything it depends on. Safe for app servers that run requests in threads.
"""

import threading
import time
from collections import OrderedDict


class ProcessCache:
    """get() gives None for a key never set, pushed out by newer ones, or older than `seconds`."""

    def __init__(self, max_entries: int, seconds: float):
        self.max_entries, self.seconds = max_entries, seconds
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            stored_at, value = item
            if time.monotonic() - stored_at > self.seconds:
                del self._items[key]
                return None
            self._items.move_to_end(key)
            return value

    def set(self, key, value) -> None:
        with self._lock:
            self._items[key] = (time.monotonic(), value)
            self._items.move_to_end(key)
            while len(self._items) > self.max_entries:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)
