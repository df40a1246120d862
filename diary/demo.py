"""Demo data for `make run`. seed() returns (username, password, description) for each login it made.

The diary makes no login of its own: if the demo person `demo` exists (made by mealplanner's demo),
it gives them three weeks of diary days so the insights page has something to show. Running it again
adds nothing twice (one entry per day; existing days are left alone).
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from diary.models import DiaryEntry
from diary.services import habits_choose
from mealplanner.models import Profile

DAYS = 21
DEMO_HABITS = ["sleep_routine", "no_caffeine", "warm_bath"]


def _day(n: int) -> dict:
    """Made-up but plausible values with a weekly rhythm, fixed so every run gives the same diary."""
    wave = (3, 5, 4, 6, 7, 3, 2)[n % 7]
    return {
        "symptom_score": max(0, min(10, wave + (1 if n > 13 else 0))),
        "sleep_disturbed": wave >= 5,
        "hours_slept": Decimal("8.0") - Decimal(wave) / 2,
        "sleep_quality": max(1, min(5, 6 - (wave + 1) // 2)),
        "caffeine_mg": (0, 95, 190, 95, 285, 0, 47)[n % 7],
        "exercise_minutes": (30, 0, 45, 0, 20, 60, 0)[n % 7],
        "habits_kept": DEMO_HABITS[: 1 + n % 3],
    }


def seed() -> list[tuple[str, str, str]]:
    user = get_user_model().objects.filter(username="demo").first()
    profile = Profile.objects.filter(user=user).first() if user else None
    if profile is None:
        return []
    if not profile.rls_habits:
        habits_choose(profile=profile, codes=DEMO_HABITS)
    today = timezone.localdate()
    for n in range(DAYS):
        DiaryEntry.objects.get_or_create(profile=profile, date=today - datetime.timedelta(days=n), defaults=_day(n))
    return []
