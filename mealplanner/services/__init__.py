"""Writes. Each area keeps its services in a module here; import them from the module, e.g.
`from mealplanner.services.plans import plan_entry_add`."""
