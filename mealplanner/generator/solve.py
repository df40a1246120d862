"""One day as a mixed-integer programme, solved by HiGHS through `scipy.optimize.milp`.

Variables, for each candidate food f and each meal m it suits among the meals to fill, two binaries:
  a[f,m] = 1: one portion of f in m        b[f,m] = 1: two portions of f in m      (a + b <= 1)
so the portions are a + 2b and "f is in m" is a + b. Constraints: a food in at most one meal of the
day; each meal gets its number of items, at most one per food group (two vegetables); magnesium from
food >= target; energy within the goal ±10 %; caffeine/potassium/phosphorus/sodium under their caps. What
the day already holds is a fixed amount. Objective: the least energy (kcal) that reaches magnesium, plus small
tie-breaks: magnesium-dense foods (kcal per mg) and variety (a food already on earlier days of the week costs
a little more).

Only when a partly planned day cannot reach the band at all (the meals already planned leave too few empty
meals) does the lower end of the band become soft: one more, continuous variable s >= 0 with
energy + s >= the low end and a cost of SHORTFALL_PENALTY per kcal of s, far above the energy cost, so the
day gets as close to the band as the empty meals allow (the ceiling stays hard). Minimising energy with the
floor simply dropped gave days of 400-600 kcal.

Deterministic: candidates are sorted by food id, and HiGHS runs with a node limit. A time limit per solve
(SOLVE_TIME_LIMIT_S) and the request's deadline are only a safety net, so every request ends well inside the
server's 30 s timeout (issue 13); a day that runs out of time is not filled and says so.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_array

from mealplanner.generator.explain import GROUPS_NOTE, floor_note, plan_of
from mealplanner.generator.model import (
    CAP_LABELS,
    CAPPED,
    GROUP_MAX_PER_MEAL,
    GROUP_MAX_PER_MEAL_EXCEPTIONS,
    INFEASIBLE,
    MAX_PORTIONS,
    MEAL_ITEMS,
    MEALS,
    NOTHING,
    OK,
    SHORT,
    SHUFFLE_COST_FACTOR,
    Candidate,
    DayPlan,
    DayProblem,
    Item,
)

NODE_LIMIT = 4000
# Seconds of HiGHS's own clock per solve: normal days solve in well under a second; a solve that reaches this
# found no plan in time and counts as none (the next, more relaxed attempt follows).
SOLVE_TIME_LIMIT_S = 3.0
TOO_LONG = ("This day was not filled: filling took too long this time. Fill it on its own with "
            "\u201cFill one day\u201d, or lock some meals.")
MIP_REL_GAP = 0.10  # within 10 % of the least-energy plan (about 200 kcal); 8 % cost 4x the time once meals
# keep one food per group (HiGHS spends it at the root proving the bound), for a plan still inside the band
# With the band's low end soft the objective is mostly SHORTFALL_PENALTY x the shortfall, so 10 % of it would
# leave up to a tenth of the shortfall on the table (40 kcal on a demo day); those models hold only the few
# empty meals of a day and solve to 0.1 % as fast.
SOFT_MIP_REL_GAP = 0.001
TIE_BREAK = 0.2  # kcal of "cost" per kcal-per-mg of a portion: small beside the energy itself
KCAL_PER_MG_CAP = 50.0
VARIETY_PENALTY = 40.0  # kcal of "cost" for each earlier day of the week a food is already on
# Cost of one kcal short of the band's low end, when it is soft: far above a kcal of food (1) plus its
# tie-breaks (at most TIE_BREAK * KCAL_PER_MG_CAP + VARIETY_PENALTY * 6 per portion), so more energy always wins.
SHORTFALL_PENALTY = 1000.0


@dataclass
class _Model:
    pairs: list[tuple[Candidate, str]]
    rows: list[tuple[dict[int, float], float, float]]  # sparse row, lower, upper
    n: int  # number of pairs; variables are a (0..n-1) then b (n..2n-1)
    soft_floor: bool = False  # then one more variable, s (index 2n): kcal short of the band's low end
    deadline: float | None = None  # time.monotonic() after which solving stops (DayProblem.deadline)

    def portions(self, k: int, nutrient_per_portion: float) -> dict[int, float]:
        return {k: nutrient_per_portion, self.n + k: MAX_PORTIONS * nutrient_per_portion}

    def row(self, values) -> dict[int, float]:
        """A row summing a per-portion amount over every pair (values: per pair)."""
        out: dict[int, float] = {}
        for k, v in enumerate(values):
            if v:
                out[k] = v
                out[self.n + k] = MAX_PORTIONS * v
        return out

    def present(self, ks) -> dict[int, float]:
        """A row counting the pairs in ks that are used (a + b)."""
        out: dict[int, float] = {}
        for k in ks:
            out[k] = 1.0
            out[self.n + k] = 1.0
        return out


def usable(problem: DayProblem) -> list[Candidate]:
    """Candidates this day may use, in a stable order."""
    caps = [n for n in CAPPED if problem.limits.cap(n) is not None]
    out = []
    for c in sorted(problem.candidates, key=lambda c: c.food_id):
        if c.food_id in problem.used_up or c.food_id in problem.fixed.food_ids:
            continue
        # A food whose value for a capped nutrient is unknown cannot be shown to stay under the cap.
        if any(c.value(n) is None for n in caps):
            continue
        if c.energy_kcal < 0 or c.magnesium_mg < 0:
            continue
        out.append(c)
    return out


def _build(problem: DayProblem, *, magnesium: bool = True, energy: bool = True, floor: bool = True,
           caps: bool = True, items: bool = True, groups: bool = True, soft_floor: bool = False,
           drop: frozenset[str] = frozenset()) -> _Model:
    """The day's constraints; each keyword drops one of them (floor=False: energy is a ceiling only;
    soft_floor=True: the low end of the band may be missed, at SHORTFALL_PENALTY per kcal; `drop`: these
    capped nutrients only)."""
    cands = usable(problem)
    pairs = [(c, m) for c in cands for m in problem.meals if m in c.meals]
    model = _Model(pairs, [], len(pairs), soft_floor=soft_floor and energy and floor, deadline=problem.deadline)
    rows = model.rows
    by_food: dict[int, list[int]] = {}
    for k, (c, _m) in enumerate(pairs):
        by_food.setdefault(c.food_id, []).append(k)
    for ks in by_food.values():
        # One food in one meal of the day at most; for one meal this is a + b <= 1.
        rows.append((model.present(ks), -np.inf, 1.0))
    for meal in problem.meals:
        lo, hi = MEAL_ITEMS[meal]
        ks = [k for k, (_c, m) in enumerate(pairs) if m == meal]
        rows.append((model.present(ks), lo if items else 0, hi))
        if groups:
            rows.extend(_meal_look(model, ks))
    limits, fixed = problem.limits, problem.fixed
    if magnesium:
        rows.append((model.row(c.magnesium_mg for c, _m in pairs), limits.magnesium_mg - fixed.magnesium_mg, np.inf))
    if energy:
        kcal = model.row(c.energy_kcal for c, _m in pairs)
        if model.soft_floor:
            rows.append((kcal, -np.inf, limits.energy_high - fixed.energy_kcal))
            rows.append(({**kcal, 2 * model.n: 1.0}, limits.energy_low - fixed.energy_kcal, np.inf))
        else:
            rows.append((kcal, limits.energy_low - fixed.energy_kcal if floor else -np.inf,
                         limits.energy_high - fixed.energy_kcal))
    if caps:
        for nutrient in CAPPED:
            cap = limits.cap(nutrient)
            if cap is not None and nutrient not in drop:
                rows.append((model.row(c.value(nutrient) or 0.0 for c, _m in pairs),
                             # Entries kept in the day may already pass a cap (a coffee added by hand on a
                             # caffeine-free day): then the generator adds none of it, and keeps the entry.
                             -np.inf, max(0.0, cap - fixed.value(nutrient))))
    return model


def _meal_look(model: _Model, ks: list[int]) -> list[tuple[dict[int, float], float, float]]:
    """Rows that make one meal look like a meal: one food per food group (two vegetables), one per kind."""
    by_group: dict[str, list[int]] = {}
    by_kind: dict[str, list[int]] = {}
    for k in ks:
        c = model.pairs[k][0]
        if c.group:
            by_group.setdefault(c.group, []).append(k)
        # The kind is the first part of an SR28 name: "Spinach, raw" and "Spinach, frozen" are both spinach.
        by_kind.setdefault(c.name.split(",")[0].strip().lower(), []).append(k)
    rows: list[tuple[dict[int, float], float, float]] = []
    for group, gks in sorted(by_group.items()):
        most = GROUP_MAX_PER_MEAL_EXCEPTIONS.get(group, GROUP_MAX_PER_MEAL)
        if len(gks) > most:
            rows.append((model.present(gks), -np.inf, most))
    for _kind, kks in sorted(by_kind.items()):
        if len(kks) > 1:
            rows.append((model.present(kks), -np.inf, 1.0))
    return rows


def _cost(model: _Model, problem: DayProblem | None = None) -> np.ndarray:
    seen = problem.seen if problem is not None else {}
    c = np.zeros(_width(model))
    if model.soft_floor:
        c[2 * model.n] = SHORTFALL_PENALTY
    for k, (cand, _m) in enumerate(model.pairs):
        kcal_per_mg = cand.energy_kcal / cand.magnesium_mg if cand.magnesium_mg > 0 else KCAL_PER_MG_CAP
        per_portion = cand.energy_kcal + TIE_BREAK * min(kcal_per_mg, KCAL_PER_MG_CAP)
        variety = VARIETY_PENALTY * seen.get(cand.food_id, 0)
        c[k] = per_portion + variety
        c[model.n + k] = MAX_PORTIONS * per_portion + variety
    return c


def _width(model: _Model) -> int:
    """Number of variables: a and b for each pair, and s when the band's low end is soft."""
    return 2 * model.n + (1 if model.soft_floor else 0)


