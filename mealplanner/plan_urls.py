from django.urls import path

from mealplanner.views import entries, plans, recipe_entries, swap

app_name = "plans"
urlpatterns = [
    path("", plans.plan_list, name="list"),
    path("<int:plan_id>/", plans.plan_detail, name="detail"),
    path("<int:plan_id>/delete/", plans.plan_delete, name="delete"),
    path("<int:plan_id>/duplicate/", plans.plan_duplicate, name="duplicate"),
    path("<int:plan_id>/days/<int:day>/copy/", plans.day_copy, name="day_copy"),
    path("<int:plan_id>/pins/", plans.plan_pins, name="pins"),
    path("<int:plan_id>/add/", entries.food_search, name="food_search"),
    path("<int:plan_id>/entries/food/", entries.entry_add_food, name="entry_add_food"),
    path("<int:plan_id>/entries/supplement/", entries.entry_add_supplement, name="entry_add_supplement"),
    # Recipes and quick add (issue 16).
    path("<int:plan_id>/entries/recipe/", recipe_entries.entry_add_recipe, name="entry_add_recipe"),
    path("<int:plan_id>/entries/own-food/", recipe_entries.entry_add_own_food, name="entry_add_own_food"),
    path("<int:plan_id>/quick/", recipe_entries.quick_add, name="quick_add"),
    path("<int:plan_id>/days/<int:day>/meal-copy/", recipe_entries.meal_copy, name="meal_copy"),
    # Only a prefix for the page to build entry URLs from: GET there is a 404 (no view of its own).
    path("<int:plan_id>/entries/", entries.entries_prefix, name="entries"),
    path("<int:plan_id>/entries/tick/", entries.entry_tick, name="entry_tick"),
    path("<int:plan_id>/entries/<int:entry_id>/edit/", entries.entry_edit, name="entry_edit"),
    path("<int:plan_id>/entries/<int:entry_id>/amount/", entries.entry_amount, name="entry_amount"),
    path("<int:plan_id>/entries/<int:entry_id>/status/", entries.entry_status, name="entry_status"),
    path("<int:plan_id>/entries/<int:entry_id>/move/", entries.entry_move, name="entry_move"),
    path("<int:plan_id>/entries/<int:entry_id>/remove/", entries.entry_remove, name="entry_remove"),
    # Swap (issue 17): an entry's alternatives that keep its day in its bands.
    path("<int:plan_id>/entries/<int:entry_id>/swap/", swap.entry_swap, name="entry_swap"),
]
