"""Evidence and estimates in the JSON API, for integrations (token) and the browser.

Recording goes through ``services.recording.evidence_record`` (source "api"), so the scale,
the scorer's right to score the learner, the bounds on level, weight and date, and the audit
hold as in the gradebook. Reads show only learners the caller may see, through the same
selectors as the evidence pages (``evidence.selectors.scope``: a partner reads only the
slice of a current placement). Lists are paged by ``limits.BoundedPagination``.
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from continuum.api.auth import token_or_session
from continuum.api.limits import BoundedPagination, Id
from continuum.evidence.models import Estimate, EstimateStatus, EvidenceKind, EvidenceSource, Mark
from continuum.evidence.public import MAX_LEVEL, MAX_WEIGHT, evidence_record
from continuum.evidence.public import estimate_list as estimate_visible
from continuum.evidence.public import evidence_list as evidence_visible
from continuum.frameworks.public import target_visible
from continuum.people.models import Role, User
from continuum.people.public import learner_list
from continuum.privacy.public import disclosed_items

router = Router(tags=["evidence"], auth=token_or_session)
estimates_router = Router(tags=["evidence"], auth=token_or_session)


class Message(Schema):
    detail: str | list[str]


class EvidenceIn(Schema):
    learner_id: Id
    target_id: Id = Field(description="A learning target's id (see /api/v1/frameworks)")
    level: float | None = Field(
        None,
        ge=-MAX_LEVEL,
        le=MAX_LEVEL,
        allow_inf_nan=False,
        description="A level of the target's scale; none if not scored",
    )
    mark: Mark = Mark.SCORED
    kind: EvidenceKind = EvidenceKind.SUMMATIVE
    weight: float = Field(1.0, ge=0, le=MAX_WEIGHT, allow_inf_nan=False)
    assessed_at: datetime | None = Field(
        None,
        description="When it was assessed (from 1990-01-01 to a day from now); now if left out",
    )
    feedback: str = ""


class EvidenceOut(Schema):
    id: int
    learner_id: int
    target_id: int
    target_code: str = Field(alias="target.human_coding_scheme")
    level: float | None
    mark: str
    kind: str
    weight: float
    attempt: int
    assessed_at: datetime
    source: str
    scorer: str | None = Field(None, alias="scorer.username")
    feedback: str


class EstimateOut(Schema):
    learner_id: int
    target_id: int
    target_code: str = Field(alias="target.human_coding_scheme")
    level: float | None = Field(description="What is shown: the override if there is one")
    status: str = Field(
        description='What is shown, in stable English: "not started", '
        '"not yet", "approaching", "proficient" or "advanced"'
    )
    overridden: bool
    override_reason: str
    calculated_level: float | None
    calculated_status: str
    method: str
    evidence_count: int
    computed_at: datetime

    @staticmethod
    def resolve_level(estimate: Estimate) -> float | None:
        return estimate.shown_level

    @staticmethod
    def resolve_status(estimate: Estimate) -> str:
        return estimate.shown_status.code

    @staticmethod
    def resolve_overridden(estimate: Estimate) -> bool:
        return estimate.is_overridden

    @staticmethod
    def resolve_calculated_level(estimate: Estimate) -> float | None:
        return estimate.level

    @staticmethod
    def resolve_calculated_status(estimate: Estimate) -> str:
        return EstimateStatus(estimate.status).code


def _learner(request: HttpRequest, learner: Id | None) -> User | None:
    """The one learner asked for, if the caller may see them (404 otherwise)."""
    if learner is None:
        return None
    found = learner_list(user=request.auth).filter(pk=learner).first()  # type: ignore[attr-defined]
    if found is None:
        raise HttpError(404, f"No learner {learner} among those you may see.")
    return found


def _aware(when: datetime | None) -> datetime | None:
    """A time without a zone is read in the school's zone (settings.TIME_ZONE)."""
    return timezone.make_aware(when) if when and timezone.is_naive(when) else when


@router.post(
    "",
    response={201: EvidenceOut, 403: Message, 422: Message},
    url_name="evidence",
    summary="Record one piece of evidence (as the token's owner, who must teach the learner)",
)
def evidence_create(request: HttpRequest, payload: EvidenceIn):
    scorer: User = request.auth  # type: ignore[attr-defined]
    learner = User.objects.filter(pk=payload.learner_id, role=Role.LEARNER).first()
    if learner is None or not scorer.has_perm("evidence.record_evidence", learner):
        return Status(
            403, {"detail": f"Learner {payload.learner_id} is not in any of your sections."}
        )
    target = target_visible(user=scorer).filter(pk=payload.target_id).first()
    if target is None:
        return Status(422, {"detail": f"No learning target with id {payload.target_id}."})
    try:
        evidence = evidence_record(
            learner=learner,
            target=target,
            scorer=scorer,
            assessed_at=_aware(payload.assessed_at) or timezone.now(),
            level=payload.level,
            mark=payload.mark,
            kind=payload.kind,
            weight=payload.weight,
            feedback=payload.feedback,
            source=EvidenceSource.API,
            reason="Recorded through the API",
        )
    except PermissionDenied as error:
        return Status(403, {"detail": str(error)})
    except ValidationError as error:
        return Status(422, {"detail": error.messages})
    return Status(201, evidence)


@router.get(
    "",
    response=list[EvidenceOut],
    url_name="evidence",
    summary="Evidence of the learners you may see, optionally of one learner and target",
)
@disclosed_items("evidence")
@paginate(BoundedPagination)
def evidence_list(request: HttpRequest, learner: Id | None = None, target: Id | None = None):
    evidence = evidence_visible(
        user=request.auth,  # type: ignore[attr-defined]
        learner=_learner(request, learner),
    ).select_related("target", "scorer")
    if target is not None:
        evidence = evidence.filter(target_id=target)
    return evidence.order_by("learner_id", "target_id", "assessed_at", "id")


@estimates_router.get(
    "",
    response=list[EstimateOut],
    url_name="estimates",
    summary="Mastery estimates of the learners you may see, optionally of one learner",
)
@disclosed_items("estimates")
@paginate(BoundedPagination)
def estimate_list(request: HttpRequest, learner: Id | None = None, target: Id | None = None):
    estimates = estimate_visible(
        user=request.auth,  # type: ignore[attr-defined]
        learner=_learner(request, learner),
    ).select_related("target")
    if target is not None:
        estimates = estimates.filter(target_id=target)
    return estimates.order_by("learner_id", "target_id")
