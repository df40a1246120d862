"""The plan page around today: it opens on today, today's card says what was eaten so far, a client ticks their
own meals on a plan shared read-only, Add food offers every portion, and no icon needs an emoji font."""

import datetime
import re

import pytest
from django.utils import timezone

from foods.models import Portion
from mealplanner.models import Plan, PlanEntry
from tests.mealplanner.plan_factories import add_food, coffee, make_plan, make_profile, pumpkin_seeds, this_monday

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def profile(user):
    return make_profile(user)


def today_index() -> int:
    return (timezone.localdate() - this_monday()).days


@pytest.fixture
def shared_read_only(profile, django_user_model):
    dietitian = django_user_model.objects.create_user(username="dee", password="x" * 20, is_dietitian=True)
    profile.dietitian = dietitian
    profile.save()
    plan = Plan.objects.create(
        profile=profile, created_by=dietitian, name="From Dee", start_date=this_monday(), shared_with_client=True
    )
    return plan, add_food(plan, pumpkin_seeds(), day=today_index())


def test_a_client_ticks_their_own_meals_on_a_plan_shared_read_only(client_logged_in, shared_read_only):
    plan, entry = shared_read_only
    response = client_logged_in.post(
        f"/plans/{plan.pk}/entries/tick/", {"day": entry.day, "tick": f"{entry.pk}:eaten"}, **HX
    )
    assert response.status_code == 200 and response["HX-Retarget"] == f"#day-{entry.day}"
    body = response.content.decode()
    assert "✓ Eaten</button>" in body and "/edit/" not in body and "Add food" not in body
    entry.refresh_from_db()
    assert entry.status == "eaten"
    # Without JavaScript too, and "skipped" is theirs to say as well.
    plain = client_logged_in.post(
        f"/plans/{plan.pk}/entries/{entry.pk}/status/", {"day": entry.day, "status": "skipped"}
    )
    assert plain.status_code == 302
    entry.refresh_from_db()
    assert entry.status == "skipped"
    # Only the foods are read-only: amounts, moves and removals stay the dietitian's.
    for action, data in (("amount", {"quantity": "2"}), ("move", {"day": 3, "meal": "lunch"}), ("remove", {})):
        assert client_logged_in.post(f"/plans/{plan.pk}/entries/{entry.pk}/{action}/", data).status_code == 404
    entry.refresh_from_db()
    assert (entry.day, float(entry.quantity)) == (today_index(), 1)


def test_a_stranger_ticks_nothing(client, plan_of_alice, other_user):
    plan, entry = plan_of_alice
    client.force_login(other_user)
    assert client.post(f"/plans/{plan.pk}/entries/tick/", {"tick": f"{entry.pk}:eaten"}, **HX).status_code == 404
    assert client.post(f"/plans/{plan.pk}/entries/{entry.pk}/status/", {"status": "eaten"}).status_code == 404
    entry.refresh_from_db()
    assert entry.status == "planned"


@pytest.fixture
def plan_of_alice(profile, user):
    plan = make_plan(profile, user)
    return plan, add_food(plan, pumpkin_seeds(), day=today_index())


@pytest.mark.parametrize("tick", ["", "x", ":eaten", "1", "99999999999999999999999:eaten", "{pk}:devoured", "{pk}"])
def test_a_garbled_tick_changes_nothing_and_never_errors(client_logged_in, plan_of_alice, tick):
    plan, entry = plan_of_alice
    response = client_logged_in.post(f"/plans/{plan.pk}/entries/tick/", {"tick": tick.format(pk=entry.pk), "day": 0})
    assert response.status_code in (302, 404, 422)
    entry.refresh_from_db()
    assert entry.status == "planned"


def test_todays_card_shows_eaten_so_far_once_anything_is_ticked(client_logged_in, plan_of_alice):
    plan, _ = plan_of_alice
    drink = add_food(plan, coffee(), day=today_index(), meal="lunch")
    url = f"/plans/{plan.pk}/"
    assert "Eaten so far today" not in client_logged_in.get(url).content.decode()
    client_logged_in.post(f"{url}entries/tick/", {"tick": f"{drink.pk}:eaten", "day": today_index()})
    body = client_logged_in.get(url).content.decode()
    today = re.search(rf'<section id="day-{today_index()}".*?</section>', body, re.S).group(0)
    eaten = float(re.search(r'<data class="day-eaten-mg" value="([\d.]+)"', today).group(1))
    assert "Eaten so far today" in today and eaten == 7  # 1 cup, 237 g × 3 mg/100 g (SR28 NDB 14209)
    # Beside the plan: the day's planned figure still counts the seeds (764 mg, SR28 NDB 12014).
    assert float(re.search(r'<data class="day-mg" value="([\d.]+)"', today).group(1)) == 771
    assert body.count("Eaten so far today") == 1  # today's card only


