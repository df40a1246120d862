"""`manage.py export_foods`: CSV, XLSX and fixture out; export then import gives back the same foods."""

from io import StringIO

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.forms.models import model_to_dict

from foods.models import Food, Portion

pytestmark = pytest.mark.django_db


def make_foods():
    # SR28 NDB 12014 (592 mg Mg, 1 cup = 129 g) and a hand-added food with awkward text.
    seeds = Food.objects.create(
        name="Seeds, pumpkin and squash seed kernels, dried",
        food_group="Nut and Seed Products",
        ndb_number="12014",
        magnesium_mg=592,
        energy_kcal=559,
        vegan=True,
        contains_nuts=False,
        suits_snack=True,
    )
    Portion.objects.create(food=seeds, seq=1, label="1 cup", grams=129)
    Portion.objects.create(food=seeds, seq=2, label="1 oz", grams=28.35)
    Food.objects.create(name='=HYPERLINK("http://x")', food_group='-Homemade, "odd"', magnesium_mg=0.5)


def snapshot():
    return [
        (tuple(sorted(model_to_dict(f, exclude=["id"]).items())), [(p.label, p.grams) for p in f.portions.all()])
        for f in Food.objects.order_by("name").prefetch_related("portions")
    ]


def export(path):
    call_command("export_foods", str(path), stdout=StringIO())


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_export_then_import_gives_back_the_same_foods(tmp_path, suffix):
    make_foods()
    before = snapshot()
    export(tmp_path / f"foods.{suffix}")
    Portion.objects.all().delete()
    Food.objects.all().delete()
    call_command("import_foods", str(tmp_path / f"foods.{suffix}"), stdout=StringIO())
    assert snapshot() == before


def test_a_fixture_export_loads_back(tmp_path):
    make_foods()
    before = snapshot()
    export(tmp_path / "foods.json")
    Portion.objects.all().delete()
    Food.objects.all().delete()
    call_command("loaddata", str(tmp_path / "foods.json"), stdout=StringIO())
    assert snapshot() == before


def test_csv_cells_that_would_run_as_formulas_are_neutralised(tmp_path):
    make_foods()
    export(tmp_path / "foods.csv")
    text = (tmp_path / "foods.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text and "\"'-Homemade" in text
    assert ",592.0," in text  # numbers stay numbers


def test_xlsx_cells_are_text_not_formulas_and_numbers_stay_numbers(tmp_path):
    make_foods()
    export(tmp_path / "foods.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "foods.xlsx").active
    header = [c.value for c in sheet[1]]
    rows = {r[header.index("ndb_number")]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    odd = rows.get(None) or rows.get("")  # the hand-added food has no NDB number
    assert odd[header.index("name")] == '\'=HYPERLINK("http://x")'
    # A number cell; the NDB number is a text cell (so a leading zero would survive).
    assert rows["12014"][header.index("magnesium_mg")] == 592
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_an_unknown_extension_is_refused(tmp_path):
    with pytest.raises(CommandError, match=r"\.csv, \.xlsx or \.json"):
        export(tmp_path / "foods.txt")
