"""Reads for the credits pages and the family view: one learner's awards, each with the
rule and the evidence behind it as they were when awarded, and the courses that ended
without credit with the targets to re-learn. A fixed number of queries per learner."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from continuum.credentials.models import Award, CreditNotEarned, IssuedCredential, IssuerKey
from continuum.evidence.models import EstimateStatus, Evidence
from continuum.people.models import Organization, User
from continuum.supports.models import Requirement


@dataclass(frozen=True)
class EvidenceRef:
    """One piece of evidence an award names, as it reads today (if it still exists)."""

    pk: int
    assessed_at: datetime
    title: str
    level: float | None


@dataclass(frozen=True)
class AwardLine:
    """One target of an awarded rule, as the estimate showed it at award time."""

    code: str
    statement: str
    level: float | None
    status: EstimateStatus
    evidence: list[EvidenceRef] = field(default_factory=list)


@dataclass(frozen=True)
class AwardView:
    """An award as its pages show it; ``version`` is which version of its requirement the
    rule came from (1 for the requirement as first saved), not the history row's id."""

    award: Award
    lines: list[AwardLine]
    version: int | None = None

    @property
    def rule_words(self) -> str:
        """The rule in the snapshot as a learner reads it ("at least 80 % of the targets
        proficient, none below level 2"), not its code."""
        rule = self.award.rule
        name, parameters = rule.get("name", ""), rule.get("parameters", {})
        if name == "share_proficient":
            return _(
                "at least %(share)s %% of the targets proficient, none below level %(floor)s"
            ) % {
                "share": f"{100 * float(parameters.get('share', 0)):g}",
                "floor": f"{float(parameters.get('floor', 0)):g}",
            }
        if name == "points":
            return _("at least %(points)s points from proficient targets") % {
                "points": f"{float(parameters.get('points', 0)):g}"
            }
        if name in ("mean", "weighted_mean"):
            return str(_("the targets' average level at proficient or above"))
        return str(_("every target proficient"))


@dataclass(frozen=True)
class LearnerCredentials:
    learner: User
    awards: list[AwardView]
    not_earned: list[CreditNotEarned]

    @property
    def live(self) -> list[AwardView]:
        return [view for view in self.awards if view.award.live]


def award_list(*, learner: User) -> QuerySet[Award]:
    return Award.objects.filter(learner=learner).select_related("requirement", "revoked_by")


def not_earned_list(*, learner: User) -> QuerySet[CreditNotEarned]:
    return (
        CreditNotEarned.objects.filter(learner=learner)
        .select_related("requirement")
        .prefetch_related("targets__version")
    )


def _evidence(awards: list[Award]) -> dict[int, EvidenceRef]:
    ids = {pk for award in awards for line in award.evidence for pk in line.get("evidence", [])}
    rows = Evidence.objects.filter(pk__in=ids).select_related("assessment")
    return {
        e.pk: EvidenceRef(e.pk, e.assessed_at, e.assessment.title if e.assessment else "", e.level)
        for e in rows
    }


def _lines(award: Award, evidence: dict[int, EvidenceRef]) -> list[AwardLine]:
    targets = {t["id"]: t for t in award.rule.get("targets", [])}
    lines = []
    for line in award.evidence:
        target = targets.get(line["target"], {})
        lines.append(
            AwardLine(
                code=target.get("code", ""),
                statement=target.get("statement", ""),
                level=line.get("level"),
                status=EstimateStatus(line.get("status", EstimateStatus.NOT_STARTED)),
                evidence=[evidence[pk] for pk in line.get("evidence", []) if pk in evidence],
            )
        )
    return lines


def _versions(awards: list[Award]) -> dict[int, int | None]:
    """award id → which version of its requirement its rule came from: how many audit
    records the requirement had up to the one the award names (one query for all)."""
    records: dict[int, list[int]] = {}
    for requirement, record in Requirement.history.filter(
        id__in={award.requirement_id for award in awards}
    ).values_list("id", "history_id"):
        records.setdefault(requirement, []).append(record)
    versions: dict[int, int | None] = {}
    for award in awards:
        earlier = [
            r for r in records.get(award.requirement_id, []) if r <= (award.rule_version or 0)
        ]
        versions[award.pk] = len(earlier) or None
    return versions


def learner_credentials_get(*, learner: User) -> LearnerCredentials:
    """Everything the credits pages show of one learner, revoked awards included (their
    pages say so; the family view shows only live ones)."""
    awards = list(award_list(learner=learner))
    evidence = _evidence(awards)
    versions = _versions(awards)
    return LearnerCredentials(
        learner=learner,
        awards=[AwardView(award, _lines(award, evidence), versions[award.pk]) for award in awards],
        not_earned=list(not_earned_list(learner=learner)),
    )


def issued_credential_list(*, learner: User) -> QuerySet[IssuedCredential]:
    """A learner's signed badges and CLRs, newest first, revoked ones included."""
    return IssuedCredential.objects.filter(learner=learner).select_related("award__requirement")


def issuer_key_list(*, district: Organization) -> QuerySet[IssuerKey]:
    """Every key the district has signed with, retired ones too: what they signed still
    verifies."""
    return IssuerKey.objects.filter(district=district).order_by("created_at", "pk")
