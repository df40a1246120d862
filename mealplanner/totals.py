"""Day and week totals of a plan (plain Python: values in, values out; no Django).

A plan entry becomes an `EntryValues` (amounts already scaled to the entry's grams or units), and
`day_totals` / `week_totals` add them up in one pass. A nutrient USDA did not report is None
(unknown), never zero: it is left out of the sum and counted, so the page can say
"at least 310 mg; 2 foods unknown".

Planned vs eaten: a day's `planned` totals count every entry (what the plan says); its `eaten` totals
count only entries ticked eaten. For days before today the pages count what was eaten, once anything that
day was ticked (eaten or skipped); a past day where nothing was ticked counts what was planned, labelled
"planned — nothing ticked" (a client without a login, or a read-only shared plan, never ticks anything, and
"0 mg eaten" would be false). The diary's insights count days the same way (diary.selectors).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from mealplanner.nutrition.numbers import whole_number

DAYS = 7
NUTRIENTS = ("energy_kcal", "caffeine_mg", "potassium_mg", "phosphorus_mg", "sodium_mg")


@dataclass(frozen=True)
class EntryValues:
    """What one entry contributes, in absolute amounts (not per 100 g)."""

    day: int
    status: str = "planned"  # planned / eaten / skipped
    is_supplement: bool = False
    # Food: magnesium in mg for the entry's grams, None when unknown.
    magnesium_mg: float | None = None
    # Supplement: elemental magnesium for the entry's units, None when the label gives no way to know it.
    supplement_mg: float | None = None
    energy_kcal: float | None = None
    caffeine_mg: float | None = None
    potassium_mg: float | None = None
    phosphorus_mg: float | None = None
    sodium_mg: float | None = None


def scale_per_100g(per_100g: float | None, grams: float) -> float | None:
    """A per-100 g value for `grams` of food; unknown stays unknown."""
    if per_100g is None:
        return None
    return per_100g * grams / 100.0


@dataclass(frozen=True)
class Amount:
    """A sum of the known values, and how many foods had no value (so the sum is a lower bound)."""

    value: float = 0.0
    unknown: int = 0

    @property
    def at_least(self) -> bool:
        return self.unknown > 0

    def plus(self, value: float | None) -> "Amount":
        if value is None:
            return Amount(self.value, self.unknown + 1)
        return Amount(self.value + value, self.unknown)

    def __str__(self) -> str:
        text = str(whole_number(self.value))
        if self.unknown:
            foods = "food" if self.unknown == 1 else "foods"
            return f"at least {text}; {self.unknown} {foods} unknown"
        return text


@dataclass(frozen=True)
class Totals:
    food_magnesium: Amount = field(default_factory=Amount)
    supplement_magnesium: Amount = field(default_factory=Amount)
    energy_kcal: Amount = field(default_factory=Amount)
    caffeine_mg: Amount = field(default_factory=Amount)
    potassium_mg: Amount = field(default_factory=Amount)
    phosphorus_mg: Amount = field(default_factory=Amount)
    sodium_mg: Amount = field(default_factory=Amount)
    foods: int = 0
    supplements: int = 0

    @property
    def magnesium_mg(self) -> float:
        """Food plus supplements (known parts): what the recommended intake is compared with."""
        return self.food_magnesium.value + self.supplement_magnesium.value

    @property
    def magnesium_at_least(self) -> bool:
        return self.food_magnesium.at_least or self.supplement_magnesium.at_least

    @property
    def is_empty(self) -> bool:
        return self.foods == 0 and self.supplements == 0


class _Adder:
    """Mutable accumulator behind `Totals`, so a day is summed in one pass."""

    def __init__(self):
        self.values = {name: 0.0 for name in ("food_magnesium", "supplement_magnesium", *NUTRIENTS)}
        self.unknown = dict.fromkeys(self.values, 0)
        self.foods = 0
        self.supplements = 0

    def _add(self, name: str, value: float | None) -> None:
        if value is None:
            self.unknown[name] += 1
        else:
            self.values[name] += value

    def add(self, entry: EntryValues) -> None:
        if entry.is_supplement:
            self.supplements += 1
            self._add("supplement_magnesium", entry.supplement_mg)
            return
        self.foods += 1
        self._add("food_magnesium", entry.magnesium_mg)
        for name in NUTRIENTS:
            self._add(name, getattr(entry, name))

    def totals(self) -> Totals:
        amounts = {name: Amount(self.values[name], self.unknown[name]) for name in self.values}
        return Totals(**amounts, foods=self.foods, supplements=self.supplements)


@dataclass(frozen=True)
class DayTotals:
    day: int
    planned: Totals
    eaten: Totals
    past: bool = False
    entries: int = 0
    ticked: int = 0  # entries ticked eaten or skipped

    @property
    def counts_eaten(self) -> bool:
        """A past day where something was ticked: its figures are what was eaten."""
        return self.past and self.ticked > 0

    @property
    def nothing_ticked(self) -> bool:
        """A past day with entries of which none was ticked: its figures are what was planned."""
        return self.past and self.entries > 0 and self.ticked == 0

    @property
    def counted_kind(self) -> str:
        """ "eaten" or "planned": which totals `counted` is."""
        return "eaten" if self.counts_eaten else "planned"

    @property
    def counted(self) -> Totals:
        """What the day's figures use: eaten for past days where anything was ticked, planned otherwise."""
        return self.eaten if self.counts_eaten else self.planned


