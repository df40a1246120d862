"""Weekly averages (pandas) with gaps, and the export tables, against numbers worked by hand."""

import datetime
import io

import pandas as pd
import pytest

from diary.tabular import diary_table_bytes, weekly_averages

MONDAY = datetime.date(2026, 11, 2)


def day(n, **values):
    record = {
        "date": MONDAY + datetime.timedelta(days=n),
        "symptom_score": None,
        "hours_slept": None,
        "sleep_quality": None,
        "magnesium_mg": None,
        "caffeine_mg": None,
    }
    record.update(values)
    return record


def test_each_week_averages_only_its_known_days():
    records = [
        day(0, symptom_score=2, magnesium_mg=300, hours_slept=7),
        day(1, symptom_score=4, magnesium_mg=None, hours_slept=6),
        day(2),  # a missed day: left out, not counted as zero
        day(3, symptom_score=6, magnesium_mg=450, caffeine_mg=95),
        day(6, symptom_score=8, magnesium_mg=150),
        day(9, symptom_score=1, magnesium_mg=400, caffeine_mg=0),
    ]
    first, second, third = weekly_averages(records, start=MONDAY, weeks=3)
    # Week 1: scores 2, 4, 6, 8 -> 5; magnesium 300, 450, 150 -> 300; sleep 7, 6 -> 6.5; caffeine 95 alone.
    assert (first.start, first.end) == (MONDAY, MONDAY + datetime.timedelta(days=6))
    assert first.diary_days == 4 and first.intake_days == 3
    assert first.symptom_score == pytest.approx(5.0)
    assert first.magnesium_mg == pytest.approx(300.0)
    assert first.hours_slept == pytest.approx(6.5)
    assert first.caffeine_mg == pytest.approx(95.0)
    assert first.sleep_quality is None
    assert second.symptom_score == pytest.approx(1.0) and second.magnesium_mg == pytest.approx(400.0)
    assert second.caffeine_mg == pytest.approx(0.0)  # a real zero stays zero
    # A week with nothing recorded is a gap, not zeros.
    assert third.diary_days == 0 and third.symptom_score is None and third.magnesium_mg is None


def test_days_outside_the_period_are_ignored():
    records = [day(-1, symptom_score=10), day(0, symptom_score=2), day(7, symptom_score=10)]
    (only,) = weekly_averages(records, start=MONDAY, weeks=1)
    assert only.symptom_score == pytest.approx(2.0) and only.diary_days == 1


def test_no_records_give_empty_weeks():
    rows = weekly_averages([], start=MONDAY, weeks=4)
    assert len(rows) == 4 and all(r.symptom_score is None and r.diary_days == 0 for r in rows)


EXPORT = [
    {
        "date": MONDAY,
        "symptom_score": 6,
        "sleep_disturbed": "yes",
        "hours_slept": 5.5,
        "sleep_quality": 2,
        "caffeine_mg": 95,
        "exercise_minutes": None,
        "habits_kept": "A warm bath",
        "notes": '=HYPERLINK("x")',
        "magnesium_mg": 312.5,
        "magnesium_from": "eaten",
    }
]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_exports_keep_numbers_and_neutralise_formulas(fmt):
    data = diary_table_bytes(EXPORT, fmt)
    frame = pd.read_csv(io.BytesIO(data)) if fmt == "csv" else pd.read_excel(io.BytesIO(data))
    row = frame.iloc[0]
    assert row["date"] == "2026-11-02"
    # Milligrams whole, rounded half up as the insights page shows them (312.5 mg is 313); hours exact.
    assert row["symptom_score"] == 6 and row["hours_slept"] == 5.5 and row["magnesium_mg"] == 313
    assert pd.isna(row["exercise_minutes"])
    assert row["notes"].startswith("'=")


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError):
        diary_table_bytes(EXPORT, "ods")


def test_the_csv_carries_no_float_noise():
    noisy = [{**EXPORT[0], "magnesium_mg": 0.1 * 3 + 175.7, "caffeine_mg": 189.60000000000002, "hours_slept": 7.25}]
    text = diary_table_bytes(noisy, "csv").decode()
    row = pd.read_csv(io.StringIO(text)).iloc[0]
    assert row["magnesium_mg"] == 176 and row["caffeine_mg"] == 190 and row["hours_slept"] == 7.25
    assert ",176," in text and ",190," in text  # whole numbers, not 176.0 or 175.99999999999997
