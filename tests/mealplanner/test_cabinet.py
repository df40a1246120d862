"""The supplement cabinet: list, add, edit and delete products; the label's elemental figure wins."""

import pytest
from django.urls import reverse

from foods.models import Food
from mealplanner.access import own_profile
from mealplanner.models import Plan, PlanEntry, SupplementProduct

pytestmark = pytest.mark.django_db


def product_data(**changes):
    data = {
        "name": "Calm Mag",
        "kind": "supplement",
        "form": "citrate",
        "elemental_mg_per_unit": "",
        "compound_mg_per_unit": "",
        "prescribed": "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v != ""}


@pytest.fixture
def mine(user):
    return SupplementProduct.objects.create(
        profile=own_profile(user), name="Mine", form="oxide", elemental_mg_per_unit=250
    )


@pytest.fixture
def theirs(other_user):
    return SupplementProduct.objects.create(
        profile=own_profile(other_user), name="Theirs", form="oxide", elemental_mg_per_unit=250
    )


def test_the_cabinet_lists_only_my_products(client_logged_in, mine, theirs):
    body = client_logged_in.get(reverse("cabinet")).content.decode()
    assert "Mine" in body and "Theirs" not in body


def test_an_empty_cabinet_says_so_and_offers_to_add(client_logged_in):
    body = client_logged_in.get(reverse("cabinet")).content.decode()
    assert "Your cabinet is empty" in body and reverse("cabinet_add") in body


def test_adding_a_product_with_the_labels_elemental_amount(client_logged_in, user):
    response = client_logged_in.post(reverse("cabinet_add"), product_data(elemental_mg_per_unit="200", prescribed="on"))
    assert response.status_code == 302 and response.url == reverse("cabinet")
    product = SupplementProduct.objects.get(profile__user=user)
    assert (product.name, product.form, float(product.elemental_mg_per_unit)) == ("Calm Mag", "citrate", 200)
    assert product.prescribed and product.compound_mg_per_unit is None


def test_a_compound_weight_is_converted_and_the_converted_amount_shown(client_logged_in, user):
    client_logged_in.post(reverse("cabinet_add"), product_data(form="oxide", compound_mg_per_unit="500"))
    response = client_logged_in.get(reverse("cabinet"))
    row = response.context["rows"][0]
    assert row.converted
    assert row.elemental_mg_per_unit == pytest.approx(301.5)  # 500 mg × 60.3 % [Molecules 2021 Table 1]
    assert "301.5 mg" in response.content.decode()
    assert "worked out from 500 mg of compound" in response.content.decode()


def test_the_labels_elemental_figure_wins_over_the_compound(client_logged_in, user):
    client_logged_in.post(
        reverse("cabinet_add"), product_data(form="oxide", compound_mg_per_unit="500", elemental_mg_per_unit="250")
    )
    row = client_logged_in.get(reverse("cabinet")).context["rows"][0]
    assert row.elemental_mg_per_unit == pytest.approx(250) and not row.converted


def test_the_form_offers_the_known_magnesium_forms(client_logged_in):
    body = client_logged_in.get(reverse("cabinet_add")).content.decode()
    assert '<option value="glycinate">' in body and '<option value="oxide">' in body


@pytest.mark.parametrize(
    "bad, field",
    [
        ({}, "elemental_mg_per_unit"),  # no amount at all
        ({"elemental_mg_per_unit": "0"}, "elemental_mg_per_unit"),
        ({"elemental_mg_per_unit": "-5"}, "elemental_mg_per_unit"),
        ({"elemental_mg_per_unit": "2500"}, "elemental_mg_per_unit"),
        ({"compound_mg_per_unit": "6000"}, "compound_mg_per_unit"),
        ({"compound_mg_per_unit": "abc"}, "compound_mg_per_unit"),
        ({"elemental_mg_per_unit": "100", "form": "unobtainium"}, "form"),
        ({"elemental_mg_per_unit": "100", "kind": "candy"}, "kind"),
        ({"elemental_mg_per_unit": "100", "name": ""}, "name"),
    ],
)
def test_bad_products_show_an_error_beside_the_field_and_save_nothing(client_logged_in, bad, field):
    response = client_logged_in.post(reverse("cabinet_add"), product_data(**bad))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not SupplementProduct.objects.exists()


def test_editing_my_product(client_logged_in, mine):
    url = reverse("cabinet_edit", args=[mine.pk])
    assert client_logged_in.get(url).status_code == 200
    response = client_logged_in.post(url, product_data(name="Renamed", form="glycinate", elemental_mg_per_unit="120"))
    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.name, mine.form, float(mine.elemental_mg_per_unit)) == ("Renamed", "glycinate", 120)


def test_a_bad_edit_changes_nothing(client_logged_in, mine):
    response = client_logged_in.post(reverse("cabinet_edit", args=[mine.pk]), product_data(name="Renamed"))
    assert response.status_code == 200
    mine.refresh_from_db()
    assert mine.name == "Mine"


