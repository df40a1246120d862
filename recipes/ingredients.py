"""Ingredient lines ("1½ cups milk", "200 g tofu", "a pinch of salt") read into amount, unit and food words
(plain Python, no Django).

The parser is small on purpose: it reads the amount and the kitchen unit at the start of a line and leaves the
rest as the words to look a food up by. Units are converted with pint (offline) to grams (mass) or millilitres
(volume); anything else (a pinch, a clove, "3 eggs") needs one of the food's portions, and when none fits the
amount stays unconverted for the person to give in grams: nothing is guessed silently.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

# Kitchen words -> the one spelling this module uses. Mass and volume units also name a pint unit.
MASS_UNITS = {"g": "gram", "kg": "kilogram", "mg": "milligram", "oz": "ounce", "lb": "pound"}
VOLUME_UNITS = {
    "ml": "milliliter",
    "l": "liter",
    "dl": "deciliter",
    "cl": "centiliter",
    "cup": "cup",
    "tbsp": "tablespoon",
    "tsp": "teaspoon",
    "fl oz": "fluid_ounce",
    "pint": "pint",
    "quart": "quart",
    "gallon": "gallon",
}
# Units with no fixed size: only a food's portion of the same name turns them into grams.
COUNT_UNITS = (
    "pinch",
    "dash",
    "clove",
    "slice",
    "can",
    "piece",
    "handful",
    "bunch",
    "stalk",
    "leaf",
    "sprig",
    "large",
    "medium",
    "small",
    "serving",
    "bar",
    "scoop",
    "packet",
    "stick",
)

UNIT_ALIASES = {
    "g": "g",
    "gram": "g",
    "grams": "g",
    "gr": "g",
    "gramme": "g",
    "grammes": "g",
    "kg": "kg",
    "kgs": "kg",
    "kilogram": "kg",
    "kilograms": "kg",
    "kilo": "kg",
    "kilos": "kg",
    "mg": "mg",
    "milligram": "mg",
    "milligrams": "mg",
    "oz": "oz",
    "ounce": "oz",
    "ounces": "oz",
    "lb": "lb",
    "lbs": "lb",
    "pound": "lb",
    "pounds": "lb",
    "ml": "ml",
    "millilitre": "ml",
    "millilitres": "ml",
    "milliliter": "ml",
    "milliliters": "ml",
    "l": "l",
    "litre": "l",
    "litres": "l",
    "liter": "l",
    "liters": "l",
    "dl": "dl",
    "decilitre": "dl",
    "decilitres": "dl",
    "deciliter": "dl",
    "deciliters": "dl",
    "cl": "cl",
    "centilitre": "cl",
    "centilitres": "cl",
    "centiliter": "cl",
    "centiliters": "cl",
    "cup": "cup",
    "cups": "cup",
    "c": "cup",
    "tbsp": "tbsp",
    "tbsps": "tbsp",
    "tbs": "tbsp",
    "tbl": "tbsp",
    "tablespoon": "tbsp",
    "tablespoons": "tbsp",
    "tsp": "tsp",
    "tsps": "tsp",
    "teaspoon": "tsp",
    "teaspoons": "tsp",
    "fl oz": "fl oz",
    "fl. oz": "fl oz",
    "fluid ounce": "fl oz",
    "fluid ounces": "fl oz",
    "pint": "pint",
    "pints": "pint",
    "pt": "pint",
    "quart": "quart",
    "quarts": "quart",
    "qt": "quart",
    "gallon": "gallon",
    "gallons": "gallon",
    "gal": "gallon",
    "pinch": "pinch",
    "pinches": "pinch",
    "dash": "dash",
    "dashes": "dash",
    "clove": "clove",
    "cloves": "clove",
    "slice": "slice",
    "slices": "slice",
    "can": "can",
    "cans": "can",
    "tin": "can",
    "tins": "can",
    "piece": "piece",
    "pieces": "piece",
    "handful": "handful",
    "handfuls": "handful",
    "bunch": "bunch",
    "bunches": "bunch",
    "stalk": "stalk",
    "stalks": "stalk",
    "leaf": "leaf",
    "leaves": "leaf",
    "sprig": "sprig",
    "sprigs": "sprig",
    "large": "large",
    "medium": "medium",
    "small": "small",
    "serving": "serving",
    "servings": "serving",
    "bar": "bar",
    "bars": "bar",
    "scoop": "scoop",
    "scoops": "scoop",
    "packet": "packet",
    "packets": "packet",
    "stick": "stick",
    "sticks": "stick",
}
# Two-word aliases are looked for first ("fl oz" before "fl").
_TWO_WORD_ALIASES = {k: v for k, v in UNIT_ALIASES.items() if " " in k}

VULGAR_FRACTIONS = {
    "½": 1 / 2,
    "⅓": 1 / 3,
    "⅔": 2 / 3,
    "¼": 1 / 4,
    "¾": 3 / 4,
    "⅕": 1 / 5,
    "⅖": 2 / 5,
    "⅗": 3 / 5,
    "⅘": 4 / 5,
    "⅙": 1 / 6,
    "⅚": 5 / 6,
    "⅛": 1 / 8,
    "⅜": 3 / 8,
    "⅝": 5 / 8,
    "⅞": 7 / 8,
}
WORD_NUMBERS = {
    "a": 1.0,
    "an": 1.0,
    "one": 1.0,
    "two": 2.0,
    "three": 3.0,
    "four": 4.0,
    "five": 5.0,
    "six": 6.0,
    "half": 0.5,
    "a half": 0.5,
}
# Words that say nothing about which food it is.
FILLER_WORDS = {
    "of",
    "a",
    "an",
    "the",
    "some",
    "about",
    "approx",
    "approximately",
    "roughly",
    "and",
    "or",
    "to",
    "taste",
    "for",
    "x",
}

_NUMBER = r"\d+(?:\.\d+)?|\.\d+"
_VULGAR = "[" + "".join(VULGAR_FRACTIONS) + "]"
# "1 1/2", "1/2", "1½", "½", "1.5"; then maybe a range ("2-3", "2 to 3"): the lower figure is kept, so a
# total is never overstated.
_AMOUNTS = (
    re.compile(r"^(?:(?P<whole>\d+)\s+)?(?P<num>\d+)\s*/\s*(?P<den>\d+)"),
    re.compile(rf"^(?P<whole>\d+)?\s*(?P<vulgar>{_VULGAR})"),
    re.compile(rf"^(?P<whole>{_NUMBER})"),
)
_RANGE_END = re.compile(rf"^\s*(?:-|–|to)\s*(?:(?:\d+\s+)?\d+\s*/\s*\d+|\d*\s*{_VULGAR}|{_NUMBER})")


@dataclass(frozen=True)
class ParsedLine:
    """One ingredient line read. `quantity` is None when the line gives no amount ("salt to taste");
    `unit` is None for a plain count ("3 eggs") or no amount; `food_words` are what to look the food up by;
    `note` is what followed a comma ("tofu, drained" -> "drained")."""

    text: str
    quantity: float | None
    unit: str | None
    food_words: tuple[str, ...]
    note: str = ""

    @property
    def food(self) -> str:
        return " ".join(self.food_words)


def _normalise(text: str) -> str:
    # NFKC turns "１" into "1" but also "½" into "1⁄2" (a fraction slash): read the vulgar fractions first.
    text = "".join(f" {c} " if c in VULGAR_FRACTIONS else c for c in text)
    text = unicodedata.normalize("NFKC", text).replace("\u2044", "/")
    return re.sub(r"\s+", " ", text).strip()


def _read_amount(text: str) -> tuple[float | None, str]:
    """The amount at the start of the text, and the rest."""
    lowered = text.lower()
    for words in sorted(WORD_NUMBERS, key=len, reverse=True):
        if lowered == words or lowered.startswith(words + " "):
            return WORD_NUMBERS[words], re.sub(r"^(?:a|an)\s+", "", text[len(words) :].strip(), flags=re.I)
    for pattern in _AMOUNTS:
        m = pattern.match(text)
        if m:
            break
    else:
        return None, text
    groups = m.groupdict()
    value = float(groups["whole"]) if groups.get("whole") else 0.0
    if groups.get("num"):
        if int(groups["den"]) == 0:
            return None, text
        value += int(groups["num"]) / int(groups["den"])
    elif groups.get("vulgar"):
        value += VULGAR_FRACTIONS[groups["vulgar"]]
    rest = text[m.end() :]
    range_end = _RANGE_END.match(rest)
    rest = rest[range_end.end() :] if range_end else rest
    return value, re.sub(r"^(?:a|an)\s+", "", rest.strip(), flags=re.I)


def _read_unit(text: str) -> tuple[str | None, str]:
    lowered = text.lower()
    for alias, unit in _TWO_WORD_ALIASES.items():
        if re.match(rf"{re.escape(alias)}\.?(?:\s|$)", lowered):
            return unit, text[len(alias) :].lstrip(".").strip()
    m = re.match(r"([a-z]+)\.?(?=[\s,(]|$)", lowered)
    if m and m[1] in UNIT_ALIASES:
        return UNIT_ALIASES[m[1]], text[m.end() :].lstrip(".").strip()
    # "200g tofu": the unit written against the number.
    return None, text


def food_words(text: str) -> tuple[str, ...]:
    """The words that name the food: lower case, letters only, filler words left out."""
    words = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text.lower())
    return tuple(w for w in words if w not in FILLER_WORDS)


def parse_line(line: str) -> ParsedLine:
    text = _normalise(line)
    text = re.sub(r"^[-*•·]\s*", "", text)  # a list bullet
    quantity, rest = _read_amount(text)
    unit = None
    if quantity is not None:
        # "200g": split the unit off the number it was written against.
        unit, rest = _read_unit(rest)
    # "1 can (400 g) chickpeas": a mass in brackets after a count is the amount to use.
    bracket = re.match(r"^\(([^)]*)\)\s*", rest)
    if bracket:
        rest = rest[bracket.end() :]
        inner_quantity, inner_rest = _read_amount(bracket[1].strip())
        inner_unit, _ = _read_unit(inner_rest) if inner_quantity else (None, "")
        if inner_quantity is not None and unit_kind(inner_unit) == "mass" and unit_kind(unit) is None:
            # "(400 g) chickpeas" has no count before the bracket: one of it.
            quantity, unit = (1 if quantity is None else quantity) * inner_quantity, inner_unit
    rest = re.sub(r"^of\s+", "", rest, flags=re.I)
    name, _, note = rest.partition(",")
    return ParsedLine(text=line.strip(), quantity=quantity, unit=unit, food_words=food_words(name), note=note.strip())


def parse_lines(text: str) -> list[ParsedLine]:
    """Each non-empty line of a pasted ingredient list."""
    return [parse_line(line) for line in text.splitlines() if line.strip()]


# ------------------------------------------------------------------------------------------ unit conversion


@cache
def _registry():
    import pint  # about half a second to load its definitions: only when a unit is converted

    return pint.UnitRegistry()


def unit_kind(unit: str | None) -> str | None:
    """ "mass", "volume", or None (a count, or no unit)."""
    if unit in MASS_UNITS:
        return "mass"
    if unit in VOLUME_UNITS:
        return "volume"
    return None


def to_grams(quantity: float, unit: str | None) -> float | None:
    """A mass in grams; None when the unit is not a mass."""
    if unit not in MASS_UNITS:
        return None
    ureg = _registry()
    return float(ureg.Quantity(quantity, MASS_UNITS[unit]).to("gram").magnitude)


def to_millilitres(quantity: float, unit: str | None) -> float | None:
    """A volume in millilitres (US cups and spoons, as USDA's portions are); None when not a volume."""
    if unit not in VOLUME_UNITS:
        return None
    ureg = _registry()
    return float(ureg.Quantity(quantity, VOLUME_UNITS[unit]).to("milliliter").magnitude)


# ------------------------------------------------------------------------------------------ portions


@dataclass(frozen=True)
class PortionAmount:
    """A portion label ("1 cup, chopped", "0.5 cup", "1 large") read: how many of which unit."""

    quantity: float
    unit: str | None
    words: tuple[str, ...]


def read_portion_label(label: str) -> PortionAmount | None:
    parsed = parse_line(label)
    if parsed.quantity is None or parsed.quantity <= 0:
        return None
    return PortionAmount(parsed.quantity, parsed.unit, parsed.food_words + food_words(parsed.note))


@dataclass(frozen=True)
class GramsMatch:
    """An amount in grams and how it was found: "unit" (a mass), or "portion" (through `portion_index`,
    the position in the portions given). grams is None when nothing converts it."""

    grams: float | None
    how: str
    portion_index: int | None = None


def _overlap(words: tuple[str, ...], line: ParsedLine) -> int:
    return len(set(words) & set(line.food_words + food_words(line.note)))


SIZES = {"large", "medium", "small"}


def _counts(amount: PortionAmount, line: ParsedLine) -> bool:
    """Whether a portion is one of the thing a plain count counts: a size ("1 large", "1 extra large") or
    a portion named by the line's own words ("1 fillet" for "2 salmon fillets"); not "1 cubic inch"."""
    if amount.unit in SIZES:
        return True
    words = set(amount.words)
    line_words = set(line.food_words) | {w.rstrip("s") for w in line.food_words}
    return amount.unit is None and bool(words & SIZES or words & line_words)


def grams_for(line: ParsedLine, portions: list[tuple[str, float]]) -> GramsMatch:
    """Grams for a parsed line through its unit (a mass) or one of the food's portions, given as
    (label, grams) in the food's order. A volume is scaled from a portion of any volume unit; a count or
    size ("3 eggs", "2 cloves", "1 large") needs a portion of that unit, or of no unit for a plain count."""
    if line.quantity is None or line.quantity <= 0:
        return GramsMatch(None, "no amount")
    if unit_kind(line.unit) == "mass":
        return GramsMatch(to_grams(line.quantity, line.unit), "unit")
    best: tuple[int, int] | None = None  # (score, index)
    factor = None
    for index, (label, grams) in enumerate(portions):
        amount = read_portion_label(label)
        if amount is None or not grams or grams <= 0:
            continue
        ratio = None
        if line.unit is not None and amount.unit == line.unit:
            ratio, score = line.quantity / amount.quantity, 3
        elif unit_kind(line.unit) == "volume" and unit_kind(amount.unit) == "volume":
            line_ml, portion_ml = to_millilitres(line.quantity, line.unit), to_millilitres(amount.quantity, amount.unit)
            if line_ml is not None and portion_ml is not None:
                ratio = line_ml / portion_ml
            score = 2
        elif line.unit is None and _counts(amount, line):
            # A plain count: the food's own sized portion, "medium" first as the everyday size.
            ratio, score = line.quantity / amount.quantity, 1 + (amount.unit == "medium")
        if ratio is None:
            continue
        key = (score * 100 + _overlap(amount.words, line), -index)
        if best is None or key > best:
            best, factor = key, ratio * grams
    if best is None:
        return GramsMatch(None, "no portion")
    return GramsMatch(factor, "portion", -best[1])
