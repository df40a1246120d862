"""The curated recipes file (fixtures/recipes.json) read and checked (plain Python, no Django).

Each recipe: name, servings (1-100), meals (breakfast/lunch/dinner/snack), optional steps, and ingredients
given by SR28 NDB number with either a portion label and a quantity, or grams. Problems are listed with the
recipe's number (1 = the first), and a file with any problem loads nothing.
"""

import json
from dataclasses import dataclass
from pathlib import Path

MEALS = ("breakfast", "lunch", "dinner", "snack")


class CuratedFileError(ValueError):
    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class CuratedIngredient:
    ndb: str
    portion: str | None
    quantity: float
    grams: float | None


@dataclass(frozen=True)
class CuratedRecipe:
    name: str
    servings: int
    meals: tuple[str, ...]
    steps: str
    ingredients: tuple[CuratedIngredient, ...]


def _number(value) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0 else None


def _ingredient(raw, where: str, problems: list[str]) -> CuratedIngredient | None:
    if (
        not isinstance(raw, dict)
        or not isinstance(raw.get("ndb"), str)
        or not (len(raw["ndb"]) == 5 and raw["ndb"].isdigit())
    ):
        problems.append(f"{where}: needs a 5-digit NDB number")
        return None
    if "grams" in raw:
        grams = _number(raw["grams"])
        if grams is None:
            problems.append(f"{where}: grams must be a number above 0")
            return None
        return CuratedIngredient(raw["ndb"], None, grams, grams)
    quantity = _number(raw.get("quantity"))
    if not isinstance(raw.get("portion"), str) or quantity is None:
        problems.append(f"{where}: needs a portion label and a quantity above 0, or grams")
        return None
    return CuratedIngredient(raw["ndb"], raw["portion"], quantity, None)


def parse_curated(data) -> list[CuratedRecipe]:
    """The recipes of the file's JSON; raises CuratedFileError listing every problem."""
    entries = data.get("recipes") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise CuratedFileError(['the file needs a "recipes" list'])
    problems: list[str] = []
    recipes, names = [], set()
    for number, raw in enumerate(entries, start=1):
        where = f"recipe {number}"
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not raw["name"].strip():
            problems.append(f"{where}: needs a name")
            continue
        name = raw["name"].strip()
        if name in names:
            problems.append(f"{where}: {name!r} appears twice")
        names.add(name)
        servings = raw.get("servings")
        if not isinstance(servings, int) or isinstance(servings, bool) or not 1 <= servings <= 100:
            problems.append(f"{where}: servings must be a whole number from 1 to 100")
        meals = raw.get("meals", [])
        if not isinstance(meals, list) or any(m not in MEALS for m in meals):
            problems.append(f"{where}: meals must be among {', '.join(MEALS)}")
            meals = []
        ingredients = raw.get("ingredients")
        if not isinstance(ingredients, list) or not ingredients:
            problems.append(f"{where}: needs ingredients")
            continue
        parsed = [_ingredient(item, f"{where}, ingredient {n}", problems) for n, item in enumerate(ingredients, 1)]
        steps = raw.get("steps", "")
        recipes.append(
            CuratedRecipe(
                name,
                servings if isinstance(servings, int) else 1,
                tuple(meals),
                steps if isinstance(steps, str) else "",
                tuple(i for i in parsed if i),
            )
        )
    if problems:
        raise CuratedFileError(problems)
    return recipes


def read_curated(path: Path) -> list[CuratedRecipe]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise CuratedFileError([f"cannot read {path}: {error.strerror or error}"]) from None
    except json.JSONDecodeError as error:
        raise CuratedFileError([f"{path} is not valid JSON: {error}"]) from None
    return parse_curated(data)
