"""Forms for signing up, logging in (throttled), asking for a password reset (throttled) and closing an account."""

import logging
import smtplib

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, PasswordResetForm
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.template import loader

from core import throttle
from mealplanner.mail import WholeLinesEmail

logger = logging.getLogger("mealplanner.security")

TOO_MANY_LOGINS = "Too many failed log-in attempts. Try again in {wait}."
TOO_MANY_SIGNUPS = "Too many sign-ups from your network. Try again in {wait}."
TOO_MANY_RESETS = "Too many password-reset requests from your network. Try again in {wait}."


class SignupForm(forms.Form):
    """Sign-up, first step: a username and an e-mail address. The password is chosen from the link e-mailed to
    the address (SignupPasswordForm), so the answer is the same whether or not the address has an account."""

    username = forms.CharField(
        label="Username",
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        help_text="Letters, digits and @ . + - _ only.",
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
    )
    email = forms.EmailField(
        label="E-mail",
        max_length=254,
        help_text="We send a link there to finish; also used to reset your password.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError("That username is taken. Choose another.")
        return username

    def clean_email(self):
        return self.cleaned_data["email"].strip()


class SignupPasswordForm(forms.Form):
    """Sign-up, second step (from the e-mailed link): the password, twice, checked by Django's validators."""

    password1 = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label="Password confirmation",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="The same password again.",
    )

    def __init__(self, *args, username: str, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.account = get_user_model()(username=username, email=email)

    def clean_password2(self):
        first, second = self.cleaned_data.get("password1"), self.cleaned_data["password2"]
        if first and first != second:
            raise forms.ValidationError("The two passwords are not the same.")
        password_validation.validate_password(second, self.account)
        return second


def check_current_password(*, user, password: str, request, wrong: str) -> None:
    """The current password, checked under the log-in's counters (issue 14): an open session cannot be
    used to guess it faster than the log-in page allows. Raises ValidationError when wrong or refused."""
    address = throttle.client_address(request) if request else "unknown"
    wait = throttle.login_attempt(username=user.get_username(), address=address)
    if wait:
        logger.warning("Password check refused after too many failures (client %s, %s seconds left)", address, wait)
        raise forms.ValidationError(TOO_MANY_LOGINS.format(wait=throttle.minutes(wait)), code="throttled")
    if not user.check_password(password):
        raise forms.ValidationError(wrong, code="password_incorrect")
    throttle.login_succeeded(username=user.get_username(), address=address)


class DeleteAccountForm(forms.Form):
    """Closing an account asks for the password again, so a borrowed open session cannot do it."""

    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.request = request

    def clean_password(self):
        password = self.cleaned_data["password"]
        check_current_password(
            user=self.user,
            password=password,
            request=self.request,
            wrong="That is not your password. Nothing was deleted.",
        )
        return password


class ThrottledPasswordChangeForm(PasswordChangeForm):
    """Django's change-password form; the old password is checked under the log-in's counters."""

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_old_password(self):
        old_password = self.cleaned_data["old_password"]
        check_current_password(
            user=self.user, password=old_password, request=self.request, wrong=self.error_messages["password_incorrect"]
        )
        return old_password


class ThrottledLoginMixin:
    """For a log-in form: count the attempt first (atomically), and refuse without checking the password
    once a username or an address has used up its attempts (see core.throttle); a successful
    log-in clears the username's count."""

    throttled = False

    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if not username or not password:
            return super().clean()
        address = throttle.client_address(self.request) if self.request else "unknown"
        wait = throttle.login_attempt(username=username, address=address)
        if wait:
            self.throttled = True
            # The address, not the username: operators can see an attack without a list of targets.
            logger.warning("Log-in refused after too many failures (client %s, %s seconds left)", address, wait)
            raise forms.ValidationError(TOO_MANY_LOGINS.format(wait=throttle.minutes(wait)), code="throttled")
        cleaned = super().clean()  # a wrong password raises here and stays counted
        throttle.login_succeeded(username=username, address=address)
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
        if throttle.attempt(throttle.RESET_ADDRESS, address) > throttle.RESET_ADDRESS.limit:
            wait = throttle.wait_seconds(throttle.RESET_ADDRESS, address)
            raise forms.ValidationError(TOO_MANY_RESETS.format(wait=throttle.minutes(wait)), code="throttled")
        return cleaned

    def save(self, *args, **kwargs):
        # Past the mailbox's limit nothing is sent, but the page says the same as always, so the form
        # never tells a stranger whether an address has an account.
        mailbox = self.cleaned_data["email"].strip().casefold()
        if throttle.attempt(throttle.RESET_EMAIL, mailbox) > throttle.RESET_EMAIL.limit:
            logger.warning("Password-reset e-mail not sent: too many requests for one address")
            return None
        return super().save(*args, **kwargs)

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        # Plain text with whole lines, so the reset link copies as printed (see mealplanner.mail).
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        try:
            WholeLinesEmail(subject=subject, body=body, from_email=from_email, to=[to_email]).send()
        except (smtplib.SMTPException, OSError):  # as Django does: the page says the same either way
            logger.exception("Failed to send the password reset e-mail")
