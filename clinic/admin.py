"""Invitations in the Django admin: who was invited and whether the link was used (the token is never shown)."""

from django.contrib import admin

from clinic.models import Invitation


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ("profile", "email", "created", "expires", "used_at")
    list_filter = ("used_at",)
    search_fields = ("profile__name", "email")
    # The stored hash cannot be turned back into a link, and nobody should edit it.
    readonly_fields = ("profile", "token_hash", "created", "expires", "used_at")
    fields = ("profile", "email", "created", "expires", "used_at")

    def has_add_permission(self, request):
        # Invitations are made by dietitians on the clinic pages, where the link is shown once.
        return False
