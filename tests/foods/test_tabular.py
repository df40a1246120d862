"""foods.tabular: formula neutralising (shared with other apps) and reading food tables."""

import pandas as pd
import pytest

from foods.tabular import TableError, neutralise_formula_cells, read_food_table


def test_cells_a_spreadsheet_would_run_get_a_leading_quote():
    df = pd.DataFrame(
        {
            "text": ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", "plain", "a=b"],
            "amount": [-5, 1, 2, 3, 4, 5, 6, 7.5],
        }
    )
    out = neutralise_formula_cells(df)
    assert list(out["text"]) == ["'=1+1", "'+SUM(A1)", "'-2+3", "'@cmd", "'\tx", "'\rx", "plain", "a=b"]
    assert list(out["amount"]) == [-5, 1, 2, 3, 4, 5, 6, 7.5]  # numbers stay numbers, even negative
    assert out["amount"].dtype == df["amount"].dtype
    assert df["text"][0] == "=1+1"  # the caller's frame is left alone


def test_mixed_columns_keep_their_numbers():
    out = neutralise_formula_cells(pd.DataFrame({"mixed": ["=x", 3, None]}))
    assert list(out["mixed"])[:2] == ["'=x", 3]


def test_a_neutralised_cell_imports_back_as_written(tmp_path):
    path = tmp_path / "foods.csv"
    path.write_text("name,food_group\n'=cake,'-baked\n'plain quote,G\n", encoding="utf-8")
    rows, errors = read_food_table(path)
    assert errors == []
    assert [(r.name, r.food_group) for r in rows] == [("=cake", "-baked"), ("'plain quote", "G")]


def test_a_missing_required_column_is_named(tmp_path):
    path = tmp_path / "foods.csv"
    path.write_text("name,magnesium_mg\nX,5\n", encoding="utf-8")
    with pytest.raises(TableError, match="missing column\\(s\\): food_group"):
        read_food_table(path)


def test_other_file_types_are_refused(tmp_path):
    with pytest.raises(TableError, match=r"\.csv or \.xlsx"):
        read_food_table(tmp_path / "foods.ods")


def test_a_file_that_is_not_a_spreadsheet_is_refused_not_crashed(tmp_path):
    path = tmp_path / "foods.xlsx"
    path.write_bytes(b"not really a workbook")
    with pytest.raises(TableError, match="cannot be read"):
        read_food_table(path)


def test_blank_rows_are_ignored_and_row_numbers_match_the_spreadsheet(tmp_path):
    path = tmp_path / "foods.csv"
    path.write_text("name,food_group,magnesium_mg\nA,G,1\n,,\nB,G,x\n", encoding="utf-8")
    rows, errors = read_food_table(path)
    assert [r.name for r in rows] == ["A", "B"]
    assert errors == ["row 4: magnesium_mg: 'x' is not a number"]


def test_nan_and_infinity_are_not_numbers(tmp_path):
    path = tmp_path / "foods.csv"
    path.write_text("name,food_group,magnesium_mg,fat_g\nA,G,nan,inf\n", encoding="utf-8")
    _, errors = read_food_table(path)
    assert errors == ["row 2: magnesium_mg: 'nan' is not a number", "row 2: fat_g: 'inf' is not a number"]


def test_a_row_cut_short_is_reported_not_read_as_unknown(tmp_path):
    path = tmp_path / "foods.csv"
    path.write_text("name,food_group,magnesium_mg\nA,G,1\n\nB,G\n", encoding="utf-8")
    rows, errors = read_food_table(path)
    assert [r.name for r in rows] == ["A"]
    assert errors == ["row 4: has 2 of the 3 columns (is the file cut short?)"]  # the blank row 3 still counts


def test_dates_and_flags_keep_their_types():
    df = pd.DataFrame({"day": pd.to_datetime(["2026-01-05"]), "ok": [True], "note": pd.Series(["=x"], dtype="string")})
    out = neutralise_formula_cells(df)
    assert out["day"].dtype == df["day"].dtype and out["ok"].dtype == bool
    assert out["note"][0] == "'=x"
