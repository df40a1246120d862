"""scripts/mutation.py makes each kind of small change it promises, one at a time, and skips what it should."""

import ast
import importlib.util
import sys
from pathlib import Path

from django.conf import settings

_spec = importlib.util.spec_from_file_location("mutation", Path(settings.BASE_DIR) / "scripts" / "mutation.py")
mutation = importlib.util.module_from_spec(_spec)
sys.modules["mutation"] = mutation  # its dataclasses look their module up by name
_spec.loader.exec_module(mutation)

SOURCE = '''"""A module docstring: never mutated."""


def rule(a, b, items, qs, Q):
    total = 0
    for x in items:
        if x > a and x <= b:
            continue
        if x == 3:
            break
        total += x * 2 - 1
    ok = not a
    qs = qs.filter(pk=1).exclude(pk=2)
    q = Q(a=True) & Q(b=False)
    skipped = a > b  # pragma: no mutate
    return total, ok, qs, q, f"{a > b}"
'''


def _changes():
    return {(m.before, m.after) for m in mutation.find_mutants("example.py", SOURCE)}


def test_every_promised_kind_of_change_is_made():
    changes = _changes()
    for expected in [
        ("x > a", "x >= a"),
        ("x <= b", "x < b"),
        ("x == 3", "x != 3"),
        ("x > a and x <= b", "x > a or x <= b"),
        ("x * 2 - 1", "x * 2 + 1"),
        ("x * 2", "x / 2"),
        ("continue", "break"),
        ("break", "continue"),
        ("total += x * 2 - 1", "total = x * 2 - 1"),
        ("Q(a=True)", "Q(a=False)"),
        ("x == 3", "x == 4"),
        ("not a", "a"),
        ("qs.filter(pk=1).exclude(pk=2)", "qs.filter(pk=1)"),
        ("qs.filter(pk=1)", "qs"),
        ("Q(a=True) & Q(b=False)", "Q(a=True)"),
        ("Q(a=True) & Q(b=False)", "Q(b=False)"),
    ]:
        assert expected in changes, expected


def test_docstrings_pragma_lines_and_message_text_are_left_alone():
    lines = {m.line for m in mutation.find_mutants("example.py", SOURCE)}
    # Line 1: the docstring; 15: marked "pragma: no mutate"; 16: only an f-string's text could change there.
    assert lines.isdisjoint({1, 15, 16})
    assert 14 in lines


def test_each_mutant_changes_exactly_the_one_place_it_names():
    original = ast.dump(ast.parse(SOURCE))
    for mutant in mutation.find_mutants("example.py", SOURCE):
        mutated = mutation.mutated_source(SOURCE, mutant)
        assert ast.dump(ast.parse(mutated)) != original, mutant.key
        assert mutant.after in mutated, mutant.key


def test_equivalent_mutants_are_read_with_their_reasons(tmp_path):
    mutant = mutation.find_mutants("example.py", SOURCE)[0]
    path = tmp_path / "equivalent.txt"
    path.write_text(f"# a comment\n{mutant.key} -- because nothing can tell\n")
    assert mutation.read_exclusions(path) == {mutant.key: "because nothing can tell"}
