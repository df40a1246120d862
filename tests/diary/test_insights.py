"""Pearson correlation and how it is worded: plain Python, checked against numbers worked by hand."""

import math

import pytest
from scipy import stats

from diary.insights import MIN_PAIRED_DAYS, correlate, paired, pearson

XS = [1, 2, 3, 4, 5, 6, 7]
YS = [2, 4, 5, 4, 5, 7, 8]
# By hand: means 4 and 5; dx = -3..3, dy = -3,-1,0,-1,0,2,3; sum dx*dy = 24, sum dx² = 28, sum dy² = 24.
HAND_R = 24 / math.sqrt(28 * 24)  # 0.9258


def test_pearson_matches_the_hand_worked_example():
    assert pearson(paired(XS, YS)) == pytest.approx(HAND_R)
    assert pearson(paired(XS, YS)) == pytest.approx(stats.pearsonr(XS, YS).statistic)


def test_days_with_a_gap_on_either_side_are_left_out():
    xs = [1, None, 2, 3, 4, 5, 6, 7, 9]
    ys = [2, 3, 4, 5, 4, 5, 7, 8, None]
    result = correlate(xs, ys, x_label="magnesium", y_label="the symptom score")
    assert result.days == 7
    assert result.r == pytest.approx(HAND_R)
    assert result.summary.startswith("r = 0.93 over 7 days: a strong link")


def test_fewer_than_seven_paired_days_give_no_number():
    result = correlate(XS[:6], YS[:6], x_label="caffeine", y_label="hours slept")
    assert MIN_PAIRED_DAYS == 7
    assert result.too_few_days and result.r is None
    assert "Too little data: only 6 days" in result.summary
    assert "r =" not in result.summary


def test_a_measure_that_never_changes_gives_no_number():
    result = correlate([300] * 8, [1, 2, 3, 4, 5, 6, 7, 8], x_label="magnesium", y_label="the symptom score")
    assert result.days == 8 and result.r is None
    assert "stayed the same" in result.summary


def test_a_falling_link_is_worded_as_lower():
    result = correlate(XS, [-y for y in YS], x_label="magnesium", y_label="the symptom score")
    assert result.r == pytest.approx(-HAND_R)
    assert "the symptom score tended to be lower" in result.summary


def test_series_of_different_lengths_are_refused():
    with pytest.raises(ValueError):
        paired([1, 2], [1])
