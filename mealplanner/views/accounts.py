"""Sign-up (an e-mailed link finishes it), the account page, downloading one's own data and closing the account."""

import logging

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_http_methods

from core import throttle
from mealplanner.forms.accounts import (
    TOO_MANY_SIGNUPS,
    DeleteAccountForm,
    SignupForm,
    SignupPasswordForm,
    ThrottledAuthenticationForm,
    ThrottledPasswordChangeForm,
    ThrottledPasswordResetForm,
)
from mealplanner.selectors.account_export import account_data_chunks, in_pieces
from mealplanner.services.accounts import (
    SignupError,
    account_delete,
    signup_details,
    signup_finish,
    signup_request,
)

logger = logging.getLogger("mealplanner.security")


class LoginView(auth_views.LoginView):
    """Django's log-in page with the throttled form; a refused attempt answers 429 Too Many Requests."""

    form_class = ThrottledAuthenticationForm

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if getattr(form, "throttled", False):
            response.status_code = 429
        return response


def _throttled(form) -> bool:
    return any(e.code == "throttled" for errors in form.errors.as_data().values() for e in errors)


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's change-password page; the old password is checked under the log-in's counters (429 when refused)."""

    form_class = ThrottledPasswordChangeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if _throttled(form):
            response.status_code = 429
        return response


class PasswordResetView(auth_views.PasswordResetView):
    form_class = ThrottledPasswordResetForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if any(e.code == "throttled" for e in form.non_field_errors().as_data()):
            response.status_code = 429
        return response


@require_http_methods(["GET", "POST"])
def signup(request):
    """Step one: the same answer for every address (a link, or a note to an existing account's owner)."""
    if request.user.is_authenticated:
        return redirect("profile")
    form = SignupForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        address = throttle.client_address(request)
        if throttle.attempt(throttle.SIGNUP_ADDRESS, address) > throttle.SIGNUP_ADDRESS.limit:
            wait = throttle.wait_seconds(throttle.SIGNUP_ADDRESS, address)
            form.add_error(None, TOO_MANY_SIGNUPS.format(wait=throttle.minutes(wait)))
            return render(request, "mealplanner/account_signup.html", {"form": form}, status=429)
        try:
            signup_request(
                username=form.cleaned_data["username"],
                email=form.cleaned_data["email"],
                link_for=lambda token: request.build_absolute_uri(reverse("signup_confirm", args=[token])),
            )
        except OSError:  # SMTP down: the same message whichever e-mail it was, so it reveals nothing
            logger.exception("Could not send a sign-up e-mail")
            form.add_error(None, "We could not send the e-mail just now. Please try again in a few minutes.")
            return render(request, "mealplanner/account_signup.html", {"form": form}, status=503)
        return redirect("signup_sent")
    return render(request, "mealplanner/account_signup.html", {"form": form})


@require_GET
def signup_sent(request):
    return render(request, "mealplanner/account_signup_sent.html")


@require_http_methods(["GET", "POST"])
def signup_confirm(request, token):
    """Step two, from the e-mailed link: choose the password; the account is made and logged in."""
    if request.user.is_authenticated:
        return redirect("profile")
    try:
        details = signup_details(token)
    except SignupError as error:
        return render(request, "mealplanner/account_signup_confirm.html", {"problem": str(error)}, status=400)
    form = SignupPasswordForm(request.POST if request.method == "POST" else None, **details)
    if request.method == "POST" and form.is_valid():
        try:
            user = signup_finish(token=token, password=form.cleaned_data["password2"])
        except SignupError as error:
            return render(request, "mealplanner/account_signup_confirm.html", {"problem": str(error)}, status=409)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Welcome! Fill in your profile so the planner can work out your magnesium target.")
        return redirect("profile")
    return render(request, "mealplanner/account_signup_confirm.html", {"form": form, "username": details["username"]})


@login_required
@require_GET
def account(request):
    return render(request, "mealplanner/account.html")


@login_required
@require_GET
def account_download(request):
    # Streamed: a person with years of plans gets the file without the server holding it all at once.
    response = StreamingHttpResponse(
        in_pieces(account_data_chunks(request.user)), content_type="application/json; charset=utf-8"
    )
    filename = f"magnesium-planner-{request.user.username}-{timezone.localdate().isoformat()}.json"
    # Usernames may hold any Unicode letter: Django's helper writes an RFC 6266 filename* for those.
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@login_required
@require_http_methods(["GET", "POST"])
def account_delete_view(request):
    form = DeleteAccountForm(request.POST if request.method == "POST" else None, user=request.user, request=request)
    if request.method == "POST" and not form.is_valid() and _throttled(form):
        return render(request, "mealplanner/account_delete.html", {"form": form}, status=429)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        account_delete(user=user)
        messages.success(request, "Your account and everything in it have been deleted.")
        return redirect("home")
    return render(request, "mealplanner/account_delete.html", {"form": form})
