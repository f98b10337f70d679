"""What an estimate shows is said once: the override when there is one, else the
calculated value, in SQL (the queryset) and in Python (the model) alike."""

from django.utils import timezone

from continuum.evidence.models import Estimate


def _estimate(learner, target, status, override=None):
    return Estimate.objects.create(
        learner=learner,
        target=target,
        level=2.0,
        status=status,
        computed_at=timezone.now(),
        override_level=3.0 if override else None,
        override_status=override or "",
    )


def test_the_override_decides_what_is_shown_in_sql_and_in_python(world, sample):
    lena, omar = world["lena"], world["omar"]
    overridden = _estimate(lena, sample["N.1.a"], "not yet", override="proficient")
    calculated = _estimate(omar, sample["N.1.a"], "not yet")
    shown = dict(Estimate.objects.with_shown().values_list("pk", "shown"))
    assert shown == {overridden.pk: "proficient", calculated.pk: "not yet"}
    assert [overridden.shown_status, calculated.shown_status] == ["proficient", "not yet"]


def test_at_least_proficient_follows_the_shown_status(world, sample):
    lena, omar = world["lena"], world["omar"]
    _estimate(lena, sample["N.1.a"], "not yet", override="advanced")
    _estimate(lena, sample["N.1.b"], "proficient", override="approaching")
    _estimate(omar, sample["N.1.a"], "proficient")
    met = set(Estimate.objects.at_least_proficient().values_list("learner__username", "target_id"))
    assert met == {("lena", sample["N.1.a"].pk), ("omar", sample["N.1.a"].pk)}
