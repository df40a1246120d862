"""A gunicorn config file for `bench/run.py --edit-floor`: what part of the htmx edit's time is which step.

With it, an entry change that carries the header `X-Bench-Stop` makes its change as usual (access check,
entry, form, write transaction) and then answers "ok" after the step the header names, instead of the
day and week summary:

    write  the change only: no answer at all
    read   and the read of the week back (the queries: medicines, cabinet, the 147 entries)
    work   and the day's and week's figures worked out from them (page_week), still no HTML

Without the header nothing changes. Loaded only by the benchmark's own gunicorn (`-c bench/edit_floor.py`);
the app never imports it. It answers the question the benchmark's 2× goal for the edit raises: how much of
the budget is spent before there is anything to show.
"""

STOPS = ("write", "read", "work")


def post_worker_init(worker):
    from django.http import HttpResponse

    from mealplanner.selectors.plan_page import page_week, week_inputs
    from mealplanner.views import entries

    respond = entries.respond

    def respond_or_stop(request, plan, *, days, states=None, ok=True, message=""):
        stop = request.headers.get("X-Bench-Stop")
        if stop not in STOPS or not ok or message == entries.GONE:  # only an edit that changed something
            return respond(request, plan, days=days, states=states, ok=ok, message=message)
        if stop in ("read", "work"):
            inputs = week_inputs(plan)
            if stop == "work":
                page_week(plan, inputs=inputs, detail_days=set(days))
        return HttpResponse("ok")

    entries.respond = respond_or_stop
