"""The profile page: answers checked by the nutrition rules, the target and limit shown, medicines added and removed."""

import datetime
import re

import pytest
from django.urls import reverse

from mealplanner.access import own_profile
from mealplanner.models import Medicine

pytestmark = pytest.mark.django_db

URL = "/accounts/profile/"


def answers(**changes):
    data = {
        "name": "Alice",
        "birth_date": "",
        "age_years": "35",
        "sex": "female",
        "diet": "none",
        "energy_goal_kcal": "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_the_profile_lives_at_accounts_profile():
    assert reverse("profile") == URL


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_a_new_profile_asks_for_an_age_instead_of_showing_a_target(client_logged_in):
    body = client_logged_in.get(URL).content.decode()
    assert "Add your age or birth date" in body
    assert "Not medical advice" in body


def test_saving_answers_stores_them_and_shows_the_target_and_limit_with_their_source(client_logged_in, user):
    response = client_logged_in.post(
        URL, answers(allergies=["nuts", "soy"], diet="vegan", caffeine_free="on", restless_legs="on")
    )
    assert response.status_code == 302
    profile = own_profile(user)
    assert float(profile.age_years) == 35 and profile.diet == "vegan" and profile.allergies == ["nuts", "soy"]
    assert profile.caffeine_free and profile.restless_legs
    body = client_logged_in.get(URL).content.decode()
    assert "Daily target: 320 mg" in body  # [ODS Table 1] women 31–50
    assert "350 mg a day" in body  # [ODS Table 3] 19+ years
    assert "Office of Dietary Supplements" in body


def test_a_birth_date_wins_over_the_age(client_logged_in, user):
    born = datetime.date.today().replace(year=datetime.date.today().year - 16) - datetime.timedelta(days=10)
    client_logged_in.post(URL, answers(birth_date=born.isoformat(), age_years="40", sex="male"))
    body = client_logged_in.get(URL).content.decode()
    assert "Daily target: 410 mg" in body  # [ODS Table 1] boys 14–18


def test_pregnant_and_male_is_refused_beside_the_box_and_nothing_is_saved(client_logged_in, user):
    response = client_logged_in.post(URL, answers(sex="male", pregnant="on", diet="vegan"))
    assert response.status_code == 200
    form = response.context["form"]
    assert "pregnant" in form.errors
    assert "Nothing was saved" in response.content.decode()
    profile = own_profile(user)
    assert not profile.pregnant and profile.diet == "none" and profile.age_years is None


def test_pregnant_under_14_is_refused(client_logged_in, user):
    response = client_logged_in.post(URL, answers(age_years="12", pregnant="on"))
    assert response.status_code == 200
    assert "14" in " ".join(response.context["form"].errors["pregnant"])
    assert not own_profile(user).pregnant


def test_pregnant_and_breastfeeding_together_are_refused(client_logged_in, user):
    response = client_logged_in.post(URL, answers(pregnant="on", lactating="on"))
    assert response.status_code == 200 and response.context["form"].errors


@pytest.mark.parametrize(
    "bad",
    [
        {"age_years": "-3"},
        {"age_years": "200"},
        {"age_years": "abc"},
        {"sex": "other"},
        {"diet": "keto"},
        {"allergies": ["chocolate"]},
        {"energy_goal_kcal": "50"},
        {"energy_goal_kcal": "99999"},
        {"birth_date": "2999-01-01"},
        {"birth_date": "1800-01-01"},
        {"birth_date": "not a date"},
    ],
)
def test_bad_answers_show_an_error_and_change_nothing(client_logged_in, user, bad):
    response = client_logged_in.post(URL, answers(**bad))
    assert response.status_code == 200
    assert response.context["form"].errors
    assert own_profile(user).age_years is None


def test_a_baby_gets_no_supplement_limit(client_logged_in):
    client_logged_in.post(URL, answers(age_years="0.5"))
    body = client_logged_in.get(URL).content.decode()
    assert "No supplements under 1 year" in body


def test_an_empty_energy_goal_shows_the_default_and_its_source(client_logged_in):
    client_logged_in.post(URL, answers())
    response = client_logged_in.get(URL)
    assert response.context["energy"]["is_default"] is True
    assert response.context["energy"]["kcal"] > 0
    assert "Now using the default" in response.content.decode()
    client_logged_in.post(URL, answers(energy_goal_kcal="1800"))
    response = client_logged_in.get(URL)
    assert response.context["energy"] == {"kcal": 1800, "is_default": False, "source": "Set in the profile."}


def test_a_custom_target_from_the_dietitian_is_shown_with_its_reason(client_logged_in, user):
    profile = own_profile(user)
    profile.age_years, profile.sex = 40, "female"
    profile.custom_target_mg = 500
    profile.custom_target_reason = "low blood magnesium on tests"
    profile.save()
    body = client_logged_in.get(URL).content.decode()
    assert "Daily target: 500 mg" in body
    assert "Custom, set by your dietitian: low blood magnesium on tests" in body


def test_a_person_cannot_set_their_own_custom_target(client_logged_in, user):
    client_logged_in.post(URL, answers(custom_target_mg="900"))
    assert own_profile(user).custom_target_mg is None


def test_the_profile_page_refuses_other_methods(client_logged_in):
    assert client_logged_in.delete(URL).status_code == 405


def test_adding_a_known_medicine_by_name_stores_its_class_and_time(client_logged_in, user):
    response = client_logged_in.post(reverse("medicine_add"), {"name": " Omeprazole ", "time_taken": "08:00"})
    assert response.status_code == 302
    medicine = Medicine.objects.get(profile__user=user)
    assert (medicine.name, medicine.medicine_class, medicine.time_taken) == ("Omeprazole", "ppi", datetime.time(8))
    body = client_logged_in.get(URL).content.decode()
    assert "Omeprazole at 08:00" in body
    assert "stomach acid" in body  # the rules' advice for the class is shown


def test_a_medicine_can_be_picked_by_its_class_label(client_logged_in, user):
    client_logged_in.post(reverse("medicine_add"), {"name": "Loop diuretic (water pill)", "time_taken": ""})
    assert Medicine.objects.get(profile__user=user).medicine_class == "loop-diuretic"


def test_the_medicine_list_offers_names_and_classes(client_logged_in):
    body = client_logged_in.get(URL).content.decode()
    assert 'list="medicine-names"' in body
    assert '<option value="doxycycline">' in body and "Proton pump inhibitor" in body


def test_an_unknown_medicine_is_kept_and_shown_as_not_checked(client_logged_in, user):
    # Issue 13: a name the app does not know was refused; it is the person's medicine all the same.
    response = client_logged_in.post(reverse("medicine_add"), {"name": "Paracetamolx", "time_taken": ""})
    assert response.status_code == 302
    medicine = Medicine.objects.get(profile__user=user)
    assert (medicine.name, medicine.medicine_class) == ("Paracetamolx", "unchecked")
    body = client_logged_in.get(URL).content.decode()
    assert "Paracetamolx" in body and "Not checked by the app: ask your pharmacist" in body


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("water pill", "diuretic"),
        ("Diuretic", "diuretic"),
        ("blood pressure pill", "blood-pressure"),
        ("Fosamax", "bisphosphonate"),
        ("Cipro 500 mg", "quinolone"),
        ("LASIX 40mg tablets", "loop-diuretic"),
        ("Norvasc", "calcium-channel-blocker"),
        ("Prilosec", "ppi"),
    ],
)
def test_medicines_are_understood_as_people_type_them(client_logged_in, user, typed, code):
    client_logged_in.post(reverse("medicine_add"), {"name": typed, "time_taken": ""})
    assert Medicine.objects.get(profile__user=user).medicine_class == code


