from django.urls import path

from mealplanner.views import foods

# The Foods page keeps its URL names (foods:list). Its view lives in mealplanner because it shows a person's
# own foods and recipes beside the USDA foods and starts from their profile's diet: foods imports no app.
app_name = "foods"
urlpatterns = [
    path("", foods.food_list, name="list"),
]
