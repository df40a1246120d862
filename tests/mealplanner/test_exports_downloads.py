"""CSV and XLSX downloads of a plan's entries and daily totals: numbers, formula cells, file names."""

import io
import re

import pandas as pd
import pytest

from foods.models import Food
from tests.mealplanner.plan_factories import (
    add_food,
    add_supplement,
    citrate,
    coffee,
    make_plan,
    make_profile,
    mystery_food,
    pumpkin_seeds,
)

pytestmark = pytest.mark.django_db

SEEDS_MG = 592 * 129 / 100  # USDA SR28 NDB 12014: 592 mg per 100 g; 1 cup = 129 g
SEEDS_KCAL = 559 * 129 / 100


@pytest.fixture
def plan(user):
    plan = make_plan(make_profile(user), user, name="Week <1> / “test”")
    profile = plan.profile
    add_food(plan, pumpkin_seeds(), day=0, meal="breakfast", quantity=1)
    add_food(plan, coffee(), day=0, meal="breakfast", quantity=2, status="eaten")
    add_food(plan, pumpkin_seeds(), day=2, meal="snack", quantity=0.5, status="skipped")
    add_supplement(plan, citrate(profile, mg=200), day=0)
    return plan


def xlsx(response):
    return pd.read_excel(io.BytesIO(response.content), sheet_name=None)


def csv(response):
    return pd.read_csv(io.BytesIO(response.content), encoding="utf-8-sig")


def test_the_entries_workbook_holds_sr28_magnesium_for_the_grams_of_each_entry(client_logged_in, plan):
    sheets = xlsx(client_logged_in.get(f"/plans/{plan.pk}/download/entries.xlsx"))
    entries = sheets["Entries"]
    seeds = entries[(entries["NDB number"] == 12014) & (entries["Day"] == 1)].iloc[0]
    assert seeds["Grams"] == pytest.approx(129)
    assert seeds["Magnesium (mg)"] == pytest.approx(SEEDS_MG, abs=0.5)
    assert seeds["Energy (kcal)"] == pytest.approx(SEEDS_KCAL, abs=0.5)
    assert seeds["Portion"] == "1 cup" and seeds["Quantity"] == 1


def test_the_entries_table_keeps_status_and_supplements(client_logged_in, plan):
    entries = csv(client_logged_in.get(f"/plans/{plan.pk}/download/entries.csv"))
    assert len(entries) == 4
    assert sorted(entries["Status"]) == ["Eaten", "Planned", "Planned", "Skipped"]
    supplement = entries[entries["Kind"] == "Supplement"].iloc[0]
    assert supplement["Magnesium (mg)"] == pytest.approx(200, abs=0.5)
    coffee_row = entries[entries["NDB number"] == 14209].iloc[0]
    assert coffee_row["Grams"] == pytest.approx(474)  # 2 cups of 237 g [SR28 WEIGHT]
    assert coffee_row["Caffeine (mg)"] == pytest.approx(40 * 4.74, abs=0.5)  # 40 mg per 100 g [SR28 NDB 14209]


def test_an_unknown_value_is_an_empty_cell_not_zero(client_logged_in, plan):
    add_food(plan, mystery_food(), day=1, portion=None, quantity=300)
    entries = xlsx(client_logged_in.get(f"/plans/{plan.pk}/download/entries.xlsx"))["Entries"]
    soup = entries[entries["Food or supplement"] == "Homemade soup"].iloc[0]
    assert soup["Grams"] == 300 and pd.isna(soup["Magnesium (mg)"])


def test_daily_totals_give_planned_and_eaten_per_day(client_logged_in, plan):
    for response in (
        client_logged_in.get(f"/plans/{plan.pk}/download/totals.csv"),
        client_logged_in.get(f"/plans/{plan.pk}/download/totals.xlsx"),
    ):
        totals = csv(response) if response["Content-Type"].startswith("text/csv") else xlsx(response)["Daily totals"]
        assert list(totals["Day"]) == [1, 2, 3, 4, 5, 6, 7]
        monday = totals.iloc[0]
        coffee_mg = 3 * 4.74  # 3 mg per 100 g [SR28 NDB 14209], 474 g
        assert monday["Planned food magnesium (mg)"] == pytest.approx(SEEDS_MG + coffee_mg, abs=0.5)
        assert monday["Planned supplement magnesium (mg)"] == pytest.approx(200, abs=0.5)
        assert monday["Planned magnesium (mg)"] == pytest.approx(SEEDS_MG + coffee_mg + 200, abs=0.5)
        assert monday["Eaten magnesium (mg)"] == pytest.approx(coffee_mg, abs=0.5)
        assert monday["Planned energy (kcal)"] == pytest.approx(SEEDS_KCAL + 4.74, abs=0.5)
        assert monday["Target magnesium (mg)"] == 320  # woman aged 45 [ODS Table 1]
        # The skipped half cup on day 3 still shows as planned; nothing was eaten.
        assert totals.iloc[2]["Eaten magnesium (mg)"] == 0


def test_one_workbook_holds_entries_totals_and_sources(client_logged_in, plan):
    sheets = xlsx(client_logged_in.get(f"/plans/{plan.pk}/download/plan.xlsx"))
    assert list(sheets) == ["Entries", "Daily totals", "About"]
    about = " ".join(sheets["About"].astype(str).stack())
    assert "USDA" in about and "Office of Dietary Supplements" in about


