"""The week chart: a plain SVG string with bars, a target line and words for screen readers."""

import re

from mealplanner.charts import ChartDay, week_chart_svg

DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def chart(values, target=320, supplements=None):
    supplements = supplements or [0] * len(values)
    return week_chart_svg(
        [ChartDay(label=d, food_mg=v, supplement_mg=s) for d, v, s in zip(DAYS, values, supplements, strict=True)],
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
    assert re.search(r'class="target-label"[^>]*><tspan>target</tspan><tspan[^>]*>320</tspan>', svg)
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


def test_the_target_label_fits_inside_the_chart_at_the_phone_font_size():
    from mealplanner.charts import FONT, WIDTH

    svg = chart([100, 0, 0, 0, 0, 0, 0], target=320)
    x = float(re.search(r'class="target-label" x="([\d.]+)"', svg).group(1))
    # The longest line is "target": 6 letters, at most ~0.6 em each.
    assert x + 6 * 0.6 * FONT <= WIDTH


def test_a_value_label_just_under_the_target_is_not_crossed_by_the_target_line():
    from mealplanner.charts import FONT

    for value in (290, 300, 310, 319):  # bars ending just below the 320 mg line
        svg = chart([value, 0, 0, 0, 0, 0, 0], target=320)
        line_y = float(re.search(r'class="target-line"[^>]* y1="([\d.]+)"', svg).group(1))
        label_y = float(re.search(r'class="bar-value"[^>]* y="([\d.]+)"', svg).group(1))
        bar_top = float(re.search(r'class="bar bar-food"[^>]* y="([\d.]+)"', svg).group(1))
        assert not label_y - FONT <= line_y <= label_y + 1, value  # the text box does not straddle the line
        assert label_y <= bar_top  # and it still sits above its bar
