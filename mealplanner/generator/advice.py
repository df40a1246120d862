"""What to say when food alone cannot reach the target, and which foods would close today's gap."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from mealplanner.generator.model import CAPPED, Candidate

SUPPLEMENT_STEP_MG = 5  # round a suggested dose down to whole 5 mg, never up
# A suggestion closes at least this share of the gap, or is not offered (issue 18: brewed coffee's 7 mg for a
# 299 mg gap). Chosen so each suggestion matters, not from a health source.
MEANINGFUL_SHARE = 0.10


@dataclass(frozen=True)
class SupplementAdvice:
    suggest_mg: int | None  # None: suggest no supplement
    text: str


def supplement_advice(
    *, gap_mg: float, limit_mg: float | None, planned_supplement_mg: float | None, kidney_disease: bool
) -> SupplementAdvice:
    """How much supplemental magnesium could close a food gap without passing the upper limit.

    The limit covers supplements and medicines only, not food [NIH ODS fact sheet, Table 3], so the
    room left is the limit minus supplements already planned that day. With kidney disease the kidneys
    cannot clear excess magnesium: no suggestion, ask a doctor [NIH ODS, "Health Risks from Excessive
    Magnesium"].
    """
    if gap_mg <= 0:
        return SupplementAdvice(None, "Food meets the target: no supplement is needed.")
    if kidney_disease:
        return SupplementAdvice(
            None,
            "With kidney disease, take magnesium supplements only if a doctor says so: ask a doctor about the gap.",
        )
    if limit_mg is None:
        return SupplementAdvice(None, "No supplement is suggested at this age: ask a doctor.")
    if planned_supplement_mg is None:
        # An unknown dose is never 0 mg: the room left under the limit is unknown, so no amount is worked out.
        return SupplementAdvice(
            None,
            "A supplement already planned this day has an unknown amount of elemental "
            f"magnesium, so the room left under the {limit_mg:.0f} mg upper limit is not "
            "known and no amount is suggested: add its elemental magnesium from the label "
            "in the cabinet, or ask a pharmacist.",
        )
    room = limit_mg - planned_supplement_mg
    dose = int(min(gap_mg, room) // SUPPLEMENT_STEP_MG * SUPPLEMENT_STEP_MG)
    if dose <= 0:
        return SupplementAdvice(
            None,
            f"The supplements already planned reach the {limit_mg:.0f} mg upper limit "
            "for supplemental magnesium: do not add more.",
        )
    return SupplementAdvice(
        dose,
        f"A supplement of up to {dose} mg of elemental magnesium would close the gap and keep supplements "
        f"under the {limit_mg:.0f} mg a day upper limit. Not medical advice: ask a doctor first.",
    )


@dataclass(frozen=True)
class Suggestion:
    candidate: Candidate
    count: int  # portions to add
    magnesium_mg: float
    energy_kcal: float
    closes_gap: bool

    @property
    def kcal_per_mg(self) -> float:
        return self.energy_kcal / self.magnesium_mg if self.magnesium_mg else math.inf


def suggest_foods(
    candidates: Iterable[Candidate],
    *,
    gap_mg: float,
    room: dict[str, float] | None = None,
    exclude: frozenset[int] = frozenset(),
    limit: int = 10,
) -> list[Suggestion]:
    """Foods that close (or narrow by at least MEANINGFUL_SHARE) today's gap at the lowest energy per mg.

    `room` maps capped nutrients ("caffeine_mg", ...) to what is left of the day's cap: a food that would
    pass a cap, or whose value for a capped nutrient is unknown, is left out.
    """
    if gap_mg <= 0:
        return []
    room = room or {}
    out = []
    for c in sorted(candidates, key=lambda c: c.food_id):
        if c.food_id in exclude or c.magnesium_mg <= 0 or c.energy_kcal < 0:
            continue
        count = min(c.max_count, max(1, math.ceil(gap_mg / c.magnesium_mg)))
        if any(n in room and ((v := c.value(n)) is None or v * count > room[n]) for n in CAPPED):
            count = 1
            if any(n in room and ((v := c.value(n)) is None or v > room[n]) for n in CAPPED):
                continue
        mg = c.magnesium_mg * count
        if mg < MEANINGFUL_SHARE * gap_mg:
            continue
        out.append(Suggestion(c, count, mg, c.energy_kcal * count, mg >= gap_mg))
    # Foods that close the gap first, cheapest in energy first; then the ones that narrow it most cheaply per mg.
    out.sort(key=lambda s: (not s.closes_gap, s.energy_kcal if s.closes_gap else s.kcal_per_mg, s.candidate.food_id))
    return out[:limit]
