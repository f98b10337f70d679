"""Role-aware navigation: each role sees the places it can use, nothing it cannot."""

from django.urls import reverse
from django.utils.translation import gettext as _

from continuum.people.models import Role

_SECTION_ROLES = {Role.EDUCATOR, Role.LEADER, Role.DISTRICT_ADMIN}
_GRADEBOOK_ROLES = {Role.EDUCATOR, Role.LEADER}
_ASSESSMENT_ROLES = {Role.LEARNER, Role.EDUCATOR, Role.LEADER}
_INTEGRATION_ROLES = {Role.EDUCATOR, Role.LEADER, Role.DISTRICT_ADMIN}
_SUPPORT_ROLES = {Role.EDUCATOR, Role.COUNSELOR, Role.LEADER}
_EXPERIENCE_ROLES = {Role.LEARNER, Role.EDUCATOR, Role.COUNSELOR, Role.LEADER, Role.PARTNER}


def _items(user) -> list[tuple[str, str]]:
    items = [(_("Home"), reverse("home")), (_("Continuum"), reverse("framework_list"))]
    if user.role == Role.LEARNER:
        items.append((_("My dashboard"), reverse("learner_dashboard", args=[user.pk])))
        items.append((_("My evidence"), reverse("learner_evidence", args=[user.pk])))
        items.append((_("My plan"), reverse("learning_plan", kwargs={"learner_id": user.pk})))
        items.append((_("My credits and certificates"), reverse("my_credentials")))
    if user.role == Role.GUARDIAN:
        items.append((_("Family view"), reverse("family_home")))
    if user.role in (Role.LEARNER, Role.GUARDIAN):
        items.append((_("Report cards"), reverse("report_card_home")))
        items.append((_("Transcript"), reverse("transcript_home")))
    if user.role in _GRADEBOOK_ROLES:
        items.append((_("Gradebook"), reverse("gradebook_home")))
    if user.role in _ASSESSMENT_ROLES:
        items.append((_("Assessments"), reverse("assessment_list")))
    if user.role == Role.EDUCATOR:
        items.append((_("Requests"), reverse("learner_requests")))
    if user.role in _SECTION_ROLES:
        items.append((_("Insights"), reverse("insights_home")))
        items.append((_("Sections"), reverse("section_list")))
    if user.role in _SUPPORT_ROLES:
        items.append((_("Supports"), reverse("caseload")))
    if user.role in (Role.LEADER, Role.DISTRICT_ADMIN):
        items.append((_("Requirements"), reverse("requirement_list")))
        items.append((_("Grading policy"), reverse("grading_home")))
    if user.role != Role.LEARNER:
        items.append((_("Learners"), reverse("learner_list")))
    if user.role in _EXPERIENCE_ROLES:
        items.append((_("Learning experiences"), reverse("experience_list")))
    if user.role in _INTEGRATION_ROLES:
        items.append((_("Integrations"), reverse("integrations")))
    if user.role == Role.DISTRICT_ADMIN:
        items.append((_("Import a framework"), reverse("case_import")))
        items.append((_("Privacy"), reverse("privacy_disclosures")))
        items.append((_("Rostering"), reverse("rostering_home")))
    return items


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    path = request.path
    items = _items(user)
    # The page's place is the longest entry its address starts with, so /supports/
    # and /supports/requirements/ are never both "current".
    inside = [url for _, url in items if path == url or (url != "/" and path.startswith(url))]
    current = max(inside, key=len, default=None)
    return {
        "nav_items": [
            {"label": label, "url": url, "current": url == current} for label, url in items
        ]
    }
