"""A plan's entries, daily totals and shopping list as CSV and XLSX: the only pandas module of this app.

The tables are built from `plan_week(plan)` (the same figures the plan page shows, never recomputed
here) and from the shopping selector. Text cells a spreadsheet would run as a formula are neutralised
with foods.tabular's `neutralise_formula_cells` (OWASP "CSV injection"); numbers stay numeric, and a
value USDA did not report stays an empty cell, never 0.
"""

from __future__ import annotations

import io
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd
from openpyxl.utils import get_column_letter

from foods.tabular import neutralise_formula_cells
from mealplanner.entry_amounts import entry_portion_label

LEVEL_WORDS = {"danger": "Danger", "caution": "Caution", "info": "Note"}

ENTRY_NUMBERS = (
    "Quantity",
    "Grams",
    "Magnesium (mg)",
    "Energy (kcal)",
    "Caffeine (mg)",
    "Potassium (mg)",
    "Phosphorus (mg)",
    "Sodium (mg)",
)
ENTRY_COLUMNS = (
    "Day",
    "Date",
    "Meal",
    "Status",
    "Kind",
    "Food or supplement",
    "NDB number",
    "Food group",
    "Portion",
    *ENTRY_NUMBERS,
)

TOTAL_KINDS = (("Planned", "planned"), ("Eaten", "eaten"))
TOTAL_NUMBERS = ("Target magnesium (mg)", "Energy goal (kcal)") + tuple(
    f"{word} {what}"
    for word, _ in TOTAL_KINDS
    for what in (
        "food magnesium (mg)",
        "supplement magnesium (mg)",
        "magnesium (mg)",
        "energy (kcal)",
        "caffeine (mg)",
        "foods without a magnesium figure",
    )
)
TOTAL_COLUMNS = ("Day", "Date", "Counted", *TOTAL_NUMBERS, "Findings")

SHOPPING_COLUMNS = ("Food group", "Food", "NDB number", "Amount", "Grams")

SOURCES = (
    "Nutrient values per 100 g and portion weights: USDA National Nutrient Database for Standard Reference, "
    "Release 28 (SR28); each food's NDB number is in the entries table.",
    "Magnesium targets and the supplement limit: NIH Office of Dietary Supplements, Magnesium Fact Sheet for "
    "Health Professionals (Tables 1 and 3).",
    "Not medical advice: ask your doctor before you change your diet or take supplements.",
)


# Amounts keep up to two decimals (a portion of 28.35 g stays 28.35 g); every other figure (mg, kcal) is a
# whole number, as the plan page shows it (floatformat:0), with no float noise such as 1565.9200000000003.
AMOUNT_COLUMNS = ("Quantity", "Grams")


def rounded(value, places: int = 0):
    """`value` rounded half up (as the page's floatformat does), or None when unknown."""
    if value is None or value != value:  # None or NaN: an unknown value stays an empty cell
        return None
    step = Decimal(1).scaleb(-places)
    number = Decimal(str(value)).quantize(step, rounding=ROUND_HALF_UP)
    return int(number) if places == 0 else float(number)


def _frame(records: list[dict], columns: tuple[str, ...], numbers: tuple[str, ...]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records, columns=list(columns))
    # None (unknown) becomes an empty cell; the column stays numeric ("Int64" holds whole numbers and gaps).
    for column in numbers:
        places = 2 if column in AMOUNT_COLUMNS else 0
        frame[column] = pd.array([rounded(v, places) for v in frame[column]], dtype="Float64" if places else "Int64")
    return frame


