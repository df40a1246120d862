"""The week chart: a plain SVG string with bars, a target line and words for screen readers."""

import re

from mealplanner.charts import ChartDay, week_chart_svg

DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def chart(values, target=320, supplements=None):
    supplements = supplements or [0] * len(values)
    return week_chart_svg(
        [ChartDay(label=d, food_mg=v, supplement_mg=s) for d, v, s in zip(DAYS, values, supplements)],
        target_mg=target,
    )


def heights(svg, cls="bar-food"):
    return [float(h) for h in re.findall(rf'class="bar {cls}"[^>]* height="([\d.]+)"', svg)]


def test_a_taller_bar_means_more_magnesium():
    food = heights(chart([100, 300, 0, 0, 0, 0, 0]))
    assert len(food) == 7
    assert food[1] > food[0] > food[2] == 0


def test_the_target_is_a_dashed_line_with_its_value_and_the_description_reads_each_day():
    svg = chart([100, 400, 0, 0, 0, 0, 0])
    assert 'class="target-line"' in svg
    assert "target 320" in svg
    assert "Mon 100 mg" in svg and "Tue 400 mg" in svg
    assert 'role="img"' in svg


def test_supplements_stack_on_top_of_food_and_never_use_inline_styles():
    svg = chart([200, 0, 0, 0, 0, 0, 0], supplements=[400, 0, 0, 0, 0, 0, 0])
    assert len(heights(svg, "bar-supplement")) == 1
    assert "style=" not in svg
    assert "Mon 600 mg (400 mg from supplements)" in svg


def test_a_day_far_over_the_target_still_fits_inside_the_chart():
    svg = chart([2500, 0, 0, 0, 0, 0, 0])
    ys = [float(y) for y in re.findall(r'<rect[^>]* y="(-?[\d.]+)"', svg)]
    assert min(ys) >= 0


def test_labels_are_escaped():
    svg = week_chart_svg([ChartDay(label="<b>", food_mg=1)], target_mg=320, title="a & b")
    assert "<b>" not in svg and "&lt;b&gt;" in svg and "a &amp; b" in svg
