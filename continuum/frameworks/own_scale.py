"""The one scale each target is scored on (and whose descriptors its page shows and edits).

Apart from scales.py so that the item page's selector can ask it too.
"""

from collections.abc import Iterable

from continuum.frameworks.models import FrameworkItem, ProficiencyLevel, ProficiencyScale


def scales_for(targets: Iterable[FrameworkItem]) -> dict[int, ProficiencyScale | None]:
    """Each target's scale, in two queries: the scale of its level descriptors, else the
    first scale of its framework version."""
    targets = list(targets)
    by_target: dict[int, ProficiencyScale | None] = {}
    described = (
        ProficiencyLevel.objects.filter(descriptors__item__in=targets)
        .values_list("descriptors__item_id", "scale_id")
        .distinct()
    )
    scale_ids = dict(described)
    version_ids = {target.version_id for target in targets}
    scales = ProficiencyScale.objects.filter(version_id__in=version_ids).prefetch_related("levels")
    by_id = {scale.pk: scale for scale in scales}
    first_of_version: dict[int, ProficiencyScale] = {}
    for scale in sorted(by_id.values(), key=lambda scale: scale.pk):
        first_of_version.setdefault(scale.version_id, scale)
    for target in targets:
        scale_id = scale_ids.get(target.pk)
        by_target[target.pk] = (
            by_id.get(scale_id) if scale_id else first_of_version.get(target.version_id)
        )
    return by_target
