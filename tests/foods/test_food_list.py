"""The public Foods page: full page, the htmx results part, filters, sorts, bad input."""

import re

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mealplanner.models import Profile
from tests.foods.factories import make_food

pytestmark = pytest.mark.django_db
URL = reverse("foods:list")
HTMX = {"HTTP_HX_REQUEST": "true"}
SEEDS = "Seeds, pumpkin and squash seed kernels, dried"
SPINACH = "Spinach, raw"
YOGURT = "Yogurt, plain, low fat, 12 grams protein per 8 ounce"


@pytest.fixture
def foods():
    # Values from USDA SR28 by NDB number (magnesium 304, energy 208, WEIGHT seq 1).
    make_food(
        "12014",
        SEEDS,
        "Nut and Seed Products",
        mg=592,
        kcal=559,
        portions=[("1 cup", 129)],
        vegan=True,
        vegetarian=True,
        contains_dairy=False,
        contains_nuts=False,
    )
    make_food(
        "11457",
        SPINACH,
        "Vegetables and Vegetable Products",
        mg=79,
        kcal=23,
        portions=[("1 cup", 30)],
        vegan=True,
        vegetarian=True,
        contains_dairy=False,
        contains_nuts=False,
    )
    make_food(
        "01117",
        YOGURT,
        "Dairy and Egg Products",
        mg=17,
        kcal=63,
        portions=[("1 container (6 oz)", 170)],
        vegan=False,
        vegetarian=True,
        contains_dairy=True,
        contains_nuts=False,
    )
    make_food(None, "Spinach dip, homemade", "Vegetables and Vegetable Products")


def rows(response) -> list[str]:
    """The food names in the results table, top to bottom."""
    html = response.content.decode()
    return [re.sub(r"\s+", " ", m).strip() for m in re.findall(r'<th scope="row" class="food-name">([^<]*)', html)]


def row_html(response, name) -> str:
    html = response.content.decode()
    start = html.index(f'class="food-name">{name}')
    return html[start : html.index("</tr>", start)]


def test_the_page_has_a_labelled_search_box_that_searches_as_you_type(client, foods):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" in html
    assert '<label for="id_q">Search foods</label>' in html
    assert 'hx-trigger="input changed delay:250ms, search"' in html
    assert 'hx-target="#results"' in html and 'hx-push-url="true"' in html
    # The same search works as a plain GET form without JavaScript.
    assert re.search(r'<form method="get" action="/foods/"', html)
    assert "per 100 g of food, from the USDA" in html


def test_without_a_query_the_richest_in_magnesium_come_first(client, foods):
    assert rows(client.get(URL))[:3] == [SEEDS, SPINACH, YOGURT]


def test_typing_finds_foods_by_word_starts(client, foods):
    response = client.get(URL, {"q": "pumpkin"})
    assert rows(response) == [SEEDS]
    seeds = row_html(response, SEEDS)
    assert "592 mg" in seeds
    assert "1 cup (129 g)" in seeds
    assert "764 mg" in seeds  # 592 mg x 129 g / 100
    assert "559 kcal" in seeds
    assert "1 food found." in response.content.decode()


