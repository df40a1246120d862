"""The plan generator, in plain Python (numpy and SciPy only; no Django, no pandas).

- `foods`: food records (per 100 g) -> candidates at a realistic portion, after the diet rules.
- `candidates`: a short, stable list per meal, so the whole SR28 database stays fast.
- `solve`: one day as a mixed-integer programme for HiGHS (`scipy.optimize.milp`), with reasons.
- `week`: the days in order, carrying which foods earlier days used (variety).
- `explain`: the words beside a day: which limits were tight, which rule was relaxed to fill it.
- `advice`: a supplement amount under the upper limit when food falls short; foods for a day's gap.
"""
