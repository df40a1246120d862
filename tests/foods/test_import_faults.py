"""`import_foods` given a broken or partly written file: a plain CommandError, and the database exactly as it was.

Each case first imports a good file, then tries the broken one, then compares every food and portion.
"""

import gzip
import io
import os
import zipfile
from io import StringIO

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from foods.models import Food, Portion
from tests.foods.test_import_foods import GOOD, SR28_FILES

pytestmark = pytest.mark.django_db

GARBAGE = bytes(range(256)) * 8 + os.urandom(1024)


def _snapshot():
    return (
        list(Food.objects.order_by("ndb_number").values()),
        list(Portion.objects.order_by("food__ndb_number", "seq").values("food__ndb_number", "label", "grams")),
    )


@pytest.fixture
def before(tmp_path):
    good = tmp_path / "good.csv"
    good.write_text(GOOD, encoding="utf-8")
    call_command("import_foods", str(good), stdout=StringIO(), stderr=StringIO())
    snapshot = _snapshot()
    assert len(snapshot[0]) == 2
    return snapshot


def _refused(path, match=None) -> str:
    err = StringIO()
    with pytest.raises(CommandError, match=match) as raised:
        call_command("import_foods", str(path), stdout=StringIO(), stderr=err)
    return str(raised.value) + err.getvalue()


def _sr28_bytes(name: str) -> bytes:
    return "".join(line + "\r\n" for line in SR28_FILES[name]).encode("latin-1")


def _zip(path, files: dict[str, bytes]):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


# A changed magnesium value, so a half-applied import would show.
CHANGED = GOOD.replace(",592,", ",600,")


def test_a_csv_cut_inside_the_portions_cell_is_refused(tmp_path, before):
    path = tmp_path / "cut.csv"
    path.write_text(CHANGED[: CHANGED.index("1 cup=30") + 5], encoding="utf-8")  # "... ,1 cup" then nothing
    assert "not written as label=grams" in _refused(path)
    assert _snapshot() == before


def test_a_csv_whose_last_row_stops_early_is_refused(tmp_path, before):
    path = tmp_path / "cut.csv"
    # The copy stopped after the food group of the last row: magnesium, protein and portions are missing.
    path.write_text(CHANGED[: CHANGED.index("Vegetables and Vegetable Products,") + 34] + "\n", encoding="utf-8")
    _refused(path)
    assert _snapshot() == before


def test_a_csv_cut_inside_a_quoted_name_is_refused_with_a_message(tmp_path, before):
    path = tmp_path / "cut.csv"
    path.write_text(CHANGED + '11090,"Broccoli, r', encoding="utf-8")
    message = _refused(path)
    assert "nothing was imported" in message or "cannot be read" in message
    assert _snapshot() == before


@pytest.mark.parametrize("name", ["noise.csv", "noise.xlsx", "noise.zip"])
def test_garbage_bytes_are_refused_with_a_message(tmp_path, before, name):
    path = tmp_path / name
    path.write_bytes(GARBAGE)
    message = _refused(path)
    assert name in message
    assert _snapshot() == before


def test_an_empty_file_is_refused(tmp_path, before):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    _refused(path, match="cannot be read")
    assert _snapshot() == before


def test_a_workbook_cut_in_half_is_refused(tmp_path, before):
    book = openpyxl.Workbook()
    book.active.append(["ndb_number", "name", "food_group", "magnesium_mg"])
    for n in range(200):
        book.active.append([f"9{n:04d}", f"Food {n}", "Group", n])
    buffer = io.BytesIO()
    book.save(buffer)
    path = tmp_path / "cut.xlsx"
    path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    _refused(path, match="cannot be read as a XLSX table")
    assert _snapshot() == before


def test_an_sr28_zip_without_nut_data_is_refused_by_name(tmp_path, before):
    files = {name: _sr28_bytes(name) for name in SR28_FILES if name != "NUT_DATA.txt"}
    message = _refused(_zip(tmp_path / "sr28asc.zip", files))
    assert "NUT_DATA.txt is missing" in message
    assert _snapshot() == before


def test_an_sr28_zip_cut_off_part_way_is_refused(tmp_path, before):
    files = {name: _sr28_bytes(name) * 50 for name in SR28_FILES}
    whole = _zip(tmp_path / "whole.zip", files).read_bytes()
    path = tmp_path / "sr28asc.zip"
    path.write_bytes(whole[: len(whole) * 2 // 3])  # the download stopped: no central directory
    _refused(path, match="not a USDA SR28 release")
    assert _snapshot() == before


def test_an_sr28_zip_with_a_damaged_member_is_refused(tmp_path, before):
    files = {name: _sr28_bytes(name) for name in SR28_FILES}
    files["NUT_DATA.txt"] = b"".join(_sr28_bytes("NUT_DATA.txt") for _ in range(20))
    path = tmp_path / "sr28asc.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    raw = bytearray(path.read_bytes())
    spot = raw.index(b"~11457~^~304~^79")  # inside the stored NUT_DATA.txt
    raw[spot + 15] = ord("8")  # 79 -> 89: the stored CRC no longer matches
    path.write_bytes(bytes(raw))
    _refused(path)
    assert _snapshot() == before


def test_an_sr28_folder_with_a_cut_off_gzipped_nut_data_is_refused(tmp_path, before):
    folder = tmp_path / "sr28"
    folder.mkdir()
    for name in SR28_FILES:
        if name != "NUT_DATA.txt":
            (folder / name).write_bytes(_sr28_bytes(name))
    packed = gzip.compress(_sr28_bytes("NUT_DATA.txt") * 50)
    (folder / "NUT_DATA.txt.gz").write_bytes(packed[: len(packed) // 2])
    _refused(folder)
    assert _snapshot() == before
