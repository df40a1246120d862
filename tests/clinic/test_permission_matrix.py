"""Who may open each clinic page that takes an id: only the client's own dietitian.

Anonymous visitors go to the login page; a plain person, another dietitian's client, another dietitian
and an admin (staff use the Django admin) all get 404. Add a URL by adding one line to URLS.
"""

import pytest
from django.urls import NoReverseMatch, reverse

from tests.clinic.conftest import add_supplement

# (url name, which object's id it takes[, method]). "profile": the client; "plan": a plan on that client;
# "template": a template of the dietitian; "supplement": a product in the client's cabinet.
# Pages are checked with GET; a POST-only endpoint is marked "post" and checked with an empty POST.
URLS = [
    ("clinic:client", "profile"),
    ("clinic:client_edit", "profile"),
    ("clinic:client_remove", "profile"),
    ("clinic:client_invite", "profile"),
    ("clinic:plan_new", "profile"),
    ("clinic:plan_from_template", "profile"),
    ("clinic:supplement_new", "profile"),
    ("clinic:supplement_edit", "supplement"),
    ("clinic:plan_settings", "plan"),
    ("clinic:plan_duplicate", "plan"),
    ("clinic:plan_generate", "plan"),
    ("clinic:plan_save_template", "plan"),
    ("clinic:template_delete", "template"),
    ("plans:detail", "plan"),  # the plan page, where a dietitian edits a client's meals
    ("plans:duplicate", "plan", "post"),
    ("plans:delete", "plan"),
    ("plans:food_search", "plan"),
]

# Pages that only show something: a POST there is a 405 whoever sends it.
GET_ONLY = {"clinic:client"}

ROLES = ["anonymous", "plain person", "another dietitian's client", "another dietitian", "admin", "the dietitian"]


@pytest.fixture
def world(dietitian, other_dietitian, make_user, make_client, make_plan, django_user_model):
    from mealplanner.access import own_profile

    client = make_client(dietitian, "Clara")
    other_client_user = make_user("olga")
    make_client(other_dietitian, "Olga", user=other_client_user)
    template = make_plan(own_profile(dietitian), by=dietitian, name="Template", is_template=True)
    users = {
        "anonymous": None,
        "plain person": make_user("pat"),
        "another dietitian's client": other_client_user,
        "another dietitian": other_dietitian,
        "admin": django_user_model.objects.create_superuser("root", "root@example.org", "a-long-test-password"),
        "the dietitian": dietitian,
    }
    ids = {
        "profile": client.pk,
        "plan": make_plan(client, by=dietitian, shared_with_client=True).pk,
        "template": template.pk,
        "supplement": add_supplement(client).pk,
    }
    return users, ids


def _url(name, kind, ids):
    obj_id = ids[kind]
    if name == "clinic:supplement_edit":
        return reverse(name, args=[ids["profile"], obj_id])
    try:
        return reverse(name, args=[obj_id])
    except NoReverseMatch:
        # A renamed or removed URL must not silently drop out of the matrix.
        pytest.fail(f"{name} no longer exists: update the permission matrix")


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url", URLS, ids=lambda u: u[0])
def test_only_the_clients_dietitian_may_open_it(client, world, role, url):
    name, kind, method = (*url, "get")[:3]
    users, ids = world
    path = _url(name, kind, ids)
    if users[role] is not None:
        client.force_login(users[role])
    response = getattr(client, method)(path)
    if role == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    elif role == "the dietitian":
        # A page shows (200); an action does its work and redirects (302).
        assert response.status_code == (200 if method == "get" else 302)
    else:
        assert response.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["plain person", "another dietitian's client", "another dietitian", "admin"])
@pytest.mark.parametrize(("name", "kind"), [u[:2] for u in URLS if u[0].startswith("clinic:") and u[0] not in GET_ONLY])
def test_a_stranger_cannot_change_anything_by_post(client, world, role, name, kind):
    from mealplanner.models import Plan, Profile, SupplementProduct

    users, ids = world
    before = (Profile.objects.count(), Plan.objects.count(), SupplementProduct.objects.count())
    client.force_login(users[role])
    response = client.post(_url(name, kind, ids), {"name": "Hacked", "start_date": "2026-01-05"})
    assert response.status_code == 404
    assert (Profile.objects.count(), Plan.objects.count(), SupplementProduct.objects.count()) == before
    assert not Profile.objects.filter(name="Hacked").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["clinic:dashboard", "clinic:client_new", "clinic:templates"])
@pytest.mark.parametrize("role", ["plain person", "another dietitian's client", "admin"])
def test_pages_without_an_id_are_for_dietitians_only(client, world, role, name):
    users, _ = world
    client.force_login(users[role])
    assert client.get(reverse(name)).status_code == 404


# The plan rules through the pages: what the client herself may open on her own profile. "see" is the plan
# page; "change" is a page only an editor may open (deleting the plan asks first). Each kind is one rule of
# mealplanner/access.py; tests/clinic/test_access_rules.py pins the same rules on the functions themselves.
CLIENT_PLAN_RULES = [
    # (kind, plan fields, made by, may see, may change)
    ("her own plan", {}, "client", True, True),
    ("a plan with no creator", {}, None, True, True),
    ("shared read-only", {"shared_with_client": True}, "dietitian", True, False),
    ("shared and editable", {"shared_with_client": True, "client_can_edit": True}, "dietitian", True, True),
    ("the dietitian's unshared draft", {}, "dietitian", False, False),
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "fields", "maker", "may_see", "may_change"), CLIENT_PLAN_RULES, ids=[rule[0] for rule in CLIENT_PLAN_RULES]
)
def test_a_client_opens_and_changes_her_plans_as_the_rules_say(
    client, dietitian, make_user, make_client, make_plan, kind, fields, maker, may_see, may_change
):
    clara = make_user("clara")
    profile = make_client(dietitian, "Clara", user=clara)
    plan = make_plan(profile, by={"client": clara, "dietitian": dietitian, None: None}[maker], **fields)
    client.force_login(clara)
    assert client.get(reverse("plans:detail", args=[plan.pk])).status_code == (200 if may_see else 404)
    assert client.get(reverse("plans:delete", args=[plan.pk])).status_code == (200 if may_change else 404)
    # A stranger gets nothing, whatever the kind.
    client.force_login(make_user("mallory"))
    assert client.get(reverse("plans:detail", args=[plan.pk])).status_code == 404
    assert client.get(reverse("plans:delete", args=[plan.pk])).status_code == 404


@pytest.mark.django_db
def test_a_dietitian_whose_flag_was_removed_loses_her_clients_pages(client, world, dietitian):
    _, ids = world
    dietitian.is_dietitian = False
    dietitian.save()
    client.force_login(dietitian)
    assert client.get(reverse("clinic:client", args=[ids["profile"]])).status_code == 404
    assert client.get(reverse("plans:detail", args=[ids["plan"]])).status_code == 404
    assert client.get(reverse("clinic:dashboard")).status_code == 404
