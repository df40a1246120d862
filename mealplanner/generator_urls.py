from django.urls import path

app_name = "generator"
urlpatterns: list = []
