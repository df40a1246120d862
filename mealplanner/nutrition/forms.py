"""Magnesium compounds in supplements and how much elemental magnesium each holds.

A supplement label that states elemental magnesium always wins over a conversion: the share depends on the
exact salt and its water of crystallisation, which a label knows and we can only assume.
"""

from dataclasses import dataclass

from . import _checks

MOLECULES_SOURCE = "Molecules 2021;26(9):2419, Table 1 (share computed from molecular weight)"
MW_SOURCE = "computed from molecular weight (magnesium reference list)"


@dataclass(frozen=True)
class SupplementForm:
    label: str
    share: float  # elemental magnesium as a fraction of the compound's weight
    source: str


SUPPLEMENT_FORMS: dict[str, SupplementForm] = {
    "oxide": SupplementForm("Magnesium oxide", 0.603, MOLECULES_SOURCE),  # [Molecules 2021 Table 1] 60.3 %
    "hydroxide": SupplementForm("Magnesium hydroxide", 0.417, MOLECULES_SOURCE),  # [Molecules 2021] 41.7 %
    "carbonate": SupplementForm("Magnesium carbonate", 0.288, MOLECULES_SOURCE),  # [Molecules 2021] 28.8 % anhydrous
    # The hexahydrate is the usual supplement form [magnesium.md]: 12.0 % [Molecules 2021].
    "chloride": SupplementForm("Magnesium chloride (hexahydrate)", 0.120, MOLECULES_SOURCE),
    "chloride-anhydrous": SupplementForm("Magnesium chloride (anhydrous)", 0.255, MOLECULES_SOURCE),  # 25.5 %
    # Citrate depends on the salt [magnesium.md]: trimagnesium dicitrate 16.2 %, hydrogen citrate 11.3 %.
    "citrate": SupplementForm("Magnesium citrate (trimagnesium dicitrate)", 0.162, MOLECULES_SOURCE),
    "hydrogen-citrate": SupplementForm("Magnesium hydrogen citrate", 0.113, MOLECULES_SOURCE),
    "malate": SupplementForm("Magnesium malate", 0.155, MOLECULES_SOURCE),  # [Molecules 2021] 15.5 %
    "glycinate": SupplementForm("Magnesium glycinate (bisglycinate)", 0.141, MOLECULES_SOURCE),  # 14.1 %
    "lactate": SupplementForm("Magnesium lactate", 0.120, MOLECULES_SOURCE),  # [Molecules 2021] 12.0 % anhydrous
    # Epsom salt is the heptahydrate: 9.9 % computed from molecular weight [magnesium.md].
    "sulfate": SupplementForm("Magnesium sulfate (heptahydrate, Epsom salt)", 0.099, MW_SOURCE),
    "sulfate-anhydrous": SupplementForm("Magnesium sulfate (anhydrous)", 0.202, MOLECULES_SOURCE),  # 20.2 %
    "taurate": SupplementForm("Magnesium taurate", 0.089, MOLECULES_SOURCE),  # [Molecules 2021] 8.9 %
    "aspartate": SupplementForm("Magnesium aspartate", 0.085, MOLECULES_SOURCE),  # [Molecules 2021] 8.5 %
    "l-threonate": SupplementForm("Magnesium L-threonate", 0.083, MOLECULES_SOURCE),  # [Molecules 2021] 8.3 %
}

# Other names people type for the same compound.
FORM_ALIASES: dict[str, str] = {
    "bisglycinate": "glycinate",
    "chloride-hexahydrate": "chloride",
    "trimagnesium-dicitrate": "citrate",
    "sulfate-heptahydrate": "sulfate",
    "sulphate": "sulfate",
    "sulphate-anhydrous": "sulfate-anhydrous",
    "epsom": "sulfate",
    "epsom-salt": "sulfate",
    "threonate": "l-threonate",
}


def form_code(form: str) -> str:
    """The code in SUPPLEMENT_FORMS for a form or one of its aliases (case, spaces, "magnesium" ignored)."""
    if not isinstance(form, str):
        raise ValueError(f"The form must be text, not {form!r}.")
    key = form.strip().lower().replace("_", " ")
    if key.startswith("magnesium "):
        key = key[len("magnesium ") :]
    key = "-".join(key.split())
    key = FORM_ALIASES.get(key, key)
    if key not in SUPPLEMENT_FORMS:
        known = ", ".join(list(SUPPLEMENT_FORMS) + list(FORM_ALIASES))
        raise ValueError(f"Unknown magnesium form {form!r}; known forms: {known}.")
    return key


def supplement_form_choices() -> list[tuple[str, str]]:
    """(code, label) pairs for a form field."""
    return [(code, form.label) for code, form in SUPPLEMENT_FORMS.items()]


def elemental_magnesium_mg(compound_mg: float, form: str) -> float:
    """Elemental magnesium (mg) in `compound_mg` of a compound; unknown form -> ValueError naming the known ones."""
    amount = _checks.number(compound_mg, "The compound amount")
    return amount * SUPPLEMENT_FORMS[form_code(form)].share


def supplement_elemental_mg(
    *, elemental_mg_per_unit: float | None, compound_mg_per_unit: float | None, form: str, units: float
) -> float:
    """Elemental magnesium (mg) in `units` tablets/scoops; the label's elemental amount wins whenever given.

    The form is only needed (and only checked) when we have to convert a compound amount.
    """
    count = _checks.number(units, "The number of units")
    if elemental_mg_per_unit is not None:
        return _checks.number(elemental_mg_per_unit, "The elemental magnesium per unit") * count
    if compound_mg_per_unit is None:
        raise ValueError("Give the elemental magnesium per unit (from the label) or the compound amount per unit.")
    return elemental_magnesium_mg(compound_mg_per_unit, form) * count
