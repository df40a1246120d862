"""Caffeine findings by life stage (issue 13): pregnancy and breastfeeding 200 mg, children 3 mg/kg or
Health Canada's figure by age, under 4 none; the message cites its source."""

import pytest

from mealplanner.nutrition import DayIntake, Person, day_findings


def caffeine(person, mg):
    return [
        f
        for f in day_findings(person, DayIntake(400, caffeine_mg=mg))
        if f.code.startswith("caffeine-") and f.code != "caffeine-restless-legs"
    ]


def test_a_pregnant_person_over_200_mg_gets_a_caution_citing_efsa_and_acog():
    # Issue 13: four espressos in pregnancy gave no caution (the adult 400 mg was the only figure).
    [finding] = caffeine(Person(30, "female", pregnant=True), 201)
    assert finding.level == "caution" and finding.code == "caffeine-high"
    assert "pregnancy" in finding.message and "200 mg" in finding.message and "EFSA 2015; ACOG" in finding.message
    assert "ACOG" in finding.source
    assert caffeine(Person(30, "female", pregnant=True), 200) == []


def test_breastfeeding_over_200_mg_gets_a_caution():
    [finding] = caffeine(Person(30, "female", lactating=True), 250)
    assert "breastfeeding" in finding.message and "EFSA 2015" in finding.message


def test_an_adult_over_400_mg_gets_the_adult_caution():
    [finding] = caffeine(Person(30, "male"), 401)
    assert "400 mg" in finding.message and "FDA" in finding.source
    assert caffeine(Person(30, "male"), 400) == []


def test_a_child_with_a_weight_gets_3_mg_per_kg():
    child = Person(10, "female", weight_kg=30)  # 90 mg [EFSA 2015]
    [finding] = caffeine(child, 91)
    assert "3 mg per kg" in finding.message and "90 mg at 30 kg" in finding.message and "EFSA" in finding.message
    assert caffeine(child, 90) == []


@pytest.mark.parametrize(("age", "limit"), [(5, 45), (8, 62.5), (11, 85)])
def test_a_child_without_a_weight_gets_health_canadas_figure(age, limit):
    child = Person(age, "male")
    [finding] = caffeine(child, limit + 1)
    assert "Health Canada" in finding.message and "Health Canada" in finding.source
    assert caffeine(child, limit) == []


def test_under_4_any_caffeine_is_a_caution_and_says_no_safe_amount_is_set():
    [finding] = caffeine(Person(3, "female"), 5)
    assert finding.level == "caution" and "no source sets a safe amount" in finding.message
    assert caffeine(Person(3, "female"), 0) == []


def test_a_teenager_without_a_weight_is_asked_for_one():
    [finding] = caffeine(Person(15, "male"), 50)
    assert finding.code == "caffeine-unchecked" and finding.level == "info" and "body weight" in finding.message
    assert "up to 2.5 mg per kg" in finding.message  # [Health Canada] 13–18 years
    assert caffeine(Person(15, "male"), 0) == []
    assert [f.code for f in caffeine(Person(15, "male", weight_kg=50), 151)] == ["caffeine-high"]


def test_a_pregnant_teenager_gets_the_pregnancy_figure():
    [finding] = caffeine(Person(16, "female", pregnant=True), 201)
    assert "pregnancy" in finding.message


def test_the_caffeine_finding_comes_before_the_restless_legs_note():
    findings = day_findings(Person(30, "female", pregnant=True, restless_legs=True), DayIntake(400, caffeine_mg=300))
    codes = [f.code for f in findings]
    assert codes.index("caffeine-high") < codes.index("caffeine-restless-legs")


def test_at_19_the_adult_figure_and_its_words_apply():
    [finding] = caffeine(Person(19, "male"), 401)
    assert "For healthy adults" in finding.message
    [teen] = caffeine(Person(18.99, "male", weight_kg=60), 181)
    assert "3 mg per kg" in teen.message


def test_even_a_little_caffeine_is_noted_for_a_teenager_without_a_weight_and_for_restless_legs():
    assert [f.code for f in caffeine(Person(15, "male"), 0.5)] == ["caffeine-unchecked"]
    findings = day_findings(Person(40, "female", restless_legs=True), DayIntake(400, caffeine_mg=0.5))
    assert "caffeine-restless-legs" in [f.code for f in findings]
