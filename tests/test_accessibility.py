"""axe-core (axe-playwright-python, offline) finds no serious or critical accessibility problem on any page,
at desktop and phone width, for each role: an anonymous visitor, a person, a dietitian, a dietitian's client
and an admin (with Django admin's foods pages). The page list is checked against the URL conf, so a new page
cannot be forgotten (issue 15). Chromium through Playwright."""

from collections.abc import Callable

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.template.loader import render_to_string
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from playwright.sync_api import Page, Route, expect

from tests.accessibility_world import World, build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROLES = ["visitor", "person", "dietitian", "client", "admin"]
WIDTHS = {"desktop": 1280, "phone": 360}
BLOCKING = {"serious", "critical"}
# htmx marks an element with these classes while its request, swap or settle runs.
HTMX_DONE = "!document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')"

Kwargs = Callable[[World], dict]
NONE: Kwargs = lambda w: {}  # noqa: E731
PLAN: Kwargs = lambda w: {"plan_id": w.plan.pk}  # noqa: E731
CLIENT: Kwargs = lambda w: {"profile_id": w.client.pk}  # noqa: E731
CLIENT_PLAN: Kwargs = lambda w: {"plan_id": w.client_plan.pk}  # noqa: E731
RECIPE: Kwargs = lambda w: {"recipe_id": w.recipe.pk}  # noqa: E731

# Every page a role can open: (role, URL name, its arguments, query string).
PAGES: list[tuple[str, str, Kwargs, str]] = [
    ("visitor", "home", NONE, ""),
    ("visitor", "login", NONE, ""),
    ("visitor", "signup", NONE, ""),
    ("visitor", "signup_sent", NONE, ""),
    ("visitor", "signup_confirm", lambda w: {"token": w.signup_token}, ""),
    ("visitor", "password_reset", NONE, ""),
    ("visitor", "password_reset_done", NONE, ""),
    ("visitor", "password_reset_confirm", lambda w: w.reset, ""),
    ("visitor", "password_reset_complete", NONE, ""),
    ("visitor", "clinic:invite_accept", lambda w: {"token": w.invite_token}, ""),
    ("person", "home", NONE, ""),
    ("person", "account", NONE, ""),
    ("person", "account_delete", NONE, ""),
    ("person", "password_change", NONE, ""),
    ("person", "password_change_done", NONE, ""),
    ("person", "profile", NONE, ""),
    ("person", "cabinet", NONE, ""),
    ("person", "cabinet_add", NONE, ""),
    ("person", "cabinet_edit", lambda w: {"supplement_id": w.supplement.pk}, ""),
    ("person", "cabinet_delete", lambda w: {"supplement_id": w.supplement.pk}, ""),
    ("person", "foods:list", NONE, "?q=spinach"),
    ("person", "plans:list", NONE, ""),
    ("person", "plans:detail", PLAN, ""),
    ("person", "plans:delete", PLAN, ""),
    ("person", "plans:day_copy", lambda w: {"plan_id": w.plan.pk, "day": 0}, ""),
    ("person", "plans:meal_copy", lambda w: {"plan_id": w.plan.pk, "day": 0}, "?meal=dinner"),
    ("person", "plans:pins", PLAN, ""),
    ("person", "plans:food_search", PLAN, "?day=0&meal=lunch&q=seeds"),
    ("person", "plans:quick_add", PLAN, "?day=0&meal=lunch"),
    ("person", "plans:entry_edit", lambda w: {"plan_id": w.plan.pk, "entry_id": w.food_entry.pk}, ""),
    ("person", "plans:entry_edit", lambda w: {"plan_id": w.plan.pk, "entry_id": w.recipe_entry.pk}, ""),
    ("person", "plans:entry_edit", lambda w: {"plan_id": w.plan.pk, "entry_id": w.supplement_entry.pk}, ""),
    ("person", "plans:entry_swap", lambda w: {"plan_id": w.plan.pk, "entry_id": w.food_entry.pk}, ""),
    ("person", "generator:suggest", PLAN, "?day=0&meal=lunch"),
    ("person", "generator:dislikes", PLAN, ""),
    ("person", "exports:print", PLAN, ""),
    ("person", "exports:shopping", PLAN, ""),
    ("person", "diary:home", NONE, ""),
    ("person", "diary:habits", NONE, ""),
    ("person", "diary:insights", NONE, ""),
    ("person", "recipes:list", NONE, ""),
    ("person", "recipes:new", NONE, ""),
    ("person", "recipes:import", NONE, ""),
    ("person", "recipes:detail", RECIPE, ""),
    ("person", "recipes:edit", RECIPE, ""),
    ("person", "recipes:delete", RECIPE, ""),
    ("person", "recipes:ingredient_add", RECIPE, "?q=spinach"),
    ("person", "recipes:paste", RECIPE, ""),
    ("person", "recipes:own_foods", NONE, ""),
    ("person", "recipes:own_food_new", NONE, ""),
    ("person", "recipes:own_food_edit", lambda w: {"own_food_id": w.own_food.pk}, ""),
    ("person", "recipes:own_food_delete", lambda w: {"own_food_id": w.own_food.pk}, ""),
    ("dietitian", "clinic:dashboard", NONE, ""),
    ("dietitian", "clinic:client_new", NONE, ""),
    ("dietitian", "clinic:client", CLIENT, ""),
    ("dietitian", "clinic:client_edit", CLIENT, ""),
    ("dietitian", "clinic:client_remove", CLIENT, ""),
    ("dietitian", "clinic:client_invite", lambda w: {"profile_id": w.invitee.pk}, ""),
    ("dietitian", "clinic:plan_new", CLIENT, ""),
    ("dietitian", "clinic:plan_from_template", CLIENT, ""),
    ("dietitian", "clinic:supplement_new", CLIENT, ""),
    (
        "dietitian",
        "clinic:supplement_edit",
        lambda w: {"profile_id": w.client.pk, "supplement_id": w.client_supplement.pk},
        "",
    ),
    ("dietitian", "clinic:plan_settings", CLIENT_PLAN, ""),
    ("dietitian", "clinic:plan_duplicate", CLIENT_PLAN, ""),
    ("dietitian", "clinic:plan_generate", CLIENT_PLAN, ""),
    ("dietitian", "clinic:plan_save_template", CLIENT_PLAN, ""),
    ("dietitian", "clinic:templates", NONE, ""),
    ("dietitian", "clinic:template_delete", lambda w: {"plan_id": w.template.pk}, ""),
    ("dietitian", "plans:detail", CLIENT_PLAN, ""),
    ("dietitian", "diary:profile_home", CLIENT, ""),
    ("dietitian", "diary:profile_insights", CLIENT, ""),
    ("dietitian", "plans:list", NONE, ""),
    ("client", "home", NONE, ""),
    ("client", "plans:list", NONE, ""),
    ("client", "plans:detail", CLIENT_PLAN, ""),
    ("client", "clinic:my_dietitian", NONE, ""),
    ("client", "diary:home", NONE, ""),
    ("client", "profile", NONE, ""),
    ("admin", "admin:index", NONE, ""),
    ("admin", "admin:foods_food_changelist", NONE, "?q=spinach"),
    ("admin", "admin:foods_food_change", lambda w: {"object_id": w.food.pk}, ""),
    ("admin", "admin:foods_food_add", NONE, ""),
    ("admin", "admin:foods_food_import", NONE, ""),
    ("admin", "admin:mealplanner_profile_change", lambda w: {"object_id": w.plan.profile_id}, ""),
    ("admin", "admin:mealplanner_plan_change", lambda w: {"object_id": w.plan.pk}, ""),
    ("admin", "admin:recipes_recipe_change", lambda w: {"object_id": w.recipe.pk}, ""),
    ("admin", "plans:list", NONE, ""),
]

