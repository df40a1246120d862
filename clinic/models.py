"""Invitations that let a dietitian's client sign up and bind their new login to the client profile."""

from django.db import models

from mealplanner.models import Profile


class Invitation(models.Model):
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(blank=True)
    # Only a hash of the token is stored; the link carries the token itself.
    token_hash = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(auto_now_add=True)
    expires = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return f"Invitation for {self.profile}"
