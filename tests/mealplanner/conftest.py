"""Fixtures the meal planner's tests share."""

import pytest


@pytest.fixture
def unhurried_generator(monkeypatch):
    """Lift the generator's wall-clock safety nets (HiGHS's time limit per solve, a request's budget), as
    bench/generator.py's --unhurried does: on a loaded shared machine they left days unfilled, so tests that
    fill a plan see what the planner does, not how busy the machine was. Only the node limit stops a solve."""
    from mealplanner.generator import meal_milp
    from mealplanner.services import generator

    monkeypatch.setattr(meal_milp, "TIME_LIMIT_S", 600.0)
    monkeypatch.setattr(generator, "SOLVE_BUDGET_S", 3600.0)
