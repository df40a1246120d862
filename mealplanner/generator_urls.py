from django.urls import path

from mealplanner.views import generator

app_name = "generator"
urlpatterns = [
    path("<int:plan_id>/generate/day/", generator.fill_day, name="fill_day"),
    path("<int:plan_id>/generate/week/", generator.fill_week, name="fill_week"),
    path("<int:plan_id>/generate/suggest/", generator.suggest, name="suggest"),
    path("<int:plan_id>/generate/lock/", generator.lock_toggle, name="lock"),
    path("<int:plan_id>/entries/<int:entry_id>/pin/", generator.pin_toggle, name="pin"),
]
