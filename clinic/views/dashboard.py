from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from mealplanner.access import require_dietitian


@login_required
def dashboard(request):
    require_dietitian(request.user)
    return render(request, "home.html")
