"""Favourites: a person stars a food, own food or recipe, and every meal's quick add offers it first."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from recipes import selectors, services
from recipes.favourites import item_key
from recipes.forms import FavouriteForm


@login_required
@require_POST
def favourite_set(request):
    """Star or unstar; htmx gets the button back in its new state, a plain post goes back where it came from.
    Something the person may not see is a 404, like a stranger's id anywhere else."""
    form = FavouriteForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("Choose something to keep as a favourite.")
    item = selectors.item_from_key(request.user, form.cleaned_data["item"])
    if item is None:
        raise Http404("No such food or recipe.")
    on = services.favourite_set(user=request.user, item=item, on=form.cleaned_data["on"])
    if request.htmx:
        key = item_key(item)
        return render(
            request,
            "recipes/_favourite.html",
            {
                "key": key,
                "name": str(item),
                "next": form.cleaned_data["next"],
                "favourites": {key} if on else set(),
                "inline": True,
            },
        )
    back = form.cleaned_data["next"]
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        back = "recipes:list"
    return redirect(back)