def test_numbers_stay_numbers_in_the_workbook(client_logged_in, plan):
    entries = xlsx(client_logged_in.get(f"/plans/{plan.pk}/download/entries.xlsx"))["Entries"]
    for column in ("Quantity", "Grams", "Magnesium (mg)", "Day"):
        assert pd.api.types.is_numeric_dtype(entries[column]), column


@pytest.fixture
def sneaky_plan(user):
    plan = make_plan(make_profile(user), user)
    for i, name in enumerate(['=HYPERLINK("http://evil.example","x")', "+1+2", "-3", "@SUM(A1)", "\tTab"]):
        food = Food.objects.create(name=name, food_group="=cmd|' /C calc'!A0", magnesium_mg=10, energy_kcal=5)
        add_food(plan, food, day=i, portion=None, quantity=100)
    return plan


@pytest.mark.parametrize("suffix", ["entries.csv", "entries.xlsx"])
def test_a_food_name_that_looks_like_a_formula_comes_out_as_text(client_logged_in, sneaky_plan, suffix):
    response = client_logged_in.get(f"/plans/{sneaky_plan.pk}/download/{suffix}")
    entries = csv(response) if suffix.endswith("csv") else xlsx(response)["Entries"]
    names = list(entries["Food or supplement"])
    assert names[0] == '\'=HYPERLINK("http://evil.example","x")'
    assert all(name.startswith("'") for name in names)
    assert all(group.startswith("'=") for group in entries["Food group"])
    assert list(entries["Magnesium (mg)"]) == [10] * 5  # numbers untouched


def test_no_cell_of_the_workbook_is_a_formula(client_logged_in, sneaky_plan):
    from openpyxl import load_workbook

    response = client_logged_in.get(f"/plans/{sneaky_plan.pk}/download/plan.xlsx")
    workbook = load_workbook(io.BytesIO(response.content))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)


def test_downloads_have_a_safe_file_name(client_logged_in, plan):
    response = client_logged_in.get(f"/plans/{plan.pk}/download/totals.xlsx")
    disposition = response["Content-Disposition"]
    assert disposition == f'attachment; filename="week-1-test-{plan.start_date.isoformat()}-totals.xlsx"'
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_an_empty_plan_downloads_headers_and_seven_days(client_logged_in, user):
    plan = make_plan(make_profile(user), user, name="Empty")
    entries = csv(client_logged_in.get(f"/plans/{plan.pk}/download/entries.csv"))
    assert len(entries) == 0 and "Magnesium (mg)" in entries.columns
    sheets = xlsx(client_logged_in.get(f"/plans/{plan.pk}/download/plan.xlsx"))
    assert len(sheets["Entries"]) == 0
    assert list(sheets["Daily totals"]["Planned magnesium (mg)"]) == [0] * 7


def test_a_download_costs_the_same_queries_for_four_entries_or_forty(client_logged_in, plan):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client_logged_in.get(f"/plans/{plan.pk}/download/plan.xlsx").status_code == 200
        return len(queries)

    few = count()
    for day in range(7):
        for _ in range(5):
            add_food(plan, coffee(), day=day)
    assert count() == few


def test_a_download_the_server_cannot_write_gives_a_message_on_the_plan_page(client_logged_in, plan, caplog):
    import errno
    from unittest import mock

    with mock.patch("openpyxl.workbook.workbook.Workbook.save", side_effect=OSError(errno.ENOSPC, "disk full")):
        response = client_logged_in.get(f"/plans/{plan.pk}/download/plan.xlsx", follow=True)
    assert response.redirect_chain == [(f"/plans/{plan.pk}/", 302)]
    assert "Please try again in a few minutes." in response.content.decode()
    assert any(getattr(r.exc_info[1], "errno", None) == errno.ENOSPC for r in caplog.records if r.exc_info)


def test_csv_figures_are_rounded_as_the_page_shows_them_and_grams_stay_exact(client_logged_in, plan):
    # 3 × 4.74 (coffee's magnesium) is 14.219999999999999 in floating point: no such noise reaches the file.
    add_food(plan, pumpkin_seeds(), day=4, meal="lunch", quantity=0.35, portion=None)  # 0.35 g on its own
    for name in ("entries.csv", "totals.csv"):
        text = client_logged_in.get(f"/plans/{plan.pk}/download/{name}").content.decode("utf-8-sig")
        assert not re.search(r"\d\.\d{3,}", text), name  # never more than two decimals
    entries = csv(client_logged_in.get(f"/plans/{plan.pk}/download/entries.csv"))
    monday = entries[entries["Day"] == 1]
    # Whole milligrams and kcal, as the plan page shows them (floatformat:0, half up): 763.68 mg is 764.
    seeds = monday[monday["NDB number"] == 12014].iloc[0]
    assert seeds["Magnesium (mg)"] == 764 and seeds["Energy (kcal)"] == 721  # 721.11 kcal
    coffee_row = monday[monday["NDB number"] == 14209].iloc[0]
    assert coffee_row["Magnesium (mg)"] == 14 and coffee_row["Caffeine (mg)"] == 190  # 14.22 and 189.6
    assert coffee_row["Grams"] == 474 and seeds["Grams"] == 129
    assert entries[entries["Day"] == 5].iloc[0]["Grams"] == pytest.approx(0.35)
    totals = csv(client_logged_in.get(f"/plans/{plan.pk}/download/totals.csv"))
    assert totals.iloc[0]["Planned food magnesium (mg)"] == 778  # 763.68 + 14.22 = 777.9
