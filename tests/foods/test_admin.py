"""The food admin: search, filters, magnesium per portion, validation, edits marked, CSV export."""

import csv
import io

import pytest
from django.urls import reverse

from foods.models import Food, Portion

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:foods_food_changelist")


@pytest.fixture
def admin_client_(client, django_user_model):
    admin = django_user_model.objects.create_superuser(
        username="root", email="root@example.com", password="a-long-test-password"
    )
    client.force_login(admin)
    return client


@pytest.fixture
def seeds():
    # SR28 NDB 12014: 592 mg magnesium per 100 g; 1 cup = 129 g, so about 764 mg per cup.
    food = Food.objects.create(
        name="Seeds, pumpkin", food_group="Nut and Seed Products", ndb_number="12014", magnesium_mg=592, vegan=True
    )
    Portion.objects.create(food=food, seq=1, label="1 cup", grams=129)
    Portion.objects.create(food=food, seq=2, label="1 oz", grams=28.35)
    return food


def many_foods(count):
    for i in range(count):
        food = Food.objects.create(
            name=f"Food {i}", food_group=f"Group {i % 3}", ndb_number=f"{i:05d}", magnesium_mg=i, vegan=bool(i % 2)
        )
        Portion.objects.create(food=food, label="1 cup", grams=100)


def test_the_list_shows_magnesium_per_100_g_and_per_first_portion(admin_client_, seeds):
    response = admin_client_.get(CHANGELIST)
    assert response.status_code == 200
    assert "592 mg" in response.text and "764 mg in 1 cup" in response.text


def test_the_list_costs_the_same_queries_for_many_foods(admin_client_, seeds, django_assert_max_num_queries):
    many_foods(40)
    with django_assert_max_num_queries(8):
        response = admin_client_.get(CHANGELIST, {"q": "Food", "food_group": "Group 1", "vegan__exact": "1"})
    assert response.status_code == 200
    names = {f.name for f in response.context["cl"].result_list}
    assert names == {f"Food {i}" for i in range(40) if i % 3 == 1 and i % 2}


def test_it_searches_by_ndb_number(admin_client_, seeds):
    many_foods(3)
    response = admin_client_.get(CHANGELIST, {"q": "12014"})
    assert [f.name for f in response.context["cl"].result_list] == ["Seeds, pumpkin"]


def test_filters_cover_food_group_and_each_diet_fact(admin_client_, seeds):
    response = admin_client_.get(CHANGELIST, {"contains_nuts__isnull": "True"})
    assert response.status_code == 200
    text = response.text
    assert "By food group" in text and "By vegan" in text and "By contains tree nuts" in text


def form_data(food=None, **changes):
    data = {
        "name": "Test food",
        "food_group": "Test",
        "ndb_number": "",
        "portions-TOTAL_FORMS": "0",
        "portions-INITIAL_FORMS": "0",
        "portions-MIN_NUM_FORMS": "0",
        "portions-MAX_NUM_FORMS": "1000",
    }
    for fact in (
        "vegan",
        "vegetarian",
        "contains_nuts",
        "contains_peanuts",
        "contains_dairy",
        "contains_gluten",
        "contains_fish",
        "contains_shellfish",
        "contains_soy",
        "contains_egg",
    ):
        data[fact] = "unknown"
    return {**data, **changes}


@pytest.mark.parametrize(
    "amount, message",
    [
        ("-5", "Magnesium (mg/100 g) cannot be negative"),
        ("1200", "Magnesium (mg/100 g) cannot be more than 1,000 mg per 100 g"),
    ],
)
def test_the_form_refuses_negative_and_implausible_magnesium(admin_client_, amount, message):
    response = admin_client_.post(reverse("admin:foods_food_add"), form_data(magnesium_mg=amount))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["magnesium_mg"] == [message]
    assert not Food.objects.exists()


def test_the_form_refuses_more_than_100_g_protein_per_100_g(admin_client_):
    response = admin_client_.post(reverse("admin:foods_food_add"), form_data(protein_g="101"))
    assert response.context["adminform"].form.errors["protein_g"] == [
        "Protein (g/100 g) cannot be more than 100 g per 100 g"
    ]


def test_a_portion_must_weigh_something(admin_client_):
    data = form_data(
        **{"portions-TOTAL_FORMS": "1", "portions-0-seq": "1", "portions-0-label": "1 cup", "portions-0-grams": "0"}
    )
    response = admin_client_.post(reverse("admin:foods_food_add"), data)
    assert response.status_code == 200
    assert "A portion must weigh more than 0 g." in response.text
    assert not Food.objects.exists()


def test_saving_marks_the_food_as_edited_so_imports_leave_it(admin_client_, seeds):
    data = form_data(
        name="Seeds, pumpkin", food_group="Nut and Seed Products", ndb_number="12014", magnesium_mg="590", vegan="true"
    )
    response = admin_client_.post(reverse("admin:foods_food_change", args=[seeds.pk]), data)
    assert response.status_code == 302
    seeds.refresh_from_db()
    assert (seeds.magnesium_mg, seeds.vegan, seeds.edited_by_admin) == (590, True, True)


