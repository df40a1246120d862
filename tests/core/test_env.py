"""Settings read from the environment fail loudly, naming the variable, instead of guessing."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from core.env import env_bool, env_int, env_list, env_str


def test_a_missing_variable_with_no_default_names_the_variable(monkeypatch):
    monkeypatch.delenv("PLANNER_TEST_SETTING", raising=False)
    with pytest.raises(ImproperlyConfigured, match="PLANNER_TEST_SETTING"):
        env_str("PLANNER_TEST_SETTING")


def test_a_missing_variable_takes_its_default(monkeypatch):
    monkeypatch.delenv("PLANNER_TEST_SETTING", raising=False)
    assert env_str("PLANNER_TEST_SETTING", "plain") == "plain"
    assert env_bool("PLANNER_TEST_SETTING", True) is True
    assert env_int("PLANNER_TEST_SETTING", 60) == 60
    assert env_list("PLANNER_TEST_SETTING", ["a"]) == ["a"]


@pytest.mark.parametrize(("raw", "value"), [("1", True), ("Yes", True), (" on ", True), ("0", False), ("off", False)])
def test_a_yes_or_no_setting_reads_the_usual_words(monkeypatch, raw, value):
    monkeypatch.setenv("PLANNER_TEST_SETTING", raw)
    assert env_bool("PLANNER_TEST_SETTING", not value) is value


def test_a_yes_or_no_setting_refuses_anything_else(monkeypatch):
    monkeypatch.setenv("PLANNER_TEST_SETTING", "maybe")
    with pytest.raises(ImproperlyConfigured, match="PLANNER_TEST_SETTING must be one of"):
        env_bool("PLANNER_TEST_SETTING", False)


def test_a_number_setting_refuses_words_and_numbers_below_its_minimum(monkeypatch):
    monkeypatch.setenv("PLANNER_TEST_SETTING", "a year")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env_int("PLANNER_TEST_SETTING", 1)
    monkeypatch.setenv("PLANNER_TEST_SETTING", "-1")
    with pytest.raises(ImproperlyConfigured, match="at least 0"):
        env_int("PLANNER_TEST_SETTING", 1, minimum=0)
    monkeypatch.setenv("PLANNER_TEST_SETTING", "0")
    assert env_int("PLANNER_TEST_SETTING", 1, minimum=0) == 0


def test_a_list_setting_drops_blanks_and_refuses_an_empty_list(monkeypatch):
    monkeypatch.setenv("PLANNER_TEST_SETTING", " a.example , ,b.example ")
    assert env_list("PLANNER_TEST_SETTING", []) == ["a.example", "b.example"]
    monkeypatch.setenv("PLANNER_TEST_SETTING", " , ")
    with pytest.raises(ImproperlyConfigured, match="at least one value"):
        env_list("PLANNER_TEST_SETTING", ["x"])
