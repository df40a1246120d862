"""How every figure the app shows is rounded: once, half up, from the exact sum (issue 13).

Python's round() and f"{x:.0f}" round half to even (904.5 gives 904) while the templates' floatformat rounds
half up (905): the same sum then read 904 in a finding and 905 on the card. Everything that shows a whole
number goes through `whole_number`, so one quantity has one number everywhere.
"""

import math
from decimal import ROUND_HALF_UP, Decimal


def whole_number(value: float) -> int:
    """`value` rounded half up to a whole number, as the templates' floatformat:0 shows it.

    repr() gives the shortest decimal that reads back as the same float, so 100.5 rounds to 101 and a sum
    such as 0.1 + 0.2 is not pushed over a half by binary noise."""
    value = float(value)
    if abs(value) < 1e12 and abs(abs(value % 1.0) - 0.5) > 1e-6:
        # Not near a half: the nearest whole number is the answer either way, without building a Decimal
        # (the plan page rounds hundreds of figures).
        return math.floor(value + 0.5)
    return int(Decimal(repr(float(value))).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def mg_text(value: float) -> str:
    """A whole number of milligrams with thousands separators: "1,750 mg"."""
    return f"{whole_number(value):,} mg"


def tenths(value: float) -> str:
    """What `value|floatformat:"-1"` shows, without the template machinery (a keystroke's results print about a
    hundred figures): a whole number as it is ("79"), any other with one decimal, rounded half up from its
    shortest decimal ("2.45" -> "2.5", "0.04" -> "0.0")."""
    exact = Decimal(repr(float(value)))
    if exact == exact.to_integral_value():
        return str(int(exact))
    rounded = exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return str(rounded if rounded else abs(rounded))  # floatformat shows no "-0.0"
