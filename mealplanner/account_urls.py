from django.urls import include, path

from mealplanner.views import accounts, cabinet, profile

urlpatterns = [
    path("signup/", accounts.signup, name="signup"),
    path("signup/sent/", accounts.signup_sent, name="signup_sent"),
    path("signup/confirm/<str:token>/", accounts.signup_confirm, name="signup_confirm"),
    path("account/", accounts.account, name="account"),
    path("account/data.json", accounts.account_download, name="account_download"),
    path("account/delete/", accounts.account_delete_view, name="account_delete"),
    path("profile/", profile.profile, name="profile"),
    path("profile/medicines/add/", profile.medicine_add_view, name="medicine_add"),
    path("profile/medicines/<int:medicine_id>/remove/", profile.medicine_remove_view, name="medicine_remove"),
    path("cabinet/", cabinet.cabinet, name="cabinet"),
    path("cabinet/add/", cabinet.cabinet_add, name="cabinet_add"),
    path("cabinet/<int:supplement_id>/edit/", cabinet.cabinet_edit, name="cabinet_edit"),
    path("cabinet/<int:supplement_id>/delete/", cabinet.cabinet_delete, name="cabinet_delete"),
    # Throttled versions of three of Django's views; listed first so they win over the include below.
    path("login/", accounts.LoginView.as_view(), name="login"),
    path("password_reset/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path("password_change/", accounts.PasswordChangeView.as_view(), name="password_change"),
    # Django's own: login, logout (POST), password_change(_done), password_reset(_done/_confirm/_complete).
    path("", include("django.contrib.auth.urls")),
]
