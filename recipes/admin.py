"""Recipes and own foods in the Django admin. An own food becomes a shared food through the
"Copy into the shared food table" action (recipes.services.own_food_promote).

A recipe's servings are how many servings its ingredients make: the ingredients are for the whole recipe
and are never rescaled, so changing the servings changes what one serving holds. The form says so, and
after such a change the admin says what a serving now gives; plans from today on follow the recipe, as
after an edit on the recipe page (recipes.services.recipe_plans_follow).
"""

from django.contrib import admin, messages

from core.admin_inlines import NamedTabularInline
from recipes.models import OwnFood, Recipe, RecipeIngredient
from recipes.selectors import recipe_figures
from recipes.services import own_food_promote, recipe_plans_follow

SERVINGS_HELP = (
    "How many servings the whole recipe makes. The ingredients are for the whole recipe and stay "
    "as they are: changing this changes what one serving holds (its magnesium and every other "
    "figure), in plans from today on too."
)


class RecipeIngredientInline(NamedTabularInline):
    model = RecipeIngredient
    extra = 0
    fields = ("position", "food", "own_food", "portion", "quantity", "grams", "line")
    raw_id_fields = ("food", "own_food", "portion")


@admin.register(Recipe)
class RecipeAdmin(admin.ModelAdmin):
    list_display = ("name", "owner", "servings", "visibility", "updated")
    list_filter = ("visibility",)
    search_fields = ("name", "owner__username")
    raw_id_fields = ("owner",)
    inlines = [RecipeIngredientInline]

    def get_form(self, request, obj=None, change=False, **kwargs):
        return super().get_form(request, obj, change, help_texts={"servings": SERVINGS_HELP}, **kwargs)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        recipe = form.instance
        if change:
            recipe_plans_follow(recipe=recipe)
        if change and "servings" in form.changed_data:
            mg = recipe_figures(recipe).per_serving["magnesium_mg"]
            figure = "unknown" if mg.value is None else f"{'at least ' if mg.at_least else ''}{mg.value:.0f} mg"
            self.message_user(
                request,
                f"Servings changed from {form.initial['servings']} to {recipe.servings}. The ingredients "
                f"stay as they are (they are for the whole recipe), so one serving now gives {figure} of magnesium.",
                messages.WARNING,
            )


@admin.register(OwnFood)
class OwnFoodAdmin(admin.ModelAdmin):
    list_display = ("name", "owner", "magnesium_mg", "shared_with_clients", "promoted_to")
    list_filter = ("shared_with_clients",)
    search_fields = ("name", "owner__username")
    raw_id_fields = ("owner", "promoted_to")
    actions = ["promote"]

    @admin.action(description="Copy into the shared food table", permissions=["change"])
    def promote(self, request, queryset):
        done = 0
        for own_food in queryset.filter(promoted_to__isnull=True):
            own_food_promote(own_food=own_food)
            done += 1
        skipped = queryset.count() - done
        self.message_user(
            request,
            f"Copied {done} food(s) into the shared food table"
            + (f"; {skipped} had been copied before." if skipped else "."),
            messages.SUCCESS,
        )
