"""Keep groups' dissolve flags current when an estimate changes (evidence, override) and
after a batch recompute."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from continuum.evidence.models import Estimate
from continuum.evidence.signals import estimates_recomputed
from continuum.insights.services.groups import group_flags_refresh_for, groups_flags_refresh


@receiver(post_save, sender=Estimate, dispatch_uid="insights_group_flags")
def estimate_saved(sender, instance: Estimate, **kwargs) -> None:
    group_flags_refresh_for(
        learner_id=instance.learner_id, target_id=instance.target_id, now=timezone.now()
    )


@receiver(estimates_recomputed, dispatch_uid="insights_group_flags_batch")
def estimates_recomputed_in_bulk(sender, learner_ids: set[int], now, **kwargs) -> None:
    groups_flags_refresh(learner_ids=learner_ids, now=now)
