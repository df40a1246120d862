"""The dashboard at scale: this week's plan chosen in the database, the same query count at 10 and 1,000
clients, a page at a time, searched and sorted; the week average over the days that have something."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from clinic.roster import CLIENTS_PER_PAGE
from clinic.selectors import dashboard_rows
from mealplanner.models import Medicine, Plan, PlanEntry, Profile, SupplementProduct
from tests.clinic.conftest import add_food

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def as_dietitian(client, dietitian):
    client.force_login(dietitian)
    return client


def _today():
    return timezone.localdate()


def _names(page):
    return re.findall(r'<h2><a href="/clinic/clients/\d+/">([^<]+)</a>', page)


def test_the_current_plan_is_the_one_whose_week_holds_today(dietitian, make_client, make_plan):
    today = _today()
    clara = make_client(dietitian, "Clara")
    make_plan(clara, start=today - 7 * DAY, name="Last week")  # ended yesterday
    make_plan(clara, start=today + DAY, name="Next week")  # starts tomorrow
    assert dashboard_rows(dietitian)[0].plan_id is None
    holding = make_plan(clara, start=today - 6 * DAY, name="Its last day is today")
    assert dashboard_rows(dietitian)[0].plan_id == holding.pk
    later = make_plan(clara, start=today, name="Starts today, made later")  # two weeks hold today: the later made wins
    assert dashboard_rows(dietitian)[0].plan_id == later.pk


def test_a_client_with_no_plan_this_week_is_never_marked_target_reached(
    as_dietitian,
    dietitian,
    make_client,
    make_plan,
    spinach,
):
    clara = make_client(dietitian, "Clara")
    last_week = make_plan(clara, start=_today() - 7 * DAY, name="Last week")
    for day in range(7):
        add_food(last_week, spinach, 1000, day=day)  # 790 mg a day [SR28 11457], far above 320 mg
    page = as_dietitian.get(reverse("clinic:dashboard")).content.decode()
    assert "No plan this week" in page and "Last week" not in page and "target reached" not in page
    client_page = as_dietitian.get(reverse("clinic:client", args=[clara.pk])).content.decode()
    assert "No plan this week" in client_page and "target reached" not in client_page


def test_an_empty_week_says_nothing_is_planned_and_is_not_target_reached(
    as_dietitian,
    dietitian,
    make_client,
    make_plan,
):
    make_plan(make_client(dietitian, "Clara"), start=_today(), name="Empty week")
    row = dashboard_rows(dietitian)[0]
    assert row.average_mg is None and row.rank == 2
    page = as_dietitian.get(reverse("clinic:dashboard")).content.decode()
    assert "Nothing planned yet this week" in page and "target reached" not in page


def test_the_average_is_over_the_days_with_something_planned(as_dietitian, dietitian, make_client, make_plan, spinach):
    clara = make_client(dietitian, "Clara")
    add_food(make_plan(clara, start=_today()), spinach, 500, day=0)  # 395 mg on one day [SR28 11457]
    row = dashboard_rows(dietitian)[0]
    assert row.average_mg == pytest.approx(395) and row.days_planned == 1 and not row.below_target
    page = as_dietitian.get(reverse("clinic:dashboard")).content.decode()
    assert "395 mg" in page and "over 1 day with something planned" in page


def _roster(dietitian, spinach, first, count, *, grams=None):
    """`count` clients, each with this week's plan (a food a day, a supplement on Monday), last week's plan,
    a medicine and a cabinet product: built with bulk_create. grams: what the food entries keep, as the entry
    services store it (None: an entry from before entries kept their grams)."""
    today = _today()
    profiles = Profile.objects.bulk_create(
        [
            Profile(dietitian=dietitian, name=f"Client {n:04d}", age_years=40, sex="female")
            for n in range(first, first + count)
        ]
    )
    Medicine.objects.bulk_create([Medicine(profile=p, name="omeprazole", medicine_class="ppi") for p in profiles])
    products = SupplementProduct.objects.bulk_create(
        [SupplementProduct(profile=p, name="Mag citrate", form="citrate", elemental_mg_per_unit=100) for p in profiles]
    )
    plans = Plan.objects.bulk_create(
        [
            Plan(profile=p, name=name, start_date=start)
            for p in profiles
            for name, start in (("This week", today), ("Last week", today - 7 * DAY))
        ]
    )
    PlanEntry.objects.bulk_create(
        [
            entry
            for plan, product in zip(plans[::2], products, strict=True)
            for entry in (
                *(
                    PlanEntry(plan=plan, day=day, meal="lunch", food=spinach, quantity=500, grams=grams)
                    for day in range(7)
                ),
                PlanEntry(plan=plan, day=0, meal="snack", supplement=product, quantity=1),
            )
        ]
    )
    if connection.vendor == "postgresql":
        # What autovacuum does after a bulk insert, which it cannot see inside a test's transaction: without
        # statistics PostgreSQL plans 8,000 entries as an empty table's, in nested loops that took minutes.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE mealplanner_profile, mealplanner_plan, mealplanner_planentry, foods_food")


@pytest.mark.parametrize("grams", [500.0, None], ids=["entries keep their grams", "older entries"])
def test_the_dashboard_costs_the_same_queries_at_10_and_at_1000_clients(
    as_dietitian,
    dietitian,
    spinach,
    django_assert_num_queries,
    grams,
):
    _roster(dietitian, spinach, 0, 10, grams=grams)
    as_dietitian.get(reverse("clinic:dashboard"))  # the first request of a session also saves it
    with CaptureQueriesContext(connection) as at_ten:
        page = as_dietitian.get(reverse("clinic:dashboard")).content.decode()
    # 500 g spinach a day (79 mg/100 g [SR28 11457]) and 100 mg of citrate on one day: (7 × 395 + 100) / 7.
    assert len(_names(page)) == 10 and "409 mg" in page
    _roster(dietitian, spinach, 10, 990, grams=grams)
    with django_assert_num_queries(len(at_ten.captured_queries)):
        page = as_dietitian.get(reverse("clinic:dashboard")).content.decode()
    assert len(_names(page)) == CLIENTS_PER_PAGE and "1000 clients" in page


def test_a_roster_page_shows_25_clients(as_dietitian, dietitian, spinach):
    # 25 a page (issue 19): hundreds of clients are reached through the order, the search and the pages.
    _roster(dietitian, spinach, 0, 30, grams=500.0)
    first = as_dietitian.get(reverse("clinic:dashboard")).content.decode()
    assert len(_names(first)) == 25 and "Page 1 of 2" in first and "30 clients" in first
    second = as_dietitian.get(reverse("clinic:dashboard") + "?page=2").content.decode()
    assert _names(second) == [f"Client {n:04d}" for n in range(25, 30)]


def test_entries_with_and_without_their_kept_grams_count_alike(dietitian, make_client, make_plan, spinach):
    from foods.models import Portion
    from mealplanner.selectors.plan_list import week_sums
    from mealplanner.services.plans import plan_entry_add

    cup = Portion.objects.create(food=spinach, seq=1, label="1 cup", grams=30)
    plan = make_plan(make_client(dietitian, "Clara"), start=_today())
    kept = plan_entry_add(plan=plan, day=0, meal="lunch", food=spinach, quantity=500)  # keeps 500 g
    older = PlanEntry.objects.create(plan=plan, day=0, meal="dinner", food=spinach, portion=cup, quantity=2)
    assert kept.grams == 500 and older.grams is None  # 2 cups: 60 g, read through the portion
    row = dashboard_rows(dietitian)[0]
    # 560 g of spinach at 79 mg/100 g [SR28 11457]: 442.4 mg on the one day planned.
    assert row.average_mg == pytest.approx(442.4) and row.days_planned == 1 and not row.at_least
    assert row.average_mg == pytest.approx(week_sums([plan], as_planned=True)[plan.pk].average_mg)


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="reads SQLite's EXPLAIN QUERY PLAN; PostgreSQL picks an index from its table statistics, so on a "
    "20-client test table its choice says nothing about a real roster",
)
def test_the_dashboards_sums_read_indexes_not_the_entries_table(dietitian, spinach):
    _roster(dietitian, spinach, 0, 20, grams=500.0)
    with CaptureQueriesContext(connection) as queries:
        dashboard_rows(dietitian)
    reads = []
    for query in queries.captured_queries:
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN QUERY PLAN " + query["sql"])
            reads += [row[3] for row in cursor.fetchall() if " mealplanner_planentry " in f"{row[3]} "]
    # Each sum reaches this week's entries by plan through its own index; the food and supplement sums read
    # nothing but the index (a dish entry, rare, is read from the table for its servings).
    assert len(reads) == 3 and all(read.startswith("SEARCH ") and "(plan_id=?)" in read for read in reads)
    assert any("COVERING INDEX planentry_food_sums_idx " in read for read in reads)
    assert any("COVERING INDEX planentry_supplements_idx " in read for read in reads)
    assert any("INDEX planentry_dishes_idx " in read for read in reads)


def test_the_roster_pages_search_and_sort(as_dietitian, dietitian, make_client, make_plan, spinach):
    _roster(dietitian, spinach, 0, CLIENTS_PER_PAGE + 5)
    below = make_client(dietitian, "Zoe Below")
    add_food(make_plan(below, start=_today()), spinach, 100)  # 79 mg: below her target
    first = as_dietitian.get(reverse("clinic:dashboard")).content.decode()
    assert _names(first)[0] == "Zoe Below"  # needs attention first, whatever her name
    assert "Page 1 of 2" in first and 'href="?page=2"' in first
    second = as_dietitian.get(reverse("clinic:dashboard") + "?page=2").content.decode()
    assert len(_names(second)) == 6 and "Zoe Below" not in second
    by_name = as_dietitian.get(reverse("clinic:dashboard") + "?sort=name").content.decode()
    assert _names(by_name)[0] == "Client 0000" and 'href="?sort=name&amp;page=2"' in by_name
    found = as_dietitian.get(reverse("clinic:dashboard") + "?q=zoe").content.decode()
    assert _names(found) == ["Zoe Below"]
    nobody = as_dietitian.get(reverse("clinic:dashboard") + "?q=nobody-called-this").content.decode()
    assert _names(nobody) == [] and "No client's name holds" in nobody
    # Bad values fall back to the usual order and a page that exists.
    assert as_dietitian.get(reverse("clinic:dashboard") + "?sort=evil&page=-3").status_code == 200


def test_the_client_page_lists_plans_a_page_at_a_time(as_dietitian, dietitian, make_client, spinach):
    clara = make_client(dietitian, "Clara")
    Plan.objects.bulk_create(
        [Plan(profile=clara, name=f"Week {n:02d}", start_date=_today() - 7 * n * DAY) for n in range(25)]
    )
    url = reverse("clinic:client", args=[clara.pk])
    first = as_dietitian.get(url).content.decode()
    assert "Week 00" in first and "Week 19" in first and "Week 20" not in first and "Page 1 of 2" in first
    second = as_dietitian.get(url + "?page=2").content.decode()
    assert "Week 24" in second and "Week 19<" not in second


def test_a_week_with_a_danger_is_not_marked_target_reached(as_dietitian, dietitian, make_client, make_plan, spinach):
    from tests.clinic.conftest import add_supplement

    dan = make_client(dietitian, "Dan", sex="male", kidney_disease=True)
    add_supplement(dan)  # a supplement with kidney disease: a danger [ODS]
    add_food(make_plan(dan, start=_today()), spinach, 1000)  # 790 mg [SR28 11457], above his 420 mg
    page = as_dietitian.get(reverse("clinic:dashboard")).content.decode()
    assert "⛔ Danger:" in page and "target reached" not in page


def test_the_dashboard_and_the_plans_list_give_the_same_week_average(dietitian, make_client, make_plan, spinach):
    from mealplanner.selectors.plan_list import week_sums
    from tests.clinic.conftest import add_supplement

    clara = make_client(dietitian, "Clara")
    plan = make_plan(clara, start=_today())
    add_food(plan, spinach, 500, day=0)
    add_food(plan, spinach, 500, day=1)  # 395 mg a day [SR28 11457]
    PlanEntry.objects.create(plan=plan, day=0, meal="snack", supplement=add_supplement(clara, 150), quantity=2)
    row = dashboard_rows(dietitian)[0]
    assert row.average_mg == pytest.approx((395 + 300 + 395) / 2) and row.days_planned == 2
    assert row.average_mg == pytest.approx(week_sums([plan], as_planned=True)[plan.pk].average_mg)


def test_a_supplement_of_unknown_magnesium_makes_the_average_at_least(
    as_dietitian, dietitian, make_client, make_plan, spinach
):
    clara = make_client(dietitian, "Clara")
    mystery = SupplementProduct.objects.create(
        profile=clara, name="Mystery mag", form="unobtainium", compound_mg_per_unit=500
    )
    plan = make_plan(clara, start=_today())
    add_food(plan, spinach, 500)  # 395 mg [SR28 11457]
    PlanEntry.objects.create(plan=plan, day=0, meal="snack", supplement=mystery, quantity=1)
    row = dashboard_rows(dietitian)[0]
    assert row.average_mg == pytest.approx(395) and row.at_least  # never counted as 0 mg, never a guess
    assert "at least 395 mg" in as_dietitian.get(reverse("clinic:dashboard")).content.decode()


def test_the_dashboard_counts_the_dietitians_own_templates(
    as_dietitian, dietitian, other_dietitian, make_client, make_plan
):
    from mealplanner.access import own_profile

    for name in ("Low FODMAP week", "Kidney week"):
        make_plan(own_profile(dietitian), by=dietitian, is_template=True, name=name)
    make_plan(own_profile(other_dietitian), by=other_dietitian, is_template=True, name="Not hers")
    make_plan(make_client(dietitian, "Clara"), by=dietitian, name="A client's week")
    assert "Plan templates (2)" in as_dietitian.get(reverse("clinic:dashboard")).content.decode()
