from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from clinic.roster import SORTS, dashboard_page
from clinic.selectors import template_count
from clinic.views._common import plan_page_url


class RosterForm(forms.Form):
    """Search and sort the roster (a GET form: it works as a plain link, and bad values fall back)."""

    q = forms.CharField(label="Search by name", required=False, max_length=120)
    sort = forms.ChoiceField(label="Order", choices=list(SORTS.items()), required=False)


@login_required
@require_GET
def dashboard(request):
    """Every client with their current week, those who need attention first; a page at a time."""
    form = RosterForm(request.GET)
    values = form.cleaned_data if form.is_valid() else {}
    search, sort = values.get("q", "").strip(), values.get("sort") or "attention"
    page, total = dashboard_page(request.user, page_number=request.GET.get("page"), search=search, sort=sort)
    for row in page.object_list:
        row.plan_url = plan_page_url(row.plan) if row.plan else ""
    kept = {name: value for name, value in (("q", search), ("sort", sort if sort != "attention" else "")) if value}
    return render(
        request,
        "clinic/dashboard.html",
        {
            "page": page,
            "rows": page.object_list,
            "total": total,
            "form": form,
            "search": search,
            "sort": sort,
            "query": urlencode(kept) + "&" if kept else "",
            "template_count": template_count(request.user),
        },
    )
