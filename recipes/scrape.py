"""A recipe web page's name, servings, ingredient lines and steps, read from its schema.org Recipe data
through recipe-scrapers (offline: the page's HTML is given, nothing is fetched here)."""

import logging
import re
from dataclasses import dataclass

logger = logging.getLogger(__name__)
MAX_LINES = 60


class NoRecipeFound(ValueError):
    """The page holds no recipe data this app can read; the message is shown to the person."""


@dataclass(frozen=True)
class PageRecipe:
    name: str
    servings: int
    lines: list[str]
    steps: str


def _servings(yields: str) -> int:
    # "4 servings", "Serves 4-6", "12 items": the first whole number, 1 when there is none; at most 100.
    m = re.search(r"\d+", yields or "")
    return min(max(int(m[0]), 1), 100) if m else 1


def _field(scraper, name: str, default):
    # recipe-scrapers raises when a page lacks a field; a page without steps is still a recipe.
    try:
        return getattr(scraper, name)() or default
    except Exception:  # noqa: BLE001 - any of its many exceptions means "not on this page"
        return default


def read_recipe_page(html: str, url: str = "") -> PageRecipe:
    from recipe_scrapers import scrape_html

    try:
        scraper = scrape_html(html, org_url=url or "https://example.invalid/", supported_only=False)
    except Exception as error:  # noqa: BLE001 - its exceptions have no common public base to name here
        logger.info("No recipe data in a page: %s", type(error).__name__)
        raise NoRecipeFound("This page has no recipe data (schema.org Recipe) that can be read.") from None
    lines = [str(line).strip()[:300] for line in _field(scraper, "ingredients", []) if str(line).strip()]
    if not lines:
        raise NoRecipeFound("This page's recipe lists no ingredients.")
    return PageRecipe(
        name=str(_field(scraper, "title", "Imported recipe")).strip()[:200] or "Imported recipe",
        servings=_servings(str(_field(scraper, "yields", ""))),
        lines=lines[:MAX_LINES],
        steps=str(_field(scraper, "instructions", ""))[:20_000],
    )
