"""`manage.py import_foods`: CSV, XLSX and USDA SR28 in, all or nothing, dry run, re-import."""

import gzip
import zipfile
from io import StringIO

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from foods.models import Food, Portion

pytestmark = pytest.mark.django_db

HEADER = "ndb_number,name,food_group,vegan,suits_snack,magnesium_mg,protein_g,portions\n"
# Values from SR28: 12014 pumpkin seeds (592 mg Mg, 1 cup = 129 g), 11457 raw spinach (79 mg, 1 cup = 30 g).
GOOD = HEADER + (
    '12014,"Seeds, pumpkin and squash seed kernels, dried",Nut and Seed Products,yes,yes,592,30.23,'
    "1 cup=129; 1 oz=28.35\n"
    '11457,"Spinach, raw",Vegetables and Vegetable Products,,no,79,,1 cup=30\n'
)


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_foods", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def write(tmp_path, text, name="foods.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_it_imports_a_csv_of_foods_with_portions(tmp_path):
    out, _ = run(write(tmp_path, GOOD))
    assert "Added 2" in out
    seeds = Food.objects.get(ndb_number="12014")
    assert (seeds.magnesium_mg, seeds.vegan, seeds.suits_snack) == (592, True, True)
    assert list(seeds.portions.values_list("label", "grams")) == [("1 cup", 129), ("1 oz", 28.35)]
    spinach = Food.objects.get(ndb_number="11457")
    assert spinach.protein_g is None and spinach.vegan is None  # empty cells stay unknown, not zero


