"""Plans a dietitian makes for a client: new week, note and sharing, copy, generate, templates."""

import datetime

import pytest
from django.urls import reverse

from mealplanner.access import own_profile, visible_plans
from mealplanner.models import Plan
from tests.clinic.conftest import add_food, add_supplement

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_dietitian(client, dietitian):
    client.force_login(dietitian)
    return client


def test_a_new_week_for_a_client_with_a_note_and_sharing(as_dietitian, dietitian, client_profile):
    response = as_dietitian.post(
        reverse("clinic:plan_new", args=[client_profile.pk]),
        {
            "name": "Week 1",
            "start_date": "2026-12-07",
            "note": "Try the lentil soup",
            "shared_with_client": "on",
        },
    )
    plan = Plan.objects.get(name="Week 1")
    assert response.status_code == 302
    assert plan.profile == client_profile and plan.created_by == dietitian
    assert plan.start_date == datetime.date(2026, 12, 7)
    assert plan.note == "Try the lentil soup" and plan.shared_with_client and not plan.client_can_edit


def test_a_client_may_edit_only_a_plan_they_see(as_dietitian, client_profile):
    response = as_dietitian.post(
        reverse("clinic:plan_new", args=[client_profile.pk]),
        {
            "name": "Week 1",
            "start_date": "2026-12-07",
            "client_can_edit": "on",
        },
    )
    assert response.status_code == 422
    assert "Share the plan with the client first" in response.content.decode()
    assert not Plan.objects.exists()


@pytest.mark.parametrize("bad", [{"name": ""}, {"start_date": "not a date"}, {"start_date": ""}])
def test_a_bad_new_week_changes_nothing(as_dietitian, client_profile, bad):
    data = {"name": "Week 1", "start_date": "2026-12-07", **bad}
    response = as_dietitian.post(reverse("clinic:plan_new", args=[client_profile.pk]), data)
    assert response.status_code == 422 and "Error:" in response.content.decode()
    assert not Plan.objects.exists()


