"""Writes of the diary: save a day's entry (one per person per day), choose the habits to try."""

import datetime
from decimal import Decimal

from django.db import transaction

from diary import habits
from diary.models import DiaryEntry
from mealplanner.models import Profile


@transaction.atomic
def diary_entry_save(
    *,
    profile: Profile,
    date: datetime.date,
    symptom_score: int,
    sleep_disturbed: bool = False,
    hours_slept: Decimal | None = None,
    sleep_quality: int | None = None,
    caffeine_mg: int | None = None,
    exercise_minutes: int | None = None,
    habits_kept: list[str] | None = None,
    notes: str = "",
) -> tuple[DiaryEntry, bool]:
    """Create the day's entry, or update it if that day already has one. Returns (entry, created)."""
    return DiaryEntry.objects.update_or_create(
        profile=profile,
        date=date,
        defaults={
            "symptom_score": symptom_score,
            "sleep_disturbed": sleep_disturbed,
            "hours_slept": hours_slept,
            "sleep_quality": sleep_quality,
            "caffeine_mg": caffeine_mg,
            "exercise_minutes": exercise_minutes,
            "habits_kept": habits.clean_codes(habits_kept),
            "notes": notes,
        },
    )


@transaction.atomic
def habits_choose(*, profile: Profile, codes: list[str]) -> Profile:
    """Store the habits this person wants to try (unknown codes dropped); writes only that field."""
    profile.rls_habits = habits.clean_codes(codes)
    profile.save(update_fields=["rls_habits"])
    return profile
