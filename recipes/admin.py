"""Recipes and own foods in the Django admin. An own food becomes a shared food through the
"Copy into the shared food table" action (recipes.services.own_food_promote)."""

from django.contrib import admin, messages

from recipes.models import OwnFood, Recipe, RecipeIngredient
from recipes.services import own_food_promote


class RecipeIngredientInline(admin.TabularInline):
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
        self.message_user(request, f"Copied {done} food(s) into the shared food table"
                          + (f"; {skipped} had been copied before." if skipped else "."), messages.SUCCESS)