def test_deleting_asks_first_then_deletes_on_post(client_logged_in, mine):
    url = reverse("cabinet_delete", args=[mine.pk])
    page = client_logged_in.get(url)
    assert page.status_code == 200 and "Delete “Mine”?" in page.content.decode()
    assert SupplementProduct.objects.filter(pk=mine.pk).exists()
    assert client_logged_in.post(url).status_code == 302
    assert not SupplementProduct.objects.filter(pk=mine.pk).exists()


def test_the_delete_page_says_how_many_plan_entries_go_with_it(client_logged_in, user, mine):
    plan = Plan.objects.create(profile=own_profile(user), name="W", start_date="2026-11-30")
    PlanEntry.objects.create(plan=plan, day=0, meal="breakfast", supplement=mine, quantity=1)
    PlanEntry.objects.create(plan=plan, day=1, meal="breakfast", supplement=mine, quantity=1)
    body = client_logged_in.get(reverse("cabinet_delete", args=[mine.pk])).content.decode()
    assert "2 times" in body
    client_logged_in.post(reverse("cabinet_delete", args=[mine.pk]))
    assert not PlanEntry.objects.filter(plan=plan).exists()


@pytest.mark.parametrize("name", ["cabinet_edit", "cabinet_delete"])
def test_another_persons_product_is_a_404_and_stays_as_it_was(client_logged_in, theirs, name):
    url = reverse(name, args=[theirs.pk])
    assert client_logged_in.get(url).status_code == 404
    assert client_logged_in.post(url, product_data(name="Hacked", elemental_mg_per_unit="1")).status_code == 404
    theirs.refresh_from_db()
    assert theirs.name == "Theirs"


def test_a_dietitians_clients_products_are_not_in_their_own_cabinet_pages(client, django_user_model):
    dietitian = django_user_model.objects.create_user(username="dee", password="x-long-password-1", is_dietitian=True)
    from mealplanner.models import Profile

    client_profile = Profile.objects.create(name="C", dietitian=dietitian)
    product = SupplementProduct.objects.create(
        profile=client_profile, name="Client's", form="oxide", elemental_mg_per_unit=100
    )
    client.force_login(dietitian)
    assert client.get(reverse("cabinet_edit", args=[product.pk])).status_code == 404


@pytest.mark.parametrize(
    "name, args", [("cabinet", []), ("cabinet_add", []), ("cabinet_edit", [1]), ("cabinet_delete", [1])]
)
def test_anonymous_visitors_are_sent_to_log_in(client, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_wrong_methods_are_refused(client_logged_in, mine):
    assert client_logged_in.post(reverse("cabinet")).status_code == 405
    assert client_logged_in.put(reverse("cabinet_add")).status_code == 405
    assert client_logged_in.delete(reverse("cabinet_delete", args=[mine.pk])).status_code == 405
    assert SupplementProduct.objects.filter(pk=mine.pk).exists()


def test_the_cabinet_shows_my_upper_limit(client_logged_in, user):
    profile = own_profile(user)
    profile.age_years, profile.sex = 6, "male"
    profile.save()
    assert "110 mg a day" in client_logged_in.get(reverse("cabinet")).content.decode()  # [ODS Table 3] 4–8 years


def test_food_entries_are_unaffected_by_deleting_a_product(client_logged_in, user, mine):
    food = Food.objects.create(name="Spinach", food_group="Vegetables", ndb_number="11457")
    plan = Plan.objects.create(profile=own_profile(user), name="W", start_date="2026-11-30")
    PlanEntry.objects.create(plan=plan, day=0, meal="lunch", food=food, quantity=100)
    client_logged_in.post(reverse("cabinet_delete", args=[mine.pk]))
    assert PlanEntry.objects.filter(plan=plan, food=food).count() == 1


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_in_a_phone_browser_a_person_adds_a_product_sees_its_magnesium_and_deletes_it(page, live_server, user):
    from playwright.sync_api import expect

    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}/accounts/login/?next=/accounts/cabinet/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Add a product").click()
    page.get_by_label("Product name").fill("Night Mag")
    page.get_by_label("Magnesium form").select_option("glycinate")
    page.get_by_label("Compound weight per unit (mg)").fill("1000")
    page.get_by_role("button", name="Save").click()
    row = page.locator("li", has_text="Night Mag")
    expect(row).to_contain_text("141 mg")  # 1,000 mg × 14.1 % [Molecules 2021 Table 1]
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    row.get_by_role("link", name="Delete Night Mag").click()
    page.get_by_role("button", name="Delete").click()
    expect(page.get_by_text("Your cabinet is empty")).to_be_visible()


def test_the_edit_page_shows_the_magnesium_the_planner_counts_now(client_logged_in, user):
    product = SupplementProduct.objects.create(
        profile=own_profile(user), name="Ox", form="oxide", compound_mg_per_unit=400
    )
    body = client_logged_in.get(reverse("cabinet_edit", args=[product.pk])).content.decode()
    assert "241.2 mg" in body and "worked out from the compound weight" in body  # 400 × 60.3 % [Molecules 2021]


def test_a_refused_edit_keeps_the_stored_name_in_the_heading(client_logged_in, mine):
    response = client_logged_in.post(
        reverse("cabinet_edit", args=[mine.pk]), product_data(name="Typo name", elemental_mg_per_unit="99999")
    )
    assert response.status_code == 200
    assert "Edit “Mine”" in response.content.decode()