def _solve(model: _Model, cost: np.ndarray, extra_rows=()) -> np.ndarray | None:
    """The a/b(/s) vector of the best plan found, or None when the constraints cannot all hold."""
    n, width = model.n, _width(model)
    rows = list(model.rows) + list(extra_rows)
    if n == 0:
        if model.soft_floor:
            # Only s: feasible when every other row accepts zero; s makes up the energy row.
            x = np.zeros(width)
            x[-1] = max(0.0, max((lo for r, lo, _hi in rows if 2 * n in r), default=0.0))
            ok = all(lo <= 1e-9 and hi >= -1e-9 for r, lo, hi in rows if 2 * n not in r)
            return x if ok else None
        # No variable: feasible only if every row accepts zero.
        return np.zeros(0) if all(lo <= 1e-9 and hi >= -1e-9 for _r, lo, hi in rows) else None
    data, ri, ci, lo, hi = [], [], [], [], []
    for i, (row, lower, upper) in enumerate(rows):
        for j, v in row.items():
            ri.append(i)
            ci.append(j)
            data.append(v)
        lo.append(lower)
        hi.append(upper)
    seconds = SOLVE_TIME_LIMIT_S
    if model.deadline is not None:
        seconds = min(seconds, model.deadline - time.monotonic())
        if seconds <= 0:
            return None
    matrix = coo_array((data, (ri, ci)), shape=(len(rows), width)).tocsr()
    # b (two portions) only for foods whose portion is small enough to double; s (if any) is continuous.
    upper = np.concatenate([np.ones(n), [1.0 if c.max_count >= 2 else 0.0 for c, _m in model.pairs],
                            [np.inf] * (width - 2 * n)])
    integrality = np.concatenate([np.ones(2 * n), np.zeros(width - 2 * n)])
    res = milp(
        cost, integrality=integrality, bounds=Bounds(np.zeros(width), upper),
        constraints=LinearConstraint(matrix, np.array(lo), np.array(hi)),
        options={"node_limit": NODE_LIMIT, "presolve": True, "time_limit": seconds,
                 "mip_rel_gap": SOFT_MIP_REL_GAP if model.soft_floor else MIP_REL_GAP},
    )
    if res.x is None:
        return None
    x = np.array(res.x, dtype=float)
    x[: 2 * n] = np.round(x[: 2 * n])
    return x


