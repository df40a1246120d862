"""Forms for signing up, logging in (throttled), asking for a password reset (throttled) and closing an account."""

import logging

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, UserCreationForm

from mealplanner import throttle

logger = logging.getLogger("mealplanner.security")

TOO_MANY_LOGINS = "Too many failed log-in attempts. Try again in {wait}."
TOO_MANY_RESETS = "Too many password-reset requests from your network. Try again in {wait}."


class SignupForm(UserCreationForm):
    """Django's sign-up form for our user model, with an e-mail address (needed to reset a password)."""

    email = forms.EmailField(
        label="E-mail", max_length=254, help_text="Used only to reset your password.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "email")

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        # One account per address, so a password reset reaches exactly one person.
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("An account with this e-mail address already exists. Log in or reset your password.")
        return email


class DeleteAccountForm(forms.Form):
    """Closing an account asks for the password again, so a borrowed open session cannot do it."""

    password = forms.CharField(
        label="Your password", strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password. Nothing was deleted.")
        return password


class ThrottledLoginMixin:
    """For a log-in form: refuse, without checking the password, once a username or an address has failed
    too often (see mealplanner.throttle); a successful log-in clears the username's count."""

    throttled = False

    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if not username or not password:
            return super().clean()
        address = throttle.client_address(self.request) if self.request else "unknown"
        wait = throttle.login_wait(username=username, address=address)
        if wait:
            self.throttled = True
            # The address, not the username: operators can see an attack without a list of targets.
            logger.warning("Log-in refused after too many failures (client %s, %s seconds left)", address, wait)
            raise forms.ValidationError(TOO_MANY_LOGINS.format(wait=throttle.minutes(wait)), code="throttled")
        try:
            cleaned = super().clean()
        except forms.ValidationError as error:
            if getattr(error, "code", None) == "invalid_login":
                throttle.login_failed(username=username, address=address)
            raise
        throttle.login_succeeded(username=username)
        return cleaned


class ThrottledAuthenticationForm(ThrottledLoginMixin, AuthenticationForm):
    """The log-in page's form."""


class ThrottledAdminAuthenticationForm(ThrottledLoginMixin, AdminAuthenticationForm):
    """The admin's log-in form, with the same counters, so /admin/login/ is no way around the limit.
    Wired by `admin.site.login_form = ...` where the admin site is set up."""


class ThrottledPasswordResetForm(PasswordResetForm):
    """Django's reset request form; each client address may ask a few times per quarter of an hour, and each
    mailbox gets a few e-mails at most, so nobody can flood a person's mailbox (or our mail server)."""

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        address = throttle.client_address(self.request) if self.request else "unknown"
        wait = throttle.wait_seconds(throttle.RESET_ADDRESS, address)
        if wait:
            raise forms.ValidationError(TOO_MANY_RESETS.format(wait=throttle.minutes(wait)), code="throttled")
        throttle.hit(throttle.RESET_ADDRESS, address)
        return cleaned

    def save(self, *args, **kwargs):
        # Past the mailbox's limit nothing is sent, but the page says the same as always, so the form
        # never tells a stranger whether an address has an account.
        mailbox = self.cleaned_data["email"].strip().casefold()
        if throttle.wait_seconds(throttle.RESET_EMAIL, mailbox):
            logger.warning("Password-reset e-mail not sent: too many requests for one address")
            return None
        throttle.hit(throttle.RESET_EMAIL, mailbox)
        return super().save(*args, **kwargs)
