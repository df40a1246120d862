"""What to say about a choking hazard for a child under 4: the safer form of the food (plain Python).

Source: ../shared/reference/balanced-diet.md, "Choking hazards for young children" (CDC, "Choking
Hazards"; AAP): ground nuts, nut butter spread thinly, and cooked soft vegetables are the usual
alternatives. Which foods are hazards is a curated fact (Food.choking_hazard_under_4); this only words
the safer form from the food's name and group.
"""

from __future__ import annotations

YOUNG_CHILD_AGE = 4  # under this age, the CDC and AAP list applies

# For foods nobody curated (full SR28, foods added by hand): these words in the name make a food a hazard.
# Beans are "mature seeds" in SR28 and are soft once cooked, so that phrase does not count as seeds.
CHOKING_WORDS = (
    "nut",
    "seed",
    "popcorn",
    "grapes",
    "frankfurter",
    "hot dog",
    "candies",
    "chips",
    "pretzel",
    "trail mix",
    "granola",
    "cherries",
    "raisins",
)
NOT_CHOKING_PHRASES = ("mature seeds", "immature seeds")

NUT_BUTTER_WORDS = ("butter", "tahini")
NUT_WORDS = (
    "nut",
    "seed",
    "almond",
    "cashew",
    "pecan",
    "pistachio",
    "walnut",
    "hazelnut",
    "peanut",
    "trail mix",
    "granola",
    "soybeans, mature seeds, roasted",
)
SAFER_FORMS = {
    "nut butter": "spread thinly on bread or toast, never by the spoonful",
    "nuts": "finely ground, or as a nut or seed butter spread thinly",
    "popcorn": "none: leave popcorn out until age 4",
    "fruit": "cut into small pieces (grapes and cherries into quarters, stones removed)",
    "vegetable": "cooked until soft",
    "meat": "cut into small, thin pieces, or minced",
    "cheese": "grated or cut into thin strips",
    "other": "in small, soft pieces",
}


def named_like_hazard(name: str) -> bool:
    """Whether the name says whole nuts or seeds, popcorn, grapes... (for foods without the curated fact)."""
    text = name.lower()
    for phrase in NOT_CHOKING_PHRASES:
        text = text.replace(phrase, "")
    return any(word in text for word in CHOKING_WORDS)


def hazard_kind(name: str, food_group: str) -> str:
    text = name.lower()
    if "popcorn" in text:
        return "popcorn"
    if food_group in ("Nut and Seed Products", "Legumes and Legume Products") or any(w in text for w in NUT_WORDS):
        if any(w in text for w in NUT_BUTTER_WORDS):
            return "nut butter"
        if any(w in text for w in NUT_WORDS):
            return "nuts"
    if food_group == "Fruits and Fruit Juices":
        return "fruit"
    if food_group == "Vegetables and Vegetable Products":
        return "vegetable"
    if food_group in (
        "Beef Products",
        "Pork Products",
        "Poultry Products",
        "Lamb, Veal, and Game Products",
        "Sausages and Luncheon Meats",
    ):
        return "meat"
    if "cheese" in text:
        return "cheese"
    return "other"


def safer_form(name: str, food_group: str) -> str:
    """The safer way to give this food to a child under 4, in plain words."""
    return SAFER_FORMS[hazard_kind(name, food_group)]


def choking_question(name: str, food_group: str, *, hazard: bool, age_years: float | None, who: str) -> str:
    """The question asked before a choking hazard is added for a child under 4 ("" when none is needed)."""
    if not hazard or age_years is None or age_years >= YOUNG_CHILD_AGE:
        return ""
    return (
        f"{name} is a choking hazard for children under 4 like {who} (CDC, AAP). The safer form: "
        f"{safer_form(name, food_group)}."
    )
