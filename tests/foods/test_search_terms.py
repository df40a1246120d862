"""What a query means to the food search: word forms, synonyms and one typo (plain Python, no database)."""

import pytest

from foods.search_terms import (
    correct_word,
    forms,
    query_terms,
    singular,
    starts_a_word,
    term,
    vocabulary,
    within_one_edit,
)
from foods.synonyms import PHRASES, WORDS


@pytest.mark.parametrize(
    "plural, one",
    [
        ("berries", "berry"),
        ("tomatoes", "tomato"),
        ("peaches", "peach"),
        ("almonds", "almond"),
        ("hummus", "hummus"),
        ("grass", "grass"),
        ("peas", "pea"),
        ("oats", "oat"),
    ],
)
def test_singular_follows_plain_english_rules(plural, one):
    assert singular(plural) == one


def test_a_word_stands_for_its_stem_and_singular_and_the_database_gets_the_shortest():
    assert {"cashew", "cashews"} <= forms("cashews")
    assert term("cashews").prefixes == ("cashew",)
    assert set(term("berries").prefixes) == {"berri", "berry"}


def test_a_synonym_adds_its_sr28_word_and_ranks_by_all_of_its_words():
    porridge = term("porridge")
    assert "oat" in porridge.prefixes and "porridg" in porridge.prefixes
    assert {"oat", "cereal", "cook"} == porridge.hints


def test_phrases_are_replaced_whatever_the_plural():
    assert [t.typed for t in query_terms(["green", "onions"])] == ["scallions"]
    assert [t.typed for t in query_terms(["soy", "milk", "soy"])] == ["soymilk", "soy"]


def test_every_synonym_leads_somewhere_else_and_every_phrase_has_two_words_or_more():
    assert all(targets and all(t.isalpha() for t in targets) for targets in WORDS.values())
    assert all(len(key.split()) >= 2 and value for key, value in PHRASES.items())


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("spinch", "spinach"),  # a letter dropped
        ("bannana", "banana"),  # a letter added
        ("brocoli", "broccoli"),
        ("quinao", "quinoa"),  # two swapped
        ("lentel", "lentil"),  # one changed
    ],
)
def test_one_edit_is_within_one_edit(typed, meant):
    assert within_one_edit(typed, meant)


@pytest.mark.parametrize("a, b", [("spinach", "spanich"), ("oats", "oatmeal"), ("kale", "lake"), ("ab", "abcd")])
def test_two_edits_are_not(a, b):
    assert not within_one_edit(a, b)


def test_a_typo_is_corrected_to_the_commonest_near_word_and_short_words_never():
    vocab = vocabulary(["Spinach, raw", "Spinach, cooked", "Bananas, raw", "Pine nuts, dried"])
    assert "banana" in vocab  # the stem of "bananas"
    assert correct_word("spinch", vocab) == "spinach"
    assert correct_word("bannana", vocab) == "banana"
    assert correct_word("pin", vocab) is None
    assert correct_word("zzzzz", vocab) is None
    assert starts_a_word(term("spin"), vocab) and not starts_a_word(term("spinch"), vocab)
