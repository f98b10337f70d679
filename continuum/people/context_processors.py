"""Role-aware navigation: each role sees the places it can use, nothing it cannot."""

from django.urls import reverse
from django.utils.translation import gettext as _

from continuum.people.models import Role

_STAFF_ROLES = {Role.EDUCATOR, Role.LEADER, Role.DISTRICT_ADMIN}


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    items = [(_("Home"), reverse("home")), (_("Continuum"), reverse("framework_list"))]
    if user.role in _STAFF_ROLES:
        items.append((_("Sections"), reverse("section_list")))
    if user.role != Role.LEARNER:
        items.append((_("Learners"), reverse("learner_list")))
    if user.role == Role.DISTRICT_ADMIN:
        items.append((_("Import a framework"), reverse("case_import")))
    path = request.path
    return {
        "nav_items": [
            {
                "label": label,
                "url": url,
                "current": path == url or (url != "/" and path.startswith(url)),
            }
            for label, url in items
        ]
    }
