"""How the food search matches and ranks names (plain Python, no Django).

Matching: every word typed, or another form of it (foods.search_terms: its stem, its singular, a synonym),
must be the start of a word of the food's name, in any order, ignoring case and punctuation.
"pumpkin seed" finds "Seeds, pumpkin and squash seed kernels, dried"; "spin" finds "Spinach, raw";
"cashews" finds "Nuts, cashew nuts"; "porridge" finds "Cereals, oats, ..."; "low-fat" is "low" and "fat".

Relevance (best first), compared in this order:
1. more typed words that are a whole word of the name, any form counting ("coffee" prefers
   "Beverages, coffee, brewed" to "Coffeecake"; "almond" finds "Nuts, almonds", "berry" "Berries");
2. more of a synonym's SR28 words in the name ("oatmeal": "Cereals, oats, ..." before "Oat bran");
3. how early in the name a typed word appears: USDA names start with the food itself
   ("Spinach, raw") and mention it later when it is only an ingredient ("Pasta, ..., spinach, ...");
4. the basic form: the part right after the food is "raw", "plain" or "whole" ("Yogurt, plain, ...",
   "Milk, whole, ...");
5. a known magnesium value (this app is about magnesium);
6. a generic food before a brand (brands are written in CAPITALS in USDA names: "KELLOGG'S");
7. a shorter name (fewer words), then the name alphabetically.
With no words typed there is nothing to compare, so the foods richest in magnesium come first.
"""

import re
from dataclasses import dataclass

from foods.search_terms import Term, stem, term, term_matches

ORDERS = ("relevance", "magnesium", "portion", "kcal", "name")
BASIC_FORMS = frozenset({"raw", "plain", "whole"})
_WORD = re.compile(r"[^\W_]+")  # letters and digits
# Three or more capitals in a row: USDA writes brand names that way ("KELLOGG'S", "McDONALD'S").
_BRAND = re.compile(r"[A-Z]{3,}")


@dataclass(slots=True)
class Candidate:
    id: int
    name: str
    magnesium_mg: float | None
    mg_per_portion: float | None = None
    mg_per_100kcal: float | None = None
    # The name's words (name_words()), when the caller already split it.
    words: list[str] | None = None


def name_words(name: str) -> list[str]:
    return _WORD.findall(name.casefold())


def query_words(text: str) -> list[str]:
    """The words of a query or name, lower case, without punctuation; duplicates kept in order once."""
    seen: list[str] = []
    for word in _WORD.findall(text.casefold()):
        if word not in seen:
            seen.append(word)
    return seen


def words_match(words: list[str], name: str | list[str]) -> bool:
    """True when every word starts some word of the name (a name, or its name_words())."""
    split = name_words(name) if isinstance(name, str) else name
    # Name words hold no spaces, so " word" occurs in " a b c" exactly when some word starts with it
    # (one substring search in C instead of a loop over the words: this runs for every candidate).
    joined = " " + " ".join(split)
    return all(" " + w in joined for w in words)


def terms_match(terms: list[Term], split: list[str]) -> bool:
    """True when every term (one of its forms) starts some word of the name's words."""
    joined = " " + " ".join(split)
    return all(term_matches(t, joined) for t in terms)


def _as_terms(words: list) -> list[Term]:
    return [w if isinstance(w, Term) else term(w) for w in words]


def relevance_key(candidate: Candidate, words: list) -> tuple:
    return _relevance_keyer(_as_terms(words))(candidate)


def _relevance_keyer(terms: list[Term]):
    """relevance_key for these terms, with the work that depends on the terms alone done once."""
    prefixes = tuple(p for t in terms for p in t.prefixes)
    hints = [t.hints for t in terms if t.hints]

    def key(candidate: Candidate) -> tuple:
        name = candidate.name
        split = candidate.words if candidate.words is not None else name_words(name)
        first_hit = next((i for i, nw in enumerate(split) if nw.startswith(prefixes)), len(split))
        # The part right after the food: "Yogurt, plain, ..." (only parts[1] counts, so split twice at most).
        parts = name.casefold().split(",", 2)
        basic_form = len(parts) > 1 and parts[1].strip() in BASIC_FORMS
        stems = {stem(nw) for nw in split if nw.startswith(prefixes)}
        whole_words = sum(1 for t in terms if t.whole & stems)
        hint_words = 0
        if hints:
            all_stems = {stem(nw) for nw in split}
            hint_words = sum(len(h & all_stems) for h in hints)
        return (
            -whole_words,
            -hint_words,
            first_hit,
            not basic_form,
            candidate.magnesium_mg is None,
            bool(_BRAND.search(name)),
            len(split),
            name.casefold(),
        )

    return key


def _highest_first(value: float | None, name: str) -> tuple:
    # Unknown sorts after every known value, never as zero.
    return (value is None, -(value or 0.0), name.casefold())


def rank(candidates: list[Candidate], words: list, *, order: str = "relevance") -> list[Candidate]:
    """Candidates in the order asked; `words` are the query's Terms (or plain words, made into Terms)."""
    if order not in ORDERS:
        raise ValueError(f"Unknown order {order!r}; known: {', '.join(ORDERS)}.")
    if order == "relevance" and words:
        return sorted(candidates, key=_relevance_keyer(_as_terms(words)))
    if order in ("relevance", "magnesium"):
        return sorted(candidates, key=lambda c: _highest_first(c.magnesium_mg, c.name))
    if order == "portion":
        return sorted(candidates, key=lambda c: _highest_first(c.mg_per_portion, c.name))
    if order == "kcal":
        return sorted(candidates, key=lambda c: _highest_first(c.mg_per_100kcal, c.name))
    return sorted(candidates, key=lambda c: c.name.casefold())
