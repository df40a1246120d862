from django.apps import AppConfig


class MealplannerConfig(AppConfig):
    name = "mealplanner"
    verbose_name = "Meal planner"

    def ready(self):
        from django.contrib import admin

        from mealplanner.forms.accounts import ThrottledAdminAuthenticationForm

        # The admin log-in counts failures in the same shared throttle as the site's log-in page.
        admin.site.login_form = ThrottledAdminAuthenticationForm
