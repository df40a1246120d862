"""The plan page always shows the plan as it is now: whatever changed (an amount, the profile, the cabinet,
a change made outside the page), the next page shows it; tokens and menus are each viewer's own."""

import datetime
import re

import pytest
from django.template.defaultfilters import floatformat
from django.test import Client

from tests.mealplanner.plan_factories import (
    add_food,
    add_supplement,
    cheese,
    citrate,
    coffee,
    make_plan,
    make_profile,
    mystery_food,
    pumpkin_seeds,
    this_monday,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile(user):
    return make_profile(user, diet="vegan")


def mixed_week(profile, start):
    plan = make_plan(profile, start=start)
    seeds, supplement = pumpkin_seeds(), citrate(profile)
    add_food(plan, seeds, day=0, quantity="1.5")
    add_food(plan, seeds, day=0, meal="dinner", portion=None, quantity=30, status="eaten")
    add_food(plan, coffee(), day=0, meal="lunch", quantity=2, status="skipped")
    add_food(plan, mystery_food(), day=1, portion=None, quantity=250)
    add_food(plan, cheese(), day=1, meal="snack", portion=None, quantity=40)
    add_supplement(plan, supplement, day=0)
    add_supplement(plan, supplement, day=3, quantity=2)
    return plan


def test_a_day_shows_a_changed_amount_at_once(client_logged_in, profile, user):
    plan = make_plan(profile, user, start=this_monday() + datetime.timedelta(days=7))
    entry = add_food(plan, pumpkin_seeds(), day=2)
    url = f"/plans/{plan.pk}/"
    assert "1 × 1 cup (129 g)" in client_logged_in.get(url).content.decode()
    response = client_logged_in.post(
        f"{url}entries/{entry.pk}/amount/", {"day": 2, "quantity": "2", "portion": entry.portion_id}
    )
    assert response.status_code == 302
    body = client_logged_in.get(url).content.decode()
    assert "2 × 1 cup (258 g)" in body and "1 × 1 cup (129 g)" not in body
    day_mg = [float(v) for v in re.findall(r'<data class="day-mg" value="([\d.]+)"', body)]
    assert day_mg[2] == pytest.approx(1527, abs=1)  # 2 × 129 g × 592 mg/100 g (SR28 NDB 12014)


def test_a_day_follows_a_change_to_the_profile(client_logged_in, profile, user):
    plan = make_plan(profile, user)
    add_food(plan, cheese(), day=0, portion=None, quantity=40)
    url = f"/plans/{plan.pk}/"
    assert "⚠ not vegan" in client_logged_in.get(url).content.decode()
    profile.diet = "none"
    profile.save()
    assert "⚠ not vegan" not in client_logged_in.get(url).content.decode()


def test_a_day_follows_a_change_made_outside_the_page(client_logged_in, profile, user):
    plan = make_plan(profile, user)
    entry = add_food(plan, pumpkin_seeds(), day=0)
    url = f"/plans/{plan.pk}/"
    client_logged_in.get(url)
    entry.status = "eaten"
    entry.save()  # e.g. the generator or an admin, without the plan services
    assert "✓ Eaten</button>" in client_logged_in.get(url).content.decode()


def test_forms_carry_a_token_that_works_for_the_person_reading_them(user, profile):
    plan = make_plan(profile, user)
    entry = add_food(plan, pumpkin_seeds(), day=0)
    url = f"/plans/{plan.pk}/"
    first = Client(enforce_csrf_checks=True)
    first.force_login(user)
    first.get(url)
    second = Client(enforce_csrf_checks=True)
    second.force_login(user)
    body = second.get(url).content.decode()
    form = body[body.index('id="tick-0"') :]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    assert f'form="tick-0" name="tick" value="{entry.pk}:eaten"' in body
    response = second.post(f"{url}entries/tick/", {"day": 0, "tick": f"{entry.pk}:eaten", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == "eaten"


def test_a_read_only_client_ticks_but_never_gets_the_editors_controls(client, user, profile, django_user_model):
    dietitian = django_user_model.objects.create_user(username="dee", password="pw-123456789", is_dietitian=True)
    profile.dietitian = dietitian
    profile.save()
    plan = make_plan(profile, dietitian)
    plan.shared_with_client = True
    plan.save()
    add_food(plan, pumpkin_seeds(), day=0)
    client.force_login(dietitian)
    assert "/edit/" in client.get(f"/plans/{plan.pk}/").content.decode()
    client.force_login(user)
    body = client.get(f"/plans/{plan.pk}/").content.decode()
    assert "Read only" in body and "/edit/" not in body and "Add food" not in body
    assert ">Planned</button>" in body  # issue 13: ticking is the client's own record


def test_the_page_follows_a_new_name_and_note(client_logged_in, profile, user):
    plan = make_plan(profile, user)
    add_food(plan, pumpkin_seeds(), day=0)
    url = f"/plans/{plan.pk}/"
    client_logged_in.get(url)
    plan.name, plan.note = "Iron week", "Try spinach on Tuesday."
    plan.save()
    body = client_logged_in.get(url).content.decode()
    assert "<h1>Iron week</h1>" in body and "Try spinach on Tuesday." in body


def test_a_day_follows_a_change_to_a_product_in_the_cabinet(client_logged_in, profile, user):
    plan = make_plan(profile, user)
    product = citrate(profile, mg=400)
    add_supplement(plan, product, day=0)
    url = f"/plans/{plan.pk}/"
    assert re.search(r"\b400 mg\b", client_logged_in.get(url).content.decode())
    product.elemental_mg_per_unit = 150
    product.save()
    page = client_logged_in.get(url).content.decode()
    assert re.search(r"\b150 mg\b", page) and not re.search(r"\b400 mg\b", page)


@pytest.fixture
def dietitians_read_only_plan(profile, django_user_model):
    """The client's dietitian and a plan she made for the client, shared for reading only."""
    dietitian = django_user_model.objects.create_user(username="dee", password="x" * 20, is_dietitian=True)
    profile.dietitian = dietitian
    profile.save()
    shared = make_plan(profile, dietitian)
    shared.shared_with_client = True
    shared.save()
    return dietitian, shared


def test_a_client_who_may_only_read_gets_no_change_link_after_the_dietitian_viewed_it(
    client_logged_in, dietitians_read_only_plan
):
    dietitian, shared = dietitians_read_only_plan
    entry = add_food(shared, pumpkin_seeds(), day=1)
    url = f"/plans/{shared.pk}/"
    as_dietitian = Client()
    as_dietitian.force_login(dietitian)
    assert f"entries/{entry.pk}/edit/" in as_dietitian.get(url).content.decode()
    body = client_logged_in.get(url).content.decode()
    assert f'id="entry-{entry.pk}"' in body and "1 × 1 cup (129 g)" in body
    assert f"entries/{entry.pk}/edit/" not in body


def test_a_refused_change_shows_its_form_once_and_the_next_view_shows_the_entry_again(client_logged_in, profile, user):
    plan = make_plan(profile, user)
    entry = add_food(plan, pumpkin_seeds(), day=0)
    url = f"/plans/{plan.pk}/"
    client_logged_in.get(url)
    refused = client_logged_in.post(
        f"{url}entries/{entry.pk}/amount/",
        {"day": 0, "quantity": "-3", "portion": entry.portion_id},
        HTTP_HX_REQUEST="true",
    )
    assert 'aria-invalid="true"' in refused.content.decode()
    body = client_logged_in.get(url).content.decode()
    assert 'aria-invalid="true"' not in body and "1 × 1 cup (129 g)" in body


def test_an_htmx_change_answers_with_the_changed_entry_and_its_neighbours(client_logged_in, profile, user):
    plan = make_plan(profile, user, start=this_monday() + datetime.timedelta(days=7))
    seeds, drink = pumpkin_seeds(), coffee()
    changed = add_food(plan, seeds, day=3)
    kept = add_food(plan, drink, day=3, meal="lunch")
    url = f"/plans/{plan.pk}/"
    answer = client_logged_in.post(
        f"{url}entries/{changed.pk}/amount/",
        {"day": 3, "quantity": "0.5", "portion": changed.portion_id},
        HTTP_HX_REQUEST="true",
    ).content.decode()
    assert "0.5 × 1 cup (64 g)" in answer and "1 × 1 cup (129 g)" not in answer
    assert f'id="entry-{kept.pk}"' in answer and "1 × 1 cup (237 g)" in answer
    # 64.5 g of seeds (592 mg/100 g, NDB 12014) and a cup of coffee (3 mg/100 g, NDB 14209): 382 + 7 mg
    assert re.search(r'<data class="day-mg" value="389">', answer)


def test_the_site_menu_is_each_viewers_own(client_logged_in, dietitians_read_only_plan):
    dietitian, shared = dietitians_read_only_plan
    url = f"/plans/{shared.pk}/"
    as_dietitian = Client()
    as_dietitian.force_login(dietitian)
    assert ">Clients</a>" in as_dietitian.get(url).content.decode()
    body = client_logged_in.get(url).content.decode()
    assert ">Clients</a>" not in body and ">My dietitian</a>" in body and ">Diary</a>" in body
    assert as_dietitian.get(url).content.decode().count(">My dietitian</a>") == 0


def test_a_message_after_a_plain_form_post_shows_on_the_page_once(client_logged_in, profile, user):
    plan = make_plan(profile, user)
    entry = add_food(plan, pumpkin_seeds(), day=0)
    url = f"/plans/{plan.pk}/"
    response = client_logged_in.post(
        f"{url}entries/{entry.pk}/amount/", {"day": 0, "quantity": "2", "portion": entry.portion_id}, follow=True
    )
    assert "Amount changed." in response.content.decode()
    assert "Amount changed." not in client_logged_in.get(url).content.decode()


def test_a_plan_name_with_markup_is_text(client_logged_in, profile, user):
    plan = make_plan(profile, user)
    plan.name = "<script>alert(1)</script> week"
    plan.save()
    url = f"/plans/{plan.pk}/"
    for _ in range(2):
        body = client_logged_in.get(url).content.decode()
        assert "<script>alert(1)</script>" not in body and "&lt;script&gt;alert(1)&lt;/script&gt; week" in body


def test_the_whole_filter_shows_what_floatformat_shows_for_any_figure():
    from decimal import Decimal

    from mealplanner.templatetags.plan_numbers import whole as whole_filter

    for value in (None, "", 0, 0.5, 2.5, 763.68, Decimal("320"), 3774.4999, "12.5", "not a number"):
        assert whole_filter(value) == floatformat(value, 0), value


def test_allergies_stored_in_an_odd_shape_still_show_the_page(client_logged_in, profile, user):
    plan = make_plan(profile, user)
    add_food(plan, pumpkin_seeds(), day=0)
    profile.allergies = [["nuts"], {"x": 1}]  # e.g. typed into the admin's JSON field
    profile.save()
    response = client_logged_in.get(f"/plans/{plan.pk}/")
    assert response.status_code == 200 and "1 × 1 cup (129 g)" in response.content.decode()


def _line(body: str, entry) -> str:
    return re.search(rf'<li id="entry-{entry.pk}".*?</li>', body, re.S).group(0)


def test_an_entry_line_shows_its_marks_its_time_and_an_unknown_magnesium(client_logged_in, profile, user):
    plan = make_plan(profile, user, start=this_monday() + datetime.timedelta(days=7))
    plain = add_food(plan, pumpkin_seeds(), day=2)
    unknown = add_food(plan, mystery_food(), day=2, portion=None, quantity=250)
    not_vegan = add_food(plan, cheese(), day=2, meal="lunch", portion=None, quantity=40)
    taken = add_supplement(plan, citrate(profile), day=2)
    taken.time_taken, taken.pinned, taken.generated = datetime.time(8, 5), True, True
    taken.save()
    body = client_logged_in.get(f"/plans/{plan.pk}/").content.decode()

    line = _line(body, plain)
    assert "1 × 1 cup (129 g)" in line and "764 mg" in line  # 129 g × 592 mg/100 g (NDB 12014)
    assert not any(mark in line for mark in ("supplement", "pinned", "generated", "⚠", " at ", "unknown"))
    assert "Mg unknown" in _line(body, unknown) and "250 g" in _line(body, unknown)
    assert "⚠ not vegan" in _line(body, not_vegan)
    line = _line(body, taken)
    assert "1 unit at 08:05" in line and "400 mg" in line
    assert "<small>supplement</small>" in line and "pinned" in line and "generated" in line
