"""One row per person per day: how restless legs and sleep went, and which habits were kept."""

from django.db import models

from mealplanner.models import Profile


class DiaryEntry(models.Model):
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="diary_entries")
    date = models.DateField()
    symptom_score = models.PositiveSmallIntegerField(help_text="0 = none, 10 = worst; the app's own simple scale.")
    sleep_disturbed = models.BooleanField(default=False)
    hours_slept = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    sleep_quality = models.PositiveSmallIntegerField(null=True, blank=True, help_text="1 = very poor, 5 = very good.")
    caffeine_mg = models.PositiveIntegerField(null=True, blank=True)
    exercise_minutes = models.PositiveIntegerField(null=True, blank=True)
    habits_kept = models.JSONField(default=list, blank=True)
    notes = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name_plural = "diary entries"
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "date"], name="one_diary_entry_a_day"),
            models.CheckConstraint(condition=models.Q(symptom_score__lte=10), name="symptom_score_0_to_10"),
            models.CheckConstraint(
                condition=models.Q(sleep_quality__isnull=True) | models.Q(sleep_quality__gte=1, sleep_quality__lte=5),
                name="sleep_quality_1_to_5",
            ),
        ]

    def __str__(self):
        return f"{self.profile} {self.date}"
