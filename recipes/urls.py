from django.urls import path

app_name = "recipes"
urlpatterns = []
