"""Mutation testing, small and offline: do the tests notice when the code is subtly wrong?

Usage (from the repository root):

    .venv/bin/python scripts/mutation.py mealplanner/access.py --tests tests/clinic/test_permission_matrix.py
    .venv/bin/python scripts/mutation.py mealplanner/nutrition/ --tests tests/mealplanner/test_nutrition_*.py
    .venv/bin/python scripts/mutation.py mealplanner/access.py --tests ... --list      # mutants only, no run
    make mutation                                                                      # both, with their tests

Options: --jobs N (parallel copies, default 1; the machine has 2 cores), --exclude FILE (known equivalent
mutants, default scripts/mutation_equivalent.txt), --timeout SECONDS (per test run; default 10 x the clean run).

How it works: the working tree is copied to a temporary directory (the real tree is never touched, so others
can keep working in it). For each mutant, one small change is made to the parsed source (`>` to `>=`, `and` to
`or`, `+` to `-`, `continue` to `break`, `x += y` to `x = y`, True to False, a number + 1, a `.filter(...)` or
`.exclude(...)` dropped, one side of `a & b` / `a | b` dropped, `not x` to `x`), the file is written back in the
copy and only the given tests run (`-x -q -p no:randomly`). A failing run kills the mutant; a passing run is a
survivor: a change in behaviour no test noticed. The file is restored before the next mutant.

Equivalent mutants (changes no behaviour can reveal) are listed in the exclusion file, one a line, as printed
under "Survivors", followed by ` -- ` and the reason. They are left out of the score. A line or a whole
function can also be skipped with a `# pragma: no mutate` comment on the line.
"""

from __future__ import annotations

import argparse
import ast
import copy
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EXCLUDE = ROOT / "scripts" / "mutation_equivalent.txt"
COPY_IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "__pycache__", ".hypothesis", "staticfiles", "*.sqlite3", "node_modules", ".pytest_cache"
)

COMPARE_SWAPS = {
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
BINOP_SWAPS = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult, ast.FloorDiv: ast.Mult}
DROPPED_CALLS = {"filter", "exclude"}


@dataclass
class Mutant:
    path: str  # relative to the repository root
    line: int
    function: str
    before: str
    after: str
    index: int  # which mutation point in the file, in walk order
    variant: int  # which change at that point
    seq: int = 1  # the nth identical before/after in the same function, to keep keys unique

    @property
    def key(self) -> str:
        suffix = f" (#{self.seq})" if self.seq > 1 else ""
        return f"{self.path}::{self.function}: `{self.before}` → `{self.after}`{suffix}"


def _variants(node: ast.AST) -> list[ast.AST]:
    """The mutated copies of this one node (empty if it is not a mutation point)."""
    out: list[ast.AST] = []
    if isinstance(node, ast.Compare):
        for i, op in enumerate(node.ops):
            if type(op) in COMPARE_SWAPS:
                new = copy.deepcopy(node)
                new.ops[i] = COMPARE_SWAPS[type(op)]()
                out.append(new)
    elif isinstance(node, ast.BoolOp):
        new_bool = copy.deepcopy(node)
        new_bool.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        out.append(new_bool)
    elif isinstance(node, ast.BinOp):
        if type(node.op) in BINOP_SWAPS:
            new_bin = copy.deepcopy(node)
            new_bin.op = BINOP_SWAPS[type(node.op)]()
            out.append(new_bin)
        if isinstance(node.op, (ast.BitAnd, ast.BitOr)):  # Q objects: drop one side
            out += [copy.deepcopy(node.left), copy.deepcopy(node.right)]
    elif isinstance(node, ast.AugAssign):
        out.append(
            ast.Assign(targets=[copy.deepcopy(node.target)], value=copy.deepcopy(node.value), lineno=node.lineno)
        )
    elif isinstance(node, ast.Continue):
        out.append(ast.Break())
    elif isinstance(node, ast.Break):
        out.append(ast.Continue())
    elif isinstance(node, ast.Constant):
        if node.value is True or node.value is False:
            out.append(ast.Constant(value=not node.value))
        elif isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            out.append(ast.Constant(value=node.value + 1))
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        out.append(copy.deepcopy(node.operand))
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in DROPPED_CALLS:
        out.append(copy.deepcopy(node.func.value))
    return out


