"""Records a disclosure after every successful page that shows one learner's data, and
after every CASE package download.

Placed after AuthenticationMiddleware. A page qualifies when its resolved URL names a
learner (``learner_id``) or a learner-owned object listed in registry.py. Only successful
reads count (GET or HEAD answered 2xx): a refused request disclosed nothing. One insert
per request; a learner reading their own pages is not a disclosure. Recording here keeps
the other apps free of any call into this one.
"""

from django.apps import apps

from continuum.privacy.models import Via
from continuum.privacy.registry import LEARNER_OBJECT_PAGES
from continuum.privacy.services.disclosures import disclosure_record

# The export and deletion forms show only a name; the export itself is recorded (with its
# reason) by the export service.
_NOT_DISCLOSURES = {"privacy_learner_export", "privacy_learner_delete"}


def _learner_of(match) -> tuple[int | None, str]:
    """The learner a resolved page is about, and what kind of record it shows."""
    if "learner_id" in match.kwargs:
        return int(match.kwargs["learner_id"]), match.func.__module__.split(".")[1]
    page = LEARNER_OBJECT_PAGES.get(match.url_name)
    if page is None or page.kwarg not in match.kwargs:
        return None, ""
    model = apps.get_model(page.model)
    learner_id = (
        model._default_manager.filter(pk=match.kwargs[page.kwarg])
        .values_list(page.learner_lookup, flat=True)
        .first()
    )
    return learner_id, str(model._meta.verbose_name)


class DisclosureMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if (
            match is None
            or match.url_name in _NOT_DISCLOSURES
            or request.method not in ("GET", "HEAD")
            or not 200 <= response.status_code < 300
        ):
            return response
        if match.url_name == "case_package":
            disclosure_record(
                actor=request.user,
                learner_ids=[],
                via=Via.CASE,
                what="case_package",
                record="CASE package",
                path=request.path,
                subject=match.kwargs["identifier"],
            )
            return response
        learner_id, record = _learner_of(match)
        if learner_id is None:
            return response
        # Only now look at the user: loading it costs queries other pages need not pay.
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            disclosure_record(
                actor=user,
                learner_ids=[learner_id],
                via=Via.PAGE,
                what=match.view_name,
                record=record,
                path=request.get_full_path()[:500],
            )
        return response
