"""Keep groups' dissolve flags current when an estimate changes (evidence, override)."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from continuum.evidence.models import Estimate
from continuum.insights.services.groups import group_flags_refresh_for


@receiver(post_save, sender=Estimate, dispatch_uid="insights_group_flags")
def estimate_saved(sender, instance: Estimate, **kwargs) -> None:
    group_flags_refresh_for(
        learner_id=instance.learner_id, target_id=instance.target_id, now=timezone.now()
    )
