"""One day of meals as a mixed-integer programme for HiGHS (`scipy.optimize.milp`), issue 17.

Variables, for each option (a dish or food in one role of one meal) and each count of halves it may come in,
one binary (DayModel). Per day: two breakfast-pattern binaries (a dish, or cereal
with milk and fruit), the energy's distance from the goal (dp, dm), the magnesium above 1.7 times and above
twice the target. Hard rows: the patterns, each option at most once a day, one food per food group in a meal,
energy within ±10 %, carbohydrate/fat/protein within the age's shares, fibre >= 14 g/1,000 kcal, sodium and
every cap, not the same meals as an earlier day. Soft, at a high cost: magnesium >= target (a day short of it
is SHORT), each meal's share of the energy. Objective: energy near the goal, magnesium near the target and
dearer above 1.7 and 2 times it (the soft aim: under twice it on 9 days out of 10), variety across the week, and a stable per-day tie-break so days differ.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_array, csr_array

from mealplanner.generator import highs_options
from mealplanner.generator.bands import KCAL_PER_G, MACROS, Bands
from mealplanner.generator.patterns import CEREAL, FRUIT, MAIN, MILK, SIDE, SNACK, Option

# Each meal's share of the day's energy goal. Chosen so meals look like meals (no 1,500 kcal dinner), not
# from a health source; dropped when a day cannot fit with them.
MEAL_SHARES = {"breakfast": (0.15, 0.35), "lunch": (0.20, 0.40), "dinner": (0.20, 0.45), "snack": (0.0, 0.25)}
MAX_SIDES = 2
MAX_FOOD_G_DAY = 400.0  # grams of one food a day, at most: chosen for plans that look like food, not a source
FOOD_MAIN_COST = 60.0  # a food as the main of a lunch or dinner, rather than a dish
SNACK_ITEMS = (1, 2)
ENERGY_AIM = 0.05  # the day's energy aims within ±5 % of the goal (the hard band is ±10 %)
ENERGY_COST = 1.0  # per kcal outside that aim
MG_EXCESS_COST = 30.0  # per mg above about twice the target (the soft aim)
# Per mg above MG_HIGH_FACTOR x the target: a day already well above the target prefers lighter dishes and
# sides, so a late day of the week, with fewer dishes left, still stays under twice it. Small, as a higher
# cost kept repeating the same few light dishes (bench/generator.py: 98 % of days under twice the target).
MG_HIGH_FACTOR = 1.7
MG_HIGH_COST = 0.5
# Per mg: among days that keep every band, the one nearer the target (dishes rich in magnesium otherwise sit
# just under twice it, and a late day of the week, with fewer dishes left, goes over).
MG_COST = 0.3
# The magnesium target and the meals' shares are soft in the model, at a cost far above everything else, so
# one solve says whether the day can meet them (a hard row proved infeasible only after a long search).
MG_SHORT_COST = 200.0  # per mg below the target: the day is then SHORT and says so
SHARE_COST = 5.0  # per kcal a meal is outside its share of the day
VARIETY_COST = 60.0  # per earlier day of the week the same dish or food is on
GROUP_COST = 8.0  # per earlier day the same food group was in the same meal (food groups spread)
TIE_BREAK = 40.0  # at most, per option: a stable pseudo-random preference per day, so days differ
# A wall-clock safety net only: a solve it stops plans nothing (OutOfTime; the day says it took too long),
# as what HiGHS had found by then depends on the machine's load. As long as a request's budget, so that on a
# busy machine a slow solve is not cut while the request still has time.
TIME_LIMIT_S = 8.0
NODE_LIMIT = 500  # the deterministic stop
# The bands are hard rows: the gap only trades variety and the soft aims. 0.3 rather than 0.2 took a week
# from about 0.85 to 0.7 CPU s (bench/generator.py), magnesium under twice the target on 95 % of days.
MIP_REL_GAP = 0.30


# Offsets of the columns after the options' own (m + offset).
ZD, ZC = 0, 1  # breakfast is a dish / cereal with milk and fruit
ENERGY_OVER, ENERGY_UNDER = 2, 3  # kcal outside the aim of ±ENERGY_AIM
MG_EXCESS, MG_SHORT, MG_HIGH = 4, 5, 6  # mg above twice the target, below it, above MG_HIGH_FACTOR x it
SHARES_AT = 7  # then per meal (MEAL_SHARES' order): kcal below, kcal above its share
BINARY_EXTRA = 2  # ZD and ZC are binary; the rest are continuous slacks


@dataclass
class DayModel:
    """Binary columns b[k, q]: option k with q halves (q from its lowest to its highest count; at most one q
    per option). Pure binary: HiGHS's relaxation is tighter than with an integer count and a big-M link."""

    options: list[Option]
    rows: list[tuple[dict[int, float], float, float]] = field(default_factory=list)
    cols: list[tuple[int, int]] = field(default_factory=list)  # (option index, halves)
    # After the columns, at m + these offsets: ZD, ZC (breakfast pattern, binary), then continuous slacks
    # (SLACKS, their costs in `cost`), then per meal its energy below and above its share.
    extra: int = SHARES_AT + 2 * len(MEAL_SHARES)

    def __post_init__(self) -> None:
        self.cols = [(k, q) for k, o in enumerate(self.options) for q in range(o.halves[0], o.halves[1] + 1)]
        self.by_option: dict[int, list[int]] = {}
        for j, (k, _q) in enumerate(self.cols):
            self.by_option.setdefault(k, []).append(j)

    @property
    def m(self) -> int:
        return len(self.cols)

    @property
    def width(self) -> int:
        return self.m + self.extra

    def halves_row(self, nutrient: str, scale: float = 1.0) -> dict[int, float]:
        """A row summing a nutrient over the day: per unit x halves / 2."""
        out = {}
        for j, (k, q) in enumerate(self.cols):
            v = self.options[k].per_unit[nutrient]
            if v:
                out[j] = v * scale * q / 2
        return out

    def present(self, ks, more: dict[int, float] | None = None) -> dict[int, float]:
        """A row counting the options in ks that are used."""
        row = {j: 1.0 for k in ks for j in self.by_option.get(k, ())}
        return {**row, **(more or {})}


