"""The fixture's curated safety facts: choking hazards for under-4s and the portion a person would use."""

import json
from collections import defaultdict
from pathlib import Path

import pytest
from django.conf import settings

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "foods.json"
OBJECTS = json.loads(FIXTURE.read_text(encoding="utf-8"))
FOODS = {o["fields"]["ndb_number"]: o["fields"] for o in OBJECTS if o["model"] == "foods.food"}
NDB_BY_PK = {o["pk"]: o["fields"]["ndb_number"] for o in OBJECTS if o["model"] == "foods.food"}
PORTIONS = defaultdict(list)
for _o in OBJECTS:
    if _o["model"] == "foods.portion":
        PORTIONS[NDB_BY_PK[_o["fields"]["food"]]].append(_o["fields"])


def default_of(ndb):
    return next(p for p in PORTIONS[ndb] if p["is_default"])


# The foods the issue found in a 2-year-old's generated week, and the kinds the CDC and AAP name
# (../shared/reference/balanced-diet.md): whole nuts and seeds, popcorn, whole grapes, raw seaweed.
@pytest.mark.parametrize(
    "ndb", ["12087", "12061", "12163", "12220", "12012", "11445", "19034", "09132", "16390", "16098"]
)
def test_whole_nuts_seeds_popcorn_grapes_and_raw_kelp_are_choking_hazards(ndb):
    assert FOODS[ndb]["choking_hazard_under_4"] is True


@pytest.mark.parametrize("ndb", ["09040", "16015", "01117", "11458", "18075", "08121"])
def test_soft_foods_are_not_choking_hazards(ndb):
    assert FOODS[ndb]["choking_hazard_under_4"] is False


def test_every_food_with_portions_has_exactly_one_default_portion():
    for ndb, portions in PORTIONS.items():
        assert sum(p["is_default"] for p in portions) == 1, ndb


@pytest.mark.parametrize("ndb", ["12061", "12014", "12085", "12155", "16390"])
def test_nuts_and_seeds_default_to_an_ounce(ndb):
    assert default_of(ndb)["grams"] == pytest.approx(28.35)


@pytest.mark.parametrize("ndb", ["11458", "11148", "11234", "11162"])
def test_cooked_greens_default_to_a_cup(ndb):
    assert default_of(ndb)["label"].startswith("1 cup")


def test_meat_and_fish_default_to_three_ounces_and_espresso_to_one_shot():
    assert default_of("15237")["grams"] == pytest.approx(85)
    assert default_of("23563")["grams"] == pytest.approx(85)
    assert default_of("14210")["label"] == "1 fl oz"
