"""A food's figures as the lists print them (plain Python, no Django), worked out once per row in the view.

They give exactly what the templates' floatformat filter gives (half up, from the shortest decimal that
reads back as the same float; "." as the decimal mark and no thousands separator, as this site's
settings format numbers), at a tenth of its cost: a keystroke's results print about a hundred figures.
"""

from decimal import ROUND_HALF_UP, Decimal

_ONE = Decimal(1)
_TENTH = Decimal("0.1")


def whole(value: float) -> str:
    """floatformat:"0": rounded half up to a whole number, "2.5" -> "3"."""
    return str(int(Decimal(repr(float(value))).quantize(_ONE, rounding=ROUND_HALF_UP)))


def tenths(value: float) -> str:
    """floatformat:"-1": a whole number as it is ("79"), any other with one decimal, rounded half up
    ("2.45" -> "2.5", "0.04" -> "0.0")."""
    exact = Decimal(repr(float(value)))
    if exact == exact.to_integral_value():
        return str(int(exact))
    rounded = exact.quantize(_TENTH, rounding=ROUND_HALF_UP)
    return str(rounded if rounded else abs(rounded))  # floatformat shows no "-0.0"
