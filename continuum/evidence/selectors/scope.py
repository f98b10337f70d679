"""How much of a learner's record a viewer reads: all of it, or a partner's slice.

A community partner's placement covers the partner's own experience only. While a
placement is current (``people.selectors.learner_list`` and ``people.rules`` check its
dates), the partner reads the placed learner's evidence and estimates on the targets of
the catalog experiences the partner offers, and nothing else of the record: no other
targets, no reassessment requests, proposals or portfolio (``evidence.view_record``).
Everyone else who may see the learner reads the whole record. The HTML pages and the API
both filter here, so the two cannot drift apart.
"""

from django.db.models import QuerySet

from continuum.evidence.models import Estimate, Evidence
from continuum.frameworks.models import FrameworkItem
from continuum.people.models import Role, User
from continuum.people.public import learner_list


def partner_targets(*, user: User) -> QuerySet[FrameworkItem, int] | None:
    """The targets a partner's slice holds, or None when the viewer is not a partner (no
    restriction). Reached through the catalog's ``experiences`` relation."""
    if user.role != Role.PARTNER:
        return None
    return FrameworkItem.objects.filter(experiences__partner=user).values_list("pk", flat=True)


def in_partner_slice(*, user: User, target: FrameworkItem) -> bool:
    """Whether the target is in what the viewer may read (always, unless a partner)."""
    targets = partner_targets(user=user)
    return targets is None or target.pk in targets


def _sliced[M: (Evidence, Estimate)](queryset: QuerySet[M], user: User) -> QuerySet[M]:
    targets = partner_targets(user=user)
    return queryset if targets is None else queryset.filter(target__in=targets)


def _learners(user: User, learner: User | None) -> QuerySet[User]:
    return learner_list(user=user) if learner is None else User.objects.filter(pk=learner.pk)


def evidence_list(*, user: User, learner: User | None = None) -> QuerySet[Evidence]:
    """Evidence the user may read: of one learner (already permitted) or of every learner
    the user may see, within a partner's slice."""
    return _sliced(Evidence.objects.filter(learner__in=_learners(user, learner)), user)


def estimate_list(*, user: User, learner: User | None = None) -> QuerySet[Estimate]:
    """Estimates the user may read, the same way as ``evidence_list``."""
    return _sliced(Estimate.objects.filter(learner__in=_learners(user, learner)), user)