def test_an_htmx_request_gets_only_the_results(client, foods):
    response = client.get(URL, {"q": "spin"}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "<form" not in html
    assert rows(response) == [SPINACH, "Spinach dip, homemade"]
    assert "HX-Request" in response["Vary"]
    # The count, outside the swapped part, is updated out of band so screen readers hear it.
    assert re.search(r'<p id="result-count" hx-swap-oob="innerHTML">\s*2 foods found\.', html)


def test_a_history_restore_gets_the_whole_page(client, foods):
    response = client.get(URL, {"q": "spin"}, HTTP_HX_HISTORY_RESTORE_REQUEST="true", **HTMX)
    assert "<html" in response.content.decode()


def test_unknown_values_are_shown_as_unknown_never_zero(client, foods):
    response = client.get(URL, {"q": "dip"})
    dip = row_html(response, "Spinach dip, homemade")
    assert dip.count(">unknown<") == 5  # Mg per 100 g, portion, Mg per portion, per 100 kcal, energy
    assert "0 mg" not in dip


def test_sort_by_portion_changes_the_order(client, foods):
    by_100g = rows(client.get(URL, {"sort": "magnesium"}))
    response = client.get(URL, {"sort": "portion"}, **HTMX)
    by_portion = rows(response)
    assert "Sorted by Mg per portion, highest first" in response.content.decode()
    assert by_100g == [SEEDS, SPINACH, YOGURT, "Spinach dip, homemade"]
    # Per portion: a 170 g pot of yogurt (28.9 mg) beats a 30 g cup of spinach (23.7 mg).
    assert by_portion == [SEEDS, YOGURT, SPINACH, "Spinach dip, homemade"]
    by_kcal = rows(client.get(URL, {"sort": "kcal"}))
    assert by_kcal[0] == SPINACH  # 343 mg per 100 kcal


def test_group_filter(client, foods):
    assert rows(client.get(URL, {"group": "Dairy and Egg Products"})) == [YOGURT]


def test_diet_and_allergen_filters_leave_out_foods_that_do_not_suit(client, foods):
    assert rows(client.get(URL, {"diet": "vegan"})) == [SEEDS, SPINACH]
    assert rows(client.get(URL, {"without": ["dairy"]})) == [SEEDS, SPINACH]
    assert rows(client.get(URL, {"diet": "vegetarian", "without": ["nuts"]})) == [SEEDS, SPINACH, YOGURT]
    response = client.get(URL, {"diet": "vegan"})
    assert "Only vegan foods." in response.content.decode()


def test_no_match_says_so(client, foods):
    response = client.get(URL, {"q": "zzzz", "diet": "vegan"})
    html = response.content.decode()
    assert rows(response) == []
    assert "No foods found for “zzzz”" in html
    assert "clear the filters" in html


@pytest.mark.parametrize(
    "params, field, used",
    [
        ({"sort": "price"}, "Sort by", "best match"),
        ({"group": "Nope"}, "Food group", "all food groups"),
        ({"diet": "carnivore"}, "Diet", "any diet"),
        ({"without": ["wood"]}, "Without", "no allergen filter"),
        ({"q": "x" * 5000}, "Search foods", "no search words"),
        ({"group": "G" * 100_000}, "Food group", "all food groups"),
    ],
)
def test_bad_parameters_fall_back_to_defaults_with_a_message(client, foods, params, field, used):
    for headers in ({}, HTMX):
        response = client.get(URL, params, **headers)
        html = response.content.decode()
        assert response.status_code == 200
        assert f"<li>{field}:" in html
        assert f"We used {used}." in html
        assert rows(response)[:3] == [SEEDS, SPINACH, YOGURT]
        assert len(html) < 30_000  # a huge value is not echoed back


def test_the_controls_show_what_was_used_after_a_bad_value(client, foods):
    response = client.get(URL, {"q": "x" * 5000, "sort": "price", "diet": "vegan"})
    html = response.content.decode()
    assert 'value="xxxx' not in html
    assert '<option value="relevance" selected>' in html
    assert '<option value="vegan" selected>' in html


@settings(deadline=None, max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=st.text(max_size=300), sort=st.text(max_size=20), group=st.text(max_size=50))
def test_any_text_in_any_parameter_gives_a_page_not_an_error(client, foods, q, sort, group):
    response = client.get(URL, {"q": q, "sort": sort, "group": group}, **HTMX)
    assert response.status_code == 200


def test_a_post_is_refused(client, foods):
    assert client.post(URL).status_code == 405


def more_link(response) -> str | None:
    found = re.search(r'<p class="food-more">\s*<a [^>]*href="([^"]*)"[^>]*>([^<]*)</a>', response.content.decode())
    return (found.group(1).replace("&amp;", "&"), found.group(2)) if found else None


def beans(count):
    for i in range(count):
        make_food(f"9{i:04d}", f"Test bean number {i}", "Legumes and Legume Products", mg=1 + i)


def test_the_list_stops_at_20_and_says_how_many_matched(client, foods):
    beans(60)
    response = client.get(URL, {"q": "bean"})
    assert len(rows(response)) == 20
    assert "60 foods found; showing the first 20." in response.content.decode()


def test_show_more_shows_the_next_foods_in_the_same_order(client, foods):
    beans(45)
    first = client.get(URL, {"q": "bean", "sort": "name"}, **HTMX)
    href, label = more_link(first)
    assert label == "Show 20 more foods"
    second = client.get(href, **HTMX)
    assert rows(second)[:20] == rows(first) and len(rows(second)) == 40
    # Without JavaScript the same link gives the whole page; the last step shows what is left.
    href, label = more_link(second)
    assert label == "Show 5 more foods"
    last = client.get(href)
    assert len(rows(last)) == 45 and "<html" in last.content.decode()
    assert more_link(last) is None
    assert "45 foods found." in last.content.decode()


def test_show_more_keeps_the_filters_the_profile_chose(client_logged_in, user, foods):
    Profile.objects.create(user=user, name="Alice", diet="vegan", allergies=["dairy"])
    for i in range(25):
        make_food(
            f"8{i:04d}",
            f"Test vegan bean {i}",
            "Legumes and Legume Products",
            mg=i,
            vegan=True,
            vegetarian=True,
            contains_dairy=False,
        )
        make_food(f"7{i:04d}", f"Test cheesy bean {i}", "Legumes and Legume Products", mg=i, vegan=False)
    href, _ = more_link(client_logged_in.get(URL))
    names = rows(client_logged_in.get(href))
    assert len(names) == 27 and not any("cheesy" in name for name in names)


@pytest.mark.parametrize("shown", ["0", "-5", "abc", "100000"])
def test_a_bad_number_of_foods_to_show_falls_back_to_20(client, foods, shown):
    beans(30)
    response = client.get(URL, {"q": "bean", "shown": shown})
    assert response.status_code == 200 and len(rows(response)) == 20
    assert "We used the first 20." in response.content.decode()


def test_the_number_of_queries_does_not_grow_with_the_results(client, foods, django_assert_max_num_queries):
    for i in range(60):
        make_food(f"9{i:04d}", f"Test bean number {i}", "Legumes and Legume Products", mg=i, portions=[("1 cup", 90)])
    client.get(URL, {"q": "other"}, **HTMX)  # the first search of all sets up the cached results' token
    # The cached results' token, the food groups, then the two queries of the search.
    with django_assert_max_num_queries(4):
        client.get(URL, {"q": "bean", "sort": "portion"}, **HTMX)
    with django_assert_max_num_queries(4):
        client.get(URL, {"q": "bean", "sort": "portion", "shown": "60"}, **HTMX)
    with django_assert_max_num_queries(3):
        client.get(URL)


def test_a_logged_in_persons_profile_starts_the_filters(client_logged_in, user, foods):
    Profile.objects.create(user=user, name="Alice", diet="vegan", allergies=["dairy"])
    response = client_logged_in.get(URL)
    assert rows(response) == [SEEDS, SPINACH]
    assert "start from your profile" in response.content.decode()
    # Any search they make themselves wins.
    assert rows(client_logged_in.get(URL, {"q": "", "diet": "none"})) == [
        SEEDS,
        SPINACH,
        YOGURT,
        "Spinach dip, homemade",
    ]


def test_a_keystroke_costs_the_search_alone_and_a_named_group_is_still_checked(
    client, foods, django_assert_num_queries
):
    client.get(URL, {"q": "spin"}, **HTMX)  # the name index's presence is looked up once per process
    with django_assert_num_queries(2):  # the candidates, then the rows shown: no list of food groups
        response = client.get(URL, {"q": "spin"}, **HTMX)
    assert rows(response) == [SPINACH, "Spinach dip, homemade"]
    assert rows(client.get(URL, {"q": "spin", "group": "Nut and Seed Products"}, **HTMX)) == []
    refused = client.get(URL, {"q": "spin", "group": "Not a group"}, **HTMX).content.decode()
    assert "We used all food groups" in refused