def test_it_imports_an_xlsx_whose_ndb_numbers_lost_their_leading_zeros(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ndb_number", "name", "food_group", "magnesium_mg", "portions"])
    sheet.append([9040, "Bananas, raw", "Fruits and Fruit Juices", 27, "1 medium=118"])  # SR28 09040
    book.save(tmp_path / "foods.xlsx")
    run(tmp_path / "foods.xlsx")
    banana = Food.objects.get(ndb_number="09040")
    assert banana.magnesium_mg == 27 and banana.portions.get().grams == 118


def test_a_bad_file_lists_every_bad_row_and_changes_nothing(tmp_path):
    run(write(tmp_path, GOOD))
    before = list(Food.objects.values_list("ndb_number", "magnesium_mg"))
    bad = HEADER + (
        "12014,Seeds,Nut and Seed Products,,,500,,\n"  # row 2: fine, but must not be written
        "11457,Spinach,Vegetables,,,-5,,\n"  # row 3
        "1234x,Thing,Other,,,10,,\n"  # row 4
        "01001,Butter,Dairy and Egg Products,maybe,,abc,120,1 pat\n"  # row 5: four problems
    )
    with pytest.raises(CommandError, match="nothing was imported") as caught:
        out, err = StringIO(), StringIO()
        call_command("import_foods", str(write(tmp_path, bad, "bad.csv")), stdout=out, stderr=err)
    assert "bad.csv: 6 problem(s)" in str(caught.value)
    lines = err.getvalue().splitlines()
    assert "row 3: magnesium_mg: -5 is negative" in lines
    assert "row 4: ndb_number '1234x' is not 5 digits" in lines
    assert "row 5: magnesium_mg: 'abc' is not a number" in lines
    assert "row 5: vegan: 'maybe' is not yes, no or empty" in lines
    assert "row 5: portions: portion '1 pat' is not written as label=grams" in lines
    assert "row 5: protein_g: 120 is more than 100 g per 100 g" in lines
    assert list(Food.objects.values_list("ndb_number", "magnesium_mg")) == before


def test_unknown_columns_are_refused_by_name(tmp_path):
    with pytest.raises(CommandError, match=r"unknown column.*magnesium"):
        run(write(tmp_path, "name,food_group,magnesium\nX,G,5\n"))


def test_dry_run_reports_and_changes_nothing(tmp_path):
    out, _ = run(write(tmp_path, GOOD), "--dry-run")
    assert "Would add 2" in out and "nothing was changed" in out
    assert not Food.objects.exists()


def test_reimport_updates_and_never_duplicates(tmp_path):
    run(write(tmp_path, GOOD))
    out, _ = run(write(tmp_path, GOOD.replace(",592,", ",590,")))
    assert "Added 0, updated 1, left 1 unchanged" in out
    assert Food.objects.count() == 2 and Portion.objects.count() == 3
    assert Food.objects.get(ndb_number="12014").magnesium_mg == 590


def test_a_food_an_admin_edited_is_reported_as_skipped(tmp_path):
    run(write(tmp_path, GOOD))
    Food.objects.filter(ndb_number="11457").update(edited_by_admin=True, magnesium_mg=80)
    out, _ = run(write(tmp_path, GOOD))
    assert "skipped (edited by an admin): 11457 Spinach, raw" in out
    assert Food.objects.get(ndb_number="11457").magnesium_mg == 80


# --- USDA SR28 ASCII: a tiny synthetic release in the real format -------------------------------

SR28_FILES = {
    "FD_GROUP.txt": ["~1100~^~Vegetables and Vegetable Products~", "~1300~^~Beef Products~"],
    "FOOD_DES.txt": [
        "~11457~^~1100~^~Spinach, raw~^~SPINACH,RAW~^~~^~~^~Y~^~~^0^~~^6.25^2.44^8.37^3.57",
        "~13001~^~1300~^~Beef, jalapeño style~^~BEEF~^~~^~~^~Y~^~~^0^~~^6.25^4.27^9.02^3.87",
    ],
    "NUT_DATA.txt": [
        "~11457~^~304~^79^5^^~1~^~~^~~^~~^^^^^^^~~^~11/2002~^~~",
        "~11457~^~203~^^0^^~4~^~~^~~^~~^^^^^^^~~^~~^~~",  # empty value: unknown
        "~11457~^~999~^1.5^0^^~4~^~~^~~^~~^^^^^^^~~^~~^~~",  # a nutrient the app does not keep
        "~13001~^~304~^17^0^^~4~^~~^~~^~~^^^^^^^~~^~~^~~",
    ],
    "WEIGHT.txt": ["~11457~^1^1^~cup~^30^^", "~11457~^3^.5^~bunch~^170^^"],
}


def sr28_folder(tmp_path, gz=False):
    folder = tmp_path / "sr28"
    folder.mkdir()
    for name, lines in SR28_FILES.items():
        data = "".join(line + "\r\n" for line in lines).encode("latin-1")
        if gz and name == "NUT_DATA.txt":
            (folder / "NUT_DATA.txt.gz").write_bytes(gzip.compress(data))
        else:
            (folder / name).write_bytes(data)
    return folder


def sr28_zip(tmp_path):
    folder = sr28_folder(tmp_path)
    path = tmp_path / "sr28asc.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for file in folder.iterdir():
            archive.write(file, file.name)
    return path


@pytest.mark.parametrize(
    "make", [sr28_folder, sr28_zip, lambda p: sr28_folder(p, gz=True)], ids=["folder", "zip", "gzipped NUT_DATA"]
)
def test_it_imports_usda_sr28_keeping_unreported_nutrients_unknown(tmp_path, make):
    out, _ = run(make(tmp_path))
    assert "Added 2" in out
    spinach = Food.objects.get(ndb_number="11457")
    assert spinach.magnesium_mg == 79 and spinach.food_group == "Vegetables and Vegetable Products"
    assert spinach.protein_g is None  # an empty value is unknown
    assert spinach.calcium_mg is None  # a missing row is unknown, not zero
    assert list(spinach.portions.values_list("label", "grams")) == [("1 cup", 30), ("0.5 bunch", 170)]
    assert (spinach.suits_dinner, spinach.suits_breakfast, spinach.vegan) == (True, False, None)
    beef = Food.objects.get(ndb_number="13001")
    assert beef.name == "Beef, jalapeño style"  # read as latin-1
    assert (beef.vegan, beef.vegetarian) == (False, False)


def test_the_real_sr28_release_imports_in_full(sr28_dir):
    # About 5 s here: the full release (8,789 foods, 15,438 portions), once.
    run(sr28_dir)
    assert Food.objects.count() == 8789
    assert Portion.objects.count() == 15438
    seeds = Food.objects.get(ndb_number="12014")  # README sanity table: 592 mg, 1 cup = 129 g
    assert seeds.magnesium_mg == 592 and seeds.portions.first().grams == 129
    assert Food.objects.filter(magnesium_mg__isnull=False).count() == 8050


def test_a_broken_sr28_release_names_the_file_and_line(tmp_path):
    folder = sr28_folder(tmp_path)
    with (folder / "NUT_DATA.txt").open("ab") as out:
        out.write(b"~11457~^~304~^lots^0^^~4~^~~\r\n~99999~^~304~^5^0^^~4~^~~\r\n")
    with pytest.raises(CommandError, match="2 problem"):
        call_command("import_foods", str(folder), stdout=StringIO(), stderr=(err := StringIO()))
    assert err.getvalue().splitlines() == [
        "NUT_DATA.txt line 5: magnesium_mg: 'lots' is not a number",
        "NUT_DATA.txt line 6: food 99999 is not in FOOD_DES.txt",
    ]
    assert not Food.objects.exists()


def test_a_folder_that_is_not_sr28_is_refused_plainly(tmp_path):
    with pytest.raises(CommandError, match="not a USDA SR28 release"):
        run(tmp_path)
    with pytest.raises(CommandError, match="does not exist"):
        run(tmp_path / "nope.csv")


def test_a_damaged_sr28_download_is_refused_with_a_message(tmp_path):
    folder = sr28_folder(tmp_path, gz=True)
    packed = (folder / "NUT_DATA.txt.gz").read_bytes()
    (folder / "NUT_DATA.txt.gz").write_bytes(packed[: len(packed) // 2])
    with pytest.raises(CommandError, match="damaged or cut short"):
        run(folder)
    assert not Food.objects.exists()
