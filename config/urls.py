from django.contrib import admin
from django.urls import include, path

from mealplanner.views import health, home

urlpatterns = [
    path("", home.home, name="home"),
    path("ping/", health.ping, name="ping"),
    path("accounts/", include("mealplanner.account_urls")),
    path("foods/", include("mealplanner.food_urls")),
    path("plans/", include("mealplanner.plan_urls")),
    path("plans/", include("mealplanner.generator_urls")),
    path("plans/", include("mealplanner.export_urls")),
    path("clinic/", include("clinic.urls")),
    path("diary/", include("diary.urls")),
    path("recipes/", include("recipes.urls")),
    path("admin/", admin.site.urls),
]