def test_the_note_and_sharing_decide_what_the_client_sees(as_dietitian, dietitian, make_client, make_user, make_plan):
    clara = make_client(dietitian, "Clara", user=make_user("clara"))
    plan = make_plan(clara, by=dietitian)
    assert not visible_plans(clara.user).filter(pk=plan.pk).exists()
    url = reverse("clinic:plan_settings", args=[plan.pk])
    assert as_dietitian.get(url).status_code == 200
    response = as_dietitian.post(
        url,
        {
            "name": plan.name,
            "start_date": plan.start_date.isoformat(),
            "note": "Well done this week",
            "shared_with_client": "on",
            "client_can_edit": "on",
        },
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.note == "Well done this week"
    assert visible_plans(clara.user).filter(pk=plan.pk).exists()
    from mealplanner.access import can_edit_plan

    assert can_edit_plan(clara.user, plan)
    # Unsharing takes editing away too.
    as_dietitian.post(url, {"name": plan.name, "start_date": plan.start_date.isoformat(), "note": ""})
    plan.refresh_from_db()
    assert not plan.shared_with_client and not plan.client_can_edit
    assert not visible_plans(clara.user).filter(pk=plan.pk).exists()


def test_copy_to_next_week(as_dietitian, client_plan, spinach):
    add_food(client_plan, spinach, 100)
    page = as_dietitian.get(reverse("clinic:plan_duplicate", args=[client_plan.pk]))
    assert "Copy to next week" in page.content.decode()
    response = as_dietitian.post(reverse("clinic:plan_duplicate", args=[client_plan.pk]))
    assert response.status_code == 302
    copy = Plan.objects.exclude(pk=client_plan.pk).get()
    assert copy.profile == client_plan.profile
    assert copy.start_date == client_plan.start_date + datetime.timedelta(days=7)
    assert [e.food for e in copy.entries.all()] == [spinach]
    assert client_plan.entries.count() == 1


def test_with_no_templates_the_page_says_how_to_make_one(as_dietitian, client_profile):
    page = as_dietitian.get(reverse("clinic:plan_from_template", args=[client_profile.pk])).content.decode()
    assert "You have no templates yet" in page


def test_generate_fills_the_clients_week(as_dietitian, client_plan):
    from django.core.management import call_command

    call_command("loaddata", "fixtures/foods.json", verbosity=0)
    response = as_dietitian.post(reverse("clinic:plan_generate", args=[client_plan.pk]), follow=True)
    assert response.status_code == 200
    messages = [str(m) for m in response.context["messages"]]
    assert client_plan.entries.count() > 7
    assert any(f"added {client_plan.entries.count()} dishes and foods" in m for m in messages)


def test_generate_explains_why_it_cannot_fill(as_dietitian, dietitian, make_client, make_plan):
    ageless = make_client(dietitian, "Nadia", age_years=None)
    plan = make_plan(ageless, by=dietitian)
    response = as_dietitian.post(reverse("clinic:plan_generate", args=[plan.pk]), follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert len(messages) == 1 and "cannot be filled" in messages[0]
    assert not plan.entries.exists()


def test_save_as_template_and_start_another_clients_week(
    as_dietitian,
    dietitian,
    client_plan,
    spinach,
    make_client,
):
    add_food(client_plan, spinach, 150, day=2)
    add_supplement(client_plan.profile)
    client_plan.note = "For Clara only"
    client_plan.save()
    client_plan.entries.create(day=0, meal="breakfast", supplement=client_plan.profile.supplements.get(), quantity=1)

    response = as_dietitian.post(reverse("clinic:plan_save_template", args=[client_plan.pk]), {"name": "Greens week"})
    assert response.status_code == 302
    template = Plan.objects.get(name="Greens week")
    assert template.is_template and template.profile == own_profile(dietitian)
    # Foods travel; the supplement (Clara's cabinet) and the note (to Clara) do not.
    assert [(e.day, e.food) for e in template.entries.all()] == [(2, spinach)]
    assert template.note == ""
    assert "Greens week" in as_dietitian.get(reverse("clinic:templates")).content.decode()

    # Karl has kidney disease and a lower custom target: the new week is judged against his rules.
    karl = make_client(
        dietitian,
        "Karl",
        sex="male",
        age_years=62,
        kidney_disease=True,
        custom_target_mg=250,
        custom_target_reason="agreed with his doctor",
    )
    url = reverse("clinic:plan_from_template", args=[karl.pk])
    assert "Greens week" in as_dietitian.get(url).content.decode()
    response = as_dietitian.post(url, {"template": template.pk, "start_date": "2026-12-14", "name": ""})
    assert response.status_code == 302
    week = Plan.objects.get(profile=karl)
    assert (week.name, week.start_date, week.is_template) == ("Greens week", datetime.date(2026, 12, 14), False)
    assert [(e.day, e.food) for e in week.entries.all()] == [(2, spinach)]

    from mealplanner.selectors.plans import plan_week

    assert plan_week(week).target.mg == 250
    assert plan_week(client_plan).target.mg == 320  # Clara, woman of 40 [ODS Table 1]


def test_another_dietitians_template_cannot_be_used(
    as_dietitian,
    dietitian,
    client_profile,
    other_dietitian,
    make_plan,
):
    make_plan(own_profile(dietitian), by=dietitian, is_template=True, name="Mine")
    theirs = make_plan(own_profile(other_dietitian), by=other_dietitian, is_template=True, name="Theirs")
    response = as_dietitian.post(
        reverse("clinic:plan_from_template", args=[client_profile.pk]),
        {"template": theirs.pk, "start_date": "2026-12-14"},
    )
    assert response.status_code == 422 and "Error:" in response.content.decode()
    assert not client_profile.plans.exists()


def test_a_template_is_not_a_client_plan(as_dietitian, dietitian, make_plan):
    template = make_plan(own_profile(dietitian), by=dietitian, is_template=True)
    assert as_dietitian.get(reverse("clinic:plan_settings", args=[template.pk])).status_code == 404
    assert as_dietitian.get(reverse("clinic:plan_duplicate", args=[template.pk])).status_code == 404


def test_deleting_a_template_keeps_the_plans_made_from_it(as_dietitian, dietitian, client_plan, make_plan):
    template = make_plan(own_profile(dietitian), by=dietitian, is_template=True)
    response = as_dietitian.post(reverse("clinic:template_delete", args=[template.pk]))
    assert response.status_code == 302
    assert not Plan.objects.filter(pk=template.pk).exists()
    assert Plan.objects.filter(pk=client_plan.pk).exists()


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("clinic:plan_settings", "put"),
        ("clinic:plan_duplicate", "delete"),
        ("clinic:plan_generate", "patch"),
        ("clinic:plan_save_template", "put"),
    ],
)
def test_a_wrong_method_is_405(as_dietitian, client_plan, name, method):
    assert getattr(as_dietitian, method)(reverse(name, args=[client_plan.pk])).status_code == 405


def test_the_template_list_refuses_post(as_dietitian):
    assert as_dietitian.post(reverse("clinic:templates")).status_code == 405


def test_the_client_sees_the_note_but_never_the_private_notes(client, dietitian, make_client, make_user, make_plan):
    clara = make_client(dietitian, "Clara", user=make_user("clara"), dietitian_notes="Secret: struggles with dairy")
    plan = make_plan(clara, by=dietitian, shared_with_client=True, note="Try oats with banana")
    client.force_login(clara.user)
    page = client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
    assert "Try oats with banana" in page
    assert "Secret" not in page
    assert client.get(reverse("clinic:client", args=[clara.pk])).status_code == 404
