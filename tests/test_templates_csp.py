"""Templates keep to the Content Security Policy (no inline script, style or event handlers, nothing from a
CDN), every post form carries a CSRF token, and text people type comes back escaped on the pages that show it."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from foods.models import Food, Portion
from mealplanner.models import SupplementProduct
from tests.mealplanner.plan_factories import add_food, add_supplement, make_plan, make_profile

ROOT = Path(settings.BASE_DIR)
TEMPLATE_DIRS = [ROOT / "templates", *sorted(ROOT.glob("*/templates"))]
TEMPLATES = sorted(p for d in TEMPLATE_DIRS for p in d.rglob("*") if p.is_file() and p.suffix in {".html", ".svg"})

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I)
STYLE_ELEMENT = re.compile(r"<style[\s>]", re.I)
HX_ON = re.compile(r"\bhx-on", re.I)
# Resources loaded from another site (links to read elsewhere, <a href="https://...">, are fine).
REMOTE_RESOURCE = re.compile(
    r"<(?:script|link|img|iframe|source|audio|video)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//", re.I
)
REMOTE_IMPORT = re.compile(r"(?:@import|url\()\s*[\"']?(?:https?:)?//", re.I)
POST_FORM = re.compile(r"<form\b[^>]*\bmethod\s*=\s*[\"']?post[\"']?[^>]*>(.*?)</form>", re.I | re.S)
INCLUDE = re.compile(r"{%\s*include\s+[\"']([^\"']+)[\"']")
COMMENT = re.compile(r"{#.*?#}|{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", re.S)


def _name(path: Path) -> str:
    for folder in TEMPLATE_DIRS:
        if path.is_relative_to(folder):
            return path.relative_to(folder).as_posix()
    return path.as_posix()


def _params():
    for path in TEMPLATES:
        yield pytest.param(path, id=_name(path))


def _source(name: str) -> str:
    for folder in TEMPLATE_DIRS:
        if (folder / name).exists():
            return (folder / name).read_text()
    return ""


def test_the_scan_finds_the_templates():
    names = {_name(p) for p in TEMPLATES}
    assert {"base.html", "mealplanner/plan_detail.html", "registration/login.html"} <= names


@pytest.mark.parametrize("path", list(_params()))
def test_a_template_keeps_to_the_content_security_policy(path):
    text = COMMENT.sub("", path.read_text())  # a comment that names <style> is not a style
    problems = []
    for label, pattern in [
        ("inline <script>", INLINE_SCRIPT),
        ("on*= event handler", EVENT_HANDLER),
        ("style= attribute", STYLE_ATTRIBUTE),
        ("<style> element", STYLE_ELEMENT),
        ("hx-on", HX_ON),
        ("file from another site", REMOTE_RESOURCE),
        ("CSS from another site", REMOTE_IMPORT),
    ]:
        problems += [f"{label}: {m.group(0)[:80]!r}" for m in pattern.finditer(text)]
    assert not problems, problems


@pytest.mark.django_db
def test_htmx_is_told_not_to_inject_styles_or_run_code_it_receives(client):
    import json

    body = client.get(reverse("home")).content.decode()
    config = re.search(r"<meta name=\"htmx-config\" content='([^']+)'>", body)
    assert config, "the htmx-config meta tag is missing"
    # Its indicator <style> would be refused by the Content Security Policy; eval and script tags too.
    assert json.loads(config.group(1)) == {
        "includeIndicatorStyles": False,
        "allowEval": False,
        "allowScriptTags": False,
    }
    script = re.search(r'<script[^>]+src="[^"]*htmx[^"]*\.js"', body)
    assert script and config.start() < script.start()  # htmx reads its config when it loads


@pytest.mark.parametrize("path", list(_params()))
def test_every_post_form_carries_a_csrf_token(path):
    for body in POST_FORM.findall(path.read_text()):
        included = "".join(_source(name) for name in INCLUDE.findall(body))
        assert "{% csrf_token %}" in body + included, body[:200]


STYLESHEETS = sorted((ROOT / "static").rglob("*.css"))


@pytest.mark.parametrize("path", STYLESHEETS, ids=[p.name for p in STYLESHEETS])
def test_stylesheets_load_nothing_from_another_site(path):
    assert not REMOTE_IMPORT.search(path.read_text())


NASTY = "<script>alert(1)</script><b>x</b>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;"


@pytest.fixture
def nasty(db, user):
    food = Food.objects.create(
        name=NASTY,
        food_group=NASTY,
        magnesium_mg=100,
        energy_kcal=100,
        vegan=True,
        vegetarian=True,
        suits_breakfast=True,
    )
    Portion.objects.create(food=food, seq=1, label=NASTY, grams=50)
    profile = make_profile(user, name=NASTY)
    plan = make_plan(profile, user, name=NASTY)
    add_food(plan, food)
    product = SupplementProduct.objects.create(profile=profile, name=NASTY, form="citrate", elemental_mg_per_unit=100)
    add_supplement(plan, product)
    return plan


def _assert_escaped(response):
    assert response.status_code == 200
    body = response.content.decode()
    assert ESCAPED in body
    assert NASTY not in body and "<b>x</b>" not in body
    # Nothing rendered breaks the policy either: no inline script or style reached the page.
    assert not INLINE_SCRIPT.search(body), INLINE_SCRIPT.search(body).group(0)
    assert not STYLE_ATTRIBUTE.search(body), STYLE_ATTRIBUTE.search(body).group(0)[:120]
    for form in POST_FORM.findall(body):
        assert 'name="csrfmiddlewaretoken"' in form, form[:200]


def test_food_search_results_escape_a_food_name(client_logged_in, nasty):
    _assert_escaped(client_logged_in.get(reverse("foods:list"), {"q": "script"}))


def test_the_add_food_search_on_a_plan_escapes_a_food_name(client_logged_in, nasty):
    _assert_escaped(client_logged_in.get(reverse("plans:food_search", args=[nasty.pk]), {"q": "script"}))


def test_the_plan_page_escapes_names(client_logged_in, nasty):
    _assert_escaped(client_logged_in.get(reverse("plans:detail", args=[nasty.pk])))


def test_the_plan_page_fragment_for_htmx_escapes_names(client_logged_in, nasty):
    response = client_logged_in.post(
        reverse("plans:entry_status", args=[nasty.pk, nasty.entries.first().pk]),
        {"status": "eaten", "day": 0},
        HTTP_HX_REQUEST="true",
    )
    _assert_escaped(response)


def test_the_print_page_escapes_names(client_logged_in, nasty):
    _assert_escaped(client_logged_in.get(reverse("exports:print", args=[nasty.pk])))


def test_the_shopping_list_escapes_names(client_logged_in, nasty):
    _assert_escaped(client_logged_in.get(reverse("exports:shopping", args=[nasty.pk])))


def test_the_plans_list_escapes_the_plan_name(client_logged_in, nasty):
    _assert_escaped(client_logged_in.get(reverse("plans:list")))


def test_the_cabinet_escapes_a_product_name(client_logged_in, nasty):
    _assert_escaped(client_logged_in.get(reverse("cabinet")))


def test_the_admin_food_list_escapes_a_food_name(admin_client, nasty):
    response = admin_client.get("/admin/foods/food/", {"q": "script"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body and NASTY not in body
