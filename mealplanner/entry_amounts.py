"""An entry's grams and portion name: the one place that says how much food an entry is (issue 14).

An entry stores what was planned when it was added or changed (PlanEntry.grams, .portion_label), so a later
edit or deletion of the food's portions in the admin never changes a plan or a past eaten day. Everything
that shows or sums an entry's amount reads it through these helpers: totals, exports, print, shopping.

Rows written outside the services (old test builders) may lack the stored grams: they fall back to the
portion as it is now, which is what every entry did before the stored amount existed.
"""

from __future__ import annotations

from django.db.models import Case, F, FloatField, When
from django.db.models.functions import Cast, Coalesce


def planned_amount(quantity, portion) -> dict:
    """The values to store on a food entry for `quantity` of `portion` (grams when portion is None)."""
    return {
        "grams": float(quantity) * (portion.grams if portion is not None else 1.0),
        "portion_label": portion.label if portion is not None else "",
    }


def entry_grams(entry) -> float:
    """Grams of food the entry plans (0 for a supplement)."""
    if entry.food_id is None:
        return 0.0
    if entry.grams is not None:
        return float(entry.grams)
    return float(entry.quantity) * (entry.portion.grams if entry.portion_id else 1.0)


def entry_portion_label(entry) -> str:
    """The portion's name as planned ("1 cup"), or "" for an amount in grams or a supplement."""
    if entry.food_id is None:
        return ""
    if entry.grams is not None:
        return entry.portion_label
    return entry.portion.label if entry.portion_id else ""


def entry_grams_sql(prefix: str = ""):
    """The same as entry_grams, as a database expression (a supplement's gives its units, which only ever
    multiply its NULL food values); `prefix` reaches the entry through a relation (e.g. "entries__")."""
    quantity = Cast(F(f"{prefix}quantity"), FloatField())
    legacy = Case(When(**{f"{prefix}portion__isnull": False}, then=quantity * F(f"{prefix}portion__grams")),
                  default=quantity, output_field=FloatField())
    return Coalesce(F(f"{prefix}grams"), legacy, output_field=FloatField())
