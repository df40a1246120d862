"""The habits a person may choose to try for restless legs (plain Python).

The list comes from the seed article's "Alternative Remedies" section
(/work/shared/reference/seed-article.txt); the "why" lines keep its reasons but say "may",
because none of these is proven to work for everyone.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Habit:
    code: str
    label: str
    why: str


HABITS: tuple[Habit, ...] = (
    Habit(
        "sleep_routine",
        "A regular sleep routine",
        "Going to bed and getting up at the same times may help the sleep that restless legs disturb.",
    ),
    Habit(
        "relaxation", "Relaxation, such as meditation", "Stress can make restless legs worse; relaxing may lower it."
    ),
    Habit(
        "no_caffeine",
        "Avoiding caffeine",
        "Caffeine may aggravate symptoms in some people and may lower the body's magnesium.",
    ),
    Habit("exercise", "Regular moderate exercise", "Moderate exercise, done regularly, may lessen symptoms."),
    Habit("massage", "Massage", "Massaging the legs may relax the muscles and ease the urge to move."),
    Habit("warm_bath", "A warm bath", "Sitting in a warm bath may relax the leg muscles before bed."),
)

BY_CODE = {habit.code: habit for habit in HABITS}
CODES = tuple(BY_CODE)


def chosen(codes) -> list[Habit]:
    """The person's chosen habits in the list's order; unknown or repeated codes are dropped."""
    wanted = set(codes or [])
    return [habit for habit in HABITS if habit.code in wanted]


def clean_codes(codes) -> list[str]:
    """Codes in the list's order, unknown ones dropped (so a stale code never breaks a page)."""
    return [habit.code for habit in chosen(codes)]


def labels(codes) -> list[str]:
    return [habit.label for habit in chosen(codes)]