def _counts(model: _Model, x: np.ndarray) -> np.ndarray:
    return x[: model.n] + MAX_PORTIONS * x[model.n: 2 * model.n]


def _items(model: _Model, x: np.ndarray) -> tuple[Item, ...]:
    counts = _counts(model, x)
    out = [Item(meal=m, candidate=c, count=int(counts[k])) for k, (c, m) in enumerate(model.pairs) if counts[k] >= 1]
    order = {m: i for i, m in enumerate(MEALS)}
    return tuple(sorted(out, key=lambda i: (order[i.meal], i.candidate.name, i.candidate.food_id)))


def partly_planned(problem: DayProblem) -> bool:
    """Whether some meals of the day are locked or already hold food (only the others are filled)."""
    return set(problem.meals) != set(MEALS)


def solve_day(problem: DayProblem, *, diagnose: bool = True) -> DayPlan:
    """The plan for one day: OK when food meets the target, else SHORT or INFEASIBLE with reasons.

    Tried in order until one fits. The energy band (goal ±10 %) holds first: reaching the magnesium target
    within it, then meals that look like meals (one food per group and kind); failing that, the most
    magnesium food can bring within the band (SHORT). Only when no plan at all keeps a partly planned day in
    the band (the empty meals cannot lift it that high) does its low end become soft, so the day gets as
    close to the band as it can, never past the top; magnesium is still met when it can be. Each relaxation
    used is said in `relaxed`.
    """
    fixed, limits = problem.fixed, problem.limits
    if not problem.meals:
        gap = max(0.0, limits.magnesium_mg - fixed.magnesium_mg)
        return DayPlan(status=NOTHING, magnesium_mg=fixed.magnesium_mg, energy_kcal=fixed.energy_kcal,
                       food_magnesium_gap_mg=gap,
                       reasons=("Every meal of this day is locked or already has food, so nothing was added.",))
    if out_of_time(problem):
        return _too_long(problem)
    softs = (False, True) if partly_planned(problem) else (False,)
    attempts = [(soft, status, groups) for soft in softs for status in (OK, SHORT) for groups in (True, False)]
    for soft, status, groups in attempts:
        model = _build(problem, magnesium=status == OK, groups=groups, soft_floor=soft)
        x = _solve(model, _cost(model, problem) if status == OK else _most_magnesium(model))
        if x is None:
            continue
        items, shuffled = _items(model, x), False
        if status == OK and problem.shuffle is not None:
            other = _shuffle(problem, model, x)
            if other is not None:
                items, shuffled = _items(model, other), True
        relaxed: tuple[str, ...] = () if groups else (GROUPS_NOTE,)
        below = soft and fixed.energy_kcal + sum(i.energy_kcal for i in items) < limits.energy_low - 1e-6
        if below:
            relaxed += (floor_note(problem, items),)
        return plan_of(problem, status, items, shuffled=shuffled, relaxed=relaxed, below_band=below)
    if out_of_time(problem):
        return _too_long(problem)
    if not diagnose:  # the caller tries again with more foods, and asks for the reasons then
        return DayPlan(status=INFEASIBLE, magnesium_mg=fixed.magnesium_mg, energy_kcal=fixed.energy_kcal)
    return _diagnose(problem)


