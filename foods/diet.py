"""Diet and allergy rules for foods (plain Python).

A diet fact that is unknown (None) counts as "not allowed" for a person with that restriction: we never
tell a vegan that a food is fine because nobody checked it.
"""

from collections.abc import Iterable, Mapping

DIETS = ("none", "vegetarian", "vegan")
ALLERGENS = ("nuts", "peanuts", "dairy", "gluten", "fish", "shellfish", "soy", "egg")
ALLERGEN_LABELS = {
    "nuts": "tree nuts",
    "peanuts": "peanuts",
    "dairy": "dairy",
    "gluten": "gluten",
    "fish": "fish",
    "shellfish": "shellfish",
    "soy": "soy",
    "egg": "egg",
}


def diet_conflicts(facts: Mapping[str, bool | None], *, diet: str, allergies: Iterable[str]) -> list[str]:
    """Plain reasons why a food with these diet facts does not suit the person; empty when it suits.

    `facts` maps the Food diet fields ("vegan", "vegetarian", "contains_nuts", ...) to True/False/None.
    """
    if diet not in DIETS:
        raise ValueError(f"Unknown diet {diet!r}; known: {', '.join(DIETS)}.")
    reasons = []
    if diet in ("vegan", "vegetarian"):
        value = facts.get(diet)
        if value is None:
            reasons.append(f"not known to be {diet}")
        elif value is False:
            reasons.append(f"not {diet}")
    for allergen in allergies:
        if allergen not in ALLERGENS:
            raise ValueError(f"Unknown allergen {allergen!r}; known: {', '.join(ALLERGENS)}.")
        value = facts.get(f"contains_{allergen}")
        label = ALLERGEN_LABELS[allergen]
        if value is None:
            reasons.append(f"may contain {label} (not known)")
        elif value:
            reasons.append(f"contains {label}")
    return reasons


def allowed_filter(*, diet: str, allergies: Iterable[str]) -> dict[str, bool]:
    """Field lookups a food must match to suit the person (unknown excluded): for querysets and pandas alike."""
    lookups: dict[str, bool] = {}
    if diet in ("vegan", "vegetarian"):
        lookups[diet] = True
    for allergen in allergies:
        lookups[f"contains_{allergen}"] = False
    return lookups
