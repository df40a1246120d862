"""The maths behind the insights page, in plain Python: Pearson correlation and how to word it.

A correlation needs enough paired days to mean anything at all; below MIN_PAIRED_DAYS the page says
there is too little data and shows no number. Even with many days, a correlation in one person's
diary is not proof that one thing causes the other.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

MIN_PAIRED_DAYS = 7


@dataclass(frozen=True)
class Correlation:
    x_label: str
    y_label: str
    days: int  # paired days: both values known
    r: float | None  # None: too few days, or one of the two never changed

    @property
    def too_few_days(self) -> bool:
        return self.days < MIN_PAIRED_DAYS

    @property
    def strength(self) -> str:
        """Plain words for |r| (conventional rough bands; they describe, they do not prove)."""
        if self.r is None:
            return ""
        size = abs(self.r)
        if size < 0.1:
            return "no clear link"
        word = "weak" if size < 0.3 else "moderate" if size < 0.5 else "strong"
        direction = "higher" if self.r > 0 else "lower"
        return f"a {word} link: on days with more {self.x_label}, {self.y_label} tended to be {direction}"

    @property
    def summary(self) -> str:
        if self.too_few_days:
            return (
                f"Too little data: only {self.days} day{'s' if self.days != 1 else ''} with both values "
                f"(at least {MIN_PAIRED_DAYS} are needed)."
            )
        if self.r is None:
            return f"No number: one of the two stayed the same on all {self.days} days."
        return f"r = {self.r:.2f} over {self.days} days: {self.strength}."


def paired(xs: Sequence[float | None], ys: Sequence[float | None]) -> list[tuple[float, float]]:
    """The days on which both values are known (a gap in either drops the day)."""
    if len(xs) != len(ys):
        raise ValueError("The two series must have one value per day each.")
    return [
        (float(x), float(y))
        for x, y in zip(xs, ys, strict=True)
        if x is not None
        and y is not None
        and not (isinstance(x, float) and math.isnan(x))
        and not (isinstance(y, float) and math.isnan(y))
    ]


def pearson(pairs: Sequence[tuple[float, float]]) -> float | None:
    """Plain Pearson r of the pairs; None with fewer than two pairs or when either side never varies."""
    n = len(pairs)
    if n < 2:
        return None
    mean_x = sum(x for x, _ in pairs) / n
    mean_y = sum(y for _, y in pairs) / n
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in pairs)
    sxx = sum((x - mean_x) ** 2 for x, _ in pairs)
    syy = sum((y - mean_y) ** 2 for _, y in pairs)
    if sxx == 0 or syy == 0:
        return None
    r = sxy / math.sqrt(sxx * syy)
    return max(-1.0, min(1.0, r))  # rounding can step a hair past ±1


def correlate(xs, ys, *, x_label: str, y_label: str) -> Correlation:
    pairs = paired(xs, ys)
    r = pearson(pairs) if len(pairs) >= MIN_PAIRED_DAYS else None
    return Correlation(x_label=x_label, y_label=y_label, days=len(pairs), r=r)
