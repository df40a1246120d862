"""Daily magnesium targets: every row of NIH ODS Table 1, every age boundary, and bad arguments."""

import pytest

from mealplanner.nutrition import Person, magnesium_target_mg, target_for, target_mg_and_label

# (age, male, female) for every row of [ODS Table 1], at the bracket's first age and just below the next.
TABLE_1 = [
    (0, 30, 30),
    (0.49, 30, 30),
    (0.5, 75, 75),
    (0.99, 75, 75),
    (1, 80, 80),
    (3.99, 80, 80),
    (4, 130, 130),
    (8.99, 130, 130),
    (9, 240, 240),
    (13.99, 240, 240),
    (14, 410, 360),
    (18.99, 410, 360),
    (19, 400, 310),
    (30.99, 400, 310),
    (31, 420, 320),
    (50.99, 420, 320),
    (51, 420, 320),
    (130, 420, 320),
]


@pytest.mark.parametrize(("age", "male", "female"), TABLE_1)
def test_it_gives_the_table_figure_for_each_sex(age, male, female):
    assert magnesium_target_mg(age, "male") == male
    assert magnesium_target_mg(age, "female") == female


@pytest.mark.parametrize(
    ("age", "pregnancy", "lactation"),
    [
        (14, 400, 360),
        (18.99, 400, 360),
        (19, 350, 310),
        (30.99, 350, 310),
        (31, 360, 320),
        (50.99, 360, 320),
    ],
)
def test_pregnancy_and_breastfeeding_have_their_own_figures(age, pregnancy, lactation):
    assert magnesium_target_mg(age, "female", pregnant=True) == pregnancy
    assert magnesium_target_mg(age, "female", lactating=True) == lactation


def test_over_51_pregnancy_uses_the_31_to_50_figure_and_says_so():
    mg, label = target_mg_and_label(52, "female", pregnant=True)
    assert mg == 360
    assert "31–50" in label and "51+" in label
    assert magnesium_target_mg(52, "female", lactating=True) == 320


@pytest.mark.parametrize(
    ("age", "sex", "label"),
    [
        (0.2, "female", "Adequate intake for babies birth to 6 months"),
        (0.5, "male", "Adequate intake for babies 7–12 months"),
        (2, "male", "RDA for children 1–3"),
        (15, "female", "RDA for girls 14–18"),
        (15, "male", "RDA for boys 14–18"),
        (40, "female", "RDA for women 31–50"),
        (70, "male", "RDA for men 51+"),
    ],
)
def test_the_label_names_the_figure(age, sex, label):
    assert target_mg_and_label(age, sex)[1] == label


def test_pregnancy_label_names_the_stage():
    assert target_mg_and_label(25, "female", pregnant=True) == (350, "RDA in pregnancy, ages 19–30")
    assert target_mg_and_label(25, "female", lactating=True) == (310, "RDA while breastfeeding, ages 19–30")


def test_sex_is_read_without_regard_to_case_or_spaces():
    assert magnesium_target_mg(40, " Female ") == 320


def test_a_decimal_age_from_the_database_works():
    from decimal import Decimal

    assert magnesium_target_mg(Decimal("30.99"), "male") == 400


def test_a_dietitians_custom_target_wins_and_says_it_is_custom():
    target = target_for(Person(40, "female", custom_target_mg=500))
    assert (target.mg, target.is_custom, target.label) == (500, True, "Custom target set by your dietitian")


def test_without_a_custom_target_the_table_applies_with_its_source():
    target = target_for(Person(40, "female"))
    assert (target.mg, target.is_custom, target.label) == (320, False, "RDA for women 31–50")
    assert "Office of Dietary Supplements" in target.source


@pytest.mark.parametrize(
    ("args", "kwargs", "words"),
    [
        ((-1, "female"), {}, "negative"),
        ((130.01, "female"), {}, "at most 130"),
        ((float("nan"), "female"), {}, "real number"),
        (("forty", "female"), {}, "number"),
        ((True, "female"), {}, "number"),
        ((40, "other"), {}, "female, male"),
        ((40, None), {}, "female, male"),
        ((30, "male"), {"pregnant": True}, "female"),
        ((30, "male"), {"lactating": True}, "female"),
        ((13.99, "female"), {"pregnant": True}, "14"),
        ((13, "female"), {"lactating": True}, "14"),
        ((30, "female"), {"pregnant": True, "lactating": True}, "not both"),
    ],
)
def test_bad_arguments_raise_a_clear_value_error(args, kwargs, words):
    with pytest.raises(ValueError, match=words):
        magnesium_target_mg(*args, **kwargs)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"age_years": -0.1, "sex": "female"},
        {"age_years": 40, "sex": "x"},
        {"age_years": 30, "sex": "male", "pregnant": True},
        {"age_years": 12, "sex": "female", "lactating": True},
        {"age_years": 30, "sex": "female", "pregnant": True, "lactating": True},
        {"age_years": 30, "sex": "female", "custom_target_mg": -5},
    ],
)
def test_a_person_with_impossible_details_cannot_be_made(kwargs):
    with pytest.raises(ValueError):
        Person(**kwargs)


@pytest.mark.parametrize(
    ("age", "sex", "label"),
    [
        (1, "male", "RDA for children 1–3"),
        (0.99, "male", "Adequate intake for babies 7–12 months"),
        (50.99, "female", "RDA for women 31–50"),
        (51, "female", "RDA for women 51+"),
        (51, "male", "RDA for men 51+"),
        (13.99, "female", "RDA for children 9–13"),
        (14, "female", "RDA for girls 14–18"),
        (14, "male", "RDA for boys 14–18"),
        (18.99, "male", "RDA for boys 14–18"),
        (19, "male", "RDA for men 19–30"),
    ],
)
def test_the_label_names_the_row_used_at_its_edges(age, sex, label):
    # Issue 20: the figures of neighbouring rows are equal here, so only the label shows the row.
    from mealplanner.nutrition import target_mg_and_label

    assert target_mg_and_label(age, sex)[1] == label
