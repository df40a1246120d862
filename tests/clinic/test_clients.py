"""The roster pages: add, open, edit and remove a client, and their cabinet."""

import pytest
from django.urls import reverse

from mealplanner.models import Plan, Profile, SupplementProduct
from tests.clinic.conftest import add_supplement

pytestmark = pytest.mark.django_db

GOOD = {
    "name": "Karl",
    "age_years": "62",
    "sex": "male",
    "diet": "none",
    "kidney_disease": "on",
    "potassium_cap_mg": "2000",
    "phosphorus_cap_mg": "800",
    "sodium_cap_mg": "2000",
    "custom_target_mg": "250",
    "custom_target_reason": "Stage 3 kidney disease; agreed with his nephrologist",
    "dietitian_notes": "Prefers soups.",
}


@pytest.fixture
def as_dietitian(client, dietitian):
    client.force_login(dietitian)
    return client


def test_a_dietitian_adds_a_client_with_caps_and_a_custom_target(as_dietitian, dietitian):
    response = as_dietitian.post(reverse("clinic:client_new"), GOOD)
    karl = Profile.objects.get(name="Karl")
    assert response.status_code == 302
    assert response.url == reverse("clinic:client", args=[karl.pk])
    assert karl.dietitian == dietitian and karl.user is None
    assert (karl.potassium_cap_mg, karl.phosphorus_cap_mg, karl.sodium_cap_mg) == (2000, 800, 2000)
    assert karl.custom_target_mg == 250 and "nephrologist" in karl.custom_target_reason
    page = as_dietitian.get(response.url)
    assert "Stage 3 kidney disease" in page.content.decode()
    assert "Prefers soups." in page.content.decode()
    assert "potassium 2000 mg, phosphorus 800 mg, sodium 2000 mg" in page.content.decode()
    assert "Conditions</dt><dd>kidney disease</dd>" in page.content.decode()


def test_a_custom_target_without_a_reason_is_refused(as_dietitian):
    response = as_dietitian.post(reverse("clinic:client_new"), {**GOOD, "custom_target_reason": ""})
    assert response.status_code == 422
    assert "Say why this client has a custom target" in response.content.decode()
    assert not Profile.objects.filter(name="Karl").exists()


@pytest.mark.parametrize(
    "bad",
    [
        {"name": ""},
        {"age_years": "", "birth_date": ""},
        {"custom_target_mg": "25000"},
        {"potassium_cap_mg": "-5"},
        {"sex": "male", "pregnant": "on"},
        {"birth_date": "2999-01-01"},
        {"energy_goal_kcal": "2000", "custom_energy_reason": ""},
        {"allergies": ["plutonium"]},
    ],
)
def test_bad_client_details_show_an_error_and_save_nothing(as_dietitian, bad):
    response = as_dietitian.post(reverse("clinic:client_new"), {**GOOD, **bad})
    assert response.status_code == 422
    assert "Error:" in response.content.decode()
    assert Profile.objects.count() == 0


def test_editing_a_client_changes_only_that_client(as_dietitian, client_profile, make_client, dietitian):
    other = make_client(dietitian, "Otto")
    url = reverse("clinic:client_edit", args=[client_profile.pk])
    assert as_dietitian.get(url).status_code == 200
    response = as_dietitian.post(url, {**GOOD, "name": "Clara B.", "restless_legs": "on", "kidney_disease": ""})
    assert response.status_code == 302
    client_profile.refresh_from_db()
    other.refresh_from_db()
    assert client_profile.name == "Clara B." and client_profile.restless_legs and not client_profile.kidney_disease
    assert other.name == "Otto" and other.custom_target_mg is None


def test_removing_a_client_without_a_login_deletes_the_profile_and_plans(as_dietitian, client_profile, client_plan):
    url = reverse("clinic:client_remove", args=[client_profile.pk])
    assert "cannot be undone" in as_dietitian.get(url).content.decode()
    response = as_dietitian.post(url)
    assert response.status_code == 302
    assert not Profile.objects.filter(pk=client_profile.pk).exists()
    assert not Plan.objects.filter(pk=client_plan.pk).exists()


