from django.urls import path, re_path

from diary import views

app_name = "diary"
urlpatterns = [
    path("", views.home, name="home"),
    path("habits/", views.habits_view, name="habits"),
    path("insights/", views.insights, name="insights"),
    re_path(r"^export\.(?P<fmt>csv|xlsx)$", views.export, name="export"),
    path("profile/<int:profile_id>/", views.home, name="profile_home"),
    path("profile/<int:profile_id>/insights/", views.insights, name="profile_insights"),
    re_path(r"^profile/(?P<profile_id>[0-9]+)/export\.(?P<fmt>csv|xlsx)$", views.export, name="profile_export"),
]
