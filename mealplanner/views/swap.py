"""Swap (issue 17): an entry's three alternatives that keep its day in its magnesium and energy bands, and
one click to replace it.

GET shows them: for htmx in place of the entry's Swap link (inside its change forms), without JavaScript a
page with the three choices as plain forms. POST replaces the entry and answers like every entry change
(plan_render.respond: htmx gets the day again, a plain post a redirect back). A choice that no longer keeps
the day in its bands (the day changed in another tab) is refused with a message, changing nothing.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from mealplanner import access
from mealplanner.forms.swap import SwapForm
from mealplanner.generator.swap import SWAP_COUNT
from mealplanner.selectors.swap import SwapOffer, choice_line, swap_offer
from mealplanner.services import swap as services
from mealplanner.views.entries import GONE, entry_or_gone, posted_day
from mealplanner.views.plan_render import respond

PAGE = "mealplanner/plan_entry_swap.html"
REFUSED = "That alternative would take the day out of its bands now (or is not one of them): choose again."


def _show(request, plan, offer: SwapOffer, *, message: str = "", status: int = 200):
    context = {
        "plan": plan,
        "entry": offer.entry,
        "offer": offer,
        "day_index": offer.entry.day,
        "lines": [choice_line(c) for c in offer.choices[:SWAP_COUNT]],
        "message": message,
        "inline": bool(request.htmx),
    }
    return render(request, f"{PAGE}#swap-choices" if request.htmx else PAGE, context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def entry_swap(request, plan_id, entry_id):
    """Show an entry's alternatives (GET) or replace it by the one chosen (POST)."""
    plan = access.get_plan_or_404(request.user, plan_id, edit=True)
    entry = entry_or_gone(request, plan, entry_id)
    if entry is None:
        asked = request.POST if request.method == "POST" else request.GET
        return respond(request, plan, days=[posted_day(request)] if "day" in asked else list(range(7)), message=GONE)
    if request.method == "GET":
        return _show(request, plan, swap_offer(plan, entry))
    form = SwapForm(request.POST)
    # Every alternative that keeps the day in its bands now, not only the three shown: the day may have
    # changed a little since, and any choice that still fits is taken.
    offer = swap_offer(plan, entry, count=None)
    choice = (
        offer.find(form.cleaned_data["kind"], form.cleaned_data["ref"], form.cleaned_data["halves"])
        if form.is_valid()
        else None
    )
    if choice is None:
        message = offer.problem or REFUSED
        if request.htmx:
            return respond(request, plan, days=[entry.day], ok=False, message=message)
        return _show(request, plan, offer, message=message, status=422)
    try:
        services.plan_entry_swap(entry=entry, choice=choice, portion_id=offer.portion_ids.get(choice.ref))
    except ValueError as error:  # the chosen dish or food was deleted meanwhile: nothing changed
        return respond(request, plan, days=[entry.day], ok=False, message=str(error))
    return respond(request, plan, days=[entry.day], message=f"Swapped {offer.name} for {choice.name}.")