def test_removing_a_client_with_a_login_keeps_their_account(as_dietitian, dietitian, make_user, make_client):
    clara = make_client(dietitian, "Clara", user=make_user("clara"), dietitian_notes="private")
    as_dietitian.post(reverse("clinic:client_remove", args=[clara.pk]))
    clara.refresh_from_db()
    assert clara.user.username == "clara"
    assert clara.dietitian is None and clara.dietitian_notes == ""
    assert as_dietitian.get(reverse("clinic:client", args=[clara.pk])).status_code == 404


def test_the_client_page_lists_plans_and_the_cabinet(as_dietitian, client_profile, client_plan):
    add_supplement(client_profile, name="MagOx prescribed")
    page = as_dietitian.get(reverse("clinic:client", args=[client_profile.pk])).content.decode()
    assert "Clara&#x27;s week" in page or "Clara's week" in page
    assert "MagOx prescribed" in page


def test_the_dietitian_marks_a_clients_supplement_as_prescribed(as_dietitian, client_profile):
    product = add_supplement(client_profile)
    url = reverse("clinic:supplement_edit", args=[client_profile.pk, product.pk])
    response = as_dietitian.post(
        url,
        {
            "name": "Mag citrate",
            "kind": "supplement",
            "form": "citrate",
            "elemental_mg_per_unit": "200",
            "prescribed": "on",
        },
    )
    assert response.status_code == 302
    product.refresh_from_db()
    assert product.prescribed and float(product.elemental_mg_per_unit) == 200


def test_the_dietitian_adds_a_supplement_to_the_clients_cabinet(as_dietitian, client_profile):
    response = as_dietitian.post(
        reverse("clinic:supplement_new", args=[client_profile.pk]),
        {
            "name": "Glycinate",
            "kind": "supplement",
            "form": "glycinate",
            "elemental_mg_per_unit": "100",
        },
    )
    assert response.status_code == 302
    assert SupplementProduct.objects.get(name="Glycinate").profile == client_profile


def test_a_supplement_without_an_amount_is_refused(as_dietitian, client_profile):
    response = as_dietitian.post(
        reverse("clinic:supplement_new", args=[client_profile.pk]),
        {
            "name": "Mystery",
            "kind": "supplement",
            "form": "citrate",
        },
    )
    assert response.status_code == 422
    assert "Error:" in response.content.decode()
    assert not SupplementProduct.objects.exists()


def test_another_clients_supplement_id_is_a_404(as_dietitian, dietitian, client_profile, make_client):
    other = make_client(dietitian, "Otto")
    product = add_supplement(other)
    url = reverse("clinic:supplement_edit", args=[client_profile.pk, product.pk])
    assert as_dietitian.get(url).status_code == 404


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("clinic:client", "post"),
        ("clinic:client", "put"),
        ("clinic:client_edit", "delete"),
        ("clinic:client_remove", "put"),
        ("clinic:supplement_new", "patch"),
    ],
)
def test_a_wrong_method_is_405(as_dietitian, client_profile, name, method):
    response = getattr(as_dietitian, method)(reverse(name, args=[client_profile.pk]))
    assert response.status_code == 405


def test_the_new_client_form_is_for_dietitians(client, user):
    client.force_login(user)
    assert client.post(reverse("clinic:client_new"), GOOD).status_code == 404
    assert not Profile.objects.filter(name="Karl").exists()


def test_the_client_page_shows_the_current_weeks_warnings(as_dietitian, dietitian, make_client, make_plan):
    karl = make_client(dietitian, "Karl", sex="male", kidney_disease=True)
    add_supplement(karl)
    make_plan(karl, by=dietitian, name="Karl's week")
    page = as_dietitian.get(reverse("clinic:client", args=[karl.pk])).content.decode()
    assert "Current week: Karl&#x27;s week" in page
    assert "⛔ Danger:" in page and "kidney" in page.lower()