def _skipped_lines(source: str) -> set[int]:
    return {n for n, line in enumerate(source.splitlines(), 1) if "pragma: no mutate" in line}


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


class _Walker(ast.NodeTransformer):
    """Visits every mutation point in a fixed order; replaces point `target` with its variant `variant`."""

    def __init__(self, source: str, tree: ast.AST, target: int | None = None, variant: int = 0):
        self.skip_lines = _skipped_lines(source)
        self.docstrings = _docstrings(tree)
        self.target, self.variant = target, variant
        self.count = 0
        self.stack: list[str] = []
        self.found: list[tuple[int, int, str, str, list[str]]] = []  # index, line, function, before, afters
        self.parents: list[ast.AST] = []

    def _scope(self, node):
        # Only the body is walked: annotations, defaults and decorators are not the behaviour under test.
        if node.lineno in self.skip_lines:
            return node
        self.stack.append(node.name)
        node.body = [self.visit(child) for child in node.body]
        self.stack.pop()
        return node

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = _scope

    def visit_AnnAssign(self, node):
        if node.value is not None:
            node.value = self.visit(node.value)
        return node

    def visit_JoinedStr(self, node):
        return node  # message text, not logic

    def visit(self, node):
        skipped = id(node) in self.docstrings or getattr(node, "lineno", 0) in self.skip_lines
        variants = [] if skipped else _variants(node)
        if variants:
            index = self.count
            self.count += 1
            if self.target is None:
                before, afters = self._describe(node, variants)
                self.found.append((index, node.lineno, ".".join(self.stack) or "<module>", before, afters))
            elif index == self.target:
                replacement = variants[self.variant]
                ast.copy_location(replacement, node)
                return ast.fix_missing_locations(replacement)
        self.parents.append(node)
        try:
            return super().visit(node)
        finally:
            self.parents.pop()

    def _describe(self, node, variants):
        """Before and after as a reader would recognise them: a lone constant is shown in its expression."""
        if not isinstance(node, ast.Constant):
            return ast.unparse(node), [ast.unparse(v) for v in variants]
        context = next((p for p in reversed(self.parents) if isinstance(p, ast.expr)), None)
        if context is None:
            return ast.unparse(node), [ast.unparse(v) for v in variants]
        before, afters, value = ast.unparse(context), [], node.value
        for variant in variants:
            node.value = variant.value
            afters.append(ast.unparse(context))
        node.value = value
        return before, afters


def find_mutants(rel: str, source: str) -> list[Mutant]:
    tree = ast.parse(source)
    walker = _Walker(source, tree)
    walker.visit(tree)
    mutants: list[Mutant] = []
    seen: dict[tuple[str, str, str], int] = {}
    for index, line, function, before, afters in walker.found:
        for variant, after in enumerate(afters):
            key = (function, before, after)
            seen[key] = seen.get(key, 0) + 1
            mutants.append(Mutant(rel, line, function, before, after, index, variant, seen[key]))
    return mutants


def mutated_source(source: str, mutant: Mutant) -> str:
    tree = ast.parse(source)
    _Walker(source, tree, target=mutant.index, variant=mutant.variant).visit(tree)
    return ast.unparse(ast.fix_missing_locations(tree)) + "\n"


def read_exclusions(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    if not path.exists():
        return out
    for raw in path.read_text().splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        match = re.match(r"^(.*?`(?: \(#\d+\))?) -- (.+)$", raw.strip())
        if match:
            out[match.group(1)] = match.group(2)
        else:
            print(f"warning: exclusion line without ' -- reason': {raw}", file=sys.stderr)
    return out


def run_tests(workdir: Path, tests: list[str], timeout: float | None) -> tuple[bool, float]:
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    start = time.monotonic()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:randomly", *tests],
            cwd=workdir,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=timeout,
        )
        return result.returncode == 0, time.monotonic() - start
    except subprocess.TimeoutExpired:
        return False, time.monotonic() - start  # an endless loop is a caught mutant


def _likely_first(tests: list[str], path: str) -> list[str]:
    """The tests named after the mutated module first: with -x, most mutants then die in the first file."""
    stem = Path(path).stem.lstrip("_")
    return sorted(tests, key=lambda test: stem not in Path(test).stem)