def entries_frame(week) -> pd.DataFrame:
    """One row per entry of the week (skipped ones too, with their status), in day and meal order."""
    records = []
    for day in week.days:
        for meal in day.meals:
            for ev in meal.entries:
                entry, values = ev.entry, ev.values
                food = entry.food
                records.append(
                    {
                        "Day": day.index + 1,
                        "Date": day.date.isoformat(),
                        "Meal": meal.label,
                        "Status": entry.get_status_display(),
                        "Kind": (ev.kind_word or "food").capitalize(),
                        "Food or supplement": ev.name,
                        "NDB number": (food.ndb_number or "") if food else "",
                        "Food group": food.food_group if food else "",
                        "Portion": entry_portion_label(entry)
                        or ("unit" if ev.is_supplement else "serving" if ev.is_recipe else "g"),
                        "Quantity": float(entry.quantity),
                        "Grams": ev.grams,
                        "Magnesium (mg)": ev.magnesium_mg,
                        "Energy (kcal)": values.energy_kcal,
                        "Caffeine (mg)": values.caffeine_mg,
                        "Potassium (mg)": values.potassium_mg,
                        "Phosphorus (mg)": values.phosphorus_mg,
                        "Sodium (mg)": values.sodium_mg,
                    }
                )
    return _frame(records, ENTRY_COLUMNS, ENTRY_NUMBERS)


def findings_text(findings) -> str:
    return "; ".join(f"{LEVEL_WORDS.get(f.level, f.level)}: {f.message}" for f in findings)


def totals_frame(week) -> pd.DataFrame:
    """One row per day: what was planned and what was eaten, with the day's target and findings."""
    records = []
    for day in week.days:
        record = {
            "Day": day.index + 1,
            "Date": day.date.isoformat(),
            # Days before today count what was eaten, later days what is planned (as the plan page does).
            "Counted": day.totals.counted_kind,
            "Target magnesium (mg)": week.target.mg or None,
            "Energy goal (kcal)": week.energy_goal[0] or None,
            "Findings": findings_text(day.findings),
        }
        for word, name in TOTAL_KINDS:
            totals = getattr(day.totals, name)
            record[f"{word} food magnesium (mg)"] = totals.food_magnesium.value
            record[f"{word} supplement magnesium (mg)"] = totals.supplement_magnesium.value
            record[f"{word} magnesium (mg)"] = totals.magnesium_mg
            record[f"{word} energy (kcal)"] = totals.energy_kcal.value
            record[f"{word} caffeine (mg)"] = totals.caffeine_mg.value
            record[f"{word} foods without a magnesium figure"] = totals.food_magnesium.unknown
        records.append(record)
    return _frame(records, TOTAL_COLUMNS, TOTAL_NUMBERS)


def shopping_frame(view) -> pd.DataFrame:
    records = [
        {
            "Food group": group.name,
            "Food": line.name,
            "NDB number": line.ndb_number,
            "Amount": line.amount_label,
            "Grams": line.grams,
        }
        for group in view.groups
        for line in group.lines
    ]
    return _frame(records, SHOPPING_COLUMNS, ("Grams",))


def about_frame(week) -> pd.DataFrame:
    rows = [
        ("Plan", week.plan.name),
        ("For", week.profile.name),
        ("Week", f"{week.days[0].date.isoformat()} to {week.days[-1].date.isoformat()}"),
    ]
    if week.target.mg:
        rows.append(("Magnesium target (mg a day)", str(week.target.mg)))
    if week.supplement_limit_mg:
        rows.append(("Supplement limit (mg a day)", f"{week.supplement_limit_mg:g}"))
    if week.plan.note:
        rows.append(("Note from the dietitian", week.plan.note))
    rows += [("Source", text) for text in SOURCES]
    return pd.DataFrame(rows, columns=["", "Value"])


def csv_bytes(frame: pd.DataFrame) -> bytes:
    # UTF-8 with a byte-order mark, so Excel shows "×" and accents correctly.
    return neutralise_formula_cells(frame).to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """A workbook with one sheet per table (sheet names at most 31 characters, as Excel requires)."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame = neutralise_formula_cells(frame)
            frame.to_excel(writer, index=False, sheet_name=name[:31])
            sheet = writer.sheets[name[:31]]
            for i, column in enumerate(frame.columns, start=1):
                longest = max([len(str(column)), *(len(str(v)) for v in frame[column].head(200))])
                sheet.column_dimensions[get_column_letter(i)].width = min(60, max(8, longest + 2))
            sheet.freeze_panes = "A2"
    return buffer.getvalue()
