"""Deep Linking: an educator places learning targets or assessments of the section in the
LMS course. The answer is an LtiDeepLinkingResponse JWT signed with the tool's current key
(published at /lti/jwks.json), carrying one ltiResourceLink per choice whose custom
parameters name the target or the assessment; launching such a link opens its page."""

from dataclasses import dataclass

from django.urls import reverse
from lti_tool.models import LtiLaunch
from pylti1p3.deep_link_resource import DeepLinkResource

from continuum.evidence.models import Assessment
from continuum.evidence.public import gradebook_framework_list, gradebook_targets
from continuum.frameworks.models import Framework, FrameworkItem
from continuum.frameworks.public import framework_visible
from continuum.people.models import Section, User

CUSTOM_TARGET = "continuum_target"
CUSTOM_ASSESSMENT = "continuum_assessment"


@dataclass(frozen=True)
class Choices:
    frameworks: list[Framework]
    framework: Framework | None
    targets: list[FrameworkItem]
    assessments: list[Assessment]


def deep_link_choices(*, section: Section, user: User, framework_id: str | None) -> Choices:
    """What the educator may place: the targets of the section's framework (the one its
    gradebook shows, or another the educator picks) and the section's assessments."""
    visible = set(framework_visible(user=user).values_list("pk", flat=True))
    frameworks = [f for f in gradebook_framework_list(section=section) if f.pk in visible]
    framework = next((f for f in frameworks if str(f.pk) == framework_id), None)
    framework = framework or (frameworks[0] if frameworks else None)
    return Choices(
        frameworks=frameworks,
        framework=framework,
        targets=gradebook_targets(framework=framework) if framework else [],
        assessments=list(Assessment.objects.filter(section=section).order_by("title")),
    )


def _resource(launch_url: str, title: str, custom: dict[str, str]) -> DeepLinkResource:
    return DeepLinkResource().set_url(launch_url).set_title(title[:255]).set_custom_params(custom)


def deep_link_response(
    *,
    launch: LtiLaunch,
    choices: Choices,
    target_ids: list[int],
    assessment_ids: list[int],
    base_url: str,
) -> tuple[str, str]:
    """The signed JWT for the chosen items and the platform's return URL. Ids outside
    ``choices`` are refused (ValueError), so nothing of another section can be placed."""
    targets = {t.pk: t for t in choices.targets}
    assessments = {a.pk: a for a in choices.assessments}
    unknown = [i for i in target_ids if i not in targets] + [
        i for i in assessment_ids if i not in assessments
    ]
    if unknown:
        raise ValueError("Choose targets and assessments of this section only.")
    if not target_ids and not assessment_ids:
        raise ValueError("Choose at least one learning target or assessment.")
    launch_url = base_url + reverse("lti_launch")
    resources = [
        _resource(
            launch_url,
            f"{targets[i].human_coding_scheme} {targets[i].full_statement}".strip(),
            {CUSTOM_TARGET: targets[i].identifier},
        )
        for i in target_ids
    ] + [
        _resource(launch_url, assessments[i].title, {CUSTOM_ASSESSMENT: str(i)})
        for i in assessment_ids
    ]
    deep_link = launch.get_message_launch().get_deep_link()
    settings = launch.get_claim(
        "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"
    )
    return deep_link.get_response_jwt(resources), settings["deep_link_return_url"]
