"""`manage.py load_foods`: adds the curated foods once, never overwrites or doubles one."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from foods.management.commands.load_foods import DEFAULT_FIXTURE
from foods.models import Food, Portion

pytestmark = pytest.mark.django_db

FIXTURE_FOODS = sum(1 for o in json.loads(DEFAULT_FIXTURE.read_text()) if o["model"] == "foods.food")
FIXTURE_PORTIONS = sum(1 for o in json.loads(DEFAULT_FIXTURE.read_text()) if o["model"] == "foods.portion")


def load(*args) -> str:
    out = StringIO()
    call_command("load_foods", *args, stdout=out)
    return out.getvalue()


def test_it_adds_every_food_with_its_portions():
    output = load()
    assert Food.objects.count() == FIXTURE_FOODS
    assert Portion.objects.count() == FIXTURE_PORTIONS
    assert f"added {FIXTURE_FOODS}" in output and "skipped 0" in output
    spinach = Food.objects.get(ndb_number="11457")
    assert spinach.name == "Spinach, raw"
    assert spinach.magnesium_mg == 79  # SR28 NDB 11457, per 100 g
    assert next((p.label, p.grams) for p in spinach.portions.order_by("seq")) == ("1 cup", 30)
    assert Food.objects.get(ndb_number="14209").caffeine_mg == 40  # brewed coffee, SR28 NDB 14209


def test_loading_twice_adds_nothing_the_second_time():
    load()
    output = load()
    assert Food.objects.count() == FIXTURE_FOODS
    assert Portion.objects.count() == FIXTURE_PORTIONS
    assert "added 0" in output and f"skipped {FIXTURE_FOODS}" in output


def test_a_food_an_admin_edited_is_not_overwritten():
    load()
    Food.objects.filter(ndb_number="12014").update(magnesium_mg=500, edited_by_admin=True)
    Portion.objects.filter(food__ndb_number="12014").delete()
    load()
    seeds = Food.objects.get(ndb_number="12014")
    assert seeds.magnesium_mg == 500
    assert seeds.edited_by_admin is True
    assert seeds.portions.count() == 0


def test_a_food_already_present_is_left_as_it_is_and_a_deleted_one_comes_back():
    load()
    Food.objects.filter(ndb_number="09040").update(suits_breakfast=False)
    Food.objects.filter(ndb_number="12061").delete()
    output = load()
    assert Food.objects.get(ndb_number="09040").suits_breakfast is False
    almonds = Food.objects.get(ndb_number="12061")
    assert almonds.portions.exists()
    assert "added 1" in output and f"skipped {FIXTURE_FOODS - 1}" in output


def test_foods_added_by_hand_keep_their_ids_and_values():
    mine = Food.objects.create(name="Grandma's lentil soup", food_group="Soups", magnesium_mg=30, energy_kcal=90)
    load()
    mine.refresh_from_db()
    assert mine.name == "Grandma's lentil soup" and mine.magnesium_mg == 30
    assert Food.objects.count() == FIXTURE_FOODS + 1


def test_another_fixture_can_be_named(tmp_path):
    path = tmp_path / "two.json"
    path.write_text(
        json.dumps(
            [
                {
                    "model": "foods.food",
                    "pk": 7,
                    "fields": {
                        "name": "Nuts, almonds",
                        "food_group": "Nut and Seed Products",
                        "ndb_number": "12061",
                        "magnesium_mg": 270.0,
                        "energy_kcal": 579.0,
                        "vegan": True,
                        "suits_snack": True,
                    },
                },
                {"model": "foods.portion", "pk": 1, "fields": {"food": 7, "seq": 1, "label": "1 oz", "grams": 28.35}},
            ]
        )
    )
    assert "added 1" in load("--fixture", str(path))
    almonds = Food.objects.get(ndb_number="12061")
    assert almonds.vegan is True and almonds.suits_snack is True and almonds.suits_dinner is False
    assert [(p.label, p.grams) for p in almonds.portions.all()] == [("1 oz", 28.35)]


@pytest.mark.parametrize(
    "content, message",
    [
        ("not json", "not valid JSON"),
        ('{"model": "foods.food"}', "not a Django fixture"),
        ('[{"model": "auth.user", "pk": 1, "fields": {}}]', "unexpected object"),
        ('[{"model": "foods.food", "pk": 1, "fields": {"name": "Soup", "food_group": "Soups"}}]', "no NDB number"),
        (
            '[{"model": "foods.food", "pk": 1, "fields": {"name": "Soup", "food_group": "Soups", '
            '"ndb_number": "123", "magnesium_mg": 5}}]',
            "not 5 digits",
        ),
    ],
)
def test_a_broken_fixture_is_refused_with_a_reason_and_changes_nothing(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(CommandError, match=message):
        load("--fixture", str(path))
    assert Food.objects.count() == 0


def test_a_missing_fixture_is_refused_with_its_path(tmp_path):
    with pytest.raises(CommandError, match=r"Cannot read .*nowhere\.json"):
        load("--fixture", str(tmp_path / "nowhere.json"))
