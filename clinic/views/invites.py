"""Inviting a client to log in, the sign-up page the link opens, and the client ending the link."""

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from clinic import services
from clinic.forms import InviteForm, InviteSignupForm
from clinic.selectors import client_or_404, invitation_for_token
from clinic.views._common import form_status
from mealplanner.models import Profile


@login_required
@require_http_methods(["GET", "POST"])
def client_invite(request, profile_id):
    """Make a one-time sign-up link for a client, show it to copy, and e-mail it when an address is given."""
    profile = client_or_404(request.user, profile_id)
    if profile.user_id is not None:
        messages.info(request, f"{profile.name} already has a login.")
        return redirect("clinic:client", profile.pk)
    form = InviteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]

        def link_for(token):
            return request.build_absolute_uri(reverse("clinic:invite_accept", args=[token]))

        invitation, token, emailed = services.invitation_create(profile=profile, email=email, link_for=link_for)
        # The raw token is shown once, on this response; only its hash is kept.
        return render(
            request,
            "clinic/invite_link.html",
            {
                "profile": profile,
                "invitation": invitation,
                "link": link_for(token),
                "emailed": emailed,
                "email_failed": bool(email) and not emailed,
            },
        )
    return render(request, "clinic/invite_form.html", {"form": form, "profile": profile}, status=form_status(form))


@require_http_methods(["GET", "POST"])
def invite_accept(request, token):
    """The page an invitation link opens: the client makes a username and password bound to their profile."""
    invitation = invitation_for_token(token)
    try:
        services.invitation_check(invitation)
    except services.InvitationError as error:
        return _invalid(request, error)
    if request.user.is_authenticated:
        return render(request, "clinic/invite_logged_in.html", {"invitation": invitation}, status=409)
    form = InviteSignupForm(request.POST if request.method == "POST" else None, initial={"email": invitation.email})
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(
                token=token,
                username=form.cleaned_data["username"],
                password=form.cleaned_data["password1"],
                email=form.cleaned_data["email"],
            )
        except services.InvitationError as error:
            return _invalid(request, error)
        except IntegrityError:  # the username, or (one account per address) the e-mail, is in use
            if get_user_model().objects.filter(username=form.cleaned_data["username"]).exists():
                form.add_error("username", "That username was just taken. Pick another.")
            else:
                form.add_error("email", "This address cannot be used for a new login. Use another one.")
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, "Your login is ready. Here are the plans your dietitian shares with you.")
            return redirect("plans:list")
    return render(
        request, "clinic/invite_accept.html", {"form": form, "invitation": invitation}, status=form_status(form)
    )


def _invalid(request, error):
    status = 404 if error.reason == "unknown" else 410
    return render(request, "clinic/invite_invalid.html", {"message": str(error)}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def my_dietitian(request):
    """For a client: who their dietitian is, and a button to end the link (a dietitian then loses access)."""
    profile = Profile.objects.select_related("dietitian").filter(user=request.user).first()
    dietitian = profile.dietitian if profile else None
    if request.method == "POST":
        if dietitian is None:
            messages.info(request, "You have no dietitian linked to your account.")
            return redirect("clinic:my_dietitian")
        if request.POST.get("confirm") != "yes":
            return render(
                request,
                "clinic/my_dietitian.html",
                {"profile": profile, "dietitian": dietitian, "confirm_error": True},
                status=422,
            )
        services.link_end(profile=profile)
        messages.success(request, "You ended the link. Your dietitian can no longer see your profile or plans.")
        return redirect("clinic:my_dietitian")
    return render(request, "clinic/my_dietitian.html", {"profile": profile, "dietitian": dietitian})
