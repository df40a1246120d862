"""The person's own foods and the recipes they may see, found by the food search's words (issue 16).

The same matching and ranking as the shared foods (foods.search_terms: word forms, synonyms; ranked by
foods.search_ranking), over the rows recipes.selectors lets this person see: their own foods and
recipes, their dietitian's shared ones, and public recipes. A stranger's never appear. The database
narrows by name with portable LIKE filters (these tables hold a person's few rows and the curated
recipes, not thousands of foods); two queries.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse

from foods.diet import allowed_filter
from foods.search_ranking import Candidate, name_words, query_words, rank, terms_match
from foods.search_terms import query_terms
from recipes.selectors import visible_own_foods, visible_recipes

LIMIT = 10
MAX_QUERY_WORDS = 8


@dataclass(frozen=True)
class FoundItem:
    """An own food or a recipe in the search results; `mark` says which, in words ("your food", "recipe")."""

    kind: str  # "own_food" or "recipe"
    mark: str
    name: str
    url: str
    magnesium_mg: float | None = None  # per 100 g, for an own food (a recipe's per serving is on its page)


def _narrowed(queryset, terms):
    for t in terms:
        any_form = Q()
        for prefix in t.prefixes:
            any_form |= Q(name__icontains=prefix)
        queryset = queryset.filter(any_form)
    return queryset


def _ranked(rows, terms) -> list:
    """rows: (key, name, magnesium, item); the ones whose words match, best first."""
    found = []
    for key, name, magnesium, item in rows:
        split = name_words(name)
        if terms_match(terms, split):
            found.append((Candidate(key, name, magnesium, words=split), item))
    order = {id(c): item for c, item in found}
    return [order[id(c)] for c in rank([c for c, _ in found], terms)]


def own_foods_and_recipes(user, query: str, *, diet: str = "none", allergies=(), limit: int = LIMIT) -> list[FoundItem]:
    """The own foods (suiting the diet and allergies; unknown does not suit) and recipes whose names match
    the query, own foods first, each list best match first; nothing for a visitor or an empty query."""
    if not user.is_authenticated:
        return []
    terms = query_terms([w[:40] for w in query_words(query or "")[:MAX_QUERY_WORDS]])
    if not terms:
        return []
    own = _narrowed(visible_own_foods(user).filter(**allowed_filter(diet=diet, allergies=allergies)), terms)
    own_rows = [(f"own:{pk}", name, mg, (pk, name, mg, owner_id))
                for pk, name, mg, owner_id in own.values_list("id", "name", "magnesium_mg", "owner_id")[:200]]
    recipes = _narrowed(visible_recipes(user), terms)
    recipe_rows = [(f"recipe:{pk}", name, None, (pk, name, owner_id, visibility))
                   for pk, name, owner_id, visibility in recipes.values_list("id", "name", "owner_id", "visibility")[:200]]
    items = []
    for pk, name, mg, owner_id in _ranked(own_rows, terms):
        mine = owner_id == user.pk
        url = reverse("recipes:own_food_edit", args=[pk]) if mine else reverse("recipes:own_foods")
        items.append(FoundItem("own_food", "your food" if mine else "your dietitian's food", name, url, mg))
    for pk, name, owner_id, visibility in _ranked(recipe_rows, terms):
        mark = "your recipe" if owner_id == user.pk else ("your dietitian's recipe" if visibility == "clients" else "recipe")
        items.append(FoundItem("recipe", mark, name, reverse("recipes:detail", args=[pk])))
    return items[:limit]
