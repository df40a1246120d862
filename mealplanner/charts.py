"""A small server-rendered SVG bar chart of magnesium per day against the target (plain Python).

No inline `style` attributes (the Content Security Policy forbids them): colours come from classes in
static/css/planner.css; geometry uses SVG attributes, which the policy allows.
"""

from dataclasses import dataclass
from html import escape

from mealplanner.nutrition.numbers import whole_number

WIDTH, HEIGHT = 380, 170
# The right margin holds the target's label, on two short lines ("target" over "320") so it fits even at
# the phone font size (planner.css: up to 15 px in viewBox units, "target" ~50 units wide).
LEFT, RIGHT, TOP, BOTTOM = 34, 62, 16, 24
FONT = 15  # the largest font size planner.css gives the chart's text, in viewBox units


@dataclass(frozen=True)
class ChartDay:
    label: str  # "Mon"
    food_mg: float
    supplement_mg: float = 0.0
    at_least: bool = False  # some foods have no magnesium value


def _scale_max(days: list[ChartDay], target: float) -> float:
    top = max([target * 1.25, *(d.food_mg + d.supplement_mg for d in days), 1.0])
    # Round up to a tidy 100 mg so the axis labels are whole numbers.
    return float(-(-top // 100) * 100)


def _value_y(baseline: float, target_y: float | None) -> float:
    """Where a bar's value label sits: just above the bar, unless the target line would cross the text;
    then just above the line (the bar ends below it then, so the label still clears the bar)."""
    if target_y is not None and baseline - FONT <= target_y <= baseline + 2:
        return target_y - 3
    return baseline


def week_chart_svg(days: list[ChartDay], *, target_mg: float, title: str = "Magnesium per day") -> str:
    """An accessible SVG: bars of food (and supplement, stacked) per day, a dashed target line, a title
    and a description that says the numbers in words for screen readers."""
    top = _scale_max(days, target_mg)
    plot_h = HEIGHT - TOP - BOTTOM
    plot_w = WIDTH - LEFT - RIGHT
    slot = plot_w / max(len(days), 1)
    bar_w = slot * 0.6

    def y_of(mg: float) -> float:
        return TOP + plot_h - (mg / top) * plot_h

    parts = []
    described = []
    for i, day in enumerate(days):
        x = LEFT + i * slot + (slot - bar_w) / 2
        food_top = y_of(day.food_mg)
        food_h = TOP + plot_h - food_top
        parts.append(
            f'<rect class="bar bar-food" x="{x:.1f}" y="{food_top:.1f}" width="{bar_w:.1f}" height="{food_h:.1f}"/>'
        )
        if day.supplement_mg > 0:
            supp_top = y_of(day.food_mg + day.supplement_mg)
            parts.append(
                f'<rect class="bar bar-supplement" x="{x:.1f}" y="{supp_top:.1f}" width="{bar_w:.1f}" '
                f'height="{food_top - supp_top:.1f}"/>'
            )
        total = day.food_mg + day.supplement_mg
        mark = "≥" if day.at_least else ""
        value_y = _value_y(y_of(total) - 2, y_of(target_mg) if target_mg > 0 else None)
        parts.append(
            f'<text class="bar-value" x="{x + bar_w / 2:.1f}" y="{value_y:.1f}" text-anchor="middle">{mark}{whole_number(total)}</text>'
        )
        parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{HEIGHT - 6}" text-anchor="middle">{escape(day.label)}</text>')
        supp = f" ({whole_number(day.supplement_mg)} mg from supplements)" if day.supplement_mg > 0 else ""
        described.append(f"{day.label} {'at least ' if day.at_least else ''}{whole_number(total)} mg{supp}")

    axis = [
        f'<line class="axis" x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}"/>',
        f'<text x="{LEFT - 4}" y="{TOP + plot_h}" text-anchor="end">0</text>',
        f'<text x="{LEFT - 4}" y="{TOP + 4}" text-anchor="end">{top:.0f}</text>',
    ]
    desc = "; ".join(described) + "."
    if target_mg > 0:  # no target (e.g. no age in the profile yet): no line
        target_y = y_of(target_mg)
        axis += [
            f'<line class="target-line" x1="{LEFT}" y1="{target_y:.1f}" x2="{WIDTH - RIGHT}" y2="{target_y:.1f}"/>',
            f'<text class="target-label" x="{WIDTH - RIGHT + 3}" y="{target_y - 1:.1f}" text-anchor="start">'
            f'<tspan>target</tspan><tspan x="{WIDTH - RIGHT + 3}" dy="{FONT - 2}">{whole_number(target_mg)}</tspan></text>',
        ]
        desc = f"Target {whole_number(target_mg)} mg a day. " + desc
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="chart-title chart-desc">'
        f'<title id="chart-title">{escape(title)}</title><desc id="chart-desc">{escape(desc)}</desc>'
        + "".join(axis)
        + "".join(parts)
        + "</svg>"
    )
