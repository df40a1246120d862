from django.urls import path

from mealplanner.views import dislikes, generator

app_name = "generator"
urlpatterns = [
    path("<int:plan_id>/generate/day/", generator.fill_day, name="fill_day"),
    path("<int:plan_id>/generate/week/", generator.fill_week, name="fill_week"),
    path("<int:plan_id>/generate/suggest/", generator.suggest, name="suggest"),
    path("<int:plan_id>/generate/lock/", generator.lock_toggle, name="lock"),
    path("<int:plan_id>/entries/<int:entry_id>/pin/", generator.pin_toggle, name="pin"),
    # Foods and dishes the plan's person won't eat (issue 17): the generator never plans them.
    path("<int:plan_id>/entries/<int:entry_id>/dislike/", dislikes.dislike_entry, name="dislike"),
    path("<int:plan_id>/generate/dislikes/", dislikes.dislike_list, name="dislikes"),
    path("<int:plan_id>/generate/dislikes/remove/", dislikes.dislike_remove, name="dislike_remove"),
]
