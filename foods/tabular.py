"""Foods to and from CSV and XLSX tables: the only place in the foods app that uses pandas.

Columns are the model's own field names (see COLUMNS). Yes/no facts read "yes", "no" or empty
(unknown); portions are one cell like "1 cup=30; 1 oz=28.35". Row numbers in reports are the row
numbers a spreadsheet shows: the header is row 1, the first food row 2.
"""

import csv
import io
import math
import zipfile
from pathlib import Path
from typing import IO

import pandas as pd
from openpyxl.utils.exceptions import InvalidFileException

from foods.models import DIET_FIELDS, MEAL_FIELDS, NUTRIENT_FIELDS, Portion
from foods.rows import CHOKING_FIELD, FoodRow, PortionRow, format_bool, format_portions, parse_bool, parse_portions
from foods.upload_limits import TableTooLarge, check_table_size

COLUMNS = (
    "ndb_number",
    "name",
    "food_group",
    *DIET_FIELDS,
    *MEAL_FIELDS,
    CHOKING_FIELD,
    *NUTRIENT_FIELDS,
    "portions",
    "default_portion",
)
FIELD_COLUMNS = COLUMNS[:-2]  # the Food model's own fields
REQUIRED = ("name", "food_group")
FORMATS = ("csv", "xlsx")

# A cell starting with one of these is run as a formula by Excel, LibreOffice or Google Sheets
# (OWASP "CSV injection"); a leading single quote makes it plain text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula_cells(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of `df` whose text cells cannot run as spreadsheet formulas; numbers stay numbers."""

    def neutralise(value):
        if isinstance(value, str) and value.startswith(FORMULA_STARTS):
            return "'" + value
        return value

    out = df.copy()
    for column in out.columns:
        # Only text-holding columns: number, bool and date columns keep their dtype untouched.
        if pd.api.types.is_object_dtype(out[column]) or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(neutralise)
    return out


def _restore_formula_cell(text: str) -> str:
    # Undo neutralise_formula_cells, so exported foods import back unchanged.
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


class TableError(ValueError):
    """The file cannot be read as a food table at all (wrong type, missing columns)."""


def table_format(path: Path | str) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise TableError(f"{Path(path).name}: expected a .csv or .xlsx file")
    return suffix