# Named URLs that are not pages, and why.
NOT_PAGES = {
    "ping": "plain text for health checks",
    "logout": "POST only",
    "account_download": "a JSON download",
    "medicine_add": "POST only",
    "medicine_remove": "POST only",
    "plans:duplicate": "POST only",
    "plans:entry_add_food": "POST only",
    "plans:entry_add_supplement": "POST only",
    "plans:entry_add_recipe": "POST only",
    "plans:entry_add_own_food": "POST only",
    "plans:entries": "a 404 by design: entries are reached through the plan page",
    "plans:entry_tick": "POST only",
    "plans:entry_amount": "POST only",
    "plans:entry_status": "POST only",
    "plans:entry_move": "POST only",
    "plans:entry_remove": "POST only",
    "generator:fill_day": "a GET leads back to the plan page's generator",
    "generator:fill_week": "a GET leads back to the plan page's generator",
    "generator:lock": "POST only",
    "generator:pin": "POST only",
    "generator:dislike": "POST only",
    "generator:dislike_remove": "POST only",
    "exports:shopping_csv": "a download",
    "exports:entries_csv": "a download",
    "exports:entries_xlsx": "a download",
    "exports:totals_csv": "a download",
    "exports:totals_xlsx": "a download",
    "exports:plan_xlsx": "a download",
    "diary:export": "a download",
    "diary:profile_export": "a download",
    "recipes:ingredient_remove": "POST only",
    "recipes:paste_confirm": "POST only",
    "recipes:favourite": "POST only",
}


def url_names(patterns=None, namespace: str = "") -> set[str]:
    """Every named URL of the site, namespaced, leaving out Django admin's generated ones."""
    names: set[str] = set()
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            names |= url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)
    return names