def test_the_list_says_what_the_app_understood(client_logged_in, user):
    client_logged_in.post(reverse("medicine_add"), {"name": "Lasix", "time_taken": ""})
    assert "Loop diuretic (water pill)" in client_logged_in.get(URL).content.decode()


def test_a_bad_time_is_refused(client_logged_in, user):
    response = client_logged_in.post(reverse("medicine_add"), {"name": "omeprazole", "time_taken": "25:99"})
    assert response.status_code == 200 and "time_taken" in response.context["medicine_form"].errors
    assert not Medicine.objects.exists()


def test_removing_a_medicine(client_logged_in, user):
    medicine = Medicine.objects.create(profile=own_profile(user), name="alendronate", medicine_class="bisphosphonate")
    response = client_logged_in.post(reverse("medicine_remove", args=[medicine.pk]))
    assert response.status_code == 302
    assert not Medicine.objects.filter(pk=medicine.pk).exists()


def test_another_persons_medicine_is_a_404_and_stays(client_logged_in, other_user):
    theirs = Medicine.objects.create(
        profile=own_profile(other_user), name="alendronate", medicine_class="bisphosphonate"
    )
    assert client_logged_in.post(reverse("medicine_remove", args=[theirs.pk])).status_code == 404
    assert Medicine.objects.filter(pk=theirs.pk).exists()


