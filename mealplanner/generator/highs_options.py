"""HiGHS's own settings for a day's MIP, beyond the four scipy.optimize.milp names (issue 17).

scipy passes options it does not name to HiGHS verbatim, with a RuntimeWarning saying so (scipy 1.18's milp
documents this in that warning); `verbatim` keeps that warning out of the logs for these settings only.

HiGHS's RINS and RENS heuristics each solve a sub-MIP at the root and at nodes. On a kidney-cap day (a few
whole-number days fit the potassium and phosphorus caps, or none) they took about half of HiGHS's time: the
MIPs of the 25 seeded weeks of bench/generator.py took 11.7 CPU s without them rather than 21.5, every one
as feasible or infeasible as before and the days as good (the sum of their objectives 0.5 % lower). Both are
deterministic switches: the same input still gives the same plan.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager

NO_SUB_MIPS = {"mip_heuristic_run_rins": False, "mip_heuristic_run_rens": False}


@contextmanager
def verbatim() -> Iterator[None]:
    """Inside: scipy's warning that it passes HiGHS settings verbatim is not shown (other warnings are)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Unrecognized options detected", category=RuntimeWarning)
        yield
