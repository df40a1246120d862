"""Paste an ingredient list, or give a saved recipe page: each line is matched to up to three foods, with the
grams its amount comes to, and the person confirms each line. Lines without a match are listed; nothing is
added that the person did not choose."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from recipes import selectors, services
from recipes.fetch import FetchRefused, fetch_page
from recipes.forms import MAX_PASTED_LINES, PasteForm, RecipePageForm
from recipes.ingredients import parse_line
from recipes.scrape import NoRecipeFound, read_recipe_page
from recipes.services import MAX_INGREDIENT_GRAMS
from recipes.views.common import form_status

SKIP = "skip"


@dataclass
class LineRow:
    index: int
    text: str
    candidates: list
    choice: str = ""  # the posted choice: a candidate's key, SKIP, or "" (none yet)
    grams: str = ""  # grams the person typed
    error: str = ""


def _rows(user, lines: list[str]) -> list[LineRow]:
    return [LineRow(i, text, selectors.line_candidates(user, parse_line(text))) for i, text in enumerate(lines)]


def _confirm_page(request, recipe, rows: list[LineRow], status: int = 200):
    return render(
        request,
        "recipes/paste_confirm.html",
        {
            "recipe": recipe,
            "rows": rows,
            "skip": SKIP,
            "unmatched": [row for row in rows if not row.candidates],
            "has_errors": any(row.error for row in rows),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def paste_lines(request, recipe_id):
    recipe = selectors.get_recipe_or_404(request.user, recipe_id, edit=True)
    form = PasteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        return _confirm_page(request, recipe, _rows(request.user, form.cleaned_data["lines"]))
    return render(request, "recipes/paste.html", {"recipe": recipe, "form": form}, status=form_status(form))


def _grams(raw: str) -> float | None:
    try:
        grams = float(raw)
    except ValueError:
        return None
    return grams if 0 < grams <= MAX_INGREDIENT_GRAMS else None


def _chosen(user, row: LineRow) -> services.NewIngredient | None:
    """The ingredient a confirmed line becomes (None when left out); sets row.error when it cannot be used."""
    if row.choice == SKIP or (not row.candidates and not row.choice):
        return None
    candidate = next((c for c in row.candidates if c.key == row.choice), None)
    if candidate is None:
        row.error = "Choose one of the foods, or leave this line out."
        return None
    grams = _grams(row.grams) if row.grams.strip() else (candidate.match.grams if candidate.match else None)
    if grams is None or not 0 < grams <= MAX_INGREDIENT_GRAMS:
        row.error = (
            f"Give the grams (more than 0, at most {MAX_INGREDIENT_GRAMS:,})."
            if row.grams.strip()
            else "This amount cannot be turned into grams for that food: give the grams."
        )
        return None
    food, own_food = selectors.food_from_key(user, candidate.key)
    if food is None and own_food is None:
        row.error = "That food is no longer there: choose another."
        return None
    return services.NewIngredient(food=food, own_food=own_food, quantity=grams, grams=grams, line=row.text)


@login_required
@require_POST
def paste_confirm(request, recipe_id):
    recipe = selectors.get_recipe_or_404(request.user, recipe_id, edit=True)
    lines = [line.strip()[:300] for line in request.POST.getlist("line")[:MAX_PASTED_LINES] if line.strip()]
    if not lines:
        messages.error(request, "There were no lines to confirm: paste them again.")
        return redirect("recipes:paste", recipe.pk)
    rows = _rows(request.user, lines)
    for row in rows:
        row.choice = request.POST.get(f"choice_{row.index}", "")[:40]
        row.grams = request.POST.get(f"grams_{row.index}", "")[:20]
    chosen = [(row, _chosen(request.user, row)) for row in rows]
    if any(row.error for row in rows):
        return _confirm_page(request, recipe, rows, status=422)
    new = [ingredient for _row, ingredient in chosen if ingredient is not None]
    if not new:
        messages.info(request, "No line was added: every line was left out.")
        return redirect("recipes:detail", recipe.pk)
    try:
        services.ingredients_add(recipe=recipe, ingredients=new)
    except services.RecipeError as error:
        rows[0].error = str(error)
        return _confirm_page(request, recipe, rows, status=422)
    left_out = len(rows) - len(new)
    messages.success(
        request, f"Added {len(new)} ingredient(s)" + (f"; left out {left_out} line(s)." if left_out else ".")
    )
    return redirect("recipes:detail", recipe.pk)


@login_required
@require_http_methods(["GET", "POST"])
def import_page(request):
    """A recipe page (its address, or its saved HTML file): a new private recipe with the page's name, servings and steps,
    then its ingredient lines to confirm."""
    form = RecipePageForm(request.POST, request.FILES) if request.method == "POST" else RecipePageForm()
    if request.method == "POST" and form.is_valid():
        url, html = form.cleaned_data["url"], form.cleaned_data["page"]
        try:
            page = read_recipe_page(html or fetch_page(url), url)
        except FetchRefused as error:
            form.add_error("url", str(error))
        except NoRecipeFound as error:
            form.add_error("page" if html else "url", str(error))
        else:
            recipe = services.recipe_create(
                owner=request.user,
                source_url=form.cleaned_data["url"],
                data={"name": page.name, "servings": page.servings, "steps": page.steps},
            )
            messages.success(request, f"Saved {recipe.name} ({recipe.servings} servings). Now confirm each ingredient.")
            return _confirm_page(request, recipe, _rows(request.user, page.lines))
    return render(request, "recipes/import_page.html", {"form": form}, status=form_status(form))