def test_medicine_endpoints_take_only_posts(client_logged_in, user):
    medicine = Medicine.objects.create(profile=own_profile(user), name="alendronate", medicine_class="bisphosphonate")
    assert client_logged_in.get(reverse("medicine_add")).status_code == 405
    assert client_logged_in.get(reverse("medicine_remove", args=[medicine.pk])).status_code == 405


def test_medicine_endpoints_send_anonymous_visitors_to_log_in(client):
    response = client.post(reverse("medicine_add"), {"name": "omeprazole"})
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_every_id_on_the_page_is_unique_so_labels_point_at_the_right_field(client_logged_in):
    import re

    body = client_logged_in.get(URL).content.decode()
    ids = re.findall(r'\sid="([^"]+)"', body)
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("url", [URL, "/accounts/cabinet/add/", "/accounts/password_change/"])
def test_every_aria_describedby_points_at_help_or_an_error_on_the_page(client_logged_in, url):
    import re

    client_logged_in.post(reverse("medicine_add"), {"name": "nonsense-pill"})  # errors too, where there are any
    body = client_logged_in.get(url).content.decode()
    ids = set(re.findall(r'\sid="([^"]+)"', body))
    described = {ref for refs in re.findall(r'aria-describedby="([^"]+)"', body) for ref in refs.split()}
    assert described and described <= ids


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_in_a_phone_browser_a_new_person_signs_up_fills_the_profile_and_sees_the_target(page, live_server):
    from playwright.sync_api import expect

    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}/accounts/signup/")
    page.get_by_label("Username").fill("phoneuser")
    page.get_by_label("E-mail").fill("phone@example.org")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="Check your e-mail")).to_be_visible()
    # The link from the e-mail (issue 14: sign-up answers the same for every address; the link finishes it).
    from django.core import mail

    link = re.search(r"https?://\S+/accounts/signup/confirm/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.get_by_label("Password", exact=True).fill("a-long-enough-secret-42")
    page.get_by_label("Password confirmation").fill("a-long-enough-secret-42")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Your profile")).to_be_visible()
    expect(page.get_by_text("Add your age or birth date")).to_be_visible()

    page.get_by_label("Age in years").fill("45")
    page.get_by_label("Male", exact=True).check()
    page.get_by_label("tree nuts").check()
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Daily target: 420 mg")).to_be_visible()  # [ODS Table 1] men 31–50

    page.get_by_label("Medicine name or kind").fill("furosemide")
    page.get_by_label("Medicine name or kind").press("Enter")  # the keyboard alone submits the form
    expect(page.get_by_role("button", name="Remove furosemide")).to_be_visible()
    expect(page.get_by_text("lose more magnesium in your urine")).to_be_visible()  # the rules' advice

    # Nothing sticks out sideways on a 360 px screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_the_profile_form_shows_a_whole_age_without_decimals(client_logged_in, user):
    from mealplanner.access import own_profile

    profile = own_profile(user)
    profile.age_years, profile.sex = 45, "female"
    profile.save()
    body = client_logged_in.get("/accounts/profile/").content.decode()
    assert 'value="45"' in body and 'value="45.00"' not in body


def test_the_profile_warns_about_cabinet_supplements_as_the_plan_would(client_logged_in, user):
    from mealplanner.access import own_profile
    from mealplanner.models import SupplementProduct

    profile = own_profile(user)
    profile.age_years, profile.sex, profile.kidney_disease = 50, "male", True
    profile.save()
    before = client_logged_in.get("/accounts/profile/").content.decode()
    SupplementProduct.objects.create(profile=profile, name="Mag citrate", form="citrate", elemental_mg_per_unit=200)
    after = client_logged_in.get("/accounts/profile/").content.decode()
    assert "⛔ Danger:" not in before
    assert "⛔ Danger:" in after and "kidney" in after.lower()


# --- Issue 13: sex asked, pregnancy and breastfeeding dates, body weight ---


def test_a_new_profile_form_preselects_no_sex(client_logged_in):
    form = client_logged_in.get(URL).context["form"]
    assert not form["sex"].value()
    assert 'value="female" checked' not in client_logged_in.get(URL).content.decode()


def test_skipping_the_sex_is_refused_and_nothing_is_saved(client_logged_in, user):
    response = client_logged_in.post(URL, answers(sex=None, age_years="40"))
    assert response.status_code == 200 and "sex" in response.context["form"].errors
    assert own_profile(user).sex == "" and own_profile(user).age_years is None


def test_a_man_who_gives_his_sex_gets_the_mens_target(client_logged_in, user):
    client_logged_in.post(URL, answers(sex="male", age_years="40"))
    assert "Daily target: 420 mg" in client_logged_in.get(URL).content.decode()  # [ODS Table 1] men 31–50


def test_pregnant_without_a_due_date_is_asked_for_it(client_logged_in, user):
    response = client_logged_in.post(URL, answers(age_years="16", pregnant="on"))
    assert "due_date" in response.context["form"].errors and not own_profile(user).pregnant


def test_a_pregnant_16_year_old_in_the_third_trimester_gets_the_extra_energy(client_logged_in, user):
    due = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    client_logged_in.post(URL, answers(age_years="16", pregnant="on", due_date=due))
    profile = own_profile(user)
    assert profile.due_date.isoformat() == due
    energy = client_logged_in.get(URL).context["energy"]
    assert energy["kcal"] == 2000 + 452  # [DGA 2020–2025] girls 16 moderate + third trimester
    assert "Dietary Guidelines" in energy["source"] and "third trimester" in energy["source"]


def test_breastfeeding_stores_the_babys_birth_date_and_adds_its_energy(client_logged_in, user):
    born = (datetime.date.today() - datetime.timedelta(days=60)).isoformat()
    client_logged_in.post(URL, answers(age_years="30", lactating="on", baby_birth_date=born))
    assert own_profile(user).baby_birth_date.isoformat() == born
    assert client_logged_in.get(URL).context["energy"]["kcal"] == 2000 + 330  # [DGA] women 30 + months 0–6


@pytest.mark.parametrize("due", [400, -30])
def test_a_due_date_that_cannot_be_right_is_refused(client_logged_in, user, due):
    date = (datetime.date.today() + datetime.timedelta(days=due)).isoformat()
    response = client_logged_in.post(URL, answers(age_years="30", pregnant="on", due_date=date))
    assert "due_date" in response.context["form"].errors


def test_unticking_pregnant_forgets_the_due_date(client_logged_in, user):
    due = (datetime.date.today() + datetime.timedelta(days=100)).isoformat()
    client_logged_in.post(URL, answers(pregnant="on", due_date=due))
    client_logged_in.post(URL, answers(due_date=due))
    assert own_profile(user).due_date is None


def test_the_body_weight_is_stored_as_a_number(client_logged_in, user):
    client_logged_in.post(URL, answers(weight_kg="31.5", age_years="10"))
    assert float(own_profile(user).weight_kg) == 31.5


@pytest.mark.parametrize("weight", ["0", "-2", "900", "heavy"])
def test_an_impossible_weight_is_refused(client_logged_in, user, weight):
    response = client_logged_in.post(URL, answers(weight_kg=weight))
    assert "weight_kg" in response.context["form"].errors and own_profile(user).weight_kg is None
