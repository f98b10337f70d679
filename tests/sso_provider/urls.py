from django.contrib.auth import get_user_model, login
from django.http import HttpResponse
from django.urls import include, path


def sign_in_as(request, username: str):
    """Signs the browser in as ``username`` (made or updated from ?email=&verified=): the
    provider's own sign-in, which the tests do not need to exercise."""
    user, _ = get_user_model().objects.update_or_create(
        username=username,
        defaults={
            "email": request.GET.get("email", ""),
            "last_name": "verified" if request.GET.get("verified") == "1" else "",
        },
    )
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return HttpResponse("signed in")


urlpatterns = [
    path("o/", include("oauth2_provider.urls", namespace="oauth2_provider")),
    path("as/<str:username>/", sign_in_as),
]
