from django.urls import path

from recipes.views import favourites, ingredients, own_foods, paste, recipes

app_name = "recipes"
urlpatterns = [
    path("", recipes.recipe_list, name="list"),
    path("new/", recipes.recipe_new, name="new"),
    path("import/", paste.import_page, name="import"),
    path("<int:recipe_id>/", recipes.recipe_detail, name="detail"),
    path("<int:recipe_id>/edit/", recipes.recipe_edit, name="edit"),
    path("<int:recipe_id>/delete/", recipes.recipe_delete, name="delete"),
    path("<int:recipe_id>/ingredients/add/", ingredients.ingredient_add, name="ingredient_add"),
    path(
        "<int:recipe_id>/ingredients/<int:ingredient_id>/remove/",
        ingredients.ingredient_remove,
        name="ingredient_remove",
    ),
    path("<int:recipe_id>/paste/", paste.paste_lines, name="paste"),
    path("<int:recipe_id>/paste/confirm/", paste.paste_confirm, name="paste_confirm"),
    path("favourites/", favourites.favourite_set, name="favourite"),
    path("foods/", own_foods.own_food_list, name="own_foods"),
    path("foods/new/", own_foods.own_food_new, name="own_food_new"),
    path("foods/<int:own_food_id>/edit/", own_foods.own_food_edit, name="own_food_edit"),
    path("foods/<int:own_food_id>/delete/", own_foods.own_food_delete, name="own_food_delete"),
]
