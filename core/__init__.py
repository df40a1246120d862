"""Helpers every app shares and none owns: settings from the environment, downloads, middleware, throttle.

core imports no app of this project; the apps import core (tests/test_architecture.py checks both)."""