def _read_csv(path: Path) -> tuple[pd.DataFrame, list[int]]:
    """The CSV as text cells, and how many cells each record (header first) really has: pandas pads a
    short row with empty cells, which would turn a file cut off part way into "unknown" values."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")  # an older spreadsheet's export; every byte is a character
    widths = [len(record) for record in csv.reader(io.StringIO(text, newline=""))]
    # Blank lines are kept as empty rows so the row numbers stay those a spreadsheet shows.
    frame = pd.read_csv(io.StringIO(text, newline=""), dtype=str, keep_default_na=False, skip_blank_lines=False)
    return frame, widths


def _read_frame(path: Path) -> tuple[pd.DataFrame, list[int] | None]:
    fmt = table_format(path)
    try:
        check_table_size(path, fmt)  # before any parsing: a small file can unpack to gigabytes
    except TableTooLarge as error:
        raise TableError(str(error)) from error
    try:
        if fmt == "csv":
            return _read_csv(path)
        return pd.read_excel(path, dtype=object, engine="openpyxl"), None
    except (
        pd.errors.ParserError,
        pd.errors.EmptyDataError,
        ValueError,
        OSError,
        KeyError,
        csv.Error,
        zipfile.BadZipFile,
        InvalidFileException,
    ) as error:  # not a CSV, or not a real workbook
        raise TableError(f"{path.name}: cannot be read as a {fmt.upper()} table ({error})") from error


def _is_empty(value) -> bool:
    return (
        value is None
        or (isinstance(value, float) and math.isnan(value))
        or (isinstance(value, str) and not value.strip())
    )


def _text(value) -> str:
    if _is_empty(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _restore_formula_cell(str(value).strip())


def _number(value) -> float | None:
    if _is_empty(value):
        return None
    if isinstance(value, bool):
        raise ValueError
    number = float(str(value).strip()) if isinstance(value, str) else float(value)
    if not math.isfinite(number):
        raise ValueError
    return number


def _ndb(value) -> str | None:
    if _is_empty(value):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
        # A spreadsheet that stored the number as a number dropped its leading zeros (01001 -> 1001).
        return f"{int(value):05d}"
    return _text(value)


def read_food_table(path: Path | str) -> tuple[list[FoodRow], list[str]]:
    """FoodRows from a CSV or XLSX file, and every cell that could not be read (with its row number).

    Raises TableError when the file is not a food table at all.
    """
    path = Path(path)
    frame, widths = _read_frame(path)
    frame.columns = [str(c).strip() for c in frame.columns]
    unknown = [c for c in frame.columns if c not in COLUMNS]
    missing = [c for c in REQUIRED if c not in frame.columns]
    if missing or unknown:
        parts = []
        if missing:
            parts.append(f"missing column(s): {', '.join(missing)}")
        if unknown:
            parts.append(f"unknown column(s): {', '.join(unknown)}")
        raise TableError(f"{path.name}: {'; '.join(parts)}. Expected columns: {', '.join(COLUMNS)}")

    rows, errors = [], []
    for index, record in enumerate(frame.to_dict("records")):
        line = index + 2  # the header is row 1
        where = f"row {line}"
        if all(_is_empty(v) for v in record.values()):
            continue
        if widths and index + 1 < len(widths) and widths[index + 1] < len(frame.columns):
            errors.append(
                f"{where}: has {widths[index + 1]} of the {len(frame.columns)} columns (is the file cut short?)"
            )
            continue
        row = FoodRow(
            name=_text(record.get("name")),
            food_group=_text(record.get("food_group")),
            ndb_number=_ndb(record.get("ndb_number")),
            line=line,
        )
        for column in NUTRIENT_FIELDS:
            if column in record:
                try:
                    row.nutrients[column] = _number(record[column])
                except ValueError:
                    errors.append(f"{where}: {column}: {_text(record[column])!r} is not a number")
        for column in (*DIET_FIELDS, *MEAL_FIELDS):
            if column in record:
                try:
                    value = parse_bool(_text(record[column]) if isinstance(record[column], str) else record[column])
                except ValueError:
                    errors.append(f"{where}: {column}: {_text(record[column])!r} is not yes, no or empty")
                    continue
                (row.diet if column in DIET_FIELDS else row.meals)[column] = value
        if CHOKING_FIELD in record:
            try:
                value = record[CHOKING_FIELD]
                row.choking_hazard_under_4 = parse_bool(_text(value) if isinstance(value, str) else value)
            except ValueError:
                errors.append(f"{where}: {CHOKING_FIELD}: {_text(record[CHOKING_FIELD])!r} is not yes, no or empty")
        if "portions" in record:
            try:
                row.portions = parse_portions(_text(record["portions"]))
            except ValueError as error:
                errors.append(f"{where}: portions: {error}")
        if "default_portion" in record:
            row.default_portion = _text(record["default_portion"])
        rows.append(row)
    return rows, errors


def foods_dataframe(foods) -> pd.DataFrame:
    """A table of these foods (a queryset) in COLUMNS order: two queries however many foods."""
    foods = foods.order_by("name", "pk")
    records = list(foods.values("pk", *FIELD_COLUMNS))
    portions: dict[int, list[PortionRow]] = {}
    defaults: dict[int, str] = {}
    for food_id, label, grams, seq, is_default in (
        Portion.objects.filter(food__in=foods.values("pk"))
        .order_by("food_id", "seq", "id")
        .values_list("food_id", "label", "grams", "seq", "is_default")
    ):
        portions.setdefault(food_id, []).append(PortionRow(label, grams, seq))
        if is_default:
            defaults[food_id] = label
    for record in records:
        pk = record.pop("pk")
        record["portions"] = format_portions(portions.pop(pk, []))
        record["default_portion"] = defaults.get(pk, "")
        record["ndb_number"] = record["ndb_number"] or ""
        for column in (*DIET_FIELDS, *MEAL_FIELDS, CHOKING_FIELD):
            record[column] = format_bool(record[column])
    frame = pd.DataFrame.from_records(records, columns=list(COLUMNS))
    return frame.astype({column: "float64" for column in NUTRIENT_FIELDS})


def write_food_table(foods, target: Path | str | IO[bytes], fmt: str) -> None:
    """Write these foods as CSV or XLSX to a path or binary stream, formula cells neutralised."""
    if fmt not in FORMATS:
        raise TableError(f"unknown table format {fmt!r}")
    frame = neutralise_formula_cells(foods_dataframe(foods))
    if fmt == "csv":
        data = frame.to_csv(index=False).encode("utf-8")
        if hasattr(target, "write"):
            target.write(data)
        else:
            Path(target).write_bytes(data)
    else:
        with pd.ExcelWriter(target, engine="openpyxl") as writer:
            frame.to_excel(writer, index=False, sheet_name="Foods")
