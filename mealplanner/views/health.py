from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


@login_required
def ping(request):
    """A trivial logged-in page: the baseline the benchmarks compare every real page against."""
    return HttpResponse("ok", content_type="text/plain")
