"""The insights charts: gaps stay gaps, labels are escaped, no inline styles, numbers said in words."""

import re

from diary.charts import Point, chart_svg


def test_a_day_with_no_value_draws_nothing_and_breaks_the_line():
    points = [Point("1 Nov", 2), Point("2 Nov", 4), Point("3 Nov", None), Point("4 Nov", 6), Point("5 Nov", 8)]
    svg = chart_svg(points, chart_id="t", title="Score", unit="points", kind="line", top=10)
    assert svg.count("<circle") == 4
    assert svg.count("<polyline") == 2  # two runs of days, not one line bridging the gap
    assert "3 Nov: no value" in svg


def test_bars_scale_to_the_top_and_zero_is_a_real_bar_of_no_height():
    svg = chart_svg([Point("a", 0), Point("b", 100), Point("c", None)], chart_id="m", title="Mg", unit="mg")
    heights = [float(h) for h in re.findall(r'<rect[^>]* height="([0-9.]+)"', svg)]
    assert heights[0] == 0 and heights[1] > 0 and len(heights) == 2
    assert "a: 0 mg" in svg and "c: no value" in svg


def test_planned_days_are_marked_by_class_and_in_words():
    svg = chart_svg([Point("a", 300, css="planned"), Point("b", 200, css="eaten")], chart_id="m", title="Mg", unit="mg")
    assert 'class="mark bar planned"' in svg and "a: 300 mg (planned)" in svg


def test_no_inline_styles_and_text_is_escaped():
    svg = chart_svg([Point("<b>", 1)], chart_id="x", title="A & B", unit="mg")
    assert "style=" not in svg and "<b>" not in svg and "&lt;b&gt;" in svg and "A &amp; B" in svg
    assert 'aria-labelledby="x-title x-desc"' in svg
