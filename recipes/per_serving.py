"""A dish's nutrients per serving and its diet facts, from its ingredients (plain Python, no Django).

A nutrient an ingredient's source did not report is unknown (None), never zero. A dish's figure is then the
sum of what is known, shown as "at least": a label that says 120 mg when one ingredient's magnesium is
unknown must not read as the whole of it. A diet fact is unknown when an unknown ingredient could change it;
one ingredient known to be meat makes the dish "not vegan" whatever else is unknown, and one known to
contain nuts makes it "contains nuts".
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Ingredient:
    """`grams` of a food whose nutrients per 100 g are `per_100g` (None: unknown) and whose diet facts are
    `facts` ("vegan", "vegetarian", "contains_nuts", ...: True, False or None for unknown)."""

    grams: float
    per_100g: Mapping[str, float | None]
    facts: Mapping[str, bool | None]


@dataclass(frozen=True)
class Amount:
    """A nutrient per serving: `value` is the known part (None when no ingredient's value is known) and
    `at_least` says some ingredient's value was unknown, so the real figure may be higher."""

    value: float | None
    at_least: bool

    @property
    def known(self) -> bool:
        return self.value is not None and not self.at_least


def per_serving(ingredients: Sequence[Ingredient], servings: float, nutrients: Iterable[str]) -> dict[str, Amount]:
    """Each nutrient's amount in one serving of a dish made of `ingredients` and cut into `servings`."""
    if servings <= 0:
        raise ValueError("A dish has at least one serving.")
    result = {}
    for name in nutrients:
        total, unknown, known_any = 0.0, False, False
        for ingredient in ingredients:
            value = ingredient.per_100g.get(name)
            if value is None:
                unknown = True
            else:
                known_any = True
                total += value * ingredient.grams / 100
        if not ingredients:
            result[name] = Amount(0.0, False)
        elif not known_any:
            result[name] = Amount(None, True)
        else:
            result[name] = Amount(total / servings, unknown)
    return result


def grams_per_serving(ingredients: Sequence[Ingredient], servings: float) -> float:
    if servings <= 0:
        raise ValueError("A dish has at least one serving.")
    return sum(i.grams for i in ingredients) / servings


def _all_true(values: list[bool | None]) -> bool | None:
    """True when every value is True; False when any is False; else unknown."""
    if any(v is False for v in values):
        return False
    if any(v is None for v in values):
        return None
    return True


def _any_true(values: list[bool | None]) -> bool | None:
    """True when any value is True; False when every value is False; else unknown."""
    if any(v is True for v in values):
        return True
    if any(v is None for v in values):
        return None
    return False


def diet_facts(ingredients: Sequence[Ingredient], fact_names: Iterable[str]) -> dict[str, bool | None]:
    """The dish's diet facts: "vegan"/"vegetarian" hold when every ingredient is; "contains_*" when any
    ingredient does. A dish without ingredients has every fact unknown."""
    facts: dict[str, bool | None] = {}
    for name in fact_names:
        values = [i.facts.get(name) for i in ingredients]
        if not values:
            facts[name] = None
        elif name.startswith("contains_"):
            facts[name] = _any_true(values)
        else:
            facts[name] = _all_true(values)
    return facts


def per_100g_from_serving(value: float | None, serving_grams: float) -> float | None:
    """A label's figure per serving of `serving_grams`, as per 100 g (None stays unknown)."""
    if serving_grams <= 0:
        raise ValueError("A serving weighs more than 0 g.")
    return None if value is None else value * 100 / serving_grams


# Common starting limits a renal dietitian sets: potassium 2,000-3,000 mg and phosphorus 800-1,000 mg a day
# (KDOQI 2020, in ../shared/reference/balanced-diet.md). A serving kind to kidneys keeps within a quarter of
# the lower limits, one of four eating occasions a day. The dietitian's own figures always win.
KIDNEY_SERVING_POTASSIUM_MG = 2000 / 4
KIDNEY_SERVING_PHOSPHORUS_MG = 800 / 4


def kidney_friendly(figures: dict[str, Amount]) -> bool:
    """Whether a serving's potassium and phosphorus are known and within a quarter of the lower daily limits."""
    return _known_within(figures.get("potassium_mg"), KIDNEY_SERVING_POTASSIUM_MG) and _known_within(
        figures.get("phosphorus_mg"), KIDNEY_SERVING_PHOSPHORUS_MG
    )


def _known_within(amount: Amount | None, limit: float) -> bool:
    # Spelled out rather than `amount.known` so the type checker sees that value is a number.
    return amount is not None and not amount.at_least and amount.value is not None and amount.value <= limit
