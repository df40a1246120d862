"""The words beside a generated day of meals (issue 17): which bands held the plan back (plain Python).

A band "held the plan back" when the day sits at its edge: magnesium short of or just at the target,
energy near either end of its ±10 % band, a cap nearly used up (or 0, with the reason), fibre at its floor,
a macro share at an end of the age's range. The figures are the bands' own (generator.bands, from
../shared/reference/balanced-diet.md and magnesium.md); the closeness margins only choose what to mention.
"""

from __future__ import annotations

from collections.abc import Mapping

from mealplanner.generator.bands import KCAL_PER_G, MACROS, Bands

NEAR = 0.05  # within 5 % of a band's end counts as "at" it: chosen for wording, not from a source
CAP_WORDS = {
    "sodium_mg": "sodium",
    "caffeine_mg": "caffeine",
    "potassium_mg": "potassium",
    "phosphorus_mg": "phosphorus",
}
MACRO_WORDS = {"carbohydrate_g": "Carbohydrate", "fat_g": "Fat", "protein_g": "Protein"}


def _magnesium(totals: Mapping[str, float], bands: Bands) -> list[str]:
    mg, target = totals.get("magnesium_mg", 0.0), bands.magnesium_mg
    if mg < target - 0.5:
        return [
            f"Magnesium: food reaches {mg:.0f} of {target:.0f} mg at most within the energy goal, the "
            "age's balance of carbohydrate, fat and protein, diet and limits."
        ]
    if mg <= target * (1 + NEAR):
        return [f"Magnesium: the plan just reaches the {target:.0f} mg target."]
    if mg > bands.magnesium_soft_max:
        return [
            f"Magnesium: {mg:.0f} mg, more than twice the {target:.0f} mg target: the dishes and foods that fit "
            "the other bands are rich in it (food magnesium has shown no harm in healthy people: the kidneys clear "
            "the excess [NIH ODS])."
        ]
    return []


def _energy(totals: Mapping[str, float], bands: Bands) -> list[str]:
    kcal = totals.get("energy_kcal", 0.0)
    band = f"{bands.energy_low:,.0f}–{bands.energy_high:,.0f} kcal"
    if kcal <= bands.energy_low * (1 + NEAR / 2):
        return [f"Energy: {kcal:,.0f} kcal, near the low end of the energy goal ({band})."]
    if kcal >= bands.energy_high * (1 - NEAR / 2):
        return [f"Energy: {kcal:,.0f} kcal, near the top of the energy goal ({band})."]
    return []


def _caps(totals: Mapping[str, float], bands: Bands, caffeine_reason: str) -> list[str]:
    out = []
    for nutrient, cap in bands.caps().items():
        word = CAP_WORDS[nutrient]
        if cap <= 0:
            why = caffeine_reason if nutrient == "caffeine_mg" else ""
            out.append(f"{word.capitalize()}: only foods without it were used{why}.")
        elif totals.get(nutrient, 0.0) >= cap * (1 - NEAR):
            out.append(f"{word.capitalize()}: {totals.get(nutrient, 0.0):,.0f} mg, close to the {cap:,.0f} mg limit.")
    return out


def _balance(totals: Mapping[str, float], bands: Bands) -> list[str]:
    out = []
    energy = sum(totals.get(m, 0.0) * KCAL_PER_G[m] for m in MACROS)
    if energy > 0:
        for macro in MACROS:
            share = totals.get(macro, 0.0) * KCAL_PER_G[macro] / energy
            low, high = bands.share(macro)
            end = "low" if share <= low + NEAR / 5 else "high" if share >= high - NEAR / 5 else ""
            if end:
                out.append(
                    f"{MACRO_WORDS[macro]}: {share * 100:.0f} % of energy, at the {end} end of the "
                    f"{low * 100:.0f}–{high * 100:.0f} % range for the age."
                )
    floor = bands.fibre_g_per_1000_kcal * totals.get("energy_kcal", 0.0) / 1000.0
    if floor and totals.get("fibre_g", 0.0) <= floor * (1 + NEAR):
        out.append(
            f"Fibre: {totals.get('fibre_g', 0.0):.0f} g, at the floor of "
            f"{bands.fibre_g_per_1000_kcal:g} g per 1,000 kcal."
        )
    return out


def held_back(totals: Mapping[str, float], bands: Bands, *, caffeine_reason: str = "") -> tuple[str, ...]:
    """Plain sentences, magnesium first: the bands at whose edge the day sits."""
    return tuple(
        _magnesium(totals, bands)
        + _energy(totals, bands)
        + _caps(totals, bands, caffeine_reason)
        + _balance(totals, bands)
    )