def out_of_time(problem: DayProblem) -> bool:
    return problem.deadline is not None and time.monotonic() >= problem.deadline


def _too_long(problem: DayProblem) -> DayPlan:
    fixed, limits = problem.fixed, problem.limits
    return DayPlan(status=INFEASIBLE, magnesium_mg=fixed.magnesium_mg, energy_kcal=fixed.energy_kcal,
                   food_magnesium_gap_mg=max(0.0, limits.magnesium_mg - fixed.magnesium_mg), reasons=(TOO_LONG,))


def _most_magnesium(model: _Model) -> np.ndarray:
    """Cost of the most magnesium food can bring (and, when the band's low end is soft, the least shortfall)."""
    mg = np.array([c.magnesium_mg for c, _m in model.pairs])
    cost = np.zeros(_width(model))
    cost[: 2 * model.n] = -np.concatenate([mg, MAX_PORTIONS * mg])
    if model.soft_floor:
        cost[2 * model.n] = SHORTFALL_PENALTY
    return cost


def _shuffle(problem: DayProblem, model: _Model, best: np.ndarray) -> np.ndarray | None:
    """Another plan meeting every constraint with at most 10 % more energy than the best one (and, when the
    band's low end is soft, no further below it)."""
    n = model.n
    rng = np.random.default_rng(problem.shuffle)
    weights = rng.random(n) * 100.0
    kcal = np.array([c.energy_kcal for c, _m in model.pairs])
    cost = np.zeros(_width(model))
    cost[: 2 * n] = np.concatenate([weights + kcal * 0.01, weights + MAX_PORTIONS * kcal * 0.01])
    best_energy = float(kcal @ _counts(model, best))
    chosen = [k for k in range(n) if best[k] + best[n + k] >= 1]
    extra = [
        (model.row(kcal), -np.inf, SHUFFLE_COST_FACTOR * best_energy),
        # Not the very same foods in the very same meals again.
        (model.present(chosen), -np.inf, len(chosen) - 1),
    ]
    if model.soft_floor:
        extra.append(({2 * n: 1.0}, -np.inf, float(best[2 * n]) + 1.0))
    return _solve(model, cost, extra)