def make_copy(base: Path) -> Path:
    workdir = Path(tempfile.mkdtemp(prefix="mutation-", dir=base))
    tree = workdir / "tree"
    shutil.copytree(ROOT, tree, ignore=COPY_IGNORE)
    (tree / ".venv").symlink_to(ROOT / ".venv")
    return tree


def expand(targets: list[str]) -> list[Path]:
    paths = []
    for target in targets:
        p = (ROOT / target) if not Path(target).is_absolute() else Path(target)
        paths += sorted(p.rglob("*.py")) if p.is_dir() else [p]
    return paths


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="+", help="files or directories to mutate")
    parser.add_argument("--tests", nargs="+", required=True, help="test files (globs allowed) to run")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--exclude", type=Path, default=DEFAULT_EXCLUDE)
    parser.add_argument("--timeout", type=float, default=None)
    parser.add_argument("--list", action="store_true", help="print the mutants and stop")
    args = parser.parse_args(argv)

    tests = [t for pattern in args.tests for t in (sorted(glob.glob(pattern, root_dir=ROOT)) or [pattern])]
    files = [str(f.resolve().relative_to(ROOT)) for f in expand(args.targets)]
    base = Path(tempfile.mkdtemp(prefix="mutation-run-"))
    copies = [] if args.list else [make_copy(base) for _ in range(max(1, args.jobs))]
    # The sources are read once, from the first copy: the real tree may change while this runs.
    sources = {f: ((copies[0] if copies else ROOT) / f).read_text() for f in files}
    mutants = [m for f in files for m in find_mutants(f, sources[f])]
    exclusions = read_exclusions(args.exclude)
    excluded = [m for m in mutants if m.key in exclusions]
    todo = [m for m in mutants if m.key not in exclusions]
    if args.list:
        shutil.rmtree(base, ignore_errors=True)
        for m in mutants:
            mark = "  (excluded)" if m.key in exclusions else ""
            print(f"{m.path}:{m.line}: {m.key}{mark}")
        print(f"{len(mutants)} mutants, {len(excluded)} excluded as equivalent")
        return 0

    try:
        for tree in copies[1:]:  # every copy holds the same sources as the first
            for f in files:
                (tree / f).write_text(sources[f])
        ok, clean_seconds = run_tests(copies[0], tests, None)
        if not ok:
            print("The tests fail on the unmutated code; fix them first:", " ".join(tests), file=sys.stderr)
            return 2
        timeout = args.timeout or max(30.0, clean_seconds * 10)
        print(
            f"{len(todo)} mutants ({len(excluded)} excluded as equivalent) in {len(files)} file(s); "
            f"clean test run {clean_seconds:.1f} s; {len(copies)} job(s)",
            flush=True,
        )
        free = list(copies)
        survivors: list[Mutant] = []

        def attempt(mutant: Mutant) -> bool:
            tree = free.pop()
            try:
                target = tree / mutant.path
                try:
                    mutated = mutated_source(sources[mutant.path], mutant)
                except Exception as error:  # noqa: BLE001 - a bug here must not stop the run: the mutant counts as survived
                    print(f"  could not make {mutant.key}: {error!r}", file=sys.stderr)
                    return False
                target.write_text(mutated)
                try:
                    passed, _ = run_tests(tree, _likely_first(tests, mutant.path), timeout)
                finally:
                    target.write_text(sources[mutant.path])
                return not passed
            finally:
                free.append(tree)

        with ThreadPoolExecutor(max_workers=len(copies)) as pool:
            for done, (mutant, killed) in enumerate(zip(todo, pool.map(attempt, todo), strict=True), 1):
                if not killed:
                    survivors.append(mutant)
                    print(f"  survived {mutant.path}:{mutant.line}: `{mutant.before}` → `{mutant.after}`", flush=True)
                if done % 20 == 0:
                    print(f"  … {done}/{len(todo)}", flush=True)
    finally:
        shutil.rmtree(base, ignore_errors=True)

    killed_count = len(todo) - len(survivors)
    score = 100.0 * killed_count / len(todo) if todo else 100.0
    print(
        f"\nScore: {killed_count}/{len(todo)} behaviour-changing mutants killed = {score:.1f} % "
        f"({len(excluded)} equivalent excluded; {len(mutants)} made)"
    )
    if survivors:
        print("Survivors (add a test that kills each, or list it in the exclusion file with ' -- reason'):")
        for m in survivors:
            print(f"  {m.path}:{m.line}  {m.key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