def test_every_named_url_is_a_visited_page_or_listed_as_not_a_page():
    visited = {name for _, name, _, _ in PAGES}
    assert url_names() - visited - set(NOT_PAGES) == set(), "add these pages to PAGES (or say why in NOT_PAGES)"
    assert visited & set(NOT_PAGES) == set()
    assert set(NOT_PAGES) <= url_names(), "NOT_PAGES names a URL that no longer exists"


def blocking_problems(results: dict) -> list[str]:
    return [
        f"  {v['id']} ({v['impact']}): {v['help']}\n"
        + "".join(f"    at {' '.join(map(str, node['target']))}: {node['html'][:160]}\n" for node in v["nodes"][:5])
        for v in results["violations"]
        if v["impact"] in BLOCKING
    ]


@pytest.fixture
def world(foods) -> World:
    return build_world()


def logged_in_page(browser, live_server, user, width: str) -> Page:
    """A page in a browser context of its own at `width`, logged in as `user` (None: an anonymous visitor)."""
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 800})
    if user is not None:
        session = Client()
        session.force_login(user)
        cookie = {"name": "sessionid", "value": session.cookies["sessionid"].value, "url": live_server.url}
        context.add_cookies([cookie])
    return context.new_page()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("role", ROLES)
def test_no_page_has_a_serious_or_critical_accessibility_problem(browser, live_server, world, role, width):
    page = logged_in_page(browser, live_server, world.users.get(role), width)
    axe = Axe()
    found: list[str] = []
    pages = [(name, kwargs, query) for who, name, kwargs, query in PAGES if who == role]
    for name, kwargs, query in pages:
        path = reverse(name, kwargs=kwargs(world)) + query
        response = page.goto(live_server.url + path)
        assert response is not None and response.ok, f"{path} answered {response and response.status}"
        page.wait_for_function(HTMX_DONE)  # a part loaded on arrival (the add page's quick add) is in place
        problems = blocking_problems(axe.run(page).response)
        if problems:
            found.append(f"{path}:\n" + "".join(problems))
    page.context.close()
    assert not found, f"{len(found)} of {len(pages)} pages at {WIDTHS[width]} px as {role}:\n" + "\n".join(found)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_plan_page_with_its_parts_opened_in_place_has_no_serious_or_critical_problem(
    browser, live_server, world, width
):
    # What htmx loads into the plan page is checked in place too: an add panel with search results, an
    # entry's change forms, the generator's pin list and, on a phone, the open menu.
    page = logged_in_page(browser, live_server, world.users["person"], width)
    page.goto(f"{live_server.url}{reverse('plans:detail', args=[world.plan.pk])}#day-0")
    monday = page.locator("#day-0")
    monday.get_by_role("link", name="Add food or a supplement").click()
    search = monday.get_by_role("searchbox", name="Food")
    expect(search).to_be_focused()  # the panel is wired before typing
    search.fill("pumpk")
    expect(monday.locator(".search-results li", has_text="pumpkin").first).to_be_visible()
    monday.locator(".entries li a").first.click()
    expect(monday.get_by_label("Move to day")).to_be_visible()
    page.get_by_role("link", name="Pin foods so the generator keeps them").click()
    expect(page.locator("#generator-pins")).to_be_visible()
    if width == "phone":
        page.get_by_role("button", name="Menu").click()
        expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    problems = blocking_problems(Axe().run(page).response)
    page.context.close()
    assert not problems, f"the plan page at {WIDTHS[width]} px, parts opened:\n" + "".join(problems)


# The pages a server error or a refusal shows, rendered as their handlers render them (without a request).
ERROR_TEMPLATES = {
    "403.html": {},
    "403_csrf.html": {"reason": "CSRF token missing."},
    "500.html": {},
    "503.html": {},
    "507.html": {},
    "limit_reached.html": {"message": "You have reached the limit of 200 plans.", "back": "/plans/"},
}


def serving(html: str) -> Callable[[Route], None]:
    return lambda route: route.fulfill(body=html, content_type="text/html")


@pytest.mark.parametrize("width", WIDTHS)
def test_error_pages_have_no_serious_or_critical_accessibility_problem(browser, live_server, width):
    page = logged_in_page(browser, live_server, None, width)
    axe = Axe()
    found: list[str] = []
    response = page.goto(f"{live_server.url}/no-such-page/")
    assert response is not None and response.status == 404
    found += blocking_problems(axe.run(page).response)
    for name, context in ERROR_TEMPLATES.items():
        html = render_to_string(name, context)
        # Served from the site's own address, so the page's stylesheet and scripts load as they would.
        page.route(f"{live_server.url}/error-page/", serving(html))
        page.goto(f"{live_server.url}/error-page/")
        found += [f"{name}: {problem}" for problem in blocking_problems(axe.run(page).response)]
        page.unroute(f"{live_server.url}/error-page/")
    page.context.close()
    assert not found, f"error pages at {WIDTHS[width]} px:\n" + "".join(found)