def test_the_plan_opens_on_today(client_logged_in, profile):
    response = client_logged_in.post("/plans/", {"name": "This week", "start_date": this_monday().isoformat()})
    plan = Plan.objects.get(name="This week")
    assert response["Location"] == f"/plans/{plan.pk}/#day-{today_index()}"
    body = client_logged_in.get(f"/plans/{plan.pk}/").content.decode()
    day = timezone.localdate()
    assert f'href="#day-{today_index()}" aria-current="date">{day:%a} {day.day}</a>' in body
    assert body.count('aria-current="date"') == 1
    later = make_plan(profile, start=this_monday() + datetime.timedelta(days=7), name="Later")
    assert client_logged_in.post(f"/plans/{later.pk}/duplicate/")["Location"].endswith("/")  # no today there


def test_add_food_offers_every_portion_and_starts_on_the_one_a_person_would_use(client_logged_in, plan_of_alice):
    plan, _ = plan_of_alice
    seeds = pumpkin_seeds()  # SR28 NDB 12014 WEIGHT: 1 cup = 129 g, 1 oz = 28.35 g
    Portion.objects.create(food=seeds, seq=2, label="1 oz", grams=28.35, is_default=True)
    body = client_logged_in.get(
        f"/plans/{plan.pk}/add/", {"day": 1, "meal": "snack", "q": "pumpk"}, **HX
    ).content.decode()
    options = re.findall(r'<option value="(\w+)"( selected)?>([^<]+)</option>', body)
    assert [(label, bool(selected)) for _, selected, label in options] == [
        ("1 cup (129 g)", False),
        ("1 oz (28.4 g)", True),
        ("grams", False),
    ]
    assert "168 mg per 1 oz" in body  # 28.35 g × 592 mg/100 g


def test_the_add_panel_loads_in_place_and_is_a_page_without_javascript(client_logged_in, plan_of_alice):
    plan, _ = plan_of_alice
    page = client_logged_in.get(f"/plans/{plan.pk}/").content.decode()
    assert f'<a href="/plans/{plan.pk}/add/?day=2" hx-get="/plans/{plan.pk}/add/?day=2"' in page
    part = client_logged_in.get(f"/plans/{plan.pk}/add/", {"day": 2}, **HX).content.decode()
    assert "<html" not in part and 'id="q-2"' in part and "autofocus" in part and "Add a supplement" in part
    plain = client_logged_in.get(f"/plans/{plan.pk}/add/", {"day": 2}).content.decode()
    assert "<html" in plain and "Add a supplement" in plain


def test_an_entry_opens_its_change_forms_from_its_name(client_logged_in, plan_of_alice):
    plan, entry = plan_of_alice
    body = client_logged_in.get(f"/plans/{plan.pk}/").content.decode()
    line = re.search(rf'<li id="entry-{entry.pk}">.*?</li>', body, re.S).group(0)
    assert f'<a href="/plans/{plan.pk}/entries/{entry.pk}/edit/">Seeds, pumpkin' in line
    assert line.count("<button") == 1  # eaten/skipped is one control
    assert 'hx-boost="true"' in body  # the link becomes an htmx GET of the same address
    part = client_logged_in.get(f"/plans/{plan.pk}/entries/{entry.pk}/edit/", **HX).content.decode()
    assert "<html" not in part and "Seeds, pumpkin" in part and "Move to day" in part


def test_no_icon_of_the_plan_page_needs_an_emoji_font(client_logged_in, plan_of_alice):
    plan, entry = plan_of_alice
    PlanEntry.objects.filter(pk=entry.pk).update(pinned=True)
    plan.locked_meals = [f"{entry.day}:breakfast"]
    plan.save()
    urls = [f"/plans/{plan.pk}/", f"/plans/{plan.pk}/pins/", f"/plans/{plan.pk}/entries/{entry.pk}/edit/"]
    bodies = [client_logged_in.get(url).content.decode() for url in urls]
    bodies.append(
        client_logged_in.post(
            f"/plans/{plan.pk}/entries/{entry.pk}/amount/", {"quantity": "-1", "portion": "g", "day": entry.day}, **HX
        ).content.decode()
    )
    for body in bodies:
        if "<main" in body:
            body = body[body.index("<main") : body.index("</main>")]
        body = re.sub(
            r'<li class="finding .*?</li>', "", body, flags=re.S
        )  # the rules' findings: includes/finding.html
        assert not re.search("[\U0001f300-\U0001faff\u26d4]", body)  # 🔒 📌 ⛔ and the like
    assert "pinned</span>" in bodies[0] and "locked</span>" in bodies[0] and "Error:</span>" in bodies[3]
