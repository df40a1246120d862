"""A shopping list from plan entries (plain Python: values in, values out; no Django).

Each food is summed over the chosen days: counts of each household portion ("3 × 1 cup") plus any
amounts planned in plain grams, and the total grams. Skipped entries are left out (nobody buys food
they chose not to eat); eaten entries stay in, since the food was bought. Supplements are not food
and come from the person's cabinet, so they are not on the list.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ShoppingItem:
    """One plan entry of a food, as the list needs it."""

    food_id: int | str  # a Food's id, or "own:<id>" for a person's own food (a recipe's ingredient)
    name: str
    food_group: str
    status: str  # planned / eaten / skipped
    quantity: float  # a count of the portion, or grams when portion_label is empty
    portion_label: str = ""
    portion_grams: float | None = None
    ndb_number: str = ""
    day: int = 0


@dataclass
class ShoppingLine:
    name: str
    food_group: str
    ndb_number: str
    grams: float = 0.0
    # Portion label -> count of that portion, in the order the entries first used them.
    portions: dict[str, float] = field(default_factory=dict)
    loose_grams: float = 0.0  # amounts planned in grams rather than portions
    days: set[int] = field(default_factory=set)

    @property
    def amount_label(self) -> str:
        """Household amounts, e.g. "3 × 1 cup + 50 g"."""
        parts = [f"{_number(count)} × {label}" for label, count in self.portions.items()]
        if self.loose_grams:
            parts.append(f"{_number(self.loose_grams)} g")
        return " + ".join(parts)


@dataclass
class ShoppingGroup:
    name: str
    lines: list[ShoppingLine]

    @property
    def grams(self) -> float:
        return sum(line.grams for line in self.lines)


def _number(value: float) -> str:
    """A count as people write it: 3, 1.5, 0.25 (at most two decimals, no trailing zeros)."""
    return f"{round(value, 2):g}"


def shopping_list(items: Iterable[ShoppingItem]) -> list[ShoppingGroup]:
    """Foods summed over `items`, grouped by food group; groups and foods in alphabetical order."""
    lines: dict[int | str, ShoppingLine] = {}
    for item in items:
        if item.status == "skipped":
            continue
        if item.quantity <= 0 or (item.portion_label and not item.portion_grams):
            raise ValueError(f"{item.name}: an amount must be more than zero.")
        line = lines.get(item.food_id)
        if line is None:
            line = lines[item.food_id] = ShoppingLine(
                name=item.name, food_group=item.food_group or "Other", ndb_number=item.ndb_number or ""
            )
        line.days.add(item.day)
        if item.portion_label and item.portion_grams:  # a label without grams was refused above
            line.portions[item.portion_label] = line.portions.get(item.portion_label, 0.0) + item.quantity
            line.grams += item.quantity * item.portion_grams
        else:
            line.loose_grams += item.quantity
            line.grams += item.quantity
    groups: dict[str, list[ShoppingLine]] = {}
    for line in lines.values():
        groups.setdefault(line.food_group, []).append(line)
    return [
        ShoppingGroup(name=name, lines=sorted(group, key=lambda ln: ln.name.casefold()))
        for name, group in sorted(groups.items(), key=lambda kv: kv[0].casefold())
    ]