@dataclass(frozen=True)
class WeekTotals:
    days: tuple[DayTotals, ...]

    @property
    def days_with_entries(self) -> int:
        """How many of the week's days hold anything: the days an average is taken over."""
        return sum(1 for d in self.days if d.entries)

    @property
    def average_magnesium_mg(self) -> float | None:
        """Magnesium a day (food + supplements) over the days that hold anything; None for an empty week.
        An empty day is not a day of 0 mg: one planned day of 350 mg averages 350, not 50 (issue 18)."""
        days = [d for d in self.days if d.entries]
        return sum(d.counted.magnesium_mg for d in days) / len(days) if days else None

    @property
    def magnesium_at_least(self) -> bool:
        return any(d.counted.magnesium_at_least for d in self.days)

    @property
    def unknown_foods(self) -> int:
        return sum(d.counted.food_magnesium.unknown for d in self.days)

    @property
    def is_empty(self) -> bool:
        return all(d.entries == 0 for d in self.days)


def day_totals(entries: Iterable[EntryValues], *, day: int, past: bool = False) -> DayTotals:
    """Totals of one day's entries (entries of other days are ignored)."""
    planned, eaten, count, ticked = _Adder(), _Adder(), 0, 0
    for entry in entries:
        if entry.day != day:
            continue
        count += 1
        planned.add(entry)
        if entry.status == "eaten":
            eaten.add(entry)
        if entry.status != "planned":
            ticked += 1
    return DayTotals(day=day, planned=planned.totals(), eaten=eaten.totals(), past=past, entries=count, ticked=ticked)


def week_totals(entries: Iterable[EntryValues], *, past_days: int = 0) -> WeekTotals:
    """Totals for days 0..6 in one pass; the first `past_days` days count what was eaten (when ticked)."""
    planned = [_Adder() for _ in range(DAYS)]
    eaten = [_Adder() for _ in range(DAYS)]
    counts = [0] * DAYS
    ticked = [0] * DAYS
    for entry in entries:
        if not 0 <= entry.day < DAYS:
            raise ValueError(f"Day {entry.day} is outside the week (0 to 6).")
        counts[entry.day] += 1
        planned[entry.day].add(entry)
        if entry.status == "eaten":
            eaten[entry.day].add(entry)
        if entry.status != "planned":
            ticked[entry.day] += 1
    return WeekTotals(
        days=tuple(
            DayTotals(
                day=d,
                planned=planned[d].totals(),
                eaten=eaten[d].totals(),
                past=d < past_days,
                entries=counts[d],
                ticked=ticked[d],
            )
            for d in range(DAYS)
        )
    )