def test_export_selected_foods_downloads_a_csv_of_just_those(admin_client_, seeds):
    many_foods(2)
    response = admin_client_.post(CHANGELIST, {"action": "export_csv", "_selected_action": [seeds.pk]})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="foods-')
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    assert [(r["ndb_number"], r["name"], float(r["magnesium_mg"]), r["portions"]) for r in rows] == [
        ("12014", "Seeds, pumpkin", 592, "1 cup=129; 1 oz=28.35")
    ]


def test_export_selected_foods_as_xlsx(admin_client_, seeds):
    response = admin_client_.post(CHANGELIST, {"action": "export_xlsx", "_selected_action": [seeds.pk]})
    assert response["Content-Type"].endswith("spreadsheetml.sheet")
    assert response.content[:2] == b"PK"


def test_portions_have_their_own_admin(admin_client_, seeds):
    response = admin_client_.get(reverse("admin:foods_portion_changelist"), {"q": "pumpkin"})
    assert response.status_code == 200 and "1 cup (129 g)" in response.text


def test_people_who_are_not_staff_cannot_open_it(client_logged_in):
    assert client_logged_in.get(CHANGELIST).status_code == 302


def test_an_admin_can_let_imports_update_a_food_again(admin_client_, seeds):
    Food.objects.update(edited_by_admin=True)
    response = admin_client_.post(
        CHANGELIST, {"action": "release_to_imports", "_selected_action": [seeds.pk]}, follow=True
    )
    assert "1 food(s) will be updated by the next import" in response.text
    seeds.refresh_from_db()
    assert seeds.edited_by_admin is False


def test_the_edit_page_groups_fields_and_shows_magnesium_per_portion(admin_client_, seeds):
    response = admin_client_.get(reverse("admin:foods_food_change", args=[seeds.pk]))
    assert response.status_code == 200
    for heading in ("Identity", "Diet facts", "Meals", "Nutrients per 100 g"):
        assert f">{heading}<" in response.text
    assert "764 mg" in response.text and "168 mg" in response.text  # 1 cup (129 g) and 1 oz (28.35 g)


IMPORT = reverse("admin:foods_food_import")
TABLE = (
    b"ndb_number,name,food_group,magnesium_mg,portions\n"
    b'12014,"Seeds, pumpkin",Nut and Seed Products,590,1 cup=129\n'  # SR28 12014
    b'11457,"Spinach, raw",Vegetables and Vegetable Products,79,1 cup=30\n'
)  # SR28 11457


def upload(content, name="foods.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="text/csv")


def test_the_list_links_to_the_import_page(admin_client_):
    assert IMPORT in admin_client_.get(CHANGELIST).text
    assert admin_client_.get(IMPORT).status_code == 200


def test_an_uploaded_dry_run_shows_the_changes_and_writes_nothing(admin_client_, seeds):
    response = admin_client_.post(IMPORT, {"file": upload(TABLE), "dry_run": "on"})
    assert "Would add 1, would update 1, would leave 0 unchanged" in response.text
    assert Food.objects.count() == 1 and Food.objects.get().magnesium_mg == 592


def test_an_upload_imports_and_returns_to_the_list(admin_client_, seeds):
    response = admin_client_.post(IMPORT, {"file": upload(TABLE)}, follow=True)
    assert "Added 1, updated 1, left 0 unchanged" in response.text
    assert Food.objects.get(ndb_number="12014").magnesium_mg == 590
    assert Food.objects.get(ndb_number="11457").portions.get().grams == 30


def test_an_uploaded_bad_file_lists_every_problem_and_changes_nothing(admin_client_, seeds):
    bad = TABLE.replace(b",590,", b",-5,").replace(b"11457", b"1145x")
    response = admin_client_.post(IMPORT, {"file": upload(bad)})
    assert response.status_code == 200
    assert "row 2: magnesium_mg: -5 is negative" in response.text
    assert "row 3: ndb_number &#x27;1145x&#x27; is not 5 digits" in response.text
    assert Food.objects.count() == 1 and Food.objects.get().magnesium_mg == 592


def test_an_upload_of_the_wrong_kind_is_refused_beside_the_field(admin_client_):
    response = admin_client_.post(IMPORT, {"file": upload(b"hello", "notes.txt")})
    assert response.context["form"].errors["file"] == ["Choose a .csv, .xlsx or .zip file."]
    response = admin_client_.post(IMPORT, {"file": upload(b"not a zip", "sr28asc.zip")})
    assert "not a USDA SR28 release" in response.context["form"].errors["file"][0]


def test_staff_without_food_permissions_cannot_import(client, django_user_model):
    staff = django_user_model.objects.create_user(username="staff", password="a-long-test-password", is_staff=True)
    client.force_login(staff)
    assert client.post(IMPORT, {"file": upload(TABLE)}).status_code == 403
    assert not Food.objects.exists()
