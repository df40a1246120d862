"""Django's {# #} comments end at the end of their line: a multi-line one is printed on the page as text."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = sorted(p for p in ROOT.glob("**/templates/**/*.html") if ".venv" not in p.parts)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_template_opens_a_comment_it_does_not_close_on_the_same_line(template):
    for number, line in enumerate(template.read_text().splitlines(), start=1):
        opened = line.count("{#")
        assert opened == line.count("#}"), f"{template.name}:{number}: use {{% comment %}} for a multi-line comment"


def test_the_plan_page_shows_no_template_comment_to_the_person(client_logged_in, user):
    from tests.mealplanner.plan_factories import add_food, make_plan, make_profile, pumpkin_seeds

    plan = make_plan(make_profile(user), user)
    add_food(plan, pumpkin_seeds())
    body = client_logged_in.get(f"/plans/{plan.pk}/").content.decode()
    assert "{#" not in body and "#}" not in body
