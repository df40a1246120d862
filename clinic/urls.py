from django.urls import path

from clinic.views import dashboard

app_name = "clinic"
urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
]
