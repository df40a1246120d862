"""What a typed query means to the food search: each word with its other forms and synonyms (plain Python).

A query becomes a list of Terms, one per word. A name matches a term when one of the term's `prefixes`
starts a word of the name. The prefixes are the typed word, its stem (Snowball's English stemmer:
"cashews" -> "cashew", "berries" -> "berri") and its singular by a plain suffix rule ("berries" ->
"berry"), plus the first SR28 word of a synonym (foods.synonyms: "porridge" -> "oats"). A prefix that
another prefix already starts is dropped, so the database gets few alternatives.

One typo: `correct_word` finds the word of the food names within one edit (a letter added, dropped,
changed, or two swapped) of a word that starts no name word at all ("spinch" -> "spinach"), among the
names foods.selectors reads for it.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from foods.synonyms import PHRASES, WORDS

_WORD = re.compile(r"[^\W_]+")  # letters and digits
_STEMMER = snowballstemmer.stemmer("english")
# A word this short is too likely a start of another one to be a typo ("pin", "kin", "oat").
MIN_TYPO_LENGTH = 4


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    # Kept per word: a pure function of one word, and the few thousand words of SR28 names come back on
    # every search (this is no cache of results: the same word always has the same stem).
    return _STEMMER.stemWord(word)


def singular(word: str) -> str:
    """A plain English singular: "berries" -> "berry", "tomatoes" -> "tomato", "peaches" -> "peach"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("oes", "shes", "ches", "xes", "sses")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def forms(word: str) -> set[str]:
    """The word, its stem and its singular: any of them may be how a food's name writes it."""
    return {word, stem(word), singular(word)}


@dataclass(frozen=True, slots=True)
class Term:
    typed: str
    prefixes: tuple[str, ...]  # any of these starting a name word matches
    whole: frozenset[str]  # stems of the words that count as the whole word (the typed one, a synonym's first)
    hints: frozenset[str]  # stems of a synonym's SR28 words: each one in a name ranks it higher


def minimal_prefixes(prefixes: Iterable[str]) -> tuple[str, ...]:
    """Drop a prefix that a shorter one already covers ("cashews" when "cashew" is there)."""
    kept: list[str] = []
    seen: set[str] = set()
    for prefix in sorted(set(p for p in prefixes if p), key=len):
        if not any(prefix[:n] in seen for n in range(1, len(prefix) + 1)):
            kept.append(prefix)
            seen.add(prefix)
    return tuple(kept)


def term(word: str) -> Term:
    synonyms = WORDS.get(word, ())
    alternatives = forms(word) | (forms(synonyms[0]) if synonyms else set())
    whole = {stem(word)} | ({stem(synonyms[0])} if synonyms else set())
    return Term(word, minimal_prefixes(alternatives), frozenset(whole), frozenset(stem(s) for s in synonyms))


# Phrase keys as stems, so "green onions" finds the entry "green onion".
_PHRASES = [(tuple(stem(w) for w in key.split()), value.split()) for key, value in PHRASES.items()]


def _replace_phrases(words: list[str]) -> list[str]:
    stems = [stem(w) for w in words]
    out: list[str] = []
    i = 0
    while i < len(words):
        for key, value in _PHRASES:
            if tuple(stems[i : i + len(key)]) == key:
                out.extend(value)
                i += len(key)
                break
        else:
            out.append(words[i])
            i += 1
    return out


def query_terms(words: list[str]) -> list[Term]:
    """The terms for a query's words (query_words()), phrases replaced first; a word twice counts once."""
    seen: list[str] = []
    for word in _replace_phrases(words):
        if word not in seen:
            seen.append(word)
    return [term(w) for w in seen]


def term_matches(t: Term, joined: str) -> bool:
    """Whether one of the term's prefixes starts a word of a name given as " " + its words joined by spaces."""
    return any(" " + p in joined for p in t.prefixes)


# ------------------------------------------------------------------------------------------ one typo


def within_one_edit(a: str, b: str) -> bool:
    """True when b is a with at most one letter added, dropped, changed, or two neighbours swapped."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1 :] == b[i + 1 :]:
            return True  # one changed
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]  # two swapped
    if la > lb:
        return a[i + 1 :] == b[i:]  # one dropped
    return a[i:] == b[i + 1 :]  # one added


def typo_candidate(word: str) -> bool:
    """Whether a word may be a typo worth correcting: long enough, and plain letters."""
    return len(word) >= MIN_TYPO_LENGTH and word.isascii() and word.isalpha()


def vocabulary(names: Iterable[str]) -> dict[str, int]:
    """Each word of the names (and its stem, so "bananas" gives "banana" too) with how often it occurs."""
    counts: dict[str, int] = {}
    for name in names:
        for word in _WORD.findall(name.casefold()):
            counts[word] = counts.get(word, 0) + 1
    for word, count in list(counts.items()):
        root = stem(word)
        if root != word:
            counts[root] = counts.get(root, 0) + count
    return counts


def starts_a_word(t: Term, vocab: dict[str, int]) -> bool:
    return any(word.startswith(t.prefixes) for word in vocab)


def correct_word(word: str, vocab: dict[str, int]) -> str | None:
    """The word of the names one edit away from `word`, the one in most names (then alphabetical); None if none."""
    if not typo_candidate(word):
        return None
    near = [w for w in vocab if abs(len(w) - len(word)) <= 1 and w[0:1].isalpha() and within_one_edit(word, w)]
    if not near:
        return None
    return min(near, key=lambda w: (-vocab[w], w))
