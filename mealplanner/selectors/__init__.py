"""Reads that views share. Import from the module, e.g. `from mealplanner.selectors.plans import week_totals`."""