def tie_break(option: Option, day: int, seed: int) -> float:
    text = f"{seed}:{day}:{option.kind}:{option.ref}:{option.meal}:{option.role}"
    return TIE_BREAK * (zlib.crc32(text.encode()) % 1000) / 1000.0


def build(
    options: list[Option],
    bands: Bands,
    meals: tuple[str, ...],
    *,
    fixed: dict[str, float],
    earlier_days: Sequence[frozenset[tuple[str, int, str]]] = (),
) -> DayModel:
    model = DayModel(options)
    rows, m = model.rows, model.m
    by_role: dict[tuple[str, str], list[int]] = {}
    for k, o in enumerate(options):
        by_role.setdefault((o.meal, o.role), []).append(k)
    # Breakfast: a dish (zd) or cereal, milk and fruit (zc).
    zd, zc = m + ZD, m + ZC
    count = model.present

    if "breakfast" in meals:
        rows.append(({zd: 1.0, zc: 1.0}, 1.0, 1.0))
        rows.append((count(by_role.get(("breakfast", MAIN), []), {zd: -1.0}), 0.0, 0.0))
        for role in (CEREAL, MILK, FRUIT):
            rows.append((count(by_role.get(("breakfast", role), []), {zc: -1.0}), 0.0, 0.0))
    else:
        rows.append(({zd: 1.0, zc: 1.0}, 0.0, 0.0))
    for meal in ("lunch", "dinner"):
        if meal in meals:
            rows.append((count(by_role.get((meal, MAIN), [])), 1.0, 1.0))
            rows.append((count(by_role.get((meal, SIDE), [])), 0.0, MAX_SIDES))
    if "snack" in meals:
        rows.append((count(by_role.get(("snack", SNACK), [])), *SNACK_ITEMS))
    # Each dish or food at most once a day; one food per food group in a meal.
    by_key: dict[tuple[str, int], list[int]] = {}
    by_group: dict[tuple[str, str], list[int]] = {}
    for k, o in enumerate(options):
        by_key.setdefault(o.key, []).append(k)
        if o.group:
            by_group.setdefault((o.meal, o.group), []).append(k)
    for ks in list(by_key.values()) + list(by_group.values()):
        rows.append((count(ks), -np.inf, 1.0))  # for one option: one count of halves at most
    # No side of a food the meal's dish already holds (corn pasta with okra, and a side of corn pasta).
    foods_in_meal = {(o.meal, o.ref): k for k, o in enumerate(options) if o.kind == "food"}
    for k, o in enumerate(options):
        if o.kind == "dish":
            for food_id, _g in o.food_grams:
                if (o.meal, food_id) in foods_in_meal:
                    rows.append((count([k, foods_in_meal[(o.meal, food_id)]]), -np.inf, 1.0))
    # No more than MAX_FOOD_G_DAY of any one food in the day, dishes' ingredients counted (issue 17 found 97 g
    # of raw wheat germ; 2 servings of a rice dish and a side of rice made 632 g of rice).
    grams: dict[int, dict[int, float]] = {}
    for j, (k, q) in enumerate(model.cols):
        for food_id, g in options[k].food_grams:
            grams.setdefault(food_id, {})[j] = grams.get(food_id, {}).get(j, 0.0) + g * q / 2
    for _food_id, row in sorted(grams.items()):
        if sum(row.values()) > MAX_FOOD_G_DAY:  # else it could never pass the cap
            rows.append((row, -np.inf, MAX_FOOD_G_DAY))
    _day_rows(model, bands, fixed)
    for i, meal in enumerate(MEAL_SHARES):
        if meal in meals:
            lo, hi = MEAL_SHARES[meal]
            below, above = m + SHARES_AT + 2 * i, m + SHARES_AT + 1 + 2 * i
            kcal = {
                j: options[k].per_unit["energy_kcal"] * q / 2
                for j, (k, q) in enumerate(model.cols)
                if options[k].meal == meal
            }
            rows.append(({**kcal, below: 1.0}, lo * bands.energy_kcal, np.inf))
            rows.append(({**kcal, above: -1.0}, -np.inf, hi * bands.energy_kcal))
    # Not the same meals as an earlier day of the week.
    index = {(o.kind, o.ref, o.meal): k for k, o in enumerate(options)}
    for chosen in earlier_days:
        if chosen and all(c in index for c in chosen):
            rows.append((count(index[c] for c in chosen), -np.inf, len(chosen) - 1))
    return model


