from django.db import models


class ThrottleCounter(models.Model):
    """One throttle window (core.throttle): its own table, so nothing culls it (a cache would drop counters
    under junk traffic) and every app server shares it. The key is an HMAC, never a name or address."""

    key = models.CharField(max_length=100, unique=True)
    hits = models.PositiveIntegerField(default=0)
    until = models.FloatField(help_text="When the window ends (Unix time).")

    class Meta:
        # The table mealplanner made before the model moved here: moving it changed no data.
        db_table = "mealplanner_throttlecounter"

    def __str__(self) -> str:
        return self.key
