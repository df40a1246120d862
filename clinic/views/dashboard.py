from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from clinic.selectors import dashboard_rows, templates_for
from clinic.views._common import plan_page_url


@login_required
@require_GET
def dashboard(request):
    """Every client with their current week, those who need attention first."""
    rows = dashboard_rows(request.user)
    for row in rows:
        row.plan_url = plan_page_url(row.plan) if row.plan else ""
    return render(request, "clinic/dashboard.html", {"rows": rows, "template_count": templates_for(request.user).count()})