def _day_rows(model: DayModel, bands: Bands, fixed: dict[str, float]) -> None:
    rows, m = model.rows, model.m
    dp, dm, excess, short, above = m + ENERGY_OVER, m + ENERGY_UNDER, m + MG_EXCESS, m + MG_SHORT, m + MG_HIGH
    kcal = model.halves_row("energy_kcal")
    rows.append(
        (kcal, bands.energy_low - fixed.get("energy_kcal", 0.0), bands.energy_high - fixed.get("energy_kcal", 0.0))
    )
    # dp, dm: kcal outside the inner ±ENERGY_AIM of the goal (inside it any day is as good: aiming at the goal
    # itself made every day a subset-sum search).
    aim_low = bands.energy_kcal * (1 - ENERGY_AIM) - fixed.get("energy_kcal", 0.0)
    aim_high = bands.energy_kcal * (1 + ENERGY_AIM) - fixed.get("energy_kcal", 0.0)
    rows.append(({**kcal, dp: -1.0}, -np.inf, aim_high))
    rows.append(({**kcal, dm: 1.0}, aim_low, np.inf))
    # Shares of energy: low * A <= factor * macro <= high * A, A = the Atwater energy of the three macros.
    atwater: dict[int, float] = {}
    for macro in MACROS:
        for j, v in model.halves_row(macro, KCAL_PER_G[macro]).items():
            atwater[j] = atwater.get(j, 0.0) + v
    fixed_atwater = sum(fixed.get(m, 0.0) * KCAL_PER_G[m] for m in MACROS)
    for macro in MACROS:
        lo, hi = bands.share(macro)
        mine = model.halves_row(macro, KCAL_PER_G[macro])
        fixed_mine = fixed.get(macro, 0.0) * KCAL_PER_G[macro]
        for share, low, high in ((lo, True, False), (hi, False, True)):
            row = {j: mine.get(j, 0.0) - share * atwater.get(j, 0.0) for j in set(mine) | set(atwater)}
            rhs = share * fixed_atwater - fixed_mine
            rows.append((row, rhs if low else -np.inf, rhs if high else np.inf))
    fibre = model.halves_row("fibre_g")
    per_kcal = bands.fibre_g_per_1000_kcal / 1000.0
    row = {j: fibre.get(j, 0.0) - per_kcal * kcal.get(j, 0.0) for j in set(fibre) | set(kcal)}
    rows.append((row, per_kcal * fixed.get("energy_kcal", 0.0) - fixed.get("fibre_g", 0.0), np.inf))
    for nutrient, cap in bands.caps().items():
        rows.append((model.halves_row(nutrient), -np.inf, max(0.0, cap - fixed.get(nutrient, 0.0))))
    mg = model.halves_row("magnesium_mg")
    mg_fixed = fixed.get("magnesium_mg", 0.0)
    rows.append(({**mg, short: 1.0}, bands.magnesium_mg - mg_fixed, np.inf))
    rows.append(({**mg, excess: -1.0}, -np.inf, bands.magnesium_soft_max - mg_fixed))
    rows.append(({**mg, above: -1.0}, -np.inf, MG_HIGH_FACTOR * bands.magnesium_mg - mg_fixed))


