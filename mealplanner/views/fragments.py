"""Rendered pieces of the plan page kept in this process's memory, ready to send.

A piece is stored as the text between its CSRF tokens (`Piece.chunks`), so filling in a request's token is
one join, not a search through ~300 KB; and as plain Python objects (mealplanner.process_cache), so
reading one copies nothing (Django's LocMemCache pickles every value, which for a packed page cost more
than the rest of serving it). Keys say everything a piece shows (see plan_render), so nothing is ever invalidated: a change
makes new keys and the old pieces age out, least recently used first.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

# Cached pieces hold this instead of a CSRF token. Random per process (as the cache is), so no text a
# person types can ever match it.
CSRF_SLOT = "csrf-slot-" + secrets.token_hex(16)


@dataclass(frozen=True, slots=True)
class Piece:
    chunks: tuple[str, ...]  # the HTML split at CSRF_SLOT (empty for an encoded piece)
    # Or the same as UTF-8, for a piece that goes straight into a response: one emoji makes Python hold a
    # whole string at four bytes a character, so joining and encoding a page as text costs far more (and
    # keeping it as text would take four times the memory).
    encoded: tuple[bytes, ...] = ()

    @classmethod
    def of(cls, html: str, *, encode: bool = False) -> Piece:
        chunks = tuple(html.split(CSRF_SLOT))
        return cls((), tuple(c.encode() for c in chunks)) if encode else cls(chunks)

    @property
    def needs_token(self) -> bool:
        return len(self.chunks or self.encoded) > 1

    def fill(self, token: str) -> str:
        return token.join(self.chunks)

    def fill_bytes(self, token: str) -> bytes:
        return token.encode().join(self.encoded)

    def unfilled(self) -> str:
        """The HTML with the slots still in it, to become part of a larger piece."""
        return CSRF_SLOT.join(self.chunks)
