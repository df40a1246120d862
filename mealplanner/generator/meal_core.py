"""Which of a day's options go into its MIP (issue 17): the core of the LP relaxation.

HiGHS spent 0.2–0.4 CPU s on a small child's day (about 200 binaries) finding a whole-number day: such a day
keeps several bands near their edges at once (magnesium under about twice the target, sodium, the protein
and fat shares), and the first days HiGHS's heuristics found were far over twice the target. The LP
relaxation of the same model takes a few milliseconds and tells which options matter: the ones it uses, and
per meal role the ones cheapest to bring in (lowest reduced cost). The MIP over those alone (about a third of
the options) found days as good, in a tenth of the time (bench/generator.py: a week in 0.3 CPU s rather
than 0.8, magnesium between the target and twice it on as many days).

Same rows, costs and bands; only fewer options, so every band still holds. Deterministic (HiGHS's simplex,
no time limit). When the LP relaxation is infeasible, no whole-number day exists either.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import vstack

from mealplanner.generator.meal_milp import DayModel, as_matrix, column_upper
from mealplanner.generator.patterns import Option

# Per meal role (breakfast cereal, lunch side, ...), the options with the lowest reduced cost kept besides
# those the relaxation uses. 2 rather than 3: a week in 0.3 rather than 0.45 CPU s, the same figures.
PER_ROLE = 2
WIDER_PER_ROLE = 8  # the second try, before the whole list
USED = 1e-6  # an LP value above this: the relaxation uses the option


def core(model: DayModel, c: np.ndarray, per_role: int = PER_ROLE) -> list[Option] | None:
    """The options worth a MIP, in the model's order; None when the LP relaxation has no solution."""
    matrix, lo, hi = as_matrix(model)
    equal = np.isfinite(lo) & (lo == hi)
    upper, lower = np.isfinite(hi) & ~equal, np.isfinite(lo) & ~equal
    res = linprog(
        c,
        A_ub=vstack([matrix[upper], -matrix[lower]]),
        b_ub=np.concatenate([hi[upper], -lo[lower]]),
        A_eq=matrix[equal] if equal.any() else None,
        b_eq=hi[equal] if equal.any() else None,
        bounds=np.column_stack([np.zeros(model.width), column_upper(model)]),
        method="highs",
    )
    if res.status != 0:
        return None
    # An option's score: -1 when the relaxation uses it, else its lowest reduced cost over its counts.
    score: dict[int, float] = {}
    for j, (k, _q) in enumerate(model.cols):
        v = -1.0 if res.x[j] > USED else float(res.lower.marginals[j])
        score[k] = min(score.get(k, np.inf), v)
    by_role: dict[tuple[str, str], list[int]] = {}
    for k, o in enumerate(model.options):
        by_role.setdefault((o.meal, o.role), []).append(k)
    keep = {k for k, v in score.items() if v < 0}
    for ks in by_role.values():
        keep.update(sorted(ks, key=lambda k: (score.get(k, np.inf), k))[:per_role])
    return [o for k, o in enumerate(model.options) if k in keep]