def cost(
    model: DayModel,
    *,
    day: int,
    seed: int,
    seen: dict[tuple[str, int], int],
    groups_seen: Mapping[tuple[str, str], int],
) -> np.ndarray:
    m = model.m
    c = np.zeros(model.width)
    for j, (k, q) in enumerate(model.cols):
        o = model.options[k]
        c[j] = (
            VARIETY_COST * seen.get(o.key, 0)
            + GROUP_COST * groups_seen.get((o.meal, o.group), 0)
            + tie_break(o, day, seed)
            + MG_COST * o.per_unit["magnesium_mg"] * q / 2
            + (FOOD_MAIN_COST if o.kind == "food" and o.role == MAIN else 0.0)
        )
    c[m + ENERGY_OVER] = c[m + ENERGY_UNDER] = ENERGY_COST
    c[m + MG_EXCESS] = MG_EXCESS_COST
    c[m + MG_SHORT] = MG_SHORT_COST
    c[m + MG_HIGH] = MG_HIGH_COST
    c[m + SHARES_AT :] = SHARE_COST
    return c


def shortfall(model: DayModel, x: np.ndarray) -> tuple[float, float]:
    """(magnesium short of the target, kcal outside the meals' shares) in a solution."""
    m = model.m
    return float(x[m + MG_SHORT]), float(sum(x[m + SHARES_AT :]))


def as_matrix(model: DayModel) -> tuple[csr_array, np.ndarray, np.ndarray]:
    """The rows as a sparse matrix with their lower and upper bounds."""
    data, ri, ci, lo, hi = [], [], [], [], []
    for i, (row, lower, upper) in enumerate(model.rows):
        for j, v in row.items():
            ri.append(i)
            ci.append(j)
            data.append(v)
        lo.append(lower)
        hi.append(upper)
    matrix = csr_array(coo_array((data, (ri, ci)), shape=(len(model.rows), model.width)))
    return matrix, np.array(lo, dtype=float), np.array(hi, dtype=float)


def column_upper(model: DayModel) -> np.ndarray:
    """1 for the binaries, no upper bound for the slacks."""
    binary = model.m + BINARY_EXTRA
    return np.concatenate([np.ones(binary), np.full(model.width - binary, np.inf)])


class OutOfTime(Exception):
    """HiGHS stopped on its wall-clock safety net: what it had found then depends on the machine's load."""


def solve(model: DayModel, c: np.ndarray, *, time_limit_s: float = TIME_LIMIT_S) -> np.ndarray | None:
    """The best vector found, or None when the rows cannot all hold. Raises OutOfTime when the time limit
    stopped HiGHS (or none is left), so a planned day never depends on how busy the machine was."""
    m, width = model.m, model.width
    if time_limit_s <= 0:
        raise OutOfTime
    matrix, lo, hi = as_matrix(model)
    binary = m + BINARY_EXTRA
    integrality = np.concatenate([np.ones(binary), np.zeros(width - binary)])
    options = {"node_limit": NODE_LIMIT, "time_limit": time_limit_s, "mip_rel_gap": MIP_REL_GAP, "presolve": True}
    with highs_options.verbatim():  # and without HiGHS's sub-MIP heuristics (highs_options: half the time)
        bounds, rows = Bounds(np.zeros(width), column_upper(model)), LinearConstraint(matrix, lo, hi)
        res = milp(
            c, integrality=integrality, bounds=bounds, constraints=rows, options=options | highs_options.NO_SUB_MIPS
        )
    if res.status == 1:  # "Iteration or time limit reached": no iteration limit is set, so the time limit
        raise OutOfTime
    if res.x is None:
        return None
    x = np.array(res.x, dtype=float)
    x[:binary] = np.round(x[:binary])
    return x


def chosen_halves(model: DayModel, x: np.ndarray) -> dict[int, int]:
    """Option index -> halves, for the options the day holds."""
    return {k: q for j, (k, q) in enumerate(model.cols) if x[j] >= 0.5}