def _diagnose(problem: DayProblem) -> DayPlan:
    """No plan at all, even with the relaxations: say which limit stands in the way and what to change."""
    limits, fixed = problem.limits, problem.fixed
    partly = partly_planned(problem)
    reasons = []
    if fixed.energy_kcal > limits.energy_high:
        reasons.append(
            f"The entries already in this day have {fixed.energy_kcal:.0f} kcal, more than the "
            f"{limits.energy_high:.0f} kcal upper end of the energy goal: remove some, or raise the goal in the profile."
        )
    for meal in problem.meals:
        if not any(meal in c.meals for c in usable(problem)):
            reasons.append(f"No food that fits the diet, allergies and limits in the profile is marked as suiting "
                           f"{meal}: add such foods, or fill this meal by hand and lock it.")
    # The caps first: when they are what stands in the way, changing the energy goal would not help.
    # (Every attempt of solve_day failed, so the day with its caps does not fit: do the caps alone stop it?)
    if not reasons and _capped(limits) and _feasible(problem, magnesium=False, caps=False, groups=False,
                                                     floor=not partly):
        reasons.append(_caps_reason(problem, partly))
    if not reasons and _feasible(problem, magnesium=False, energy=False, groups=False):
        if partly:
            reasons.append(
                f"Even the lightest foods that fit would take the day past {limits.energy_high:.0f} kcal, the top "
                f"of the energy goal ({limits.energy_kcal:.0f} kcal +{limits.energy_tolerance * 100:.0f} %), with the meals "
                "already planned: remove or lock fewer entries, or change the energy goal in the profile."
            )
        else:
            reasons.append(
                f"The empty meals cannot reach {limits.energy_low:.0f}–{limits.energy_high:.0f} kcal "
                f"(the energy goal of {limits.energy_kcal:.0f} kcal ±{limits.energy_tolerance * 100:.0f} %) with the foods "
                "that fit: change the energy goal in the profile, or unlock more meals."
            )
    if out_of_time(problem):  # the checks above were cut short: their answer would mislead
        return _too_long(problem)
    if not reasons:
        reasons.append("Too few foods fit the diet and allergies to give each meal its usual number of foods "
                       "(breakfast 2–4, lunch and dinner 3–5, snacks 1–2): add foods, or fill some meals by hand "
                       "and lock them.")
    return DayPlan(status=INFEASIBLE, magnesium_mg=fixed.magnesium_mg, energy_kcal=fixed.energy_kcal,
                   food_magnesium_gap_mg=max(0.0, limits.magnesium_mg - fixed.magnesium_mg), reasons=tuple(reasons))


def _capped(limits) -> list[str]:
    return [n for n in CAPPED if limits.cap(n) is not None]


def _caps_reason(problem: DayProblem, partly: bool) -> str:
    """Which cap binds, with its figure: the one whose removal alone lets the day fit, else all of them."""
    limits = problem.limits
    capped = _capped(limits)
    binding = [n for n in capped
               if _feasible(problem, magnesium=False, groups=False, floor=not partly, drop=frozenset({n}))]
    named = binding or capped
    figures = " and ".join(f"the {CAP_LABELS[n]} limit of {limits.cap(n):,.0f} mg a day" for n in named)
    goal = (f"the energy goal ({limits.energy_low:,.0f}–{limits.energy_high:,.0f} kcal)" if not partly
            else "these meals")
    one = len(named) == 1
    return (f"{figures[0].upper()}{figures[1:]} {'leaves' if one else 'leave'} too few foods to fill {goal}: the "
            f"foods that fit are too rich in {' and '.join(CAP_LABELS[n] for n in named)}. A dietitian may be able "
            f"to raise {'this limit' if one else 'a limit'}, or fill some meals by hand and lock them.")


def _feasible(problem: DayProblem, **relax) -> bool:
    model = _build(problem, **relax)
    return _solve(model, _cost(model)) is not None
