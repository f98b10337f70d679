"""The home page: each role's work for today, as ``selectors.home_get`` reads it."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from continuum.home.selectors import home_get


@login_required
def home(request):
    page = home_get(user=request.user, now=timezone.now())
    return render(request, "home/home.html", {"page": page})
