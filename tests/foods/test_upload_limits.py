"""Issue 14, item 10: a CSV or XLSX over the stated size, unpacked size or cell count is refused with a message
before anything parses it, from `import_foods` and the admin's import page alike."""

import io
import zipfile
from io import StringIO
from unittest import mock

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from foods.models import Food

pytestmark = pytest.mark.django_db


def _workbook() -> bytes:
    book = openpyxl.Workbook()
    book.active.append(["name", "food_group", "magnesium_mg"])
    book.active.append(["Spinach, raw", "Vegetables", 79])  # SR28 11457
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _bomb() -> bytes:
    """A real workbook plus one part of 60 MB of spaces: about 60 KB on disk, 60 MB unpacked."""
    source, out = zipfile.ZipFile(io.BytesIO(_workbook())), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for part in source.infolist():
            bomb.writestr(part, source.read(part))
        bomb.writestr("xl/media/padding.xml", b" " * (60 * 1024 * 1024))
    return out.getvalue()


def _stated_dimension(ref: str) -> bytes:
    """A small workbook whose sheet says it spans `ref` (what a spreadsheet of that size would say)."""
    source, out = zipfile.ZipFile(io.BytesIO(_workbook())), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        for part in source.infolist():
            data = source.read(part)
            if part.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<dimension ref="A1:C2"/>', f'<dimension ref="{ref}"/>'.encode())
            book.writestr(part, data)
    return out.getvalue()


def _import(path):
    with (
        mock.patch("pandas.read_excel") as read_excel,
        mock.patch("pandas.read_csv") as read_csv,
        pytest.raises(CommandError) as refused,
    ):
        call_command("import_foods", str(path), stdout=StringIO(), stderr=StringIO())
    read_excel.assert_not_called()
    read_csv.assert_not_called()
    return str(refused.value)


def test_a_small_xlsx_that_unpacks_to_60_mb_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(_bomb())
    assert path.stat().st_size < 1024 * 1024
    assert "unpacks to 60 MB; at most 50 MB" in _import(path)
    assert Food.objects.count() == 0


def test_a_workbook_stating_millions_of_cells_is_refused(tmp_path):
    path = tmp_path / "huge.xlsx"
    path.write_bytes(_stated_dimension("A1:AF100000"))
    assert "3,200,000 cells; at most 500,000" in _import(path)


def test_a_csv_with_too_many_cells_is_refused(tmp_path):
    path = tmp_path / "huge.csv"
    path.write_text("name,food_group\n" + "x,y\n" * 260_000)
    assert "at most 500,000 are accepted" in _import(path)


def test_a_file_over_10_mb_is_refused(tmp_path):
    path = tmp_path / "big.csv"
    path.write_bytes(b"name,food_group\n" + b"#" * (11 * 1024 * 1024))
    assert "at most 10 MB" in _import(path)


def test_a_real_workbook_still_imports(tmp_path):
    path = tmp_path / "ok.xlsx"
    path.write_bytes(_workbook())
    call_command("import_foods", str(path), stdout=StringIO(), stderr=StringIO())
    assert Food.objects.get().magnesium_mg == 79


def test_the_admin_import_refuses_the_bomb_with_a_message(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser(username="sam", password="x" * 20))
    upload = SimpleUploadedFile("bomb.xlsx", _bomb(), content_type="application/octet-stream")
    with mock.patch("pandas.read_excel") as read_excel:
        response = client.post(reverse("admin:foods_food_import"), {"file": upload})
    read_excel.assert_not_called()
    assert response.status_code == 200 and "at most 50 MB is accepted" in response.content.decode()
    assert Food.objects.count() == 0


def test_an_sr28_zip_that_unpacks_to_over_200_mb_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "sr28.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as release:
        release.writestr("FOOD_DES.txt", "~01001~^~0100~^~Butter, salted~\n")
        with release.open("NUT_DATA.txt", "w", force_zip64=True) as padding:
            chunk = b"0" * (1024 * 1024)
            for _ in range(210):
                padding.write(chunk)
    assert path.stat().st_size < 2 * 1024 * 1024
    with mock.patch("foods.services.read_sr28") as read_sr28, pytest.raises(CommandError) as refused:
        call_command("import_foods", str(path), stdout=StringIO(), stderr=StringIO())
    read_sr28.assert_not_called()
    assert "unpacks to 210 MB; at most 200 MB" in str(refused.value)
