"""The person's own foods and the recipes they may see, found by the food search's words (issue 16).

The same matching and ranking as the shared foods (foods.search_terms: word forms, synonyms; ranked by
foods.search_ranking), over the rows recipes.selectors lets this person see: their own foods and
recipes, their dietitian's shared ones, and public recipes. A stranger's never appear. The database
narrows by name with portable LIKE filters (these tables hold a person's few rows and the curated
recipes, not thousands of foods); two queries (the dietitian is a subquery of each).
"""

from dataclasses import dataclass, replace

from django.db.models import Q
from django.urls import reverse

from foods.diet import allowed_filter, diet_conflicts
from foods.search_ranking import Candidate, name_words, query_words, rank, terms_match
from foods.search_terms import query_terms
from recipes.selectors import recipe_summaries, visible_own_foods, visible_recipes

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
    pk: int = 0
    serving_label: str = ""  # an own food's label serving ("1 bar"), if the label gave one
    serving_grams: float | None = None
    # Magnesium in one serving (an own food's label serving, else 100 g; a recipe's, when the caller asked
    # with_recipe_figures), and whether an unknown ingredient makes it "at least".
    serving_mg: float | None = None
    serving_at_least: bool = False
    conflicts: tuple[str, ...] = ()  # a recipe's reasons not to suit the person (with_recipe_figures)

    @property
    def key(self) -> str:
        """ "own:<id>" or "recipe:<id>", as recipes.selectors.item_from_key reads it."""
        return f"{'recipe' if self.kind == 'recipe' else 'own'}:{self.pk}"

    @property
    def serving_words(self) -> str:
        """What one serving of an own food is: "1 bar (40 g)", or "100 g" when the label gave no serving."""
        if not self.serving_grams:
            return "100 g"
        return f"{self.serving_label or 'a serving'} ({self.serving_grams:g} g)"


def _name_conditions(terms) -> list[Q]:
    """One condition per term: the name holds one of its forms (the Python check then wants a word start)."""
    conditions = []
    for t in terms:
        any_form = Q()
        for prefix in t.prefixes:
            any_form |= Q(name__icontains=prefix)
        conditions.append(any_form)
    return conditions


def _ranked(rows, terms) -> list:
    """rows: (key, name, magnesium, item); the ones whose words match, best first."""
    found = []
    for key, name, magnesium, item in rows:
        split = name_words(name)
        if terms_match(terms, split):
            found.append((Candidate(key, name, magnesium, words=split), item))
    order = {id(c): item for c, item in found}
    return [order[id(c)] for c in rank([c for c, _ in found], terms)]


def with_recipe_figures(items: list[FoundItem], *, diet: str = "none", allergies=()) -> list[FoundItem]:
    """The items, each recipe with its magnesium per serving and why it does not suit the person's diet or
    allergies (its facts derived from its ingredients; unknown does not suit). One query, none without recipes."""
    recipe_ids = [item.pk for item in items if item.kind == "recipe"]
    if not recipe_ids:
        return items
    summaries = recipe_summaries(recipe_ids)
    found = []
    for item in items:
        summary = summaries.get(item.pk) if item.kind == "recipe" else None
        if summary is not None:
            item = replace(
                item,
                serving_mg=summary.magnesium.value,
                serving_at_least=summary.magnesium.at_least,
                conflicts=tuple(diet_conflicts(summary.facts, diet=diet, allergies=allergies)),
            )
        found.append(item)
    return found


def own_foods_and_recipes(user, query: str, *, diet: str = "none", allergies=(), limit: int = LIMIT) -> list[FoundItem]:
    """The own foods (suiting the diet and allergies; unknown does not suit) and recipes whose names match
    the query, own foods first, each list best match first; nothing for a visitor or an empty query."""
    if not user.is_authenticated:
        return []
    terms = query_terms([w[:40] for w in query_words(query or "")[:MAX_QUERY_WORDS]])
    if not terms:
        return []
    # One filter() each, not one per term: each call copies the query, and a keystroke makes these two.
    names = _name_conditions(terms)
    own = visible_own_foods(user).filter(*names, **allowed_filter(diet=diet, allergies=allergies))
    own_rows = [
        (f"own:{row[0]}", row[1], row[2], row)
        for row in own.values_list("id", "name", "magnesium_mg", "owner_id", "serving_label", "serving_grams")[:200]
    ]
    recipes = visible_recipes(user).filter(*names)
    recipe_rows = [
        (f"recipe:{pk}", name, None, (pk, name, owner_id, visibility))
        for pk, name, owner_id, visibility in recipes.values_list("id", "name", "owner_id", "visibility")[:200]
    ]
    items = []
    for pk, name, mg, owner_id, serving_label, serving_grams in _ranked(own_rows, terms):
        mine = owner_id == user.pk
        url = reverse("recipes:own_food_edit", args=[pk]) if mine else reverse("recipes:own_foods")
        serving_mg = None if mg is None else mg * (serving_grams or 100) / 100  # per 100 g × grams / 100
        items.append(
            FoundItem(
                "own_food",
                "your food" if mine else "your dietitian's food",
                name,
                url,
                mg,
                pk,
                serving_label,
                serving_grams,
                serving_mg,
            )
        )
    for pk, name, owner_id, visibility in _ranked(recipe_rows, terms):
        mark = (
            "your recipe"
            if owner_id == user.pk
            else ("your dietitian's recipe" if visibility == "clients" else "recipe")
        )
        items.append(FoundItem("recipe", mark, name, reverse("recipes:detail", args=[pk]), pk=pk))
    return items[:limit]
