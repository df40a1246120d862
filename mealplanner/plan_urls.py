from django.urls import path

from mealplanner.views import plans

app_name = "plans"
urlpatterns = [
    path("", plans.plan_list, name="list"),
]
