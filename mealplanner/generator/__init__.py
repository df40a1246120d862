"""The plan generator, in plain Python (numpy and SciPy only; no Django, no pandas).

The meal planner (issue 17), which "Fill this day" and "Fill the week" use:
- `patterns`: dishes and foods as plain values, the meal patterns, and the options a person's day may use.
- `bands`: the bands a day keeps by age (energy, macro shares, fibre, sodium, caps, caffeine).
- `meal_milp`: one day as a mixed-integer programme for HiGHS (`scipy.optimize.milp`).
- `meals`: the week, day by day, with its variety rules.
- `meal_explain`: the words beside a day: which bands held it back.
- `swap`: three alternatives to one entry that keep its day in its bands.
- `shipped`: the shipped foods and curated recipes as inputs, read from the fixtures (bench and tests).

Food suggestions for a day's gap ("Suggest foods"):
- `foods`, `portions`, `model`: food records (per 100 g) -> candidates at a realistic portion.
- `advice`: foods for a day's gap; a supplement amount under the upper limit when food falls short (in words:
  the generator never adds a supplement).
"""
