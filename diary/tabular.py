"""The diary's only pandas module: weekly averages for the insights page, and CSV/XLSX exports.

Records come in as plain dicts (one per calendar day, None where there is no value), so the rest of
the app never touches pandas.
"""

import datetime
import io
from dataclasses import dataclass

import pandas as pd

from foods.tabular import neutralise_formula_cells
from mealplanner.tabular import rounded

MEASURES = ("symptom_score", "hours_slept", "sleep_quality", "magnesium_mg", "caffeine_mg")
FORMATS = ("csv", "xlsx")
EXPORT_COLUMNS = (
    "date",
    "symptom_score",
    "sleep_disturbed",
    "hours_slept",
    "sleep_quality",
    "caffeine_mg",
    "exercise_minutes",
    "habits_kept",
    "notes",
    "magnesium_mg",
    "magnesium_from",
)


@dataclass(frozen=True)
class WeekRow:
    start: datetime.date
    end: datetime.date
    diary_days: int  # days with a diary entry
    intake_days: int  # days with magnesium from a plan
    symptom_score: float | None
    hours_slept: float | None
    sleep_quality: float | None
    magnesium_mg: float | None
    caffeine_mg: float | None


def _value(number) -> float | None:
    return None if pd.isna(number) else float(number)


def weekly_averages(records: list[dict], *, start: datetime.date, weeks: int) -> list[WeekRow]:
    """Mean of each measure over the known days of each 7-day block from `start`.

    A day with no value is left out of that week's mean (never counted as zero); a week with no known
    value at all gives None. Days outside the `weeks` blocks are ignored.
    """
    frame = pd.DataFrame.from_records(records, columns=["date", *MEASURES])
    frame = frame.astype({m: "float64" for m in MEASURES})
    offsets = pd.Series([(d - start).days for d in frame["date"]], index=frame.index, dtype="int64")
    frame["week"] = offsets // 7
    frame = frame[(offsets >= 0) & (frame["week"] < weeks)]
    grouped = frame.groupby("week")
    means = grouped[list(MEASURES)].mean().reindex(range(weeks))
    counts = grouped[["symptom_score", "magnesium_mg"]].count().reindex(range(weeks)).fillna(0)
    rows = []
    for week in range(weeks):
        first = start + datetime.timedelta(days=7 * week)
        rows.append(
            WeekRow(
                start=first,
                end=first + datetime.timedelta(days=6),
                diary_days=int(counts.loc[week, "symptom_score"]),
                intake_days=int(counts.loc[week, "magnesium_mg"]),
                **{m: _value(means.loc[week, m]) for m in MEASURES},
            )
        )
    return rows


def diary_dataframe(records: list[dict]) -> pd.DataFrame:
    """Export rows (days with a diary entry) in EXPORT_COLUMNS order, numbers as numbers."""
    frame = pd.DataFrame.from_records(records, columns=list(EXPORT_COLUMNS))
    # Hours keep two decimals; scores, minutes and milligrams are whole numbers, as the diary pages show them
    # (a day's magnesium summed from a plan would otherwise carry float noise such as 176.00000000000003).
    for column in ("symptom_score", "sleep_quality", "caffeine_mg", "exercise_minutes", "magnesium_mg"):
        frame[column] = pd.array([rounded(v) for v in frame[column]], dtype="Int64")
    frame["hours_slept"] = pd.array([rounded(v, 2) for v in frame["hours_slept"]], dtype="Float64")
    frame["date"] = frame["date"].map(lambda d: d.isoformat())
    return frame


def diary_table_bytes(records: list[dict], fmt: str) -> bytes:
    """The diary as CSV or XLSX bytes; text cells cannot run as spreadsheet formulas."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown table format {fmt!r}")
    frame = neutralise_formula_cells(diary_dataframe(records))
    if fmt == "csv":
        return frame.to_csv(index=False).encode("utf-8")
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, index=False, sheet_name="Diary")
    return buffer.getvalue()
